import type { Agreement, Language } from './_agreement.ts';
import { kpiSeries, type KpiTally } from './_kpi.ts';
import type { KpiResult } from './_model.ts';
import { paceAt } from './_status.ts';

/** Target id → deadline, for the tally to keep each KPI's figure on its target's deadline. */
export function targetDeadlines(agreement: Agreement): ReadonlyMap<string, string> {
  return new Map(agreement.targets.map((t) => [t.id, t.deadline]));
}

/** Every KPI of the agreement version at the as-of date: its value, against what, how it got there, from which rows. */
export function kpiResults(agreement: Agreement, tally: KpiTally, asOf: string, lang: Language): Record<string, KpiResult> {
  const kpis: Record<string, KpiResult> = {};
  const deadlines = targetDeadlines(agreement);
  for (const kpi of agreement.kpis) {
    const entry = tally.entry(kpi.id);
    const value = tally.value(kpi.id);
    const provenance = tally.provenance(kpi.id);
    const series = kpiSeries(tally, kpi.id);
    const deadline = deadlines.get(kpi.target);
    kpis[kpi.id] = {
      target: kpi.target,
      kind: kpi.kind,
      quantity: kpi.quantity,
      label: kpi.label[lang],
      unit: kpi.unit[lang],
      unitOne: kpi.unitOne[lang],
      value,
      threshold: kpi.threshold,
      stretch: kpi.stretch,
      progress: value === null ? null : value / kpi.threshold,
      met: value !== null && value >= kpi.threshold,
      metByDeadline: entry === undefined || entry.used === 0 ? null : metByDeadline(tally.valueByDeadline(kpi.id), kpi.threshold),
      observationsUsed: entry?.used ?? 0,
      observationsAfterAsOf: entry?.afterAsOf ?? 0,
      lastObserved: entry?.latest?.date ?? null,
      lastSource: entry?.latest?.source || null,
      provenance,
      series,
      metOn: series.find((p) => p.value >= kpi.threshold)?.date ?? null,
      pace: deadline !== undefined && asOf <= deadline ? roundPace(paceAt(kpi.threshold, agreement.period.start, deadline, asOf)) : null,
    };
  }
  return kpis;
}

/** undefined: the deadline has not passed; null: nothing was observed by the deadline (so not met then). */
function metByDeadline(value: number | null | undefined, threshold: number): boolean | null {
  if (value === undefined) return null;
  return value !== null && value >= threshold;
}

/** A pace to 1e-9, so it prints the same on every machine. */
function roundPace(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
