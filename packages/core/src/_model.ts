import { z } from 'zod';
import { TARGET_STATUSES } from './_vocabulary.ts';
import {
  agreementVersionSchema,
  fundingSourceSchema,
  isoDateSchema,
  kpiKindSchema,
  languageSchema,
} from './_agreement.ts';
import {
  assessmentStatusSchema,
  dataAlertSchema,
  dataWarningSchema,
  inputCountsSchema,
  projectStatusSchema,
  rejectionCountsSchema,
  rejectionSchema,
  warningCountsSchema,
} from './_input.ts';

/**
 * Where a figure came from: input file name → its physical lines as compact ranges, e.g.
 * `{ "funding.csv": "2-7,12" }`. Ranges keep a million-row provenance small.
 */
export const provenanceSchema = z.record(z.string(), z.string());
export type Provenance = z.infer<typeof provenanceSchema>;

export const targetStatusSchema = z.enum(TARGET_STATUSES);

const euros = z.number();
const categoryTotalsSchema = z.object({ euState: euros, local: euros, private: euros });

export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  measure: z.string(),
  status: projectStatusSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** Euros on all its funding rows, every source and year. */
  funding: euros,
  provenance: provenanceSchema,
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const kpiResultSchema = z.object({
  target: z.string(),
  kind: kpiKindSchema,
  label: z.string(),
  unit: z.string(),
  /** Value at the as-of date; 0 for a `sum` KPI without observations, null for a `latest` one. */
  value: z.number().nullable(),
  threshold: z.number(),
  stretch: z.number().nullable(),
  /** value / threshold, not capped; null when there is no value. */
  progress: z.number().nullable(),
  met: z.boolean(),
  /**
   * Whether the threshold was met on the target's deadline; null while the deadline has not passed
   * at the as-of date, or when nothing was observed by then.
   */
  metByDeadline: z.boolean().nullable(),
  observationsUsed: z.number().int(),
  /** Valid observations dated after the as-of date: read, but not counted. */
  observationsAfterAsOf: z.number().int(),
  lastObserved: isoDateSchema.nullable(),
  /** The evidence (`source` column) named on the most recent observation counted, if any. */
  lastSource: z.string().nullable(),
  provenance: provenanceSchema,
});
export type KpiResult = z.infer<typeof kpiResultSchema>;

export const assessmentResultSchema = z.object({
  status: assessmentStatusSchema,
  date: isoDateSchema,
  evidence: z.string(),
  assessedBy: z.string(),
  provenance: provenanceSchema,
});
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

export const targetResultSchema = z.object({
  measure: z.string(),
  year: z.number().int(),
  deadline: isoDateSchema,
  /** Finnish text of the agreement, quoted faithfully. */
  text: z.string(),
  /** English translation; present whatever the report language. */
  translation: z.string(),
  kpis: z.array(z.string()),
  status: targetStatusSchema,
  /** One line, in the report language, that says why the status is what it is. */
  why: z.string(),
  /** The latest assessment not after the as-of date. */
  assessment: assessmentResultSchema.nullable(),
  /** The newest assessments up to the as-of date, newest first (at most HISTORY_LIMIT). */
  history: z.array(assessmentResultSchema),
  /** How many assessments of the target there are up to the as-of date; the rest are in assessments.csv. */
  assessmentCount: z.number().int(),
  deadlinePassed: z.boolean(),
});
export type TargetResult = z.infer<typeof targetResultSchema>;

export const fundingTotalsSchema = z.object({
  euState: euros,
  local: euros,
  private: euros,
  /** Planned projects' funding, apart from the totals. */
  planned: euros,
  /** euState + local. */
  total: euros,
  /** euState / (euState + local); null when both are zero. */
  euStateShare: z.number().nullable(),
});
export type FundingTotals = z.infer<typeof fundingTotalsSchema>;

export const measureResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  targets: z.array(z.string()),
  kpis: z.array(z.string()),
  projects: z.object({
    count: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    ids: z.array(z.string()),
  }),
  funding: fundingTotalsSchema,
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const priorityAreaResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  measures: z.array(measureResultSchema),
  projects: z.object({ count: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
  funding: fundingTotalsSchema,
});
export type PriorityAreaResult = z.infer<typeof priorityAreaResultSchema>;

