import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '@ekoraportti/runner';
import { planReports } from '../src/_all.ts';
import { ROOT, tmp } from './helpers.ts';

// `pnpm report [-- options]` (`ekoraportti all`): which turbo task runs, with which arguments.
function io(o: { env?: Record<string, string>; root?: string } = {}) {
  return {
    stdout: () => {},
    stderr: () => {},
    env: o.env ?? {},
    cwd: '/home/koordinaattori',
    stderrIsTTY: false,
    today: () => '2026-11-24',
    now: () => 0,
    root: o.root ?? ROOT,
    tools: () => ({}),
    ingestWorker: null,
    processors: 1,
  };
}
/** The task a plan runs. */
const task = async (p: ReturnType<typeof planReports>) => {
  const plan = await p;
  return plan === 'help' ? 'help' : plan.task;
};
const problem = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as ProblemError).problem;

describe('pnpm report', () => {
  it('builds the example through the turbo-cached task while nothing else is named', async () => {
    expect(await planReports([], io())).toMatchObject({ task: 'report:example', filter: null, passThrough: [] });
    expect(await planReports(['--', '--quiet', '--pipeline', 'steering-group'], io())).toMatchObject({
      task: 'report:example',
      filter: '@ekoraportti/pipeline-steering-group',
      passThrough: ['--quiet'],
    });
  });

  it('builds any other data through the uncached task, paths made absolute for the tasks', async () => {
    expect(await planReports(['--', '--data', 'ekodata', '--as-of', '2026-03-31'], io())).toMatchObject({
      task: 'report',
      passThrough: ['--data', '/home/koordinaattori/ekodata', '--as-of', '2026-03-31'],
      data: { dir: '/home/koordinaattori/ekodata', origin: 'flag' },
    });
    expect(await planReports([], io({ env: { EKORAPORTTI_DATA: 'ekodata' } }))).toMatchObject({
      task: 'report',
      passThrough: [],
      env: { EKORAPORTTI_DATA: '/home/koordinaattori/ekodata' },
      data: { origin: 'env' },
    });
    // Options turbo cannot see through (the language's own folder, a previous report) are not cached either.
    expect(await task(planReports(['--lang', 'en'], io()))).toBe('report');
    expect(await task(planReports(['--previous', 'none'], io()))).toBe('report');
  });

  it('does not cache the example while a settings file exists: it may set languages, the out root or the data', async () => {
    const root = tmp();
    mkdirSync(join(root, 'seeds', 'example'), { recursive: true });
    writeFileSync(join(root, 'ekoraportti.config.json'), '{ "lang": ["fi", "en"] }');
    expect(await task(planReports([], io({ root })))).toBe('report');
    expect(await task(planReports(['--example'], io({ root })))).toBe('report:example');
    writeFileSync(join(root, 'ekoraportti.config.json'), '{ "data": "/srv/ekodata" }');
    expect(await planReports([], io({ root }))).toMatchObject({ task: 'report', data: { dir: '/srv/ekodata', origin: 'config' } });
  });

  it('refuses what the report tasks would refuse, before turbo starts', async () => {
    expect(await problem(planReports(['--', '--bogus'], io()))).toEqual({ code: 'E_UNKNOWN_OPTION', option: '--bogus' });
    expect(await problem(planReports(['--out', 'x'], io()))).toEqual({ code: 'E_OUT_WITH_SEVERAL', several: 'pipelines' });
    expect(await problem(planReports(['--as-of', '2204-12-31'], io()))).toMatchObject({ code: 'E_AS_OF_RANGE' });
    expect(await problem(planReports(['--pipeline', 'annual'], io()))).toMatchObject({ code: 'E_UNKNOWN_PIPELINE' });
  });
});
