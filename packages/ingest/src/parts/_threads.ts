// Worker threads that read parts of a large indicators.csv, one part at a time. They are started
// before the parts are known and say when they are ready, so their start-up overlaps the reading of
// the smaller files and no part waits for a thread still loading its code.

import { Worker } from 'node:worker_threads';
import type { PartJob, PartProgress, PartResult } from './_part.ts';

/** A thread that reads parts, one at a time. */
export interface PartThread {
  /** Resolves when the thread has loaded its code and can take a part; rejects if it never can. */
  readonly ready: Promise<void>;
  /** Reads one part; rejects when the thread fails (the part is then read elsewhere). */
  run(job: PartJob, progress: PartProgress): Promise<PartResult>;
  /**
   * Splits off the rest of the part the thread is reading (see `SplitPart`): resolves with the part's
   * new end, or null when it was not split. A thread without it is never asked.
   */
  split?(minBytes: number): Promise<number | null>;
}

/** Threads that read parts: started before the parts are known, so their start-up overlaps other work. */
export interface PartReaders {
  readonly threads: readonly PartThread[];
  /** Stops every thread. */
  close(): void;
}

/** What a part thread says: ready, progress of its part, where its part was split (null: it was not), or what the part found. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; rows: number; bytes: number }
  | { kind: 'split'; at: number | null }
  | { kind: 'done'; result: PartResult };

/** What a part thread is sent: a part to read, or a request to split the one it reads. */
export type WorkerRequest = { kind: 'part'; job: PartJob } | { kind: 'split'; minBytes: number };

/** Starts `count` worker threads running `entry` (a module that answers as `_worker.ts` does). */
export function startPartWorkers(count: number, entry: URL): PartReaders {
  const threads = Array.from({ length: count }, () => startPartWorker(entry));
  return {
    threads,
    close() {
      for (const t of threads) t.stop();
    },
  };
}

function startPartWorker(entry: URL): PartThread & { stop(): void } {
  // A young generation larger than V8's default: a part makes millions of short-lived field strings,
  // and fewer, larger scavenges read it about 5 % faster (measured on 2 × 29 MB parts).
  let worker: Worker | null = null;
  let failure: Error | null = null;
  /** The part being read: where its messages go, and how it ends if the thread fails. */
  let current: { progress: PartProgress; resolve(r: PartResult): void; reject(e: Error): void } | null = null;
  /** Split requests not yet answered, oldest first (the reading asks one at a time). */
  const splits: ((at: number | null) => void)[] = [];
  let markReady: () => void = () => {};
  let markFailed: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // a thread that fails before it is used must not crash the process
  const fail = (err: Error) => {
    failure ??= err;
    markFailed(failure);
    const c = current;
    current = null;
    c?.reject(failure);
    for (const answer of splits.splice(0)) answer(null);
  };
  try {
    worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    // Listening from the start: a thread that fails before it is given a part must not crash the process.
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a thread reading indicators.csv exited with code ${code}`)));
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.kind === 'ready') markReady();
      else if (msg.kind === 'progress') current?.progress(msg.rows, msg.bytes);
      else if (msg.kind === 'split') splits.shift()?.(msg.at);
      else {
        const c = current;
        current = null;
        c?.resolve(msg.result);
      }
    });
  } catch (err) {
    fail(err instanceof Error ? err : new Error(String(err)));
  }
  return {
    ready,
    run(job, progress) {
      if (failure !== null || worker === null) return Promise.reject(failure ?? new Error('no thread'));
      if (current !== null) return Promise.reject(new Error('a part thread reads one part at a time'));
      const w = worker;
      return new Promise<PartResult>((resolve, reject) => {
        current = { progress, resolve, reject };
        w.postMessage({ kind: 'part', job } satisfies WorkerRequest);
      });
    },
    split(minBytes) {
      if (failure !== null || worker === null) return Promise.resolve(null);
      const w = worker;
      return new Promise<number | null>((resolve) => {
        splits.push(resolve);
        w.postMessage({ kind: 'split', minBytes } satisfies WorkerRequest);
      });
    },
    stop() {
      fail(new Error('the threads reading indicators.csv were stopped'));
      if (worker) {
        worker.removeAllListeners('exit');
        void worker.terminate();
      }
    },
  };
}
