// The calendar rule every date check of the project rests on (the ISO date schema, the dates of data
// rows), and ISO dates as day numbers (a KPI's days, the days between two dates). A module of its own,
// without zod: the thread that reads part of indicators.csv uses it, and loading zod there (its schemas
// are built when the module loads) took 60 ms of that thread's start.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether year, month and day name a day of the Gregorian calendar (`2025-02-29` does not; `2024-02-29` does). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid ISO date `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return Date.UTC(digits(iso, 0, 4), digits(iso, 5, 2) - 1, digits(iso, 8, 2)) / DAY_MS;
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** The ISO date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
