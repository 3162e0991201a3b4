import { formatQuantity, reportWord, type Language, type ReportModel } from '@ekoraportti/core';

/**
 * How many rejected rows the PDF and HTML list. A national-scale file with a wrong column can reject
 * a million rows: listed in full they would make a report of thousands of pages that takes minutes to
 * draw. The reports list the first ones (in file and line order) and say how many there are;
 * rejected.csv and report.json keep every one.
 */
export const REJECTED_ROWS_SHOWN = 200;

/**
 * The rejected rows a report lists, and the note to print above them when they are not all.
 * `quantity` writes the counts as the report writes its figures (the PDF uses plain spaces).
 */
export function rejectedRowsShown(
  model: Pick<ReportModel, 'rejected' | 'rejectedTotal'>,
  lang: Language,
  quantity: (n: number) => string = (n) => formatQuantity(n, lang),
): { rows: ReportModel['rejected']; note: string | null } {
  // report.json lists the first rejected rows; `rejectedTotal` counts them all.
  const all = model.rejected;
  if (model.rejectedTotal <= REJECTED_ROWS_SHOWN) return { rows: all, note: null };
  const shown = quantity(REJECTED_ROWS_SHOWN);
  const total = quantity(model.rejectedTotal);
  return {
    rows: all.slice(0, REJECTED_ROWS_SHOWN),
    note: `${reportWord('rejectedFirstShown', lang)} ${shown} / ${total}. ${reportWord('rejectedAllInCsv', lang)}`,
  };
}
