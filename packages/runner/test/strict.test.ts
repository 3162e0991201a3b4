import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { createProgress, definePipeline, runPipeline, StrictRejectionError } from '../src/index.ts';

const EXAMPLE = fileURLToPath(new URL('../../../seeds/example/', import.meta.url));
const pipeline = definePipeline({
  name: 'test-report',
  title: { fi: 'Testiraportti', en: 'Test report' },
  description: { fi: 'Testi', en: 'Test' },
  defaultAgreement: '2021',
  defaultAsOf: { kind: 'fixed', date: '2024-12-31' },
  sections: ['summary', 'dataQuality'],
  showRevision: false,
});
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('--strict fails on rows a runaway quote swallowed, says so, and writes nothing (no rejected.csv, no temporaries)', async () => {
  const work = mkdtempSync(join(tmpdir(), 'runner-strict-'));
  dirs.push(work);
  const data = join(work, 'data');
  cpSync(EXAMPLE, data, { recursive: true });
  // Windows-1252 bytes round-trip through latin1: only ASCII is edited.
  const lines = readFileSync(join(data, 'funding.csv')).toString('latin1').split('\r\n');
  lines[10] = (lines[10] as string).replace(/^(A\d+);/, '$1;"');
  lines[40] = (lines[40] as string).replace(/^(A\d+;[^;]+);/, '$1";');
  writeFileSync(join(data, 'funding.csv'), Buffer.from(lines.join('\r\n'), 'latin1'));
  const out = join(work, 'out');
  const run = runPipeline(
    { pipeline, dataDir: data, outDir: out, asOf: '2024-12-31', agreement: '2021', lang: 'en', strict: true, previousPath: null },
    { progress: createProgress({ write: () => {}, isTTY: false, quiet: true, colour: false, now: () => 0 }), tools: () => ({}), lockWaitMs: 0 },
  );
  const err = await run.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StrictRejectionError);
  expect((err as Error).message).toContain('30 row(s) of funding.csv were not read');
  expect(existsSync(out)).toBe(false);
}, 60_000);
