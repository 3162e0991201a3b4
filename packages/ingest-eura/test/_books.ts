// Test workbooks written by exceljs (the library this package reads with) into a temporary folder,
// and EURA 2021 export rows in the export's own column order (DOMAIN.md).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EURA_EXPORT_HEADERS } from '../src/index.ts';

export type Value = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: Value[][];
}

/** A workbook as exceljs writes it; Date cells get a Finnish date format, as Excel shows them. */
export async function bookBuffer(sheets: readonly SheetSpec[], options: { date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  if (options.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const values of s.rows) {
      const row = ws.addRow(values);
      row.eachCell((c) => {
        if (c.value instanceof Date) c.numFmt = 'd.m.yyyy';
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface Scratch {
  dir: string;
  file(name: string, data: Buffer | string): Promise<string>;
  book(name: string, sheets: readonly SheetSpec[], options?: { date1904?: boolean }): Promise<string>;
  remove(): Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-eura-'));
  const file = async (name: string, data: Buffer | string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, data);
    return path;
  };
  return {
    dir,
    file,
    book: async (name, sheets, options) => file(name, await bookBuffer(sheets, options)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export const EURA_HEADERS = EURA_EXPORT_HEADERS;

export interface EuraRowSpec {
  code: string;
  group?: string | null;
  fund?: string;
  name?: string;
  implementer?: string;
  status?: string;
  start?: Value;
  end?: Value;
  /** [EU and state, public, total] in euros. */
  decided?: [Value, Value, Value];
  realised?: [Value, Value, Value];
  city?: string;
}

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

/** One export row; unspecified values are plausible defaults. */
export function euraRow(r: EuraRowSpec): Value[] {
  const [de, dp, dt] = r.decided ?? [100000, 140000, 150000];
  const [re, rp, rt] = r.realised ?? [40000, 56000, 60000];
  const byHeader: Record<string, Value> = {
    'Hankekoodi ': r.code,
    Ryhmähanketunnus: r.group ?? null,
    Rahasto: r.fund ?? 'EAKR',
    Tl: 1,
    Et: '1.1',
    'Hankkeen nimi': r.name ?? `Hanke ${r.code}`,
    'Toteuttajan nimi': r.implementer ?? 'Jyväskylän kaupunki',
    'Toteuttajan Y-tunnus': '0208201-1',
    'Rahoittava viranomainen': 'Keski-Suomen liitto',
    'Toiminnan tila': r.status ?? 'Käynnissä',
    Aloituspvm: r.start ?? d(2023, 1, 1),
    Päättymispvm: r.end ?? d(2025, 12, 31),
    'Suunniteltu EU- ja valtion rahoitus': de,
    'Suunniteltu julkinen rahoitus': dp,
    'Suunniteltu rahoitus yhteensä': dt,
    'Toteutunut EU- ja valtion rahoitus': re,
    'Toteutunut julkinen rahoitus': rp,
    'Toteutunut rahoitus yhteensä': rt,
    'Toteutuspaikan postitoimipaikka': r.city ?? 'Jyväskylä',
  };
  return EURA_HEADERS.map((h) => byHeader[h] ?? null);
}

export { d as utcDate };
