import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { agreementVersionSchema, isoDateSchema, languageSchema, type AgreementVersion, type Language } from '@ekoraportti/core';
import { resolveDefaultAsOf } from './_asof.ts';
import { StrictRejectionError, UsageError } from './_errors.ts';
import type { PipelineDefinition } from './_pipeline.ts';
import { createProgress } from './_progress.ts';
import { runPipeline, type RunOptions } from './_run.ts';

/** What the command needs from its surroundings; tests pass their own. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stderrIsTTY: boolean;
  /** Today's date (ISO), for the steering group's "last full quarter". */
  today: () => string;
  now: () => number;
  /** The module that reads part of a large indicators.csv on a thread (the bundle's own); default ingest's source entry. */
  ingestWorker?: URL;
}

export function processIo(): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    // pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command,
    // so relative --data and --out paths mean what the user meant.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    today: () => new Date().toISOString().slice(0, 10),
    now: () => performance.now(),
  };
}

/** Exit codes: 0 built; 1 `--strict` and rows were rejected; 2 usage or configuration error; 3 internal error (a bug). */
export const EXIT = { ok: 0, rejected: 1, usage: 2, internal: 3 } as const;

/** The help text, as a string (printed by `--help` and after a usage error). */
export function renderUsage(pipelines: readonly PipelineDefinition[]): string {
  const names = pipelines.map((p) => `    ${p.name.padEnd(16)} ${p.description.en} (agreement ${p.defaultAgreement}, as of ${p.defaultAsOf.kind === 'fixed' ? p.defaultAsOf.date : 'the last full quarter'})`);
  return [
    'Usage: ekoraportti --pipeline NAME --data DIR [options]',
    '       ekoraportti distribute --pipeline NAME --to FILE --smtp smtp://HOST:PORT [--send]',
    '',
    'Builds a PDF, an HTML and a report.json from the CSV files in DIR.',
    '',
    'Options:',
    '  --pipeline NAME        which report to build (see below)',
    '  --data DIR             folder with projects.csv, funding.csv, indicators.csv, assessments.csv',
    '  --as-of YYYY-MM-DD     date the report describes (default: the pipeline\'s own)',
    '  --agreement 2021|2025  agreement version to measure against (default: the pipeline\'s own)',
    '  --lang fi|en           report language (default fi)',
    '  --out DIR              output folder (default out/NAME)',
    '  --previous FILE        report.json of an earlier run, to show the change since then',
    '  --strict               write nothing and exit 1 if any row is rejected',
    '  --quiet                no progress lines on stderr',
    '  --help                 this text',
    '',
    'Pipelines:',
    ...names,
    '',
    'Exit codes: 0 built; 1 --strict and rows were rejected; 2 usage or configuration error; 3 internal error.',
    '',
  ].join('\n');
}

/** Parses and checks the arguments; every problem is a UsageError (exit code 2). */
export function parseReportArgs(
  argv: readonly string[],
  pipelines: readonly PipelineDefinition[],
  io: Pick<CliIo, 'cwd' | 'today'>,
): (RunOptions & { quiet: boolean }) | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        pipeline: { type: 'string' },
        data: { type: 'string' },
        'as-of': { type: 'string' },
        agreement: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        previous: { type: 'string' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError('E_USAGE', (e as Error).message);
  }
  if (values.help) return 'help';
  if (!values.pipeline) throw new UsageError('E_USAGE', 'Missing --pipeline NAME.');
  const pipeline = pipelines.find((p) => p.name === values.pipeline);
  if (!pipeline) {
    throw new UsageError('E_UNKNOWN_PIPELINE', `Unknown pipeline '${values.pipeline}'. Known: ${pipelines.map((p) => p.name).join(', ')}.`);
  }
  if (!values.data) throw new UsageError('E_USAGE', 'Missing --data DIR (the folder with the CSV files).');
  const asOf = values['as-of'] ?? resolveDefaultAsOf(pipeline.defaultAsOf, io.today());
  if (!isoDateSchema.safeParse(asOf).success) throw new UsageError('E_USAGE', `--as-of '${asOf}' is not a date of the form YYYY-MM-DD.`);
  const agreement = agreementVersionSchema.safeParse(values.agreement ?? pipeline.defaultAgreement);
  if (!agreement.success) throw new UsageError('E_USAGE', `--agreement must be 2021 or 2025, not '${values.agreement}'.`);
  const lang = languageSchema.safeParse(values.lang ?? 'fi');
  if (!lang.success) throw new UsageError('E_USAGE', `--lang must be fi or en, not '${values.lang}'.`);
  return {
    pipeline,
    dataDir: resolve(io.cwd, values.data),
    outDir: resolve(io.cwd, values.out ?? `out/${pipeline.name}`),
    asOf,
    agreement: agreement.data as AgreementVersion,
    lang: lang.data as Language,
    strict: values.strict ?? false,
    previousPath: values.previous ? resolve(io.cwd, values.previous) : null,
    quiet: values.quiet ?? false,
  };
}

function packageVersion(fromPackage: string, name: string): string {
  try {
    const require = createRequire(fileURLToPath(import.meta.resolve(fromPackage)));
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Tool versions for the manifest. */
export function toolVersions(): Record<string, string> {
  return {
    csvParse: packageVersion('@ekoraportti/ingest', 'csv-parse'),
    ekoraportti: (createRequire(import.meta.url)('../package.json') as { version: string }).version,
    handlebars: packageVersion('@ekoraportti/render-html', 'handlebars'),
    node: process.version,
    pdfmake: packageVersion('@ekoraportti/render-pdf', 'pdfmake'),
  };
}

/**
 * `ekoraportti --pipeline NAME --data DIR ...`: one top-level catch maps errors to messages
 * and exit codes; nothing else in the program prints or exits.
 */
export async function runReportCommand(argv: readonly string[], pipelines: readonly PipelineDefinition[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseReportArgs(argv, pipelines, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ekoraportti: ${e.message}\n\n${renderUsage(pipelines)}`);
      return EXIT.usage;
    }
    throw e;
  }
  if (options === 'help') {
    io.stdout(renderUsage(pipelines));
    return EXIT.ok;
  }
  const progress = createProgress({
    write: io.stderr,
    isTTY: io.stderrIsTTY,
    quiet: options.quiet,
    colour: io.stderrIsTTY && io.env.NO_COLOR === undefined,
    now: io.now,
  });
  try {
    progress.stage(
      `${options.pipeline.name}: data ${options.dataDir}, as of ${options.asOf}, agreement ${options.agreement}, language ${options.lang}`,
    );
    const result = await runPipeline(options, { progress, tools: toolVersions, lockWaitMs: 120_000, ingestWorker: io.ingestWorker });
    progress.done();
    const rejected = result.model.rejectedTotal;
    io.stdout(
      `${result.manifest.outputs.map((o) => resolve(result.outDir, o.path)).join('\n')}\n` +
        (rejected > 0 ? `${rejected} row(s) rejected: see rejected.csv and the report's data-quality appendix.\n` : ''),
    );
    return EXIT.ok;
  } catch (e) {
    progress.done();
    if (e instanceof StrictRejectionError) {
      io.stderr(`ekoraportti: ${e.message}\n`);
      return EXIT.rejected;
    }
    if (e instanceof UsageError) {
      io.stderr(`ekoraportti: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`ekoraportti: internal error, please report it: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}
