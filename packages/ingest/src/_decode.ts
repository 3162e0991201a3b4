// Dialect detection and a streaming transcoder to the UTF-8 bytes csv-parse reads.
//
// Choice (documented in README): a file with a UTF-8 BOM, or whose first 64 KiB are valid UTF-8, is
// UTF-8; UTF-16 (BOM or NUL pattern) is decoded; anything else is Windows-1252 throughout. A UTF-8
// file passes through as raw bytes (each chunk only checked with the native `isUtf8`). If a later
// chunk of a "UTF-8" file holds bytes that are not valid UTF-8 (an ASCII-only first 64 KiB followed by
// Excel's cp1252 "ä", or two exports pasted together), only those bytes are read as Windows-1252, so
// "käynnissä" comes out right either way.

import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Encoding, FileFormat } from './_formats.ts';
import { incompleteTail, recogniseFormat } from './_formats.ts';

export type { Encoding };

export interface Dialect {
  encoding: Encoding;
  /** Length of the byte-order mark the file starts with (0 when none). */
  bom: number;
  /** `;` or `,` (or a tab, Excel's "Unicode text"), or what a `sep=` first line names. */
  delimiter: string;
  /** The first line is Excel's `sep=;`: not a record; the header is the next line. */
  sepLine: boolean;
}

export const SNIFF_BYTES = 64 * 1024;

/** Picks `;`, `,` or a tab by counting them outside quotes on the first line. Finnish Excel writes `;`. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  let semi = 0;
  let comma = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === '\n' || c === '\r') break;
      if (c === ';') semi++;
      else if (c === ',') comma++;
      else if (c === '\t') tab++;
    }
  }
  if (tab > semi && tab > comma) return '\t';
  return semi > comma ? ';' : ',';
}

/** Excel's first line naming the separator: `sep=;`. */
const SEP_LINE = /^sep=([^\r\n])(\r\n|\r|\n|$)/i;

/** What the first bytes of a file say: a workbook, a binary file, an empty file, or text in a dialect. */
export type Sniffed = { kind: 'workbook' } | { kind: 'binary' } | { kind: 'empty' } | { kind: 'text'; dialect: Dialect };

/** Decodes `bytes` (a whole chunk, not a stream) in `encoding`. */
function decodeChunk(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'win1252') return iconv.decode(Buffer.from(bytes), 'win1252');
  if (encoding === 'utf16le' || encoding === 'utf16be') return iconv.decode(Buffer.from(bytes), encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : decodeMixed(bytes);
}

/** Reads the first 64 KiB once to decide what the file is, and its encoding and separator. */
export async function sniffDialect(handle: FileHandle): Promise<Sniffed> {
  const buf = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
  const head = buf.subarray(0, bytesRead);
  const format: FileFormat = recogniseFormat(head, bytesRead < SNIFF_BYTES);
  if (format.kind !== 'text') return format;
  let body = head.subarray(format.bom);
  if (format.encoding === 'utf8' && bytesRead === SNIFF_BYTES) body = body.subarray(0, body.length - incompleteTail(body));
  if (format.encoding.startsWith('utf16')) body = body.subarray(0, body.length - (body.length % 2));
  const text = decodeChunk(body, format.encoding);
  if (text.trim() === '') return { kind: 'empty' };
  const sep = SEP_LINE.exec(text);
  const dialect: Dialect = sep
    ? { encoding: format.encoding, bom: format.bom, delimiter: sep[1] as string, sepLine: true }
    : { encoding: format.encoding, bom: format.bom, delimiter: sniffDelimiter(text), sepLine: false };
  return { kind: 'text', dialect };
}

/**
 * Decodes bytes that are UTF-8 where valid and Windows-1252 byte by byte where not. Only used for a
 * chunk of a UTF-8 file that failed `isUtf8`, so its speed does not matter.
 */
export function decodeMixed(b: Uint8Array): string {
  let out = '';
  let i = 0;
  let runStart = 0;
  const flush = (end: number): void => {
    if (end > runStart) out += Buffer.from(b.buffer, b.byteOffset + runStart, end - runStart).toString('utf8');
  };
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (need > 0 && i + need <= b.length && isUtf8(b.subarray(i, i + need))) {
      i += need;
      continue;
    }
    flush(i);
    out += iconv.decode(Buffer.from([c]), 'win1252');
    i++;
    runStart = i;
  }
  flush(b.length);
  return out;
}

