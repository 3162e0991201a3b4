// Speed and memory on a 1,000,000-row EURA-shaped export, and the time hostile workbooks take to be
// refused. Not a test: figures depend on the machine. Run: `pnpm --filter @ekoraportti/ingest-eura bench`.
// The workbook is generated once with exceljs's streaming writer into the OS temp folder (about a
// minute) and kept there for later runs.

import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readEuraExport, readWorkbookRows, XlsxError } from '../src/index.ts';
import { buildZip } from '../scripts/zip-writer.ts';

const ROWS = 1_000_000;
const HEADERS = [
  'Hankekoodi ', 'Ryhmähanketunnus', 'Rahasto', 'Tl', 'Et', 'Hankkeen nimi', 'Toteuttajan nimi', 'Toiminnan tila', 'Aloituspvm', 'Päättymispvm',
  'Suunniteltu EU- ja valtion rahoitus', 'Suunniteltu julkinen rahoitus', 'Suunniteltu rahoitus yhteensä',
  'Toteutunut EU- ja valtion rahoitus', 'Toteutunut julkinen rahoitus', 'Toteutunut rahoitus yhteensä', 'Toteutuspaikan postitoimipaikka',
];
const CITIES = ['Jyväskylä', 'Tampere', 'Oulu', 'Turku', 'Kuopio', 'Lahti'];

async function generate(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Hankkeet');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) {
    const decided = 100_000 + (i % 9_000) * 37.25;
    const row = ws.addRow([
      `A${String(100_000 + i)}`, i % 10 === 0 ? `A${String(100_000 + i - (i % 100))}` : null, 'EAKR', 1, '1.1',
      `Esimerkkihanke ${i % 5_000}`, `Toteuttaja ${i % 700}`, i % 3 === 0 ? 'Päättynyt' : 'Käynnissä',
      new Date(Date.UTC(2022, i % 12, 1)), new Date(Date.UTC(2025, i % 12, 28)),
      decided, decided * 1.4, decided * 1.5, decided / 2, decided * 0.7, decided * 0.75, CITIES[i % CITIES.length],
    ]);
    row.getCell(9).numFmt = 'd.m.yyyy';
    row.getCell(10).numFmt = 'd.m.yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Runs `work`, sampling the resident set every 100 ms. */
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t0 = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s, peak RSS ${Math.round(peak / 2 ** 20)} MiB (${Math.round(before / 2 ** 20)} MiB before)`);
  }
}

const refused = async (path: string): Promise<string> => {
  try {
    for await (const _ of readWorkbookRows(path, { lang: 'en', sheets: 'all' })) void _;
    return 'read';
  } catch (err) {
    return err instanceof XlsxError ? err.code : String(err);
  }
};

const path = join(tmpdir(), 'ekoraportti-eura-1m.xlsx');
const bomb = join(tmpdir(), 'ekoraportti-eura-bomb.xlsx');
const cut = join(tmpdir(), 'ekoraportti-eura-cut.xlsx');

/** Each case runs in a process of its own, so its peak is its own. */
const CASES: Record<string, () => Promise<void>> = {
  async rows() {
    let rows = 0;
    const heap: string[] = [];
    await measure('readWorkbookRows, every row of 1,000,000 × 17', async () => {
      for await (const _ of readWorkbookRows(path, { lang: 'fi', sheets: 'all' })) {
        if (++rows % 250_000 === 1) {
          global.gc?.(); // the live heap, row by row: flat once the shared strings are in
          heap.push(`row ${rows}: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
        }
      }
    });
    console.log(`  ${rows} rows (header included); live heap after GC at ${heap.join(', ')}`);
  },
  async eura() {
    const codes = Array.from({ length: 200 }, (_, i) => `A${String(100_000 + i * 5_000)}`);
    const exp = await measure('readEuraExport, 200 listed codes', () => readEuraExport(path, { projectCodes: codes, lang: 'fi' }));
    console.log('  counts', JSON.stringify(exp?.counts));
  },
  async bomb() {
    console.log('  →', await measure('zip bomb (510 KiB packed, 512 MiB unpacked)', () => refused(bomb)));
  },
  async cut() {
    console.log('  →', await measure('the 1,000,000-row workbook cut at 60 %', () => refused(cut)));
  },
};

const only = process.argv[2];
if (only !== undefined) {
  await CASES[only]?.();
} else {
  if (!existsSync(path)) await measure('generate (exceljs streaming writer)', () => generate(path));
  console.log(`${path}: ${((await stat(path)).size / 2 ** 20).toFixed(1)} MiB, ${ROWS.toLocaleString('en')} rows`);
  await writeFile(bomb, buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(512 * 2 ** 20, 0x20), method: 'deflate' }]));
  const whole = await readFile(path);
  await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  for (const name of Object.keys(CASES)) {
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
  }
  await rm(bomb);
  await rm(cut);
}
