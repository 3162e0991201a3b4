import { describe, expect, it } from 'vitest';
import { DATA_ISSUES_KEPT, type ReportModel } from '@ekoraportti/core';
import { REJECTED_ROWS_SHOWN, rejectedRowsShown } from '../src/index.ts';

const rows = (n: number): ReportModel['rejected'] =>
  Array.from({ length: n }, (_, i) => ({ file: 'indicators.csv', line: i + 2, column: 'kpi', reason: 'x', code: 'E_UNKNOWN_KPI' }));

describe('rejectedRowsShown', () => {
  it('lists every rejected row up to the limit, with no note', () => {
    const all = rows(REJECTED_ROWS_SHOWN);
    expect(rejectedRowsShown({ rejected: all, rejectedTotal: all.length }, 'fi')).toEqual({ rows: all, note: null });
  });

  it('lists the first rows of a long list and says how many there are in all (report.json lists the first 1 000) and where the rest is', () => {
    const model = { rejected: rows(DATA_ISSUES_KEPT), rejectedTotal: 160_000 };
    const fi = rejectedRowsShown(model, 'fi');
    expect(fi.rows).toEqual(model.rejected.slice(0, REJECTED_ROWS_SHOWN));
    expect(fi.note).toBe('Näytetään ensimmäiset 200 / 160\u00a0000. Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv.');
    expect(rejectedRowsShown(model, 'en').note).toBe(
      'Showing the first 200 / 160,000. Every rejected row, with its reason, is in rejected.csv.',
    );
  });
});
