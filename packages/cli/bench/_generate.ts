import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { getAgreement } from '@ekoraportti/core';
import { EXAMPLE_DATA_MARKER } from '@ekoraportti/runner';

/** Sizes of a generated data set. */
export interface Scale {
  projects: number;
  fundingRows: number;
  observations: number;
  assessments: number;
}

/**
 * The national scale `pnpm bench` measures at (58 MB of KPI observations); the tagged-PDF test
 * (test/pdf-structure.test.ts) builds reports of its projects, funding rows and assessments.
 */
export const BENCH_SCALE: Scale = { projects: 300, fundingRows: 3_000, observations: 1_000_000, assessments: 10_000 };

/** A small deterministic PRNG (mulberry32): the same seed gives the same files on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fiDate = (y: number, m: number, d: number) => `${d}.${m}.${y}`;
const NBSP = '\u00a0';
function fiMoney(cents: number): string {
  const e = Math.floor(cents / 100);
  const c = String(cents % 100).padStart(2, '0');
  return `${String(e).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)},${c}`;
}

async function writeLines(path: string, header: string, count: number, row: (i: number) => string, bom: boolean): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${bom ? '\ufeff' : ''}${header}\r\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${row(i)}\r\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Writes a data folder in the Finnish Excel dialect (`;`, decimal comma, NBSP thousands,
 * Finnish dates and words; funding.csv in Windows-1252, the rest UTF-8 with BOM). Every row is valid.
 * The folder is marked as example data, so a report built from it says so on every page.
 */
export async function generateDataFolder(dir: string, scale: Scale, seed = 2025): Promise<void> {
  await mkdir(dir, { recursive: true });
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const agreement = getAgreement('2025');
  const measures = agreement.measures.map((m) => m.id);
  const statuses = ['käynnissä', 'päättynyt', 'suunniteltu', 'peruttu', 'ongoing', 'completed'];
  const owners = ['Jyväskylän kaupunki', 'Jyväskylän yliopisto', 'JAMK', 'Business Jyväskylä', 'Yritys Oy'];
  const ids = Array.from({ length: scale.projects }, (_, i) => `A${String(900000 + i)}`);
  // A row that repeats another's key (funding: project, source, year; indicators: KPI, date, project;
  // assessments: the whole row) is a repeat or a correction and is reported as such, so every key is
  // drawn once: the data stays all valid and random.
  const once = (draw: () => string): (() => string) => {
    const seen = new Set<string>();
    return () => {
      for (;;) {
        const key = draw();
        if (!seen.has(key)) {
          seen.add(key);
          return key;
        }
      }
    };
  };

  await writeLines(
    join(dir, 'projects.csv'),
    'project_id;name;owner;measure;status;start_date;end_date',
    scale.projects,
    (i) => {
      const y = 2021 + Math.floor(rnd() * 5);
      return `${ids[i]};Esimerkkihanke ${i + 1} – kehitys ja kokeilu;${pick(owners)};${measures[i % measures.length]};${pick(statuses)};${fiDate(y, 1 + Math.floor(rnd() * 12), 1)};${fiDate(y + 2, 12, 31)}`;
    },
    true,
  );

  const sources = ['EAKR', 'ESR+', 'JTF', 'AKKE', 'RRF', 'valtio', 'kaupunki', 'muu_julkinen', 'yksityinen'];
  const funding: string[] = ['project_id;source;year;amount_eur'];
  const fundingKey = once(() => `${pick(ids)};${pick(sources)};${2021 + Math.floor(rnd() * 5)}`);
  for (let i = 0; i < scale.fundingRows; i++) funding.push(`${fundingKey()};${fiMoney(Math.floor(rnd() * 50_000_000))}`);
  await writeFile(join(dir, 'funding.csv'), iconv.encode(`${funding.join('\r\n')}\r\n`, 'win1252'));

  const kpis = agreement.kpis.map((k) => k.id);
  const observationKey = once(() => `${pick(kpis)};${fiDate(2021 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))};${pick(ids)}`);
  await writeLines(
    join(dir, 'indicators.csv'),
    'kpi;date;value;project_id;source',
    scale.observations,
    () => {
      const v = rnd() < 0.8 ? String(Math.floor(rnd() * 3)) : `${Math.floor(rnd() * 10)},${Math.floor(rnd() * 10)}`;
      const [kpi, date, project] = observationKey().split(';') as [string, string, string];
      return `${kpi};${date};${v};${project};Seurantaraportti`;
    },
    true,
  );

  const targets = agreement.targets.map((t) => t.id);
  const words = ['saavutettu', 'etenee', 'riskissä', 'ei_etene', 'ei_aloitettu'];
  const assessmentKey = once(() => `${pick(targets)};${fiDate(2021 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))};${pick(words)}`);
  await writeLines(
    join(dir, 'assessments.csv'),
    'target;date;status;evidence;assessed_by',
    scale.assessments,
    () => `${assessmentKey()};"Arvio; näyttö hankeraporteista";Johtoryhmä`,
    true,
  );
  await writeFile(
    join(dir, EXAMPLE_DATA_MARKER),
    'EXAMPLE DATA / ESIMERKKIAINEISTO\n\nGenerated by `pnpm bench` at national scale: every figure is invented.\n',
  );
}
