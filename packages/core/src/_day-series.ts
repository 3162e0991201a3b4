// A KPI's course over time as one slot per calendar day: what the day's observations add up to and the
// last of them. Slots are typed arrays indexed by day number, not objects in a map keyed by date: a
// national-scale file folds a million rows, in no particular order, into some 20 000 (KPI, day)
// points, and with an object per point (and another for its latest observation) found through a map,
// each row waited on memory. The arrays of a KPI over the agreement period take some 70 KB.

/**
 * One KPI's days, slot `i` being day `first + i`. A slot whose `line` is 0 has no observation (lines
 * count from 1).
 */
export interface DaySeries {
  /** Day number of slot 0. */
  first: number;
  /** Days with at least one observation. */
  points: number;
  /** The day's observations summed, in millionths. */
  sumScaled: Float64Array;
  /** The line of the day's last observation: the latest line, as a corrected figure would be appended. */
  line: Int32Array;
  /** That observation's value and source. */
  value: Float64Array;
  source: (string | null)[];
}

/** A series as plain data, trimmed to the days observed: the same for a file read whole or in parts. */
export type DaySeriesState = Omit<DaySeries, 'points'>;

export function emptySeries(): DaySeries {
  return { first: 0, points: 0, sumScaled: new Float64Array(0), line: new Int32Array(0), value: new Float64Array(0), source: [] };
}

/**
 * The slot of `day`, the series grown first when the day lies outside it (to twice the span needed,
 * so a file in no date order grows it a few times, not for each new day).
 */
export function slotOf(s: DaySeries, day: number): number {
  const at = day - s.first;
  if (at >= 0 && at < s.line.length) return at;
  return grow(s, day);
}

function grow(s: DaySeries, day: number): number {
  const length = s.line.length;
  const slack = Math.max(length, 256);
  const first = length === 0 ? day - slack / 2 : Math.min(s.first, day - slack);
  const end = length === 0 ? day + slack / 2 : Math.max(s.first + length, day + 1 + slack);
  const shift = s.first - first;
  const sumScaled = new Float64Array(end - first);
  const line = new Int32Array(end - first);
  const value = new Float64Array(end - first);
  const source = new Array<string | null>(end - first).fill(null);
  if (length > 0) {
    sumScaled.set(s.sumScaled, shift);
    line.set(s.line, shift);
    value.set(s.value, shift);
    for (let i = 0; i < length; i++) source[shift + i] = s.source[i] ?? null;
  }
  s.first = first;
  s.sumScaled = sumScaled;
  s.line = line;
  s.value = value;
  s.source = source;
  return day - first;
}

/** Adds one observation to the day in slot `at`: to its sum, and as its last observation when its line is the latest. */
export function foldDay(s: DaySeries, at: number, scaled: number, value: number, line: number, source: string | null): void {
  const last = s.line[at] as number;
  if (last === 0) s.points++;
  s.sumScaled[at] = (s.sumScaled[at] as number) + scaled;
  if (line >= last) {
    s.line[at] = line;
    s.value[at] = value;
    s.source[at] = source;
  }
}

/** Adds the days of `from` (another part of the file) to `into`. */
export function mergeDays(into: DaySeries, from: DaySeriesState): void {
  for (let i = 0; i < from.line.length; i++) {
    const line = from.line[i] as number;
    if (line === 0) continue;
    foldDay(into, slotOf(into, from.first + i), from.sumScaled[i] as number, from.value[i] as number, line, from.source[i] ?? null);
  }
}

/** Moves every line by `offset` (a part of the file, which counted its lines from 1). */
export function shiftDays(s: DaySeries, offset: number): void {
  for (let i = 0; i < s.line.length; i++) if (s.line[i] !== 0) s.line[i] = (s.line[i] as number) + offset;
}

export function seriesState(s: DaySeries): DaySeriesState {
  let lo = 0;
  let hi = s.line.length;
  while (lo < hi && s.line[lo] === 0) lo++;
  while (hi > lo && s.line[hi - 1] === 0) hi--;
  return {
    first: hi > lo ? s.first + lo : 0,
    sumScaled: s.sumScaled.slice(lo, hi),
    line: s.line.slice(lo, hi),
    value: s.value.slice(lo, hi),
    source: s.source.slice(lo, hi),
  };
}

export function seriesFromState(state: DaySeriesState): DaySeries {
  let points = 0;
  for (let i = 0; i < state.line.length; i++) if (state.line[i] !== 0) points++;
  return { ...state, points };
}
