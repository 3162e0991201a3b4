import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countProvenanceLines, LineSet } from '../src/index.ts';

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
});
