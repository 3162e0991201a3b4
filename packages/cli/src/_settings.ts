import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  agreementVersionSchema,
  languageSchema,
  type AgreementVersion,
  type DataOrigin,
  type Language,
} from '@ekoraportti/core';
import { asOfProblem, EXAMPLE_DATA_MARKER, ProblemError, resolveDefaultAsOf, type PipelineDefinition, type PreviousChoice, type RunOptions } from '@ekoraportti/runner';
import type { Config } from './_config.ts';
import type { CliIo } from './_io.ts';

/** The embedded example data, inside the checkout. */
export const EXAMPLE_DATA = join('seeds', 'example');

/** Where the data is and who said so. */
export interface DataSource {
  dir: string;
  origin: DataOrigin;
}

interface Where {
  env: CliIo['env'];
  cwd: string;
  root: string;
  config: Config;
}

/**
 * The one rule for where the data is: `--data DIR`, else `EKORAPORTTI_DATA`, else `"data"` in
 * `ekoraportti.config.json`, else the embedded example. `--example` takes the example whatever the
 * rest says. Paths on the command line and in the environment are taken from where the command was
 * typed; the settings file's from the checkout's root.
 */
export function resolveDataSource(flags: { data?: string | undefined; example?: boolean | undefined }, w: Where): DataSource {
  if (flags.example && flags.data !== undefined) throw new ProblemError({ code: 'E_CONFLICTING_OPTIONS', options: ['--data', '--example'] });
  const example = { dir: join(w.root, EXAMPLE_DATA), origin: 'example' } as const;
  if (flags.example) return example;
  if (flags.data !== undefined) return { dir: resolve(w.cwd, flags.data), origin: 'flag' };
  const env = w.env.EKORAPORTTI_DATA;
  if (env !== undefined && env !== '') return { dir: resolve(w.cwd, env), origin: 'env' };
  if (w.config.data !== undefined) return { dir: resolve(w.root, w.config.data), origin: 'config' };
  return example;
}

/** `--lang` if given, else the settings file's language(s), else Finnish. */
export function languagesOf(flag: string | undefined, config: Config, useConfig: boolean): Language[] {
  if (flag !== undefined) {
    const lang = languageSchema.safeParse(flag);
    if (!lang.success) throw new ProblemError({ code: 'E_BAD_VALUE', option: '--lang', value: flag, allowed: languageSchema.options });
    return [lang.data];
  }
  const configured = useConfig ? config.lang : undefined;
  if (configured === undefined) return ['fi'];
  return [...new Set(Array.isArray(configured) ? configured : [configured])];
}

/**
 * The folder a pipeline's report goes to by default: `<out root>/<pipeline>`, `-en` for English. The
 * example's reports go to `<out root>/example/<pipeline>`, a folder of their own: turbo caches and
 * restores the example's folder whole, and a report of real data in it would be replaced by the
 * example's, or by an older one of its own, the next time `pnpm report` hit the cache.
 */
export function defaultOutDir(pipeline: string, lang: Language, root: string, config: Config, example = false): string {
  const outRoot = config.out !== undefined ? resolve(root, config.out) : join(root, 'out');
  return join(outRoot, ...(example ? ['example'] : []), `${pipeline}${lang === 'fi' ? '' : `-${lang}`}`);
}

/** The report run's options as the command line gives them. */
export interface ReportFlags {
  pipeline: PipelineDefinition;
  data?: string | undefined;
  example?: boolean | undefined;
  asOf?: string | undefined;
  agreement?: string | undefined;
  lang?: string | undefined;
  out?: string | undefined;
  previous?: string | undefined;
  strict?: boolean | undefined;
  force?: boolean | undefined;
}

/** One run per report language, every option checked (a problem is exit code 2 before anything is read). */
export function reportRuns(f: ReportFlags, w: Where, today: string): RunOptions[] {
  const data = resolveDataSource(f, w);
  // The example's reports are the same everywhere: the settings file does not reach them.
  const config = data.origin === 'example' && f.example ? {} : w.config;
  const asOf = f.asOf ?? (data.origin === 'example' ? f.pipeline.exampleAsOf : resolveDefaultAsOf(f.pipeline.defaultAsOf, today));
  const dateProblem = asOfProblem(asOf);
  if (dateProblem) throw new ProblemError(dateProblem);
  const agreement = agreementVersionSchema.safeParse(f.agreement ?? f.pipeline.defaultAgreement);
  if (!agreement.success) {
    throw new ProblemError({ code: 'E_BAD_VALUE', option: '--agreement', value: f.agreement ?? '', allowed: agreementVersionSchema.options });
  }
  const langs = languagesOf(f.lang, config, true);
  if (f.out !== undefined && langs.length > 1) throw new ProblemError({ code: 'E_OUT_WITH_SEVERAL', several: 'languages' });
  // The example's reports go to a folder of their own, also when the example (or a copy with its marker) is
  // named by --data or EKORAPORTTI_DATA: they must not replace the real reports in out/<pipeline>.
  const exampleFolder = data.origin === 'example' || existsSync(join(data.dir, EXAMPLE_DATA_MARKER));
  const previous: PreviousChoice =
    f.previous === undefined ? { kind: 'auto' } : f.previous === 'none' ? { kind: 'none' } : { kind: 'file', path: resolve(w.cwd, f.previous) };
  return langs.map((lang) => ({
    pipeline: f.pipeline,
    dataDir: data.dir,
    dataOrigin: data.origin,
    outDir: f.out !== undefined ? resolve(w.cwd, f.out) : defaultOutDir(f.pipeline.name, lang, w.root, config, exampleFolder),
    asOf,
    agreement: agreement.data as AgreementVersion,
    lang,
    strict: f.strict ?? false,
    previous,
    city: config.city ?? null,
    force: f.force ?? false,
  }));
}
