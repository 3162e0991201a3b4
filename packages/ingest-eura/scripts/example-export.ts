// Writes seeds/example/eura2021-hankkeet-esimerkki.xlsx: an invented EURA 2021 project export for the
// example data folder. exceljs writes the workbook (shared strings, date cells, number cells, the
// export's columns in order, `Hankekoodi ` with its trailing space); the parts are then stored again
// with fixed timestamps and no compression, so the file's bytes are the same on every machine and run
// (a test regenerates it and compares). Run: `pnpm --filter @ekoraportti/ingest-eura example`.
//
// EXAMPLE DATA: every name, code and sum here is invented. Eight projects of seeds/example/projects.csv
// appear with decided and realised money; five rows are other cities' projects; a note above the
// header and EURA's two footer rows below the data are not project rows.

import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { EURA_EXPORT_HEADERS as HEADERS } from '../src/index.ts';
import { repackZip } from './zip-writer.ts';

export const EXAMPLE_EXPORT = fileURLToPath(new URL('../../../seeds/example/eura2021-hankkeet-esimerkki.xlsx', import.meta.url));

interface ExampleProject {
  code: string;
  group: string | null;
  fund: 'EAKR' | 'ESR+' | 'JTF';
  name: string;
  implementer: string;
  state: string;
  start: [number, number, number];
  end: [number, number, number];
  /** Decided: EU and state, other public, private (euros). */
  decided: [number, number, number];
  /** Share of each decided figure realised so far. */
  realisedShare: number;
  city: string;
}

const P = (p: ExampleProject): ExampleProject => p;

/** Projects of seeds/example/projects.csv (codes, owners, periods as there), then other cities'. */
const PROJECTS: readonly ExampleProject[] = [
  P({ code: 'A80102', group: null, fund: 'EAKR', name: 'Pohjoismainen hyvinvointiarvoverkko', implementer: 'Jyväskylän yliopisto', state: 'Käynnissä', start: [2024, 1, 1], end: [2026, 12, 31], decided: [250648.6, 168352.4, 0], realisedShare: 0.42, city: 'Jyväskylä' }),
  P({ code: 'A80104', group: null, fund: 'EAKR', name: 'Seuratoiminnan innovaatiot', implementer: 'Jyväskylän kaupunki', state: 'Käynnissä', start: [2023, 2, 1], end: [2025, 12, 31], decided: [284932.9, 188068.6, 0], realisedShare: 0.71, city: 'Jyväskylä' }),
  P({ code: 'A80202', group: null, fund: 'ESR+', name: 'DAAS-palvelumallin pilotointi', implementer: 'JAMK', state: 'Päättynyt', start: [2022, 4, 1], end: [2023, 12, 31], decided: [183901.75, 121099.5, 0], realisedShare: 0.96, city: 'Jyväskylä' }),
  P({ code: 'A80302', group: null, fund: 'EAKR', name: 'Kiihdyttämö: urheiluteknologia', implementer: 'Jyväskylän kaupunki', state: 'Käynnissä', start: [2022, 9, 1], end: [2025, 8, 31], decided: [289132.6, 243053.7, 94000], realisedShare: 0.88, city: 'Jyväskylä' }),
  P({ code: 'A80401', group: null, fund: 'EAKR', name: 'Pk-yrityssektorin osaamiskartoitus', implementer: 'Business Jyväskylä', state: 'Päättynyt', start: [2021, 3, 1], end: [2023, 2, 28], decided: [350986.45, 240014.3, 167000], realisedShare: 1, city: 'Jyväskylä' }),
  P({ code: 'A80402', group: 'A80400', fund: 'EAKR', name: 'Eteläportin digitaalinen kaksonen', implementer: 'Jyväskylän kaupunki', state: 'Päättynyt', start: [2022, 1, 1], end: [2024, 3, 31], decided: [284880.3, 190120.2, 45000], realisedShare: 0.93, city: 'Jyväskylä' }),
  P({ code: 'A80403', group: 'A80400', fund: 'JTF', name: 'Avoin tuotekehitysalusta', implementer: 'JAMK', state: 'Käynnissä', start: [2022, 9, 1], end: [2025, 8, 31], decided: [522309.3, 344691.2, 44000], realisedShare: 0.64, city: 'Jyväskylä' }),
  P({ code: 'A80503', group: null, fund: 'EAKR', name: 'JYFL-ACCLAB teollisuusalusta', implementer: 'Jyväskylän yliopisto', state: 'Käynnissä', start: [2023, 1, 1], end: [2026, 12, 31], decided: [279729.45, 185271.3, 0], realisedShare: 0.37, city: 'Jyväskylä' }),
  P({ code: 'A81101', group: null, fund: 'EAKR', name: 'Kaupunkidatan kokeiluympäristö', implementer: 'Tampereen kaupunki', state: 'Käynnissä', start: [2023, 6, 1], end: [2026, 5, 31], decided: [420000, 280000, 50000], realisedShare: 0.5, city: 'Tampere' }),
  P({ code: 'S82201', group: null, fund: 'ESR+', name: 'Osaajapolut teollisuuteen', implementer: 'Oulun kaupunki', state: 'Päättynyt', start: [2022, 1, 1], end: [2024, 12, 31], decided: [310500, 207000, 0], realisedShare: 0.98, city: 'Oulu' }),
  P({ code: 'J83301', group: null, fund: 'JTF', name: 'Turvetuotannon jälkeiset elinkeinot', implementer: 'Keski-Suomen liitto', state: 'Käynnissä', start: [2023, 3, 1], end: [2026, 2, 28], decided: [615000, 410000, 25000], realisedShare: 0.3, city: 'Saarijärvi' }),
  P({ code: 'A84401', group: null, fund: 'EAKR', name: 'Vihreän siirtymän yrityspalvelut', implementer: 'Kuopion kaupunki', state: 'Käynnissä', start: [2024, 2, 1], end: [2027, 1, 31], decided: [198000, 132000, 0], realisedShare: 0.15, city: 'Kuopio' }),
  P({ code: 'S85501', group: null, fund: 'ESR+', name: 'Nuorten työelämätaidot', implementer: 'Lahden kaupunki', state: 'Päättynyt', start: [2022, 8, 1], end: [2024, 7, 31], decided: [145000, 96700, 0], realisedShare: 0.91, city: 'Lahti' }),
];

