import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language, Observation } from '@ekoraportti/core';
import { getAgreement } from '@ekoraportti/core';
import type { IngestResult } from '../src/index.ts';
import { readDataFolder } from '../src/index.ts';

export const agreement2025 = getAgreement('2025');

/** Reads a folder and collects the streamed observations, for assertions. */
export async function readAll(
  dir: string,
  opts: { lang?: Language; asOf?: string } = {},
): Promise<IngestResult & { observations: Observation[] }> {
  const observations: Observation[] = [];
  const result = await readDataFolder(dir, {
    agreement: agreement2025,
    asOf: opts.asOf ?? '2025-06-30',
    lang: opts.lang ?? 'fi',
    onObservation: (o) => observations.push(o),
  });
  return { ...result, observations };
}

export const HEADERS = {
  projects: 'project_id;name;owner;measure;status;start_date;end_date',
  funding: 'project_id;source;year;amount_eur',
  indicators: 'kpi;date;value;project_id;source',
  assessments: 'target;date;status;evidence;assessed_by',
} as const;

/** A temporary data folder with the given file contents (strings are written as UTF-8). */
export function tempFolder(files: Partial<Record<keyof typeof HEADERS, string | Buffer>>): {
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  for (const name of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
    const content = files[name] ?? HEADERS[name] + '\n';
    writeFileSync(join(dir, `${name}.csv`), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
