import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { computeReport, KpiTally, targetDeadlines, type Rejection } from '@ekoraportti/core';
import { EURA_EXPORT_HEADERS, XlsxError } from '@ekoraportti/ingest-eura';
import { IngestError, listDataFiles, readDataFolder } from '../src/index.ts';
import { readText, withExample } from './_example.ts';
import { agreement2025, HEADERS, tempFolder } from './_helpers.ts';
import { FOOTER, project, writeBook } from './_workbooks.ts';

// readDataFolder with an EURA 2021 export beside the contract files: which rows it takes, what it
// leaves out and counts, what projects.csv may leave to it, and how it meets funding.csv.

const folders: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of folders.splice(0)) cleanup();
});
function folder(files: Parameters<typeof tempFolder>[0]): string {
  const { dir, cleanup } = tempFolder(files);
  folders.push(cleanup);
  return dir;
}
const read = (dir: string, lang: 'fi' | 'en' = 'fi', onRejected?: (r: Rejection) => void) =>
  readDataFolder(dir, { agreement: agreement2025, asOf: '2025-06-30', lang, ...(onRejected ? { onRejected } : {}) });

const PROJECTS = [
  HEADERS.projects,
  'A1;;;4.1.1;;;', // everything from EURA
  'A2;Oma nimi;Jyväskylän kaupunki;4.1.2;käynnissä;1.1.2023;31.12.2025', // all given; EURA's name differs
  'A3;;JAMK;4.2.1;käynnissä;1.1.2024;31.12.2025', // leaves its name to EURA, which lacks it
  'A4;Hanke 4;;4.2.2;käynnissä;1.1.2024;31.12.2025', // leaves its owner to EURA, whose row is rejected
  'B1;Muu hanke;JYU;4.1.1;ongoing;1.1.2024;31.12.2026', // outside EURA
  'B2;Väärä;JYU;9.9.9;ongoing;1.1.2024;31.12.2026', // rejected as ever
].join('\n');

const FUNDING = [
  HEADERS.funding,
  'A1;EAKR;2024;1000', // EURA gives A1's EU money: repeated
  'A1;AKKE;2024;500', // not EURA's: counted
  'A3;AKKE;2024;700', // A3 was rejected
  'B1;EAKR;2024;2000',
  'B1;kaupunki;2024;1000',
].join('\n');

/** An export with four listed projects (one with a bad cell), two other cities', a note above and the footer. */
async function exportIn(dir: string, name = 'eura2021-hankkeet.xlsx'): Promise<string> {
  return writeBook(dir, name, [
    ['EURA 2021 -hankeluettelo'],
    [...EURA_EXPORT_HEADERS],
    project('A1', 'Kaupunkidatan alusta', 'Jyväskylän yliopisto', 'Käynnissä', ['2023-03-01', '2026-02-28'], [600_000, 1_000_000, 1_100_000], [240_000.5, 400_000.5, 420_000.5], { Ryhmähanketunnus: 'A0', Rahasto: 'EAKR' }),
    project('A81101', 'Tampereen hanke', 'Tampereen kaupunki', 'Käynnissä', ['2023-01-01', '2025-12-31'], [1, 1, 1], [0, 0, 0]),
    project('A2', 'EURAn nimi', 'Jyväskylän kaupunki', 'Käynnissä', ['2023-01-01', '2025-12-31'], [100_000, 150_000, 150_000], [100_000, 150_000, 150_000]),
    project('A4', 'Hanke 4', 'JAMK', 'Käynnissä', ['2024-01-01', '2025-12-31'], [100_000, 90_000, 90_000], [0, 0, 0]),
    project('S82201', 'Oulun hanke', 'Oulun kaupunki', 'Päättynyt', ['2022-01-01', '2024-12-31'], [1, 1, 1], [1, 1, 1]),
    ...FOOTER,
  ], 'Hankkeet');
}

