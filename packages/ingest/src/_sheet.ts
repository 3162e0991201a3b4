// A contract file saved as a workbook (`funding.xlsx` for `funding.csv`): the first sheet's rows, as
// @ekoraportti/ingest-eura gives them in the contract's notations, through the same header check and
// row rules as a CSV file, so the same rows are used or rejected for the same reasons. Rows are Excel's
// row numbers where a CSV file has lines; rejections and warnings name the workbook and its sheet.

import { join } from 'node:path';
import type { DataWarning, InputFile, Rejection } from '@ekoraportti/core';
import { SHEET_PHRASES } from '@ekoraportti/core';
import type { AcceptedRows } from './_accepted.ts';
import { FileAccount } from './_account.ts';
import type { ReadConfig } from './_config.ts';
import { IngestError } from './_errors.ts';
import type { FileRead } from './_file.ts';
import { hashFile, stepFor } from './_file.ts';
import { readHeader } from './_records.ts';

/** A rejected row or warning of a workbook: its file is the workbook, with its sheet. */
export function inWorkbook<T extends Rejection | DataWarning>(x: T, workbook: FileRead['workbook']): T {
  return workbook === null ? x : { ...x, file: workbook.file, sheet: workbook.sheet };
}

/** Reads the first sheet of the workbook `name`, holding contract file `file`'s rows. */
export async function readSheetWhole(
  dir: string,
  file: InputFile,
  name: string,
  cfg: ReadConfig,
  accepted: AcceptedRows,
  euraPossible: boolean,
): Promise<FileRead> {
  const { openSheetRows } = await import('@ekoraportti/ingest-eura');
  const path = join(dir, name);
  const m = SHEET_PHRASES[cfg.lang];
  const source = await openSheetRows(path, { lang: cfg.lang, file: name });
  const workbook = { file: name, sheet: source.sheet };
  const onRejected = cfg.onRejected;
  const account = new FileAccount(file, m, { keep: cfg.keep, ...(onRejected ? { onRejected: (r: Rejection) => onRejected(inWorkbook(r, workbook)) } : {}) });
  // A sheet has no separator: the header's width is its number of cells.
  const h = readHeader(file, source.header, source.headerRow, { delimiter: ';', encoding: 'utf8' }, m, account.notes, name);
  if (h.absent.length > 0) {
    await source.close();
    throw new IngestError('E_MISSING_COLUMN', m.missingColumns(name, h.absent, h.header.names.filter((n) => n !== '')), file);
  }
  const step = stepFor(file, h.header, cfg, accepted, account, euraPossible);
  for await (const r of source.records) step(r.fields, r.row, 1);
  cfg.onProgress?.({ file, rows: account.counts.rowsRead, bytes: 0, done: true });
  return { account, headerWarnings: h.warnings, sha256: await hashFile(path), parts: 1, threads: 1, workbook };
}
