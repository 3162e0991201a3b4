import { z } from 'zod';
import { fundingSourceSchema, isoDateSchema } from './_agreement.ts';
import { ASSESSMENT_STATUSES, PROJECT_STATUSES } from './_vocabulary.ts';

export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export const assessmentStatusSchema = z.enum(ASSESSMENT_STATUSES);

/** An accepted `projects.csv` row. `line` is the physical line where its record starts. */
export const projectSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  owner: z.string().min(1),
  measure: z.string(),
  status: projectStatusSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  line: z.number().int().positive(),
});
export type Project = z.infer<typeof projectSchema>;

/** An accepted `funding.csv` row; money in integer cents so sums never drift. */
export const fundingRowSchema = z.object({
  projectId: z.string(),
  source: fundingSourceSchema,
  year: z.number().int(),
  amountCents: z.number().int().nonnegative(),
  line: z.number().int().positive(),
});
export type FundingRow = z.infer<typeof fundingRowSchema>;

/** An accepted `indicators.csv` row: one KPI observation. */
export const observationSchema = z.object({
  kpi: z.string(),
  date: isoDateSchema,
  value: z.number(),
  projectId: z.string().nullable(),
  source: z.string().nullable(),
  line: z.number().int().positive(),
});
export type Observation = z.infer<typeof observationSchema>;

/** An accepted `assessments.csv` row: a dated qualitative assessment of a target. */
export const assessmentSchema = z.object({
  target: z.string(),
  date: isoDateSchema,
  status: assessmentStatusSchema,
  evidence: z.string(),
  assessedBy: z.string(),
  line: z.number().int().positive(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** Rows read, used and rejected in one file: rowsRead = rowsUsed + rowsRejected. */
export const inputCountsSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  rowsUsed: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
});
export type InputCounts = z.infer<typeof inputCountsSchema>;

/** A row that was not used, with where it is and what to fix, in the report language. */
export const rejectionSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.string(),
  reason: z.string(),
  /** Machine-readable reason, e.g. `E_MISSING`, `E_UNKNOWN_PROJECT`. */
  code: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** A data-quality note that is not a rejection (unknown extra column, project without funding, …). */
export const dataWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  code: z.string(),
});
export type DataWarning = z.infer<typeof dataWarningSchema>;
