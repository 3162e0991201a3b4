import { describe, expect, it } from 'vitest';
import { formatQuantity } from '@ekoraportti/core';
import { barChart, escapeXml, formatChange, niceMax, progressChart, splitChart, stackedColumnChart } from '../src/index.ts';

const rects = (svg: string) => [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"/g)].map((m) => ({
  x: Number(m[1]),
  width: Number(m[3]),
  fill: m[5],
}));

describe('SVG charts shared by the PDF and the HTML report', () => {
  it('draws a KPI bar to scale against its threshold and stretch markers', () => {
    const c = progressChart({
      value: 3,
      threshold: 5,
      stretch: 7,
      valueText: '3',
      thresholdText: 'tavoitetaso 5',
      stretchText: 'venytystavoite 7',
      description: '3 / 5 yhteistyötä',
      width: 308,
    });
    // scale: max(7, 5, 3) × 1.1 = 7.7 → 40 px per unit
    const [track, bar] = rects(c.svg);
    expect(track?.width).toBe(308);
    expect(bar?.width).toBe(120);
    expect(c.svg).toContain('x1="200"'); // threshold 5 × 40
    expect(c.svg).toContain('x1="280"'); // stretch 7 × 40
    expect(c.svg).toContain('stroke-dasharray');
    expect(c.svg).toContain('aria-label="3 / 5 yhteistyötä"');
  });

  it('draws no bar for a KPI without a value', () => {
    const c = progressChart({ value: null, threshold: 1, stretch: null, valueText: '–', thresholdText: '1', stretchText: null, description: 'ei havaintoja' });
    expect(rects(c.svg)).toHaveLength(1);
  });

  it('draws bars proportional to their values and prints the formatted figures', () => {
    const c = barChart({
      bars: [
        { label: 'EAKR', value: 200, valueText: '200,00 €' },
        { label: 'AKKE', value: 50, valueText: '50,00 €' },
      ],
      description: 'Rahoitus lähteittäin',
      width: 445,
      labelWidth: 150,
    });
    const [a, b] = rects(c.svg);
    expect(a?.width).toBe(200);
    expect(b?.width).toBe(50);
    expect(c.svg).toContain('>200,00 €</text>');
  });

  it('stacks columns so a year shows all its categories, with a legend', () => {
    const c = stackedColumnChart({
      columns: [{ label: '2024', values: [60, 30, 10] }],
      series: [{ label: 'EU ja valtio' }, { label: 'Paikallinen' }, { label: 'Yksityinen' }],
      formatAxis: (v) => String(v),
      description: 'Rahoitus vuosittain',
    });
    expect(c.svg).toContain('>2024</text>');
    expect(c.svg).toContain('>EU ja valtio</text>');
    expect(new Set(rects(c.svg).map((r) => r.fill)).size).toBe(3);
  });

  it('splits the 100 % bar at the EU-and-state share and marks the indicative 60 %', () => {
    const c = splitChart({ share: 0.62, indicative: 0.6, leftText: 'a', rightText: 'b', indicativeText: '60 %', description: 'd', width: 500 });
    const [, eu, local] = rects(c.svg);
    expect(eu?.width).toBe(310);
    expect(local?.x).toBe(310);
    expect(c.svg).toContain('x1="300"');
  });

  it('escapes text so a label can never become markup', () => {
    expect(escapeXml(`<script>"&'`)).toBe('&lt;script&gt;&quot;&amp;&#39;');
    const c = barChart({ bars: [{ label: '<img src=x onerror=alert(1)>', value: 1, valueText: '1' }], description: '"><script>' });
    expect(c.svg).not.toContain('<img');
    expect(c.svg).not.toContain('<script>');
  });

  it('gives the same bytes for the same input', () => {
    const input = { value: 2.345678, threshold: 3, stretch: null, valueText: '2,35', thresholdText: '3', stretchText: null, description: 'x' };
    expect(progressChart(input).svg).toBe(progressChart(input).svg);
    expect(progressChart(input).svg).not.toMatch(/\d\.\d{2,}/);
  });

  it('rounds axis maxima up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(1_900_000)).toBe(2_000_000);
    expect(niceMax(2_100_000)).toBe(2_500_000);
    expect(niceMax(3_000)).toBe(5_000);
  });
});

describe('marker labels', () => {
  it('stay inside the chart when the threshold is near an edge', () => {
    const c = progressChart({ value: 223, threshold: 30, stretch: null, valueText: '223', thresholdText: 'tavoitetaso 30', stretchText: null, description: 'x', width: 260 });
    expect(c.svg).toContain('text-anchor="start">tavoitetaso 30</text>');
    const d = progressChart({ value: 0, threshold: 5, stretch: 5.5, valueText: '0', thresholdText: 'tavoitetaso 5', stretchText: 'venytystavoite 5,5', description: 'x', width: 260 });
    expect(d.svg).toContain('text-anchor="end">venytystavoite 5,5</text>');
  });
});

describe('changes since the previous report', () => {
  it('carry their sign, and a dash when either side is missing', () => {
    expect(formatChange(4.5, (v) => formatQuantity(v, 'fi'))).toBe('+4,5');
    expect(formatChange(-2, (v) => formatQuantity(v, 'fi'))).toBe('\u22122');
    expect(formatChange(0, (v) => formatQuantity(v, 'fi'))).toBe('0');
    expect(formatChange(null, (v) => formatQuantity(v, 'fi'))).toBe('–');
  });
});
