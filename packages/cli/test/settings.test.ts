import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '@ekoraportti/runner';
import { loadConfig } from '../src/_config.ts';
import { dateInFinland } from '../src/_io.ts';
import { findPipeline } from '../src/_pipelines.ts';
import { reportRuns, resolveDataSource } from '../src/_settings.ts';
import { cli, tmp } from './helpers.ts';

const root = '/srv/ekoraportti';
const where = (env: Record<string, string> = {}, config = {}) => ({ env, cwd: '/home/koordinaattori', root, config });
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ProblemError).problem;
  }
  return null;
};

describe('where the data is', () => {
  it('--data, else EKORAPORTTI_DATA, else "data" in the settings file, else the example', () => {
    const config = { data: 'ekodata' };
    const env = { EKORAPORTTI_DATA: 'kvartaali' };
    expect(resolveDataSource({ data: 'oma' }, where(env, config))).toEqual({ dir: '/home/koordinaattori/oma', origin: 'flag' });
    expect(resolveDataSource({}, where(env, config))).toEqual({ dir: '/home/koordinaattori/kvartaali', origin: 'env' });
    expect(resolveDataSource({}, where({ EKORAPORTTI_DATA: '' }, config))).toEqual({ dir: '/srv/ekoraportti/ekodata', origin: 'config' });
    expect(resolveDataSource({}, where())).toEqual({ dir: '/srv/ekoraportti/seeds/example', origin: 'example' });
    expect(resolveDataSource({ example: true }, where(env, config))).toEqual({ dir: '/srv/ekoraportti/seeds/example', origin: 'example' });
    expect(problem(() => resolveDataSource({ data: 'x', example: true }, where()))).toEqual({ code: 'E_CONFLICTING_OPTIONS', options: ['--data', '--example'] });
  });
});

describe('a report run’s options', () => {
  const steering = findPipeline('steering-group');
  it('put the example’s reports in a folder of their own, never in the one of real data (turbo restores the example’s folder whole)', () => {
    const [example] = reportRuns({ pipeline: steering }, where(), '2026-11-24');
    const [own] = reportRuns({ pipeline: steering, data: 'oma' }, where(), '2026-11-24');
    expect([example?.outDir, own?.outDir]).toEqual(['/srv/ekoraportti/out/example/steering-group', '/srv/ekoraportti/out/steering-group']);
    expect(reportRuns({ pipeline: steering, example: true }, where({}, { out: 'raportit' }), '2026-11-24')[0]?.outDir).toBe('/srv/ekoraportti/out/example/steering-group');
    // The example (or a copy with its marker file) named by --data or EKORAPORTTI_DATA is still the example.
    const copy = tmp();
    writeFileSync(join(copy, 'example-data.txt'), 'ESIMERKKIAINEISTO\n');
    expect(reportRuns({ pipeline: steering, data: copy }, where(), '2026-11-24')[0]?.outDir).toBe('/srv/ekoraportti/out/example/steering-group');
    expect(reportRuns({ pipeline: steering }, where({ EKORAPORTTI_DATA: copy }), '2026-11-24')[0]?.outDir).toBe('/srv/ekoraportti/out/example/steering-group');
  });
  it('use the example’s fixed as-of date for the example, the last full quarter for other data', () => {
    expect(reportRuns({ pipeline: steering }, where(), '2026-11-24')[0]?.asOf).toBe('2025-09-30');
    expect(reportRuns({ pipeline: steering, data: 'oma' }, where(), '2026-11-24')[0]?.asOf).toBe('2026-09-30');
  });
  it('count the day in Finland: a batch server on UTC starting at 00:30 on 1 April reports on the quarter just ended', () => {
    // 1 April 2026 00:30 in Helsinki is 21:30 UTC on 31 March (summer time, UTC+3 since 29 March).
    const firstOfApril = dateInFinland(new Date('2026-03-31T21:30:00Z'));
    expect(firstOfApril).toBe('2026-04-01');
    expect(reportRuns({ pipeline: steering, data: 'oma' }, where(), firstOfApril)[0]?.asOf).toBe('2026-03-31');
    // The last minute of 31 March in Helsinki still reports on the quarter before.
    expect(dateInFinland(new Date('2026-03-31T20:59:00Z'))).toBe('2026-03-31');
    // Winter time: UTC+2.
    expect(dateInFinland(new Date('2026-01-01T21:59:00Z'))).toBe('2026-01-01');
    expect(dateInFinland(new Date('2026-01-01T22:00:00Z'))).toBe('2026-01-02');
  });
  it('take languages, out root and city from the settings file: one report per language, each in its folder', () => {
    const runs = reportRuns({ pipeline: steering, data: 'oma' }, where({}, { lang: ['fi', 'en'], out: 'raportit', city: 'Jyväskylä' }), '2026-11-24');
    expect(runs.map((r) => [r.lang, r.outDir, r.city])).toEqual([
      ['fi', '/srv/ekoraportti/raportit/steering-group', 'Jyväskylä'],
      ['en', '/srv/ekoraportti/raportit/steering-group-en', 'Jyväskylä'],
    ]);
    expect(reportRuns({ pipeline: steering, data: 'oma', lang: 'en' }, where({}, { lang: ['fi', 'en'] }), '2026-11-24').map((r) => r.outDir)).toEqual([
      '/srv/ekoraportti/out/steering-group-en',
    ]);
    expect(problem(() => reportRuns({ pipeline: steering, out: 'x' }, where({}, { lang: ['fi', 'en'] }), '2026-11-24'))).toEqual({
      code: 'E_OUT_WITH_SEVERAL',
      several: 'languages',
    });
  });
  it('--example ignores the settings file: the example reports stay the same everywhere', () => {
    const runs = reportRuns({ pipeline: steering, example: true }, where({}, { lang: 'en', out: 'raportit', city: 'Muu' }), '2026-11-24');
    expect(runs.map((r) => [r.lang, r.outDir, r.city, r.asOf])).toEqual([['fi', '/srv/ekoraportti/out/example/steering-group', null, '2025-09-30']]);
  });
  it('--previous FILE, none, or the newest earlier report found in the output folder', () => {
    const previous = (p?: string) => reportRuns({ pipeline: steering, previous: p }, where(), '2026-11-24')[0]?.previous;
    expect(previous()).toEqual({ kind: 'auto' });
    expect(previous('none')).toEqual({ kind: 'none' });
    expect(previous('q2/report.json')).toEqual({ kind: 'file', path: '/home/koordinaattori/q2/report.json' });
  });
});

