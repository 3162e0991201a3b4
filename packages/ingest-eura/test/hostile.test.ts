// Corrupt, truncated and hostile workbooks end in an XlsxError with a plain message, quickly: never a
// hang, a crash or a heap blown up. The zips are made by hand (scripts/zip-writer.ts) or cut from a
// workbook exceljs wrote.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readWorkbookRows, XlsxError, type ZipLimits } from '../src/index.ts';
import { buildZip, readZipParts, type ZipPart } from '../scripts/zip-writer.ts';
import { bookBuffer, scratch, type Scratch } from './_books.ts';

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
});
afterAll(async () => s.remove());

/** Reads every row; resolves with the error's code (or 'ok' and the row count). */
async function outcome(path: string, limits?: ZipLimits): Promise<{ code: string; message: string; rows: number }> {
  let rows = 0;
  try {
    for await (const _ of readWorkbookRows(path, { lang: 'fi', sheets: 'all', ...(limits ? { limits } : {}) })) rows++;
    return { code: 'ok', message: '', rows };
  } catch (err) {
    if (!(err instanceof XlsxError)) throw err;
    return { code: err.code, message: err.message, rows };
  }
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Taul1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetXml = (data: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>hei</t></is></c><c r="B1"><v>12.5</v></c></row>';

/** A minimal workbook by hand; `sheet` replaces the worksheet part (name and data), `extra` adds parts. */
function handBook(sheet: Partial<ZipPart> = {}, extra: ZipPart[] = [], workbook = WB): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CT },
    { name: '_rels/.rels', data: RELS },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: WB_RELS },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(ROW), ...sheet },
    ...extra,
  ]);
}

const LOL_DTD = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

