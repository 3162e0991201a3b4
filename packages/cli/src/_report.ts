import { resolve } from 'node:path';
import { describeProgress, type Language } from '@ekoraportti/core';
import { createProgress, runPipeline } from '@ekoraportti/runner';
import { REPORT_OPTIONS, parseOptions } from './_args.ts';
import { loadConfig } from './_config.ts';
import type { CliIo } from './_io.ts';
import { findPipeline, renderUsage } from './_pipelines.ts';
import { reportRuns } from './_settings.ts';

/** How long a run waits for another run writing into the same folder. */
const LOCK_WAIT_MS = 120_000;

/**
 * `ekoraportti --pipeline NAME …`: builds the report, once per report language, or says it is up to
 * date. Prints the report's files on stdout and progress on stderr. Problems are thrown to the one catch.
 */
export async function runReport(argv: readonly string[], io: Required<CliIo>, lang: Language): Promise<number> {
  const { values } = parseOptions({ args: [...argv], options: REPORT_OPTIONS });
  if (values.help) {
    io.stdout(renderUsage(lang));
    return 0;
  }
  const pipeline = findPipeline(values.pipeline);
  const { config } = await loadConfig(io.root);
  const runs = reportRuns(
    { pipeline, data: values.data, example: values.example, asOf: values['as-of'], agreement: values.agreement, lang: values.lang, out: values.out, previous: values.previous, strict: values.strict, force: values.force },
    { env: io.env, cwd: io.cwd, root: io.root, config },
    io.today(),
  );
  for (const options of runs) {
    const progress = createProgress({
      write: io.stderr,
      isTTY: io.stderrIsTTY,
      quiet: values.quiet ?? false,
      colour: io.stderrIsTTY && io.env.NO_COLOR === undefined,
      now: io.now,
    });
    const { dataDir, asOf, agreement } = options;
    progress.stage(describeProgress({ kind: 'start', pipeline: pipeline.name, dataDir, asOf, agreement, lang: options.lang }, options.lang));
    try {
      const result = await runPipeline(options, {
        progress,
        tools: io.tools,
        lockWaitMs: LOCK_WAIT_MS,
        processors: io.processors,
        ...(io.ingestWorker ? { ingestWorker: io.ingestWorker } : {}),
      });
      const counts = Object.values(result.model?.inputs ?? {});
      const rejected = counts.reduce((n, c) => n + c.rowsRejected, 0);
      // Rows a quote left open were never read: said beside the rejected ones, not only in the report.
      const notRead = counts.reduce((n, c) => n + c.rowsNotRead, 0);
      // stdout carries the report's file paths only, one a line, for scripts; what was rejected is said on
      // stderr with the progress, and --quiet silences it too (report.json, rejected.csv and --strict keep it).
      io.stdout(result.manifest.outputs.map((o) => `${resolve(result.outDir, o.path)}\n`).join(''));
      if ((rejected > 0 || notRead > 0) && values.quiet !== true) io.stderr(`${describeProgress({ kind: 'rejectedRows', count: rejected, notRead }, options.lang)}\n`);
    } finally {
      progress.done();
    }
  }
  return 0;
}
