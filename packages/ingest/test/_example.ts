import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Language } from '@ekoraportti/core';
import { getAgreement, KpiTally, targetDeadlines } from '@ekoraportti/core';
import type { IngestResult, ReadOptions } from '../src/index.ts';
import { readDataFolder } from '../src/index.ts';

// Copies of the embedded example data with one defect each, the way coordinators' files really
// arrive (issue 15). The example's funding.csv is Windows-1252 with CRLF, as Finnish Excel saves it.

export const EXAMPLE = fileURLToPath(new URL('../../../seeds/example/', import.meta.url));
export const agreement2021 = getAgreement('2021');
export const AS_OF = '2024-12-31';

/** A file of the copy, as text (funding.csv decoded from Windows-1252). */
export function readText(dir: string, file: string): string {
  const bytes = readFileSync(join(dir, file));
  return file === 'funding.csv' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
}

/** Writes a file of the copy as text: funding.csv in Windows-1252 unless told otherwise. */
export function writeText(dir: string, file: string, text: string, encoding: 'win1252' | 'utf8' = file === 'funding.csv' ? 'win1252' : 'utf8'): void {
  writeFileSync(join(dir, file), encoding === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf8'));
}

/** Physical lines as an editor shows them: each of CRLF, LF and CR ends one. */
export const editorLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Runs `fn` on a fresh copy of the example data, removed afterwards. */
export async function withExample<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ekoraportti-example-'));
  try {
    cpSync(EXAMPLE, dir, { recursive: true });
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Read extends IngestResult {
  tally: KpiTally;
  /** Euros of the funding rows used, to the cent. */
  fundingCents: number;
}

/** Reads a folder against the 2021 agreement as the midterm review does, folding KPIs into a tally. */
export async function read(dir: string, lang: Language = 'fi', more: Partial<ReadOptions> = {}): Promise<Read> {
  const tally = new KpiTally(agreement2021.kpis, AS_OF, targetDeadlines(agreement2021));
  const r = await readDataFolder(dir, { agreement: agreement2021, asOf: AS_OF, lang, kpiTally: tally, ...more });
  return { ...r, tally, fundingCents: r.funding.reduce((s, f) => s + f.amountCents, 0) };
}

/** Every message and reason of a read, for checks that nothing raw reaches them. */
export const allText = (r: IngestResult): string[] => [...r.rejected.map((x) => x.reason), ...r.warnings.map((w) => w.message)];
