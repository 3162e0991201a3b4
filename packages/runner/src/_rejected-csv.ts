import type { Language, Rejection } from '@ekoraportti/core';

/**
 * A cell safe to open in Excel: a value that starts like a formula (= + - @, tab, CR) gets a
 * leading apostrophe so Excel shows it as text instead of running it (CSV/formula injection).
 */
export function spreadsheetSafe(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const HEADERS: Record<Language, readonly string[]> = {
  fi: ['tiedosto', 'rivi', 'sarake', 'syy', 'koodi'],
  en: ['file', 'line', 'column', 'reason', 'code'],
};

/**
 * `rejected.csv` as Finnish Excel opens it: UTF-8 with BOM, `;` delimiter, CRLF.
 * One row per rejected input row, in the order of the report.
 */
export function rejectedCsv(rejected: readonly Rejection[], lang: Language): string {
  const lines = [HEADERS[lang].join(';')];
  for (const r of rejected) {
    lines.push([r.file, String(r.line), r.column, r.reason, r.code].map(spreadsheetSafe).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
