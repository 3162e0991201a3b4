import { describe, expect, it } from 'vitest';
import { trendChart, type TrendChartInput } from '../src/index.ts';

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  width: number;
  dash: string | null;
}

/** Every straight stroke of a chart: its <line> elements, and each segment of its stroked paths. */
const lines = (svg: string): Segment[] => [
  ...[...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="([^"]+)" stroke-width="([\d.]+)"(?: stroke-dasharray="([^"]+)")?/g)].map((m) => ({
    x1: Number(m[1]),
    y1: Number(m[2]),
    x2: Number(m[3]),
    y2: Number(m[4]),
    stroke: m[5] as string,
    width: Number(m[6]),
    dash: m[7] ?? null,
  })),
  ...[...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="([^"]+)" stroke-width="([\d.]+)"\/>/g)].flatMap((m) => {
    const out: Segment[] = [];
    let at: [number, number] = [0, 0];
    for (const [, op, x, y] of (m[1] as string).matchAll(/([ML])([\d.]+) ([\d.]+)/g)) {
      const to: [number, number] = [Number(x), Number(y)];
      if (op === 'L') out.push({ x1: at[0], y1: at[1], x2: to[0], y2: to[1], stroke: m[2] as string, width: Number(m[3]), dash: null });
      at = to;
    }
    return out;
  }),
];

const base: TrendChartInput = {
  points: [
    { date: '2022-06-30', value: 2 },
    { date: '2023-06-30', value: 3 },
    { date: '2024-06-30', value: 5 },
  ],
  step: true,
  from: '2021-01-01',
  to: '2027-12-31',
  threshold: { value: 5, deadline: '2023-12-31', text: 'tavoitetaso 2023: 5' },
  stretch: null,
  pace: true,
  asOf: { date: '2025-09-30', text: 'tilanne 30.9.2025' },
  deadlines: [
    { date: '2023-12-31', text: '2023' },
    { date: '2027-12-31', text: '2027' },
  ],
  formatAxis: (v) => String(v),
  description: 'Kumppanikaupungit: 2 vuonna 2022, 5 vuonna 2024; tavoitetaso 5 saavutettu 30.6.2024',
};

describe('the KPI trend chart', () => {
  it('draws a count as steps that hold their level until the next observation and on to the as-of date', () => {
    const c = trendChart(base);
    const course = lines(c.svg).filter((l) => l.stroke === '#1d4f7c' && l.width === 2);
    // Two horizontal holds and two rises between three points, then the hold to the as-of date.
    const horizontal = course.filter((l) => l.y1 === l.y2);
    const vertical = course.filter((l) => l.x1 === l.x2);
    expect(horizontal).toHaveLength(3);
    expect(vertical).toHaveLength(2);
    // Every rise goes up (smaller y) and ends where the next hold starts.
    for (const v of vertical) expect(v.y2).toBeLessThan(v.y1);
    expect(c.svg).toContain('aria-label="Kumppanikaupungit: 2 vuonna 2022');
    expect(c.svg.match(/<rect /g)).toHaveLength(3);
  });

  it('draws an amount point to point, and the threshold, stretch, pace and as-of markers', () => {
    const c = trendChart({ ...base, step: false, stretch: { value: 7, text: 'venytystavoite 7' } });
    const all = lines(c.svg);
    const course = all.filter((l) => l.stroke === '#1d4f7c' && l.width === 2);
    expect(course).toHaveLength(2);
    expect(course.every((l) => l.x1 !== l.x2 && l.y1 !== l.y2)).toBe(true);
    // Threshold solid, stretch dashed, both at their heights and ending at the deadline.
    const threshold = all.find((l) => l.stroke === '#1a1a1a' && l.dash === null)!;
    const stretch = all.find((l) => l.stroke === '#1a1a1a' && l.dash === '4,2')!;
    expect(stretch.y1).toBeLessThan(threshold.y1);
    expect(threshold.x2).toBe(stretch.x2);
    // The pace runs from 0 at the start to the threshold on the deadline.
    const pace = all.find((l) => l.dash === '2,2')!;
    expect([pace.x2, pace.y2]).toEqual([threshold.x2, threshold.y1]);
    expect(pace.y1).toBeGreaterThan(pace.y2);
    for (const s of ['tavoitetaso 2023: 5', 'venytystavoite 7', 'tilanne 30.9.2025', '>2023<', '>2027<']) expect(c.svg).toContain(s);
  });

  it('draws the course as one path of no more segments than the chart has pixel columns, however many observations', () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({
      date: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000 * 9).toISOString().slice(0, 10),
      value: i,
    }));
    const c = trendChart({ ...base, step: false, points, threshold: { ...base.threshold, value: 6000 } });
    const course = lines(c.svg).filter((l) => l.stroke === '#1d4f7c' && l.width === 2);
    expect(course.length).toBeLessThan(2 * 480);
    expect(c.svg.match(/<path /g)).toHaveLength(1);
    expect(c.svg).not.toContain('<rect ');
    // The highest value still shows: axis max niceMax(6000 × 1.05) = 10 000, plot from y 150 up to y 14.
    const top = Math.min(...course.map((l) => Math.min(l.y1, l.y2)));
    expect(top).toBeCloseTo(150 - (136 * 4999) / 10_000, 0);
  });

  it('gives the same bytes for the same input', () => {
    expect(trendChart(base).svg).toBe(trendChart({ ...base, points: base.points.map((p) => ({ ...p })) }).svg);
  });
});
