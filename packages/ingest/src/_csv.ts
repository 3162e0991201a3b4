// One CSV file, streamed: csv-parse with array records, every line end ending a row, physical line
// numbers.
//
// LF, CRLF and CR each end a row anywhere in a file: `toUtf8` makes each one LF before csv-parse sees
// the bytes, so rows appended with `echo >>` to an Excel file, or a file whose line ends change
// halfway, are read row by row. Line numbers are the ones an editor shows (each of LF, CRLF and CR is
// one line). They are counted here, not taken from csv-parse's `info.lines`, which gives the line
// where a record ENDS. Blank lines are kept as records (skip_empty_lines: false) so that every
// physical line passes through this counter, and the line breaks inside a record's values are added.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { Dialect } from './_decode.ts';
import { toUtf8 } from './_decode.ts';

/** A value longer than this is a runaway quote, not data; csv-parse stops and we fail the file. */
export const MAX_RECORD_CHARS = 1_000_000;


export interface CsvHandler {
  /** The first non-blank record. May throw (an IngestError for a missing column). */
  header(fields: string[], line: number): void;
  /** Every later non-blank record, with the physical line where it starts and how many lines it spans. */
  record(fields: string[], line: number, span: number): void;
  /** A quote opened on `line` and never closed: the rest of the file is one unusable record. */
  quoteNotClosed(line: number): void;
  /** csv-parse gave up at `line` (a runaway quote over MAX_RECORD_CHARS). */
  unreadable(line: number, error: Error): never;
  /** A line that holds nothing but control characters (a trailing Ctrl-Z): skipped like a blank line. */
  controlLine?(line: number, chars: string[]): void;
  /** Each chunk of the file's bytes as it is read, in order: for progress bars and the file's hash. */
  chunk?(bytes: Buffer): void;
  /** The parse reached the end: `nextLine` is the physical line after the last record. */
  end?(nextLine: number): void;
}

/**
 * Where the reading of a range stands: `position` is the byte after the last one handed to csv-parse,
 * and `end` may be moved nearer while the range is read (its rest split off, to be read by another
 * thread): no byte from `end` on is handed on, however far the file was read ahead.
 */
export interface RangeCursor {
  end: number;
  position: number;
}

async function* tapChunks(src: AsyncIterable<Buffer>, handler: CsvHandler, cursor?: RangeCursor): AsyncIterable<Buffer> {
  for await (const read of src) {
    let chunk = read;
    if (cursor) {
      const room = cursor.end - cursor.position;
      if (room <= 0) return;
      if (chunk.length > room) chunk = chunk.subarray(0, room);
      cursor.position += chunk.length;
    }
    handler.chunk?.(chunk);
    yield chunk;
  }
}

/** Line breaks inside a value: CRLF, CR and LF each count as one. */
export function countBreaks(s: string): number {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) n++;
  }
  return n;
}

// Controls a line may hold and still be blank: a trailing Ctrl-Z (DOS end of file), NULs.
const CONTROLS_ONLY = /^[\s\u0000-\u001f\u007f]*$/;

/** Whether a record is blank: empty fields, spaces, or nothing but control characters. */
function blankness(fields: string[]): 'not' | 'blank' | 'controls' {
  let controls = false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] ?? '';
    if (f.trim() === '') continue;
    if (!CONTROLS_ONLY.test(f)) return 'not';
    controls = true;
  }
  return controls ? 'controls' : 'blank';
}

/**
 * A byte range of a CSV file that starts at the beginning of a record, after the header: one part of a
 * large file read in parts (see `parts/`). Its records are all data records.
 */
export interface CsvRange {
  /** First byte (the start of a record) and the byte after the last. */
  start: number;
  end: number;
  /** Physical line of the record at `start`. */
  firstLine: number;
  dialect: Dialect;
}

/**
 * Streams one CSV file (already sniffed: `dialect`) through `handler`. Resolves with whether a header
 * was found (false: the file has no non-blank record). Memory stays flat: the file is read in 64 KiB
 * chunks and records are handed on one by one. With `range`, only that part of the file is read, and
 * every record in it is a data record; with `cursor` too (starting at `range.start`), the reading
 * stops at `cursor.end`, wherever that has moved to by then.
 */
