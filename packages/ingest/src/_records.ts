// The two steps every file goes through, whether it is read whole or in parts on several threads:
// reading its header into column indexes, and turning each later record into a used or rejected row.

import type { DataWarning, InputCounts, InputFile, Rejection } from '@ekoraportti/core';
import type { Messages } from './_messages.ts';
import type { ColumnIndex, RowValidator } from './_rows.ts';
import { COLUMNS } from './_rows.ts';

/** A file's header as the row validators use it. */
export interface Header {
  /** Trimmed, case-folded names in file order. */
  names: string[];
  /** Number of fields of the header record: rows must have as many (empty extra fields aside). */
  width: number;
  /** Contract column → field index; -1 for an optional column the file does not have. */
  idx: ColumnIndex;
  delimiter: string;
}

/** Header names are matched after trimming and case-folding; a BOM never sticks to the first one. */
const headerName = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase();

/**
 * Reads a header record: column indexes, warnings for unknown and repeated columns, and the contract
 * columns it lacks (the caller fails the file when there are any).
 */
export function readHeader(
  file: InputFile,
  fields: readonly string[],
  line: number,
  delimiter: string,
  m: Messages,
): { header: Header; warnings: DataWarning[]; absent: string[] } {
  const { required, optional } = COLUMNS[file];
  const names = fields.map(headerName);
  const warnings: DataWarning[] = [];
  const idx: Record<string, number> = {};
  const known = new Set([...required, ...optional]);
  names.forEach((name, i) => {
    if (name === '') return; // an empty trailing header cell, as Excel writes after a last `;`
    const shown = (fields[i] ?? '').replace(/^\uFEFF/, '').trim();
    if (idx[name] !== undefined) {
      warnings.push({ file, line, column: shown, message: m.duplicateColumn(shown), code: 'W_DUPLICATE_COLUMN' });
      return;
    }
    idx[name] = i;
    if (!known.has(name)) {
      warnings.push({ file, line, column: shown, message: m.unknownColumn(shown, file), code: 'W_UNKNOWN_COLUMN' });
    }
  });
  const absent = required.filter((c) => idx[c] === undefined);
  for (const c of optional) if (idx[c] === undefined) idx[c] = -1;
  return { header: { names, width: fields.length, idx, delimiter }, warnings, absent };
}

/** More fields than the header is fine when the extra ones are empty (`a;b;c;;` from Excel). */
function fieldCountOk(fields: readonly string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

/**
 * The step for each data record: every record is counted as read and ends up used or rejected
 * (with its line, column and reason), so rowsRead = rowsUsed + rowsRejected.
 */
export function recordStep(
  file: InputFile,
  header: Header,
  validate: RowValidator,
  m: Messages,
  counts: InputCounts,
  rejected: Rejection[],
): (fields: string[], line: number) => void {
  const { names, width, delimiter } = header;
  return (fields, line) => {
    counts.rowsRead++;
    if (fields.length !== width && !fieldCountOk(fields, width)) {
      const short = fields.length < width;
      counts.rowsRejected++;
      rejected.push({
        file,
        line,
        column: short ? names[fields.length] || m.extraColumnName(fields.length + 1) : m.extraColumnName(width + 1),
        reason: short ? m.fewerFields(fields.length, width, delimiter) : m.moreFields(fields.length, width, delimiter),
        code: 'E_FIELD_COUNT',
      });
      return;
    }
    const p = validate(fields, line);
    if (p === null) counts.rowsUsed++;
    else {
      counts.rowsRejected++;
      rejected.push({ file, line, column: p.column, reason: p.reason, code: p.code });
    }
  };
}
