import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { languageSchema } from '@ekoraportti/core';
import { firstIssue, ProblemError } from '@ekoraportti/runner';

/** The settings file at the checkout's root: optional, every field optional. */
export const CONFIG_FILE = 'ekoraportti.config.json';

/**
 * `ekoraportti.config.json`. Paths are taken from the checkout's root. An unknown field is refused,
 * so a typo (`"date"` for `"data"`) cannot silently build the example's report instead.
 */
export const configSchema = z.strictObject({
  /** The data folder, when neither `--data` nor `EKORAPORTTI_DATA` names one. */
  data: z.string().min(1).optional(),
  /** The city the report files are named after (default the agreement's, Jyväskylä). */
  city: z.string().min(1).optional(),
  /** The folder the pipelines' output folders go in (default `out`). */
  out: z.string().min(1).optional(),
  /** The report language, or several: each gets its own report (default `fi`). */
  lang: z.union([languageSchema, z.array(languageSchema).min(1)]).optional(),
  /** The recipients file `distribute` sends to when `--to` is not given. */
  recipients: z.string().min(1).optional(),
});
export type Config = z.infer<typeof configSchema>;

/** Reads the settings file at `root`; none is an empty configuration. A broken one is a problem naming the field. */
export async function loadConfig(root: string): Promise<{ config: Config; path: string | null }> {
  const path = join(root, CONFIG_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, path: null };
    throw new ProblemError({ code: 'E_CONFIG_JSON', path, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProblemError({ code: 'E_CONFIG_JSON', path, detail: (e as Error).message });
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new ProblemError({ code: 'E_CONFIG_FIELD', path, ...firstIssue(parsed.error) });
  return { config: parsed.data, path };
}
