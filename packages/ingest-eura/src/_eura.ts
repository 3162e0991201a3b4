// The EURA 2021 project export (hanketietopalvelu's .xlsx download) read against the project codes of
// projects.csv: the listed projects with their names, implementers, states, dates and decided and
// realised money in cents; every other row counted as left out (other cities, other programmes) or
// as not data (EURA's footer rows). Streams: one row in memory at a time.

import { basename } from 'node:path';
import type { EuraRowProblem, Language } from '@ekoraportti/core';
import { describeEuraNotice, describeEuraRowProblem } from '@ekoraportti/core';
import { readWorkbookRows, serialToIso, type Cell, type SheetRow } from './_cells.ts';
import { numberToCents, plainDecimal } from './_decimal.ts';
import { XlsxError } from './_errors.ts';
import { columnLetter, EURA_COLUMNS, EURA_STATUS_WORDS, fieldOfHeader, fundOf, isProjectCode, looksLikeEuraHeader, statusOf } from './_eura-columns.ts';
import type { CellSource, EuraExport, EuraField, EuraMoney, EuraProject, EuraWarning } from './_schemas.ts';
import type { ZipLimits } from './_zip.ts';

export interface EuraReadOptions {
  /** The project ids of projects.csv: rows with these codes are read (matched case-insensitively). */
  projectCodes: Iterable<string>;
  lang: Language;
  /** How the file is named in messages; default its base name. */
  file?: string;
  limits?: ZipLimits;
}

/** How far down a sheet the header row is looked for (EURA's is row 1; a note may stand above it). */
const HEADER_SEARCH_ROWS = 30;

const EMPTY: Cell = { kind: 'empty' };

const shown = (c: Cell): string =>
  c.kind === 'text' || c.kind === 'error' ? c.text : c.kind === 'number' ? plainDecimal(c.value) : c.kind === 'date' ? c.iso : c.kind === 'bool' ? String(c.value) : '';

class RowRejected extends Error {
  constructor(
    readonly column: string,
    readonly problem: EuraRowProblem,
  ) {
    super(problem.code);
  }
}

/**
 * Reads an EURA 2021 export. Returns null when no sheet has EURA's header row within its first 30
 * rows (the workbook is something else); throws an `XlsxError` when the workbook cannot be read or
 * its header row lacks a needed column (`E_EURA_MISSING_COLUMNS`, naming them).
 */
