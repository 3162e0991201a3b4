import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const TMP_PREFIX = '.ekoraportti-';
const TMP_SUFFIX = '.tmp';

/**
 * What this process would leave behind if it stopped now: each StagedWrite with staged files and each
 * lock held, as a synchronous clean-up. A run stopped by a signal (a timeout's SIGTERM, Ctrl-C) calls
 * them through `removeOwnTemporaries()`; a run killed outright (SIGKILL) cannot, and the next run into
 * the folder removes what it left.
 */
const leftBehind = new Set<() => void>();

/**
 * Removes this process's temporary files and lock files now, synchronously: for a signal handler, when
 * the run will not get to finish. The previous outputs stay as they were.
 */
export function removeOwnTemporaries(): void {
  for (const cleanUp of [...leftBehind]) {
    try {
      cleanUp();
    } catch {
      // Each one as far as it goes: the rest still run.
    }
  }
  leftBehind.clear();
}

/** A staged file written piece by piece: synchronous writes, so nothing piles up in memory. */
export interface StagedFile {
  write(bytes: Uint8Array): void;
  /** fsyncs and closes the file; it is renamed into place by the StagedWrite's `commit()`. */
  close(): void;
}

/**
 * A set of files written together: each is staged under a temporary name in the target folder,
 * fsynced, and only renamed into place by `commit()`. A run killed at any moment leaves every
 * final-named file either the old complete one or the new complete one.
 */
export class StagedWrite {
  readonly dir: string;
  readonly #staged: { tmp: string; final: string }[] = [];
  /** Closers of files opened with `open()` and perhaps not closed yet (a run that fails while reading). */
  readonly #openFiles: (() => void)[] = [];
  /** The outermost folder `open()` made, removed again by `abort()` when nothing else is in it. */
  #made: string | undefined;
  /** `abort()`'s work done synchronously, registered in `leftBehind` while files are staged. */
  readonly #removeNow = () => {
    for (const close of this.#openFiles.splice(0)) close();
    for (const { tmp } of this.#staged.splice(0)) rmSync(tmp, { force: true });
    this.#removeMadeIfEmpty();
  };

  constructor(dir: string) {
    this.dir = dir;
  }

  async stage(name: string, data: Uint8Array | string): Promise<void> {
    const tmp = join(this.dir, `${TMP_PREFIX}${process.pid}-${this.#staged.length}-${name}${TMP_SUFFIX}`);
    // Registered before it is written: a write that fails half-way (a full disk) is removed by abort().
    this.#staged.push({ tmp, final: join(this.dir, name) });
    leftBehind.add(this.#removeNow);
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Stages a file to be written piece by piece while other work goes on (rejected.csv, as the rows are
   * read). The folder is made if it does not exist.
   */
  open(name: string): StagedFile {
    this.#made ??= mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `${TMP_PREFIX}${process.pid}-${this.#staged.length}-${name}${TMP_SUFFIX}`);
    let fd: number | null = openSync(tmp, 'w');
    this.#staged.push({ tmp, final: join(this.dir, name) });
    leftBehind.add(this.#removeNow);
    const closeFd = (sync: boolean) => {
      if (fd === null) return;
      const f = fd;
      fd = null;
      try {
        if (sync) fsyncSync(f);
      } finally {
        closeSync(f);
      }
    };
    this.#openFiles.push(() => closeFd(false));
    return {
      write(bytes) {
        if (fd === null) throw new Error(`${name} is already closed`);
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      },
      close: () => closeFd(true),
    };
  }

  /** Renames every staged file into place, in staging order (put the manifest last). */
  commit(): void {
    for (const { tmp, final } of this.#staged) renameSync(tmp, final);
    syncDir(this.dir);
    this.#staged.length = 0;
    leftBehind.delete(this.#removeNow);
  }

  /** Removes the staged files; the previous outputs stay as they were. */
  async abort(): Promise<void> {
    for (const close of this.#openFiles.splice(0)) close();
    await Promise.all(this.#staged.map(({ tmp }) => rm(tmp, { force: true })));
    this.#staged.length = 0;
    leftBehind.delete(this.#removeNow);
    this.#removeMadeIfEmpty();
  }

  /** A folder this run made for its staged files goes too, so a failed first run leaves nothing. */
  #removeMadeIfEmpty(): void {
    const made = this.#made;
    this.#made = undefined;
    if (made !== undefined && readdirSync(this.dir).length === 0) rmSync(made, { recursive: true, force: true });
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the renames are still atomic.
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files that runs killed earlier left behind (their process is gone). */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(TMP_PREFIX) || !name.endsWith(TMP_SUFFIX)) continue;
    const pid = Number(name.slice(TMP_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid)) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export interface Lock {
  release(): void;
}

/**
 * Takes `<dir>/.ekoraportti.lock` so two runs into the same folder take turns. A lock whose
 * process is gone (killed) is taken over. Waits up to `waitMs`, calling `onWait` once.
 */
export async function acquireLock(dir: string, waitMs: number, onWait: (holder: number) => void): Promise<Lock | { heldBy: number }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, '.ekoraportti.lock');
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        leftBehind.delete(release);
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
      leftBehind.add(release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path, 'utf8'));
    } catch {
      continue; // released between our open and read
    }
    if (!Number.isInteger(holder) || holder <= 0 || !pidAlive(holder)) {
      rmSync(path, { force: true }); // stale: its run was killed
      continue;
    }
    if (Date.now() >= deadline) return { heldBy: holder };
    if (!told) onWait(holder), (told = true);
    await new Promise((r) => setTimeout(r, 100));
  }
}