describe('hostile and broken workbooks', () => {
  it('a hand-made workbook with an inline string and a number reads (the baseline of this file)', async () => {
    expect(await outcome(await s.file('plain.xlsx', handBook()))).toMatchObject({ code: 'ok', rows: 1 });
  });

  it('a truncated workbook: E_XLSX_TRUNCATED, wherever it is cut', async () => {
    const whole = await bookBuffer([{ name: 'A', rows: Array.from({ length: 500 }, (_, i) => [`rivi ${i}`, i]) }]);
    for (const keep of [0.1, 0.5, 0.9, 0.999]) {
      const path = await s.file(`cut-${keep}.xlsx`, whole.subarray(0, Math.floor(whole.length * keep)));
      const r = await outcome(path);
      expect(r.code).toBe('E_XLSX_TRUNCATED');
      expect(r.message).toBe(`cut-${keep}.xlsx on katkennut: tiedoston loppu puuttuu (keskeytynyt lataus tai kopiointi?). Lataa tai tallenna tiedosto uudelleen.`);
    }
  });

  it('not a workbook: a CSV file, an old .xls (or encrypted workbook), an empty file', async () => {
    expect((await outcome(await s.file('csv.xlsx', 'project_id;name\nA1;x\n'))).code).toBe('E_XLSX_NOT_ZIP');
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    const xls = await outcome(await s.file('old.xlsx', ole));
    expect(xls).toMatchObject({ code: 'E_XLSX_NOT_ZIP' });
    expect(xls.message).toContain('Excel 97–2003');
    expect((await outcome(await s.file('empty.xlsx', ''))).code).toBe('E_XLSX_NOT_ZIP');
  });

  it('a zip bomb (a sheet of 64 MiB of zeros packed ~1000 to 1) is refused from the directory, before inflating', async () => {
    const bomb = handBook({ data: Buffer.alloc(64 * 1024 * 1024, 0x20), method: 'deflate' });
    expect(bomb.length).toBeLessThan(200_000);
    const started = process.hrtime.bigint();
    const r = await outcome(await s.file('bomb.xlsx', bomb));
    expect(r.code).toBe('E_XLSX_BOMB');
    expect(r.message).toMatch(/osa xl\/worksheets\/sheet1\.xml on pakattu [\d ]+-kertaisesti/);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5); // no inflating happened (a generous bound for a loaded machine)
  });

  it('a part that lies about its size (declares 1 KiB, inflates to 16 MiB) stops at the declared size', async () => {
    const liar = handBook({ data: sheetXml(`${ROW}<!--${'x'.repeat(16 * 1024 * 1024)}-->`), method: 'deflate', declaredSize: 1024 });
    const r = await outcome(await s.file('liar.xlsx', liar));
    expect(r.code).toBe('E_XLSX_CORRUPT');
    expect(r.message).toContain('sisällön koko ei täsmää hakemistoon');
  });

  it('a part whose bytes do not match its CRC', async () => {
    const r = await outcome(await s.file('crc.xlsx', handBook({ crc: 12345 })));
    expect(r).toMatchObject({ code: 'E_XLSX_CORRUPT', rows: 0 });
    expect(r.message).toContain('tarkistussumma');
  });

  it('too many parts, a part or all parts too large: the limits of the guard', async () => {
    const many = handBook({}, Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' })));
    expect((await outcome(await s.file('many.xlsx', many), { ...DEFAULT_LIMITS, maxParts: 20 })).code).toBe('E_XLSX_TOO_MANY_PARTS');
    const big = await s.file('big.xlsx', handBook({ data: sheetXml(ROW.repeat(2000)) }));
    const part = await outcome(big, { ...DEFAULT_LIMITS, maxPartBytes: 50_000 });
    expect(part.code).toBe('E_XLSX_TOO_LARGE');
    expect(part.message).toContain('osa xl/worksheets/sheet1.xml on purettuna');
    const total = await outcome(big, { ...DEFAULT_LIMITS, maxTotalBytes: 50_000 });
    expect(total.message).toContain('luettavat osat ovat yhteensä purettuna');
  });

  it('billion laughs in a worksheet: refused for its DOCTYPE, no entity expanded', async () => {
    const r = await outcome(await s.file('lol.xlsx', handBook({ data: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', LOL_DTD) })));
    expect(r).toMatchObject({ code: 'E_XLSX_DOCTYPE', rows: 0 });
  });

  it('billion laughs in workbook.xml and an external entity in the shared strings: refused', async () => {
    const wb = WB.replace('<workbook', `${LOL_DTD}<workbook`).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>');
    expect((await outcome(await s.file('lolwb.xlsx', handBook({}, [], wb)))).code).toBe('E_XLSX_DOCTYPE');
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>';
    const rels = WB_RELS.replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const book = buildZip([
      { name: '_rels/.rels', data: RELS },
      { name: 'xl/workbook.xml', data: WB },
      { name: 'xl/_rels/workbook.xml.rels', data: rels },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
      { name: 'xl/sharedStrings.xml', data: xxe },
    ]);
    expect((await outcome(await s.file('xxe.xlsx', book))).code).toBe('E_XLSX_DOCTYPE');
  });

  it('an entity without a DOCTYPE, and broken XML: E_XLSX_XML with the part', async () => {
    const entity = await outcome(await s.file('ent.xlsx', handBook({ data: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>') })));
    expect(entity.code).toBe('E_XLSX_XML');
    expect(entity.message).toContain('määrittelemättömään XML-entiteettiin');
    const broken = await outcome(await s.file('broken.xlsx', handBook({ data: '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"' })));
    expect(broken.code).toBe('E_XLSX_XML');
    expect(broken.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a workbook without sheets, or whose sheet part is missing', async () => {
    const noSheets = WB.replace(/<sheets>.*<\/sheets>/, '<sheets/>');
    expect((await outcome(await s.file('nosheet.xlsx', handBook({}, [], noSheets)))).code).toBe('E_XLSX_NO_SHEET');
    expect((await outcome(await s.file('nopart.xlsx', handBook({ name: 'xl/worksheets/other.xml' })))).code).toBe('E_XLSX_NO_SHEET');
  });

  it('a damaged deflate stream inside a part', async () => {
    const good = handBook({ data: sheetXml(ROW.repeat(200)), method: 'deflate' });
    const parts = await readZipParts(good);
    expect(parts.length).toBe(5);
    const at = good.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length + 20;
    const bad = Buffer.from(good);
    bad.fill(0xff, at, at + 40);
    expect((await outcome(await s.file('deflate.xlsx', bad))).code).toBe('E_XLSX_CORRUPT');
  });
});
