// Throughput check, not a test: readDataFolder vs. csv-parse alone over the same generated
// indicators.csv (1,000,000 rows by default, written to a temp folder, never committed).
// Run: node --import tsx bench/bench.ts [rows]   (from packages/ingest)
import { closeSync, createReadStream, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { getAgreement } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = join(tmpdir(), 'ekoraportti-ingest-bench');
mkdirSync(dir, { recursive: true });

const kpis = ['partner_cities', 'research_institutes', 'hippos_city_investment_meur', 'bilateral_collaborations', 'new_rdi_environments'];
const projects = ['A80100', 'A80101', 'A80102', 'A80103', 'A80104'];
writeFileSync(
  join(dir, 'projects.csv'),
  'project_id;name;owner;measure;status;start_date;end_date\r\n' +
    projects.map((p, i) => `${p};Hanke ${i};JYU;4.1.${(i % 3) + 1};käynnissä;1.1.2023;31.12.2027\r\n`).join(''),
);
writeFileSync(join(dir, 'funding.csv'), 'project_id;source;year;amount_eur\r\n' + projects.map((p) => `${p};EAKR;2024;1 000,00\r\n`).join(''));
writeFileSync(join(dir, 'assessments.csv'), 'target;date;status;evidence;assessed_by\r\n4.1.1/2023;30.11.2024;etenee;x;y\r\n');
const fd = openSync(join(dir, 'indicators.csv'), 'w');
writeSync(fd, '\ufeffkpi;date;value;project_id;source\r\n');
let chunk = '';
// Every (KPI, date, project) once: a repeated key is a repeated row or a correction, and is reported.
const day = (n: number): string => {
  const d = new Date(Date.UTC(1950, 0, 1 + n));
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;
};
for (let i = 0; i < rows; i++) {
  const value = i % 7 === 0 ? `${i % 1000},${i % 100}` : String(i % 50);
  const project = Math.floor(i / 5) % 6;
  chunk += `${kpis[i % 5]};${day(Math.floor(i / 30))};${value};${project < 5 ? projects[project] : ''};raportti ${i % 100}.pdf\r\n`;
  if (i % 10_000 === 9_999) {
    writeSync(fd, chunk);
    chunk = '';
  }
}
writeSync(fd, chunk);
closeSync(fd);

async function csvParseAlone(): Promise<number> {
  let n = 0;
  const parser = createReadStream(join(dir, 'indicators.csv')).pipe(parse({ delimiter: ';', bom: true }));
  for await (const _ of parser) n++;
  return n;
}

let peakHeap = 0;

async function ingest(): Promise<number> {
  let n = 0;
  let sum = 0;
  const r = await readDataFolder(dir, {
    agreement: getAgreement('2025'),
    asOf: '2025-06-30',
    lang: 'fi',
    onProgress: () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
    onObservation: (o) => {
      n++;
      sum += o.value;
    },
  });
  if (r.inputs['indicators.csv'].rowsUsed !== rows) throw new Error(`expected ${rows} used rows, got ${JSON.stringify(r.inputs)}`);
  return n + 0 * sum;
}

const time = async (name: string, fn: () => Promise<number>): Promise<number> => {
  const t = performance.now();
  const n = await fn();
  const s = (performance.now() - t) / 1000;
  console.log(`${name.padEnd(16)} ${n} rows ${s.toFixed(2)} s  heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  return s;
};

const base: number[] = [];
const ours: number[] = [];
for (let round = 0; round < 3; round++) {
  base.push(await time('csv-parse alone', csvParseAlone));
  ours.push(await time('readDataFolder', ingest));
}
const best = (xs: number[]): number => Math.min(...xs);
console.log(`peak heap seen every 50k rows during readDataFolder: ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
console.log(`best of 3: csv-parse ${best(base).toFixed(2)} s, readDataFolder ${best(ours).toFixed(2)} s, ratio ${(best(ours) / best(base)).toFixed(2)}`);
