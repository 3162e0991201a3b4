// What kind of file a data file is, from its first bytes, before any CSV parsing: an Excel workbook
// saved under the CSV's name, a binary file, or text in one of the encodings Excel writes (UTF-8 with
// or without BOM, Windows-1252, and UTF-16 — Excel's "Unicode text" — with or without BOM).
//
// A workbook is read when it is named as one (`funding.xlsx`, an EURA export): this answer only stops a
// workbook saved under a CSV file's name (`funding.csv` that is really a zip or an old .xls).

import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf8' | 'win1252' | 'utf16le' | 'utf16be';

export type FileFormat =
  /** A ZIP container (.xlsx, .xlsm, .ods) or an OLE2 compound file (.xls). */
  | { kind: 'workbook' }
  /** Not text in any encoding we read: NUL bytes that are not UTF-16's. */
  | { kind: 'binary' }
  /** Text; `bom` is the length of its byte-order mark (0 when none). */
  | { kind: 'text'; encoding: Encoding; bom: number };

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Recognises a file from its first bytes (`head`, up to 64 KiB; `complete` when that is the whole
 * file). UTF-16 without a BOM is told by its NUL bytes: text that is mostly ASCII has every second
 * byte 0. A file is UTF-8 when its head is valid UTF-8, else Windows-1252.
 */
export function recogniseFormat(head: Uint8Array, complete: boolean): FileFormat {
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP) || startsWith(head, OLE2)) return { kind: 'workbook' };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf8', bom: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf16le', bom: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf16be', bom: 2 };
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = head.length / 2;
  if (half >= 2) {
    if (oddZeros > 0.3 * half && evenZeros < 0.05 * half) return { kind: 'text', encoding: 'utf16le', bom: 0 };
    if (evenZeros > 0.3 * half && oddZeros < 0.05 * half) return { kind: 'text', encoding: 'utf16be', bom: 0 };
  }
  // A stray NUL in a cell is a control character to remove; many of them are a binary file.
  if (evenZeros + oddZeros > Math.max(8, head.length / 100)) return { kind: 'binary' };
  const whole = complete ? head : head.subarray(0, head.length - incompleteTail(head));
  return { kind: 'text', encoding: isUtf8(whole) ? 'utf8' : 'win1252', bom: 0 };
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
