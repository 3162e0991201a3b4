import type { Language } from './_agreement.ts';
import type { AssessmentResult, KpiResult } from './_model.ts';
import type { AssessmentStatus, TargetStatus } from './_vocabulary.ts';
import { dayNumber } from './_calendar.ts';
import { formatDate, formatQuantity, unitAfter } from './_format.ts';
import { statusLabel, whyPhrases } from './phrasebook/status.ts';

/** Higher is worse; the combined status is the worst of the evidence (see docs/status-rules.md). */
const SEVERITY: Readonly<Record<Exclude<TargetStatus, 'no_data'>, number>> = {
  achieved: 0,
  on_track: 1,
  not_started: 2,
  at_risk: 3,
  off_track: 4,
};

function worst(a: Exclude<TargetStatus, 'no_data'>, b: Exclude<TargetStatus, 'no_data'>) {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * One KPI's status against its target: met → achieved; deadline passed and not met → off_track;
 * otherwise compared with a straight-line pace from the agreement's start to the deadline.
 * Null when the KPI has no observation (it is then no evidence either way).
 */
export function kpiStatus(
  kpi: Pick<KpiResult, 'value' | 'threshold' | 'met' | 'observationsUsed'>,
  periodStart: string,
  deadline: string,
  asOf: string,
): Exclude<TargetStatus, 'no_data'> | null {
  if (kpi.observationsUsed === 0 || kpi.value === null) return null;
  if (kpi.met) return 'achieved';
  if (asOf > deadline) return 'off_track';
  if (kpi.value <= 0) return 'not_started';
  return kpi.value >= paceAt(kpi.threshold, periodStart, deadline, asOf) ? 'on_track' : 'at_risk';
}

/**
 * The straight-line pace: what a KPI should stand at on `asOf` to reach `threshold` on the deadline,
 * rising evenly from 0 at the agreement's start.
 */
export function paceAt(threshold: number, periodStart: string, deadline: string, asOf: string): number {
  const span = daysBetween(periodStart, deadline);
  const elapsed = Math.min(Math.max(daysBetween(periodStart, asOf), 0), span);
  return span > 0 ? (threshold * elapsed) / span : threshold;
}

/**
 * What the latest assessment says about the target. Before the deadline: its own word. After it:
 * `achieved` stays achieved; anything else made after the deadline is off track; anything else made
 * before the deadline is out of date — superseded by the KPIs when they have evidence (null), and
 * off track when nothing else speaks for the target.
 */
export function assessmentStatus(
  assessment: { status: AssessmentStatus; date: string },
  deadline: string,
  asOf: string,
  kpisHaveEvidence: boolean,
): Exclude<TargetStatus, 'no_data'> | null {
  if (asOf <= deadline || assessment.status === 'achieved') return assessment.status;
  if (assessment.date > deadline || !kpisHaveEvidence) return 'off_track';
  return null;
}

export interface TargetEvidence {
  deadline: string;
  periodStart: string;
  asOf: string;
  kpis: readonly KpiResult[];
  assessment: AssessmentResult | null;
  lang: Language;
}

/** A target's combined status and the one line that says why (words from the phrasebook). */
export function targetStatus(e: TargetEvidence): { status: TargetStatus; why: string } {
  const words = whyPhrases(e.lang);
  // KPIs first: whether they have evidence decides how an out-of-date assessment counts.
  let status: Exclude<TargetStatus, 'no_data'> | null = null;
  const parts: string[] = [];
  for (const kpi of e.kpis) {
    const s = kpiStatus(kpi, e.periodStart, e.deadline, e.asOf);
    if (s !== null) status = status === null ? s : worst(status, s);
    parts.push(kpiPhrase(kpi, e.lang));
  }
  if (e.assessment) {
    const s = assessmentStatus(e.assessment, e.deadline, e.asOf, status !== null);
    if (s !== null) status = status === null ? s : worst(status, s);
    parts.push(words.assessment(statusLabel(e.assessment.status, e.lang), formatDate(e.assessment.date, e.lang)));
  } else {
    parts.push(words.noAssessment);
  }
  if (e.asOf > e.deadline && status !== 'achieved') parts.push(words.deadlinePassed(formatDate(e.deadline, e.lang)));
  return { status: status ?? 'no_data', why: parts.join('; ') };
}

function kpiPhrase(kpi: KpiResult, lang: Language): string {
  const words = whyPhrases(lang);
  if (kpi.observationsUsed === 0 || kpi.value === null) return words.noObservations(kpi.label);
  // Plain spaces: the why line is also report.json's, read by tools that do not expect NBSP.
  const quantity = (n: number) => formatQuantity(n, lang, { spacing: 'space' });
  const value = quantity(kpi.value);
  const threshold = quantity(kpi.threshold);
  return words.kpi({
    value,
    threshold,
    // The unit counts both numbers: singular only in "1 / 1 tutkimuslaitos" ("0 / 1 keskusta", "2 / 1 pilottia").
    unit: value === threshold ? unitAfter(threshold, kpi) : kpi.unit,
    stretch: kpi.stretch === null ? null : quantity(kpi.stretch),
    metLate: kpi.met && kpi.metByDeadline === false,
  });
}
