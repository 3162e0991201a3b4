import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type {
  Agreement,
  Assessment,
  DataWarning,
  FundingRow,
  InputCounts,
  InputFile,
  Language,
  Observation,
  Project,
  Rejection,
} from '@ekoraportti/core';
import { agreementSchema, INPUT_FILES, isoDateSchema, KpiTally, languageSchema } from '@ekoraportti/core';
import { streamCsv } from './_csv.ts';
import type { Dialect } from './_decode.ts';
import { sniffDialect } from './_decode.ts';
import { IngestError } from './_errors.ts';
import { MESSAGES } from './_messages.ts';
import type { PartJob, PartPlan, PartProgress, PartReaders, PartResult } from './_parts.ts';
import { hashFile, partReaderHere, planParts, PROGRESS_EVERY, startPartWorkers, worthCutting } from './_parts.ts';
import type { Header } from './_records.ts';
import { readHeader, recordStep } from './_records.ts';
import type { ColumnIndex, FolderState, RowValidator } from './_rows.ts';
import {
  assessmentsValidator,
  COLUMNS,
  fundingValidator,
  indicatorsValidator,
  projectsValidator,
} from './_rows.ts';
import { DateCache, parseDate } from './_values.ts';

export interface ReadOptions {
  /** Agreement version the data is checked against: measure, target and KPI ids must exist in it. */
  agreement: Agreement;
  /** ISO date; only used for the "observations after the as-of date" warning. */
  asOf: string;
  /** Language of rejection reasons, warnings and IngestError messages. */
  lang: Language;
  /**
   * Accepted indicators.csv rows are streamed here in file order, not collected, so a million rows keep
   * memory flat. Given this, indicators.csv is always read whole on this thread.
   */
  onObservation?: (o: Observation) => void;
  /**
   * Accepted indicators.csv rows are folded into this tally. Without `onObservation`, a large
   * indicators.csv is then read in parts on worker threads and their tallies merged into this one:
   * the same figures, sooner.
   */
  kpiTally?: KpiTally;
  /**
   * Threads that may read indicators.csv in parts (this one included): default the processors this
   * process may use, at most 4. 1 reads it whole on this thread.
   */
  threads?: number;
  /** The smallest part worth a thread of its own, in bytes (default 8 MiB). */
  minPartBytes?: number;
  /** Called every 50 000 rows and at the end of each file (`done`, once the file's rows are all counted). */
  onProgress?: (e: ReadProgress) => void;
  /**
   * KPI ids indicators.csv may name. Default: the agreement version's own. The runner passes the KPIs of
   * every version, so one data folder serves both: a KPI of the other version is a valid row, not counted.
   */
  knownKpis?: ReadonlySet<string>;
}

/** Where reading stands: the file, its rows and bytes read so far, and whether it is finished. */
export interface ReadProgress {
  file: InputFile;
  rows: number;
  bytes: number;
  done: boolean;
}

export interface IngestResult {
  projects: Project[];
  funding: FundingRow[];
  assessments: Assessment[];
  /** Per file: rowsRead = rowsUsed + rowsRejected. */
  inputs: Record<InputFile, InputCounts>;
  /** Sorted by file (projects, funding, indicators, assessments), then line. */
  rejected: Rejection[];
  warnings: DataWarning[];
  /**
   * sha256 of each file's bytes (for the manifest). A file read whole was hashed as it streamed past;
   * a file read in parts is hashed on the first call, so the threads that read it spend no time on
   * it while the report waits for them (the caller asks once the report is under way).
   */
  sha256(): Promise<Record<InputFile, string>>;
  /** How many parts each file was read in (1: whole, on this thread). */
  parts: Record<InputFile, number>;
  /** How many threads read each file's parts (1: this thread alone). */
  threads: Record<InputFile, number>;
}

const DEFAULT_MIN_PART_BYTES = 8 * 1024 * 1024;
const MAX_THREADS = 4;

const optionsSchema = z.object({
  agreement: agreementSchema,
  asOf: isoDateSchema.refine((d) => parseDate(d) === d, 'not a calendar date'),
  lang: languageSchema,
  onObservation: z.custom<(o: Observation) => void>((v) => typeof v === 'function', 'expected a function').optional(),
  kpiTally: z.instanceof(KpiTally).optional(),
  threads: z.number().int().min(1).optional(),
  minPartBytes: z.number().int().min(1).optional(),
  onProgress: z
    .custom<(e: ReadProgress) => void>((v) => typeof v === 'function', 'expected a function')
    .optional(),
});

