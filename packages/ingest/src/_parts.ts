// Reading a large indicators.csv in parts, on several threads, and merging what the parts found.
//
// csv-parse is single-threaded and most of a national-scale run is spent in it, so the file is cut
// into byte ranges at line breaks and each range is parsed, validated and tallied on its own; the
// parts' counts, rejections, warnings and KPI tallies are then merged in file order. The result is
// the one reading the file whole gives, which the tests check row for row.
//
// There is a part for each thread, all equal. A worker thread takes a part only once it has started;
// a part whose thread is late or fails is read on this thread, so a thread can make the reading no
// slower than reading the file alone would be. (Smaller parts handed out as threads come free were
// tried: more than one part per thread made each slower, 8 % over the whole run; see
// `partReaderHere` for why.)
//
// A cut is only trusted when the parse proves it: every part ends exactly at a record boundary
// outside any quoted value (a part that ends inside a quote, or that csv-parse cannot read, fails).
// Then the file is read whole instead.

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { InputCounts, KpiTallyConfig, KpiTallyState, Language, Rejection } from '@ekoraportti/core';
import { KpiTally } from '@ekoraportti/core';
import iconv from 'iconv-lite';
import type { CsvRange } from './_csv.ts';
import { streamCsv } from './_csv.ts';
import type { Dialect } from './_decode.ts';
import { decodeMixed, SNIFF_BYTES } from './_decode.ts';
import { MESSAGES } from './_messages.ts';
import type { Header } from './_records.ts';
import { recordStep } from './_records.ts';
import type { IndicatorState } from './_rows.ts';
import { indicatorsValidator } from './_rows.ts';
import { DateCache } from './_values.ts';

/** Records between two progress reports, as for a file read whole. */
export const PROGRESS_EVERY = 50_000;

/** How a file is cut: its header (read from the first line) and the parts after it. */
export interface PartPlan {
  /** The header record's fields, as csv-parse would give them. */
  headerFields: string[];
  /** Byte after the header line: the first part starts here. */
  headerEnd: number;
  recordDelimiter: string;
  /** Byte ranges [start, end) of the parts, in file order, covering headerEnd … size. */
  ranges: [start: number, end: number][];
}

/** One part to read, as sent to a worker thread (structured-cloneable). */
export interface PartJob {
  path: string;
  range: CsvRange;
  header: Header;
  lang: Language;
  asOf: string;
  knownKpis: string[];
  /** Accepted projects: lower-cased id → id. */
  projectIds: [key: string, id: string][];
  /** Rejected projects: lower-cased id → line. */
  rejectedProjects: [key: string, line: number][];
  tally: KpiTallyConfig;
}

/** What one part found; `ok: false` when the cut could not be trusted (then the file is read whole). */
export type PartResult =
  | {
      ok: true;
      counts: InputCounts;
      rejected: Rejection[];
      afterAsOf: [kpi: string, { count: number; firstLine: number }][];
      tally: KpiTallyState;
      /** Physical lines the part spans: the next part starts that many lines after this one. */
      lines: number;
    }
  | { ok: false; reason: string };

/** Progress of one part: rows and bytes read so far. */
export type PartProgress = (rows: number, bytes: number) => void;

/** Whether a file of `bytes` is worth cutting into parts of at least `minPartBytes`. */
export function worthCutting(bytes: number, minPartBytes: number): boolean {
  return bytes >= 2 * minPartBytes;
}

/**
 * Decides how to cut a file into at most `maxParts` equal parts of at least `minPartBytes` each, or
 * returns null when it should be read whole: it is small, its first line is not a plain header (blank,
 * quoted, or with no line break in the first 64 KiB), or its lines end in a lone CR.
 */
