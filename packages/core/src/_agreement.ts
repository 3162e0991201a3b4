import { z } from 'zod';
import { isCalendarDate } from './_calendar.ts';
import { FUNDING_SOURCES, type FundingSource } from './_vocabulary.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Why `s` is no existing ISO calendar date: not written `YYYY-MM-DD` (`format`), or no such day of the
 * calendar (`nonexistent`: `2025-02-30`, `2025-13-01`); null when it is one.
 */
export function isoDateProblem(s: string): 'format' | 'nonexistent' | null {
  const m = ISO_DATE.exec(s);
  if (m === null) return 'format';
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'nonexistent';
}

/**
 * An ISO calendar date, `YYYY-MM-DD`, that exists: `2025-02-30` and `2025-13-01` are refused. The one
 * date schema of the project (options, report.json, accepted rows).
 */
export const isoDateSchema = z.string().refine((s) => isoDateProblem(s) === null, 'expected an existing calendar date YYYY-MM-DD');

/** Text in both report languages. Finnish is the working language; English for EU and Nordic partners. */
export const localizedTextSchema = z.object({ fi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const agreementVersionSchema = z.enum(['2021', '2025']);
/** `2021`: the original agreement signed 8.2.2021; `2025`: the revision after the midterm review. */
export type AgreementVersion = z.infer<typeof agreementVersionSchema>;

export const languageSchema = z.enum(['fi', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** Painopistealue. */
export const priorityAreaSchema = z.object({
  id: z.string().regex(/^\d+\.\d+$/),
  title: localizedTextSchema,
  /** Short summary of the area's vision as the agreement text states it. */
  summary: localizedTextSchema,
});
export type PriorityArea = z.infer<typeof priorityAreaSchema>;

/** Toimenpidekokonaisuus. */
export const measureSchema = z.object({
  id: z.string().regex(/^\d+\.\d+\.\d+$/),
  priorityArea: z.string(),
  title: localizedTextSchema,
  description: localizedTextSchema,
});
export type Measure = z.infer<typeof measureSchema>;

/** Tavoite 2023 / Tavoite 2027 of one measure entity. */
export const targetSchema = z.object({
  /** `<measure>/<year>`, e.g. `4.2.1/2023`. */
  id: z.string().regex(/^\d+\.\d+\.\d+\/20\d\d$/),
  measure: z.string(),
  year: z.union([z.literal(2023), z.literal(2027)]),
  deadline: isoDateSchema,
  /** The Finnish text quoted faithfully from the agreement, OCR slips corrected; `en` is our translation. */
  text: localizedTextSchema,
});
export type Target = z.infer<typeof targetSchema>;

export const kpiKindSchema = z.enum(['sum', 'latest']);
/** `sum`: observations up to the as-of date add up; `latest`: the last observation is the level. */
export type KpiKind = z.infer<typeof kpiKindSchema>;

/** What a KPI's value is: a count of things (its course drawn in steps) or an amount (drawn as a line). */
export const kpiQuantitySchema = z.enum(['count', 'amount']);
export type KpiQuantity = z.infer<typeof kpiQuantitySchema>;

/** A key performance indicator that makes a target measurable. */
export const kpiSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  target: z.string(),
  kind: kpiKindSchema,
  quantity: kpiQuantitySchema,
  threshold: z.number().positive(),
  /** Upper end where the text gives a range ("at least 5–7"). */
  stretch: z.number().positive().nullable(),
  label: localizedTextSchema,
  /** The unit after any number but exactly one: "5 kaupunkia", "0 cities", "1,5 M€". */
  unit: localizedTextSchema,
  /** The unit after exactly one: "1 kaupunki", "1 city" (Finnish takes the nominative, not the partitive). */
  unitOne: localizedTextSchema,
  /** The words of the agreement that justify the threshold. */
  basis: z.string().min(1),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const fundingSourceSchema = z.enum(FUNDING_SOURCES);

export const fundingCategorySchema = z.enum(['euState', 'local', 'private']);
/** EU and state (EU ja valtio), local own share (paikallinen omarahoitusosuus), private (yksityinen). */
export type FundingCategory = z.infer<typeof fundingCategorySchema>;

export const FUNDING_CATEGORY: Readonly<Record<FundingSource, FundingCategory>> = {
  EAKR: 'euState',
  'ESR+': 'euState',
  JTF: 'euState',
  AKKE: 'euState',
  RRF: 'euState',
  valtio: 'euState',
  kaupunki: 'local',
  muu_julkinen: 'local',
  yksityinen: 'private',
};

/** A theme the agreement names (hydrogen, defence, …), used by the revision diff. */
export const themeSchema = z.object({
  id: z.string(),
  label: localizedTextSchema,
  /** A phrase of the agreement text that shows the theme is present. */
  evidence: z.string().min(1),
});
export type Theme = z.infer<typeof themeSchema>;

/** One version of the innovation ecosystem agreement (innovaatiotoiminnan ekosysteemisopimus). */
export const agreementSchema = z.object({
  version: agreementVersionSchema,
  title: localizedTextSchema,
  city: z.string(),
  /** Date of signature, where the text gives it. */
  signed: isoDateSchema.nullable(),
  period: z.object({ start: isoDateSchema, end: isoDateSchema }),
  /** The period the version emphasises (2025–2027 for the revision). */
  focusPeriod: z.object({ start: isoDateSchema, end: isoDateSchema }),
  /** Sopimusosapuolet: the Finnish names as the text writes them, with their English names. */
  parties: z.array(localizedTextSchema).min(2),
  /** Muut yhteistyöosapuolet, likewise. */
  partners: z.array(localizedTextSchema),
  /** The bodies the agreement sets up (section 6: johtoryhmä, kansallinen ohjausryhmä): assessments name them as assessors. */
  bodies: z.array(localizedTextSchema),
  /** Share of R&D spending of GDP the text takes as its baseline, and the 2030 goal, in percent. */
  rdBaselinePercent: z.number(),
  rdGoalPercent: z.number(),
  priorityAreas: z.array(priorityAreaSchema).length(2),
  measures: z.array(measureSchema).length(5),
  targets: z.array(targetSchema).length(10),
  kpis: z.array(kpiSchema),
  themes: z.array(themeSchema),
  funding: z.object({
    /** Indicative split over the agreement's total funding (ohjeellinen jakosuhde). */
    localShare: z.number(),
    euStateShare: z.number(),
    instruments: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
  }),
  /** The source text file in `seeds/agreement/`. */
  sourceFile: z.string(),
});
export type Agreement = z.infer<typeof agreementSchema>;
