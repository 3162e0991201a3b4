// The rules of each file: how one record becomes a row or a problem (checking columns in contract
// order, the first problem wins), how a row is hashed for the repeated-row check, and where an
// accepted row goes. A parser only reads: it returns the row or the problem, and the caller
// (`recordStep`) counts it and stores it. The indicators parser is the hot path: no zod, no cleaning
// unless a lookup misses, no allocation for a good row beyond the Observation itself.

import type { Agreement, Assessment, FundingRow, FundingSource, IngestPhrases, InputFile, Observation, Project, RejectionCode, SameKey } from '@ekoraportti/core';
import { EXAMPLE_MARKS, withoutHidden } from '@ekoraportti/core';
import type { AcceptedRows, PendingProject, ProjectIds } from './_accepted.ts';
import { cleanText, cleanWord } from './_clean.ts';
import { numberHash, rememberingTextHash, rowKey, rowRest, textHash } from './_duplicates.ts';
import type { FileNotes } from './_notes.ts';
import type { DateCache } from './_values.ts';
import { assessmentStatuses, fundingSources, isIsoDate, parseAmountCents, parseKpiValue, parseYear, projectStatuses } from './_values.ts';

/** The first problem of a rejected row. */
export class RowProblem {
  constructor(
    readonly column: string,
    readonly code: RejectionCode,
    readonly reason: string,
  ) {}
}

/** How the records of one file are read, checked and kept. */
export interface FileRules<R> {
  /** The row a record (with the header's number of fields) gives, or its first problem. */
  parse(fields: readonly string[], line: number): R | RowProblem;
  /** Hashes an accepted row for the repeated-row check: its key (`rowKey`), then the rest (`rowRest`). */
  hash?(row: R): void;
  /** The key a same-key warning names; absent where a shared key is no news. */
  sameKey?(row: R): SameKey;
  /** Keeps an accepted row (that is not a repeat). */
  store(row: R): void;
  /** Called for a rejected record. */
  refused?(fields: readonly string[], line: number): void;
}

/** Column indexes by contract name; -1 for an optional column the file does not have. */
export type ColumnIndex = Readonly<Record<string, number>>;

/** The contract columns of each file, in contract order (the order problems are looked for). */
export const COLUMNS: Readonly<Record<InputFile, { required: readonly string[]; optional: readonly string[] }>> = {
  'projects.csv': { required: ['project_id', 'name', 'owner', 'measure', 'status', 'start_date', 'end_date'], optional: [] },
  'funding.csv': { required: ['project_id', 'source', 'year', 'amount_eur'], optional: [] },
  'indicators.csv': { required: ['kpi', 'date', 'value'], optional: ['project_id', 'source'] },
  'assessments.csv': { required: ['target', 'date', 'status', 'evidence', 'assessed_by'], optional: [] },
};

/** What the parsers of a file read from: the words, the project ids so far, and where notes go. */
export interface RowContext {
  m: IngestPhrases;
  asOf: string;
  ids: ProjectIds;
  notes: FileNotes;
  /** Dates repeat a lot in KPI files; parsed once per distinct string. */
  dates: DateCache;
  /**
   * The folder has workbooks that may be an EURA export: a projects.csv row may then leave name, owner,
   * status and dates to it (decided once the export is read).
   */
  euraPossible?: boolean;
  /** How projects.csv is named in messages (`projects.xlsx (Taul1)` when read from a workbook). */
  projectsFile?: string;
}

const col = (idx: ColumnIndex, name: string): number => idx[name] ?? -1;

// The rows `ekoraportti init` writes as examples carry its mark: project ids `ESIMERKKI-1`, an
// assessment's evidence and assessor `ESIMERKKI`. Left in beside a coordinator's own rows they would
// count as data (a placeholder KPI value newer than the real one, an example assessment replacing the
// real one), so every row that carries the mark is rejected, naming it.
const MARKS = Object.values(EXAMPLE_MARKS);
const EXAMPLE_ID = new RegExp(`^(${MARKS.join('|')})-\\d+$`, 'i');

