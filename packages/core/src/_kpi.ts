import type { Kpi } from './_agreement.ts';
import type { Observation } from './_input.ts';
import type { Provenance } from './_model.ts';
import { LineSet, rowProvenance, type LineSetState } from './_provenance.ts';

const FILE = 'indicators.csv';
/** KPI values are summed as integers of a millionth, so a million `0,1` observations add up exactly. */
const SCALE = 1_000_000;

/** One observation as a tally keeps it: the most recent one counted. */
export interface LatestObservation {
  value: number;
  date: string;
  line: number;
  source: string | null;
}

/** Running figures of a KPI over some observations: their count, sum (in millionths) and the most recent one. */
export interface KpiFigures {
  used: number;
  sumScaled: number;
  /** Latest date; on the same date the later row in the file wins, as a corrected figure would be appended. */
  latest: LatestObservation | null;
}

/**
 * What one date's observations of a KPI come to: their sum (a `sum` KPI's increment that day) and the
 * last of them (a `latest` KPI's level that day), with the lines they were read from.
 */
export interface SeriesPoint {
  sumScaled: number;
  latest: LatestObservation;
  /** Lines of the day's observations a `sum` KPI adds up; a `latest` KPI's point rests on `latest.line` alone. */
  lines: LineSet;
}

/** What one KPI's observations up to the as-of date come to. */
export interface KpiTallyEntry extends KpiFigures {
  kind: Kpi['kind'];
  afterAsOf: number;
  /** The KPI's target deadline, when it lies before the as-of date: then `byDeadline` is kept too. */
  deadline: string | null;
  /** The same figures over the observations up to the deadline. */
  byDeadline: KpiFigures;
  /** Lines of the observations a `sum` KPI adds up (a `latest` KPI comes from `latest.line` alone). */
  lines: LineSet;
  /** Observation date → that day's figures: the KPI's course over time, one point a day however many rows. */
  points: Map<string, SeriesPoint>;
}

/** A series point as plain data. */
type SeriesPointState = Omit<SeriesPoint, 'lines'> & { lines: LineSetState };

const emptyFigures = (): KpiFigures => ({ used: 0, sumScaled: 0, latest: null });

/** What a tally is built from: enough for another thread to build an empty tally of its own. */
export interface KpiTallyConfig {
  kpis: readonly Kpi[];
  asOf: string;
  deadlines: [target: string, deadline: string][];
}

/** A tally as plain, structured-cloneable data (a worker thread sends its part back this way). */
export interface KpiTallyState {
  config: KpiTallyConfig;
  entries: [
    kpi: string,
    entry: Omit<KpiTallyEntry, 'lines' | 'points'> & { lines: LineSetState; points: [date: string, point: SeriesPointState][] },
  ][];
  ignored: [kpi: string, count: number][];
}

/** The later of two observations: by date, and on the same date the later line. */
function later(a: LatestObservation | null, b: LatestObservation | null): LatestObservation | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.date > a.date || (b.date === a.date && b.line >= a.line) ? b : a;
}

function mergeFigures(into: KpiFigures, from: KpiFigures): void {
  into.used += from.used;
  into.sumScaled += from.sumScaled;
  into.latest = later(into.latest, from.latest);
}

/**
 * Adds one observation to its day's point. A point's `latest` is its own object, overwritten in place:
 * a new one a row would be a million short-lived objects that live long enough to be moved to the old
 * generation, and collecting them there was most of the series' cost.
 */
function foldPoint(e: KpiTallyEntry, o: Observation): void {
  const p = e.points.get(o.date);
  if (!p) {
    const lines = new LineSet();
    if (e.kind === 'sum') lines.add(FILE, o.line);
    e.points.set(o.date, { sumScaled: Math.round(o.value * SCALE), latest: { value: o.value, date: o.date, line: o.line, source: o.source }, lines });
    return;
  }
  p.sumScaled += Math.round(o.value * SCALE);
  if (o.line >= p.latest.line) {
    const latest = p.latest;
    latest.value = o.value;
    latest.line = o.line;
    latest.source = o.source;
  }
  if (e.kind === 'sum') p.lines.add(FILE, o.line);
}

function mergePoints(into: Map<string, SeriesPoint>, from: ReadonlyMap<string, SeriesPoint>): void {
  for (const [date, theirs] of from) {
    const mine = into.get(date);
    if (!mine) {
      into.set(date, { ...theirs, latest: { ...theirs.latest }, lines: LineSet.fromState(theirs.lines.toState()) });
      continue;
    }
    mine.sumScaled += theirs.sumScaled;
    // A copy: foldPoint overwrites a point's latest in place, so no two points may share one.
    mine.latest = { ...(later(mine.latest, theirs.latest) as LatestObservation) };
    mine.lines.merge(theirs.lines);
  }
}

