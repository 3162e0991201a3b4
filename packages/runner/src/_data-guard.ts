// A report must be made from one state of its data folder. The manifest records each input's hash, and
// the next run is "up to date" when the hashes still match; some inputs (a workbook, a large
// indicators.csv read in parts) are hashed after they were read, so a file replaced in between would
// be recorded with the new bytes under a report made from the old ones, and every later run would
// call that stale report current. Each file's identity is taken before the reading and compared once
// every hash is taken: any change, and a file that went away, fails the run with nothing written.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ProblemError } from './_errors.ts';

/** Size, modification and change times and inode: a rename, a copy over, an edit or `touch -d` all change one. */
export type FolderState = ReadonlyMap<string, string>;

const identity = (s: { size: number; mtimeMs: number; ctimeMs: number; ino: number }) => `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;

/** The identity of every file directly in `dir`, before the reading starts. */
export async function folderState(dir: string): Promise<FolderState> {
  const state = new Map<string, string>();
  // stat, not the entry's own type: a data file may be a symbolic link (an export kept on a shared drive).
  for (const name of await readdir(dir)) {
    const s = await stat(join(dir, name)).catch(() => null);
    if (s?.isFile()) state.set(name, identity(s));
  }
  return state;
}

/**
 * Fails the run (E_DATA_CHANGED) when one of `files` (names in `dir`) is not as it was in `before`;
 * else gives each file's size, for the manifest.
 */
export async function assertUnchanged(dir: string, before: FolderState, files: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const file of files) {
    const s = await stat(join(dir, file)).catch(() => null);
    if (s === null || before.get(file) !== identity(s)) throw new ProblemError({ code: 'E_DATA_CHANGED', dir, file });
    sizes.set(file, s.size);
  }
  return sizes;
}

/** A file of the data folder that went away while it was read (ENOENT on a path in `dir`), as the problem it is; else null. */
export function vanishedFrom(dir: string, e: unknown): ProblemError | null {
  const err = e as NodeJS.ErrnoException | null;
  if (err?.code !== 'ENOENT' || typeof err.path !== 'string') return null;
  const inside = relative(dir, err.path);
  if (inside.startsWith('..')) return null;
  return new ProblemError({ code: 'E_DATA_CHANGED', dir, file: inside === '' ? basename(dir) : inside });
}
