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
// tried: more than one part per thread made each slower, 8 % over the whole run.)
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
import type { PartJob, PartProgress, PartResult } from './_part.ts';
import { readPart } from './_part.ts';
import type { PartPlan } from './_plan.ts';
import { planParts } from './_plan.ts';
import type { PartReaders } from './_threads.ts';

type Reader = (job: PartJob, progress: PartProgress) => Promise<PartResult>;

/**
 * Reads indicators.csv in parts, on this thread and the `readers` threads: this thread takes the first
 * part, each worker the next part once it has started; a part no thread took, or whose thread failed,
 * is read here. Returns null when the file should be read whole: too small to cut, a first line that
 * is not a plain header, a missing column, a part that could not be read as cut or gave up, or rows
 * repeated across parts. `tally` is the reading's KPI tally, which the parts' tallies are merged into.
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

  const ranges = plan.ranges;
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
  const job = (i: number): PartJob => {
    const [start, end] = ranges[i] as [number, number];
    return { ...base, range: { start, end, firstLine: i === 0 ? 2 : 1, dialect: { ...dialect, bom: 0 } } };
  };

  const rows = ranges.map(() => 0);
  const read = ranges.map(() => 0);
  const headerEnd = plan.headerEnd;
  const progress = (i: number) => (r: number, b: number) => {
    rows[i] = r;
    read[i] = b;
    cfg.onProgress?.({ file, rows: sum(rows), bytes: headerEnd + sum(read), done: false });
  };

  // Parts are handed out in file order, to whichever thread is free; a part whose thread failed goes
  // back to be read here. Results are kept by part, so the merge below is in file order.
  const results: (PartResult | undefined)[] = ranges.map(() => undefined);
  const again: number[] = [];
  let next = 0;
  let bad = false;
  const readBy = new Set<number>();
  const take = (): number | null => {
    if (bad) return null;
    if (again.length > 0) return again.pop() as number;
    return next < ranges.length ? next++ : null;
  };
  const here: Reader = (j, p) => readPart(j, p, () => bad);
  const lane = async (id: number, reader: Reader): Promise<void> => {
    for (let i = take(); i !== null; i = take()) {
      let r: PartResult;
      try {
        r = await reader(job(i), progress(i));
      } catch (err) {
        if (id === 0) throw err; // this thread: the file cannot be read, as it could not be whole
        if (!bad) again.push(i);
        return;
      }
      readBy.add(id);
      results[i] = r;
      if (!r.ok) {
        bad = true;
        readers.close(); // the other parts are not needed: the file is read whole
      }
    }
  };
  // A thread joins when it is ready; one that is not ready before this thread has taken the last part reads none.
  const lanes: Promise<void>[] = [];
  let joining = true;
  readers.threads.forEach((t, k) => {
    t.ready.then(
      () => {
        if (joining) lanes.push(lane(k + 1, (j, p) => t.run(j, p)));
      },
      () => {},
    );
  });
  await lane(0, here);
  joining = false;
  await Promise.all(lanes);
  await lane(0, here); // the parts of threads that failed
  if (bad || !results.every((r) => r?.ok)) return null;

  // Lines of a later part were counted from 1: each moves to where the part starts in the file.
  const done = results as Extract<PartResult, { ok: true }>[];
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
  return { account, headerWarnings: h.warnings, sha256: null, parts: ranges.length, threads: readBy.size, workbook: null };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
