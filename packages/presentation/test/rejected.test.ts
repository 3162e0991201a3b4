import { describe, expect, it } from 'vitest';
import { DATA_ISSUES_KEPT, type ReportModel } from '@ekoraportti/core';
import { REJECTED_ROWS_SHOWN, rejectedRowsShown, warningsShown } from '../src/index.ts';

const rows = (n: number): ReportModel['rejected'] =>
  Array.from({ length: n }, (_, i) => ({ file: 'indicators.csv', line: i + 2, column: 'kpi', reason: 'x', code: 'E_UNKNOWN_KPI' }));

describe('rejectedRowsShown', () => {
  it('lists every rejected row up to the limit, with no note', () => {
    const all = rows(REJECTED_ROWS_SHOWN);
    expect(rejectedRowsShown({ rejected: all, rejectedTotal: all.length, rejectedByCode: { E_UNKNOWN_KPI: all.length } }, 'fi')).toEqual({ rows: all, note: null });
  });

  it('lists the first rows of a long list and says how many there are in all (report.json lists the first 1 000) and where the rest is', () => {
    const model = { rejected: rows(DATA_ISSUES_KEPT), rejectedTotal: 160_000, rejectedByCode: { E_UNKNOWN_KPI: 150_000, E_BAD_DATE: 10_000 } };
    const fi = rejectedRowsShown(model, 'fi');
    expect(fi.rows).toEqual(model.rejected.slice(0, REJECTED_ROWS_SHOWN));
    expect(fi.note).toBe(
      'Näytetään ensimmäiset 200 / 160\u00a0000. Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv. Hylätyt rivit lajeittain: E_UNKNOWN_KPI 150\u00a0000, E_BAD_DATE 10\u00a0000.',
    );
    expect(rejectedRowsShown(model, 'en').note).toBe(
      'Showing the first 200 / 160,000. Every rejected row, with its reason, is in rejected.csv. Rejected rows by kind: E_UNKNOWN_KPI 150,000, E_BAD_DATE 10,000.',
    );
  });

  it('caps the warnings the same way and counts them all by kind', () => {
    const warnings = Array.from({ length: DATA_ISSUES_KEPT }, (_, i) => ({ file: 'funding.csv', line: i + 2, column: 'year', message: 'x', code: 'W_SAME_KEY' as const }));
    const w = { lang: 'en' as const, quantity: (n: number) => String(n) };
    expect(warningsShown({ warnings: warnings.slice(0, 3), warningsTotal: 3, warningsByCode: { W_SAME_KEY: 3 } }, w)).toEqual({ rows: warnings.slice(0, 3), note: null });
    const capped = warningsShown({ warnings, warningsTotal: 5000, warningsByCode: { W_SAME_KEY: 4990, W_NO_FUNDING: 10 } }, w);
    expect(capped.rows).toHaveLength(REJECTED_ROWS_SHOWN);
    expect(capped.note).toBe('Showing the first 200 / 5000. All warnings by kind: W_SAME_KEY 4990, W_NO_FUNDING 10.');
  });
});
