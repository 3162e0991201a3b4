import { z } from 'zod';
import { SECTIONS, TARGET_STATUSES } from './_vocabulary.ts';
import {
  agreementVersionSchema,
  fundingSourceSchema,
  isoDateSchema,
  kpiKindSchema,
  kpiQuantitySchema,
  languageSchema,
} from './_agreement.ts';
import {
  assessmentSchema,
  assessmentStatusSchema,
  dataAlertSchema,
  dataWarningSchema,
  euraFundSchema,
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

/** A report section a pipeline can ask for (`SECTIONS`). */
export const sectionSchema = z.enum(SECTIONS);

const euros = z.number();
const categoryTotalsSchema = z.object({ euState: euros, local: euros, private: euros });

/** EURA money in euros: EU and state, other public (counted as local own share), private, and their total. */
export const euraMoneySchema = z.object({ euState: euros, otherPublic: euros, private: euros, total: euros });
export type EuraMoney = z.infer<typeof euraMoneySchema>;

/** Decided (`Suunniteltu …`) and realised (`Toteutunut …`) money from the EURA 2021 export, and how much of it is realised. */
export const euraFundingSchema = z.object({
  decided: euraMoneySchema,
  realised: euraMoneySchema,
  /** realised.total / decided.total; null when nothing is decided. */
  realisationRate: z.number().nullable(),
  /** realised.euState / decided.euState; null when no EU and state money is decided. */
  euStateRealisationRate: z.number().nullable(),
});
export type EuraFunding = z.infer<typeof euraFundingSchema>;

/** Where a workbook row is: file, sheet (tab) and the row number Excel shows. */
export const sheetRowSchema = z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() });

/** One project's EURA figures, with the export's row and the cell of each figure. */
export const euraProjectResultSchema = euraFundingSchema.extend({
  /** Ryhmähanketunnus: the group project it is a sub-project of; null when none. */
  groupCode: z.string().nullable(),
  fund: euraFundSchema.nullable(),
  /** Toteutunut EU-rahoituksen määrä (EU money alone); null when the export has no such column. */
  realisedEu: euros.nullable(),
  source: sheetRowSchema,
  /** The cell each figure and field came from: `decidedEuState` → `N7`, `name` → `G7`. */
  cells: z.record(z.string(), z.string()),
});
export type EuraProjectResult = z.infer<typeof euraProjectResultSchema>;

/** A group of EURA projects (a measure, an area, the whole): their figures, how many, and the rows they came from. */
export const euraTotalsSchema = euraFundingSchema.extend({
  /** The ongoing and completed EURA projects counted (planned ones are in `planned`, cancelled ones nowhere). */
  projects: z.number().int(),
  /** Provenance: `<file> (<sheet>)` → the export's rows. */
  provenance: provenanceSchema,
});
export type EuraTotals = z.infer<typeof euraTotalsSchema>;

export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  measure: z.string(),
  status: projectStatusSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /**
   * Euros on all its funding rows, every source and year; for an EURA project, plus the funding EURA
   * decided (funding.csv rows repeating EURA's money are not counted).
   */
  funding: euros,
  provenance: provenanceSchema,
  /** What the EURA 2021 export says of the project's money; null for a project not in the export. */
  eura: euraProjectResultSchema.nullable().default(null),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/** One point of a KPI's course: one observation date, however many rows that day. */
export const kpiSeriesPointSchema = z.object({
  date: isoDateSchema,
  /** A `sum` KPI: the running total up to and including the date; a `latest` KPI: the level that day (the later row wins). */
  value: z.number(),
  /** What that day's rows added (`sum`) or set (`latest`). */
  observed: z.number(),
  provenance: provenanceSchema,
});
export type KpiSeriesPoint = z.infer<typeof kpiSeriesPointSchema>;

export const kpiResultSchema = z.object({
  target: z.string(),
  kind: kpiKindSchema,
  quantity: kpiQuantitySchema,
  label: z.string(),
  /** The unit after a number (see `unitAfter`): "5 kaupunkia". */
  unit: z.string(),
  /** The unit after exactly one: "1 kaupunki". Absent from reports written before it was added; `unit` then serves. */
  unitOne: z.string().optional(),
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
  /** The observations used, one point per date in date order, each with its rows. */
  series: z.array(kpiSeriesPointSchema),
  /** The first date the series reached the threshold; null when it has not. */
  metOn: isoDateSchema.nullable(),
  /**
   * What the straight-line pace of the status rules expects at the as-of date (0 at the agreement's
   * start, the threshold on the deadline); null once the deadline has passed.
   */
  pace: z.number().nullable(),
});
export type KpiResult = z.infer<typeof kpiResultSchema>;

