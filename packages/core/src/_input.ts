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

/**
 * Rows of one file. `rowsRead` counts the records the parser handed on, and every one of them is either
 * used or rejected: rowsRead = rowsUsed + rowsRejected. `rowsNotRead` counts the rows a runaway quote
 * swallowed into a value (a quoted value that runs over lines where rows would fit, or a quote never
 * closed): they were never records, so the file's rows are rowsRead + rowsNotRead.
 */
export const inputCountsSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  rowsUsed: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  /** Absent in report.json files written before it was counted: read as 0. */
  rowsNotRead: z.number().int().nonnegative().default(0),
  /**
   * An EURA 2021 export only (DOMAIN.md): rows of projects projects.csv does not list (other cities,
   * other programmes), left out; and rows that are no project at all (EURA's footer, notes), of which
   * `footerRows` come after the data. For an export rowsRead = rowsUsed + rowsRejected + rowsLeftOut +
   * rowsNotData.
   */
  rowsLeftOut: z.number().int().nonnegative().optional(),
  rowsNotData: z.number().int().nonnegative().optional(),
  footerRows: z.number().int().nonnegative().optional(),
  /** A workbook: the sheet its rows were read from. */
  sheet: z.string().optional(),
});
export type InputCounts = z.infer<typeof inputCountsSchema>;

/**
 * An export's rows left out of the report, its footer and notes among them, so that read = used +
 * rejected + left out, as the command line says it; undefined for a contract file.
 */
export function rowsLeftOutAll(c: InputCounts): number | undefined {
  return c.rowsLeftOut === undefined ? undefined : c.rowsLeftOut + (c.rowsNotData ?? 0);
}

/** Why a row was rejected: one code per rule (README of @ekoraportti/ingest); the reason says it in words. */
export const rejectionCodeSchema = z.enum([
  'E_MISSING', 'E_BAD_NUMBER', 'E_NEGATIVE', 'E_BAD_DATE', 'E_END_BEFORE_START', 'E_UNKNOWN_VALUE',
  'E_UNKNOWN_MEASURE', 'E_UNKNOWN_TARGET', 'E_UNKNOWN_KPI', 'E_UNKNOWN_PROJECT', 'E_DUPLICATE_ID',
  'E_DUPLICATE_ROW', 'E_FIELD_COUNT', 'E_RUNAWAY_QUOTE', 'E_QUOTE_NOT_CLOSED', 'E_PARTS_EXCEED_WHOLE',
  'E_EURA_ROW_REJECTED', 'E_EXAMPLE_ROW',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

/** What a data warning is about; the message says it in words. */
export const warningCodeSchema = z.enum([
  'W_UNKNOWN_COLUMN', 'W_DUPLICATE_COLUMN', 'W_NO_FUNDING', 'W_AFTER_AS_OF', 'W_OTHER_VERSION_KPI',
  'W_SAME_KEY', 'W_INVISIBLE_CHARACTERS', 'W_CONTROL_CHARACTERS', 'W_MIXED_ENCODING',
  'W_IMPLAUSIBLE_VALUE', 'W_EURA_UNKNOWN_STATUS', 'W_EURA_ROWS_NOT_DATA', 'W_EURA_MISMATCH', 'W_EURA_FUNDING_REPEATED',
  'W_WORKBOOK_NOT_READ', 'W_SPLIT_DECIMAL',
]);
export type WarningCode = z.infer<typeof warningCodeSchema>;

/** A row that was not used, with where it is and what to fix, in the report language. */
export const rejectionSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.string(),
  reason: z.string(),
  /** Machine-readable reason, e.g. `E_MISSING`, `E_UNKNOWN_PROJECT`. */
  code: rejectionCodeSchema,
  /** A workbook's row: the sheet (tab) it is on; `line` is then the row number Excel shows. */
  sheet: z.string().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** A data-quality note that is not a rejection (unknown extra column, project without funding, …). */
export const dataWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  code: warningCodeSchema,
  /** A workbook's row: the sheet (tab) it is on; `line` is then the row number Excel shows. */
  sheet: z.string().optional(),
});
export type DataWarning = z.infer<typeof dataWarningSchema>;

