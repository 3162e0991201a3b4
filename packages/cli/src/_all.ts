import { spawnSync } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import { describeProgress, type Language } from '@ekoraportti/core';
import { ProblemError } from '@ekoraportti/runner';
import { parseOptions, REPORT_OPTIONS } from './_args.ts';
import { loadConfig } from './_config.ts';
import type { CliIo } from './_io.ts';
import { findPipeline, PIPELINES, renderUsage } from './_pipelines.ts';
import { reportRuns, resolveDataSource, type DataSource } from './_settings.ts';

/** Options a turbo-cached example run may carry: they do not change what turbo cannot see. */
const CACHEABLE = new Set(['quiet', 'pipeline', 'example']);
/** Options whose value is a path: made absolute, since each report task runs in its own package folder. */
const PATHS = new Set(['data', 'out', 'previous']);

/** What `pnpm report` hands to turbo: the task, the packages and the arguments for the report tasks only. */
export interface TurboPlan {
  task: 'report' | 'report:example';
  filter: string | null;
  passThrough: string[];
  env: Record<string, string>;
  data: DataSource;
}

/**
 * Decides how `pnpm report ARGS` runs the pipelines' report tasks. The embedded example data, with no
 * settings file and no option turbo cannot hash, goes to the turbo-cached `report:example` task. Any
 * other data folder goes to `report`, which turbo never caches (it cannot hash a folder outside the
 * checkout, and a replayed report would be stale): each run skips itself when its data, options and
 * tools are unchanged. Every option is checked here first, so a mistake stops before turbo starts.
 */
export async function planReports(argv: readonly string[], io: Required<CliIo>): Promise<TurboPlan | 'help'> {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const parsed = parseOptions({ args, options: REPORT_OPTIONS, tokens: true });
  const values = parsed.values;
  const tokens = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [{ name: t.name, value: t.value }] : []));
  if (values.help) return 'help';
  const selected = values.pipeline !== undefined ? [findPipeline(values.pipeline)] : PIPELINES;
  if (values.out !== undefined && selected.length > 1) throw new ProblemError({ code: 'E_OUT_WITH_SEVERAL', several: 'pipelines' });
  const { config, path: configPath } = await loadConfig(io.root);
  const where = { env: io.env, cwd: io.cwd, root: io.root, config };
  const flags = { data: values.data, example: values.example, asOf: values['as-of'], agreement: values.agreement, lang: values.lang, out: values.out, previous: values.previous, strict: values.strict, force: values.force };
  for (const pipeline of selected) reportRuns({ pipeline, ...flags }, where, io.today());
  const data = resolveDataSource(flags, where);
  const cached = data.origin === 'example' && (configPath === null || values.example === true) && tokens.every((t) => CACHEABLE.has(t.name));
  const passThrough = tokens
    .filter((t) => t.name !== 'pipeline')
    .flatMap((t) => (t.value === undefined ? [`--${t.name}`] : [`--${t.name}`, PATHS.has(t.name) && t.value !== 'none' ? resolve(io.cwd, t.value) : t.value]));
  const envData = io.env.EKORAPORTTI_DATA;
  return {
    task: cached ? 'report:example' : 'report',
    filter: values.pipeline !== undefined ? `@ekoraportti/pipeline-${values.pipeline}` : null,
    passThrough,
    env: envData !== undefined && envData !== '' && !isAbsolute(envData) ? { EKORAPORTTI_DATA: resolve(io.cwd, envData) } : {},
    data,
  };
}

/** `pnpm report [-- options]` (`ekoraportti all`): every pipeline's report through turbo; exits with turbo's status. */
export async function runAll(argv: readonly string[], io: Required<CliIo>, lang: Language): Promise<number> {
  const plan = await planReports(argv, io);
  if (plan === 'help') {
    io.stdout(renderUsage(lang));
    return 0;
  }
  if (plan.data.origin !== 'example' && !plan.passThrough.includes('--quiet')) {
    io.stderr(`ekoraportti: ${describeProgress({ kind: 'uncached', dir: plan.data.dir, origin: plan.data.origin }, lang)}\n`);
  }
  const turbo = join(io.root, 'node_modules', '.bin', 'turbo');
  // One pipeline's failure (its out folder read-only, say) does not stop the others: each report is its own,
  // and a scheduled run should leave as few of them stale as it can. The reports still wait for the build.
  const args = [
    'run',
    plan.task,
    '--continue=dependencies-successful',
    ...(plan.filter ? [`--filter=${plan.filter}`] : []),
    ...(plan.passThrough.length > 0 ? ['--', ...plan.passThrough] : []),
  ];
  const r = spawnSync(turbo, args, { cwd: io.root, stdio: 'inherit', env: { ...process.env, ...plan.env } });
  if (r.error) throw r.error;
  return r.status ?? 3;
}
