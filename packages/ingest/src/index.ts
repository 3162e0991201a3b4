export { readDataFolder } from './_read.ts';
export { listDataFiles } from './_folder.ts';
// The sha256 a manifest records for a data file (a file read in parts is hashed with it after the reading).
export { hashFile } from './_file.ts';
export type { IngestResult } from './_read.ts';
export type { ReadOptions, ReadProgress } from './_config.ts';
export { IngestError } from './_errors.ts';
export type { IngestErrorCode } from './_errors.ts';
export { parseAmountCents, parseDate, parseKpiValue, parseYear } from './_values.ts';
export type { DateProblem, NumberProblem } from './_values.ts';
// The input contract as `ekoraportti init` and `check` show it: each file's columns and the words it accepts.
export { COLUMNS } from './_rows.ts';
export { assessmentStatuses, fundingSources, projectStatuses } from './_values.ts';