/**
 * Turns the file's byte chunks into UTF-8 byte chunks for csv-parse, dropping a BOM so it never
 * becomes part of the first header name, and every line end made LF (see `lineEndsToLf`).
 * `skipBom`: the chunks start at the file's first byte.
 */
export function toUtf8(source: AsyncIterable<Buffer>, dialect: Dialect, skipBom: boolean): AsyncGenerator<Buffer> {
  return lineEndsToLf(decoded(source, dialect, skipBom));
}

const LF = Buffer.from([0x0a]);

/**
 * LF, CRLF and CR each end a line anywhere in a file: each becomes one LF, so csv-parse reads with the
 * single record delimiter `\n` (given all three, it parsed 7 % slower; this pass costs 3 %, measured
 * on a million CRLF rows). A line break inside a quoted value is returned as `\n` either way. A chunk
 * without a CR (an LF file) passes as it is; a CR that ends a chunk waits for the next.
 */
export async function* lineEndsToLf(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pendingCr = false;
  for await (const raw of source) {
    let chunk = raw;
    if (chunk.length === 0) continue;
    if (pendingCr) {
      pendingCr = false;
      if (chunk[0] !== 0x0a) yield LF; // a lone CR; before an LF the CR is simply dropped
    }
    if (chunk.indexOf(0x0d) === -1) {
      yield chunk;
      continue;
    }
    if (chunk[chunk.length - 1] === 0x0d) {
      pendingCr = true;
      chunk = chunk.subarray(0, chunk.length - 1);
    }
    // Line ends are ASCII: in UTF-8 bytes seen as Latin-1 they are found and replaced, the rest is kept byte for byte.
    yield Buffer.from(chunk.toString('latin1').replace(/\r\n?/g, '\n'), 'latin1');
  }
  if (pendingCr) yield LF;
}

async function* decoded(source: AsyncIterable<Buffer>, dialect: Dialect, skipBom: boolean): AsyncGenerator<Buffer> {
  let skip = skipBom ? dialect.bom : 0;
  const strip = (chunk: Buffer): Buffer => {
    if (skip === 0) return chunk;
    const n = Math.min(skip, chunk.length);
    skip -= n;
    return chunk.subarray(n);
  };
  if (dialect.encoding !== 'utf8') {
    // Windows-1252 decodes chunk by chunk; UTF-16 keeps a split code unit for the next chunk.
    const decoder = iconv.getDecoder(dialect.encoding === 'win1252' ? 'win1252' : dialect.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { stripBOM: false });
    for await (const raw of source) {
      const text = decoder.write(strip(raw));
      if (text !== '') yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.end();
    if (rest) yield Buffer.from(rest, 'utf8');
    return;
  }
  let carry: Buffer | null = null;
  for await (const raw of source) {
    let chunk: Buffer = carry ? Buffer.concat([carry, strip(raw)]) : strip(raw);
    carry = null;
    const tail = incompleteTail(chunk);
    if (tail > 0) {
      carry = Buffer.from(chunk.subarray(chunk.length - tail));
      chunk = chunk.subarray(0, chunk.length - tail);
    }
    if (chunk.length === 0) continue;
    yield isUtf8(chunk) ? chunk : Buffer.from(decodeMixed(chunk), 'utf8');
  }
  if (carry) yield Buffer.from(decodeMixed(carry), 'utf8');
}

/** The characters Windows-1252 gives for bytes 0x80–0xBF: how UTF-8 continuation bytes look when misread. */
const CONTINUATIONS = iconv.decode(Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)), 'win1252');
const MISREAD_UTF8 = new RegExp(`[\\u00c2-\\u00df][${CONTINUATIONS}]|[\\u00e0-\\u00ef][${CONTINUATIONS}]{2}`);

/**
 * In text decoded as Windows-1252, the first stretch that is really UTF-8 (`Ã¤` for `ä`, `â‚¬` for
 * `€`): part of the file was saved as UTF-8. Null when there is none.
 */
export function utf8ReadAs1252(s: string): string | null {
  const m = MISREAD_UTF8.exec(s);
  return m ? m[0] : null;
}
