import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { readAll } from './_helpers.ts';

// Built by fixtures/make-finnish-excel.mjs; the line comments there number every row.
const DIR = fileURLToPath(new URL('./fixtures/finnish-excel', import.meta.url));

let r: Awaited<ReturnType<typeof readAll>>;
beforeAll(async () => {
  r = await readAll(DIR, { asOf: '2025-06-30', lang: 'fi' });
});

describe('Finnish Excel fixture (;, CRLF, UTF-8 BOM and Windows-1252, decimal comma, Finnish words)', () => {
  test('the fixture really is in those dialects', () => {
    const projects = readFileSync(`${DIR}/projects.csv`);
    expect(projects.includes(Buffer.from('k\xe4ynniss\xe4', 'latin1'))).toBe(true); // cp1252 bytes
    expect(projects.includes(Buffer.from('\r\n'))).toBe(true);
    const funding = readFileSync(`${DIR}/funding.csv`);
    expect([...funding.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(funding.includes(Buffer.from('\u00a0', 'utf8'))).toBe(true);
  });

  test('counts add up in every file: rows read = used + rejected', () => {
    expect(r.inputs).toEqual({
      'projects.csv': { rowsRead: 10, rowsUsed: 5, rowsRejected: 5, rowsNotRead: 0 },
      'funding.csv': { rowsRead: 13, rowsUsed: 6, rowsRejected: 7, rowsNotRead: 0 },
      'indicators.csv': { rowsRead: 14, rowsUsed: 8, rowsRejected: 6, rowsNotRead: 0 },
      'assessments.csv': { rowsRead: 7, rowsUsed: 4, rowsRejected: 3, rowsNotRead: 0 },
    });
    expect(r.projects).toHaveLength(5);
    expect(r.funding).toHaveLength(6);
    expect(r.observations).toHaveLength(8);
    expect(r.assessments).toHaveLength(4);
    for (const [file, c] of Object.entries(r.inputs)) {
      expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected);
      expect(r.rejected.filter((x) => x.file === file)).toHaveLength(c.rowsRejected);
    }
  });

  test('every bad row is named by file, line, column and code, in file order', () => {
    expect(r.rejected.map((x) => [x.file, x.line, x.column, x.code])).toEqual([
      ['projects.csv', 6, 'measure', 'E_UNKNOWN_MEASURE'],
      ['projects.csv', 7, 'project_id', 'E_DUPLICATE_ID'],
      ['projects.csv', 8, 'status', 'E_UNKNOWN_VALUE'],
      ['projects.csv', 9, 'start_date', 'E_BAD_DATE'],
      ['projects.csv', 10, 'end_date', 'E_END_BEFORE_START'],
      ['funding.csv', 7, 'project_id', 'E_UNKNOWN_PROJECT'],
      ['funding.csv', 8, 'project_id', 'E_UNKNOWN_PROJECT'],
      ['funding.csv', 9, 'source', 'E_UNKNOWN_VALUE'],
      ['funding.csv', 10, 'year', 'E_BAD_NUMBER'],
      ['funding.csv', 11, 'amount_eur', 'E_NEGATIVE'],
      ['funding.csv', 12, 'amount_eur', 'E_BAD_NUMBER'],
      ['funding.csv', 13, 'amount_eur', 'E_FIELD_COUNT'],
      ['indicators.csv', 7, 'kpi', 'E_UNKNOWN_KPI'],
      ['indicators.csv', 8, 'date', 'E_BAD_DATE'],
      ['indicators.csv', 10, 'value', 'E_BAD_NUMBER'],
      ['indicators.csv', 11, 'value', 'E_NEGATIVE'],
      ['indicators.csv', 12, 'project_id', 'E_UNKNOWN_PROJECT'],
      ['indicators.csv', 15, 'date', 'E_MISSING'],
      ['assessments.csv', 5, 'target', 'E_UNKNOWN_TARGET'],
      ['assessments.csv', 6, 'status', 'E_UNKNOWN_VALUE'],
      ['assessments.csv', 7, 'evidence', 'E_MISSING'],
    ]);
  });

  test('reasons are Finnish, quote the bad value and say what to fix', () => {
    const at = (file: string, line: number): string => r.rejected.find((x) => x.file === file && x.line === line)?.reason ?? '';
    expect(at('projects.csv', 9)).toBe('Päivämäärä \'31.2.2025\' ei ole olemassa. Käytä muotoa 31.3.2025 tai 2025-03-31.');
    expect(at('projects.csv', 7)).toContain('on jo rivillä 2');
    expect(at('projects.csv', 10)).toContain('Loppupäivä 1.1.2025 on ennen alkupäivää 1.6.2025');
    expect(at('funding.csv', 7)).toContain('hylättiin tiedostossa projects.csv (rivi 9)');
    expect(at('funding.csv', 8)).toContain("Hanketta 'A99999' ei ole tiedostossa projects.csv");
    expect(at('funding.csv', 12)).toContain('yli kaksi desimaalia');
    expect(at('indicators.csv', 8)).toContain("'29.2.2025' ei ole olemassa");
    expect(at('assessments.csv', 6)).toContain('achieved/saavutettu, on_track/etenee');
  });

  test('Windows-1252 and UTF-8 text both decode to the right letters', () => {
    expect(r.projects[0]).toEqual({
      id: 'A80123',
      name: 'Hippos; liikunnan ja terveyden osaamiskeskus',
      owner: 'Jyväskylän kaupunki',
      measure: '4.1.2',
      status: 'ongoing',
      startDate: '2023-01-01',
      endDate: '2027-12-31',
      line: 2,
    });
    expect(r.assessments.map((a) => a.assessedBy)).toContain('Johtoryhmä');
    expect(r.assessments.find((a) => a.line === 8)?.evidence).toBe('Ei vielä "käynnissä"');
    expect(r.observations.find((o) => o.line === 3)?.source).toBe('pöytäkirja 3/2025');
  });

  test('a quoted multi-line value keeps the line where its record starts; later lines stay right', () => {
    expect(r.projects.find((p) => p.id === 'A80124')).toMatchObject({ line: 3, name: 'Kiertotalouden\npilottiympäristö', status: 'completed', endDate: '2025-02-28' });
    expect(r.projects.find((p) => p.id === 'A80125')?.line).toBe(5);
    expect(r.observations.find((o) => o.kpi === 'new_rdi_environments')).toMatchObject({ line: 13, source: 'Pilottiympäristö\navattu 20.5.2025' });
    // the bad row right after the two-line record is named on its own physical line
    expect(r.rejected.find((x) => x.file === 'indicators.csv' && x.code === 'E_MISSING')?.line).toBe(15);
  });

  test('amounts are exact cents whatever the thousands separator; sources map to canonical names', () => {
    expect(r.funding.map((f) => [f.line, f.projectId, f.source, f.year, f.amountCents])).toEqual([
      [2, 'A80123', 'EAKR', 2024, 123456750],
      [3, 'A80123', 'kaupunki', 2024, 50000000],
      [4, 'A80124', 'ESR+', 2023, 25000000],
      [5, 'A80124', 'muu_julkinen', 2023, 12500050],
      [6, 'A80125', 'yksityinen', 2025, 1000000], // `a80125` finds project A80125
      [14, 'A80130', 'kaupunki', 2024, 100000], // a cancelled project's row is valid data
    ]);
  });

  test('KPI observations stream out with ISO dates and decimal values', () => {
    expect(r.observations.map((o) => [o.line, o.kpi, o.date, o.value, o.projectId])).toEqual([
      [2, 'partner_cities', '2024-06-30', 3, null],
      [3, 'bilateral_collaborations', '2025-03-15', 2, 'A80123'],
      [4, 'hippos_city_investment_meur', '2024-12-31', 12.5, 'A80123'],
      [5, 'partner_cities', '2025-09-01', 4, null],
      [6, 'partner_cities', '2025-09-02', 5, null],
      [9, 'bilateral_collaborations', '2024-02-29', 1, null],
      [13, 'new_rdi_environments', '2025-05-20', 1, 'A80124'],
      [16, 'hippos_city_investment_meur', '2025-03-31', 1234.25, null],
    ]);
    expect(r.observations[0]?.source).toBe('Verkostosopimus; Turku ja Kuopio');
    expect(r.observations[3]?.source).toBeNull();
  });

  test('warnings: unknown column, project without funding, observations after the as-of date', () => {
    expect(r.warnings.map((w) => [w.file, w.line, w.column, w.code])).toEqual([
      ['projects.csv', 1, 'Yhteyshenkilö', 'W_UNKNOWN_COLUMN'],
      ['projects.csv', 13, 'project_id', 'W_NO_FUNDING'], // A80131; cancelled A80130 and planned-with-funding A80125 are fine
      ['indicators.csv', 5, 'date', 'W_AFTER_AS_OF'],
    ]);
    expect(r.warnings[1]?.message).toContain('A80131');
    expect(r.warnings[2]?.message).toBe(
      'Mittarilla partner_cities on 2 havaintoa tilannepäivän 30.6.2025 jälkeen (ensimmäinen rivillä 5). Ne ovat kelvollisia, mutta eivät ole mukana tämän raportin luvuissa.',
    );
  });

  test('English gives English reasons and warnings', async () => {
    const en = await readAll(DIR, { asOf: '2025-06-30', lang: 'en' });
    expect(en.rejected.map((x) => [x.file, x.line, x.code])).toEqual(r.rejected.map((x) => [x.file, x.line, x.code]));
    const reason = en.rejected.find((x) => x.file === 'projects.csv' && x.line === 9)?.reason;
    expect(reason).toBe("The date '31.2.2025' does not exist. Write dates as 2025-03-31 or 31.3.2025.");
    expect(en.rejected.find((x) => x.file === 'funding.csv' && x.line === 8)?.reason).toBe(
      "The project 'A99999' is not in projects.csv. Add the project there or correct the project id.",
    );
    expect(en.warnings.find((w) => w.code === 'W_AFTER_AS_OF')?.message).toContain('2 observations dated after the as-of date 30 Jun 2025');
    for (const x of en.rejected) expect(x.reason).not.toMatch(/ei ole|Korjaa|Käytä|rivillä|tiedostossa|Täytä/);
  });
});
