// Encoding and delimiter detection, and a streaming transcoder to the UTF-8 bytes csv-parse reads.
//
// Choice (documented in README): a file is UTF-8 when it starts with a UTF-8 BOM or when its first
// 64 KiB are valid UTF-8; otherwise it is Windows-1252 throughout. A UTF-8 file passes through as
// raw bytes (no decode/encode per chunk: each chunk is only checked with the native `isUtf8`). If a
// later chunk of a "UTF-8" file holds bytes that are not valid UTF-8 (an ASCII-only first 64 KiB
// followed by Excel's cp1252 "ä", or two exports pasted together), only those bytes are read as
// Windows-1252 and everything valid stays UTF-8, so "käynnissä" comes out right either way.

import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'win1252';

export interface Dialect {
  encoding: Encoding;
  bom: boolean;
  delimiter: ',' | ';';
}

export const SNIFF_BYTES = 64 * 1024;

const BOM = [0xef, 0xbb, 0xbf] as const;

function hasBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
}

/** Length of an incomplete UTF-8 sequence at the end of `b` (0–3 bytes), to carry to the next chunk. */
export function incompleteTail(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back] ?? 0;
    if (c < 0x80) return 0; // ASCII: nothing pending
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return back < need ? back : 0;
    }
    // continuation byte: keep looking for the lead byte
  }
  return 0;
}

/** Picks `;` or `,` by counting both outside quotes on the header line. Finnish Excel writes `;`. */
export function sniffDelimiter(text: string): ',' | ';' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === '\n' || c === '\r') break;
      if (c === ';') semi++;
      else if (c === ',') comma++;
    }
  }
  return semi > comma ? ';' : ',';
}

/** Reads the first 64 KiB once to decide encoding and delimiter. Returns null for an empty file. */
export async function sniffDialect(handle: FileHandle): Promise<Dialect | null> {
  const buf = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
  const head = buf.subarray(0, bytesRead);
  const bom = hasBom(head);
  const body = bom ? head.subarray(3) : head;
  if (body.length === 0) return null;
  const complete = bytesRead === SNIFF_BYTES ? body.subarray(0, body.length - incompleteTail(body)) : body;
  const encoding: Encoding = bom || isUtf8(complete) ? 'utf8' : 'win1252';
  const text = encoding === 'utf8' ? complete.toString('utf8') : iconv.decode(complete, 'win1252');
  if (text.trim() === '') return null;
  return { encoding, bom, delimiter: sniffDelimiter(text) };
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
 * Turns the file's byte chunks into UTF-8 byte chunks for csv-parse, stripping a BOM so it never
 * becomes part of the first header name.
 */
export async function* toUtf8(source: AsyncIterable<Buffer>, dialect: Dialect): AsyncGenerator<Buffer> {
  let first = true;
  if (dialect.encoding === 'win1252') {
    for await (const chunk of source) {
      // Single-byte encoding: every chunk decodes on its own, no state to carry.
      yield Buffer.from(iconv.decode(chunk, 'win1252'), 'utf8');
    }
    return;
  }
  let carry: Buffer | null = null;
  for await (const raw of source) {
    let chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
    carry = null;
    if (first) {
      first = false;
      if (dialect.bom && hasBom(chunk)) chunk = chunk.subarray(3);
    }
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
