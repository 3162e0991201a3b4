export { readWorkbookRows, isDateFormat, serialToIso } from './_cells.ts';
export type { Cell, SheetRow, WorkbookReadOptions } from './_cells.ts';
export { numberToCents, plainDecimal } from './_decimal.ts';
export type { CentsProblem } from './_decimal.ts';
export { XlsxError } from './_errors.ts';
export { euraCellSource, readEuraExport } from './_eura.ts';
export type { EuraReadOptions } from './_eura.ts';
export { EURA_COLUMNS, EURA_EXPORT_HEADERS, EURA_STATUS_WORDS, headerKey, looksLikeEuraHeader } from './_eura-columns.ts';
export { cellText, openSheetRows } from './_rowsource.ts';
export type { SheetRecord, SheetRowOptions, SheetRowSource } from './_rowsource.ts';
export {
  cellSourceSchema,
  euraCountsSchema,
  euraExportSchema,
  euraFieldSchema,
  euraFundSchema,
  euraMoneySchema,
  euraProjectSchema,
  euraRejectionSchema,
  euraWarningSchema,
  sheetSourceSchema,
} from './_schemas.ts';
export type {
  CellSource,
  EuraCounts,
  EuraExport,
  EuraField,
  EuraFund,
  EuraMoney,
  EuraProject,
  EuraRejection,
  EuraWarning,
  SheetSource,
} from './_schemas.ts';
export { DEFAULT_LIMITS } from './_zip.ts';
export type { ZipLimits } from './_zip.ts';
