import { describe, expect, it } from 'vitest';
import {
  computeReport,
  DATA_ISSUES_KEPT,
  getAgreement,
  INGEST_PHRASES,
  inputCountsSchema,
  isoDateSchema,
  rejectionSchema,
  reportModelSchema,
  showValue,
  tallyObservations,
  withoutHidden,
  type DataWarning,
  type Rejection,
} from '../src/index.ts';

const agreement = getAgreement('2025');

function model(rejected: Rejection[], warnings: DataWarning[], extra: Partial<Parameters<typeof computeReport>[0]> = {}) {
  return computeReport({
    agreement,
    asOf: '2025-06-30',
    lang: 'fi',
    request: { pipeline: 'test', type: { fi: 'Testi', en: 'Test' }, exampleData: false, sections: [] },
    projects: [],
    funding: [],
    assessments: [],
    kpiTally: tallyObservations(agreement.kpis, '2025-06-30', []),
    inputs: {},
    rejected,
    warnings,
    ...extra,
  });
}

const rejection = (line: number, code: Rejection['code'] = 'E_UNKNOWN_KPI'): Rejection => ({
  file: 'indicators.csv',
  line,
  column: 'kpi',
  reason: 'x',
  code,
});

describe('the one calendar-date schema', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '1900-01-01'])('accepts %s', (d) => expect(isoDateSchema.safeParse(d).success).toBe(true));
  it.each(['2025-02-29', '2100-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-1-01', '31.12.2025', ''])('refuses %s', (d) =>
    expect(isoDateSchema.safeParse(d).success).toBe(false),
  );
});

describe('codes are data', () => {
  it('a rejection cannot carry a code the rules do not define', () => {
    expect(rejectionSchema.safeParse(rejection(2)).success).toBe(true);
    expect(rejectionSchema.safeParse({ ...rejection(2), code: 'E_ENUM' }).success).toBe(false);
  });
});

describe('rows not read', () => {
  it('count as 0 in a report.json written before they were counted', () => {
    expect(inputCountsSchema.parse({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 })).toEqual({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1, rowsNotRead: 0 });
  });
});

describe('report.json lists the first rejected rows and warnings, and counts them all', () => {
  it('keeps the first DATA_ISSUES_KEPT in order, with the totals and counts by code given by the reader', () => {
    const kept = Array.from({ length: DATA_ISSUES_KEPT + 5 }, (_, i) => rejection(i + 2, i % 2 === 0 ? 'E_UNKNOWN_KPI' : 'E_BAD_DATE'));
    const m = model(kept, [], { rejectedByCode: { E_UNKNOWN_KPI: 600_000, E_BAD_DATE: 400_000 } });
    expect(m.rejected).toHaveLength(DATA_ISSUES_KEPT);
    expect(m.rejected[0]?.line).toBe(2);
    expect(m.rejectedTotal).toBe(1_000_000);
    expect(Object.keys(m.rejectedByCode)).toEqual(['E_BAD_DATE', 'E_UNKNOWN_KPI']);
    expect(reportModelSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('counts the lists themselves when no counts are given, and the core’s own warnings with them', () => {
    const tally = tallyObservations(agreement.kpis, '2025-06-30', [
      { kpi: 'intl_rd_centres', date: '2024-01-01', value: 1, projectId: null, source: null, line: 2 },
    ]);
    const w: DataWarning = { file: 'projects.csv', line: 1, column: 'x', message: 'm', code: 'W_UNKNOWN_COLUMN' };
    const m = model([rejection(3)], [w], { kpiTally: tally });
    expect(m.rejectedTotal).toBe(1);
    expect(m.rejectedByCode).toEqual({ E_UNKNOWN_KPI: 1 });
    expect(m.warningsTotal).toBe(2);
    expect(m.warningsByCode).toEqual({ W_OTHER_VERSION_KPI: 1, W_UNKNOWN_COLUMN: 1 });
    expect(m.warnings.map((x) => x.code)).toEqual(['W_UNKNOWN_COLUMN', 'W_OTHER_VERSION_KPI']);
  });

  it('carries the data alerts for the first page', () => {
    const alert = { code: 'ROWS_NOT_READ' as const, file: 'funding.csv', lines: [{ from: 11, to: 41 }], count: 30 };
    expect(model([], [], { dataAlerts: [alert] }).dataAlerts).toEqual([alert]);
    expect(model([], []).dataAlerts).toEqual([]);
  });
});

describe('values quoted in a message are never raw', () => {
  it('line breaks, controls and invisible characters are named, long values cut', () => {
    expect(showValue('A80101\u200b')).toBe('A80101[U+200B]');
    expect(showValue('a\r\nb\rc\nd')).toBe('a↵b↵c↵d');
    expect(showValue('\u0000PK\u0003\u0004')).toBe('[U+0000]PK[U+0003][U+0004]');
    expect(showValue('x'.repeat(500))).toHaveLength(60);
    expect(INGEST_PHRASES.fi.unknownProject('A1\u00a0\u200b')).toContain("'A1[U+00A0][U+200B]'");
  });

  it('withoutHidden removes them and names each once', () => {
    expect(withoutHidden('A8\u00a001\u200b01\u200b', 'hidden')).toEqual({ text: 'A80101', removed: ['\u00a0', '\u200b'] });
    expect(withoutHidden('rivi\nkaksi\u0000\u001a', 'control')).toEqual({ text: 'rivi\nkaksi', removed: ['\u0000', '\u001a'] });
  });
});
