// The data folder before any file is read: it exists, and holds the four files. A file that is
// missing is often there under a near name (`Funding.CSV`, `funding.csv.txt`, or `funding.xlsx`, the
// workbook not yet saved as CSV): the message names it and says what to do.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestPhrases, InputFile, NearMiss } from '@ekoraportti/core';
import { INPUT_FILES } from '@ekoraportti/core';
import { IngestError } from './_errors.ts';

const WORKBOOK = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** Files of the folder whose names are close to `file`'s: its name in another case, or with another or an added extension. */
function nearMisses(file: InputFile, names: readonly string[]): NearMiss[] {
  const base = file.replace(/\.csv$/, '');
  const lower = (s: string) => s.toLowerCase();
  return names
    .filter((n) => n !== file && !(INPUT_FILES as readonly string[]).includes(n))
    .filter((n) => lower(n) === file || /^[ ._\-(]/.test(lower(n).slice(base.length)) && lower(n).startsWith(base))
    .sort()
    .map((found) => ({ missing: file, found, kind: WORKBOOK.test(found) ? 'workbook' : 'name' }));
}

/** Checks the folder and its four files; returns each file's size. Throws IngestError when something is missing. */
export async function checkFolder(dir: string, m: IngestPhrases): Promise<Record<InputFile, number>> {
  const dirStat = await stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new IngestError('E_NO_FOLDER', m.noFolder(dir));
  const sizes = {} as Record<InputFile, number>;
  const missing: InputFile[] = [];
  for (const file of INPUT_FILES) {
    const st = await stat(join(dir, file)).catch(() => null);
    if (st?.isFile()) sizes[file] = st.size;
    else missing.push(file);
  }
  if (missing.length > 0) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const near = missing.flatMap((f) => nearMisses(f, names));
    throw new IngestError('E_MISSING_FILE', m.missingFiles(dir, missing, INPUT_FILES, near), missing[0]);
  }
  return sizes;
}
