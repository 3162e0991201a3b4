import { formatQuantity, reportWord, type Language, type ReportModel } from '@ekoraportti/core';

/**
 * How many rejected rows the PDF and HTML list. A national-scale file with a wrong column can reject
 * a million rows: listed in full they would make a report of thousands of pages that takes minutes to
 * draw. The reports list the first ones (in file and line order) and say how many there are of each
 * kind; rejected.csv keeps every one, report.json the first 1 000 and the counts by code.
 */
export const REJECTED_ROWS_SHOWN = 200;

/**
 * The rejected rows a report lists, and the note to print above them when they are not all.
 * `quantity` writes the counts as the report writes its figures (the PDF uses plain spaces).
 */
export function rejectedRowsShown(
  model: Pick<ReportModel, 'rejected' | 'rejectedTotal' | 'rejectedByCode'>,
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
    note:
      `${reportWord('rejectedFirstShown', lang)} ${shown} / ${total}. ${reportWord('rejectedAllInCsv', lang)} ` +
      `${reportWord('rejectedByCode', lang)} ${byCode(model.rejectedByCode, quantity)}.`,
  };
}

/** The warnings a report lists, capped like the rejected rows, with their counts by kind when not all are listed. */
export function warningsShown(
  model: Pick<ReportModel, 'warnings' | 'warningsTotal' | 'warningsByCode'>,
  w: { lang: Language; quantity: (n: number) => string },
): { rows: ReportModel['warnings']; note: string | null } {
  if (model.warningsTotal <= REJECTED_ROWS_SHOWN) return { rows: model.warnings, note: null };
  return {
    rows: model.warnings.slice(0, REJECTED_ROWS_SHOWN),
    note:
      `${reportWord('rejectedFirstShown', w.lang)} ${w.quantity(REJECTED_ROWS_SHOWN)} / ${w.quantity(model.warningsTotal)}. ` +
      `${reportWord('warningsAllByCode', w.lang)} ${byCode(model.warningsByCode, w.quantity)}.`,
  };
}

/** "E_BAD_DATE 12, E_MISSING 3": counts by code, most first. */
function byCode(counts: Partial<Record<string, number>>, quantity: (n: number) => string): string {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ${quantity(n ?? 0)}`)
    .join(', ');
}
