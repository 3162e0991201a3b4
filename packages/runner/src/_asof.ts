import type { CliProblem } from '@ekoraportti/core';
import { isoDateProblem } from '@ekoraportti/core';
import type { DefaultAsOf } from './_pipeline.ts';

/** Last day of the last full quarter strictly before `today` (ISO dates): 2026-11-24 → 2026-09-30. */
export function lastFullQuarterEnd(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarter = Math.floor((m - 1) / 3); // 0..3, the quarter `today` is in
  if (quarter === 0) return `${y - 1}-12-31`;
  const endMonth = quarter * 3;
  const endDay = [31, 30, 30][quarter - 1] as number;
  return `${y}-${String(endMonth).padStart(2, '0')}-${endDay}`;
}

/** The as-of date a pipeline uses when none is given. `today` comes from the caller, never from here. */
export function resolveDefaultAsOf(rule: DefaultAsOf, today: string): string {
  return rule.kind === 'fixed' ? rule.date : lastFullQuarterEnd(today);
}

/**
 * The as-of dates a report may describe: the agreement period (2021–2027) with room for a late final
 * review. A date outside is a typo (`1899-12-31`, `2204-12-31`), not a report anyone needs.
 */
export const AS_OF_RANGE = { min: '2021-01-01', max: '2030-12-31' } as const;

/** What is wrong with an as-of date, or null: not a date, or outside {@link AS_OF_RANGE}. */
export function asOfProblem(value: string, option = '--as-of'): CliProblem | null {
  const problem = isoDateProblem(value);
  if (problem !== null) return { code: 'E_BAD_DATE', option, value, problem };
  if (value < AS_OF_RANGE.min || value > AS_OF_RANGE.max) return { code: 'E_AS_OF_RANGE', value, ...AS_OF_RANGE };
  return null;
}
