// Workbooks for the folder tests, written by exceljs (the library @ekoraportti/ingest-eura reads with):
// an EURA 2021 export in the export's own columns (DOMAIN.md), and contract files saved as .xlsx.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EURA_EXPORT_HEADERS } from '@ekoraportti/ingest-eura';

/** A one-sheet workbook of `rows` at `dir/name`; Date cells shown as Finnish dates, as Excel would. */
export async function writeBook(dir: string, name: string, rows: readonly ExcelJS.CellValue[][], sheet = 'Taul1'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.addRows(rows.map((r) => [...r]));
  ws.eachRow((r) => r.eachCell((c) => void (c.value instanceof Date ? (c.numFmt = 'd.m.yyyy') : null)));
  const path = join(dir, name);
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

/** An export row by the export's headers; the columns not given are empty. */
const exportRow = (cells: Readonly<Record<string, ExcelJS.CellValue>>): ExcelJS.CellValue[] => EURA_EXPORT_HEADERS.map((h) => cells[h] ?? null);

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A project of the export: code, name, implementer, state, period, and decided and realised [EU and state, public, total] euros. */
export function project(code: string, name: string, implementer: string, state: string, period: [string, string], decided: [number, number, number], realised: [number, number, number], more: Record<string, ExcelJS.CellValue> = {}): ExcelJS.CellValue[] {
  return exportRow({
    'Hankekoodi ': code,
    'Hankkeen nimi': name,
    'Toteuttajan nimi': implementer,
    'Toiminnan tila': state,
    Aloituspvm: day(period[0]),
    Päättymispvm: day(period[1]),
    'Suunniteltu EU- ja valtion rahoitus': decided[0],
    'Suunniteltu julkinen rahoitus': decided[1],
    'Suunniteltu rahoitus yhteensä': decided[2],
    'Toteutunut EU- ja valtion rahoitus': realised[0],
    'Toteutunut julkinen rahoitus': realised[1],
    'Toteutunut rahoitus yhteensä': realised[2],
    ...more,
  });
}

/** EURA's two footer rows. */
export const FOOTER: ExcelJS.CellValue[][] = [['Hankkeita yhteensä 6'], ['Tiedot poimittu EURA 2021 -järjestelmästä 2.6.2025']];