describe('an EURA export in the data folder', () => {
  test('its listed projects are used, other cities and the footer are left out and counted', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await exportIn(dir);
    const streamed: Rejection[] = [];
    const r = await read(dir, 'fi', (x) => streamed.push(x));
    const c = r.inputs['eura2021-hankkeet.xlsx'];
    expect(c).toEqual({ rowsRead: 7, rowsUsed: 2, rowsRejected: 1, rowsNotRead: 0, rowsLeftOut: 2, rowsNotData: 2, footerRows: 2, sheet: 'Hankkeet' });
    expect(Object.keys(r.inputs)).toEqual(['projects.csv', 'eura2021-hankkeet.xlsx', 'funding.csv', 'indicators.csv', 'assessments.csv']);
    expect(r.files).toEqual(['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv', 'eura2021-hankkeet.xlsx']);
    expect(await listDataFiles(dir)).toEqual(r.files);
    // rows in = used + rejected + left out (+ not data), file by file
    for (const x of Object.values(r.inputs)) expect(x.rowsRead).toBe(x.rowsUsed + x.rowsRejected + (x.rowsLeftOut ?? 0) + (x.rowsNotData ?? 0));
    expect(r.eura?.projects.map((p) => p.projectId)).toEqual(['A1', 'A2']);
    expect(r.eura?.projects[0]).toMatchObject({
      groupCode: 'A0',
      fund: 'EAKR',
      decided: { euStateCents: 60_000_000, otherPublicCents: 40_000_000, privateCents: 10_000_000 },
      realised: { euStateCents: 24_000_050, otherPublicCents: 16_000_000, privateCents: 2_000_000, euCents: null },
      row: 3,
      cells: { code: 'A3', name: 'G3', decidedEuState: 'N3', realisedTotal: 'S3' },
    });
  });

  test('projects.csv may leave name, owner, status and dates to EURA; a difference is a warning naming both', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await exportIn(dir);
    const r = await read(dir);
    expect(r.projects.map((p) => p.id)).toEqual(['A1', 'A2', 'B1']);
    expect(r.projects[0]).toEqual({ id: 'A1', name: 'Kaupunkidatan alusta', owner: 'Jyväskylän yliopisto', measure: '4.1.1', status: 'ongoing', startDate: '2023-03-01', endDate: '2026-02-28', line: 2 });
    expect(r.projects[1]?.name).toBe('Oma nimi');
    const mismatch = r.warnings.filter((w) => w.code === 'W_EURA_MISMATCH');
    expect(mismatch).toEqual([
      {
        file: 'projects.csv',
        line: 3,
        column: 'name',
        code: 'W_EURA_MISMATCH',
        message: "Hankkeen 'A2' sarakkeessa name on tiedostossa projects.csv 'Oma nimi', mutta EURA-viennissä eura2021-hankkeet.xlsx 'EURAn nimi'. Raportissa käytetään projects.csv:n arvoa; jätä sarake tyhjäksi, niin arvo tulee EURAsta.",
      },
    ]);
    expect(r.warnings.some((w) => w.code === 'W_NO_FUNDING')).toBe(false); // A2 has EURA's money
  });

  test('a row EURA does not have is rejected as before; one whose EURA row is rejected says so; all in line order', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await exportIn(dir);
    const streamed: Rejection[] = [];
    const r = await read(dir, 'fi', (x) => streamed.push(x));
    expect(r.rejected.map((x) => [x.file, x.sheet ?? null, x.line, x.column, x.code])).toEqual([
      ['projects.csv', null, 4, 'name', 'E_MISSING'],
      ['projects.csv', null, 5, 'owner', 'E_EURA_ROW_REJECTED'],
      ['projects.csv', null, 7, 'measure', 'E_UNKNOWN_MEASURE'],
      ['eura2021-hankkeet.xlsx', 'Hankkeet', 6, 'Suunniteltu EU- ja valtion rahoitus', 'E_PARTS_EXCEED_WHOLE'],
      ['funding.csv', null, 4, 'project_id', 'E_UNKNOWN_PROJECT'],
    ]);
    expect(streamed).toEqual(r.rejected);
    expect(r.rejected[0]?.reason).toBe('Pakollinen sarake name on tyhjä. Täytä arvo tälle riville.');
    expect(r.rejected[1]?.reason).toContain('hankkeen rivi 6 hylättiin EURA-viennissä eura2021-hankkeet.xlsx (Hankkeet)');
    expect(r.rejected[4]?.reason).toContain('rivi hylättiin tiedostossa projects.csv (rivi 4)');
    expect(r.inputs['projects.csv']).toEqual({ rowsRead: 6, rowsUsed: 3, rowsRejected: 3, rowsNotRead: 0 });
  });

  test("funding.csv rows repeating EURA's money are warned about and not counted; AKKE and projects outside EURA are", async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await exportIn(dir);
    const r = await read(dir, 'en');
    expect(r.funding.map((f) => [f.projectId, f.source])).toEqual([['A1', 'AKKE'], ['B1', 'EAKR'], ['B1', 'kaupunki']]);
    expect(r.inputs['funding.csv']).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsRejected: 1 });
    expect(r.warnings.find((w) => w.code === 'W_EURA_FUNDING_REPEATED')).toEqual({
      file: 'funding.csv',
      line: 2,
      column: 'source',
      code: 'W_EURA_FUNDING_REPEATED',
      message:
        "1 line of project 'A1' (EAKR; on line 2) repeats money the EURA export eura2021-hankkeet.xlsx gives for the project. It is not counted twice; EURA's decided funding is counted. Keep only money EURA does not carry (AKKE, RRF) in the file.",
    });
  });

  test('without an export, a row leaving its name empty is rejected as it always was; another workbook is named, not read', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await writeBook(dir, 'muistiinpanot.xlsx', [['Hankekoodi', 'Huomio'], ['A1', 'soita']]);
    await writeFile(join(dir, '~$muistiinpanot.xlsx'), 'Excel lock file');
    // Neither are these: macOS's shadow of a copied file, and a folder whose name ends in .xlsx.
    await writeFile(join(dir, '._muistiinpanot.xlsx'), 'AppleDouble resource fork');
    await mkdir(join(dir, 'arkisto.xlsx'));
    const r = await read(dir);
    expect(r.eura).toBeNull();
    expect(r.rejected.filter((x) => x.file === 'projects.csv').map((x) => [x.line, x.column, x.code])).toEqual([
      [2, 'name', 'E_MISSING'],
      [4, 'name', 'E_MISSING'],
      [5, 'owner', 'E_MISSING'],
      [7, 'measure', 'E_UNKNOWN_MEASURE'],
    ]);
    expect(r.warnings.find((w) => w.code === 'W_WORKBOOK_NOT_READ')?.message).toContain("Työkirja 'muistiinpanot.xlsx' ei ole EURA 2021 -hankeluettelo");
    expect(r.files).toEqual(['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv', 'muistiinpanot.xlsx']);
    // What the manifest lists is what was read: a folder named .xlsx would make every run look changed.
    expect(await listDataFiles(dir)).toEqual(r.files);
  });

  test('two exports, and a contract file as both CSV and workbook, stop the reading naming both', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    await exportIn(dir, 'eura-kesakuu.xlsx');
    await exportIn(dir, 'eura-elokuu.xlsx');
    const two = await read(dir).catch((e: unknown) => e);
    expect(two).toBeInstanceOf(IngestError);
    expect(two).toMatchObject({ code: 'E_TWO_EXPORTS', message: expect.stringContaining("'eura-elokuu.xlsx' ja 'eura-kesakuu.xlsx'") });
    await rm(join(dir, 'eura-elokuu.xlsx'));
    await writeBook(dir, 'funding.xlsx', [HEADERS.funding.split(';')]);
    const both = await read(dir, 'en').catch((e: unknown) => e);
    expect(both).toMatchObject({ code: 'E_BOTH_FORMS', message: 'The folder holds both funding.csv and funding.xlsx. Keep only one: move the older one out of the folder, so that no row is read twice.' });
  });

  test('a truncated export is an XlsxError naming the file', async () => {
    const dir = folder({ projects: PROJECTS, funding: FUNDING });
    const path = await exportIn(dir);
    await truncate(path, Math.floor((await readFile(path)).length / 2));
    const err = await read(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect(err).toMatchObject({ code: 'E_XLSX_TRUNCATED', file: 'eura2021-hankkeet.xlsx' });
  });
});

