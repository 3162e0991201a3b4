/**
 * SVG charts, drawn once for both the PDF (pdfmake's `svg` node) and the HTML report (inline).
 * Only rect, line and text elements with plain attributes: what both pdfkit's SVG support
 * and browsers draw the same way. Colours differ in lightness too, so charts read in black
 * and white; every chart comes with a text alternative and its figures also go in a table.
 */

export interface Chart {
  svg: string;
  width: number;
  height: number;
  /** Text alternative: what the chart shows, in words and figures. */
  description: string;
}

/** Chart palette, dark to light so the series stay apart in greyscale. */
export const CHART_COLOURS = {
  primary: '#1d4f7c',
  secondary: '#4f8fbf',
  tertiary: '#a9cbe6',
  track: '#e6e9ee',
  marker: '#1a1a1a',
  text: '#1a1a1a',
  muted: '#555555',
} as const;

export const FONT = 'font-family="Roboto, Arial, sans-serif"';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Coordinates to one decimal: stable text, identical bytes on every run. */
export const n = (x: number): string => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');

export function svg(width: number, height: number, body: string, label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" ` +
    `viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${escapeXml(label)}">${body}</svg>`
  );
}

export function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(w, 0))}" height="${n(h)}" fill="${fill}"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, colour: string, width = 1.5, dash?: string): string {
  return (
    `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${colour}" stroke-width="${n(width)}"` +
    (dash ? ` stroke-dasharray="${dash}"` : '') +
    '/>'
  );
}

/**
 * Straight segments [x1, y1, x2, y2] drawn as one stroked path: a pen move only where a segment does
 * not start where the last one ended. A thousand segments make one element, not a thousand.
 */
export function segmentsPath(segments: readonly (readonly [number, number, number, number])[], colour: string, width: number): string {
  if (segments.length === 0) return '';
  let d = '';
  let at: string | null = null;
  for (const [x1, y1, x2, y2] of segments) {
    const from = `${n(x1)} ${n(y1)}`;
    if (from !== at) d += `${d ? ' ' : ''}M${from}`;
    at = `${n(x2)} ${n(y2)}`;
    d += ` L${at}`;
  }
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${n(width)}"/>`;
}

export function label(x: number, y: number, s: string, size = 9, anchor: 'start' | 'middle' | 'end' = 'start', fill: string = CHART_COLOURS.text): string {
  return `<text x="${n(x)}" y="${n(y)}" ${FONT} font-size="${size}" fill="${fill}" text-anchor="${anchor}">${escapeXml(s)}</text>`;
}

export interface ProgressChartInput {
  value: number | null;
  threshold: number;
  stretch: number | null;
  /** Pre-formatted figures and words in the report language. */
  valueText: string;
  thresholdText: string;
  stretchText: string | null;
  description: string;
  width?: number;
}

/** A KPI's value as a bar against its threshold (solid marker) and stretch level (dashed marker). */
export function progressChart(input: ProgressChartInput): Chart {
  const width = input.width ?? 260;
  const hasStretch = input.stretch !== null && input.stretchText !== null;
  // The stretch label gets a line of its own: threshold and stretch often sit close together (5 and 7).
  const height = hasStretch ? 44 : 34;
  const top = 4;
  const barH = 12;
  const max = Math.max(input.stretch ?? input.threshold, input.threshold, input.value ?? 0) * 1.1;
  const scale = (v: number) => (v / max) * width;
  const parts = [rect(0, top, width, barH, CHART_COLOURS.track)];
  if (input.value !== null) parts.push(rect(0, top, scale(input.value), barH, CHART_COLOURS.primary));
  const tx = scale(input.threshold);
  parts.push(line(tx, top - 3, tx, top + barH + 3, CHART_COLOURS.marker, 2));
  parts.push(markerLabel(tx, width, top + barH + 13, input.thresholdText, CHART_COLOURS.text));
  if (input.stretch !== null && input.stretchText !== null) {
    const sx = scale(input.stretch);
    parts.push(line(sx, top - 3, sx, top + barH + 3, CHART_COLOURS.marker, 1.5, '3,2'));
    parts.push(markerLabel(sx, width, top + barH + 23, input.stretchText, CHART_COLOURS.muted));
  }
  return { svg: svg(width, height, parts.join(''), input.description), width, height, description: input.description };
}

/**
 * A label under a marker: centred on it, but kept inside the chart, so "tavoitetaso 30" under a
 * marker near either edge is never cut off (up to about 5 px a character at 8 px).
 */
export function markerLabel(x: number, width: number, y: number, s: string, fill: string): string {
  const half = s.length * 2.6;
  if (x - half < 0) return label(0, y, s, 8, 'start', fill);
  if (x + half > width) return label(width, y, s, 8, 'end', fill);
  return label(x, y, s, 8, 'middle', fill);
}

