import { FUNDING_CATEGORY, type Agreement, type Language, type LocalizedText } from './_agreement.ts';
import type { Assessment, DataAlert, DataWarning, FundingRow, InputCounts, Project, Rejection, RejectionCounts, WarningCounts } from './_input.ts';
import { dataIssues } from './_issues.ts';
import { INGEST_PHRASES } from './phrasebook/ingest.ts';
import type { KpiTally } from './_kpi.ts';
import { kpiResults } from './_kpi-results.ts';
import { evidenceFreshness, freshnessOf, newerDate, notAfter } from './_freshness.ts';
import type {
  AssessmentResult,
  FundingTotals,
  KpiResult,
  MeasureResult,
  ReportModel,
  RevisionDiff,
  TargetResult,
} from './_model.ts';
import {
  FUNDING_SOURCES,
  type FundingSource,
  PROJECT_STATUSES,
  type ProjectStatus,
  type Section,
  TARGET_STATUSES,
} from './_vocabulary.ts';
import { LineSet, rowProvenance } from './_provenance.ts';
import { targetStatus } from './_status.ts';
import { computeDelta } from './_delta.ts';

/** What a pipeline tells the core about the report it wants. */
export interface ReportRequest {
  pipeline: string;
  /** Report type, e.g. { fi: 'Väliarviointi', en: 'Midterm review' }. */
  type: LocalizedText;
  exampleData: boolean;
  sections: readonly Section[];
  /** A report made every quarter (the steering group's): it says when the data was not updated in its quarter. */
  quarterly?: boolean;
}

/** Everything the report model is computed from: accepted rows, the ingest's accounting, and the request. */
export interface ReportInput {
  agreement: Agreement;
  asOf: string;
  lang: Language;
  request: ReportRequest;
  projects: readonly Project[];
  funding: readonly FundingRow[];
  assessments: readonly Assessment[];
  /** KPI observations, folded as they were read. */
  kpiTally: KpiTally;
  inputs: Readonly<Record<string, InputCounts>>;
  /** The rejected rows in file and line order: all of them, or the first ones when `rejectedByCode` counts all. */
  rejected: readonly Rejection[];
  /** Every rejected row by code; default: counted from `rejected`. */
  rejectedByCode?: RejectionCounts;
  /** The warnings in file and line order: all of them, or the first ones when `warningsByCode` counts all. */
  warnings: readonly DataWarning[];
  /** Every warning by code; default: counted from `warnings`. */
  warningsByCode?: WarningCounts;
  /** Data problems for the report's first page (rows lost to runaway quotes). */
  dataAlerts?: readonly DataAlert[];
  /** The previous report of the same pipeline, for the change since then. */
  previous?: ReportModel | null;
  /** What the revision changed, for reports that show it. */
  revision?: RevisionDiff | null;
}

/**
 * A report shows a target's newest assessments; thousands of quarterly assessments would bury the page.
 * `assessmentCount` says how many there are in all.
 */
export const HISTORY_LIMIT = 12;

/** Funding totals count ongoing and completed projects; planned ones are shown apart; cancelled count nowhere. */
const COUNTED: ReadonlySet<ProjectStatus> = new Set(['ongoing', 'completed']);

interface CentsTotals {
  euState: number;
  local: number;
  private: number;
  planned: number;
}

const emptyCents = (): CentsTotals => ({ euState: 0, local: 0, private: 0, planned: 0 });

/** Cents → euros, exact for any sum under 2^53 cents. */
const euros = (cents: number): number => cents / 100;

function toFundingTotals(c: CentsTotals): FundingTotals {
  const total = c.euState + c.local;
  return {
    euState: euros(c.euState),
    local: euros(c.local),
    private: euros(c.private),
    planned: euros(c.planned),
    total: euros(total),
    euStateShare: total === 0 ? null : c.euState / total,
  };
}