/**
 * A problem with the data grave enough to be said on the report's first page and to make `--strict`
 * fail, though the report can still be built. `ROWS_NOT_READ`: runaway quotes made a file lose
 * `count` rows (more than `ROWS_NOT_READ_ALERT - 1`); `lines` are the spans they were lost in.
 */
export const dataAlertCodeSchema = z.enum(['ROWS_NOT_READ']);
export type DataAlertCode = z.infer<typeof dataAlertCodeSchema>;

export const dataAlertSchema = z.object({
  code: dataAlertCodeSchema,
  file: z.string(),
  /** The spans of physical lines concerned, first and last line of each, in file order. */
  lines: z.array(z.object({ from: z.number().int().positive(), to: z.number().int().positive() })),
  /** How many rows (for `ROWS_NOT_READ`: rows not read). */
  count: z.number().int().positive(),
});
export type DataAlert = z.infer<typeof dataAlertSchema>;

/** A file that loses this many rows or more to runaway quotes gets a `ROWS_NOT_READ` alert. */
export const ROWS_NOT_READ_ALERT = 5;

/**
 * How many rejected rows, and how many warnings, report.json lists (the first ones, in file and line
 * order). A file with a wrong column can reject a million rows: rejected.csv lists every one, and the
 * model says how many there are of each code.
 */
export const DATA_ISSUES_KEPT = 1000;

/** Counts of rejections or warnings by code. */
export const rejectionCountsSchema = z.partialRecord(rejectionCodeSchema, z.number().int().positive());
export type RejectionCounts = z.infer<typeof rejectionCountsSchema>;
export const warningCountsSchema = z.partialRecord(warningCodeSchema, z.number().int().positive());
export type WarningCounts = z.infer<typeof warningCountsSchema>;

/** The funds of EURA 2021, from a project code's first letter (A, S, J) or its `Rahasto` cell. */
export const euraFundSchema = z.enum(['EAKR', 'ESR+', 'JTF']);
export type EuraFund = z.infer<typeof euraFundSchema>;

const cents = z.number().int().nonnegative();

/**
 * Money of one EURA project in integer cents, split as DOMAIN.md says: EU and state = `… EU- ja valtion
 * rahoitus`; other public = `… julkinen rahoitus` − EU and state; private = `… rahoitus yhteensä` − `…
 * julkinen rahoitus`.
 */
export const euraCentsSchema = z.object({ euStateCents: cents, otherPublicCents: cents, privateCents: cents });
export type EuraCents = z.infer<typeof euraCentsSchema>;

/** A project of projects.csv as the EURA 2021 export gives its money, decided and realised. */
export const euraProjectMoneySchema = z.object({
  projectId: z.string().min(1),
  /** Ryhmähanketunnus: the group project this one is a sub-project of; null when none. */
  groupCode: z.string().nullable(),
  fund: euraFundSchema.nullable(),
  /** Suunniteltu … rahoitus. */
  decided: euraCentsSchema,
  /** Toteutunut … rahoitus; `euCents` is `Toteutunut EU-rahoituksen määrä` where the export has it. */
  realised: euraCentsSchema.extend({ euCents: cents.nullable() }),
  /** The export's row. */
  row: z.number().int().positive(),
  /** The cell each figure came from (`decidedEuState` → `N7`), for the columns the export has. */
  cells: z.record(z.string(), z.string()),
});
export type EuraProjectMoney = z.infer<typeof euraProjectMoneySchema>;

/** The EURA export of a data folder, read against projects.csv: its file, sheet and the money of the projects used. */
export const euraInputSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  projects: z.array(euraProjectMoneySchema),
});
export type EuraInput = z.infer<typeof euraInputSchema>;
