// The calendar rule every date check of the project rests on (the ISO date schema, the dates of data
// rows). A module of its own, without zod: the thread that reads part of indicators.csv uses it, and
// loading zod there (its schemas are built when the module loads) took 60 ms of that thread's start.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether year, month and day name a day of the Gregorian calendar (`2025-02-29` does not; `2024-02-29` does). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}