function fold(f: KpiFigures, o: Observation): void {
  f.used++;
  f.sumScaled += Math.round(o.value * SCALE);
  const l = f.latest;
  if (l === null || o.date > l.date || (o.date === l.date && o.line >= l.line)) {
    f.latest = { value: o.value, date: o.date, line: o.line, source: o.source };
  }
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
  readonly #config: KpiTallyConfig;

  constructor(kpis: readonly Kpi[], asOf: string, deadlines: ReadonlyMap<string, string> = new Map()) {
    this.asOf = asOf;
    this.#config = { kpis, asOf, deadlines: [...deadlines] };
    for (const kpi of kpis) {
      const deadline = deadlines.get(kpi.target) ?? null;
      this.#entries.set(kpi.id, {
        ...emptyFigures(),
        kind: kpi.kind,
        afterAsOf: 0,
        deadline: deadline !== null && deadline < asOf ? deadline : null,
        byDeadline: emptyFigures(),
        lines: new LineSet(),
        points: new Map(),
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
    fold(e, o);
    foldPoint(e, o);
    if (e.kind === 'sum') e.lines.add(FILE, o.line);
    if (e.deadline !== null && o.date <= e.deadline) fold(e.byDeadline, o);
  }

  /** What this tally was built from; `KpiTally.fromConfig` builds an empty one like it. */
  config(): KpiTallyConfig {
    return this.#config;
  }

  static fromConfig(config: KpiTallyConfig): KpiTally {
    return new KpiTally(config.kpis, config.asOf, new Map(config.deadlines));
  }

  toState(): KpiTallyState {
    return {
      config: this.#config,
      entries: [...this.#entries].map(([kpi, e]) => [
        kpi,
        {
          ...e,
          lines: e.lines.toState(),
          points: [...e.points].map(([date, p]) => [date, { ...p, lines: p.lines.toState() }]),
        },
      ]),
      ignored: [...this.ignored],
    };
  }

  static fromState(state: KpiTallyState): KpiTally {
    const tally = KpiTally.fromConfig(state.config);
    for (const [kpi, e] of state.entries) {
      const points = new Map(e.points.map(([date, p]) => [date, { ...p, lines: LineSet.fromState(p.lines) }]));
      tally.#entries.set(kpi, { ...e, lines: LineSet.fromState(e.lines), points });
    }
    for (const [kpi, n] of state.ignored) tally.ignored.set(kpi, n);
    return tally;
  }

  /**
   * Moves every line the tally holds by `offset`: the tally of a part of indicators.csv read on its
   * own, which counted its lines from 1, before it is merged.
   */
  shiftLines(offset: number): void {
    const shift = (l: LatestObservation | null) => (l === null ? null : { ...l, line: l.line + offset });
    for (const e of this.#entries.values()) {
      e.latest = shift(e.latest);
      e.byDeadline.latest = shift(e.byDeadline.latest);
      e.lines.shift(offset);
      for (const p of e.points.values()) {
        p.latest = shift(p.latest) as LatestObservation;
        p.lines.shift(offset);
      }
    }
  }

  /**
   * Adds what `other` counted (a tally of the same KPIs and dates over other rows, such as a later
   * part of indicators.csv read on another thread). Counts and sums add up, the later observation
   * wins, lines are joined: merging the tallies of a file's parts gives the tally of the whole file.
   */
  merge(other: KpiTally): void {
    for (const [kpi, theirs] of other.#entries) {
      const mine = this.#entries.get(kpi);
      if (!mine) throw new Error(`KpiTally.merge: KPI ${kpi} is not in this tally`);
      mergeFigures(mine, theirs);
      mergeFigures(mine.byDeadline, theirs.byDeadline);
      mine.afterAsOf += theirs.afterAsOf;
      mine.lines.merge(theirs.lines);
      mergePoints(mine.points, theirs.points);
    }
    for (const [kpi, n] of other.ignored) this.ignored.set(kpi, (this.ignored.get(kpi) ?? 0) + n);
  }

  /**
   * The KPI's value on its target's deadline, when that deadline passed before the as-of date;
   * undefined when it has not (or the tally was not given deadlines).
   */
  valueByDeadline(kpi: string): number | null | undefined {
    const e = this.#entries.get(kpi);
    if (!e || e.deadline === null) return undefined;
    return e.byDeadline.used === 0 ? null : valueOf(e.kind, e.byDeadline);
  }

  entry(kpi: string): KpiTallyEntry | undefined {
    return this.#entries.get(kpi);
  }

  /** The KPI's value at the as-of date: the sum, or the latest level (null when never observed). */
  value(kpi: string): number | null {
    const e = this.#entries.get(kpi);
    if (!e) return null;
    return valueOf(e.kind, e);
  }
}

/** One point of a KPI's course: its value on that day (running total or level) and the rows it came from. */
export interface KpiSeriesPoint {
  date: string;
  /** A `sum` KPI: the running total up to and including the day; a `latest` KPI: the day's level. */
  value: number;
  /** What the day's rows added (`sum`) or set (`latest`). */
  observed: number;
  provenance: Provenance;
}

/**
 * A KPI's course up to the as-of date, one point per observation date in date order: the running
 * total of a `sum` KPI (its observations pile up), the level of a `latest` KPI.
 */
export function kpiSeries(tally: KpiTally, kpi: string): KpiSeriesPoint[] {
  const e = tally.entry(kpi);
  if (!e) return [];
  const dates = [...e.points.keys()].sort();
  let running = 0;
  return dates.map((date) => {
    const p = e.points.get(date) as SeriesPoint;
    running += p.sumScaled;
    const isSum = e.kind === 'sum';
    return {
      date,
      value: isSum ? running / SCALE : p.latest.value,
      observed: isSum ? p.sumScaled / SCALE : p.latest.value,
      provenance: isSum ? p.lines.toProvenance() : rowProvenance(FILE, p.latest.line),
    };
  });
}

/** A `sum` KPI's total, or a `latest` KPI's level (null when never observed). */
function valueOf(kind: Kpi['kind'], f: KpiFigures): number | null {
  if (kind === 'sum') return f.sumScaled / SCALE;
  return f.latest === null ? null : f.latest.value;
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
