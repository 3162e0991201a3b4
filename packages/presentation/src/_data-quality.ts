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
    rejected: {
      heading: heading(3, `${w.t('rejectedRows')} (${w.quantity(model.rejectedTotal)})`),
      note: shown.note,
      table: table(
        w.t('rejectedRows'),
        problems('reason'),
        shown.rows.map((r) => row([...where(r.file, r.line, r.column), text(r.reason), text(r.code)])),
        { empty: w.t('noRejected') },
      ),
    },
    warnings: {
      heading: heading(3, `${w.t('warnings')} (${w.quantity(model.warningsTotal)})`),
      note: warnings.note,
      table: table(
        w.t('warnings'),
        problems('message'),
        warnings.rows.map((x) => row([...where(x.file, x.line, x.column), text(x.message), text(x.code)])),
        { empty: w.t('noWarnings') },
      ),
    },
  };
}
