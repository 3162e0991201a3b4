// Reading a large indicators.csv in parts, on several threads, and merging what the parts found.
//
// csv-parse is single-threaded and most of a national-scale run is spent in it, so the file is cut
// into byte ranges at line feeds (`_plan.ts`) and each range is parsed, checked and tallied on its own
// (`_part.ts`); the parts' accounts and KPI tallies are then merged in file order. The result is the
// one reading the file whole gives, which the tests check row for row.
//
// There is a part for each thread, all equal. A worker thread takes a part only once it has started;
// a part whose thread is late or fails is read on this thread, so a thread can make the reading no
// slower than reading the file alone would be. (Smaller parts handed out as threads come free were
// tried: more than one part per thread made each slower, 8 % over the whole run.) Threads are not
// always equally fast, though: a processor may be shared with another program or machine, or be one
// of a laptop's slower cores. So a thread with no part left splits off the second half of what is left
// of the part furthest behind, at a line start, and reads it as a part of its own; the part's own
// thread stops where the split was made. Parts near their end (under 4 MiB to go, by default) are not
// split: the new part's start-up would cost more than it saves.
//
// A cut is only trusted when the parse proves it: every part ends exactly at a record boundary outside
// any quoted value. The merge also proves that no row of a part repeats, or shares the key of, a row
// of an earlier part (a part alone cannot tell). Otherwise, or when a part gives up (more rejected
// rows than it may hold), the file is read whole instead.

import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { KpiTally } from '@ekoraportti/core';
import type { AcceptedRows } from '../_accepted.ts';
import type { ReadConfig } from '../_config.ts';
import type { FileRead } from '../_file.ts';
import { RowHashes } from '../_duplicates.ts';
import { fileDialect, newAccount } from '../_file.ts';
import { readHeader } from '../_records.ts';
import type { PartJob, PartProgress, PartResult, SplitPart } from './_part.ts';
import { readPart } from './_part.ts';
import type { PartPlan } from './_plan.ts';
import { planParts } from './_plan.ts';
import type { PartReaders } from './_threads.ts';

type Reader = (job: PartJob, progress: PartProgress, splittable: (split: SplitPart) => void) => Promise<PartResult>;

/**
 * A thread with no part left splits another thread's part when each side would keep at least this
 * fraction of the smallest part a file is cut into (2 MiB by default: about 70 ms of reading).
 */
const SPLIT_DIVISOR = 4;

/** A byte range of the file, read by one thread: its end moves back when its rest is split off. */
interface Part {
  start: number;
  end: number;
  /** Rows and bytes read so far, as last reported. */
  rows: number;
  bytes: number;
  /** How to split the rest off while it is being read; null before and after. */
  split: SplitPart | null;
  result?: PartResult;
}

const newPart = (start: number, end: number): Part => ({ start, end, rows: 0, bytes: 0, split: null });

/** Bytes of a part not yet read, as far as its last progress report tells. */
const leftOf = (p: Part): number => p.end - p.start - p.bytes;

/**
 * Reads indicators.csv in parts, on this thread and the `readers` threads: this thread takes the first
 * part, each worker the next part once it has started; a part no thread took, or whose thread failed,
 * is read here, and a thread with no part left splits off the rest of the part furthest behind.
 * Returns null when the file should be read whole: too small to cut, a first line that is not a plain
 * header, a missing column, a part that could not be read as cut or gave up, or rows repeated across
 * parts. `tally` is the reading's KPI tally, which the parts' tallies are merged into.
 */