export async function planParts(
  handle: FileHandle,
  dialect: Dialect,
  size: number,
  maxParts: number,
  minPartBytes: number,
): Promise<PartPlan | null> {
  if (maxParts < 2) return null;
  const head = await readAt(handle, 0, SNIFF_BYTES);
  const from = dialect.bom ? 3 : 0;
  let eol = -1;
  for (let i = from; i < head.length; i++) {
    const c = head[i] as number;
    if (c === 0x22) return null; // a quote on the first line: leave the header to csv-parse
    if (c === 0x0a || c === 0x0d) {
      eol = i;
      break;
    }
  }
  if (eol < 0) return null;
  // csv-parse takes the first line break it meets (CRLF before CR) as every record's delimiter.
  let recordDelimiter: string;
  if (head[eol] === 0x0a) recordDelimiter = '\n';
  else if (head[eol + 1] === 0x0a) recordDelimiter = '\r\n';
  else return null;
  const headerEnd = eol + recordDelimiter.length;
  const bytes = head.subarray(from, eol);
  const text =
    dialect.encoding === 'win1252' ? iconv.decode(bytes, 'win1252') : isUtf8(bytes) ? bytes.toString('utf8') : decodeMixed(bytes);
  const headerFields = text.split(dialect.delimiter);
  if (headerFields.every((f) => f.trim() === '')) return null;

  const body = size - headerEnd;
  if (!worthCutting(body, minPartBytes)) return null;
  const count = Math.min(maxParts, Math.floor(body / minPartBytes));
  const eolBytes = Buffer.from(recordDelimiter, 'latin1');
  const cuts: number[] = [headerEnd];
  for (let i = 1; i < count; i++) {
    const cut = await lineStartFrom(handle, headerEnd + Math.floor((body * i) / count), size, eolBytes);
    if (cut !== null && cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut);
  }
  if (cuts.length < 2) return null;
  cuts.push(size);
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) ranges.push([cuts[i] as number, cuts[i + 1] as number]);
  return { headerFields, headerEnd, recordDelimiter, ranges };
}

/** The byte after the first `eol` at or after `position`, or null when none is before `size`. */
async function lineStartFrom(handle: FileHandle, position: number, size: number, eol: Buffer): Promise<number | null> {
  // Windows overlap by the delimiter's length less one, so a CRLF across two windows is found.
  for (let p = position; p < size; p += SNIFF_BYTES - (eol.length - 1)) {
    const window = await readAt(handle, p, SNIFF_BYTES);
    const i = window.indexOf(eol);
    if (i >= 0) return p + i + eol.length;
    if (window.length < SNIFF_BYTES) return null;
  }
  return null;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/**
 * Reads one part of indicators.csv: parses, validates and tallies its rows with the same steps as a
 * whole-file read. A part after the first counts its lines from `range.firstLine` 1: where it starts in
 * the file is known only once the parts before it are read, and the merge moves its lines there.
 */
export async function readPart(job: PartJob, progress?: PartProgress): Promise<PartResult> {
  const range = job.range;
  let nextLine = range.firstLine;
  const m = MESSAGES[job.lang];
  const tally = KpiTally.fromConfig(job.tally);
  const state: IndicatorState = {
    knownKpis: new Set(job.knownKpis),
    asOf: job.asOf,
    m,
    onObservation: (o) => tally.add(o),
    projectIdByKey: new Map(job.projectIds),
    projectIdByExact: new Map(job.projectIds.map(([, id]) => [id, id])),
    rejectedProjectLine: new Map(job.rejectedProjects),
    afterAsOf: new Map(),
    dates: new DateCache(),
  };
  const counts: InputCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 };
  const rejected: Rejection[] = [];
  const step = recordStep('indicators.csv', job.header, indicatorsValidator(state, job.header.idx), m, counts, rejected);
  let bytes = 0;
  let failed: string | null = null;
  try {
    await streamCsv(
      job.path,
      {
        header() {
          throw new Error('a part has no header');
        },
        record(fields, line) {
          step(fields, line);
          if (progress && counts.rowsRead % PROGRESS_EVERY === 0) progress(counts.rowsRead, bytes);
        },
        chunk(buf) {
          bytes += buf.length;
        },
        quoteNotClosed(line) {
          failed = `a quote opened on line ${line} is still open at the end of the part`;
        },
        unreadable(line, error): never {
          throw new PartUnreadable(`csv-parse stopped on line ${line}: ${error.message}`);
        },
        end(line) {
          nextLine = line;
        },
      },
      range,
    );
  } catch (err) {
    if (!(err instanceof PartUnreadable)) throw err;
    failed = err.message;
  }
  if (failed !== null) return { ok: false, reason: failed };
  progress?.(counts.rowsRead, bytes);
  const lines = nextLine - range.firstLine;
  return { ok: true, counts, rejected, afterAsOf: [...state.afterAsOf], tally: tally.toState(), lines };
}