const utc = ([y, m, d]: [number, number, number]): Date => new Date(Date.UTC(y, m - 1, d));
/** Euros to two decimals, computed in cents so the cell holds what Excel would. */
const euros = (v: number): number => Math.round(v * 100) / 100;

function row(p: ExampleProject): ExcelJS.CellValue[] {
  const [euState, otherPublic, priv] = p.decided;
  const r = (v: number): number => euros(v * p.realisedShare);
  const values: Record<string, ExcelJS.CellValue> = {
    'Hankekoodi ': p.code,
    Ryhmähanketunnus: p.group,
    Rahasto: p.fund,
    Tl: p.fund === 'ESR+' ? 4 : p.fund === 'JTF' ? 7 : 1,
    Et: p.fund === 'ESR+' ? '4.2' : p.fund === 'JTF' ? '7.1' : '1.1',
    'Hankkeen nimi': `${p.name} (esimerkki)`,
    'Toteuttajan nimi': p.implementer,
    'Rahoittava viranomainen': 'Keski-Suomen liitto (esimerkki)',
    'Toiminnan tila': p.state,
    Aloituspvm: utc(p.start),
    Päättymispvm: utc(p.end),
    'Suunniteltu EU- ja valtion rahoitus': euros(euState),
    'Suunniteltu julkinen rahoitus': euros(euState + otherPublic),
    'Suunniteltu rahoitus yhteensä': euros(euState + otherPublic + priv),
    'Toteutunut EU- ja valtion rahoitus': r(euState),
    'Toteutunut julkinen rahoitus': euros(r(euState) + r(otherPublic)),
    'Toteutunut rahoitus yhteensä': euros(r(euState) + r(otherPublic) + r(priv)),
    'Toteutunut EU-rahoituksen määrä': euros(r(euState) * 0.6),
    'Toteutuspaikan postitoimipaikka': p.city,
    'Tuensaajan postitoimipaikka': p.city,
    'Suunnitelman mukainen tiivistelmä hankkeen toteutuksesta': 'Keksitty esimerkkihanke ekoraportin esimerkkiaineistoon.',
  };
  return HEADERS.map((h) => values[h] ?? null);
}

/** The example export's bytes: the same on every run. */
export async function exampleExport(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ekoraportti (esimerkkiaineisto)';
  wb.created = new Date(Date.UTC(2025, 5, 2));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Hankkeet');
  ws.addRow(['ESIMERKKIAINEISTO – keksitty EURA 2021 -hankeluettelo ekoraportin esimerkkejä varten; hankkeet ja summat eivät ole todellisia.']);
  ws.addRow(HEADERS);
  for (const p of PROJECTS) {
    const r = ws.addRow(row(p));
    r.getCell(12).numFmt = 'd.m.yyyy';
    r.getCell(13).numFmt = 'd.m.yyyy';
  }
  ws.addRow([`Hankkeita yhteensä ${PROJECTS.length}`]);
  ws.addRow(['Tiedot poimittu EURA 2021 -järjestelmästä 2.6.2025 (esimerkki)']);
  return repackZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(EXAMPLE_EXPORT, await exampleExport());
  console.log(`wrote ${EXAMPLE_EXPORT}`);
}
