import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
import { agreementSchema, INPUT_FILES, isoDateSchema, languageSchema } from '@ekoraportti/core';
import { streamCsv } from './_csv.ts';
import { IngestError } from './_errors.ts';
import { MESSAGES } from './_messages.ts';
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
  /** Accepted indicators.csv rows are streamed here, not collected, so a million rows keep memory flat. */
  onObservation: (o: Observation) => void;
  /** Called every 50 000 rows and at the end of each file. */
  onProgress?: (e: { file: InputFile; rows: number; bytes: number }) => void;
  /**
   * KPI ids indicators.csv may name. Default: the agreement version's own. The runner passes the KPIs of
   * every version, so one data folder serves both: a KPI of the other version is a valid row, not counted.
   */
  knownKpis?: ReadonlySet<string>;
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
  /** sha256 of each file's bytes, taken while reading it (for the manifest). */
  sha256: Record<InputFile, string>;
}

const PROGRESS_EVERY = 50_000;

const optionsSchema = z.object({
  agreement: agreementSchema,
  asOf: isoDateSchema.refine((d) => parseDate(d) === d, 'not a calendar date'),
  lang: languageSchema,
  onObservation: z.custom<(o: Observation) => void>((v) => typeof v === 'function', 'expected a function'),
  onProgress: z
    .custom<(e: { file: InputFile; rows: number; bytes: number }) => void>((v) => typeof v === 'function', 'expected a function')
    .optional(),
});

const VALIDATORS: Readonly<Record<InputFile, (s: FolderState, idx: ColumnIndex) => RowValidator>> = {
  'projects.csv': projectsValidator,
  'funding.csv': fundingValidator,
  'indicators.csv': indicatorsValidator,
  'assessments.csv': assessmentsValidator,
};

/** Header names are matched after trimming and case-folding; a BOM never sticks to the first one. */
const headerName = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase();

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
export async function readDataFolder(dir: string, options: ReadOptions): Promise<IngestResult> {
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
    onObservation: opts.onObservation,
    projects: [],
    funding: [],
    assessments: [],
    projectByKey: new Map(),
    projectLineByKey: new Map(),
    rejectedProjectLine: new Map(),
    fundedProjects: new Set(),
    afterAsOf: new Map(),
    dates: new DateCache(),
  };
  const rejected: Rejection[] = [];
  const warnings: DataWarning[] = [];
  const inputs = {} as Record<InputFile, InputCounts>;
  const sha256 = {} as Record<InputFile, string>;

  for (const file of INPUT_FILES) {
    ({ counts: inputs[file], sha256: sha256[file] } = await readOne(dir, file, state, rejected, warnings, opts.onProgress));
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

  rejected.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line);
  warnings.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { projects: state.projects, funding: state.funding, assessments: state.assessments, inputs, rejected, warnings, sha256 };
}

async function readOne(
  dir: string,
  file: InputFile,
  state: FolderState,
  rejected: Rejection[],
  warnings: DataWarning[],
  onProgress: ReadOptions['onProgress'],
): Promise<{ counts: InputCounts; sha256: string }> {
  const m = state.m;
  const { required, optional } = COLUMNS[file];
  const counts: InputCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0 };
  let validate: RowValidator = () => null;
  let names: string[] = [];
  let width = 0;
  let delimiter = ';';

  const reject = (line: number, column: string, code: string, reason: string): void => {
    counts.rowsRejected++;
    rejected.push({ file, line, column, reason, code });
  };

  let bytes = 0;
  const hash = createHash('sha256');
  let dialectFound: unknown;
  try {
    dialectFound = await streamCsv(join(dir, file), {
      header(fields, line, dialect) {
        delimiter = dialect.delimiter;
        names = fields.map(headerName);
        width = fields.length;
        const idx: Record<string, number> = {};
        const known = new Set([...required, ...optional]);
        names.forEach((name, i) => {
          if (name === '') return; // an empty trailing header cell, as Excel writes after a last `;`
          const shown = (fields[i] ?? '').replace(/^\uFEFF/, '').trim();
          if (idx[name] !== undefined) {
            warnings.push({ file, line, column: shown, message: m.duplicateColumn(shown), code: 'W_DUPLICATE_COLUMN' });
            return;
          }
          idx[name] = i;
          if (!known.has(name)) {
            warnings.push({ file, line, column: shown, message: m.unknownColumn(shown, file), code: 'W_UNKNOWN_COLUMN' });
          }
        });
        const absent = required.filter((c) => idx[c] === undefined);
        if (absent.length > 0) {
          throw new IngestError('E_MISSING_COLUMN', m.missingColumns(file, absent, names.filter((n) => n !== '')), file);
        }
        for (const c of optional) if (idx[c] === undefined) idx[c] = -1;
        validate = VALIDATORS[file](state, idx);
      },
      chunk(buf) {
        bytes += buf.length;
        hash.update(buf);
      },
      record(fields, line) {
        counts.rowsRead++;
        if (fields.length !== width && !fieldCountOk(fields, width)) {
          const short = fields.length < width;
          reject(
            line,
            short ? (names[fields.length] || m.extraColumnName(fields.length + 1)) : m.extraColumnName(width + 1),
            'E_FIELD_COUNT',
            short ? m.fewerFields(fields.length, width, delimiter) : m.moreFields(fields.length, width, delimiter),
          );
        } else {
          const p = validate(fields, line);
          if (p === null) counts.rowsUsed++;
          else reject(line, p.column, p.code, p.reason);
        }
        if (onProgress && counts.rowsRead % PROGRESS_EVERY === 0) onProgress({ file, rows: counts.rowsRead, bytes });
      },
      quoteNotClosed(line) {
        counts.rowsRead++;
        reject(line, '', 'E_QUOTE_NOT_CLOSED', m.quoteNotClosed(line));
      },
      unreadable(line) {
        throw new IngestError('E_UNREADABLE', m.recordTooLong(file, line), file);
      },
    });
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (isFsError(err)) throw new IngestError('E_UNREADABLE', m.unreadable(file, err.message), file);
    throw err;
  }
  if (dialectFound === null) throw new IngestError('E_EMPTY_FILE', m.emptyFile(file, required), file);
  onProgress?.({ file, rows: counts.rowsRead, bytes });
  // A quote never closed can end the parse before the last byte: then hash the file on its own.
  const size = (await stat(join(dir, file))).size;
  return { counts, sha256: bytes === size ? hash.digest('hex') : await hashFile(join(dir, file)) };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** More fields than the header is fine when the extra ones are empty (`a;b;c;;` from Excel). */
function fieldCountOk(fields: readonly string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err;
}