export async function streamCsv(path: string, dialect: Dialect, handler: CsvHandler, range?: CsvRange, cursor?: RangeCursor): Promise<boolean> {
  const parser = parse({
    delimiter: dialect.delimiter,
    bom: false, // dropped by toUtf8, whatever the encoding
    relax_quotes: true, // `5 "tuumaa"` inside an unquoted value is text, as Excel means it
    relax_column_count: true, // rows with a wrong field count are rejected by us, with their line
    skip_empty_lines: false, // blank lines must pass the line counter
    max_record_size: MAX_RECORD_CHARS,
    record_delimiter: '\n', // every line end was made LF
  });
  let line = range ? range.firstLine : 1; // physical line where the next record starts
  let seenHeader = range !== undefined;
  let sepLine = range === undefined && dialect.sepLine;
  let failure: unknown = null;
  // csv-parse's own line counter cannot give line numbers (above), but it does tell which records
  // hold no line break at all: between two records it advances by exactly one (the record's own
  // line end, counted when the next record starts). Only the others are scanned field by field.
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
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as string;
        if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) breaks += countBreaks(f);
      }
    }
    line = start + 1 + breaks;
    try {
      if (sepLine) {
        sepLine = false; // Excel's `sep=;` line: not a record
        return;
      }
      // A blank line, or one of only separators (`;;;;`, as Excel writes for an emptied row), is not a
      // row: skipped, not counted. So is a line of control characters only, with a note.
      const f0 = fields[0] as string;
      const c0 = f0.charCodeAt(0); // NaN for ''
      if (!(c0 > 32 && c0 < 127)) {
        // (the usual row starts with a visible ASCII character and is surely not blank)
        const blank = fields.length === 1 && f0 === '' ? 'blank' : blankness(fields);
        if (blank === 'controls') handler.controlLine?.(start, [...new Set(fields.join('').replace(/\s/g, ''))]);
        if (blank !== 'not') return;
      }
      if (seenHeader) handler.record(fields, start, 1 + breaks);
      else {
        seenHeader = true;
        handler.header(fields, start);
      }
    } catch (err) {
      failure = err;
      parser.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  });
  const handle = await open(path, 'r');
  try {
    await pipeline(
      handle.createReadStream(range ? { start: range.start, end: range.end - 1, autoClose: false } : { start: 0, autoClose: false }),
      (src: AsyncIterable<Buffer>) => toUtf8(tapChunks(src, handler, range && cursor), dialect, range === undefined),
      parser,
    );
    handler.end?.(line);
  } catch (err) {
    if (failure !== null) throw failure;
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED' && seenHeader) handler.quoteNotClosed(line);
    else if (err instanceof CsvError) handler.unreadable(line, err);
    else throw err;
  } finally {
    await handle.close();
  }
  return seenHeader;
}

/**
 * How many non-blank physical lines of a file come after `line`, and the last line: the rows a quote
 * opened on `line` and never closed made part of one value. Read again from the start, only then.
 */
export async function rowsAfter(path: string, dialect: Dialect, line: number): Promise<{ rows: number; lastLine: number }> {
  let current = 1;
  let blank = true;
  let rows = 0;
  let lastWasCr = false;
  const separator = dialect.delimiter.charCodeAt(0);
  const endLine = () => {
    if (current > line && !blank) rows++;
    current++;
    blank = true;
  };
  for await (const chunk of toUtf8(createReadStream(path) as AsyncIterable<Buffer>, dialect, true)) {
    const text = chunk.toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 && lastWasCr) {
        lastWasCr = false;
        continue; // the LF of a CRLF: the line already ended
      }
      lastWasCr = c === 13;
      if (c === 10 || c === 13) endLine();
      else if (blank && c > 32 && c !== separator && !(c >= 127 && c <= 160)) blank = false;
    }
  }
  if (!blank) endLine();
  return { rows, lastLine: current - 1 };
}
