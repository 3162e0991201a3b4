import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePipeline, runPipeline, type RunContext, type RunOptions, type RunResult } from '../src/index.ts';

// Test helpers, also for the command line's tests (`@ekoraportti/runner/testing`): a run on the example
// data, a coordinator's own data folder, a real small or read-only file system.

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLE = join(ROOT, 'seeds', 'example');

export const tmp = (prefix = 'ekoraportti-runner-') => mkdtempSync(join(tmpdir(), prefix));

/** A pipeline like the steering group's, defined here: the runner cannot depend on the pipeline packages. */
export const QUARTERLY = definePipeline({
  name: 'quarterly',
  title: { fi: 'Neljännesvuosiraportti', en: 'Quarterly report' },
  description: { fi: 'Testiraportti', en: 'Test report' },
  defaultAgreement: '2025',
  defaultAsOf: { kind: 'lastFullQuarter' },
  exampleAsOf: '2025-09-30',
  sections: ['summary', 'delta', 'funding', 'dataQuality'],
  showRevision: false,
  quarterly: true,
});

/** QUARTERLY's options on the example data, in English, into a new folder, unless told otherwise. */
export function runOptions(overrides: Partial<RunOptions> = {}): RunOptions {
  return {
    pipeline: QUARTERLY,
    dataDir: EXAMPLE,
    dataOrigin: 'flag',
    outDir: tmp(),
    asOf: '2025-09-30',
    agreement: '2025',
    lang: 'en',
    strict: false,
    previous: { kind: 'auto' },
    city: null,
    force: false,
    ...overrides,
  };
}

/**
 * Runs QUARTERLY with the example data unless told otherwise; progress lines are collected. The PDF is
 * drawn on this thread (`processors: 1`) unless told otherwise: a PDF thread loads its renderer anew for
 * each run (two seconds of a processor), and draws the same bytes (render-pdf's thread test).
 */
export async function run(
  overrides: Partial<RunOptions>,
  tools: Record<string, string> = { code: 'test' },
  processors: RunContext['processors'] = 1,
): Promise<RunResult & { lines: string[] }> {
  const lines: string[] = [];
  const options = runOptions(overrides);
  const progress = { stage: (m: string) => void lines.push(m), tick: () => {}, done: () => {} };
  const result = await runPipeline(options, { progress, tools: () => tools, lockWaitMs: 1000, processors });
  return { ...result, lines };
}

/**
 * A small tmpfs mounted at a new folder, or null where this process may not mount (not root, or no
 * CAP_SYS_ADMIN): a real full or read-only file system, not a simulation.
 */
export function mountTmpfs(options: string): { dir: string; unmount: () => void } | null {
  if (process.getuid?.() !== 0) return null;
  const dir = tmp('ekoraportti-tmpfs-');
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return { dir, unmount: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}

const mounted: string[] = [];

/** Unmounts every tmpfs {@link mountTmpfs} mounted (call it in `afterAll`). */
export function unmountAll(): void {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir], { stdio: 'ignore' });
}

/** The example's four CSV files and its EURA export in a folder of their own, without the example-data marker: data as a coordinator's. */
export function ownData(): string {
  const dir = tmp('ekoraportti-data-');
  for (const f of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv', 'eura2021-hankkeet-esimerkki.xlsx']) copyFileSync(join(EXAMPLE, f), join(dir, f));
  return dir;
}