function zeroRecord<K extends string>(keys: readonly K[]): Record<K, number> {
  const r = {} as Record<K, number>;
  for (const k of keys) r[k] = 0;
  return r;
}

/**
 * Computes the report model from the agreement, the accepted rows and the as-of date.
 * Pure: no I/O, no clock; the same input gives the same model, key order included.
 */
export function computeReport(input: ReportInput): ReportModel {
  const { agreement, asOf, lang } = input;
  const measureIds = agreement.measures.map((m) => m.id);

  // Projects
  const projectsById = new Map<string, Project>();
  const byMeasure = zeroRecord(measureIds);
  const byStatus = zeroRecord(PROJECT_STATUSES);
  const sortedProjects = [...input.projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sortedProjects) {
    projectsById.set(p.id, p);
    byMeasure[p.measure] = (byMeasure[p.measure] ?? 0) + 1;
    byStatus[p.status]++;
  }

  // Funding, in integer cents
  const bySource = zeroRecord(FUNDING_SOURCES);
  const plannedBySource = zeroRecord(FUNDING_SOURCES);
  const sourceLines = new Map<FundingSource, LineSet>();
  const plannedLines = new LineSet();
  const total = emptyCents();
  const byYear = new Map<number, CentsTotals>();
  const byMeasureCents = new Map<string, CentsTotals>(measureIds.map((id) => [id, emptyCents()]));
  const projectCents = new Map<string, number>();
  const projectLines = new Map<string, LineSet>();
  /** Measure → the newest budget year (not after the as-of year) of its projects' funding rows. */
  const newestYear = new Map<string, number>();
  const asOfYear = Number(asOf.slice(0, 4));
  for (const row of input.funding) {
    const project = projectsById.get(row.projectId);
    if (!project) continue; // ingest only passes rows of accepted projects
    projectCents.set(project.id, (projectCents.get(project.id) ?? 0) + row.amountCents);
    let pl = projectLines.get(project.id);
    if (!pl) projectLines.set(project.id, (pl = new LineSet()));
    pl.add('funding.csv', row.line);
    if (row.year <= asOfYear && row.year > (newestYear.get(project.measure) ?? 0)) newestYear.set(project.measure, row.year);
    const measure = byMeasureCents.get(project.measure) ?? emptyCents();
    byMeasureCents.set(project.measure, measure);
    if (project.status === 'planned') {
      plannedBySource[row.source] += row.amountCents;
      total.planned += row.amountCents;
      measure.planned += row.amountCents;
      plannedLines.add('funding.csv', row.line);
      continue;
    }
    if (!COUNTED.has(project.status)) continue;
    const category = FUNDING_CATEGORY[row.source];
    bySource[row.source] += row.amountCents;
    total[category] += row.amountCents;
    measure[category] += row.amountCents;
    let year = byYear.get(row.year);
    if (!year) byYear.set(row.year, (year = emptyCents()));
    year[category] += row.amountCents;
    let lines = sourceLines.get(row.source);
    if (!lines) sourceLines.set(row.source, (lines = new LineSet()));
    lines.add('funding.csv', row.line);
  }
  const fundingTotals = toFundingTotals(total);
  const indicative = agreement.funding.euStateShare;

  // KPIs
  const kpis = kpiResults(agreement, input.kpiTally, asOf, lang);

  // Assessments: per target, newest first, none after the as-of date
  const history = new Map<string, AssessmentResult[]>();
  const sortedAssessments = [...input.assessments]
    .filter((a) => a.date <= asOf)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.line - a.line));
  for (const a of sortedAssessments) {
    let list = history.get(a.target);
    if (!list) history.set(a.target, (list = []));
    list.push({
      status: a.status,
      date: a.date,
      evidence: a.evidence,
      assessedBy: a.assessedBy,
      provenance: rowProvenance('assessments.csv', a.line),
    });
  }

  // Targets
  const targets: Record<string, TargetResult> = {};
  const statusCounts = zeroRecord(TARGET_STATUSES);
  for (const target of agreement.targets) {
    const targetKpis = agreement.kpis.filter((k) => k.target === target.id).map((k) => k.id);
    const list = history.get(target.id) ?? [];
    const assessment = list[0] ?? null;
    const { status, why } = targetStatus({
      deadline: target.deadline,
      periodStart: agreement.period.start,
      asOf,
      kpis: targetKpis.map((id) => kpis[id] as KpiResult),
      assessment,
      lang,
    });
    statusCounts[status]++;
    const evidenceAsOf = targetKpis.reduce<string | null>(
      (newest, id) => newerDate(newest, kpis[id]?.lastObserved ?? null),
      assessment?.date ?? null,
    );
    targets[target.id] = {
      measure: target.measure,
      year: target.year,
      deadline: target.deadline,
      text: target.text.fi,
      translation: target.text.en,
      kpis: targetKpis,
      status,
      why,
      assessment,
      history: list.slice(0, HISTORY_LIMIT),
      assessmentCount: list.length,
      deadlinePassed: asOf > target.deadline,
      ...evidenceFreshness(evidenceAsOf, target.deadline, asOf),
    };
  }

  // Priority areas and measures
  const measureKpis = (measure: string): string[] =>
    agreement.kpis.filter((k) => agreement.targets.some((t) => t.id === k.target && t.measure === measure)).map((k) => k.id);
  const priorityAreas = agreement.priorityAreas.map((area) => {
    const areaMeasures = agreement.measures.filter((m) => m.priorityArea === area.id);
    const measures: MeasureResult[] = areaMeasures.map((m) => {
      const projects = sortedProjects.filter((p) => p.measure === m.id);
      const mByStatus = zeroRecord(PROJECT_STATUSES);
      for (const p of projects) mByStatus[p.status]++;
      const measureTargets = agreement.targets.filter((t) => t.measure === m.id).map((t) => t.id);
      return {
        id: m.id,
        title: m.title[lang],
        description: m.description[lang],
        targets: measureTargets,
        kpis: measureKpis(m.id),
        projects: { count: projects.length, byStatus: mByStatus, ids: projects.map((p) => p.id) },
        funding: toFundingTotals(byMeasureCents.get(m.id) ?? emptyCents()),
        dataAsOf: {
          projects: projects.reduce<string | null>(
            (newest, p) => newerDate(newerDate(newest, notAfter(p.startDate, asOf)), notAfter(p.endDate, asOf)),
            null,
          ),
          funding: newestYear.get(m.id) ?? null,
          indicators: measureKpis(m.id).reduce<string | null>((newest, k) => newerDate(newest, kpis[k]?.lastObserved ?? null), null),
          assessments: measureTargets.reduce<string | null>(
            (newest, t) => newerDate(newest, history.get(t)?.[0]?.date ?? null),
            null,
          ),
        },
      };
    });
    const areaCents = emptyCents();
    const areaByStatus = zeroRecord(PROJECT_STATUSES);
    for (const m of areaMeasures) {
      const c = byMeasureCents.get(m.id) ?? emptyCents();
      areaCents.euState += c.euState;
      areaCents.local += c.local;
      areaCents.private += c.private;
      areaCents.planned += c.planned;
    }
    for (const m of measures) for (const s of PROJECT_STATUSES) areaByStatus[s] += m.projects.byStatus[s] ?? 0;
    return {
      id: area.id,
      title: area.title[lang],
      summary: area.summary[lang],
      measures,
      projects: { count: measures.reduce((n, m) => n + m.projects.count, 0), byStatus: areaByStatus },
      funding: toFundingTotals(areaCents),
    };
  });

  const issues = dataIssues(input, otherVersionKpiWarnings(input.kpiTally, agreement.version, lang));

  const sortedYears = [...byYear.keys()].sort((a, b) => a - b);
  const bySourceProvenance: Record<string, ReturnType<LineSet['toProvenance']>> = {};
  for (const source of FUNDING_SOURCES) bySourceProvenance[source] = sourceLines.get(source)?.toProvenance() ?? {};

  const model: ReportModel = {
    schemaVersion: 1,
    agreement: {
      version: agreement.version,
      title: agreement.title[lang],
      city: agreement.city,
      signed: agreement.signed,
      periodStart: agreement.period.start,
      periodEnd: agreement.period.end,
      parties: agreement.parties.map((p) => p[lang]),
      partners: agreement.partners.map((p) => p[lang]),
      sourceFile: agreement.sourceFile,
    },
    asOf,
    lang,
    report: {
      pipeline: input.request.pipeline,
      type: input.request.type[lang],
      exampleData: input.request.exampleData,
      sections: [...input.request.sections],
      quarterly: input.request.quarterly ?? false,
    },
    inputs: Object.fromEntries(Object.entries(input.inputs).map(([f, c]) => [f, { ...c }])),
    ...issues,
    dataAlerts: (input.dataAlerts ?? []).map((a) => ({ ...a, lines: a.lines.map((l) => ({ ...l })) })),
    projects: {
      count: sortedProjects.length,
      byMeasure,
      byStatus,
      list: sortedProjects.map((p) => ({
        id: p.id,
        name: p.name,
        owner: p.owner,
        measure: p.measure,
        status: p.status,
        startDate: p.startDate,
        endDate: p.endDate,
        funding: euros(projectCents.get(p.id) ?? 0),
        provenance: {
          ...rowProvenance('projects.csv', p.line),
          ...(projectLines.get(p.id)?.toProvenance() ?? {}),
        },
      })),
    },
    funding: {
      bySource: mapValues(bySource, euros),
      euState: fundingTotals.euState,
      local: fundingTotals.local,
      private: fundingTotals.private,
      planned: fundingTotals.planned,
      euStateShare: fundingTotals.euStateShare,
      total: fundingTotals.total,
      indicativeEuStateShare: indicative,
      deviationPp: fundingTotals.euStateShare === null ? null : roundPp((fundingTotals.euStateShare - indicative) * 100),
      plannedBySource: mapValues(plannedBySource, euros),
      byYear: Object.fromEntries(
        sortedYears.map((y) => {
          const c = byYear.get(y) as CentsTotals;
          return [String(y), { euState: euros(c.euState), local: euros(c.local), private: euros(c.private) }];
        }),
      ),
      byMeasure: Object.fromEntries(measureIds.map((id) => [id, toFundingTotals(byMeasureCents.get(id) ?? emptyCents())])),
      provenance: { bySource: bySourceProvenance, planned: plannedLines.toProvenance() },
    },
    kpis,
    targets,
    statusCounts,
    freshness: freshnessOf(targets, kpis, sortedAssessments[0]?.date ?? null, asOf),
    priorityAreas,
    revision: input.revision ?? null,
    delta: null,
  };
  if (input.previous) model.delta = computeDelta(input.previous, model);
  return model;
}

/** Observations of a KPI the other agreement version measures: valid rows, read, but not counted here. */
function otherVersionKpiWarnings(tally: KpiTally, version: string, lang: Language): DataWarning[] {
  return [...tally.ignored.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kpi, count]) => ({
      file: 'indicators.csv',
      line: null,
      column: 'kpi',
      code: 'W_OTHER_VERSION_KPI' as const,
      message: INGEST_PHRASES[lang].otherVersionKpi(kpi, version, count),
    }));
}


function mapValues<K extends string>(r: Record<K, number>, f: (n: number) => number): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(r) as K[]) out[k] = f(r[k]);
  return out;
}

/** Percentage points to 1e-9, so 62.0 − 60 prints as 2 and not 2.0000000000000036. */
function roundPp(pp: number): number {
  return Math.round(pp * 1e9) / 1e9;
}
