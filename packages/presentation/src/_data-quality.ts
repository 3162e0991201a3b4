import { sourceName, type ReportModel } from '@ekoraportti/core';
import { col, cols, figure, heading, numCols, row, table, text, type Words } from './_parts.ts';
import { rejectedRowsShown, warningsShown } from './_rejected.ts';
import type { DataQualityView } from './_view.ts';

/** Appendix: rows read, used and rejected per file; the rejected rows (the first 200) with where they are and why; the warnings. */
export function dataQualityView(model: ReportModel, w: Words): DataQualityView {
  const shown = rejectedRowsShown(model, w.lang, w.quantity);
  const warnings = warningsShown(model, w);
  const files = Object.entries(model.inputs);
  // An EURA export's rows of other projects and rows that are no project (its footer) are counted apart.
  const hasExport = files.some(([, c]) => c.rowsLeftOut !== undefined);
  const keys = ['rowsRead', 'rowsUsed', 'rowsRejected', 'rowsNotRead', ...(hasExport ? (['rowsLeftOut', 'rowsNotData'] as const) : [])] as const;
  const sum = (k: (typeof keys)[number]) => files.reduce((n, [, c]) => n + (c[k] ?? 0), 0);
  const counts = (c: (k: (typeof keys)[number]) => number) => keys.map((k) => figure(w.quantity(c(k))));
  // Line numbers as an editor shows them (a workbook's: as Excel does): no thousands separator.
  const where = (x: { file: string; sheet?: string | undefined; line: number | null; column: string | null }) => [
    text(sourceName(x.file, x.sheet)),
    figure(x.line === null ? '–' : String(x.line)),
    text(x.column ?? '–'),
  ];
  const problems = (key: 'reason' | 'message') => [...cols(w, 'file'), ...numCols(w, 'line'), ...cols(w, 'column'), col(w.t(key)), ...cols(w, 'code')];
  /** Rejected rows or warnings: how many in all, the ones listed (with a note when not all), where and why. */
  type Issue = { file: string; sheet?: string | undefined; line: number | null; column: string | null; says: string; code: string };
  const issues = (title: string, total: number, rows: Issue[], note: string | null, key: 'reason' | 'message', empty: string) => ({
    heading: heading(3, `${title} (${w.quantity(total)})`),
    note,
    table: table(title, problems(key), rows.map((x) => row([...where(x), text(x.says), text(x.code)])), { empty }),
  });
  return {
    kind: 'dataQuality',
    heading: heading(2, w.t('dataQuality'), 'data-quality', true),
    intro: w.t('dataQualityIntro'),
    inputs: {
      heading: heading(3, w.t('inputFiles')),
      table: table(
        w.t('inputFiles'),
        [...cols(w, 'file'), ...numCols(w, ...keys)],
        files.map(([file, c]) => row([text(sourceName(file, c.sheet)), ...counts((k) => c[k] ?? 0)])),
        { total: row([text(w.t('total')), ...counts(sum)]) },
      ),
      note: hasExport ? w.t('inputsEuraNote') : null,
    },
    rejected: issues(
      w.t('rejectedRows'),
      model.rejectedTotal,
      shown.rows.map((r) => ({ ...r, says: r.reason })),
      shown.note,
      'reason',
      w.t('noRejected'),
    ),
    warnings: issues(
      w.t('warnings'),
      model.warningsTotal,
      warnings.rows.map((x) => ({ ...x, says: x.message })),
      warnings.note,
      'message',
      w.t('noWarnings'),
    ),
  };
}
