import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ownData, tmp } from './helpers.ts';

const FILES = ['LUEMINUT.txt', 'README.txt', 'assessments.csv', 'funding.csv', 'indicators.csv', 'projects.csv'];

describe('ekoraportti init DIR', () => {
  it('writes the four files as Finnish Excel opens them, headers and illustrative rows marked as examples', async () => {
    const dir = join(tmp(), 'ekodata');
    const r = await cli(['init', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    const projects = readFileSync(join(dir, 'projects.csv'), 'utf8');
    expect(projects.startsWith('\ufeffproject_id;name;owner;measure;status;start_date;end_date\r\n')).toBe(true);
    expect(projects.endsWith('\r\n')).toBe(true);
    expect(projects.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = projects.slice(1).split('\r\n').filter(Boolean).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.split(';')[0]).toMatch(/^ESIMERKKI-\d$/);
    expect(readFileSync(join(dir, 'indicators.csv'), 'utf8').split('\r\n')[0]).toBe('\ufeffkpi;date;value;project_id;source');
    // The command as it runs from the checkout: `ekoraportti` alone is not on the PATH.
    expect(r.stdout).toContain(`pnpm ekoraportti check --data ${dir}`);
  });

  it('lists every column and the allowed words of the chosen agreement version in LUEMINUT.txt and README.txt', async () => {
    const v2025 = join(tmp(), 'v2025');
    const v2021 = join(tmp(), 'v2021');
    await cli(['init', v2025]);
    await cli(['init', v2021, '--agreement', '2021']);
    const fi = readFileSync(join(v2025, 'LUEMINUT.txt'), 'utf8');
    const en = readFileSync(join(v2025, 'README.txt'), 'utf8');
    for (const text of [fi, en]) {
      for (const column of ['project_id', 'amount_eur', 'kpi', 'assessed_by', 'start_date', 'evidence']) expect(text).toContain(column);
      for (const word of ['4.1.1', '4.2.2/2027', 'new_rdi_environments', 'partner_cities', 'EAKR', 'muu_julkinen', 'yksityinen', 'ongoing/käynnissä', 'off_track/ei_etene']) {
        expect(text, word).toContain(word);
      }
      expect(text).not.toContain('intl_rd_centres');
      expect(text).toMatch(/\r\n/);
    }
    expect(fi).toContain('EURA 2021 -hankeluettelo: lataa se hanketietopalvelusta (eura2021.fi/tiepa) .xlsx-tiedostona ja tallenna');
    expect(en).toContain('The EURA 2021 project list: download it from the project service (eura2021.fi/tiepa) as .xlsx and save it');
    expect(fi).toContain('sopimusversio 2025');
    expect(fi).toMatch(/bilateral_collaborations: .*5–7/);
    expect(en).toContain('agreement version 2025');
    expect(readFileSync(join(v2021, 'README.txt'), 'utf8')).toContain('intl_rd_centres');
  });

  it('never replaces a file: if any of them exists, nothing is written and it exits 2', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'funding.csv'), 'mine');
    const r = await cli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Kansiossa ${dir} on jo funding.csv. Mitään ei korvattu`);
    expect(readdirSync(dir)).toEqual(['funding.csv']);
    expect(readFileSync(join(dir, 'funding.csv'), 'utf8')).toBe('mine');
  });
});

/** A data folder from `init` whose example rows were made the coordinator's own (OMA-1 …), with `rows` appended to its funding.csv. */
async function initWithFunding(rows: string): Promise<string> {
  const dir = tmp();
  await cli(['init', dir]);
  for (const file of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv']) {
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('ESIMERKKI', 'OMA'));
  }
  const funding = join(dir, 'funding.csv');
  writeFileSync(funding, `${readFileSync(funding, 'utf8')}${rows}`);
  return dir;
}

describe('ekoraportti check --data DIR', () => {
  it('on init’s output: exit 0, naming each example row as one no report counts and to replace; made one’s own, every row is valid', async () => {
    const dir = tmp();
    await cli(['init', dir]);
    const r = await cli(['check', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('projects.csv: 2 riviä luettu, 0 käytetty, 2 hylätty');
    expect(r.stdout).toContain('funding.csv: 3 riviä luettu, 0 käytetty, 3 hylätty');
    expect(r.stdout).toContain('hylätty: assessments.csv rivi 2, sarake evidence: Rivi on ekoraportti init -komennon kirjoittama esimerkkirivi (ESIMERKKI)');
    expect(r.stdout).toContain('7 esimerkkiriviä (ESIMERKKI), joita raportti ei laske: korvaa ne omilla tiedoillasi. Muut rivit kelpaavat.');
    const en = tmp();
    await cli(['init', en, '--lang', 'en']);
    expect((await cli(['check', '--data', en, '--lang', 'en'])).stdout).toContain('one of the example rows ekoraportti init wrote (EXAMPLE)');
    const own = await cli(['check', '--data', await initWithFunding('')]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('funding.csv: 3 riviä luettu, 3 käytetty, 0 hylätty');
    expect(own.stdout).toContain('Kaikki rivit kelpaavat.');
  });

  it('never counts an example row left beside the coordinator’s own rows: not its money, KPI value or assessment', async () => {
    const dir = tmp();
    await cli(['init', dir]);
    const append = (file: string, rows: string) => writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${rows}`);
    append('projects.csv', 'P1;Oma hanke;JYU;4.1.1;käynnissä;1.1.2024;31.12.2026\r\n');
    append('funding.csv', 'P1;EAKR;2024;600 000,00\r\nP1;kaupunki;2024;400 000,00\r\n');
    // The example's partner_cities (1, on 30.6.2025) is newer than the real 4; its assessment too.
    append('indicators.csv', 'partner_cities;31.3.2025;4;P1;pöytäkirja\r\n');
    append('assessments.csv', '4.1.1/2023;31.3.2025;riskissä;pöytäkirja;johtoryhmä\r\n');
    const out = join(tmp(), 'out');
    const run = await cli(['--pipeline', 'steering-group', '--data', dir, '--out', out, '--as-of', '2025-06-30']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('7 riviä hylättiin');
    const model = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      funding: { euState: number; local: number; planned: number };
      projects: { count: number };
      kpis: Record<string, { value: number | null }>;
      targets: Record<string, { assessment: { status: string } | null }>;
    };
    expect([model.funding.euState, model.funding.local, model.funding.planned, model.projects.count]).toEqual([600_000, 400_000, 0, 1]);
    expect(model.kpis.partner_cities?.value).toBe(4);
    expect(model.targets['4.1.1/2023']?.assessment?.status).toBe('at_risk');
  }, 60_000);

  it('lists every rejected row with its file, line and column and exits 1; JSON for machines', async () => {
    const dir = await initWithFunding('OMA-1;EAKR;2025;-5,00\r\nEI-OLE;EAKR;2025;10,00\r\n');
    const text = await cli(['check', '--data', dir, '--lang', 'en', '--agreement', '2025']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('funding.csv: 5 rows read, 3 used, 2 rejected');
    expect(text.stdout).toMatch(/rejected: funding\.csv line 5, column amount_eur: /);
    expect(text.stdout).toMatch(/rejected: funding\.csv line 6, column project_id: /);
    expect(text.stdout).toContain('2 row(s) were rejected.');
    const json = await cli(['check', '--data', dir, '--format', 'json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as { files: Record<string, { rowsRejected: number }>; rejected: { file: string; line: number; column: string }[] };
    expect(result.files['funding.csv']?.rowsRejected).toBe(2);
    expect(result.rejected.map((x) => [x.file, x.line, x.column])).toEqual([
      ['funding.csv', 5, 'amount_eur'],
      ['funding.csv', 6, 'project_id'],
    ]);
  });

  it('counts an EURA export\'s rows: used, and left out (other projects, footer)', async () => {
    const r = await cli(['check', '--data', ownData()]);
    expect(r.stdout).toContain('eura2021-hankkeet-esimerkki.xlsx: 15 riviä luettu, 8 käytetty, 0 hylätty, 7 jätetty pois (muut hankkeet, alatunnisteet), 0 varoitusta');
    expect(r.stdout).toContain('projects.csv: 33 riviä luettu, 31 käytetty, 2 hylätty');
    // A report run's line adds up the same way, the export's footer rows among those left out.
    const run = await cli(['--pipeline', 'steering-group', '--data', ownData(), '--out', join(tmp(), 'out'), '--as-of', '2025-09-30']);
    expect(run.stderr).toContain('luettu eura2021-hankkeet-esimerkki.xlsx: 15 riviä, 8 käytetty, 0 hylätty, 7 jätetty pois (muut hankkeet, alatunnisteet)');
  }, 60_000);

  it('says how many rows a quote left open swallowed, in check and on a report run\'s terminal, not only in the report', async () => {
    // A quote opened on line 5 and never closed: the three rows after it are one value, not rows.
    const dir = await initWithFunding(`OMA-1;EAKR;2023;"12 000,00\r\n${'OMA-1;EAKR;2024;1 000,00\r\n'.repeat(3)}`);
    const check = await cli(['check', '--data', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('funding.csv: 4 riviä luettu, 3 käytetty, 1 hylätty, 3 jäi lukematta, 0 varoitusta');
    const out = join(tmp(), 'out');
    const run = await cli(['--pipeline', 'midterm-review', '--data', dir, '--out', out, '--as-of', '2024-12-31', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('read funding.csv: 4 rows, 3 used, 1 rejected, 3 not read (a quote left open)');
    expect(run.stderr).toContain("1 row(s) rejected and 3 row(s) not read (a quote left open): see rejected.csv and the report's data-quality appendix.");
    // stdout is the report's files, one path a line, and nothing else (scripts read it).
    expect(run.stdout.trim().split('\n').every((l) => l.startsWith(out))).toBe(true);
  }, 60_000);

  it('a folder without its files is a configuration error: exit 2 with what is missing', async () => {
    const r = await cli(['check', '--data', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/puuttuvat tiedostot projects\.csv, funding\.csv/);
  });
});
