import type { ReportModel } from '@ekoraportti/core';
import { col, cols, figure, heading, numCols, row, table, text, type Words } from './_parts.ts';
import { rejectedRowsShown, warningsShown } from './_rejected.ts';
import type { DataQualityView } from './_view.ts';

/** Appendix: rows read, used and rejected per file; the rejected rows (the first 200) with where they are and why; the warnings. */
export function dataQualityView(model: ReportModel, w: Words): DataQualityView {
  const shown = rejectedRowsShown(model, w.lang, w.quantity);
  const warnings = warningsShown(model, w);
  const files = Object.entries(model.inputs);
  const sum = (k: 'rowsRead' | 'rowsUsed' | 'rowsRejected' | 'rowsNotRead') => files.reduce((n, [, c]) => n + c[k], 0);
  const counts = (...n: number[]) => n.map((x) => figure(w.quantity(x)));
  // Line numbers as an editor shows them: no thousands separator.
  const where = (file: string, line: number | null, column: string | null) => [text(file), figure(line === null ? '–' : String(line)), text(column ?? '–')];
  const problems = (key: 'reason' | 'message') => [...cols(w, 'file'), ...numCols(w, 'line'), ...cols(w, 'column'), col(w.t(key)), ...cols(w, 'code')];
  /** Rejected rows or warnings: how many in all, the ones listed (with a note when not all), where and why. */
  type Issue = { file: string; line: number | null; column: string | null; says: string; code: string };
  const issues = (title: string, total: number, rows: Issue[], note: string | null, key: 'reason' | 'message', empty: string) => ({
    heading: heading(3, `${title} (${w.quantity(total)})`),
    note,
    table: table(title, problems(key), rows.map((x) => row([...where(x.file, x.line, x.column), text(x.says), text(x.code)])), { empty }),
  });
  return {
    kind: 'dataQuality',
    heading: heading(2, w.t('dataQuality'), 'data-quality', true),
    intro: w.t('dataQualityIntro'),
    inputs: {
      heading: heading(3, w.t('inputFiles')),
      table: table(
        w.t('inputFiles'),
        [...cols(w, 'file'), ...numCols(w, 'rowsRead', 'rowsUsed', 'rowsRejected', 'rowsNotRead')],
        files.map(([file, c]) => row([text(file), ...counts(c.rowsRead, c.rowsUsed, c.rowsRejected, c.rowsNotRead)])),
        { total: row([text(w.t('total')), ...counts(sum('rowsRead'), sum('rowsUsed'), sum('rowsRejected'), sum('rowsNotRead'))]) },
      ),
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
