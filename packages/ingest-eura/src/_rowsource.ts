// The four contract files saved as workbooks (`funding.xlsx` for `funding.csv`, …): the first sheet's
// rows as string fields in the notations the CSV validators of @ekoraportti/ingest already accept, so
// the same validators, reasons and counts serve both. A date cell becomes `2025-03-31`, a number cell
// a plain decimal read at Excel's 15 significant digits (`131626.15`, never `131626.15000000002` nor
// `1.3E+5`), text stays as typed.

import type { Language } from '@ekoraportti/core';
import { basename } from 'node:path';
import { readWorkbookRows, type Cell, type SheetRow } from './_cells.ts';
import { plainDecimal } from './_decimal.ts';
import { XlsxError } from './_errors.ts';
import type { ZipLimits } from './_zip.ts';

/** One data row: its fields as strings, at least as many as the header has, and where it is. */
export interface SheetRecord {
  sheet: string;
  /** The row number Excel shows; in messages it stands where a CSV file's line number stands. */
  row: number;
  fields: string[];
}

/** The first sheet of a contract workbook, its header read. Iterate `records` to the end, or `close()`. */
export interface SheetRowSource {
  file: string;
  sheet: string;
  headerRow: number;
  /** The header's fields as strings, in column order (empty strings for empty header cells). */
  header: string[];
  records: AsyncIterable<SheetRecord>;
  /** Stops reading (releases the file) when `records` is not read to the end. */
  close(): Promise<void>;
}

/** A cell as the text a CSV file saved from the same sheet would hold, in the contract's notations. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return plainDecimal(cell.value);
    case 'date':
      return cell.iso;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
  }
}

const isBlank = (r: SheetRow): boolean => r.cells.every((c) => c.kind === 'empty' || (c.kind === 'text' && c.text.trim() === ''));

export interface SheetRowOptions {
  lang: Language;
  /** How the file is named in messages; default its base name. */
  file?: string;
  limits?: ZipLimits;
}

/**
 * Opens a contract workbook: reads its first sheet's first non-blank row as the header and returns the
 * later rows as string records. Blank rows are skipped, as blank lines of a CSV file are. A short row
 * is padded with empty fields to the header's width (a sheet does not store trailing empty cells,
 * where a CSV line has its separators); cells beyond the header are kept, so the validators see them.
 */
export async function openSheetRows(path: string, options: SheetRowOptions): Promise<SheetRowSource> {
  const file = options.file ?? basename(path);
  let sheetName = '';
  const rows = readWorkbookRows(path, {
    lang: options.lang,
    file,
    sheets: 'first',
    onWorkbook: (info) => (sheetName = info.sheets[0] ?? ''),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  let first: IteratorResult<SheetRow>;
  do first = await rows.next();
  while (!first.done && isBlank(first.value));
  if (first.done) {
    await rows.return(undefined);
    throw new XlsxError({ code: 'E_XLSX_EMPTY', file, sheet: sheetName }, options.lang);
  }
  const header = first.value.cells.map(cellText);
  const width = header.length;
  async function* records(): AsyncGenerator<SheetRecord> {
    try {
      for await (const r of rows) {
        if (isBlank(r)) continue;
        const fields = r.cells.map(cellText);
        while (fields.length < width) fields.push('');
        yield { sheet: r.sheet, row: r.row, fields };
      }
    } finally {
      await rows.return(undefined);
    }
  }
  return {
    file,
    sheet: first.value.sheet,
    headerRow: first.value.row,
    header,
    records: records(),
    close: async () => {
      await rows.return(undefined);
    },
  };
}