class PartUnreadable extends Error {}

/** sha256 of a file's bytes. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The part reader for this thread. Run from the bundle, it is the worker threads' bundled copy, loaded
 * here as a module: its csv-parse and row closures are then new to this thread. V8 compiles a thread's
 * first instance of such a closure specialised to it and later instances to slower, general code, and
 * this thread has already read projects.csv and funding.csv with the bundle's own copy: with that copy
 * it read its part at 0.85 of a worker's pace, with this one at a worker's (measured on 2 × 29 MB).
 * From the TypeScript sources (tests) there is one copy, and it is this module's.
 */
export async function partReaderHere(): Promise<typeof readPart> {
  if (import.meta.url.endsWith('.ts')) return readPart;
  try {
    const copy = (await import(workerEntry().href)) as { readPart?: typeof readPart };
    return copy.readPart ?? readPart;
  } catch {
    return readPart;
  }
}

/** Where the worker thread's code is: beside the bundle's chunks, or the TypeScript source run through tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./_worker-source.mjs', import.meta.url)
    : new URL('./ingest-worker.mjs', import.meta.url);
}

/** A thread that reads parts, one at a time. */
export interface PartThread {
  /** Resolves when the thread has loaded its code and can take a part; rejects if it never can. */
  readonly ready: Promise<void>;
  /** Reads one part; rejects when the thread fails (the part is then read elsewhere). */
  run(job: PartJob, progress: PartProgress): Promise<PartResult>;
}

/** Threads that read parts: started before the parts are known, so their start-up overlaps other work. */
export interface PartReaders {
  readonly threads: readonly PartThread[];
  /** Stops every thread. */
  close(): void;
}

type WorkerMessage = { kind: 'ready' } | { kind: 'progress'; rows: number; bytes: number } | { kind: 'done'; result: PartResult };

/** Starts `count` worker threads that read the parts they are given. */
export function startPartWorkers(count: number): PartReaders {
  const threads = Array.from({ length: count }, () => startPartWorker());
  return {
    threads,
    close() {
      for (const t of threads) t.stop();
    },
  };
}

function startPartWorker(): PartThread & { stop(): void } {
  // A young generation larger than V8's default: a part makes millions of short-lived field strings,
  // and fewer, larger scavenges read it about 5 % faster (measured on 2 × 29 MB parts).
  const worker = new Worker(workerEntry(), { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
  let failure: Error | null = null;
  /** The part being read: where its messages go, and how it ends if the thread fails. */
  let current: { progress: PartProgress; resolve(r: PartResult): void; reject(e: Error): void } | null = null;
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
  };
  // Listening from the start: a thread that fails before it is given a part must not crash the process.
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a thread reading indicators.csv exited with code ${code}`)));
  worker.on('message', (msg: WorkerMessage) => {
    if (msg.kind === 'ready') markReady();
    else if (msg.kind === 'progress') current?.progress(msg.rows, msg.bytes);
    else {
      const c = current;
      current = null;
      c?.resolve(msg.result);
    }
  });
  return {
    ready,
    run(job, progress) {
      if (failure !== null) return Promise.reject(failure);
      if (current !== null) return Promise.reject(new Error('a part thread reads one part at a time'));
      return new Promise<PartResult>((resolve, reject) => {
        current = { progress, resolve, reject };
        worker.postMessage(job);
      });
    },
    stop() {
      fail(new Error('the threads reading indicators.csv were stopped'));
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
