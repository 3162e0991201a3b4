import type { NumberChange, ReportDelta, ReportModel } from './_model.ts';

function change(previous: number | null | undefined, current: number | null): NumberChange {
  const p = previous ?? null;
  return { previous: p, current, change: p === null || current === null ? null : round(current - p) };
}

/** Rounds away float noise (0.3 − 0.1) without touching real cents or KPI decimals. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const FUNDING_FIGURES = ['euState', 'local', 'private', 'planned', 'total', 'euStateShare'] as const;

/** The change of every KPI, funding total and target status since a previous report. */
export function computeDelta(previous: ReportModel, current: ReportModel): ReportDelta {
  const kpis: ReportDelta['kpis'] = {};
  for (const id of Object.keys(current.kpis)) {
    kpis[id] = change(previous.kpis[id]?.value, current.kpis[id]?.value ?? null);
  }
  const funding: ReportDelta['funding'] = {};
  for (const key of FUNDING_FIGURES) funding[key] = change(previous.funding[key], current.funding[key]);
  for (const source of Object.keys(current.funding.bySource) as (keyof ReportModel['funding']['bySource'])[]) {
    funding[`bySource.${source}`] = change(previous.funding.bySource[source], current.funding.bySource[source]);
  }
  const targets: ReportDelta['targets'] = {};
  for (const [id, t] of Object.entries(current.targets)) {
    const before = previous.targets[id]?.status ?? null;
    targets[id] = { previous: before, current: t.status, changed: before !== t.status };
  }
  return { previousAsOf: previous.asOf, kpis, funding, targets };
}
