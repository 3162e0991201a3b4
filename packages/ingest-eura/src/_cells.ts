// Streams a workbook's rows as typed cells with their sheet and row number. exceljs parses the XML
// (saxes, row by row): its WorkbookReader's part parsers read workbook.xml, styles.xml, the shared
// strings and each worksheet from text this package hands them, part by part, in that order. Its own
// zip layer (unzipper, and a temporary file per worksheet) is not used: on it, exceljs 4.4.0 drops
// parts when the zip's end arrives while its iterator is paused (exceljs issue #3064: a lost
// sharedStrings or worksheet, depending on timing) and throws on `model.sheets` when workbook.xml
// comes late; and it decodes each chunk of UTF-8 on its own. The part parsers are not exceljs's public
// API, which is why exceljs is pinned to one exact version and every test here goes through them.

/// <reference path="./_exceljs-reader.d.ts" />
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Language } from '@ekoraportti/core';
import { XlsxError } from './_errors.ts';
import { DEFAULT_LIMITS, openGuardedZip, type GuardedZip, type ZipLimits } from './_zip.ts';
import { isXmlPart, readWorkbookInfo, type SheetInfo } from './_workbook.ts';

/** One cell as its type in the file says; dates are calendar dates (time of day dropped). */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

/** A row of a worksheet: `cells[0]` is column A. Rows with no cell at all are not yielded. */
export interface SheetRow {
  sheet: string;
  /** The row number Excel shows, 1-based. */
  row: number;
  cells: Cell[];
}

export interface WorkbookReadOptions {
  lang: Language;
  /** How the file is named in messages; default its base name. */
  file?: string;
  /** `first`: the first tab only (the contract files); `all`: every worksheet in tab order. */
  sheets: 'first' | 'all';
  limits?: ZipLimits;
  /** Told the workbook's sheet names (tab order) and date system once known, before the first row. */
  onWorkbook?: (info: { sheets: readonly string[]; date1904: boolean }) => void;
}

const EMPTY: Cell = { kind: 'empty' };

/** Excel's day count (1900 system, with Lotus's 29.2.1900) or the 1904 system → ISO date; null off the calendar. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86_400_000;
  else if (days >= 61) ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  else if (days >= 1 && days <= 59) ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  else return null; // 0 and Lotus's 29.2.1900 are no calendar dates
  const iso = new Date(ms).toISOString().slice(0, 10);
  return iso >= '1900-01-01' && iso <= '9999-12-31' ? iso : null;
}

const dateFormats = new Map<string, boolean>();

/** A number format that shows a date: after quoted text, `[…]` sections and escapes, a `d` or `y` remains. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  let known = dateFormats.get(numFmt);
  if (known === undefined) {
    known = /[dy]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, ''));
    if (dateFormats.size < 1000) dateFormats.set(numFmt, known); // a workbook has a few dozen formats
  }
  return known;
}

type ExcelValue = ExcelJS.CellValue;

/** ExcelJS.ValueType.Formula (the library is imported for its types only until a workbook is read). */
const FORMULA = 6;

/**
 * A cell's value as the file holds it. exceljs's `cell.value` leaves out a formula's cached result when
 * that is 0, FALSE or '' (4.4.0, FormulaValue#_copyModel), so such a cell would read as empty where
 * Excel shows 0; the cell's model keeps the result.
 */
function cellValue(cell: ExcelJS.Cell): ExcelValue {
  if (cell.type !== FORMULA) return cell.value;
  const { formula, sharedFormula, result } = cell.model as { formula?: string; sharedFormula?: string; result?: ExcelValue };
  return { formula: formula ?? sharedFormula ?? '', result } as ExcelValue;
}

function toCell(value: ExcelValue, numFmt: string | undefined, date1904: boolean): Cell | 'sharedStringMissing' {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) {
      const iso = serialToIso(value, date1904);
      if (iso !== null) return { kind: 'date', iso };
    }
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: 'error', text: '#VALUE!' } : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  }
  if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text ?? '').join('') };
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result;
    if (result === undefined) return EMPTY;
    // exceljs reads a cached result as a number unless it is marked text: an error (#DIV/0!) becomes NaN.
    if (typeof result === 'number' && Number.isNaN(result)) return { kind: 'error', text: '#ERROR' };
    return toCell(result as ExcelValue, numFmt, date1904);
  }
  if ('sharedString' in value) return 'sharedStringMissing';
  if ('text' in value) return { kind: 'text', text: String((value as { text: unknown }).text) };
  return EMPTY;
}

