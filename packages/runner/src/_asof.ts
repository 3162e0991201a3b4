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
