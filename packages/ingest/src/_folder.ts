// The data folder before any file is read: it exists, and holds the four contract files, each as CSV
// (`funding.csv`) or as a workbook (`funding.xlsx`), never both; any other .xlsx may be an EURA 2021
// export. A file that is missing is often there under a near name (`Funding.CSV`, `funding.csv.txt`,
// or `funding.xls`, an old workbook): the message names it and says what to do.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestPhrases, InputFile, NearMiss } from '@ekoraportti/core';
import { INPUT_FILES } from '@ekoraportti/core';
import { IngestError } from './_errors.ts';

const WORKBOOK = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** Where a contract file's rows are: `funding.csv`, or the first sheet of `funding.xlsx`. */
export interface ContractSource {
  name: string;
  kind: 'csv' | 'xlsx';
  size: number;
}

/** What a data folder holds: the four contract files, and the other workbooks (EURA exports, perhaps). */
export interface DataFolder {
  files: Record<InputFile, ContractSource>;
  /** Other `.xlsx` files, by name (Excel's `~$` lock files aside). */
  workbooks: { name: string; size: number }[];
}

/** `funding.csv` → `funding.xlsx`. */
export const workbookName = (file: InputFile): string => file.replace(/\.csv$/, '.xlsx');

/**
 * An `.xlsx` that is not a contract file. Excel's lock file `~$name.xlsx` (the workbook is open in Excel)
 * and hidden files (macOS writes `._name.xlsx` beside each file it copies to a USB stick or a network
 * share) are no data.
 */
const isOtherWorkbook = (name: string): boolean =>
  /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.') && !INPUT_FILES.some((f) => workbookName(f) === name);

/** Files of the folder whose names are close to `file`'s: its name in another case, or with another or an added extension. */
function nearMisses(file: InputFile, names: readonly string[]): NearMiss[] {
  const base = file.replace(/\.csv$/, '');
  const lower = (s: string) => s.toLowerCase();
  return names
    .filter((n) => n !== file && n !== workbookName(file) && !(INPUT_FILES as readonly string[]).includes(n))
    .filter((n) => lower(n) === file || /^[ ._\-(]/.test(lower(n).slice(base.length)) && lower(n).startsWith(base))
    .sort()
    .map((found) => ({ missing: file, found, kind: WORKBOOK.test(found) ? 'workbook' : 'name' }));
}

const sizeOf = (path: string): Promise<number | null> => stat(path).then((s) => (s.isFile() ? s.size : null), () => null);

/**
 * Checks the folder and its four files, each as CSV or workbook. Throws IngestError when the folder or
 * a file is missing, or a file is there in both forms.
 */
export async function scanFolder(dir: string, m: IngestPhrases): Promise<DataFolder> {
  const dirStat = await stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new IngestError('E_NO_FOLDER', m.noFolder(dir));
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const files = {} as Record<InputFile, ContractSource>;
  const missing: InputFile[] = [];
  for (const file of INPUT_FILES) {
    const csv = await sizeOf(join(dir, file));
    const xlsx = await sizeOf(join(dir, workbookName(file)));
    if (csv !== null && xlsx !== null) throw new IngestError('E_BOTH_FORMS', m.bothForms(file, workbookName(file)), file);
    if (csv !== null) files[file] = { name: file, kind: 'csv', size: csv };
    else if (xlsx !== null) files[file] = { name: workbookName(file), kind: 'xlsx', size: xlsx };
    else missing.push(file);
  }
  if (missing.length > 0) {
    const near = missing.flatMap((f) => nearMisses(f, names));
    throw new IngestError('E_MISSING_FILE', m.missingFiles(dir, missing, INPUT_FILES, near), missing[0]);
  }
  return { files, workbooks: await otherWorkbooks(dir, names) };
}

/** The other workbooks among `names` (sorted), files only: a folder named `arkisto.xlsx` is not read. */
async function otherWorkbooks(dir: string, names: readonly string[]): Promise<DataFolder['workbooks']> {
  const workbooks: DataFolder['workbooks'] = [];
  for (const name of names.filter(isOtherWorkbook)) {
    const size = await sizeOf(join(dir, name));
    if (size !== null) workbooks.push({ name, size });
  }
  return workbooks;
}

/**
 * The files a reading of `dir` reads, in reading order: each contract file in the form(s) present, then
 * the other workbooks. For the manifest, so a changed, added or removed workbook makes a report stale.
 */
export async function listDataFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const contract = INPUT_FILES.flatMap((f) => [f, workbookName(f)].filter((n) => names.includes(n)));
  // The workbooks as the reading takes them (scanFolder), so nothing listed goes unread.
  return [...contract, ...(await otherWorkbooks(dir, names)).map((w) => w.name)];
}
