// Row validators for the four files. Each returns null for a used row or the first problem found,
// checking columns in contract order. The indicators validator is the hot path: no zod, no
// allocation for a good row beyond the Observation itself.

import type {
  Agreement,
  Assessment,
  FundingRow,
  InputFile,
  Language,
  Observation,
  Project,
} from '@ekoraportti/core';
import type { Messages } from './_messages.ts';
import type { DateCache } from './_values.ts';
import {
  assessmentStatuses,
  fundingSources,
  isIsoDate,
  parseAmountCents,
  parseKpiValue,
  parseYear,
  projectStatuses,
} from './_values.ts';

/** The first problem of a rejected row. */
export interface RowProblem {
  column: string;
  code: string;
  reason: string;
}

/** Column indexes by contract name; -1 for an optional column the file does not have. */
export type ColumnIndex = Readonly<Record<string, number>>;

export type RowValidator = (fields: readonly string[], line: number) => RowProblem | null;

/** The contract columns of each file, in contract order (the order problems are looked for). */
export const COLUMNS: Readonly<Record<InputFile, { required: readonly string[]; optional: readonly string[] }>> = {
  'projects.csv': {
    required: ['project_id', 'name', 'owner', 'measure', 'status', 'start_date', 'end_date'],
    optional: [],
  },
  'funding.csv': { required: ['project_id', 'source', 'year', 'amount_eur'], optional: [] },
  'indicators.csv': { required: ['kpi', 'date', 'value'], optional: ['project_id', 'source'] },
  'assessments.csv': { required: ['target', 'date', 'status', 'evidence', 'assessed_by'], optional: [] },
};

/** What the indicators.csv validator needs: enough to run on a worker thread, for one part of the file. */
export interface IndicatorState {
  knownKpis: ReadonlySet<string>;
  asOf: string;
  m: Messages;
  onObservation: (o: Observation) => void;
  /** Accepted project ids by lower-cased, trimmed id, so `a80123` in funding.csv finds `A80123`. */
  projectIdByKey: Map<string, string>;
  /** Accepted project ids as written in projects.csv: most references match exactly, without folding. */
  projectIdByExact: Map<string, string>;
  /** Lower-cased ids whose (first) row was rejected, with that line. */
  rejectedProjectLine: Map<string, number>;
  /** KPI id → observations dated after the as-of date, and the first such line. */
  afterAsOf: Map<string, { count: number; firstLine: number }>;
  /** Dates repeat a lot in KPI files; parsed once per distinct string. */
  dates: DateCache;
}

/** State shared by the files of one data folder: later files refer to projects accepted earlier. */
export interface FolderState extends IndicatorState {
  agreement: Agreement;
  lang: Language;
  projects: Project[];
  funding: FundingRow[];
  assessments: Assessment[];
  /** First line of every project id seen, accepted or not, by lower-cased id. */
  projectLineByKey: Map<string, number>;
  fundedProjects: Set<string>;
}

const problem = (column: string, code: string, reason: string): RowProblem => ({ column, code, reason });

const col = (idx: ColumnIndex, name: string): number => idx[name] ?? -1;

/** Value of column `i`, or '' for an optional column the file does not have. */
const at = (fields: readonly string[], i: number): string => (i < 0 ? '' : (fields[i] ?? ''));

