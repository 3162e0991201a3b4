// Reading one part of a large indicators.csv: parsed, checked and tallied with the same steps as a
// whole-file read (`recordStep`, `indicatorsRules`), on whichever thread it is given to.

import { open } from 'node:fs/promises';
import type { KpiTallyConfig, KpiTallyState, Language } from '@ekoraportti/core';
import { INGEST_PHRASES, KpiTally } from '@ekoraportti/core';
import type { ProjectIdsState } from '../_accepted.ts';
import { ProjectIds } from '../_accepted.ts';
import type { AccountState } from '../_account.ts';
import { FileAccount } from '../_account.ts';
import type { CsvRange, RangeCursor } from '../_csv.ts';
import { streamCsv } from '../_csv.ts';
import type { Header } from '../_records.ts';
import { recordStep } from '../_records.ts';
import { indicatorsRules } from '../_rows.ts';
import { DateCache } from '../_values.ts';
import { lineStartFrom } from './_plan.ts';

/** Records between two progress reports, as for a file read whole. */
export const PROGRESS_EVERY = 50_000;

/** One part to read, as sent to a worker thread (structured-cloneable). */
export interface PartJob {
  path: string;
  range: CsvRange;
  header: Header;
  lang: Language;
  asOf: string;
  kpiLimits: [kpi: string, limit: number][];
  projectIds: ProjectIdsState;
  tally: KpiTallyConfig;
  /**
   * How many rejected rows the part may keep. A part that finds more gives up (the file is then read
   * whole, streaming them): its rejected rows could not all be handed on without holding them all.
   */
  keep: number;
}

/** What one part found; `ok: false` when the cut could not be trusted or the part gave up (then the file is read whole). */
export type PartResult =
  | {
      ok: true;
      account: AccountState;
      tally: KpiTallyState;
      /** Physical lines the part spans: the next part starts that many lines after this one. */
      lines: number;
    }
  | { ok: false; reason: string };

/** Progress of one part: rows and bytes read so far. */
export type PartProgress = (rows: number, bytes: number) => void;

/**
 * Splits off the rest of a part being read: its end moves back to the line start after the middle of
 * what it has not yet read, and that new end is returned; the bytes from it to the old end are left
 * for another thread. Null when each side would be under `minBytes`, or the part is done.
 */
export type SplitPart = (minBytes: number) => Promise<number | null>;

class PartGivesUp extends Error {}

/**
 * Reads one part of indicators.csv. A part after the first counts its lines from `range.firstLine`
 * 1: where it starts in the file is known only once the parts before it are read, and the merge
 * moves its lines there. `stopped()` is asked now and then: another part gave up, so this one may too.
 * `splittable` is given the part's `SplitPart` as the reading starts.
 */
export async function readPart(
  job: PartJob,
  progress?: PartProgress,
  stopped: () => boolean = () => false,
  splittable?: (split: SplitPart) => void,
): Promise<PartResult> {
  const range = job.range;
  const cursor: RangeCursor = { end: range.end, position: range.start };
  let reading = true;
  splittable?.(async (minBytes) => {
    const middle = cursor.position + Math.floor((cursor.end - cursor.position) / 2);
    if (!reading || middle - cursor.position < minBytes) return null;
    const handle = await open(job.path, 'r');
    let at: number | null;
    try {
      at = await lineStartFrom(handle, middle, cursor.end);
    } finally {
      await handle.close();
    }
    // The reading went on meanwhile: the new end must still be ahead of it, and leave `minBytes` behind.
    if (at === null || !reading || at - cursor.position < minBytes || cursor.end - at < minBytes) return null;
    cursor.end = at;
    return at;
  });
  let nextLine = range.firstLine;
  const m = INGEST_PHRASES[job.lang];
  const tally = KpiTally.fromConfig(job.tally);
  const account = new FileAccount(
    'indicators.csv',
    m,
    {
      keep: job.keep,
      onOverflow: () => {
        throw new PartGivesUp(`more than ${job.keep} rejected rows`);
      },
    },
    range.end - range.start,
  );
  const context = { m, asOf: job.asOf, ids: ProjectIds.fromState(job.projectIds), notes: account.notes, dates: new DateCache() };
  const rules = indicatorsRules(context, job.header.idx, { kpiLimits: new Map(job.kpiLimits), emit: (o) => tally.add(o), delimiter: job.header.delimiter });
  const step = recordStep('indicators.csv', job.header, rules, account);
  let bytes = 0;
  let failed: string | null = null;
  try {
    await streamCsv(
      job.path,
      range.dialect,
      {
        header() {
          throw new Error('a part has no header');
        },
        record(fields, line, span) {
          step(fields, line, span);
          if (account.counts.rowsRead % PROGRESS_EVERY === 0) {
            if (stopped()) throw new PartGivesUp('another part gave up');
            progress?.(account.counts.rowsRead, bytes);
          }
        },
        chunk(buf) {
          bytes += buf.length;
        },
        controlLine(line, chars) {
          account.notes.add('control', '', line, { chars });
        },
        quoteNotClosed(line) {
          failed = `a quote opened on line ${line} is still open at the end of the part`;
        },
        unreadable(line, error): never {
          throw new PartGivesUp(`csv-parse stopped on line ${line}: ${error.message}`);
        },
        end(line) {
          nextLine = line;
        },
      },
      range,
      cursor,
    );
  } catch (err) {
    if (!(err instanceof PartGivesUp)) throw err;
    failed = err.message;
  } finally {
    reading = false;
  }
  if (failed !== null) return { ok: false, reason: failed };
  progress?.(account.counts.rowsRead, bytes);
  return { ok: true, account: account.toState(), tally: tally.toState(), lines: nextLine - range.firstLine };
}
