import type { Kpi } from './_agreement.ts';
import type { Observation } from './_input.ts';
import { LineSet } from './_provenance.ts';

const FILE = 'indicators.csv';
/** KPI values are summed as integers of a millionth, so a million `0,1` observations add up exactly. */
const SCALE = 1_000_000;

/** What one KPI's observations up to the as-of date come to. */
export interface KpiTallyEntry {
  kind: Kpi['kind'];
  /** Sum in millionths (`sum`), or the latest value (`latest`). */
  sumScaled: number;
  latest: { value: number; date: string; line: number } | null;
  used: number;
  afterAsOf: number;
  lastObserved: string | null;
  /** The KPI's target deadline, when it lies before the as-of date: then the figures below are kept too. */
  deadline: string | null;
  /** Sum in millionths of the observations up to the deadline (`sum`), or the latest value by then (`latest`). */
  byDeadline: { sumScaled: number; latest: { value: number; date: string; line: number } | null; used: number };
  /** The most recent observation counted (latest date; on a tie, the later row): its evidence. */
  last: { date: string; line: number; source: string | null } | null;
  lines: LineSet;
}

/**
 * Folds KPI observations as they stream in, so a million rows never sit in memory.
 * Observations of KPIs it does not know are counted in `ignored` and otherwise skipped.
 */
export class KpiTally {
  readonly asOf: string;
  readonly #entries = new Map<string, KpiTallyEntry>();
  /** KPI id → observations of a KPI this agreement version does not measure. */
  readonly ignored = new Map<string, number>();

  /**
   * `deadlines` maps a target id to its deadline; for KPIs whose deadline passed before the as-of
   * date, the tally also keeps the figure as it stood on the deadline.
   */
  constructor(kpis: readonly Kpi[], asOf: string, deadlines: ReadonlyMap<string, string> = new Map()) {
    this.asOf = asOf;
    for (const kpi of kpis) {
      const deadline = deadlines.get(kpi.target) ?? null;
      this.#entries.set(kpi.id, {
        kind: kpi.kind,
        sumScaled: 0,
        latest: null,
        used: 0,
        afterAsOf: 0,
        lastObserved: null,
        last: null,
        deadline: deadline !== null && deadline < asOf ? deadline : null,
        byDeadline: { sumScaled: 0, latest: null, used: 0 },
        lines: new LineSet(),
      });
    }
  }

  add(o: Observation): void {
    const e = this.#entries.get(o.kpi);
    if (!e) {
      this.ignored.set(o.kpi, (this.ignored.get(o.kpi) ?? 0) + 1);
      return;
    }
    if (o.date > this.asOf) {
      e.afterAsOf++;
      return;
    }
    e.used++;
    if (e.lastObserved === null || o.date > e.lastObserved) e.lastObserved = o.date;
    if (e.last === null || o.date > e.last.date || (o.date === e.last.date && o.line > e.last.line)) {
      e.last = { date: o.date, line: o.line, source: o.source };
    }
    if (e.kind === 'sum') {
      e.sumScaled += Math.round(o.value * SCALE);
      e.lines.add(FILE, o.line);
    } else if (e.latest === null || o.date >= e.latest.date) {
      // Same date twice: the later row in the file wins, as a corrected figure would be appended.
      e.latest = { value: o.value, date: o.date, line: o.line };
    }
    if (e.deadline !== null && o.date <= e.deadline) {
      const d = e.byDeadline;
      d.used++;
      if (e.kind === 'sum') d.sumScaled += Math.round(o.value * SCALE);
      else if (d.latest === null || o.date >= d.latest.date) d.latest = { value: o.value, date: o.date, line: o.line };
    }
  }

  /**
   * The KPI's value on its target's deadline, when that deadline passed before the as-of date;
   * undefined when it has not (or the tally was not given deadlines).
   */
  valueByDeadline(kpi: string): number | null | undefined {
    const e = this.#entries.get(kpi);
    if (!e || e.deadline === null) return undefined;
    if (e.kind === 'sum') return e.byDeadline.used === 0 ? null : e.byDeadline.sumScaled / SCALE;
    return e.byDeadline.latest === null ? null : e.byDeadline.latest.value;
  }

  entry(kpi: string): KpiTallyEntry | undefined {
    return this.#entries.get(kpi);
  }

  /** The KPI's value at the as-of date: the sum, or the latest level (null when never observed). */
  value(kpi: string): number | null {
    const e = this.#entries.get(kpi);
    if (!e) return null;
    if (e.kind === 'sum') return e.sumScaled / SCALE;
    return e.latest === null ? null : e.latest.value;
  }
}

/** Convenience for tests and small data: tally an array of observations. */
export function tallyObservations(
  kpis: readonly Kpi[],
  asOf: string,
  observations: Iterable<Observation>,
  deadlines?: ReadonlyMap<string, string>,
): KpiTally {
  const tally = new KpiTally(kpis, asOf, deadlines);
  for (const o of observations) tally.add(o);
  return tally;
}
