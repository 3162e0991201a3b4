import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTemplates } from './_render.ts';

/** The repository's `templates/` folder: three levels up from packages/render-html/src. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/**
 * Reads `report.hbs`, `report.css` and `partials/*.hbs` from a templates folder (the repository's
 * `templates/` by default). The only I/O of this package.
 */
export async function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<HtmlTemplates> {
  const partialsDir = join(dir, 'partials');
  const names = (await readdir(partialsDir)).filter((f) => f.endsWith('.hbs')).sort();
  const partials: Record<string, string> = {};
  for (const file of names) partials[file.slice(0, -'.hbs'.length)] = await readFile(join(partialsDir, file), 'utf8');
  const [report, css] = await Promise.all([
    readFile(join(dir, 'report.hbs'), 'utf8'),
    readFile(join(dir, 'report.css'), 'utf8'),
  ]);
  return { report, partials, css };
}
