import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDateFormat, readWorkbookRows, serialToIso, XlsxError, type SheetRow } from '../src/index.ts';
import { buildZip, readZipParts } from '../scripts/zip-writer.ts';
import { bookBuffer, scratch, utcDate, type Scratch } from './_books.ts';

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
});
afterAll(async () => s.remove());

async function all(path: string, options: { sheets?: 'first' | 'all'; slow?: boolean } = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of readWorkbookRows(path, { lang: 'en', sheets: options.sheets ?? 'all' })) {
    rows.push(r);
    if (options.slow) await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

describe('readWorkbookRows', () => {
  it('reads a formula whose cached result is 0, FALSE or an error as that, not as an empty cell', async () => {
    const written = await bookBuffer([{ name: 'Tiedot', rows: [['a', { formula: 'B2-B2', result: 7 }, { formula: '1=2', result: 7 }, { formula: '1/0', result: 7 }, { formula: 'B2', result: 7 }]] }]);
    // exceljs cannot write a falsy result (it drops it): the cached values are put in the sheet's XML here, as Excel writes them.
    const parts = await readZipParts(written);
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    let n = 0;
    const cached = ['<v>0</v>', '<v>0</v>', '<v>#DIV/0!</v>', '<v>12,5</v>'];
    const xml = sheet.data.toString('utf8').replace(/<v>7<\/v>/g, () => cached[n++] as string).replace(/(<c r="C1"[^>]*?)>/, '$1 t="b">').replace(/(<c r="D1"[^>]*?)>/, '$1 t="e">').replace(/(<c r="E1"[^>]*?)>/, '$1 t="str">');
    expect(n).toBe(4);
    const path = await s.file('formulas.xlsx', buildZip(parts.map((p) => ({ name: p.name, data: p === sheet ? Buffer.from(xml) : p.data, method: 'deflate' as const }))));
    const [row] = await all(path);
    expect(row?.cells).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'number', value: 0 },
      { kind: 'number', value: 0 },
      { kind: 'error', text: '#ERROR' },
      { kind: 'text', text: '12,5' },
    ]);
  });

  it('types cells from the file: shared strings, numbers, date cells, booleans, errors, formula results', async () => {
    const path = await s.book('types.xlsx', [
      {
        name: 'Tiedot',
        rows: [
          ['teksti', 1234567.5, utcDate(2025, 3, 31), true, { error: '#N/A' }, { formula: 'B1*2', result: 2469135 }, null, 'loppu'],
          [],
          ['toinen', -0.25],
        ],
      },
    ]);
    const rows = await all(path);
    expect(rows).toEqual([
      {
        sheet: 'Tiedot',
        row: 1,
        cells: [
          { kind: 'text', text: 'teksti' },
          { kind: 'number', value: 1234567.5 },
          { kind: 'date', iso: '2025-03-31' },
          { kind: 'bool', value: true },
          { kind: 'error', text: '#N/A' },
          { kind: 'number', value: 2469135 },
          { kind: 'empty' },
          { kind: 'text', text: 'loppu' },
        ],
      },
      { sheet: 'Tiedot', row: 3, cells: [{ kind: 'text', text: 'toinen' }, { kind: 'number', value: -0.25 }] },
    ]);
  });

  it('reads sheets in tab order with their names, or the first tab only', async () => {
    const path = await s.book('tabs.xlsx', [
      { name: 'Ensimmäinen', rows: [['a'], ['b']] },
      { name: 'Toinen & muut', rows: [['c']] },
    ]);
    expect((await all(path)).map((r) => [r.sheet, r.row])).toEqual([['Ensimmäinen', 1], ['Ensimmäinen', 2], ['Toinen & muut', 1]]);
    expect((await all(path, { sheets: 'first' })).map((r) => r.sheet)).toEqual(['Ensimmäinen', 'Ensimmäinen']);
  });

  it('reads a hand-made workbook: x: prefixed XML, absolute targets, inline strings, date formats, the 1904 system', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-40B]d\\.m\\.yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const make = (date1904: boolean): Buffer =>
      buildZip([
        { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/wb.xml"/></Relationships>' },
        { name: 'xl/wb.xml', data: `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<x:workbookPr date1904="1"/>' : ''}<x:sheets><x:sheet name="Päivät" sheetId="7" rel:id="a"/></x:sheets></x:workbook>` },
        { name: 'xl/_rels/wb.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/data/dates.xml"/><Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="st.xml"/></Relationships>' },
        { name: 'xl/st.xml', data: styles },
        { name: 'xl/data/dates.xml', data: '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>Hankekoodi</x:t></x:is></x:c><x:c r="C4" s="1"><x:v>45747</x:v></x:c><x:c r="D4" s="2"><x:v>45747.75</x:v></x:c><x:c r="E4"><x:v>45747</x:v></x:c></x:row></x:sheetData></x:worksheet>' },
      ]);
    const rows1900 = await all(await s.file('hand1900.xlsx', make(false)));
    expect(rows1900).toEqual([
      { sheet: 'Päivät', row: 4, cells: [{ kind: 'empty' }, { kind: 'text', text: 'Hankekoodi' }, { kind: 'date', iso: '2025-03-31' }, { kind: 'date', iso: '2025-03-31' }, { kind: 'number', value: 45747 }] },
    ]);
    const rows1904 = await all(await s.file('hand1904.xlsx', make(true)));
    expect(rows1904[0]?.cells[2]).toEqual({ kind: 'date', iso: '2029-04-01' });
  });

  it('refuses cells exceljs would read wrongly or not place: ISO date cells (t="d"), inline rich text, cells without r, naming the sheet', async () => {
    const book = (cell: string): Buffer =>
      buildZip([
        { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
        { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hankkeet" sheetId="1" r:id="s"/></sheets></workbook>' },
        { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
        { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell}</row></sheetData></worksheet>` },
      ]);
    const iso = await all(await s.file('isodate.xlsx', book('<c r="A1" s="0" t="d"><v>2024-03-05T00:00:00</v></c>'))).catch((e: unknown) => e);
    expect(iso).toBeInstanceOf(XlsxError);
    expect((iso as XlsxError).message).toBe(
      'isodate.xlsx, sheet ”Hankkeet”: dates are stored as ISO text cells (t="d"), which the reader does not support. Open the workbook in Excel and save it again; Excel stores dates as ordinary date cells.',
    );
    const rich = await all(await s.file('rich.xlsx', book('<c r="A1" t="inlineStr"><is><r><t>ab</t></r><r><t>cd</t></r></is></c>'))).catch((e: unknown) => e);
    expect((rich as XlsxError).problem).toMatchObject({ code: 'E_XLSX_UNSUPPORTED_CELLS', kind: 'richInline', sheet: 'Hankkeet' });
    const noRef = await all(await s.file('noref.xlsx', book('<c t="inlineStr"><is><t>a</t></is></c>'))).catch((e: unknown) => e);
    expect((noRef as XlsxError).problem).toMatchObject({ code: 'E_XLSX_UNSUPPORTED_CELLS', kind: 'noReference' });
  });

  it('loses no part whatever order the zip stores them in, with a consumer that awaits between rows (exceljs #3064)', async () => {
    const written = await bookBuffer([
      { name: 'A', rows: Array.from({ length: 3000 }, (_, i) => [`r${i}`, i]) },
      { name: 'B', rows: [['viimeinen']] },
    ]);
    const parts = await readZipParts(written);
    const byName = new Map(parts.map((p) => [p.name, p]));
    const order = (names: string[]): Buffer => buildZip([...names.map((n) => byName.get(n)!), ...parts.filter((p) => !names.includes(p.name))].map((p) => ({ name: p.name, data: p.data, method: 'deflate' as const })));
    // Shared strings and relations before the sheets, workbook.xml last: exceljs alone throws on `model.sheets`.
    const workbookLast = order(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/workbook.xml']);
    // workbook.xml first, sheets last: exceljs alone drops sheet B when the consumer awaits.
    const sheetsLast = order(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    for (const [name, bytes] of [['workbook-last.xlsx', workbookLast], ['sheets-last.xlsx', sheetsLast]] as const) {
      const rows = await all(await s.file(name, bytes), { slow: true });
      expect(rows.length).toBe(3001);
      expect(rows.at(-1)).toEqual({ sheet: 'B', row: 1, cells: [{ kind: 'text', text: 'viimeinen' }] });
    }
  }, 30_000);

  it('stops reading when the consumer stops early, and the next read of the file works', async () => {
    const path = await s.book('early.xlsx', [{ name: 'A', rows: Array.from({ length: 1000 }, (_, i) => [i]) }]);
    let n = 0;
    for await (const _ of readWorkbookRows(path, { lang: 'fi', sheets: 'all' })) if (++n === 3) break;
    expect(n).toBe(3);
    expect((await all(path)).length).toBe(1000);
  });
});

describe('dates and formats', () => {
  it('serialToIso: both date systems and Lotus’s 29.2.1900', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBeNull();
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45747.99, false)).toBe('2025-03-31');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(0, false)).toBeNull();
  });

  it('isDateFormat: dates yes; money, percent, text and quoted letters no', () => {
    for (const f of ['d.m.yyyy', '[$-40B]d\\.m\\.yyyy;@', 'mm-dd-yy', 'yyyy-mm-dd hh:mm']) expect(isDateFormat(f)).toBe(true);
    for (const f of [undefined, 'General', '#,##0.00 "€"', '0.0%', '@', '#,##0 "päivää"', '[Red]0.00']) expect(isDateFormat(f)).toBe(false);
  });
});
