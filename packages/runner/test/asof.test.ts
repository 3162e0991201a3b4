import { describe, expect, it } from 'vitest';
import { AS_OF_RANGE, asOfProblem, lastFullQuarterEnd, resolveDefaultAsOf } from '../src/index.ts';

describe('the steering group default as-of date', () => {
  it('is the end of the last full quarter before today', () => {
    expect(lastFullQuarterEnd('2026-11-24')).toBe('2026-09-30');
    expect(lastFullQuarterEnd('2026-10-01')).toBe('2026-09-30');
    expect(lastFullQuarterEnd('2026-09-30')).toBe('2026-06-30');
    expect(lastFullQuarterEnd('2026-04-01')).toBe('2026-03-31');
    expect(lastFullQuarterEnd('2026-03-31')).toBe('2025-12-31');
    expect(lastFullQuarterEnd('2026-01-01')).toBe('2025-12-31');
  });
  it('is the fixed date of pipelines that have one', () => {
    expect(resolveDefaultAsOf({ kind: 'fixed', date: '2027-12-31' }, '2026-11-24')).toBe('2027-12-31');
    expect(resolveDefaultAsOf({ kind: 'lastFullQuarter' }, '2026-11-24')).toBe('2026-09-30');
  });
});

describe('an as-of date', () => {
  it('must be a calendar date within the agreement period (2021-01-01 … 2030-12-31)', () => {
    expect(AS_OF_RANGE).toEqual({ min: '2021-01-01', max: '2030-12-31' });
    for (const ok of ['2021-01-01', '2025-09-30', '2027-12-31', '2030-12-31']) expect(asOfProblem(ok), ok).toBeNull();
    for (const far of ['1899-12-31', '2020-12-31', '2031-01-01', '2204-12-31']) {
      expect(asOfProblem(far)).toEqual({ code: 'E_AS_OF_RANGE', value: far, min: '2021-01-01', max: '2030-12-31' });
    }
    expect(asOfProblem('2025-02-30')).toEqual({ code: 'E_BAD_DATE', option: '--as-of', value: '2025-02-30', problem: 'nonexistent' });
    for (const bad of ['30.9.2025', '2025-9-30', '']) expect(asOfProblem(bad)).toEqual({ code: 'E_BAD_DATE', option: '--as-of', value: bad, problem: 'format' });
  });
});
