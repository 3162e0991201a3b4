import { appendFileSync, cpSync, existsSync, readdirSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { IngestError } from '@ekoraportti/ingest';
import { vanishedFrom } from '../src/_data-guard.ts';
import { ProblemError, runPipeline, type RunOptions } from '../src/index.ts';
import { EXAMPLE, runOptions, tmp } from './helpers.ts';

const options = (dataDir: string, outDir: string): RunOptions => runOptions({ dataDir, outDir });

/** Runs with `onStage` called on each finished stage's line, and returns the run's problem code or 'built'. */
async function runWatching(o: RunOptions, onStage: (line: string) => void): Promise<string> {
  const progress = { stage: onStage, tick: () => {}, done: () => {} };
  return runPipeline(o, { progress, tools: () => ({ code: 'test' }), lockWaitMs: 1000, processors: 1 }).then(
    (r) => r.status,
    (e: unknown) => (e instanceof ProblemError ? e.problem.code : `not a problem: ${String(e)}`),
  );
}

it('a data file that changes after it was read fails the run with nothing written, and the next run makes the report from it', async () => {
  const data = join(tmp(), 'data');
  cpSync(EXAMPLE, data, { recursive: true });
  const out = join(tmp(), 'out');
  // The coordinator saves a corrected funding.csv while the report is being made (its model is computed by then).
  let saved = false;
  const first = await runWatching(options(data, out), (line) => {
    if (!saved && line.startsWith('computed the report model')) {
      appendFileSync(join(data, 'funding.csv'), 'A80501;EAKR;2025;1000\r\n');
      saved = true;
    }
  });
  expect(saved).toBe(true);
  expect(first).toBe('E_DATA_CHANGED');
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  // Not "up to date" afterwards: the next run reads the corrected file.
  expect(await runWatching(options(data, out), () => {})).toBe('built');
}, 60_000);

it('a data file that is a symbolic link (an export on a shared drive) is not taken for a changed one', async () => {
  const data = join(tmp(), 'data');
  cpSync(EXAMPLE, data, { recursive: true });
  const shared = join(tmp(), 'funding.csv');
  renameSync(join(data, 'funding.csv'), shared);
  symlinkSync(shared, join(data, 'funding.csv'));
  expect(await runWatching(options(data, join(tmp(), 'out')), () => {})).toBe('built');
}, 60_000);

it('a data file gone during the reading is a problem of the data (exit 2), not an internal error', async () => {
  const data = join(tmp(), 'data');
  cpSync(EXAMPLE, data, { recursive: true });
  const progress = {
    stage: () => {},
    tick: (message: string) => {
      if (message.includes('indicators.csv') && existsSync(data)) renameSync(data, `${data}-moved`);
    },
    done: () => {},
  };
  const error = await runPipeline(options(data, join(tmp(), 'out')), { progress, tools: () => ({ code: 'test' }), lockWaitMs: 1000, processors: 1 }).then(
    () => null,
    (e: unknown) => e,
  );
  // A CSV file ingest opens says so itself; a workbook's reader throws the system's ENOENT, which becomes ours.
  expect(error instanceof IngestError || error instanceof ProblemError, String(error)).toBe(true);
  const enoent = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT', path: join(data, 'eura.xlsx') });
  expect(vanishedFrom(data, enoent)?.problem).toEqual({ code: 'E_DATA_CHANGED', dir: data, file: 'eura.xlsx' });
  expect(vanishedFrom(data, Object.assign(new Error('x'), { code: 'ENOENT', path: '/elsewhere/file' }))).toBeNull();
}, 60_000);