const VALIDATORS: Readonly<Record<InputFile, (s: FolderState, idx: ColumnIndex) => RowValidator>> = {
  'projects.csv': projectsValidator,
  'funding.csv': fundingValidator,
  'indicators.csv': indicatorsValidator,
  'assessments.csv': assessmentsValidator,
};

function fileOrder(file: string): number {
  const i = (INPUT_FILES as readonly string[]).indexOf(file);
  return i < 0 ? INPUT_FILES.length : i;
}

/**
 * Reads projects.csv, funding.csv, indicators.csv and assessments.csv from `dir`, in that order,
 * in whichever dialect each is written (UTF-8 or Windows-1252, `,` or `;`, CRLF or LF, Finnish or
 * ISO numbers and dates). Every row after the header is either used or rejected with its file, line,
 * column and a reason in `options.lang`. Throws IngestError only when a file cannot be read at all.
 */
export function readDataFolder(dir: string, options: ReadOptions): Promise<IngestResult> {
  return readFolder(dir, options, startPartWorkers);
}

/** `readDataFolder` with the way parts are read given (tests read them on this thread, one after another). */
export async function readFolder(
  dir: string,
  options: ReadOptions,
  startReaders: (count: number) => PartReaders,
): Promise<IngestResult> {
  const opts = optionsSchema.parse(options);
  const m = MESSAGES[opts.lang];

  const dirStat = await stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new IngestError('E_NO_FOLDER', m.noFolder(dir));
  const missing: InputFile[] = [];
  for (const file of INPUT_FILES) {
    const st = await stat(join(dir, file)).catch(() => null);
    if (!st?.isFile()) missing.push(file);
  }
  if (missing.length > 0) throw new IngestError('E_MISSING_FILE', m.missingFiles(dir, missing, INPUT_FILES), missing[0]);

  const state: FolderState = {
    agreement: opts.agreement,
    knownKpis: options.knownKpis ?? new Set(opts.agreement.kpis.map((k) => k.id)),
    asOf: opts.asOf,
    lang: opts.lang,
    m,
    onObservation: observationSink(opts.onObservation, opts.kpiTally),
    projects: [],
    funding: [],
    assessments: [],
    projectIdByKey: new Map(),
    projectIdByExact: new Map(),
    projectLineByKey: new Map(),
    rejectedProjectLine: new Map(),
    fundedProjects: new Set(),
    afterAsOf: new Map(),
    dates: new DateCache(),
  };
  const rejected: Rejection[] = [];
  const warnings: DataWarning[] = [];
  const inputs = {} as Record<InputFile, InputCounts>;
  const sha256 = {} as Record<InputFile, string | null>;
  const parts = {} as Record<InputFile, number>;
  const threadsUsed = {} as Record<InputFile, number>;
  const threads = opts.onObservation ? 1 : Math.min(opts.threads ?? availableParallelism(), MAX_THREADS);
  const minPartBytes = opts.minPartBytes ?? DEFAULT_MIN_PART_BYTES;
  // Threads for the parts of a large indicators.csv start now, loading their code while the smaller
  // files before it are read; they are stopped if the file turns out not to be cut after all.
  const indicatorsSize = (await stat(join(dir, 'indicators.csv'))).size;
  const readers = opts.kpiTally && threads > 1 && worthCutting(indicatorsSize, minPartBytes) ? startReaders(threads - 1) : null;

  try {
    for (const file of INPUT_FILES) {
      const inParts =
        file === 'indicators.csv' && opts.kpiTally && readers
          ? await readInParts(dir, indicatorsSize, state, opts.kpiTally, threads, minPartBytes, readers, opts.onProgress)
          : null;
      const read = inParts ?? (await readOne(dir, file, state, opts.onProgress));
      inputs[file] = read.counts;
      sha256[file] = read.sha256;
      parts[file] = read.parts;
      threadsUsed[file] = read.threads;
      append(rejected, read.rejected);
      append(warnings, read.warnings);
      if (file === 'funding.csv') {
        for (const p of state.projects) {
          if (p.status !== 'cancelled' && !state.fundedProjects.has(p.id)) {
            warnings.push({ file: 'projects.csv', line: p.line, column: 'project_id', message: m.noFunding(p.id), code: 'W_NO_FUNDING' });
          }
        }
      }
      if (file === 'indicators.csv') {
        for (const kpi of [...state.afterAsOf.keys()].sort()) {
          const t = state.afterAsOf.get(kpi) as { count: number; firstLine: number };
          warnings.push({
            file,
            line: t.firstLine,
            column: 'date',
            message: m.afterAsOf(kpi, t.count, opts.asOf, t.firstLine),
            code: 'W_AFTER_AS_OF',
          });
        }
      }
    }
  } finally {
    readers?.close();
  }

  rejected.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line);
  warnings.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || (a.line ?? 0) - (b.line ?? 0));
  let hashes: Promise<Record<InputFile, string>> | null = null;
  const hashAll = async (): Promise<Record<InputFile, string>> => {
    const out = {} as Record<InputFile, string>;
    for (const file of INPUT_FILES) out[file] = sha256[file] ?? (await hashFile(join(dir, file)));
    return out;
  };
  return {
    projects: state.projects,
    funding: state.funding,
    assessments: state.assessments,
    inputs,
    rejected,
    warnings,
    sha256: () => (hashes ??= hashAll()),
    parts,
    threads: threadsUsed,
  };
}

