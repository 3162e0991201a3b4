import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTemplates } from './_render.ts';

/** Where the templates are: this folder of the repository, whose root holds `pnpm-workspace.yaml`. */
export const TEMPLATES_FOLDER = 'templates';

/**
 * The repository's templates folder, found from wherever this code runs (its TypeScript source, or
 * the CLI's bundle, which sits at another depth) by going up to the workspace root.
 */
export function findTemplatesDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, TEMPLATES_FOLDER);
    if (dirname(dir) === dir) throw new Error(`render-html: no workspace root (pnpm-workspace.yaml) above ${from}, so no ${TEMPLATES_FOLDER}/ folder`);
  }
}

/** `<repository>/templates`. */
export const DEFAULT_TEMPLATES_DIR = findTemplatesDir();

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