describe('ekoraportti.config.json', () => {
  const withConfig = (text: string) => {
    const dir = tmp();
    writeFileSync(join(dir, 'ekoraportti.config.json'), text);
    return dir;
  };
  it('is optional, and checked field by field', async () => {
    expect(await loadConfig(tmp())).toEqual({ config: {}, path: null });
    const ok = withConfig('\ufeff{ "data": "/srv/ekodata", "lang": ["fi", "en"], "recipients": "johtoryhma.txt" }');
    expect((await loadConfig(ok)).config).toEqual({ data: '/srv/ekodata', lang: ['fi', 'en'], recipients: 'johtoryhma.txt' });
    const bad = async (text: string) => (await loadConfig(withConfig(text)).catch((e: ProblemError) => e)) as ProblemError;
    expect((await bad('{ "date": "/srv/ekodata" }')).problem).toMatchObject({ code: 'E_CONFIG_FIELD', field: 'date', problem: { kind: 'unknown' } });
    expect((await bad('{ "lang": "sv" }')).problem).toMatchObject({ code: 'E_CONFIG_FIELD', field: 'lang' });
    expect((await bad('{ "data": 5 }')).problem).toMatchObject({ code: 'E_CONFIG_FIELD', field: 'data', problem: { kind: 'type', expected: 'string' } });
    expect((await bad('{ data: 1 }')).problem).toMatchObject({ code: 'E_CONFIG_JSON' });
  });
  it('a broken one stops the command with exit 2 naming the field, in the report’s language', async () => {
    const dir = withConfig('{ "datta": "/srv/ekodata" }');
    mkdirSync(join(dir, 'seeds', 'example'), { recursive: true });
    const r = await cli(['--pipeline', 'steering-group'], { root: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ekoraportti: Asetustiedoston ${join(dir, 'ekoraportti.config.json')} kenttä "datta" ei kelpaa: tuntematon kenttä, poista se.\n`);
  });
});