function observationSink(
  onObservation: ((o: Observation) => void) | undefined,
  tally: KpiTally | undefined,
): (o: Observation) => void {
  if (onObservation && tally) {
    return (o) => {
      tally.add(o);
      onObservation(o);
    };
  }
  if (tally) return (o) => tally.add(o);
  return onObservation ?? (() => {});
}

/** What reading one file gave. */
interface FileRead {
  counts: InputCounts;
  rejected: Rejection[];
  warnings: DataWarning[];
  /** Null for a file read in parts: hashed when the hashes are asked for. */
  sha256: string | null;
  parts: number;
  threads: number;
}

/** Reads one file whole, on this thread. */
async function readOne(
  dir: string,
  file: InputFile,
  state: FolderState,
  onProgress: ReadOptions['onProgress'],
): Promise<FileRead> {
  const m = state.m;
  const counts: InputCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 };
  const rejected: Rejection[] = [];
  const warnings: DataWarning[] = [];
  let step: (fields: string[], line: number) => void = () => {};
  let bytes = 0;
  const hash = createHash('sha256');
  let dialectFound: unknown;
  try {
    dialectFound = await streamCsv(join(dir, file), {
      header(fields, line, dialect) {
        const h = readHeader(file, fields, line, dialect.delimiter, m);
        warnings.push(...h.warnings);
        if (h.absent.length > 0) {
          throw new IngestError(
            'E_MISSING_COLUMN',
            m.missingColumns(file, h.absent, h.header.names.filter((n) => n !== '')),
            file,
          );
        }
        step = recordStep(file, h.header, VALIDATORS[file](state, h.header.idx), m, counts, rejected);
      },
      chunk(buf) {
        bytes += buf.length;
        hash.update(buf);
      },
      record(fields, line) {
        step(fields, line);
        if (onProgress && counts.rowsRead % PROGRESS_EVERY === 0) onProgress({ file, rows: counts.rowsRead, bytes, done: false });
      },
      quoteNotClosed(line) {
        counts.rowsRead++;
        counts.rowsRejected++;
        rejected.push({ file, line, column: '', reason: m.quoteNotClosed(line), code: 'E_QUOTE_NOT_CLOSED' });
      },
      unreadable(line) {
        throw new IngestError('E_UNREADABLE', m.recordTooLong(file, line), file);
      },
    });
  } catch (err) {
    throw asIngestError(err, file, m);
  }
  if (dialectFound === null) throw new IngestError('E_EMPTY_FILE', m.emptyFile(file, COLUMNS[file].required), file);
  onProgress?.({ file, rows: counts.rowsRead, bytes, done: true });
  // A quote never closed can end the parse before the last byte: then hash the file on its own.
  const size = (await stat(join(dir, file))).size;
  return {
    counts,
    rejected,
    warnings,
    sha256: bytes === size ? hash.digest('hex') : await hashFile(join(dir, file)),
    parts: 1,
    threads: 1,
  };
}

/**
 * Reads indicators.csv in parts, on this thread and the `readers` threads: this thread takes the first
 * part, each worker the next part once it has started; a part no thread took, or whose thread failed,
 * is read here. Returns null when the file should be read whole: too small to cut, a first line that
 * is not a plain header, a missing column, or a part that could not be read as cut (see `_parts.ts`).
 */
