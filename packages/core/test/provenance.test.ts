import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countProvenanceLines, LineSet } from '../src/index.ts';
import { linesProvenance } from '../src/_provenance.ts';

/** The reference: each line on its own, runs of consecutive lines joined, as a reader would write it. */
function naive(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

describe('provenance ranges', () => {
  it('writes every number in full across digit boundaries', () => {
    const set = new LineSet();
    for (const line of [9, 10, 99, 100, 101, 999, 1000, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, 2_000_000_000]) {
      set.add('indicators.csv', line);
    }
    expect(set.toProvenance()).toEqual({ 'indicators.csv': '9-10,99-101,999-1000,99999-100000,999999-1000000,1234567,2000000000' });
  });

  it('gives the ranges of the lines added, in order or not, and counts them back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 400 }), (lines) => {
        const set = new LineSet();
        for (const l of lines) set.add('indicators.csv', l);
        const p = set.toProvenance();
        expect(p['indicators.csv']).toBe(naive(lines));
        expect(countProvenanceLines(p)).toBe(new Set(lines).size);
      }),
    );
  });

  it('gives the same ranges from a KPI log of [line, point, …] pairs, in order or not, in a window of it', () => {
    fc.assert(
      fc.property(
        // Few distinct lines: repeats, also one right after the other, are common.
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 0, maxLength: 400 }),
        fc.boolean(),
        fc.nat(),
        (raw, increasing, cut) => {
          const lines = increasing ? [...new Set(raw)].sort((a, b) => a - b) : raw;
          // The log a tally keeps: each line followed by the number of its point.
          const log = new Int32Array(lines.flatMap((l, i) => [l, i % 7]));
          const from = lines.length === 0 ? 0 : (cut % lines.length) * 2;
          const window = lines.slice(from / 2);
          const p = linesProvenance('indicators.csv', log, from, log.length, 2);
          expect(p).toEqual(window.length === 0 ? {} : { 'indicators.csv': naive(window) });
        },
      ),
    );
    expect(linesProvenance('indicators.csv', new Int32Array([4, 0, 5, 0, 5, 1, 9, 0]), 0, 8, 2)).toEqual({ 'indicators.csv': '4-5,9' });
  });
});
