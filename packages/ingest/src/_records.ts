// The two steps every file goes through, whether it is read whole or in parts on several threads:
// reading its header into column indexes, and turning each later record into a used or rejected row
// (or, for a record a runaway quote made of many lines, a rejected row and rows not read).

import type { DataWarning, IngestPhrases, InputFile } from '@ekoraportti/core';
import { withoutHidden } from '@ekoraportti/core';
import type { FileAccount } from './_account.ts';
import type { Dialect, Encoding } from './_decode.ts';
import { utf8ReadAs1252 } from './_decode.ts';
import type { FileNotes } from './_notes.ts';
import type { ColumnIndex, FileRules } from './_rows.ts';
import { COLUMNS, RowProblem } from './_rows.ts';

/** A file's header as the row rules use it. */
export interface Header {
  /** Trimmed, case-folded names in file order. */
  names: string[];
  /** Number of fields of the header record: rows must have as many (empty extra fields aside). */
  width: number;
  /** Contract column → field index; -1 for an optional column the file does not have. */
  idx: ColumnIndex;
  delimiter: string;
  /** The file's encoding: records of a Windows-1252 file are checked for UTF-8 read as Windows-1252. */
  encoding: Encoding;
}

/**
 * Reads a header record: column indexes, warnings for unknown and repeated columns, and the contract
 * columns it lacks (the caller fails the file when there are any). Names are matched trimmed and
 * case-folded, without hidden characters (noted); a BOM never sticks to the first one.
 */
export function readHeader(
  file: InputFile,
  fields: readonly string[],
  line: number,
  dialect: Pick<Dialect, 'delimiter' | 'encoding'>,
  m: IngestPhrases,
  notes: FileNotes,
  /** How the file is named in messages, when not by its contract name (`funding.xlsx`). */
  shownAs: string = file,
): { header: Header; warnings: DataWarning[]; absent: string[] } {
  const { required, optional } = COLUMNS[file];
  const shown = fields.map((f) => {
    const { text, removed } = withoutHidden(f.replace(/^\uFEFF/, ''), 'hidden');
    const noted = removed.filter((c) => c !== '\t' && c !== '\r' && c !== '\n');
    if (noted.length > 0) notes.add('hidden', text.trim(), line, { chars: noted, example: f });
    return text.trim();
  });
  const names = shown.map((s) => s.toLowerCase());
  const warnings: DataWarning[] = [];
  const idx: Record<string, number> = {};
  const known = new Set([...required, ...optional]);
  names.forEach((name, i) => {
    if (name === '') return; // an empty trailing header cell, as Excel writes after a last `;`
    const column = shown[i] as string;
    if (idx[name] !== undefined) {
      warnings.push({ file, line, column, message: m.duplicateColumn(column), code: 'W_DUPLICATE_COLUMN' });
      return;
    }
    idx[name] = i;
    if (!known.has(name)) warnings.push({ file, line, column, message: m.unknownColumn(column, shownAs), code: 'W_UNKNOWN_COLUMN' });
  });
  const absent = required.filter((c) => idx[c] === undefined);
  for (const c of optional) if (idx[c] === undefined) idx[c] = -1;
  return { header: { names, width: fields.length, idx, delimiter: dialect.delimiter, encoding: dialect.encoding }, warnings, absent };
}