/** The WorkbookReader part parsers this package drives (exceljs 4.4.0, lib/stream/xlsx/workbook-reader.js). */
interface PartParsers {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/** A part as the stream exceljs's `iterateStream` wants: strings, in object mode, ended or errored as the text is. */
const partStream = (zip: GuardedZip, name: string, root: string): Readable => Readable.from(zip.partText(name, { root, sheet: null }));

/** exceljs's and saxes's errors → an `XlsxError` that names the part; the guard's own errors pass as they are. */
function explain(err: unknown, file: string, part: string, lang: Language): XlsxError {
  if (err instanceof XlsxError) return err;
  const m = err instanceof Error ? err.message : String(err);
  const at = /^(\d+):\d+:/.exec(m);
  return new XlsxError({ code: 'E_XLSX_XML', file, part, line: at ? Number(at[1]) : null, kind: /entity/i.test(m) ? 'entity' : 'syntax' }, lang);
}

/**
 * Reads a workbook's rows one at a time, in tab order: each with its sheet, its row number and its
 * cells typed from the file (shared strings, inline strings, numbers, dates from date-formatted
 * numbers in either date system, booleans, errors, formula results). Memory stays flat in the number
 * of rows; the shared-string table is held whole, as every cell refers to it by index.
 *
 * A workbook that cannot be read throws an `XlsxError`: before the first row when the file is not a
 * zip, is cut short, or a part is too large or too compressed; during the rows when a worksheet's
 * XML breaks, its CRC (known only at its end) does not match, or it holds a cell kind exceljs would
 * misread. A read that throws has failed as a whole: rows already yielded must be dropped.
 */
export async function* readWorkbookRows(path: string, options: WorkbookReadOptions): AsyncGenerator<SheetRow> {
  const { lang } = options;
  const file = options.file ?? basename(path);
  const zip = await openGuardedZip(path, file, isXmlPart, lang, options.limits ?? DEFAULT_LIMITS);
  let part = '';
  try {
    const info = await readWorkbookInfo(zip, file, lang);
    options.onWorkbook?.({ sheets: info.sheets.map((s) => s.name), date1904: info.date1904 });
    const chosen: SheetInfo[] = options.sheets === 'first' ? info.sheets.slice(0, 1) : info.sheets;
    // Only a run that reads a workbook loads exceljs, and then only its streaming reader (0.2 s to load
    // where the whole library takes 0.3 s).
    const { default: WorkbookReader } = await import('exceljs/lib/stream/xlsx/workbook-reader.js');
    const reader = new WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as PartParsers;
    try {
      part = info.workbookPart;
      await reader._parseWorkbook(partStream(zip, part, 'workbook'));
      if (info.stylesPart) {
        part = info.stylesPart;
        await reader._parseStyles(partStream(zip, part, 'styleSheet'));
      }
      if (info.sharedStringsPart) {
        part = info.sharedStringsPart;
        for await (const _ of reader._parseSharedStrings(partStream(zip, part, 'sst'))) void _;
      }
      for (const [i, sheet] of chosen.entries()) {
        part = sheet.part;
        for (const { value: ws } of reader._parseWorksheet(zip.partText(sheet.part, { root: 'worksheet', sheet: sheet.name }), String(i + 1))) {
          for await (const row of ws) {
            const cells: Cell[] = [];
            let missing = false;
            row.eachCell({ includeEmpty: false }, (cell, col) => {
              const c = toCell(cellValue(cell), cell.numFmt, info.date1904);
              if (c === 'sharedStringMissing') missing = true;
              else cells[col - 1] = c;
            });
            if (missing) throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: sheet.part, damage: 'index' }, lang);
            for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = EMPTY;
            if (cells.length > 0) yield { sheet: sheet.name, row: row.number, cells };
          }
        }
      }
    } catch (err) {
      throw explain(err, file, part, lang);
    }
  } finally {
    zip.close();
  }
}
