import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheetRows, XlsxError, type SheetRecord } from '../src/index.ts';
import { scratch, utcDate, type Scratch, type Value } from './_books.ts';

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
});
afterAll(async () => s.remove());

async function records(path: string): Promise<{ header: string[]; rows: SheetRecord[] }> {
  const src = await openSheetRows(path, { lang: 'fi' });
  const rows: SheetRecord[] = [];
  for await (const r of src.records) rows.push(r);
  return { header: src.header, rows };
}

/** The same rows as CSV text, in the notations the contract accepts (`;`, ISO dates, `.` decimals). */
const csvRows = (text: string): string[][] => parse(text, { delimiter: ';', relax_column_count: true }) as string[][];

describe('openSheetRows: the contract files as workbooks', () => {
  it('funding.xlsx gives the same string fields as the same rows in funding.csv', async () => {
    const sheet: Value[][] = [
      ['project_id', 'source', 'year', 'amount_eur'],
      ['A80101', 'AKKE', 2021, 131626.15],
      ['A80101', 'muu_julkinen', 2021, 89374.1],
      ['A80102', 'EAKR', 2024, 0.1 + 0.2],
      ['A80103', 'kaupunki', 2022, 1234567890123.45],
      ['A80104', 'yksityinen', 2023, 66000],
      ['A80105', 'ESR+', '2023', '1 234,50'],
    ];
    const csv = [
      'project_id;source;year;amount_eur',
      'A80101;AKKE;2021;131626.15',
      'A80101;muu_julkinen;2021;89374.1',
      'A80102;EAKR;2024;0.3',
      'A80103;kaupunki;2022;1234567890123.45',
      'A80104;yksityinen;2023;66000',
      'A80105;ESR+;2023;1 234,50',
    ].join('\r\n');
    const path = await s.book('funding.xlsx', [{ name: 'Rahoitus', rows: sheet }]);
    const { header, rows } = await records(path);
    const [csvHeader, ...csvData] = csvRows(csv);
    expect(header).toEqual(csvHeader);
    expect(rows.map((r) => r.fields)).toEqual(csvData);
    expect(rows.map((r) => [r.sheet, r.row])).toEqual([2, 3, 4, 5, 6, 7].map((n) => ['Rahoitus', n]));
  });

  it('projects.xlsx: date cells become ISO dates, text dates stay as typed, empty cells pad the row', async () => {
    const path = await s.book('projects.xlsx', [
      {
        name: 'Hankkeet',
        rows: [
          ['project_id', 'name', 'owner', 'measure', 'status', 'start_date', 'end_date'],
          ['A80101', 'Hyvinvoinnin kaupunkiverkosto', 'Jyväskylän kaupunki', '4.1.1', 'päättynyt', utcDate(2021, 3, 1), utcDate(2023, 12, 31)],
          ['A80102', 'Pohjoismainen arvoverkko', 'JYU', '4.1.1', 'ongoing', '1.1.2024', null],
          ['A80103', 'Lyhyt rivi', 'JAMK', '4.1.2'],
        ],
      },
    ]);
    const { rows } = await records(path);
    expect(rows.map((r) => r.fields)).toEqual([
      ['A80101', 'Hyvinvoinnin kaupunkiverkosto', 'Jyväskylän kaupunki', '4.1.1', 'päättynyt', '2021-03-01', '2023-12-31'],
      ['A80102', 'Pohjoismainen arvoverkko', 'JYU', '4.1.1', 'ongoing', '1.1.2024', ''],
      ['A80103', 'Lyhyt rivi', 'JAMK', '4.1.2', '', '', ''],
    ]);
  });

  it('skips blank rows like blank CSV lines, keeps cells beyond the header for the validators, reads the first tab only', async () => {
    const path = await s.book('indicators.xlsx', [
      {
        name: 'Mittarit',
        rows: [[], ['kpi', 'date', 'value'], ['partner_cities', utcDate(2024, 6, 30), 3], [], [null, null], ['bilateral_collaborations', utcDate(2024, 9, 1), 2.5, 'ylimääräinen']],
      },
      { name: 'Muistiinpanot', rows: [['ei luettava']] },
    ]);
    const src = await openSheetRows(path, { lang: 'fi' });
    expect([src.sheet, src.headerRow, src.header]).toEqual(['Mittarit', 2, ['kpi', 'date', 'value']]);
    const rows: SheetRecord[] = [];
    for await (const r of src.records) rows.push(r);
    expect(rows).toEqual([
      { sheet: 'Mittarit', row: 3, fields: ['partner_cities', '2024-06-30', '3'] },
      { sheet: 'Mittarit', row: 6, fields: ['bilateral_collaborations', '2024-09-01', '2.5', 'ylimääräinen'] },
    ]);
  });

  it('a first sheet without any row is E_XLSX_EMPTY naming the sheet; close() releases an unread source', async () => {
    const empty = await s.book('assessments.xlsx', [{ name: 'Arviot', rows: [] }, { name: 'Muu', rows: [['x']] }]);
    const err = await openSheetRows(empty, { lang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).message).toBe('assessments.xlsx: the first sheet ”Arviot” has no header row.');
    const path = await s.book('unread.xlsx', [{ name: 'A', rows: [['h'], ['1'], ['2']] }]);
    const src = await openSheetRows(path, { lang: 'en' });
    await src.close();
    expect((await records(path)).rows.length).toBe(2);
  });
});
