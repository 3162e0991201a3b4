// Streams a workbook's rows as typed cells with their sheet and row number. exceljs's WorkbookReader
// parses the XML (saxes, row by row); the guarded zip layer feeds it a canonical stream in which the
// worksheets come before the shared strings and no workbook relations are given, so exceljs spools
// each worksheet to a temporary file and parses it only after the whole zip is read. That is the path
// on which its streaming reader is sound: on the other (worksheets after shared strings and relations)
// exceljs 4.4.0 loses parts when the consumer awaits between rows, or throws on `model.sheets`
// (exceljs issue #3064; both reproduced with hand-ordered zips in the tests).

import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { Language } from '@ekoraportti/core';
import { XlsxError } from './_errors.ts';
import { DEFAULT_LIMITS, openGuardedZip, StreamOutcome, type StreamPart, type ZipLimits } from './_zip.ts';
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

/** A number format that shows a date: after quoted text, `[…]` sections and escapes, a `d` or `y` remains. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dy]/i.test(bare);
}

type ExcelValue = ExcelJS.CellValue;

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
    return result === undefined ? EMPTY : toCell(result as ExcelValue, numFmt, date1904);
  }
  if ('sharedString' in value) return 'sharedStringMissing';
  if ('text' in value) return { kind: 'text', text: String((value as { text: unknown }).text) };
  return EMPTY;
}

/**
 * The items of `iterable` until it ends, or the guard's error as soon as `stop` settles: exceljs waits
 * forever on a source that ended short, so the wait is raced, never trusted. Used for the worksheets
 * only (each race leaves a reaction on `stop`): a guard failure can only happen while the zip streams,
 * and every worksheet is spooled before the first is yielded, so rows need no race.
 */
async function* until<T>(iterable: AsyncIterable<T>, stop: Promise<XlsxError>): AsyncGenerator<T> {
  const it = iterable[Symbol.asyncIterator]();
  const stopped = stop.then((e) => ({ stop: e }) as const);
  for (;;) {
    const r = await Promise.race([it.next(), stopped]);
    if ('stop' in r) throw r.stop;
    if (r.done) return;
    yield r.value;
  }
}

/** exceljs's and saxes's errors → an `XlsxError` that names the part; the guard's own error wins. */
function explain(err: unknown, outcome: StreamOutcome, file: string, part: string, lang: Language): XlsxError {
  if (outcome.error) return outcome.error;
  if (err instanceof XlsxError) return err;
  const m = err instanceof Error ? err.message : String(err);
  if (/FILE_ENDED/.test(m)) return new XlsxError({ code: 'E_XLSX_TRUNCATED', file }, lang);
  const at = /^(\d+):\d+:/.exec(m);
  return new XlsxError({ code: 'E_XLSX_XML', file, part, line: at ? Number(at[1]) : null, kind: /entity/i.test(m) ? 'entity' : 'syntax' }, lang);
}

/**
 * Reads a workbook's rows one at a time, in tab order: each with its sheet, its row number and its
 * cells typed from the file (shared strings, inline strings, numbers, dates from date-formatted
 * numbers in either date system, booleans, errors, formula results). Memory stays flat in the number
 * of rows; the shared-string table is held whole, as every cell refers to it by index. A workbook
 * that cannot be read throws an `XlsxError` before the first row when the zip or a part's size is the
 * problem, or when the XML of a part is broken.
 */
export async function* readWorkbookRows(path: string, options: WorkbookReadOptions): AsyncGenerator<SheetRow> {
  const { lang } = options;
  const file = options.file ?? basename(path);
  const zip = await openGuardedZip(path, file, isXmlPart, lang, options.limits ?? DEFAULT_LIMITS);
  const outcome = new StreamOutcome();
  let part = '';
  try {
    const info = await readWorkbookInfo(zip, file, lang);
    options.onWorkbook?.({ sheets: info.sheets.map((s) => s.name), date1904: info.date1904 });
    const chosen: SheetInfo[] = options.sheets === 'first' ? info.sheets.slice(0, 1) : info.sheets;
    const plan: StreamPart[] = [{ name: info.workbookPart, as: 'xl/workbook.xml', sheet: null, root: 'workbook' }];
    if (info.stylesPart) plan.push({ name: info.stylesPart, as: 'xl/styles.xml', sheet: null, root: 'styleSheet' });
    chosen.forEach((s, i) => plan.push({ name: s.part, as: `xl/worksheets/sheet${i + 1}.xml`, sheet: s.name, root: 'worksheet' }));
    if (info.sharedStringsPart) plan.push({ name: info.sharedStringsPart, as: 'xl/sharedStrings.xml', sheet: null, root: 'sst' });

    const source = zip.stream(plan, outcome);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    try {
      for await (const ws of until(reader, outcome.failed)) {
        const sheet = chosen[Number((ws as unknown as { id: string | number }).id) - 1];
        if (!sheet) continue;
        part = sheet.part;
        for await (const row of ws) {
          const cells: Cell[] = [];
          let missing = false;
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            const c = toCell(cell.value, cell.numFmt, info.date1904);
            if (c === 'sharedStringMissing') missing = true;
            else cells[col - 1] = c;
          });
          if (missing) throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: sheet.part, damage: 'index' }, lang);
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = EMPTY;
          if (cells.length > 0) yield { sheet: sheet.name, row: row.number, cells };
        }
      }
    } catch (err) {
      throw explain(err, outcome, file, part, lang);
    } finally {
      source.destroy();
    }
    if (outcome.error) throw outcome.error;
  } finally {
    zip.close();
  }
}
