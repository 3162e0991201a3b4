import { describe, expect, it } from 'vitest';
import { lastFullQuarterEnd, resolveDefaultAsOf } from '../src/index.ts';

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
