import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { euraCellSource, euraExportSchema, readEuraExport, XlsxError } from '../src/index.ts';
import { EURA_HEADERS, euraRow, scratch, utcDate, type Scratch } from './_books.ts';

let s: Scratch;
beforeAll(async () => {
  s = await scratch();
});
afterAll(async () => s.remove());

const FOOTER = [['Yhteensä 5 hanketta'], ['Tiedot poimittu EURA 2021 -järjestelmästä 1.6.2025']];

describe('readEuraExport', () => {
  it('reads the listed projects, leaves the rest out and counts the footer as not data', async () => {
    const path = await s.book('eura.xlsx', [
      {
        name: 'Hankkeet',
        rows: [
          [...EURA_HEADERS],
          euraRow({ code: 'A80101', name: 'Hyvinvoinnin kaupunkiverkosto', implementer: 'Jyväskylän kaupunki', status: 'Päättynyt', decided: [250000, 300000, 320000.5], realised: [200000.25, 240000, 250000] }),
          euraRow({ code: 'A99001', city: 'Tampere' }),
          euraRow({ code: 'S22173', fund: 'ESR+', group: 'S22170', status: 'Käynnissä', start: utcDate(2024, 3, 1), end: utcDate(2026, 2, 28) }),
          euraRow({ code: 'J55555', city: 'Oulu' }),
          euraRow({ code: 'A80102', status: 'suunniteltu', realised: [null, null, null] }),
          ...FOOTER,
        ],
      },
    ]);
    const exp = await readEuraExport(path, { projectCodes: ['A80101', 's22173', 'A80102', 'A80999'], lang: 'fi' });
    expect(exp).not.toBeNull();
    if (!exp) return;
    expect(() => euraExportSchema.parse(exp)).not.toThrow();
    expect(exp.counts).toEqual({ rowsRead: 7, rowsUsed: 3, rowsRejected: 0, rowsLeftOut: 2, rowsNotData: 2, footerRows: 2, rowsAboveHeader: 0 });
    expect(exp.projects.map((p) => p.code)).toEqual(['A80101', 's22173', 'A80102']);
    const [a, b, c] = exp.projects;
    expect(a).toMatchObject({
      name: 'Hyvinvoinnin kaupunkiverkosto',
      implementer: 'Jyväskylän kaupunki',
      status: 'completed',
      statusWord: 'Päättynyt',
      fund: 'EAKR',
      groupCode: null,
      startDate: '2023-01-01',
      endDate: '2025-12-31',
      decided: { euStateCents: 25_000_000, otherPublicCents: 5_000_000, privateCents: 2_000_050, publicCents: 30_000_000, totalCents: 32_000_050 },
      realised: { euStateCents: 20_000_025, otherPublicCents: 3_999_975, privateCents: 1_000_000, euCents: null },
      source: { file: 'eura.xlsx', sheet: 'Hankkeet', row: 2 },
    });
    expect(b).toMatchObject({ fund: 'ESR+', groupCode: 'S22170', status: 'ongoing', startDate: '2024-03-01', endDate: '2026-02-28' });
    expect(c?.status).toBe('planned');
    expect(c?.realised).toMatchObject({ euStateCents: 0, publicCents: 0, totalCents: 0 });
    expect(exp.groups).toEqual({ S22170: ['s22173'] });
    expect(exp.notFound).toEqual(['A80999']);
    expect(exp.warnings).toEqual([]);
    expect(exp.columns.code).toEqual({ header: 'Hankekoodi', letter: 'A' });
    expect(euraCellSource(exp, a!, 'decidedEuState')).toEqual({ file: 'eura.xlsx', sheet: 'Hankkeet', row: 2, column: 'Suunniteltu EU- ja valtion rahoitus', cell: 'N2' });
    expect(euraCellSource(exp, a!, 'realisedEu')).toEqual({ file: 'eura.xlsx', sheet: 'Hankkeet', row: 2, column: 'Toteutunut EU-rahoituksen määrä', cell: 'T2' });
  });

  it('matches headers leniently: case, `_` for space, EURA’s trailing space, the Myönnetty variant, any order', async () => {
    const header = ['MYÖNNETTY_EU_JA_VALTION_RAHOITUS', 'hankekoodi', ' Hankkeen_nimi ', 'toteuttajan nimi', 'TOIMINNAN_TILA', 'aloituspvm', 'päättymispvm',
      'Suunniteltu_julkinen_rahoitus', 'suunniteltu rahoitus yhteensä', 'Toteutunut_EU-_ja_valtion_rahoitus', 'toteutunut julkinen rahoitus', 'Toteutunut rahoitus yhteensä'];
    const row = [1000, 'A80101', 'Nimi', 'Toteuttaja', 'Käynnissä', utcDate(2024, 1, 1), utcDate(2024, 12, 31), 1500, 2000, 500, 700, 800];
    const path = await s.book('variants.xlsx', [{ name: 'Taul1', rows: [header, row] }]);
    const exp = await readEuraExport(path, { projectCodes: ['A80101'], lang: 'en' });
    expect(exp?.projects[0]?.decided).toEqual({ euStateCents: 100_000, otherPublicCents: 50_000, privateCents: 50_000, publicCents: 150_000, totalCents: 200_000 });
    expect(exp?.columns.decidedEuState).toEqual({ header: 'MYÖNNETTY_EU_JA_VALTION_RAHOITUS', letter: 'A' });
  });

  it('names every missing needed column, in both languages', async () => {
    const header = EURA_HEADERS.filter((h) => h !== 'Toteutunut julkinen rahoitus' && h !== 'Aloituspvm');
    const path = await s.book('missing.xlsx', [{ name: 'Hankkeet', rows: [header] }]);
    const fi = await readEuraExport(path, { projectCodes: [], lang: 'fi' }).catch((e: unknown) => e);
    expect(fi).toBeInstanceOf(XlsxError);
    expect((fi as XlsxError).code).toBe('E_EURA_MISSING_COLUMNS');
    expect((fi as XlsxError).message).toMatch(/missing\.xlsx, taulukko ”Hankkeet”, rivi 1: .*puuttuu sarakkeet ”Aloituspvm” ja ”Toteutunut julkinen rahoitus”/);
    const en = await readEuraExport(path, { projectCodes: [], lang: 'en' }).catch((e: unknown) => e);
    expect((en as XlsxError).message).toContain('lacks the columns ”Aloituspvm” and ”Toteutunut julkinen rahoitus”');
  });

  it('finds the header under a title and note rows, and counts them apart', async () => {
    const path = await s.book('titled.xlsx', [
      { name: 'Ohje', rows: [['Tämä välilehti on ohje, ei aineistoa.'], ['Hankekoodi', 'Muistiinpano']] },
      { name: 'Hankkeet', rows: [['ESIMERKKIAINEISTO – ei todellisia hankkeita'], [], [...EURA_HEADERS], euraRow({ code: 'A80101' }), ...FOOTER] },
    ]);
    const exp = await readEuraExport(path, { projectCodes: ['A80101'], lang: 'fi' });
    expect(exp).toMatchObject({ sheet: 'Hankkeet', headerRow: 3, counts: { rowsRead: 3, rowsUsed: 1, footerRows: 2, rowsAboveHeader: 1 } });
    expect(exp?.projects[0]?.source.row).toBe(4);
  });

  it('recognises an export whose code column was renamed, and refuses it naming that column, not passing it over', async () => {
    const header = EURA_HEADERS.map((h) => (h.trim() === 'Hankekoodi' ? 'Hankkeen koodi' : h));
    const path = await s.book('renamed.xlsx', [{ name: 'Hankkeet', rows: [header, euraRow({ code: 'A80101' })] }]);
    const err = await readEuraExport(path, { projectCodes: ['A80101'], lang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).code).toBe('E_EURA_MISSING_COLUMNS');
    expect((err as XlsxError).message).toContain('lacks the column ”Hankekoodi”');
  });

  it('returns null for a workbook that is not an EURA export', async () => {
    const path = await s.book('other.xlsx', [{ name: 'Taul1', rows: [['Hankekoodi', 'Summa'], ['A80101', 5]] }]);
    expect(await readEuraExport(path, { projectCodes: ['A80101'], lang: 'fi' })).toBeNull();
  });

  it('rejects a listed row with its first problem, and keeps counting', async () => {
    const path = await s.book('bad.xlsx', [
      {
        name: 'Hankkeet',
        rows: [
          [...EURA_HEADERS],
          euraRow({ code: 'A1', decided: ['100 000', 140000, 150000] }),
          euraRow({ code: 'A2', start: '1.1.2024' }),
          euraRow({ code: 'A3', decided: [100000.005, 140000, 150000] }),
          euraRow({ code: 'A4', decided: [-5, 140000, 150000] }),
          euraRow({ code: 'A5', start: utcDate(2025, 1, 1), end: utcDate(2024, 1, 1) }),
          euraRow({ code: 'A6', decided: [150000, 140000, 150000] }),
          euraRow({ code: 'A7', decided: [100000, 160000, 150000] }),
          euraRow({ code: 'A8', name: '' }),
          euraRow({ code: 'A9', decided: [null, 140000, 150000] }),
          euraRow({ code: 'A10' }),
          euraRow({ code: 'a10' }),
        ],
      },
    ]);
    const codes = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'];
    const exp = await readEuraExport(path, { projectCodes: codes, lang: 'fi' });
    expect(exp?.rejected.map((r) => [r.row, r.code, r.column])).toEqual([
      [2, 'E_NOT_A_NUMBER', 'Suunniteltu EU- ja valtion rahoitus'],
      [3, 'E_NOT_A_DATE', 'Aloituspvm'],
      [4, 'E_SUB_CENT', 'Suunniteltu EU- ja valtion rahoitus'],
      [5, 'E_NEGATIVE', 'Suunniteltu EU- ja valtion rahoitus'],
      [6, 'E_END_BEFORE_START', 'Päättymispvm'],
      [7, 'E_PARTS_EXCEED_WHOLE', 'Suunniteltu EU- ja valtion rahoitus'],
      [8, 'E_PARTS_EXCEED_WHOLE', 'Suunniteltu julkinen rahoitus'],
      [9, 'E_MISSING', 'Hankkeen nimi'],
      [10, 'E_MISSING', 'Suunniteltu EU- ja valtion rahoitus'],
      [12, 'E_DUPLICATE_ID', 'Hankekoodi'],
    ]);
    expect(exp?.rejected[0]?.reason).toBe('Sarakkeessa ”Suunniteltu EU- ja valtion rahoitus” on ”100 000”, ei lukua. Rahasummien pitää olla lukusoluja.');
    expect(exp?.rejected[9]?.reason).toContain('rivillä 11');
    expect(exp?.counts).toMatchObject({ rowsRead: 11, rowsUsed: 1, rowsRejected: 10 });
  });

  it('keeps a row whose state word is unknown, without a status, and names the word once', async () => {
    const path = await s.book('state.xlsx', [
      { name: 'H', rows: [[...EURA_HEADERS], euraRow({ code: 'A1', status: 'Toiminta keskeytetty' }), euraRow({ code: 'A2', status: 'Toiminta keskeytetty' })] },
    ]);
    const exp = await readEuraExport(path, { projectCodes: ['A1', 'A2'], lang: 'en' });
    expect(exp?.projects.map((p) => [p.status, p.statusWord])).toEqual([[null, 'Toiminta keskeytetty'], [null, 'Toiminta keskeytetty']]);
    expect(exp?.warnings).toHaveLength(1);
    expect(exp?.warnings[0]).toMatchObject({ code: 'W_EURA_UNKNOWN_STATUS', row: 2 });
    expect(exp?.warnings[0]?.message).toContain('”Toiminta keskeytetty”');
  });

  it('warns about rows without a code amid the data, but not about the footer', async () => {
    const path = await s.book('gaps.xlsx', [
      { name: 'H', rows: [[...EURA_HEADERS], euraRow({ code: 'A1' }), ['väliotsikko'], euraRow({ code: 'A80002' }), ...FOOTER] },
    ]);
    const exp = await readEuraExport(path, { projectCodes: ['A1'], lang: 'fi' });
    expect(exp?.counts).toMatchObject({ rowsRead: 5, rowsUsed: 1, rowsLeftOut: 1, rowsNotData: 3, footerRows: 2 });
    expect(exp?.warnings.map((w) => [w.code, w.row])).toEqual([['W_EURA_ROWS_NOT_DATA', 3]]);
  });

  it('reads dates stored as serial numbers and in the 1904 date system', async () => {
    const serial = await s.book('serial.xlsx', [{ name: 'H', rows: [[...EURA_HEADERS], euraRow({ code: 'A1', start: 45292, end: 45657 })] }]);
    expect((await readEuraExport(serial, { projectCodes: ['A1'], lang: 'fi' }))?.projects[0]).toMatchObject({ startDate: '2024-01-01', endDate: '2024-12-31' });
    const mac = await s.book('mac.xlsx', [{ name: 'H', rows: [[...EURA_HEADERS], euraRow({ code: 'A1', start: utcDate(2024, 1, 1) })] }], { date1904: true });
    expect((await readEuraExport(mac, { projectCodes: ['A1'], lang: 'fi' }))?.projects[0]?.startDate).toBe('2024-01-01');
  });
});