/** The mark of a project id `init` wrote (`ESIMERKKI-1` → ESIMERKKI), or null. */
function exampleMarkOfId(id: string): string | null {
  const m = EXAMPLE_ID.exec(id.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

function exampleRow(c: RowContext, column: string, mark: string): RowProblem {
  return new RowProblem(column, 'E_EXAMPLE_ROW', c.m.exampleRow(mark));
}
/** Value of column `i`, or '' for an optional column the file does not have. */
const at = (fields: readonly string[], i: number): string => (i < 0 ? '' : (fields[i] ?? ''));

/** The accepted project a reference names (case, spaces and hidden characters aside), or the problem. */
function projectRef(c: RowContext, raw: string, line: number): string | RowProblem {
  const exact = c.ids.exact(raw);
  if (exact !== undefined) return exact;
  const mark = exampleMarkOfId(raw);
  if (mark !== null) return exampleRow(c, 'project_id', mark);
  const cleaned = cleanWord(raw, 'project_id', line, c.notes);
  if (cleaned === '') return new RowProblem('project_id', 'E_MISSING', c.m.missing('project_id'));
  const ref = c.ids.find(cleaned);
  if (ref === null) return new RowProblem('project_id', 'E_UNKNOWN_PROJECT', c.m.unknownProject(cleaned, c.projectsFile));
  if ('id' in ref) return ref.id;
  return new RowProblem('project_id', 'E_UNKNOWN_PROJECT', c.m.rejectedProject(cleaned, ref.rejectedLine, c.projectsFile));
}

function dateField(c: RowContext, raw: string, column: string): string | RowProblem {
  const v = c.dates.parse(raw);
  if (isIsoDate(v)) return v;
  if (raw.trim() === '') return new RowProblem(column, 'E_MISSING', c.m.missing(column));
  return new RowProblem(column, 'E_BAD_DATE', c.m.badDate(raw.trim(), v as 'format' | 'nonexistent' | 'range'));
}

/** An enumeration word: the quick lookup, then again without hidden characters. */
function word<T extends string>(c: RowContext, e: { get(raw: string): T | undefined; allowed: string }, raw: string, column: string, line: number): T | RowProblem {
  const hit = e.get(raw);
  if (hit !== undefined) return hit;
  const cleaned = cleanWord(raw, column, line, c.notes);
  if (cleaned === '') return new RowProblem(column, 'E_MISSING', c.m.missing(column));
  return e.get(cleaned) ?? new RowProblem(column, 'E_UNKNOWN_VALUE', c.m.unknownValue(cleaned, column, e.allowed));
}

/**
 * projects.csv: a project per row. Where the folder may hold an EURA export, name, owner, status and
 * dates may be empty (`c.euraPossible`): the row is then pending, decided once the export is read.
 */
export function projectsRules(c: RowContext, idx: ColumnIndex, agreement: Agreement, accepted: AcceptedRows): FileRules<Project | PendingProject> {
  const m = c.m;
  const measures = new Set(agreement.measures.map((x) => x.id));
  const [iId, iName, iOwner, iMeasure, iStatus, iStart, iEnd] = COLUMNS['projects.csv'].required.map((n) => col(idx, n)) as [number, number, number, number, number, number, number];
  /** An empty field EURA may give: null (pending) when an export may give it, else the row's problem. */
  const leftToEura = (column: string): null | RowProblem => (c.euraPossible ? null : new RowProblem(column, 'E_MISSING', m.missing(column)));
  const text = (f: readonly string[], i: number, column: string, line: number): string | null | RowProblem => {
    const v = cleanText(at(f, i), column, line, c.notes);
    return v === '' ? leftToEura(column) : v;
  };
  return {
    parse(f, line) {
      const id = cleanWord(at(f, iId), 'project_id', line, c.notes);
      if (id === '') return new RowProblem('project_id', 'E_MISSING', m.missing('project_id'));
      const mark = exampleMarkOfId(id);
      if (mark !== null) return exampleRow(c, 'project_id', mark);
      const firstLine = c.ids.firstLine(id);
      if (firstLine !== undefined) return new RowProblem('project_id', 'E_DUPLICATE_ID', m.duplicateId(id, firstLine));
      const name = text(f, iName, 'name', line);
      if (name instanceof RowProblem) return name;
      const owner = text(f, iOwner, 'owner', line);
      if (owner instanceof RowProblem) return owner;
      const measure = cleanWord(at(f, iMeasure), 'measure', line, c.notes);
      if (measure === '') return new RowProblem('measure', 'E_MISSING', m.missing('measure'));
      if (!measures.has(measure)) return new RowProblem('measure', 'E_UNKNOWN_MEASURE', m.unknownMeasure(measure, agreement.version, [...measures]));
      const status = at(f, iStatus).trim() === '' ? leftToEura('status') : word(c, projectStatuses, at(f, iStatus), 'status', line);
      if (status instanceof RowProblem) return status;
      const start = at(f, iStart).trim() === '' ? leftToEura('start_date') : dateField(c, at(f, iStart), 'start_date');
      if (start instanceof RowProblem) return start;
      const end = at(f, iEnd).trim() === '' ? leftToEura('end_date') : dateField(c, at(f, iEnd), 'end_date');
      if (end instanceof RowProblem) return end;
      if (start !== null && end !== null && end < start) return new RowProblem('end_date', 'E_END_BEFORE_START', m.endBeforeStart(start, end));
      if (name === null || owner === null || status === null || start === null || end === null) {
        return { id, measure, line, given: { name, owner, status, startDate: start, endDate: end } };
      }
      return { id, name, owner, measure, status, startDate: start, endDate: end, line };
    },
    store: (p) => ('given' in p ? accepted.addPending(p) : accepted.addProject(p)),
    refused(f, line) {
      // A later row with the same id is a repeat even when this one was rejected; references name this line.
      const id = withoutHidden(at(f, iId), 'hidden').text.trim();
      if (id !== '') c.ids.reject(id, line);
    },
  };
}

/** The sources an EURA 2021 export's money covers; AKKE and RRF are not EURA's and stay in funding.csv. */
const EURA_CARRIES: ReadonlySet<FundingSource> = new Set(['EAKR', 'ESR+', 'JTF', 'valtio', 'kaupunki', 'muu_julkinen', 'yksityinen']);

export function fundingRules(c: RowContext, idx: ColumnIndex, accepted: AcceptedRows): FileRules<FundingRow> {
  const m = c.m;
  const [iId, iSource, iYear, iAmount] = COLUMNS['funding.csv'].required.map((n) => col(idx, n)) as [number, number, number, number];
  return {
    parse(f, line) {
      const idRaw = at(f, iId);
      if (idRaw.trim() === '') return new RowProblem('project_id', 'E_MISSING', m.missing('project_id'));
      const projectId = projectRef(c, idRaw, line);
      if (projectId instanceof RowProblem) return projectId;
      const source = word(c, fundingSources, at(f, iSource), 'source', line);
      if (source instanceof RowProblem) return source;
      const yearRaw = at(f, iYear);
      if (yearRaw.trim() === '') return new RowProblem('year', 'E_MISSING', m.missing('year'));
      const year = parseYear(yearRaw);
      if (typeof year !== 'number') return new RowProblem('year', 'E_BAD_NUMBER', m.badYear(yearRaw.trim()));
      const amountRaw = at(f, iAmount);
      if (amountRaw.trim() === '') return new RowProblem('amount_eur', 'E_MISSING', m.missing('amount_eur'));
      const cents = parseAmountCents(amountRaw);
      if (cents === 'negative') return new RowProblem('amount_eur', 'E_NEGATIVE', m.negative(amountRaw.trim(), 'amount'));
      if (typeof cents !== 'number') return new RowProblem('amount_eur', 'E_BAD_NUMBER', m.badNumber(amountRaw.trim(), cents, 'amount'));
      return { projectId, source, year, amountCents: cents, line };
    },
    hash(r) {
      rowKey(textHash(r.projectId), textHash(r.source), r.year);
      rowRest(numberHash(r.amountCents), 0);
    },
    sameKey: (r) => ({ file: 'funding.csv', project: r.projectId, source: r.source, year: r.year }),
    store(r) {
      // EURA gives this project's EU and state, public and private money: a row of those repeats it.
      if (accepted.euraFunded.has(r.projectId) && EURA_CARRIES.has(r.source)) c.notes.add('euraRepeat', r.projectId, r.line, { chars: [r.source], example: accepted.euraFile ?? '' });
      else accepted.addFunding(r);
    },
  };
}

/** What the indicators.csv rules need besides the context: enough to run on a worker thread. */
export interface IndicatorSetup {
  /** Every KPI id the file may name → the value above which an observation is implausible. */
  kpiLimits: ReadonlyMap<string, number>;
  emit: (o: Observation) => void;
  /** The file's delimiter: in a comma-separated file a decimal comma without quotes splits a value. */
  delimiter: string;
}

/** A whole number, and what may be its decimals split off into the next field. */
const WHOLE = /^\s*\d+\s*$/;
const SPLIT_DECIMALS = /^\s*\d{1,3}\s*$/;

export function indicatorsRules(c: RowContext, idx: ColumnIndex, setup: IndicatorSetup): FileRules<Observation> {
  const m = c.m;
  const limits = setup.kpiLimits;
  const kpiList = [...limits.keys()];
  const [iKpi, iDate, iValue, iProject, iSource] = ['kpi', 'date', 'value', 'project_id', 'source'].map((n) => col(idx, n)) as [number, number, number, number, number];
  const { asOf, notes } = c;
  const emit = setup.emit;
  // `kpi,date,value,source` with the row `x,2024-06-30,10,5,`: Excel would have quoted "10,5", a hand
  // edit did not, and the row reads as the value 10 with the source 5. A whole value followed by a
  // source of one to three digits is warned about (W_SPLIT_DECIMAL), not rejected: the contract takes any
  // source, and a file that quotes its fields ("10","5") cannot have split one. (A project column after
  // the value catches a split as an unknown project.)
  const splitDecimalsAt = setup.delimiter === ',' && iSource === iValue + 1 ? iSource : -1;
  let lastSource: { raw: string; text: string | null } = { raw: '', text: null };
  const kpiHash = rememberingTextHash();
  const dateHash = rememberingTextHash();
  const projectHash = rememberingTextHash();
  const sourceHash = rememberingTextHash();
  return {
    parse(f, line) {
      let kpi = f[iKpi] as string;
      if (!limits.has(kpi)) {
        const k = cleanWord(kpi, 'kpi', line, notes).toLowerCase();
        if (k === '') return new RowProblem('kpi', 'E_MISSING', m.missing('kpi'));
        if (!limits.has(k)) return new RowProblem('kpi', 'E_UNKNOWN_KPI', m.unknownKpi(k, kpiList));
        kpi = k;
      }
      const dateRaw = f[iDate] as string;
      const date = c.dates.parse(dateRaw);
      if (!isIsoDate(date)) {
        if (dateRaw.trim() === '') return new RowProblem('date', 'E_MISSING', m.missing('date'));
        return new RowProblem('date', 'E_BAD_DATE', m.badDate(dateRaw.trim(), date as 'format' | 'nonexistent' | 'range'));
      }
      const valueRaw = f[iValue] as string;
      const value = parseKpiValue(valueRaw);
      if (typeof value !== 'number') {
        if (valueRaw.trim() === '') return new RowProblem('value', 'E_MISSING', m.missing('value'));
        if (value === 'negative') return new RowProblem('value', 'E_NEGATIVE', m.negative(valueRaw.trim(), 'kpi'));
        return new RowProblem('value', 'E_BAD_NUMBER', m.badNumber(valueRaw.trim(), value, 'kpi'));
      }
      let projectId: string | null = null;
      const projectRaw = at(f, iProject);
      if (projectRaw !== '' && projectRaw.trim() !== '') {
        const ref = projectRef(c, projectRaw, line);
        if (ref instanceof RowProblem) return ref;
        projectId = ref;
      }
      const sourceRaw = at(f, iSource);
      let source: string | null = null;
      if (sourceRaw === lastSource.raw) source = lastSource.text;
      else if (sourceRaw !== '') {
        source = cleanText(sourceRaw, 'source', line, notes) || null;
        // The same evidence often comes row after row; a value that lost controls is cleaned (and noted) each time.
        if (source === sourceRaw) lastSource = { raw: sourceRaw, text: source };
      }
      if (splitDecimalsAt >= 0) {
        // Noted only for a row that is used: a rejected row says its own problem.
        const next = at(f, splitDecimalsAt);
        if (SPLIT_DECIMALS.test(next) && WHOLE.test(valueRaw)) notes.add('splitDecimal', '', line, { example: `${valueRaw.trim()}\u0000${next.trim()}` });
      }
      return { kpi, date, value, projectId, source, line };
    },
    hash(o) {
      rowKey(kpiHash(o.kpi), dateHash(o.date), projectHash(o.projectId ?? ''));
      rowRest(numberHash(o.value), sourceHash(o.source ?? ''));
    },
    sameKey: (o) => ({ file: 'indicators.csv', kpi: o.kpi, date: o.date, project: o.projectId }),
    store(o) {
      if (o.date > asOf) notes.add('afterAsOf', o.kpi, o.line);
      if (o.value > (limits.get(o.kpi) as number)) notes.add('implausible', o.kpi, o.line, { value: o.value });
      emit(o);
    },
  };
}

export function assessmentsRules(c: RowContext, idx: ColumnIndex, agreement: Agreement, accepted: AcceptedRows): FileRules<Assessment> {
  const m = c.m;
  const targets = new Set(agreement.targets.map((t) => t.id));
  const [iTarget, iDate, iStatus, iEvidence, iBy] = COLUMNS['assessments.csv'].required.map((n) => col(idx, n)) as [number, number, number, number, number];
  return {
    parse(f, line) {
      const target = cleanWord(at(f, iTarget), 'target', line, c.notes);
      if (target === '') return new RowProblem('target', 'E_MISSING', m.missing('target'));
      if (!targets.has(target)) return new RowProblem('target', 'E_UNKNOWN_TARGET', m.unknownTarget(target, [...targets]));
      const date = dateField(c, at(f, iDate), 'date');
      if (date instanceof RowProblem) return date;
      const status = word(c, assessmentStatuses, at(f, iStatus), 'status', line);
      if (status instanceof RowProblem) return status;
      const evidence = cleanText(at(f, iEvidence), 'evidence', line, c.notes);
      if (evidence === '') return new RowProblem('evidence', 'E_MISSING', m.missing('evidence'));
      const assessedBy = cleanText(at(f, iBy), 'assessed_by', line, c.notes);
      if (assessedBy === '') return new RowProblem('assessed_by', 'E_MISSING', m.missing('assessed_by'));
      const mark = evidence.toUpperCase();
      if (MARKS.includes(mark) && assessedBy.toUpperCase() === mark) return exampleRow(c, 'evidence', mark);
      return { target, date, status, evidence, assessedBy, line };
    },
    // Only a row repeated whole is news: two assessments of a target on one day may both be meant.
    hash(a) {
      rowKey(textHash(a.target), textHash(a.date), textHash(a.status));
      rowRest(textHash(a.evidence), textHash(a.assessedBy));
    },
    store(a) {
      if (a.date > c.asOf) c.notes.add('afterAsOf', a.target, a.line);
      accepted.addAssessment(a);
    },
  };
}
