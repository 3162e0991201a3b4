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
  /**
   * Closes and removes the staged files, and a folder this run made for them when nothing else is in it
   * (a failed first run leaves nothing): `abort()`, and in `leftBehind` while files are staged.
   */
  readonly #removeNow = () => {
    for (const close of this.#openFiles.splice(0)) close();
    for (const { tmp } of this.#staged.splice(0)) rmSync(tmp, { force: true });
    const made = this.#made;
    this.#made = undefined;
    if (made !== undefined && readdirSync(this.dir).length === 0) rmSync(made, { recursive: true, force: true });
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
    leftBehind.delete(this.#removeNow);
    this.#removeNow();
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
 * When process `pid` started (Linux: clock ticks since boot, from /proc), or null where that cannot be
 * read. A lock names its holder by both: after a reboot or in a fresh container a killed run's PID is
 * soon another process's — or the next run's own — and a PID alone would look alive forever.
 */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses: state is field 3, starttime field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The lock file's words: `PID` or `PID STARTTIME`. */
const lockHolder = (pid: number): string => {
  const start = processStart(pid);
  return start === null ? String(pid) : `${pid} ${start}`;
};

/** Whether the run a lock file names still runs: its PID is alive and, where it can be told, the same process. */
function holderRuns(words: string): { pid: number; runs: boolean } {
  const [pidText = '', start] = words.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return { pid, runs: false };
  if (start === undefined) return { pid, runs: true };
  const now = processStart(pid);
  return { pid, runs: now === null || now === start };
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
      const mine = lockHolder(process.pid);
      writeSync(fd, mine);
      closeSync(fd);
      const release = () => {
        leftBehind.delete(release);
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
      leftBehind.add(release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: { pid: number; runs: boolean };
    try {
      holder = holderRuns(readFileSync(path, 'utf8'));
    } catch {
      continue; // released between our open and read
    }
    if (!holder.runs) {
      rmSync(path, { force: true }); // stale: its run was killed (its PID may be another process's by now)
      continue;
    }
    if (Date.now() >= deadline) return { heldBy: holder.pid };
    if (!told) onWait(holder.pid), (told = true);
    await new Promise((r) => setTimeout(r, 100));
  }
}
