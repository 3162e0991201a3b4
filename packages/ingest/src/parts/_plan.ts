// Where to cut a large file into parts: after its one-line header, then at line feeds near equal
// byte offsets. A line feed always ends a line (alone, or as the end of a CRLF), so a cut right after
// one never splits a line end, whatever mix of LF, CRLF and CR the file has; a cut that falls inside a
// quoted value is found by the parse (the part before it ends inside the quote) and the file is read
// whole. A file with no line feed (old Mac CR only) is not cut.

import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Dialect } from '../_decode.ts';
import { decodeMixed, SNIFF_BYTES } from '../_decode.ts';

/** How a file is cut: its header (read from the first line) and the parts after it. */
export interface PartPlan {
  /** The header record's fields, as csv-parse would give them. */
  headerFields: string[];
  /** Byte after the header line: the first part starts here. */
  headerEnd: number;
  /** Byte ranges [start, end) of the parts, in file order, covering headerEnd … size. */
  ranges: [start: number, end: number][];
}

/** Whether a file of `bytes` is worth cutting into parts of at least `minPartBytes`. */
export function worthCutting(bytes: number, minPartBytes: number): boolean {
  return bytes >= 2 * minPartBytes;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Decides how to cut a file into at most `maxParts` equal parts of at least `minPartBytes` each, or
 * returns null when it should be read whole: it is small, UTF-16 (a line feed byte is half a
 * character there), starts with Excel's `sep=` line, its first line is not a plain header (blank,
 * quoted, or with no line end in the first 64 KiB), or it has no line feed to cut at.
 */
export async function planParts(handle: FileHandle, dialect: Dialect, size: number, maxParts: number, minPartBytes: number): Promise<PartPlan | null> {
  if (maxParts < 2 || dialect.sepLine || dialect.encoding === 'utf16le' || dialect.encoding === 'utf16be') return null;
  const head = await readAt(handle, 0, SNIFF_BYTES);
  let eol = -1;
  for (let i = dialect.bom; i < head.length; i++) {
    const c = head[i] as number;
    if (c === 0x22) return null; // a quote on the first line: leave the header to csv-parse
    if (c === LF || c === CR) {
      eol = i;
      break;
    }
  }
  if (eol < 0) return null;
  const headerEnd = head[eol] === CR && head[eol + 1] === LF ? eol + 2 : eol + 1;
  const bytes = head.subarray(dialect.bom, eol);
  const text = dialect.encoding === 'win1252' ? iconv.decode(bytes, 'win1252') : decodeMixed(bytes);
  const headerFields = text.split(dialect.delimiter);
  if (headerFields.every((f) => f.trim() === '')) return null;

  const body = size - headerEnd;
  if (!worthCutting(body, minPartBytes)) return null;
  const count = Math.min(maxParts, Math.floor(body / minPartBytes));
  const cuts: number[] = [headerEnd];
  for (let i = 1; i < count; i++) {
    const cut = await lineStartFrom(handle, headerEnd + Math.floor((body * i) / count), size);
    if (cut !== null && cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut);
  }
  if (cuts.length < 2) return null;
  cuts.push(size);
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) ranges.push([cuts[i] as number, cuts[i + 1] as number]);
  return { headerFields, headerEnd, ranges };
}

/** The byte after the first line feed at or after `position`, or null when none is before `size`. */
export async function lineStartFrom(handle: FileHandle, position: number, size: number): Promise<number | null> {
  for (let p = position; p < size; p += SNIFF_BYTES) {
    const window = await readAt(handle, p, SNIFF_BYTES);
    const i = window.indexOf(LF);
    if (i >= 0) return p + i + 1;
    if (window.length < SNIFF_BYTES) return null;
  }
  return null;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}