export const revisionDiffSchema = z.object({
  from: agreementVersionSchema,
  to: agreementVersionSchema,
  changedTargets: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
  unchangedTargets: z.array(z.string()),
  addedThemes: z.array(z.object({ id: z.string(), label: z.string(), evidence: z.string() })),
  removedThemes: z.array(z.object({ id: z.string(), label: z.string(), evidence: z.string() })),
  renamedPartners: z.array(z.object({ before: z.string(), after: z.string() })),
  addedKpis: z.array(z.string()),
  removedKpis: z.array(z.string()),
  rdBaselinePercent: z.object({ before: z.number(), after: z.number() }),
});
export type RevisionDiff = z.infer<typeof revisionDiffSchema>;

const numberChangeSchema = z.object({
  previous: z.number().nullable(),
  current: z.number().nullable(),
  change: z.number().nullable(),
});
export type NumberChange = z.infer<typeof numberChangeSchema>;

/** Change since the previous report (`--previous PATH/report.json`). */
export const reportDeltaSchema = z.object({
  previousAsOf: isoDateSchema,
  kpis: z.record(z.string(), numberChangeSchema),
  funding: z.record(z.string(), numberChangeSchema),
  targets: z.record(
    z.string(),
    z.object({
      previous: targetStatusSchema.nullable(),
      current: targetStatusSchema,
      changed: z.boolean(),
    }),
  ),
});
export type ReportDelta = z.infer<typeof reportDeltaSchema>;

/**
 * The one report model both renderers draw, written as `report.json`.
 * Its minimum shape is the contract of DOMAIN.md; everything else is an extension.
 */
export const reportModelSchema = z.object({
  schemaVersion: z.literal(1),
  agreement: z.object({
    version: agreementVersionSchema,
    title: z.string(),
    city: z.string(),
    signed: isoDateSchema.nullable(),
    periodEnd: isoDateSchema,
    parties: z.array(z.string()),
    partners: z.array(z.string()),
    sourceFile: z.string(),
  }),
  asOf: isoDateSchema,
  lang: languageSchema,
  report: z.object({
    /** Pipeline name, e.g. `midterm-review`. */
    pipeline: z.string(),
    /** Report type in the report language, e.g. "Väliarviointi". */
    type: z.string(),
    /** True when built from the embedded example data: every view must say so. */
    exampleData: z.boolean(),
    /** Sections the pipeline asks the renderers to draw, in order. */
    sections: z.array(z.string()),
  }),
  inputs: z.record(z.string(), inputCountsSchema),
  /** The first DATA_ISSUES_KEPT rejected rows, in file and line order; rejected.csv lists every one. */
  rejected: z.array(rejectionSchema),
  /** How many rows were rejected in all (Σ inputs' rowsRejected), and how many of each code. */
  rejectedTotal: z.number().int().nonnegative().default(0),
  rejectedByCode: rejectionCountsSchema.default({}),
  /** The first DATA_ISSUES_KEPT warnings, in file and line order. */
  warnings: z.array(dataWarningSchema),
  warningsTotal: z.number().int().nonnegative().default(0),
  warningsByCode: warningCountsSchema.default({}),
  /**
   * Data problems the report's first page must show and `--strict` fails on (rows lost to runaway
   * quotes). The defaults above and here read report.json files written before these fields existed.
   */
  dataAlerts: z.array(dataAlertSchema).default([]),
  projects: z.object({
    count: z.number().int(),
    byMeasure: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
    list: z.array(projectSummarySchema),
  }),
  funding: z.object({
    bySource: z.record(fundingSourceSchema, euros),
    euState: euros,
    local: euros,
    private: euros,
    planned: euros,
    euStateShare: z.number().nullable(),
    total: euros,
    /** The agreement's indicative EU-and-state share (0.6). */
    indicativeEuStateShare: z.number(),
    /** (euStateShare − indicative) in percentage points. */
    deviationPp: z.number().nullable(),
    plannedBySource: z.record(fundingSourceSchema, euros),
    byYear: z.record(z.string(), categoryTotalsSchema),
    byMeasure: z.record(z.string(), fundingTotalsSchema),
    provenance: z.object({
      bySource: z.record(z.string(), provenanceSchema),
      planned: provenanceSchema,
    }),
  }),
  kpis: z.record(z.string(), kpiResultSchema),
  targets: z.record(z.string(), targetResultSchema),
  statusCounts: z.record(targetStatusSchema, z.number().int()),
  priorityAreas: z.array(priorityAreaResultSchema),
  revision: revisionDiffSchema.nullable(),
  delta: reportDeltaSchema.nullable(),
});
export type ReportModel = z.infer<typeof reportModelSchema>;
