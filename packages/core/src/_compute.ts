import type { Agreement, Language, LocalizedText } from './_agreement.ts';
import type { Assessment, DataAlert, DataWarning, EuraInput, FundingRow, InputCounts, Project, Rejection, RejectionCounts, WarningCounts } from './_input.ts';
import { FundingTally, toFundingTotals } from './_funding.ts';
import { dataIssues } from './_issues.ts';
import { INGEST_PHRASES } from './phrasebook/ingest.ts';
import type { KpiTally } from './_kpi.ts';
import { kpiResults } from './_kpi-results.ts';
import { evidenceFreshness, freshnessOf, newerDate, notAfter } from './_freshness.ts';
import type { AssessmentResult, KpiResult, MeasureResult, Provenance, ReportModel, RevisionDiff, TargetResult } from './_model.ts';
import { type InputFile, PROJECT_STATUSES, type Section, TARGET_STATUSES } from './_vocabulary.ts';
import { renameProvenance, rowProvenance, sheetSourceKey } from './_provenance.ts';
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
  /** The EURA 2021 export's money of the projects it gives (ingest reads it); null or absent without one. */
  eura?: EuraInput | null;
  /**
   * The contract files read from workbooks: `funding.csv` → `{ file: 'funding.xlsx', sheet: 'Taul1' }`, so
   * provenance names the file and sheet the rows are in (line numbers are then Excel's row numbers).
   */
  workbooks?: Partial<Record<InputFile, { file: string; sheet: string }>>;
}

/**
 * A report shows a target's newest assessments; thousands of quarterly assessments would bury the page.
 * `assessmentCount` says how many there are in all.
 */
export const HISTORY_LIMIT = 12;

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

  // Funding, in integer cents: funding.csv's rows, then the EURA export's money
  const names = new Map(Object.entries(input.workbooks ?? {}).map(([role, w]) => [role, sheetSourceKey(w.file, w.sheet)]));
  const fundingFile = names.get('funding.csv') ?? 'funding.csv';
  const money = new FundingTally(measureIds, input.eura ?? null);
  const asOfYear = Number(asOf.slice(0, 4));
  for (const row of input.funding) {
    const project = projectsById.get(row.projectId);
    if (project) money.addRow(row, project, fundingFile, asOfYear); // ingest only passes rows of accepted projects
  }
  for (const e of input.eura?.projects ?? []) {
    const project = projectsById.get(e.projectId);
    if (project) money.addEura(e, project);
  }

  // KPIs
  const kpis = renameKpiFiles(kpiResults(agreement, input.kpiTally, asOf, lang), names);

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
      provenance: rowProvenance(names.get('assessments.csv') ?? 'assessments.csv', a.line),
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
        funding: toFundingTotals(money.byMeasure.get(m.id) ?? money.sumOf([])),
        dataAsOf: {
          projects: projects.reduce<string | null>(
            (newest, p) => newerDate(newerDate(newest, notAfter(p.startDate, asOf)), notAfter(p.endDate, asOf)),
            null,
          ),
          funding: money.newestYear.get(m.id) ?? null,
          indicators: measureKpis(m.id).reduce<string | null>((newest, k) => newerDate(newest, kpis[k]?.lastObserved ?? null), null),
          assessments: measureTargets.reduce<string | null>(
            (newest, t) => newerDate(newest, history.get(t)?.[0]?.date ?? null),
            null,
          ),
        },
      };
    });
    const areaByStatus = zeroRecord(PROJECT_STATUSES);
    for (const m of measures) for (const s of PROJECT_STATUSES) areaByStatus[s] += m.projects.byStatus[s] ?? 0;
    return {
      id: area.id,
      title: area.title[lang],
      summary: area.summary[lang],
      measures,
      projects: { count: measures.reduce((n, m) => n + m.projects.count, 0), byStatus: areaByStatus },
      funding: toFundingTotals(money.sumOf(areaMeasures.map((m) => m.id))),
    };
  });

  const issues = dataIssues(input, otherVersionKpiWarnings(input.kpiTally, agreement.version, lang));

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
        funding: (money.projectCents.get(p.id) ?? 0) / 100,
        provenance: projectProvenance(p, money, names),
        eura: money.euraProjects.get(p.id) ?? null,
      })),
    },
    funding: money.model(measureIds, agreement.funding.euStateShare),
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

/** A project's rows: its projects.csv row, its funding rows, and its EURA row. */
function projectProvenance(p: Project, money: FundingTally, names: ReadonlyMap<string, string>): Provenance {
  const eura = money.euraProjects.get(p.id)?.source;
  return {
    ...rowProvenance(names.get('projects.csv') ?? 'projects.csv', p.line),
    ...(money.projectLines.get(p.id)?.toProvenance() ?? {}),
    ...(eura ? rowProvenance(sheetSourceKey(eura.file, eura.sheet), eura.row) : {}),
  };
}

/** The KPIs' provenance names indicators.csv; when it was read from a workbook, the workbook and sheet. */
function renameKpiFiles(kpis: Record<string, KpiResult>, names: ReadonlyMap<string, string>): Record<string, KpiResult> {
  const file = names.get('indicators.csv');
  if (file === undefined) return kpis;
  const rename = new Map([['indicators.csv', file]]);
  for (const k of Object.values(kpis)) {
    k.provenance = renameProvenance(k.provenance, rename);
    for (const point of k.series) point.provenance = renameProvenance(point.provenance, rename);
  }
  return kpis;
}
