// The shape of what this package returns, as zod schemas, so core can take an EURA export as input
// later (`z.infer` gives the types). Money is integer cents throughout; dates are ISO.

import { z } from 'zod';
import type { EuraNoticeCode, EuraRowProblemCode } from '@ekoraportti/core';
import { euraFundSchema, isoDateSchema, projectStatusSchema, type EuraFund } from '@ekoraportti/core';

/** Where a row came from: the workbook, the sheet (tab) and the row number Excel shows. */
export const sheetSourceSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
});
export type SheetSource = z.infer<typeof sheetSourceSchema>;

/** Where one value came from: its row, the column's header as written, and the cell (`N7`). */
export const cellSourceSchema = sheetSourceSchema.extend({ column: z.string(), cell: z.string() });
export type CellSource = z.infer<typeof cellSourceSchema>;

/** The funds of EURA 2021 (the code's first letter: A, S, J): core's schema, as core takes the export's money. */
export { euraFundSchema };
export type { EuraFund };

/** The values read from an EURA row, by name; `columns` of the result says which column held each. */
export const euraFieldSchema = z.enum([
  'code',
  'groupCode',
  'fund',
  'name',
  'implementer',
  'status',
  'startDate',
  'endDate',
  'decidedEuState',
  'decidedPublic',
  'decidedTotal',
  'realisedEuState',
  'realisedPublic',
  'realisedTotal',
  'realisedEu',
]);
export type EuraField = z.infer<typeof euraFieldSchema>;

const cents = z.number().int().nonnegative();

/**
 * Money split as DOMAIN.md says: EU and state = `… EU- ja valtion rahoitus`; other public = `…
 * julkinen rahoitus` − EU and state; private = `… rahoitus yhteensä` − `… julkinen rahoitus`.
 */
export const euraMoneySchema = z.object({
  euStateCents: cents,
  otherPublicCents: cents,
  privateCents: cents,
  publicCents: cents,
  totalCents: cents,
});
export type EuraMoney = z.infer<typeof euraMoneySchema>;

/** One project of the agreement as EURA 2021 reports it. */
export const euraProjectSchema = z.object({
  /** Hankekoodi, as EURA writes it (`A80123`). */
  code: z.string().min(1),
  /** Ryhmähanketunnus: the group project this one is a sub-project of; null when none. */
  groupCode: z.string().nullable(),
  fund: euraFundSchema.nullable(),
  name: z.string().min(1),
  /** Toteuttajan nimi. */
  implementer: z.string().min(1),
  /** Toiminnan tila mapped to the contract's words; null when the word is not a known one. */
  status: projectStatusSchema.nullable(),
  /** Toiminnan tila as written (null when the cell is empty). */
  statusWord: z.string().nullable(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** Suunniteltu … rahoitus: the funding decided. */
  decided: euraMoneySchema,
  /** Toteutunut … rahoitus: the funding realised so far (an empty cell counts as 0). */
  realised: euraMoneySchema.extend({ euCents: cents.nullable() }),
  source: sheetSourceSchema,
});
export type EuraProject = z.infer<typeof euraProjectSchema>;

/** A row of a listed project that could not be used, with its reason in the report language. */
export const euraRejectionSchema = sheetSourceSchema.extend({
  /** The row's project code, as projects.csv writes it. */
  project: z.string(),
  column: z.string(),
  code: z.enum(['E_MISSING', 'E_NOT_A_NUMBER', 'E_NOT_A_DATE', 'E_SUB_CENT', 'E_NEGATIVE', 'E_END_BEFORE_START', 'E_PARTS_EXCEED_WHOLE', 'E_DUPLICATE_ID']),
  reason: z.string(),
});
export type EuraRejection = z.infer<typeof euraRejectionSchema>;

export const euraWarningSchema = z.object({
  code: z.enum(['W_EURA_UNKNOWN_STATUS', 'W_EURA_ROWS_NOT_DATA']),
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive().nullable(),
  message: z.string(),
});
export type EuraWarning = z.infer<typeof euraWarningSchema>;

/**
 * Every row after the header row is counted once: rowsRead = rowsUsed + rowsRejected + rowsLeftOut +
 * rowsNotData. Blank rows are not rows (as blank lines of a CSV file are not).
 */
export const euraCountsSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  rowsUsed: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  /** Rows of projects not listed in projects.csv: other cities, other programmes. */
  rowsLeftOut: z.number().int().nonnegative(),
  /** Rows without a project code (EURA's footer, notes). */
  rowsNotData: z.number().int().nonnegative(),
  /** Of rowsNotData, those after the last project row: the footer. */
  footerRows: z.number().int().nonnegative(),
  /** Non-blank rows above the header row (a title, a note); not counted in rowsRead. */
  rowsAboveHeader: z.number().int().nonnegative(),
});
export type EuraCounts = z.infer<typeof euraCountsSchema>;

/** An EURA 2021 export read against the project codes of projects.csv. */
export const euraExportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  /** Which column held each value: the header as written and the column letter. */
  columns: z.partialRecord(euraFieldSchema, z.object({ header: z.string(), letter: z.string() })),
  /** Used rows in file order. */
  projects: z.array(euraProjectSchema),
  rejected: z.array(euraRejectionSchema),
  warnings: z.array(euraWarningSchema),
  counts: euraCountsSchema,
  /**
   * Listed codes the export does not have, sorted. Not every project of projects.csv is in EURA (AKKE,
   * RRF, projects outside EURA), so this is no warning here: the folder reader knows which projects
   * rely on EURA (those whose projects.csv row leaves name, owner, status or dates empty).
   */
  notFound: z.array(z.string()),
  /** Ryhmähanketunnus → the used projects under it, in file order. */
  groups: z.record(z.string(), z.array(z.string())),
});
export type EuraExport = z.infer<typeof euraExportSchema>;

/** The codes here and the phrasebook's are one list: a code added on one side only fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CODES_MATCH_PHRASEBOOK: Same<EuraRejection['code'], EuraRowProblemCode> & Same<EuraWarning['code'], EuraNoticeCode> = true;
