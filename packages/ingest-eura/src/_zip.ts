// The zip layer under a workbook, guarded. yauzl reads the central directory and the parts (it checks
// that every part inflates to exactly the size the directory declares); this file sets the limits no
// library sets for us — how many parts, how large a part unpacks, how hard it is compressed — checks
// each part's CRC, refuses DOCTYPEs and XML cut short, and hands each part to exceljs's parsers as
// text (`partText`). Every limit is checked from the directory before a byte is inflated; the
// inflated bytes can then never exceed what was checked.

import { open as openFd, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type yauzl from 'yauzl';
import type { Language, ZipDamage } from '@ekoraportti/core';
import { XlsxError } from './_errors.ts';
import { refusingUnsupportedCells, UnsupportedCellsFound, withoutMainPrefix } from './_xml-text.ts';

/** The guard's limits; the defaults fit a 1,000,000-row sheet and refuse a zip bomb. */
export interface ZipLimits {
  /** Parts (entries) in the zip. Excel writes a dozen or two; a big workbook a few hundred. */
  maxParts: number;
  /** Uncompressed bytes of one part we read. */
  maxPartBytes: number;
  /** Uncompressed bytes of all parts we read together. */
  maxTotalBytes: number;
  /** Uncompressed bytes of the parts held in memory whole (workbook.xml, its relations). */
  maxSmallPartBytes: number;
  /** Uncompressed ÷ compressed size; Excel's XML packs 5–20 to 1, deflate bombs about 1000 to 1. */
  maxRatio: number;
  /** Parts smaller than this are not held to the ratio (tiny XML packs well). */
  ratioFloorBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxParts: 10_000,
  maxPartBytes: 2048 * MIB,
  maxTotalBytes: 3072 * MIB,
  maxSmallPartBytes: 16 * MIB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MIB,
});

/** How a part is read as text for exceljs. */
export interface PartReading {
  /**
   * The XML root element the part must close with (`worksheet`, `sst`, `styleSheet`, `workbook`):
   * exceljs never closes its SAX parser, so a part cut inside its XML would otherwise read as fewer rows.
   */
  root: string;
  /** A worksheet's tab name: its cells are checked for kinds exceljs reads wrongly (`_xml-text.ts`). */
  sheet: string | null;
}

export interface GuardedZip {
  /** Part names (as in the zip, without a leading `/`) → entries. */
  has(name: string): boolean;
  /** A small part, inflated whole, checked. */
  readSmall(name: string): Promise<Buffer>;
  /**
   * A part's XML as text, chunk by chunk, checked on the way (CRC, DOCTYPE, the root's close, the
   * cells of a worksheet) and without its SpreadsheetML prefix. Any problem is thrown as an
   * `XlsxError` from the iteration, so the parser reading it stops with it.
   */
  partText(name: string, reading: PartReading): AsyncGenerator<string>;
  close(): void;
}

type Sniff = 'zip' | 'xls' | 'text' | 'other';

async function sniff(path: string): Promise<Sniff> {
  let handle: FileHandle | undefined;
  try {
    handle = await openFd(path, 'r');
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'zip';
    if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
    if (b.length === 0) return 'other';
    // Text: no NUL and no C0 control other than tab and line breaks in the first bytes.
    return b.every((c) => c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) ? 'text' : 'other';
  } finally {
    await handle?.close();
  }
}

/** yauzl is loaded with the first workbook read: a run without one never pays for it. */
const yauzlOpen = async (path: string): Promise<yauzl.ZipFile> => {
  const { default: lib } = await import('yauzl');
  return new Promise((resolve, reject) =>
    lib.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );
};

/** yauzl's message → what is broken, in words the phrasebook has. */
function damageOf(err: unknown): ZipDamage {
  const m = err instanceof Error ? err.message : String(err);
  if (/encrypt/i.test(m)) return 'encrypted';
  if (/compression method/i.test(m)) return 'method';
  if (/too many bytes|not enough bytes|expected .* bytes|uncompressed size/i.test(m)) return 'size';
  if (/invalid (stored block|distance|code|block)|incorrect header|unexpected end|invalid literal|zlib|inflate/i.test(m)) return 'data';
  return 'index';
}

/**
 * Opens a workbook's zip and checks its directory against the limits: a file that is not a zip, cut
 * short, damaged, with too many parts, or with a part too large or too compressed ends here in an
 * `XlsxError`. Only the parts named in `needed` are held to the size and ratio limits: the others are
 * never inflated.
 */