/** An assessment as the report shows it: the row's words, and where the row is. */
export const assessmentResultSchema = assessmentSchema
  .pick({ status: true, date: true, evidence: true, assessedBy: true })
  .extend({ provenance: provenanceSchema });
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
  /** Date of the newest evidence (KPI observation or assessment) the status rests on; null without any. */
  evidenceAsOf: isoDateSchema.nullable(),
  /** Days and whole calendar months from that evidence to the as-of date; null without evidence. */
  evidenceAgeDays: z.number().int().nullable(),
  evidenceAgeMonths: z.number().int().nullable(),
  /** Open at the as-of date and resting on evidence over two quarters (183 days) old, or on none. */
  stale: z.boolean(),
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
  /**
   * The EURA projects' decided and realised money (already inside the figures above, decided); null when
   * the data folder has no EURA export.
   */
  eura: euraTotalsSchema.nullable().default(null),
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
  /**
   * The newest data date of each file that feeds the measure, up to the as-of date, so what was not
   * updated shows at a glance: the latest project start or end, budget year, KPI observation, assessment.
   */
  dataAsOf: z.object({
    projects: isoDateSchema.nullable(),
    funding: z.number().int().nullable(),
    indicators: isoDateSchema.nullable(),
    assessments: isoDateSchema.nullable(),
  }),
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
  changedTargets: z.array(
    z.object({
      id: z.string(),
      /** The texts in the report's language ('' where a version has no such target). */
      before: z.string(),
      after: z.string(),
      /** In a report in another language than Finnish: the agreement's own (Finnish) words that `before` and `after` translate. */
      original: z.object({ before: z.string(), after: z.string() }).optional(),
    }),
  ),
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

/**
 * Change since the previous report: the newest earlier report of the same pipeline and agreement
 * version in the output folder, or the one `--previous FILE` names.
 */
export const reportDeltaSchema = z.object({
  previousAsOf: isoDateSchema,
  /**
   * The previous report's file name (e.g. `jyvaskyla-steering-group-2025-06-30.json`), so the report can
   * say which one it compares with. Absent in reports written before it existed.
   */
  previousFile: z.string().min(1).optional(),
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
    /** The agreement period, start to end: the time axis of the KPI trends and the pace. */
    periodStart: isoDateSchema,
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
    sections: z.array(sectionSchema),
    /** A report made every quarter: its first page says when the data was not updated in its quarter. */
    quarterly: z.boolean(),
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
    /**
     * The EURA 2021 export's projects: decided and realised money, the realisation rate, the export and
     * its group projects (Ryhmähanketunnus → sub-projects). Their decided money is inside euState, local
     * and private (other public counts as local own share) and so inside the 40/60 split; `bySource`
     * and `byYear` are funding.csv's alone (EURA has no per-year split). Null without an export.
     */
    eura: euraTotalsSchema
      .extend({
        file: z.string(),
        sheet: z.string(),
        /** Decided money of planned EURA projects, inside `planned`. */
        planned: euros,
        groups: z.record(z.string(), z.array(z.string())),
      })
      .nullable()
      .default(null),
    provenance: z.object({
      bySource: z.record(z.string(), provenanceSchema),
      planned: provenanceSchema,
    }),
  }),
  kpis: z.record(z.string(), kpiResultSchema),
  targets: z.record(z.string(), targetResultSchema),
  statusCounts: z.record(targetStatusSchema, z.number().int()),
  /** How current the evidence is as a whole (see docs/status-rules.md, "Freshness"). */
  freshness: z.object({
    /** Targets open at the as-of date, and how many of them rest on stale evidence. */
    openTargets: z.number().int(),
    staleTargets: z.number().int(),
    staleAfterDays: z.number().int(),
    /** The newest KPI observation or assessment up to the as-of date, over the whole agreement. */
    newestEvidence: isoDateSchema.nullable(),
    /** First day of the quarter the as-of date lies in. */
    quarterStart: isoDateSchema,
    /** Whether any KPI observation or assessment is dated in that quarter: false means the data was not updated. */
    updatedThisQuarter: z.boolean(),
  }),
  priorityAreas: z.array(priorityAreaResultSchema),
  revision: revisionDiffSchema.nullable(),
  delta: reportDeltaSchema.nullable(),
});
export type ReportModel = z.infer<typeof reportModelSchema>;
