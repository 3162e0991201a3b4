import type { KpiResult, ReportModel, TargetResult } from './_model.ts';
import { daysBetween } from './_status.ts';

/**
 * Evidence older than this many days at the as-of date is stale: two quarters (2 × 91.5 days).
 * An open target's status that rests on nothing newer says so wherever it is shown.
 */
export const STALE_AFTER_DAYS = 183;

/** How old a target's newest evidence is, and whether its status should be read as stale. */
export interface EvidenceFreshness {
  /** Date of the newest evidence the status rests on (a KPI observation or the latest assessment); null without any. */
  evidenceAsOf: string | null;
  /** Days from that evidence to the as-of date; null without evidence. */
  evidenceAgeDays: number | null;
  /** Whole calendar months from that evidence to the as-of date (30.6.2025 → 30.9.2026 is 15); null without evidence. */
  evidenceAgeMonths: number | null;
  /**
   * True when the target is still open at the as-of date (its deadline on or after it) and its newest
   * evidence is more than {@link STALE_AFTER_DAYS} days old, or there is none. A closed target's status is
   * final and never stale.
   */
  stale: boolean;
}

/** The newer of two ISO dates, null counting as older than any date. */
export function newerDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/** Whole calendar months from `from` to `to` (ISO dates, from ≤ to): a month is complete when its day is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  // 31.1. → 28.2. is a whole month: the end day counts as reached at the end of a shorter month.
  const lastDayOfTo = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return td >= fd || td === lastDayOfTo ? months : months - 1;
}

/** Freshness of a target's evidence at the as-of date; see docs/status-rules.md. */
export function evidenceFreshness(evidenceAsOf: string | null, deadline: string, asOf: string): EvidenceFreshness {
  const open = deadline >= asOf;
  if (evidenceAsOf === null) {
    return { evidenceAsOf, evidenceAgeDays: null, evidenceAgeMonths: null, stale: open };
  }
  const days = daysBetween(evidenceAsOf, asOf);
  return {
    evidenceAsOf,
    evidenceAgeDays: days,
    evidenceAgeMonths: wholeMonthsBetween(evidenceAsOf, asOf),
    stale: open && days > STALE_AFTER_DAYS,
  };
}

/** The first day of the calendar quarter the date lies in: 2026-09-30 → 2026-07-01. */
export function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/** How current the evidence is over the whole agreement at the as-of date. */
export function freshnessOf(
  targets: Readonly<Record<string, TargetResult>>,
  kpis: Readonly<Record<string, KpiResult>>,
  newestAssessment: string | null,
  asOf: string,
): ReportModel['freshness'] {
  const open = Object.values(targets).filter((t) => t.deadline >= asOf);
  const newestEvidence = Object.values(kpis).reduce<string | null>((n, k) => newerDate(n, k.lastObserved), newestAssessment);
  const start = quarterStart(asOf);
  return {
    openTargets: open.length,
    staleTargets: open.filter((t) => t.stale).length,
    staleAfterDays: STALE_AFTER_DAYS,
    newestEvidence,
    quarterStart: start,
    updatedThisQuarter: newestEvidence !== null && newestEvidence >= start,
  };
}

/** The date, or null when it lies after the as-of date (a planned end is not yet data). */
export function notAfter(date: string, asOf: string): string | null {
  return date <= asOf ? date : null;
}