/** More fields than the header is fine when the extra ones are empty (`a;b;c;;` from Excel). */
function fieldCountOk(fields: readonly string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

const BREAK = /\r\n|\r|\n/;

/** Whether a line, split at the separator, gives a row's number of fields (trailing empty ones aside). */
function fitsRow(line: string, delimiter: string, width: number): boolean {
  const fields = line.split(delimiter);
  let n = fields.length;
  while (n > width && (fields[n - 1] as string).trim() === '') n--;
  return n === width;
}

/**
 * A record spanning lines is a runaway quote when a quoted value in it runs over a line that would
 * fit a row: a line of the value, with the fields that follow it on its last line, gives the header's
 * number of fields, and the value's own part of that line starts with a value and holds a separator
 * (so a note of several lines whose last line is followed by the row's other fields is not one). The record's other non-blank lines
 * were rows swallowed into the value. Returns the value's field and how many rows were swallowed, or
 * null for a value that merely holds line breaks.
 */
function runaway(fields: readonly string[], header: Header): { field: number; swallowed: number } | null {
  const { delimiter, width } = header;
  let field = -1;
  for (let i = 0; i < fields.length && field < 0; i++) {
    const lines = (fields[i] as string).split(BREAK);
    for (let k = 1; k < lines.length; k++) {
      const own = lines[k] as string;
      // The value's own part of the line must hold a separator and start like a row, with a value.
      if (!own.includes(delimiter) || (own.split(delimiter)[0] as string).trim() === '') continue;
      const following = k === lines.length - 1 ? fields.slice(i + 1) : [];
      const after = following.length > 0 ? (following.join(delimiter).split(BREAK)[0] as string) : null;
      if (fitsRow(after === null ? own : `${own}${delimiter}${after}`, delimiter, width)) {
        field = i;
        break;
      }
    }
  }
  if (field < 0) return null;
  const lines = fields.join(delimiter).split(BREAK);
  let swallowed = 0;
  for (let k = 1; k < lines.length; k++) if ((lines[k] as string).split(delimiter).some((f) => f.trim() !== '')) swallowed++;
  return { field, swallowed };
}

/**
 * The step for each data record (`span`: the physical lines it covers). Every record is counted as
 * read and ends up used or rejected, with its line, column and reason: rowsRead = rowsUsed +
 * rowsRejected. A row that repeats an earlier one is rejected; one that shares its key is used and
 * warned about. Rows a runaway quote swallowed are counted as not read.
 */
export function recordStep<R>(
  file: InputFile,
  header: Header,
  rules: FileRules<R>,
  account: FileAccount,
): (fields: string[], line: number, span: number) => void {
  const { names, width, delimiter } = header;
  const m = account.m;
  const keyColumn = COLUMNS[file].required[0] as string;
  const valueColumn = COLUMNS[file].required.at(-1) as string;
  const columnName = (i: number): string => names[i] || m.extraColumnName(i + 1);
  const win1252 = header.encoding === 'win1252';
  return (fields, line, span) => {
    if (win1252) {
      for (const f of fields) {
        const misread = utf8ReadAs1252(f);
        if (misread !== null) {
          account.notes.add('mixedEncoding', '', line, { example: misread });
          break;
        }
      }
    }
    if (span > 1) {
      const r = runaway(fields, header);
      if (r !== null) {
        const end = line + span - 1;
        account.rejectLined(line, columnName(r.field), { code: 'E_RUNAWAY_QUOTE', column: columnName(r.field), start: line, end, notRead: r.swallowed });
        account.lose({ from: line, to: end, count: r.swallowed });
        rules.refused?.(fields, line);
        return;
      }
    }
    if (fields.length !== width && !fieldCountOk(fields, width)) {
      const short = fields.length < width;
      account.reject(
        line,
        short ? columnName(fields.length) : m.extraColumnName(width + 1),
        'E_FIELD_COUNT',
        short ? m.fewerFields(fields.length, width, delimiter) : m.moreFields(fields.length, width, delimiter),
      );
      rules.refused?.(fields, line);
      return;
    }
    const row = rules.parse(fields, line);
    if (row instanceof RowProblem) {
      account.reject(line, row.column, row.code, row.reason);
      rules.refused?.(fields, line);
      return;
    }
    if (rules.hash) {
      rules.hash(row);
      const seen = account.hashes.add(line);
      if (seen.kind === 'same') {
        account.rejectLined(line, keyColumn, { code: 'E_DUPLICATE_ROW', firstLine: seen.line });
        return;
      }
      if (seen.kind === 'sameKey' && rules.sameKey) {
        account.warnLined(line, valueColumn, { code: 'W_SAME_KEY', key: rules.sameKey(row), firstLine: seen.line });
      }
    }
    rules.store(row);
    account.use();
  };
}
