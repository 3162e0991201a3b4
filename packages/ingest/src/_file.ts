// Reading one file whole, on this thread: recognise what it is, stream its records through the file's
// rules, and account for every row.

import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataWarning, InputFile } from '@ekoraportti/core';
import type { AcceptedRows } from './_accepted.ts';
import { FileAccount } from './_account.ts';
import type { ReadConfig } from './_config.ts';
import { rowsAfter, streamCsv } from './_csv.ts';
import type { Dialect } from './_decode.ts';
import { sniffDialect } from './_decode.ts';
import { IngestError } from './_errors.ts';
import type { Header } from './_records.ts';
import { readHeader, recordStep } from './_records.ts';
import type { RowContext } from './_rows.ts';
import { assessmentsRules, COLUMNS, fundingRules, indicatorsRules, projectsRules } from './_rows.ts';
import { DateCache } from './_values.ts';
import { PROGRESS_EVERY } from './parts/_part.ts';

/** What reading one file gave. */
export interface FileRead {
  account: FileAccount;
  /** Warnings about the header line. */
  headerWarnings: DataWarning[];
  /** Null for a file read in parts: hashed when the hashes are asked for. */
  sha256: string | null;
  parts: number;
  threads: number;
  /** A contract file read from a workbook: its name and the sheet; null for a CSV file. */
  workbook: { file: string; sheet: string } | null;
}

/** The account a file's rows go to, with the reading's rejected-row sink. */
export const newAccount = (file: InputFile, cfg: ReadConfig, bytes = 0): FileAccount =>
  new FileAccount(file, cfg.m, { keep: cfg.keep, ...(cfg.onRejected ? { onRejected: cfg.onRejected } : {}) }, bytes);

/**
 * The step for each record of `file`, with that file's rules, in the words of `m` (a CSV file's or a
 * workbook's); `euraPossible`: projects.csv rows may leave fields to an EURA export.
 */
export function stepFor(file: InputFile, header: Header, cfg: ReadConfig, accepted: AcceptedRows, account: FileAccount, euraPossible = false) {
  const c: RowContext = {
    m: account.m,
    asOf: cfg.asOf,
    ids: accepted.projectIds,
    notes: account.notes,
    dates: new DateCache(),
    euraPossible,
    projectsFile: accepted.names.get('projects.csv') ?? 'projects.csv',
  };
  const idx = header.idx;
  switch (file) {
    case 'projects.csv':
      return recordStep(file, header, projectsRules(c, idx, cfg.agreement, accepted), account);
    case 'funding.csv':
      return recordStep(file, header, fundingRules(c, idx, accepted), account);
    case 'indicators.csv':
      return recordStep(file, header, indicatorsRules(c, idx, { kpiLimits: cfg.kpiLimits, emit: cfg.onObservation, delimiter: header.delimiter }), account);
    case 'assessments.csv':
      return recordStep(file, header, assessmentsRules(c, idx, cfg.agreement, accepted), account);
  }
}

/**
 * What the first bytes of a file say, or the IngestError that stops the reading: an Excel workbook saved
 * under the CSV's name (the message says how to save it as CSV), a binary file, an empty one.
 */
export async function fileDialect(path: string, file: InputFile, cfg: ReadConfig): Promise<Dialect> {
  const handle = await open(path, 'r');
  try {
    const sniffed = await sniffDialect(handle);
    if (sniffed.kind === 'workbook') throw new IngestError('E_WORKBOOK', cfg.m.workbook(file), file);
    if (sniffed.kind === 'binary') throw new IngestError('E_NOT_TEXT', cfg.m.notText(file), file);
    if (sniffed.kind === 'empty') throw new IngestError('E_EMPTY_FILE', cfg.m.emptyFile(file, COLUMNS[file].required), file);
    return sniffed.dialect;
  } finally {
    await handle.close();
  }
}

/** Reads one file whole, on this thread. */
export async function readFileWhole(dir: string, file: InputFile, cfg: ReadConfig, accepted: AcceptedRows, size: number, euraPossible = false): Promise<FileRead> {
  const path = join(dir, file);
  const m = cfg.m;
  const account = newAccount(file, cfg, size);
  let headerWarnings: DataWarning[] = [];
  let step: (fields: string[], line: number, span: number) => void = () => {};
  let bytes = 0;
  let quoteOpenedOn: number | null = null;
  const hash = createHash('sha256');
  const progress = cfg.onProgress;
  try {
    const dialect = await fileDialect(path, file, cfg);
    const found = await streamCsv(path, dialect, {
      header(fields, line) {
        const h = readHeader(file, fields, line, dialect, m, account.notes);
        headerWarnings = h.warnings;
        if (h.absent.length > 0) throw new IngestError('E_MISSING_COLUMN', m.missingColumns(file, h.absent, h.header.names.filter((n) => n !== '')), file);
        step = stepFor(file, h.header, cfg, accepted, account, euraPossible);
      },
      chunk(buf) {
        bytes += buf.length;
        hash.update(buf);
      },
      record(fields, line, span) {
        step(fields, line, span);
        if (progress && account.counts.rowsRead % PROGRESS_EVERY === 0) progress({ file, rows: account.counts.rowsRead, bytes, done: false });
      },
      controlLine(line, chars) {
        account.notes.add('control', '', line, { chars });
      },
      quoteNotClosed(line) {
        quoteOpenedOn = line;
      },
      unreadable(line) {
        throw new IngestError('E_UNREADABLE', m.recordTooLong(file, line), file);
      },
    });
    if (!found) throw new IngestError('E_EMPTY_FILE', m.emptyFile(file, COLUMNS[file].required), file);
    if (quoteOpenedOn !== null) {
      // The rest of the file became one value: that record is rejected, the rows after it were not read.
      const start: number = quoteOpenedOn;
      const after = await rowsAfter(path, dialect, start);
      account.reject(start, '', 'E_QUOTE_NOT_CLOSED', m.quoteNotClosed(start, after.rows));
      if (after.rows > 0) account.lose({ from: start, to: after.lastLine, count: after.rows });
    }
  } catch (err) {
    if (err instanceof IngestError || !isFsError(err)) throw err;
    throw new IngestError('E_UNREADABLE', m.unreadable(file, err.message), file);
  }
  progress?.({ file, rows: account.counts.rowsRead, bytes, done: true });
  // A quote never closed can end the parse before the last byte: then hash the file on its own.
  return { account, headerWarnings, sha256: bytes === size ? hash.digest('hex') : await hashFile(path), parts: 1, threads: 1, workbook: null };
}

/**
 * sha256 of a file's bytes, read into one buffer used again for each 1 MiB: a read stream makes a
 * new buffer for every chunk, and hashing a national-scale indicators.csv (58 MB) that way took three
 * times the CPU (about 0.2 s against 0.06 s), while the PDF thread draws beside it.
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const file = await open(path);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err;
}
