import { CHART_COLOURS, label, line, markerLabel, niceMax, rect, segmentsPath, svg, type Chart } from './_charts.ts';

/** A KPI's course over time, with what it is measured against; every word and figure already in the report language. */
export interface TrendChartInput {
  /** The observations used, one point a date (ISO), in date order: running totals or levels. */
  points: readonly { date: string; value: number }[];
  /** Counts rise in steps (the value holds until the next observation); amounts are drawn point to point. */
  step: boolean;
  /** The time axis: from the agreement's start to the later of the deadline and the as-of date. */
  from: string;
  to: string;
  /** The target's threshold, drawn up to its deadline, and where the text gives one the stretch level. */
  threshold: { value: number; deadline: string; text: string };
  stretch: { value: number; text: string } | null;
  /** Whether to draw the straight-line pace the status rules use: from 0 at the agreement's start to the threshold on the deadline. */
  pace: boolean;
  asOf: { date: string; text: string };
  /** Deadlines marked on the time axis (the 2023 and 2027 targets'), with their labels. */
  deadlines: readonly { date: string; text: string }[];
  /** Formats a value for the value axis. */
  formatAxis: (value: number) => string;
  description: string;
  width?: number;
  height?: number;
}

const DAY = 86_400_000;
const time = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * A KPI's observations over time: a step line for counts, a line for amounts, against its threshold
 * (solid), its stretch level (dashed), the straight-line pace to the threshold (dotted) and the as-of
 * date. Rect, line and text elements only, like the other charts, so pdfkit and browsers draw it alike.
 */
export function trendChart(input: TrendChartInput): Chart {
  const width = input.width ?? 480;
  const height = input.height ?? 190;
  const axisW = 52;
  const right = width - 8;
  const top = 14;
  const bottom = height - 40;
  const t0 = time(input.from);
  const t1 = Math.max(time(input.to), t0 + DAY);
  const max = niceMax(Math.max(input.threshold.value, input.stretch?.value ?? 0, ...input.points.map((p) => p.value)) * 1.05);
  const x = (iso: string) => axisW + ((right - axisW) * (Math.min(Math.max(time(iso), t0), t1) - t0)) / (t1 - t0);
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  const parts: string[] = [];

  // Value axis: four steps, light rules.
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    parts.push(line(axisW, y(v), right, y(v), CHART_COLOURS.track, 1));
    parts.push(label(axisW - 4, y(v) + 3, input.formatAxis(v), 7.5, 'end', CHART_COLOURS.muted));
  }
  // Time axis: a tick a year, labelled at its start.
  const firstYear = new Date(t0).getUTCFullYear();
  const lastYear = new Date(t1).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const tick = `${year}-01-01`;
    if (time(tick) < t0) continue;
    parts.push(line(x(tick), bottom, x(tick), bottom + 3, CHART_COLOURS.muted, 1));
    parts.push(label(x(tick), bottom + 12, String(year), 7.5, 'middle', CHART_COLOURS.muted));
  }
  parts.push(line(axisW, bottom, right, bottom, CHART_COLOURS.muted, 1));
  for (const d of input.deadlines) {
    if (time(d.date) < t0 || time(d.date) > t1) continue;
    parts.push(line(x(d.date), top, x(d.date), bottom, CHART_COLOURS.muted, 0.8, '1,2'));
    parts.push(markerLabel(x(d.date), width, top - 4, d.text, CHART_COLOURS.muted));
  }

  // What the course is measured against.
  const th = input.threshold;
  parts.push(line(axisW, y(th.value), x(th.deadline), y(th.value), CHART_COLOURS.marker, 1.5));
  parts.push(label(x(th.deadline) - 2, y(th.value) - 3, th.text, 7.5, 'end'));
  if (input.stretch) {
    parts.push(line(axisW, y(input.stretch.value), x(th.deadline), y(input.stretch.value), CHART_COLOURS.marker, 1, '4,2'));
    parts.push(label(x(th.deadline) - 2, y(input.stretch.value) - 3, input.stretch.text, 7.5, 'end', CHART_COLOURS.muted));
  }
  if (input.pace) {
    parts.push(line(x(input.from), y(0), x(th.deadline), y(th.value), CHART_COLOURS.secondary, 1, '2,2'));
  }
  const asOfX = x(input.asOf.date);
  parts.push(line(asOfX, top, asOfX, bottom, CHART_COLOURS.primary, 1));
  parts.push(markerLabel(asOfX, width, bottom + 24, input.asOf.text, CHART_COLOURS.primary));

  // The course itself, as one path. Points that fall on the same pixel column are drawn as one (a
  // thousand observations make no more segments than the chart has columns), with a vertical stroke
  // where the values within the column differ, so no spike is lost.
  const course: [number, number, number, number][] = [];
  const cols = columns(input.points, x);
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i] as Column;
    if (c.min !== c.max) course.push([c.x, y(c.min), c.x, y(c.max)]);
    const prev = cols[i - 1];
    if (!prev) continue;
    if (input.step) {
      course.push([prev.x, y(prev.last), c.x, y(prev.last)]);
      course.push([c.x, y(prev.last), c.x, y(c.first)]);
    } else {
      course.push([prev.x, y(prev.last), c.x, y(c.first)]);
    }
  }
  // A count holds its last level up to the as-of date.
  const last = cols.at(-1);
  if (input.step && last && last.x < asOfX) course.push([last.x, y(last.last), asOfX, y(last.last)]);
  parts.push(segmentsPath(course, CHART_COLOURS.primary, 2));
  // Each observation gets a mark while they are few enough to tell apart.
  if (input.points.length <= MARKED_POINTS) {
    for (const p of input.points) parts.push(rect(Math.round(x(p.date)) - 2.5, y(p.value) - 2.5, 5, 5, CHART_COLOURS.primary));
  }

  return { svg: svg(width, height, parts.join(''), input.description), width, height, description: input.description };
}

/** Up to this many observations each get a square mark. */
const MARKED_POINTS = 60;

interface Column {
  x: number;
  first: number;
  last: number;
  min: number;
  max: number;
}

/** The points grouped by the pixel column they fall on, in date order. */
function columns(points: readonly { date: string; value: number }[], x: (iso: string) => number): Column[] {
  const out: Column[] = [];
  for (const p of points) {
    const px = Math.round(x(p.date));
    const c = out.at(-1);
    if (c && c.x === px) {
      c.last = p.value;
      c.min = Math.min(c.min, p.value);
      c.max = Math.max(c.max, p.value);
    } else out.push({ x: px, first: p.value, last: p.value, min: p.value, max: p.value });
  }
  return out;
}