export async function openGuardedZip(
  path: string,
  file: string,
  needed: (name: string) => boolean,
  lang: Language,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<GuardedZip> {
  const kind = await sniff(path);
  if (kind !== 'zip') throw new XlsxError({ code: 'E_XLSX_NOT_ZIP', file, looksLike: kind === 'xls' ? 'xls' : kind === 'text' ? 'text' : 'other' }, lang);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzlOpen(path);
  } catch (err) {
    const m = err instanceof Error ? err.message : '';
    if (/end of central directory record signature not found/i.test(m)) throw new XlsxError({ code: 'E_XLSX_TRUNCATED', file }, lang);
    throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: null, damage: damageOf(err) }, lang);
  }
  const entries = new Map<string, yauzl.Entry>();
  const fail = (e: XlsxError): never => {
    zip.close();
    throw e;
  };
  if (zip.entryCount > limits.maxParts) fail(new XlsxError({ code: 'E_XLSX_TOO_MANY_PARTS', file, count: zip.entryCount, limit: limits.maxParts }, lang));
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    fail(new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: null, damage: damageOf(err) }, lang));
  }
  let total = 0;
  for (const [name, e] of entries) {
    if (!needed(name)) continue;
    if (e.isEncrypted()) fail(new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: name, damage: 'encrypted' }, lang));
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) fail(new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: name, damage: 'method' }, lang));
    if (e.uncompressedSize > limits.maxPartBytes) {
      fail(new XlsxError({ code: 'E_XLSX_TOO_LARGE', file, part: name, bytes: e.uncompressedSize, limit: limits.maxPartBytes }, lang));
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
      fail(new XlsxError({ code: 'E_XLSX_BOMB', file, part: name, ratio: Math.round(ratio), limit: limits.maxRatio }, lang));
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) fail(new XlsxError({ code: 'E_XLSX_TOO_LARGE', file, part: null, bytes: total, limit: limits.maxTotalBytes }, lang));
  }

  const entryOf = (name: string): yauzl.Entry => {
    const e = entries.get(name);
    if (!e) throw new Error(`no part ${name}`); // a bug: callers ask `has` first
    return e;
  };
  const partStream = (e: yauzl.Entry): Promise<Readable> =>
    new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));

  /** Inflates one part chunk by chunk, refusing a DOCTYPE; at the end checks the CRC and the root's close. */
  async function* checked(name: string, root: string | null): AsyncGenerator<Buffer> {
    const e = entryOf(name);
    let crc = 0;
    let tail = '';
    let s: Readable;
    try {
      s = await partStream(e);
    } catch (err) {
      throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: name, damage: damageOf(err) }, lang);
    }
    try {
      for await (const chunk of s as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        // latin1 maps bytes 1:1, so ASCII markup is found whatever the text's encoding; the tail
        // carries a tag cut between two chunks over to the next.
        const text = tail + chunk.toString('latin1');
        if (/<!DOCTYPE/i.test(text)) throw new XlsxError({ code: 'E_XLSX_DOCTYPE', file, part: name }, lang);
        tail = text.slice(-512);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: name, damage: damageOf(err) }, lang);
    } finally {
      s.destroy();
    }
    if (crc >>> 0 !== e.crc32 >>> 0) throw new XlsxError({ code: 'E_XLSX_CORRUPT', file, part: name, damage: 'checksum' }, lang);
    if (root !== null && !new RegExp(`</(?:[\\w.-]+:)?${root}\\s*>\\s*$`).test(tail)) {
      throw new XlsxError({ code: 'E_XLSX_XML', file, part: name, line: null, kind: 'syntax' }, lang);
    }
  }

  return {
    has: (name) => entries.has(name),
    async readSmall(name) {
      const e = entryOf(name);
      if (e.uncompressedSize > limits.maxSmallPartBytes) {
        throw new XlsxError({ code: 'E_XLSX_TOO_LARGE', file, part: name, bytes: e.uncompressedSize, limit: limits.maxSmallPartBytes }, lang);
      }
      const chunks: Buffer[] = [];
      for await (const c of checked(name, null)) chunks.push(c);
      return Buffer.concat(chunks);
    },
    async *partText(name, reading) {
      const bytes = withoutMainPrefix(checked(name, reading.root));
      // One decoder per part, in streaming mode: a character cut between two chunks is joined, not
      // replaced by U+FFFD (exceljs decodes each chunk on its own).
      const decoder = new TextDecoder('utf-8');
      try {
        for await (const chunk of reading.sheet === null ? bytes : refusingUnsupportedCells(bytes)) {
          const text = decoder.decode(chunk, { stream: true });
          if (text !== '') yield text;
        }
      } catch (err) {
        if (err instanceof UnsupportedCellsFound) {
          throw new XlsxError({ code: 'E_XLSX_UNSUPPORTED_CELLS', file, sheet: reading.sheet ?? name, kind: err.kind }, lang);
        }
        throw err;
      }
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    },
    close: () => zip.close(),
  };
}
