import { describe, expect, test } from 'vitest';
import { computeReport, DATA_ISSUES_KEPT, KpiTally, reportModelSchema, targetDeadlines } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';
import { agreement2025, HEADERS, tempFolder } from './_helpers.ts';

// A file with a wrong column can reject every one of a million rows. They stream on (to rejected.csv)
// as they are found, in order; the result keeps the first ones and counts them all, so the report
// model stays small (a model listing 1 400 000 rejections ended in a RangeError in JSON.stringify).

describe('1 000 000 rejected rows', () => {
  test('stream on in line order, the first 1 000 are kept and all are counted; the model is small', async () => {
    const n = 1_000_000;
    const { dir, cleanup } = tempFolder({ indicators: `${HEADERS.indicators}\n${'no_such_kpi;1.1.2024;1;;\n'.repeat(n)}` });
    try {
      let streamed = 0;
      let lastLine = 0;
      let inOrder = true;
      const kpiTally = new KpiTally(agreement2025.kpis, '2024-06-30', targetDeadlines(agreement2025));
      const r = await readDataFolder(dir, {
        agreement: agreement2025,
        asOf: '2024-06-30',
        lang: 'en',
        kpiTally,
        // Two threads and small parts: the parts cannot hold a million rejections, so they give up and
        // the file is read whole, streaming them in order.
        threads: 2,
        minPartBytes: 1 << 20,
        keep: DATA_ISSUES_KEPT,
        onRejected: (x) => {
          streamed++;
          if (x.line <= lastLine) inOrder = false;
          lastLine = x.line;
        },
      });
      expect(streamed).toBe(n);
      expect(inOrder).toBe(true);
      expect(lastLine).toBe(n + 1);
      expect(r.parts['indicators.csv']).toBe(1);
      expect(r.inputs['indicators.csv']).toEqual({ rowsRead: n, rowsUsed: 0, rowsRejected: n, rowsNotRead: 0 });
      expect(r.rejected).toHaveLength(DATA_ISSUES_KEPT);
      expect(r.rejectedByCode).toEqual({ E_UNKNOWN_KPI: n });
      const model = computeReport({
        agreement: agreement2025,
        asOf: '2024-06-30',
        lang: 'en',
        request: { pipeline: 'test', type: { fi: 'Testi', en: 'Test' }, exampleData: false, sections: [] },
        projects: r.projects,
        funding: r.funding,
        assessments: r.assessments,
        kpiTally,
        inputs: r.inputs,
        rejected: r.rejected,
        rejectedByCode: r.rejectedByCode,
        warnings: r.warnings,
        warningsByCode: r.warningsByCode,
      });
      const json = JSON.stringify(model);
      expect(json.length).toBeLessThan(2_000_000);
      expect(reportModelSchema.parse(JSON.parse(json)).rejectedTotal).toBe(n);
    } finally {
      cleanup();
    }
  }, 180_000);
});