describe('the contract files as workbooks', () => {
  const FUNDING_ROWS = [['B1', 'EAKR', 2024, 2000.5], ['B1', 'kaupunki', 2024, 1000], ['B1', 'RRF', '2024', '1 234,50'], ['B9', 'EAKR', 2024, 10], ['B1', 'AKKE', 2024, -5]];
  const FUNDING_CSV = [HEADERS.funding, 'B1;EAKR;2024;2000,50', 'B1;kaupunki;2024;1000', 'B1;RRF;2024;1 234,50', 'B9;EAKR;2024;10', 'B1;AKKE;2024;-5'].join('\n');

  test('funding.xlsx gives the rows funding.csv gives, and the same reasons with its sheet and row', async () => {
    const csv = folder({ projects: PROJECTS, funding: FUNDING_CSV });
    const xlsx = folder({ projects: PROJECTS });
    await rm(join(xlsx, 'funding.csv'));
    await writeBook(xlsx, 'funding.xlsx', [HEADERS.funding.split(';'), ...FUNDING_ROWS], 'Rahoitus');
    const [a, b] = [await read(csv, 'en'), await read(xlsx, 'en')];
    expect(b.funding).toEqual(a.funding);
    expect(b.inputs['funding.xlsx']).toEqual({ ...a.inputs['funding.csv'], sheet: 'Rahoitus' });
    expect(b.workbooks).toEqual({ 'funding.csv': { file: 'funding.xlsx', sheet: 'Rahoitus' } });
    const rows = (r: typeof a, file: string) => r.rejected.filter((x) => x.file === file);
    expect(rows(b, 'funding.xlsx')).toEqual(rows(a, 'funding.csv').map((x) => ({ ...x, file: 'funding.xlsx', sheet: 'Rahoitus' })));
  });

  test('a workbook header without a needed column is refused as a CSV header is, in a workbook\'s words', async () => {
    const dir = folder({ projects: PROJECTS });
    await rm(join(dir, 'funding.csv'));
    await writeBook(dir, 'funding.xlsx', [['project_id', 'source', 'amount_eur']]);
    const err = await read(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_MISSING_COLUMN', message: expect.stringContaining('Työkirjasta funding.xlsx puuttuu sarake year.') });
  });

  test('projects.xlsx can leave fields to the export too, and the export still decides them', async () => {
    const dir = folder({ funding: FUNDING });
    await rm(join(dir, 'projects.csv'));
    await writeBook(dir, 'projects.xlsx', PROJECTS.split('\n').map((l) => l.split(';')));
    await exportIn(dir, 'eura.xlsx');
    const r = await read(dir);
    expect(r.projects.map((p) => [p.id, p.name])).toEqual([['A1', 'Kaupunkidatan alusta'], ['A2', 'Oma nimi'], ['B1', 'Muu hanke']]);
    expect(r.rejected.filter((x) => x.file === 'projects.xlsx').map((x) => [x.sheet, x.line, x.code])).toEqual([
      ['Taul1', 4, 'E_MISSING'],
      ['Taul1', 5, 'E_EURA_ROW_REJECTED'],
      ['Taul1', 7, 'E_UNKNOWN_MEASURE'],
    ]);
  });
});

describe('the same report from funding.xlsx as from funding.csv', () => {
  test('the example data with its funding.csv saved as a workbook (numbers as number cells) gives the same report.json figures', async () => {
    const report = async (dir: string) => {
      const kpiTally = new KpiTally(agreement2025.kpis, '2025-09-30', targetDeadlines(agreement2025));
      const r = await readDataFolder(dir, { agreement: agreement2025, asOf: '2025-09-30', lang: 'fi', kpiTally });
      const request = { pipeline: 'test', type: { fi: 'Testi', en: 'Test' }, exampleData: true, sections: [] };
      return computeReport({ agreement: agreement2025, asOf: '2025-09-30', lang: 'fi', request, ...r, kpiTally });
    };
    const fromCsv = await withExample(report);
    const fromXlsx = await withExample(async (dir) => {
      const [header, ...rows] = readText(dir, 'funding.csv').trim().split(/\r\n/);
      const cell = (v: string) => (/^-?[\d\u00a0 ]+(,\d+)?$/.test(v) ? Number(v.replace(/[\u00a0 ]/g, '').replace(',', '.')) : v);
      await writeBook(dir, 'funding.xlsx', [(header as string).split(';'), ...rows.map((r) => r.split(';').map(cell))]);
      await rm(join(dir, 'funding.csv'));
      return report(dir);
    });
    // Figures alike; provenance names the workbook and its sheet instead of funding.csv.
    const figures = (m: typeof fromCsv) => JSON.parse(JSON.stringify({ funding: m.funding, projects: m.projects, areas: m.priorityAreas }, (k, v: unknown) => (k === 'provenance' ? undefined : v)));
    expect(figures(fromXlsx)).toEqual(figures(fromCsv));
    expect(fromXlsx.funding.euState).toBeGreaterThan(0);
    expect(fromXlsx.inputs['funding.xlsx']).toEqual({ ...fromCsv.inputs['funding.csv'], sheet: 'Taul1' });
    expect([fromXlsx.rejectedByCode, fromXlsx.warningsByCode]).toEqual([fromCsv.rejectedByCode, fromCsv.warningsByCode]);
    expect(fromXlsx.funding.provenance.bySource.AKKE).toEqual({ 'funding.xlsx (Taul1)': fromCsv.funding.provenance.bySource.AKKE?.['funding.csv'] });
  });
});
