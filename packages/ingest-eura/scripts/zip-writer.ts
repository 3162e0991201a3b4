// A minimal zip writer for the example generator and the tests: every byte is decided here (fixed
// timestamps, stored or deflated parts in the order given), so the same input gives the same file on
// every machine. The tests also use it to make hostile zips (lying sizes, a wrong CRC, a bomb).

import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** `store` (default) keeps bytes as they are: no dependence on a zlib version. */
  method?: 'store' | 'deflate';
  /** Lie about the uncompressed size (hostile zips). */
  declaredSize?: number;
  /** Lie about the CRC (hostile zips). */
  crc?: number;
}

/** DOS date 1980-01-01, time 00:00: the earliest a zip can say, the same every run. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function buildZip(parts: readonly ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const packed = p.method === 'deflate' ? deflateRawSync(data, { level: 9 }) : data;
    const name = Buffer.from(p.name, 'utf8');
    const crc = p.crc ?? crc32(data);
    const size = p.declaredSize ?? data.length;
    const method = p.method === 'deflate' ? 8 : 0;
    // The local header and the directory entry share one run of fields: version needed, flags (UTF-8
    // names), method, time, date, CRC, sizes, name length.
    const common = (b: Buffer, at: number): void => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x0800, at + 2);
      b.writeUInt16LE(method, at + 4);
      b.writeUInt16LE(0, at + 6);
      b.writeUInt16LE(DOS_DATE, at + 8);
      b.writeUInt32LE(crc >>> 0, at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(size, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    common(dir, 6);
    dir.writeUInt32LE(offset, 42);
    out.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dirBytes, end]);
}

/** The parts of a zip, inflated, in the order they are stored. */
export async function readZipParts(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
  );
  const parts: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (e: yauzl.Entry) => {
      if (e.fileName.endsWith('/')) return file.readEntry();
      file.openReadStream(e, (err, s) => {
        if (err || !s) return reject(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          parts.push({ name: e.fileName, data: Buffer.concat(chunks) });
          file.readEntry();
        });
        s.on('error', reject);
      });
    });
    file.on('end', resolve);
    file.on('error', reject);
    file.readEntry();
  });
  return parts;
}

/** The same parts, stored with fixed timestamps, in the same order: a library's workbook made deterministic. */
export async function repackZip(zip: Buffer): Promise<Buffer> {
  return buildZip((await readZipParts(zip)).map((p) => ({ name: p.name, data: p.data })));
}