export interface BarChartInput {
  bars: readonly { label: string; value: number; valueText: string }[];
  description: string;
  width?: number;
  labelWidth?: number;
}

/** Horizontal bars with their labels and formatted values, e.g. funding by source. */
export function barChart(input: BarChartInput): Chart {
  const width = input.width ?? 480;
  const labelWidth = input.labelWidth ?? 150;
  const valueWidth = 95;
  const rowH = 18;
  const height = Math.max(input.bars.length * rowH + 4, 10);
  const max = Math.max(...input.bars.map((b) => b.value), 0) || 1;
  const barSpace = width - labelWidth - valueWidth;
  const parts: string[] = [];
  input.bars.forEach((b, i) => {
    const y = i * rowH + 2;
    parts.push(label(labelWidth - 6, y + 11, b.label, 8.5, 'end'));
    parts.push(rect(labelWidth, y + 2, (b.value / max) * barSpace, rowH - 6, CHART_COLOURS.primary));
    parts.push(label(labelWidth + (b.value / max) * barSpace + 4, y + 11, b.valueText, 8.5));
  });
  return { svg: svg(width, height, parts.join(''), input.description), width, height, description: input.description };
}

export interface StackedColumnInput {
  columns: readonly { label: string; values: readonly number[] }[];
  series: readonly { label: string }[];
  /** Axis maximum's label, already formatted (e.g. "2 000 000 €"). */
  formatAxis: (value: number) => string;
  description: string;
  width?: number;
  height?: number;
}

const SERIES_COLOURS = [CHART_COLOURS.primary, CHART_COLOURS.secondary, CHART_COLOURS.tertiary];

/** Stacked columns, e.g. funding by year split into EU and state, local and private. */
export function stackedColumnChart(input: StackedColumnInput): Chart {
  const width = input.width ?? 480;
  const height = input.height ?? 200;
  const legendH = 18;
  const axisW = 78;
  const bottom = height - legendH - 16;
  const top = 8;
  const totals = input.columns.map((c) => c.values.reduce((a, b) => a + b, 0));
  const max = niceMax(Math.max(...totals, 0));
  const plotW = width - axisW - 4;
  const slot = input.columns.length > 0 ? plotW / input.columns.length : plotW;
  const colW = Math.min(slot * 0.6, 46);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const y = bottom - ((bottom - top) * i) / 4;
    parts.push(line(axisW, y, width - 4, y, CHART_COLOURS.track, 1));
    parts.push(label(axisW - 4, y + 3, input.formatAxis(v), 7.5, 'end', CHART_COLOURS.muted));
  }
  input.columns.forEach((c, i) => {
    const x = axisW + slot * i + (slot - colW) / 2;
    let y = bottom;
    c.values.forEach((v, s) => {
      const h = max > 0 ? ((bottom - top) * v) / max : 0;
      y -= h;
      parts.push(rect(x, y, colW, h, SERIES_COLOURS[s % SERIES_COLOURS.length] as string));
    });
    parts.push(label(x + colW / 2, bottom + 11, c.label, 8, 'middle'));
  });
  let lx = axisW;
  input.series.forEach((s, i) => {
    parts.push(rect(lx, height - legendH + 4, 10, 10, SERIES_COLOURS[i % SERIES_COLOURS.length] as string));
    parts.push(label(lx + 14, height - legendH + 13, s.label, 8));
    lx += 14 + s.label.length * 4.6 + 16;
  });
  return { svg: svg(width, height, parts.join(''), input.description), width, height, description: input.description };
}

export interface SplitChartInput {
  /** EU-and-state share of EU-and-state + local, 0..1; null when there is no funding. */
  share: number | null;
  indicative: number;
  leftText: string;
  rightText: string;
  indicativeText: string;
  description: string;
  width?: number;
}

/** The 40/60 split: one 100 % bar, EU and state on the left, local own share on the right, the indicative 60 % marked. */
export function splitChart(input: SplitChartInput): Chart {
  const width = input.width ?? 480;
  const height = 46;
  const top = 14;
  const barH = 16;
  const parts: string[] = [rect(0, top, width, barH, CHART_COLOURS.track)];
  if (input.share !== null) {
    parts.push(rect(0, top, width * input.share, barH, CHART_COLOURS.primary));
    parts.push(rect(width * input.share, top, width * (1 - input.share), barH, CHART_COLOURS.tertiary));
  }
  parts.push(label(0, top - 4, input.leftText, 8.5));
  parts.push(label(width, top - 4, input.rightText, 8.5, 'end'));
  const ix = width * input.indicative;
  parts.push(line(ix, top - 2, ix, top + barH + 4, CHART_COLOURS.marker, 2, '4,2'));
  parts.push(label(ix, top + barH + 13, input.indicativeText, 8, 'middle'));
  return { svg: svg(width, height, parts.join(''), input.description), width, height, description: input.description };
}

/** A round axis maximum at or above `v`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
