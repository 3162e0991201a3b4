import type { Kpi } from './_agreement.ts';
import type { Observation } from './_input.ts';
import type { Provenance } from './_model.ts';
import { dayNumber, isoDate } from './_calendar.ts';
import type { DaySeries, DaySeriesState } from './_day-series.ts';
import { emptySeries, foldDay, mergeDays, seriesFromState, seriesState, shiftDays, slotOf } from './_day-series.ts';
import { linesProvenance, rowProvenance } from './_provenance.ts';

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
 * The lines of a `sum` KPI's observations in the order they were counted, each with the day (its
 * number) it went to: `[line, day, line, day, …]` in the first `length` numbers of `data`. Appending
 * two numbers is all a row costs; a line set per point, grown row by row, was a quarter of reading a
 * national-scale file. The log is grouped into the KPI's and each point's lines once, when the report
 * asks for them (`KpiTally.provenance`, `kpiSeries`).
 */
export interface LineLog {
  data: Int32Array;
  length: number;
}

/** What one KPI's observations up to the as-of date come to. */
export interface KpiTallyEntry extends KpiFigures {
  kind: Kpi['kind'];
  afterAsOf: number;
  /** The KPI's target deadline, when it lies before the as-of date: then `byDeadline` is kept too. */
  deadline: string | null;
  /** The same figures over the observations up to the deadline. */
  byDeadline: KpiFigures;
  /** Each day's figures: the KPI's course over time, one point a day however many rows. */
  series: DaySeries;
  /** A `sum` KPI's lines with their days (empty for a `latest` KPI). */
  log: LineLog;
}

const emptyFigures = (): KpiFigures => ({ used: 0, sumScaled: 0, latest: null });
const emptyLog = (): LineLog => ({ data: new Int32Array(64), length: 0 });

/** Room for `extra` more numbers in a log. */
function reserveLog(log: LineLog, extra: number): void {
  if (log.length + extra <= log.data.length) return;
  const grown = new Int32Array(Math.max(log.data.length * 2, log.length + extra));
  grown.set(log.data.subarray(0, log.length));
  log.data = grown;
}

/** What a tally is built from: enough for another thread to build an empty tally of its own. */
export interface KpiTallyConfig {
  kpis: readonly Kpi[];
  asOf: string;
  deadlines: [target: string, deadline: string][];
}

/**
 * A tally as plain, structured-cloneable data (a worker thread sends its part back this way): each
 * KPI's days, and its line log as one typed array.
 */
export interface KpiTallyState {
  config: KpiTallyConfig;
  entries: [kpi: string, entry: Omit<KpiTallyEntry, 'series' | 'log'> & { series: DaySeriesState; log: Int32Array }][];
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

/** Adds one observation to its day, and a `sum` KPI's line (with the day) to the log. */
function foldPoint(e: KpiTallyEntry, o: Observation): void {
  const day = dayNumber(o.date);
  foldDay(e.series, slotOf(e.series, day), Math.round(o.value * SCALE), o.value, o.line, o.source);
  if (e.kind === 'sum') {
    const log = e.log;
    if (log.length + 2 > log.data.length) reserveLog(log, 2);
    log.data[log.length] = o.line;
    log.data[log.length + 1] = day;
    log.length += 2;
  }
}

/** Adds `from`'s days and log to `into`'s (another part of the file, read after it). */
function mergeSeries(into: KpiTallyEntry, from: KpiTallyEntry): void {
  mergeDays(into.series, from.series);
  const log = into.log;
  reserveLog(log, from.log.length);
  log.data.set(from.log.data.subarray(0, from.log.length), log.length);
  log.length += from.log.length;
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
        series: emptySeries(),
        log: emptyLog(),
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
      entries: [...this.#entries].map(([kpi, e]) => {
        const { series, log, ...figures } = e;
        return [kpi, { ...figures, series: seriesState(series), log: log.data.slice(0, log.length) }];
      }),
      ignored: [...this.ignored],
    };
  }

  static fromState(state: KpiTallyState): KpiTally {
    const tally = KpiTally.fromConfig(state.config);
    for (const [kpi, e] of state.entries) {
      tally.#entries.set(kpi, { ...e, series: seriesFromState(e.series), log: { data: e.log, length: e.log.length } });
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
      const d = e.log.data;
      for (let i = 0; i < e.log.length; i += 2) d[i] = (d[i] as number) + offset;
      shiftDays(e.series, offset);
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
      mergeSeries(mine, theirs);
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

  /** The rows the KPI's value comes from: every observation a `sum` KPI adds up, the latest one of a `latest` KPI. */
  provenance(kpi: string): Provenance {
    const e = this.#entries.get(kpi);
    if (!e) return {};
    if (e.kind === 'latest') return e.latest ? rowProvenance(FILE, e.latest.line) : {};
    return linesProvenance(FILE, e.log.data, 0, e.log.length, 2);
  }
}

/**
 * A `sum` KPI's lines grouped by day, each group in log order: the lines of the day in slot `i` are
 * `lines[start[i]]` up to `lines[start[i + 1]]` (a counting sort of the log by slot).
 */
function linesByDay(e: KpiTallyEntry): { lines: Int32Array; start: Int32Array } {
  const { data, length } = e.log;
  const { first } = e.series;
  const slots = e.series.line.length;
  const start = new Int32Array(slots + 1);
  for (let i = 1; i < length; i += 2) {
    const at = (data[i] as number) - first + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let i = 0; i < slots; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const next = start.slice(0, slots);
  const lines = new Int32Array(length / 2);
  for (let i = 0; i < length; i += 2) {
    const at = (data[i + 1] as number) - first;
    const to = next[at] as number;
    lines[to] = data[i] as number;
    next[at] = to + 1;
  }
  return { lines, start };
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
  const isSum = e.kind === 'sum';
  const grouped = isSum ? linesByDay(e) : null;
  const s = e.series;
  const points: KpiSeriesPoint[] = [];
  let running = 0;
  // Slots are in date order: the course needs no sorting.
  for (let at = 0; at < s.line.length; at++) {
    const line = s.line[at] as number;
    if (line === 0) continue;
    const sum = s.sumScaled[at] as number;
    const value = s.value[at] as number;
    running += sum;
    points.push({
      date: isoDate(s.first + at),
      value: isSum ? running / SCALE : value,
      observed: isSum ? sum / SCALE : value,
      provenance: grouped ? linesProvenance(FILE, grouped.lines, grouped.start[at], grouped.start[at + 1]) : rowProvenance(FILE, line),
    });
  }
  return points;
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