export async function readInParts(
  dir: string,
  size: number,
  cfg: ReadConfig,
  accepted: AcceptedRows,
  tally: KpiTally,
  readers: PartReaders,
): Promise<FileRead | null> {
  const file = 'indicators.csv';
  const path = join(dir, file);
  const dialect = await fileDialect(path, file, cfg);
  const handle = await open(path, 'r');
  let plan: PartPlan | null;
  try {
    plan = await planParts(handle, dialect, size, cfg.threads, cfg.minPartBytes);
  } finally {
    await handle.close();
  }
  if (plan === null) return null;
  const account = newAccount(file, cfg);
  const h = readHeader(file, plan.headerFields, 1, dialect, cfg.m, account.notes);
  if (h.absent.length > 0) return null;

  const base: Omit<PartJob, 'range'> = {
    path,
    header: h.header,
    lang: cfg.lang,
    asOf: cfg.asOf,
    kpiLimits: [...cfg.kpiLimits],
    projectIds: accepted.projectIds.toState(),
    tally: tally.config(),
    // Rejected rows streamed on (rejected.csv) must come in file order: a part may hold only as many
    // as are kept, or it gives up and the file is read whole, streaming them.
    keep: cfg.onRejected ? cfg.keep : Number.POSITIVE_INFINITY,
  };
  // The first part starts on line 2, right after the one-line header; the others count from 1 and are
  // moved to their place in the file when they are merged.
  const parts: Part[] = plan.ranges.map(([start, end]) => newPart(start, end));
  const job = (p: Part): PartJob => ({ ...base, range: { start: p.start, end: p.end, firstLine: p.start === plan.headerEnd ? 2 : 1, dialect: { ...dialect, bom: 0 } } });
  const headerEnd = plan.headerEnd;
  const progress = (p: Part) => (r: number, b: number) => {
    p.rows = r;
    p.bytes = b;
    cfg.onProgress?.({ file, rows: sum(parts.map((q) => q.rows)), bytes: headerEnd + sum(parts.map((q) => q.bytes)), done: false });
  };

  // Parts are handed out in file order, to whichever thread is free; a part whose thread failed goes
  // back to be read here. A thread with no part left splits off the rest of the part with the most
  // left to read. Parts are kept in file order, split parts too, so the merge below is in file order.
  const waiting = [...parts];
  let bad = false;
  const readBy = new Set<number>();
  const take = async (): Promise<Part | null> => {
    if (bad) return null;
    const p = waiting.shift();
    return p ?? (await splitOff());
  };
  const minSplit = Math.max(1, Math.floor(cfg.minPartBytes / SPLIT_DIVISOR));
  // One split at a time: each starts from the ends the others left.
  let splitting: Promise<unknown> = Promise.resolve();
  const splitOff = (): Promise<Part | null> => {
    const next = splitting.then(splitLargest);
    splitting = next.catch(() => {});
    return next;
  };
  const splitLargest = async (): Promise<Part | null> => {
    const [owner] = parts.filter((p) => p.split !== null && p.result === undefined).sort((a, b) => leftOf(b) - leftOf(a));
    if (bad || !owner?.split || leftOf(owner) < 2 * minSplit) return null;
    const end = owner.end;
    const at = await owner.split(minSplit);
    if (at === null || bad) return null;
    // A thread answers a split before it hands in the part (both from that thread, in order); were it
    // otherwise, the part would hold rows of the rest too: the file is read whole instead.
    if (owner.result !== undefined) {
      bad = true;
      readers.close();
      return null;
    }
    owner.end = at;
    const rest = newPart(at, end);
    parts.splice(parts.indexOf(owner) + 1, 0, rest);
    return rest;
  };
  const lane = async (id: number, reader: Reader): Promise<void> => {
    for (let p = await take(); p !== null; p = await take()) {
      const part = p;
      let r: PartResult;
      try {
        r = await reader(job(part), progress(part), (split) => {
          part.split = split;
        });
      } catch (err) {
        part.split = null;
        if (id === 0) throw err; // this thread: the file cannot be read, as it could not be whole
        if (!bad) waiting.push(part);
        return;
      }
      part.split = null;
      readBy.add(id);
      part.result = r;
      if (!r.ok) {
        bad = true;
        readers.close(); // the other parts are not needed: the file is read whole
      }
    }
  };
  const here: Reader = (j, p, splittable) => readPart(j, p, () => bad, splittable);
  // A thread joins when it is ready; one that is not ready before this thread has taken the last part reads none.
  const lanes: Promise<void>[] = [];
  let joining = true;
  readers.threads.forEach((t, k) => {
    t.ready.then(
      () => {
        if (!joining) return;
        const split = t.split;
        lanes.push(lane(k + 1, (j, p, splittable) => {
          if (split) splittable((minBytes) => split.call(t, minBytes));
          return t.run(j, p);
        }));
      },
      () => {},
    );
  });
  await lane(0, here);
  joining = false;
  await Promise.all(lanes);
  await lane(0, here); // the parts of threads that failed
  if (bad || !parts.every((p) => p.result?.ok)) return null;

  // Lines of a later part were counted from 1: each moves to where the part starts in the file.
  const done = parts.map((p) => p.result) as Extract<PartResult, { ok: true }>[];
  const offsets: number[] = [];
  let start = 2; // the line the next part starts on
  for (const [i, r] of done.entries()) {
    offsets.push(i === 0 ? 0 : start - 1);
    start += r.lines;
  }
  // Keys shared across parts first: nothing may be merged, or streamed on, before the parts may be.
  const tables = done.map((r) => RowHashes.fromState(r.account.hashes));
  for (let i = 1; i < done.length; i++) {
    for (let j = 0; j < i; j++) if ((tables[j] as RowHashes).sharesKeyWith((done[i] as (typeof done)[number]).account.hashes)) return null;
  }
  for (const [i, r] of done.entries()) {
    const offset = offsets[i] as number;
    account.mergePart(r.account, offset);
    const partTally = KpiTally.fromState(r.tally);
    if (offset !== 0) partTally.shiftLines(offset);
    tally.merge(partTally);
  }
  cfg.onProgress?.({ file, rows: account.counts.rowsRead, bytes: size, done: true });
  return { account, headerWarnings: h.warnings, sha256: null, parts: parts.length, threads: readBy.size, workbook: null };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