export async function readEuraExport(path: string, options: EuraReadOptions): Promise<EuraExport | null> {
  const { lang } = options;
  const file = options.file ?? basename(path);
  const wanted = new Map<string, string>();
  for (const c of options.projectCodes) wanted.set(c.trim().toUpperCase(), c.trim());
  let date1904 = false;
  const rows = readWorkbookRows(path, {
    lang,
    file,
    sheets: 'all',
    onWorkbook: (info) => (date1904 = info.date1904),
    ...(options.limits ? { limits: options.limits } : {}),
  });

  let sheet: string | null = null; // the sheet whose header row was found
  let searching: { sheet: string; seen: number } | null = null;
  let aboveHeader = 0;
  let headerRow = 0;
  const col = new Map<EuraField, number>();
  const columns: EuraExport['columns'] = {};
  const header = (f: EuraField): string => columns[f]?.header ?? EURA_COLUMNS[f].header;

  const counts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, rowsLeftOut: 0, rowsNotData: 0, footerRows: 0, rowsAboveHeader: 0 };
  const projects: EuraProject[] = [];
  const rejected: EuraExport['rejected'] = [];
  const warnings: EuraWarning[] = [];
  const firstRowOf = new Map<string, number>();
  const unknownStatus = new Map<string, number>();
  let pendingNotData = { count: 0, first: 0 };
  let amidNotData = { count: 0, first: 0 };

  const onHeader = (r: SheetRow): boolean => {
    const texts = r.cells.map((c) => (c.kind === 'text' ? c.text : ''));
    if (!looksLikeEuraHeader(texts)) return false;
    texts.forEach((t, i) => {
      const f = fieldOfHeader(t);
      if (f !== null && !col.has(f)) {
        col.set(f, i);
        columns[f] = { header: t.trim(), letter: columnLetter(i) };
      }
    });
    const missing = (Object.keys(EURA_COLUMNS) as EuraField[]).filter((f) => EURA_COLUMNS[f].required && !col.has(f));
    if (missing.length > 0) {
      const found = texts.map((t) => t.trim()).filter((t) => t !== '');
      throw new XlsxError({ code: 'E_EURA_MISSING_COLUMNS', file, sheet: r.sheet, row: r.row, missing: missing.map((f) => EURA_COLUMNS[f].header), found }, lang);
    }
    sheet = r.sheet;
    headerRow = r.row;
    return true;
  };

  const read = (r: SheetRow): EuraProject => {
    const cell = (f: EuraField): Cell => {
      const i = col.get(f);
      return i === undefined ? EMPTY : (r.cells[i] ?? EMPTY);
    };
    const text = (f: EuraField): string => {
      const c = cell(f);
      return c.kind === 'text' ? c.text.trim() : shown(c);
    };
    const required = (f: EuraField): string => {
      const t = text(f);
      if (t === '') throw new RowRejected(header(f), { code: 'E_MISSING', column: header(f) });
      return t;
    };
    const date = (f: EuraField): string => {
      const c = cell(f);
      const iso = c.kind === 'date' ? c.iso : c.kind === 'number' ? serialToIso(c.value, date1904) : null;
      if (iso !== null) return iso;
      if (c.kind === 'empty') throw new RowRejected(header(f), { code: 'E_MISSING', column: header(f) });
      throw new RowRejected(header(f), { code: 'E_NOT_A_DATE', column: header(f), shown: shown(c) });
    };
    const cents = (f: EuraField, empty: 'zero' | 'missing' | 'null'): number | null => {
      const c = cell(f);
      const h = header(f);
      if (c.kind === 'empty') {
        if (empty === 'missing') throw new RowRejected(h, { code: 'E_MISSING', column: h });
        return empty === 'zero' ? 0 : null;
      }
      if (c.kind !== 'number') throw new RowRejected(h, { code: 'E_NOT_A_NUMBER', column: h, shown: shown(c) });
      const v = numberToCents(c.value);
      if (v === 'negative') throw new RowRejected(h, { code: 'E_NEGATIVE', column: h, shown: shown(c) });
      if (v === 'sub_cent' || v === 'too_large') throw new RowRejected(h, { code: v === 'sub_cent' ? 'E_SUB_CENT' : 'E_NOT_A_NUMBER', column: h, shown: shown(c) });
      return v;
    };
    const money = (euState: EuraField, pub: EuraField, total: EuraField, empty: 'zero' | 'missing'): EuraMoney => {
      const e = cents(euState, empty) ?? 0;
      const p = cents(pub, empty) ?? 0;
      const t = cents(total, empty) ?? 0;
      if (e > p) throw new RowRejected(header(euState), { code: 'E_PARTS_EXCEED_WHOLE', part: header(euState), whole: header(pub) });
      if (p > t) throw new RowRejected(header(pub), { code: 'E_PARTS_EXCEED_WHOLE', part: header(pub), whole: header(total) });
      return { euStateCents: e, otherPublicCents: p - e, privateCents: t - p, publicCents: p, totalCents: t };
    };

    const code = required('code');
    const key = code.toUpperCase();
    const first = firstRowOf.get(key);
    if (first !== undefined) throw new RowRejected(header('code'), { code: 'E_DUPLICATE_ID', value: code, firstRow: first });
    firstRowOf.set(key, r.row);
    const name = required('name');
    const implementer = required('implementer');
    const startDate = date('startDate');
    const endDate = date('endDate');
    if (endDate < startDate) throw new RowRejected(header('endDate'), { code: 'E_END_BEFORE_START', start: startDate, end: endDate });
    const decided = money('decidedEuState', 'decidedPublic', 'decidedTotal', 'missing');
    const realised = { ...money('realisedEuState', 'realisedPublic', 'realisedTotal', 'zero'), euCents: cents('realisedEu', 'null') };
    const statusWord = text('status');
    const status = statusWord === '' ? null : statusOf(statusWord);
    if (statusWord !== '' && status === null && !unknownStatus.has(statusWord)) unknownStatus.set(statusWord, r.row);
    const groupCode = text('groupCode');
    return {
      code: wanted.get(key) ?? code,
      groupCode: groupCode === '' ? null : groupCode,
      fund: fundOf(text('fund'), code),
      name,
      implementer,
      status,
      statusWord: statusWord === '' ? null : statusWord,
      startDate,
      endDate,
      decided,
      realised,
      source: { file, sheet: r.sheet, row: r.row },
    };
  };

  const onData = (r: SheetRow): void => {
    counts.rowsRead++;
    const codeCell = r.cells[col.get('code') ?? -1] ?? EMPTY;
    const code = (codeCell.kind === 'text' ? codeCell.text : shown(codeCell)).trim();
    const listed = code !== '' && wanted.has(code.toUpperCase());
    if (!listed && !isProjectCode(code)) {
      counts.rowsNotData++;
      if (pendingNotData.count++ === 0) pendingNotData.first = r.row;
      return;
    }
    if (pendingNotData.count > 0) {
      if (amidNotData.count === 0) amidNotData.first = pendingNotData.first;
      amidNotData.count += pendingNotData.count;
      pendingNotData = { count: 0, first: 0 };
    }
    if (!listed) {
      counts.rowsLeftOut++;
      return;
    }
    try {
      projects.push(read(r));
      counts.rowsUsed++;
    } catch (err) {
      if (!(err instanceof RowRejected)) throw err;
      counts.rowsRejected++;
      rejected.push({ file, sheet: r.sheet, row: r.row, project: wanted.get(code.toUpperCase()) ?? code, column: err.column, code: err.problem.code, reason: describeEuraRowProblem(err.problem, lang) });
    }
  };

  const isBlank = (r: SheetRow): boolean => r.cells.every((c) => c.kind === 'empty' || (c.kind === 'text' && c.text.trim() === ''));
  for await (const r of rows) {
    if (sheet !== null && r.sheet !== sheet) break; // the export is one sheet; later sheets are not read
    if (isBlank(r)) continue;
    if (sheet !== null) {
      onData(r);
      continue;
    }
    if (searching === null || searching.sheet !== r.sheet) searching = { sheet: r.sheet, seen: 0 };
    if (searching.seen >= HEADER_SEARCH_ROWS) continue; // not this sheet: skip to the next
    searching.seen++;
    if (onHeader(r)) aboveHeader = searching.seen - 1;
  }
  if (sheet === null) return null;

  counts.footerRows = pendingNotData.count;
  counts.rowsAboveHeader = aboveHeader;
  const warn = (w: Omit<EuraWarning, 'file' | 'sheet'>): void => void warnings.push({ file, sheet: sheet ?? '', ...w });
  for (const [value, row] of unknownStatus) {
    warn({ code: 'W_EURA_UNKNOWN_STATUS', row, message: describeEuraNotice({ code: 'W_EURA_UNKNOWN_STATUS', value, known: [...EURA_STATUS_WORDS.keys()] }, lang) });
  }
  if (amidNotData.count > 0) {
    const n = { code: 'W_EURA_ROWS_NOT_DATA', count: amidNotData.count, firstRow: amidNotData.first } as const;
    warn({ code: n.code, row: n.firstRow, message: describeEuraNotice(n, lang) });
  }
  const notFound = [...wanted].filter(([key]) => !firstRowOf.has(key)).map(([, c]) => c).sort();
  const groups: Record<string, string[]> = {};
  for (const p of projects) if (p.groupCode !== null) (groups[p.groupCode] ??= []).push(p.code);
  return { file, sheet, headerRow, columns, projects, rejected, warnings, counts, notFound, groups };
}

/** Where one value of a project came from: its row, the column's header and the cell (`N7`); null for a column the export lacks. */
export function euraCellSource(exp: Pick<EuraExport, 'columns'>, project: Pick<EuraProject, 'source'>, field: EuraField): CellSource | null {
  const c = exp.columns[field];
  return c === undefined ? null : { ...project.source, column: c.header, cell: `${c.letter}${project.source.row}` };
}
