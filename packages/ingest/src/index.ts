export { readDataFolder } from './_read.ts';
export type { IngestResult } from './_read.ts';
export type { ReadOptions, ReadProgress } from './_config.ts';
export { IngestError } from './_errors.ts';
export type { IngestErrorCode } from './_errors.ts';
export { parseAmountCents, parseDate, parseKpiValue, parseYear } from './_values.ts';
export type { DateProblem, NumberProblem } from './_values.ts';
