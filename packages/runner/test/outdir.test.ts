import { chmodSync, existsSync, readdirSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../src/index.ts';
import { mountTmpfs, run, tmp, unmountAll } from './helpers.ts';

const problem = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ProblemError);
  return (e as ProblemError).problem;
};
const hashes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

afterAll(unmountAll);

describe('the output folder is checked before anything is read', () => {
  it('a file named as the output folder, or a folder under a file, stops the run at once', async () => {
    const file = join(tmp(), 'raportti.pdf');
    writeFileSync(file, 'not a folder');
    // A data folder without its files would stop the run when read: the output is checked first.
    const unreadable = tmp();
    expect(await problem(run({ outDir: file, dataDir: unreadable }))).toEqual({ code: 'E_OUT_IS_FILE', dir: file });
    expect(await problem(run({ outDir: join(file, 'sub', 'dir'), dataDir: unreadable }))).toEqual({
      code: 'E_OUT_UNDER_FILE',
      dir: join(file, 'sub', 'dir'),
      file,
    });
  });

  it('a folder that cannot be written to stops the run at once', async () => {
    // As root, permissions do not stop a write: a read-only mount does. Otherwise a folder without write permission.
    const ro = mountTmpfs('ro,size=64k');
    let dir: string;
    if (ro) {
      dir = join(ro.dir, 'out');
    } else {
      const parent = tmp();
      chmodSync(parent, 0o555);
      dir = join(parent, 'out');
    }
    expect(await problem(run({ outDir: dir }))).toEqual({ code: 'E_OUT_READ_ONLY', dir });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a full disk', () => {
  const fs = mountTmpfs('size=2m');
  it.skipIf(fs === null)('stops the run with "no space left", keeps the previous report and leaves no temporaries', async () => {
    if (fs === null) return;
    const out = join(fs.dir, 'steering-group');
    const first = await run({ outDir: out, asOf: '2025-06-30' });
    expect(first.status).toBe('built');
    const before = hashes(out);
    // Everything else on the disk fills it to 40 kB of the end: the next quarter's report does not fit.
    const free = statfsSync(fs.dir);
    writeFileSync(join(fs.dir, 'other-files'), Buffer.alloc(free.bavail * free.bsize - 40_000));
    expect(await problem(run({ outDir: out, asOf: '2025-09-30' }))).toEqual({ code: 'E_NO_SPACE', dir: out });
    expect(hashes(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 300_000);
});