/** A quoted value may span lines; keep its breaks as `\n` whatever the file's line endings. */
const text = (s: string): string => (s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n'));

/** The accepted project a reference names (case and surrounding spaces aside), or the problem. */
function projectRef(s: IndicatorState, column: string, raw: string): string | RowProblem {
  const exact = s.projectIdByExact.get(raw);
  if (exact !== undefined) return exact;
  const key = raw.trim().toLowerCase();
  const id = s.projectIdByKey.get(key);
  if (id !== undefined) return id;
  const rejectedLine = s.rejectedProjectLine.get(key);
  return problem(
    column,
    'E_UNKNOWN_PROJECT',
    rejectedLine !== undefined ? s.m.rejectedProject(raw.trim(), rejectedLine) : s.m.unknownProject(raw.trim()),
  );
}

export function projectsValidator(s: FolderState, idx: ColumnIndex): RowValidator {
  const m = s.m;
  const measures = new Set(s.agreement.measures.map((x) => x.id));
  const measureList = [...measures];
  const [iId, iName, iOwner, iMeasure, iStatus, iStart, iEnd] = COLUMNS['projects.csv'].required.map((c) =>
    col(idx, c),
  ) as [number, number, number, number, number, number, number];
  return (f, line) => {
    const id = at(f, iId).trim();
    if (id === '') return problem('project_id', 'E_MISSING', m.missing('project_id'));
    const key = id.toLowerCase();
    const firstLine = s.projectLineByKey.get(key);
    if (firstLine !== undefined) return problem('project_id', 'E_DUPLICATE_ID', m.duplicateId(id, firstLine));
    s.projectLineByKey.set(key, line);
    const p = projectRowProblem();
    if (p !== null) s.rejectedProjectLine.set(key, line);
    return p;

    function projectRowProblem(): RowProblem | null {
      const name = text(at(f, iName).trim());
      if (name === '') return problem('name', 'E_MISSING', m.missing('name'));
      const owner = text(at(f, iOwner).trim());
      if (owner === '') return problem('owner', 'E_MISSING', m.missing('owner'));
      const measure = at(f, iMeasure).trim();
      if (measure === '') return problem('measure', 'E_MISSING', m.missing('measure'));
      if (!measures.has(measure))
        return problem('measure', 'E_UNKNOWN_MEASURE', m.unknownMeasure(measure, s.agreement.version, measureList));
      const statusRaw = at(f, iStatus);
      if (statusRaw.trim() === '') return problem('status', 'E_MISSING', m.missing('status'));
      const status = projectStatuses.get(statusRaw);
      if (status === undefined)
        return problem('status', 'E_UNKNOWN_VALUE', m.unknownValue(statusRaw.trim(), 'status', projectStatuses.allowed));
      const start = dateField(s, f, iStart, 'start_date');
      if (typeof start !== 'string') return start;
      const end = dateField(s, f, iEnd, 'end_date');
      if (typeof end !== 'string') return end;
      if (end < start) return problem('end_date', 'E_END_BEFORE_START', m.endBeforeStart(start, end));
      const project: Project = { id, name, owner, measure, status, startDate: start, endDate: end, line };
      s.projects.push(project);
      s.projectIdByKey.set(key, id);
      s.projectIdByExact.set(id, id);
      return null;
    }
  };
}

function dateField(s: FolderState, f: readonly string[], i: number, column: string): string | RowProblem {
  const raw = at(f, i);
  const v = s.dates.parse(raw);
  if (isIsoDate(v)) return v;
  if (raw.trim() === '') return problem(column, 'E_MISSING', s.m.missing(column));
  return problem(column, 'E_BAD_DATE', s.m.badDate(raw.trim(), v as 'format' | 'nonexistent' | 'range'));
}

export function fundingValidator(s: FolderState, idx: ColumnIndex): RowValidator {
  const m = s.m;
  const [iId, iSource, iYear, iAmount] = COLUMNS['funding.csv'].required.map((c) => col(idx, c)) as [
    number,
    number,
    number,
    number,
  ];
  return (f, line) => {
    const idRaw = at(f, iId);
    if (idRaw.trim() === '') return problem('project_id', 'E_MISSING', m.missing('project_id'));
    const projectId = projectRef(s, 'project_id', idRaw);
    if (typeof projectId !== 'string') return projectId;
    const sourceRaw = at(f, iSource);
    if (sourceRaw.trim() === '') return problem('source', 'E_MISSING', m.missing('source'));
    const source = fundingSources.get(sourceRaw);
    if (source === undefined)
      return problem('source', 'E_UNKNOWN_VALUE', m.unknownValue(sourceRaw.trim(), 'source', fundingSources.allowed));
    const yearRaw = at(f, iYear);
    if (yearRaw.trim() === '') return problem('year', 'E_MISSING', m.missing('year'));
    const year = parseYear(yearRaw);
    if (typeof year !== 'number') return problem('year', 'E_BAD_NUMBER', m.badYear(yearRaw.trim()));
    const amountRaw = at(f, iAmount);
    if (amountRaw.trim() === '') return problem('amount_eur', 'E_MISSING', m.missing('amount_eur'));
    const cents = parseAmountCents(amountRaw);
    if (cents === 'negative') return problem('amount_eur', 'E_NEGATIVE', m.negative(amountRaw.trim(), 'amount'));
    if (typeof cents !== 'number')
      return problem('amount_eur', 'E_BAD_NUMBER', m.badNumber(amountRaw.trim(), cents, 'amount'));
    s.funding.push({ projectId, source, year, amountCents: cents, line });
    s.fundedProjects.add(projectId);
    return null;
  };
}

export function indicatorsValidator(s: IndicatorState, idx: ColumnIndex): RowValidator {
  const m = s.m;
  const kpis = s.knownKpis;
  const kpiList = [...kpis];
  const iKpi = col(idx, 'kpi');
  const iDate = col(idx, 'date');
  const iValue = col(idx, 'value');
  const iProject = col(idx, 'project_id');
  const iSource = col(idx, 'source');
  const asOf = s.asOf;
  const emit = s.onObservation;
  return (f, line) => {
    let kpi = f[iKpi] as string;
    if (!kpis.has(kpi)) {
      const k = kpi.trim().toLowerCase();
      if (k === '') return problem('kpi', 'E_MISSING', m.missing('kpi'));
      if (!kpis.has(k)) return problem('kpi', 'E_UNKNOWN_KPI', m.unknownKpi(kpi.trim(), kpiList));
      kpi = k;
    }
    const dateRaw = f[iDate] as string;
    const date = s.dates.parse(dateRaw);
    if (!isIsoDate(date)) {
      if (dateRaw.trim() === '') return problem('date', 'E_MISSING', m.missing('date'));
      return problem('date', 'E_BAD_DATE', m.badDate(dateRaw.trim(), date as 'format' | 'nonexistent' | 'range'));
    }
    const valueRaw = f[iValue] as string;
    const value = parseKpiValue(valueRaw);
    if (typeof value !== 'number') {
      if (valueRaw.trim() === '') return problem('value', 'E_MISSING', m.missing('value'));
      if (value === 'negative') return problem('value', 'E_NEGATIVE', m.negative(valueRaw.trim(), 'kpi'));
      return problem('value', 'E_BAD_NUMBER', m.badNumber(valueRaw.trim(), value, 'kpi'));
    }
    let projectId: string | null = null;
    const projectRaw = at(f, iProject);
    if (projectRaw !== '' && projectRaw.trim() !== '') {
      const ref = projectRef(s, 'project_id', projectRaw);
      if (typeof ref !== 'string') return ref;
      projectId = ref;
    }
    let source: string | null = null;
    const sourceRaw = at(f, iSource);
    if (sourceRaw !== '') {
      const t = sourceRaw.trim();
      if (t !== '') source = text(t);
    }
    if (date > asOf) {
      const tally = s.afterAsOf.get(kpi);
      if (tally) tally.count++;
      else s.afterAsOf.set(kpi, { count: 1, firstLine: line });
    }
    emit({ kpi, date, value, projectId, source, line });
    return null;
  };
}

export function assessmentsValidator(s: FolderState, idx: ColumnIndex): RowValidator {
  const m = s.m;
  const targets = new Set(s.agreement.targets.map((t) => t.id));
  const targetList = [...targets];
  const [iTarget, iDate, iStatus, iEvidence, iBy] = COLUMNS['assessments.csv'].required.map((c) => col(idx, c)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return (f, line) => {
    const target = at(f, iTarget).trim();
    if (target === '') return problem('target', 'E_MISSING', m.missing('target'));
    if (!targets.has(target)) return problem('target', 'E_UNKNOWN_TARGET', m.unknownTarget(target, targetList));
    const date = dateField(s, f, iDate, 'date');
    if (typeof date !== 'string') return date;
    const statusRaw = at(f, iStatus);
    if (statusRaw.trim() === '') return problem('status', 'E_MISSING', m.missing('status'));
    const status = assessmentStatuses.get(statusRaw);
    if (status === undefined)
      return problem('status', 'E_UNKNOWN_VALUE', m.unknownValue(statusRaw.trim(), 'status', assessmentStatuses.allowed));
    const evidence = text(at(f, iEvidence).trim());
    if (evidence === '') return problem('evidence', 'E_MISSING', m.missing('evidence'));
    const assessedBy = text(at(f, iBy).trim());
    if (assessedBy === '') return problem('assessed_by', 'E_MISSING', m.missing('assessed_by'));
    s.assessments.push({ target, date, status, evidence, assessedBy, line });
    return null;
  };
}