async function readInParts(
  dir: string,
  size: number,
  state: FolderState,
  tally: KpiTally,
  threads: number,
  minPartBytes: number,
  readers: PartReaders,
  onProgress: ReadOptions['onProgress'],
): Promise<FileRead | null> {
  const file = 'indicators.csv';
  const path = join(dir, file);
  const m = state.m;
  const handle = await open(path, 'r');
  let dialect: Dialect | null;
  let plan: PartPlan | null = null;
  try {
    dialect = await sniffDialect(handle);
    if (dialect !== null) plan = await planParts(handle, dialect, size, threads, minPartBytes);
  } finally {
    await handle.close();
  }
  if (dialect === null || plan === null) return null;
  const h = readHeader(file, plan.headerFields, 1, dialect.delimiter, m);
  if (h.absent.length > 0) return null;
  const header: Header = h.header;

  const base: Omit<PartJob, 'range'> = {
    path,
    header,
    lang: state.lang,
    asOf: state.asOf,
    knownKpis: [...state.knownKpis],
    projectIds: [...state.projectIdByKey],
    rejectedProjects: [...state.rejectedProjectLine],
    tally: tally.config(),
  };
  const job = (i: number): PartJob => {
    const [start, end] = plan.ranges[i] as [number, number];
    // The first part starts on line 2, right after the one-line header; the others count from 1 and
    // are moved to their place in the file when they are merged.
    return {
      ...base,
      range: { start, end, firstLine: i === 0 ? 2 : 1, dialect: { ...dialect, bom: false }, recordDelimiter: plan.recordDelimiter },
    };
  };

  const count = plan.ranges.length;
  const rows = plan.ranges.map(() => 0);
  const read = plan.ranges.map(() => 0);
  const progress = (i: number) => (r: number, b: number) => {
    rows[i] = r;
    read[i] = b;
    onProgress?.({ file, rows: sum(rows), bytes: plan.headerEnd + sum(read), done: false });
  };

  // Parts are handed out in file order, to whichever thread is free; a part whose thread failed goes
  // back to be read here. Results are kept by part, so the merge below is in file order.
  const results: (PartResult | undefined)[] = plan.ranges.map(() => undefined);
  const again: number[] = [];
  let next = 0;
  let bad = false;
  const readBy = new Set<number>();
  const take = (): number | null => {
    if (bad) return null;
    if (again.length > 0) return again.pop() as number;
    return next < count ? next++ : null;
  };
  const lane = async (id: number, readOne: (job: PartJob, p: PartProgress) => Promise<PartResult>): Promise<void> => {
    for (let i = take(); i !== null; i = take()) {
      let r: PartResult;
      try {
        r = await readOne(job(i), progress(i));
      } catch (err) {
        if (id === 0) throw err; // this thread: the file cannot be read, as it could not be whole
        again.push(i);
        return;
      }
      readBy.add(id);
      results[i] = r;
      if (!r.ok) bad = true;
    }
  };
  const here = await partReaderHere();
  // A thread joins when it is ready; one that is not ready before this thread has taken the last part
  // reads none.
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

  const counts: InputCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 };
  const rejected: Rejection[] = [];
  let start = 2; // the line the next part starts on
  for (const [i, r] of (results as Extract<PartResult, { ok: true }>[]).entries()) {
    // Lines of a later part were counted from 1: move them to where the part starts in the file.
    const offset = i === 0 ? 0 : start - 1;
    start += r.lines;
    counts.rowsRead += r.counts.rowsRead;
    counts.rowsUsed += r.counts.rowsUsed;
    counts.rowsRejected += r.counts.rowsRejected;
    for (const x of r.rejected) rejected.push(offset === 0 ? x : { ...x, line: x.line + offset });
    for (const [kpi, after] of r.afterAsOf) {
      const firstLine = after.firstLine + offset;
      const seen = state.afterAsOf.get(kpi);
      if (!seen) state.afterAsOf.set(kpi, { count: after.count, firstLine });
      else {
        seen.count += after.count;
        seen.firstLine = Math.min(seen.firstLine, firstLine);
      }
    }
    const partTally = KpiTally.fromState(r.tally);
    if (offset !== 0) partTally.shiftLines(offset);
    tally.merge(partTally);
  }
  onProgress?.({ file, rows: counts.rowsRead, bytes: size, done: true });
  return { counts, rejected, warnings: h.warnings, sha256: null, parts: count, threads: readBy.size };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** `into.push(...from)` without spreading: a file can have a million rejected rows, more than a call takes arguments. */
function append<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

function asIngestError(err: unknown, file: InputFile, m: FolderState['m']): unknown {
  if (err instanceof IngestError) return err;
  if (isFsError(err)) return new IngestError('E_UNREADABLE', m.unreadable(file, err.message), file);
  return err;
}



function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err;
}
