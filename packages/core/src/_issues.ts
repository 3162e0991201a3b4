import type { DataWarning, Rejection, RejectionCounts, WarningCounts } from './_input.ts';
import { DATA_ISSUES_KEPT } from './_input.ts';

/** What the report model says about rejected rows and warnings: the first ones, and counts of all. */
export interface DataIssues {
  rejected: Rejection[];
  rejectedTotal: number;
  rejectedByCode: RejectionCounts;
  warnings: DataWarning[];
  warningsTotal: number;
  warningsByCode: WarningCounts;
}

/**
 * The model's data issues from what the reader gave (the first rows, and counts of all by code when
 * it listed only the first ones) and the core's own warnings (`more`). Codes are listed sorted, so
 * report.json is the same whatever order the rows were counted in.
 */
export function dataIssues(
  input: { rejected: readonly Rejection[]; rejectedByCode?: RejectionCounts; warnings: readonly DataWarning[]; warningsByCode?: WarningCounts },
  more: readonly DataWarning[],
): DataIssues {
  const rejectedByCode = sortedCounts(input.rejectedByCode ?? countCodes(input.rejected));
  const warningsByCode = sortedCounts(addCounts(input.warningsByCode ?? countCodes(input.warnings), countCodes(more)));
  return {
    rejected: input.rejected.slice(0, DATA_ISSUES_KEPT),
    rejectedTotal: sumCounts(rejectedByCode),
    rejectedByCode,
    warnings: [...input.warnings, ...more].slice(0, DATA_ISSUES_KEPT),
    warningsTotal: sumCounts(warningsByCode),
    warningsByCode,
  };
}

/** How many of each code `items` hold. */
function countCodes<C extends string>(items: readonly { code: C }[]): Partial<Record<C, number>> {
  const out: Partial<Record<C, number>> = {};
  for (const { code } of items) out[code] = (out[code] ?? 0) + 1;
  return out;
}

function addCounts<C extends string>(a: Partial<Record<C, number>>, b: Partial<Record<C, number>>): Partial<Record<C, number>> {
  const out = { ...a };
  for (const [code, count] of Object.entries(b) as [C, number][]) out[code] = (out[code] ?? 0) + count;
  return out;
}

function sortedCounts<C extends string>(counts: Partial<Record<C, number>>): Partial<Record<C, number>> {
  const out: Partial<Record<C, number>> = {};
  for (const code of (Object.keys(counts) as C[]).sort()) if ((counts[code] ?? 0) > 0) out[code] = counts[code];
  return out;
}

function sumCounts(counts: Partial<Record<string, number>>): number {
  let total = 0;
  for (const v of Object.values(counts)) total += v ?? 0;
  return total;
}
