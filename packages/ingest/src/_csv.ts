// One CSV file, streamed: dialect sniffing, csv-parse with array records, physical line numbers.
//
// Line numbers are counted here, not taken from csv-parse's `info.lines`: that counter gives the line
// where a record ENDS and counts a CRLF inside a quoted value twice (checked with csv-parse 6.2.0),
// which shifts every later row. We keep blank lines as records (skip_empty_lines: false) so that every
// physical line passes through this counter, and add the line breaks inside a record's values.

import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { Dialect } from './_decode.ts';
import { sniffDialect, toUtf8 } from './_decode.ts';

/** A value longer than this is a runaway quote, not data; csv-parse stops and we fail the file. */
export const MAX_RECORD_CHARS = 1_000_000;

export interface CsvHandler {
  /** The first non-blank record. May throw (an IngestError for a missing column). */
  header(fields: string[], line: number, dialect: Dialect): void;
  /** Every later non-blank record with the physical line where it starts. Must not throw on bad data. */
  record(fields: string[], line: number): void;
  /** A quote opened on `line` and never closed: the rest of the file is one unusable record. */
  quoteNotClosed(line: number): void;
  /** csv-parse gave up at `line` (a runaway quote over MAX_RECORD_CHARS). */
  unreadable(line: number, error: Error): never;
  /** Each chunk of the file's bytes as it is read, in order: for progress bars and the file's hash. */
  chunk?(bytes: Buffer): void;
  /** The parse reached the end: `nextLine` is the physical line after the last record. */
  end?(nextLine: number): void;
}

async function* tapChunks(src: AsyncIterable<Buffer>, handler: CsvHandler): AsyncIterable<Buffer> {
  for await (const chunk of src) {
    handler.chunk?.(chunk);
    yield chunk;
  }
}

/** Line breaks inside a value: CRLF, CR and LF each count as one. */
export function countBreaks(s: string, isLastField: boolean): number {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 13) {
      // A trailing CR of the last field is the first half of a CRLF ending in a file whose first
      // line ended in LF alone; it ends this line, it does not start another.
      if (isLastField && i === len - 1) break;
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) n++;
  }
  return n;
}

function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

/**
 * A byte range of a CSV file that starts at the beginning of a record, after the header: one part of a
 * large file read in parts (see `_parts.ts`). Its records are all data records.
 */
export interface CsvRange {
  /** First byte (the start of a record) and the byte after the last. */
  start: number;
  end: number;
  /** Physical line of the record at `start`. */
  firstLine: number;
  dialect: Dialect;
  /** The file's line break as csv-parse found it on the first line; every later record ends with it. */
  recordDelimiter: string;
}

/**
 * Streams one CSV file through `handler`. Resolves with the dialect, or null when the file is empty.
 * Memory stays flat: the file is read in 64 KiB chunks and records are handed on one by one.
 * With `range`, only that part of the file is read, and every record in it is a data record.
 */
export async function streamCsv(path: string, handler: CsvHandler, range?: CsvRange): Promise<Dialect | null> {
  const handle = await open(path, 'r');
  try {
    const dialect = range ? range.dialect : await sniffDialect(handle);
    if (dialect === null) return null;
    const parser = parse({
      delimiter: dialect.delimiter,
      bom: false, // stripped by toUtf8, whatever the encoding
      relax_quotes: true, // `5 "tuumaa"` inside an unquoted value is text, as Excel means it
      relax_column_count: true, // rows with a wrong field count are rejected by us, with their line
      skip_empty_lines: false, // blank lines must pass the line counter
      max_record_size: MAX_RECORD_CHARS,
      ...(range ? { record_delimiter: range.recordDelimiter } : {}),
    });
    let line = range ? range.firstLine : 1; // physical line where the next record starts
    let seenHeader = range !== undefined;
    let failure: unknown = null;
    // csv-parse's own line counter cannot give line numbers (above), but it does tell which records
    // hold no line break at all: between two records it advances by exactly one (the record's own
    // line break, counted when the next record starts). Only the others are scanned field by field.
    let parserLines = parser.info.lines;
    let firstRecord = true;
    parser.on('data', (fields: string[]) => {
      if (failure !== null) return;
      const start = line;
      const advanced = parser.info.lines - parserLines;
      parserLines = parser.info.lines;
      let breaks = 0;
      if (advanced !== 1 || firstRecord) {
        firstRecord = false;
        const last = fields.length - 1;
        for (let i = 0; i <= last; i++) {
          const f = fields[i] as string;
          if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) breaks += countBreaks(f, i === last);
        }
      }
      line = start + 1 + breaks;
      // A blank line, or one of only separators (`;;;;`, as Excel writes for an emptied row),
      // is not a row: skipped, not counted.
      const f0 = fields[0] as string;
      const c0 = f0.charCodeAt(0); // NaN for ''
      if (c0 > 32 && c0 < 127) {
        // the usual row: its first field starts with a visible ASCII character, so it is not blank
      } else if ((fields.length === 1 && f0 === '') || isBlank(fields)) return;
      try {
        if (seenHeader) handler.record(fields, start);
        else {
          seenHeader = true;
          handler.header(fields, start, dialect);
        }
      } catch (err) {
        failure = err;
        parser.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    });
    try {
      await pipeline(
        handle.createReadStream(
          range ? { start: range.start, end: range.end - 1, autoClose: false } : { start: 0, autoClose: false },
        ),
        (src: AsyncIterable<Buffer>) => toUtf8(tapChunks(src, handler), dialect),
        parser,
      );
      handler.end?.(line);
    } catch (err) {
      if (failure !== null) throw failure;
      if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED') {
        if (seenHeader) handler.quoteNotClosed(line);
        else handler.unreadable(line, err);
      } else if (err instanceof CsvError) {
        handler.unreadable(line, err);
      } else throw err;
    }
    if (!seenHeader) return null;
    return dialect;
  } finally {
    await handle.close();
  }
}
