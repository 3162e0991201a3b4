import { relative } from 'node:path';
import type { CliProgress } from '@ekoraportti/core';
import { findPrevious, readGivenPrevious, type PreviousReport } from './_history.ts';
import type { RunOptions } from './_run.ts';
import type { RunStamp } from './_uptodate.ts';

/**
 * The report this run compares with. `--previous FILE` is checked (same agreement version, an earlier
 * date); `--previous none` compares with nothing; otherwise the newest earlier report of the same
 * pipeline and agreement version in the output folder. Reports from the embedded example data compare
 * only with a report named by `--previous`, so they stay the same on every machine.
 */
export async function choosePrevious(
  options: RunOptions,
  citySlug: string,
  exampleData: boolean,
  say: (e: CliProgress) => void,
): Promise<PreviousReport | null> {
  const choice = options.previous;
  if (choice.kind === 'none') {
    say({ kind: 'noPrevious', why: 'none' });
    return null;
  }
  if (choice.kind === 'file') {
    const given = await readGivenPrevious(choice.path, options.asOf, options.agreement, exampleData);
    say({ kind: 'previous', file: choice.path, asOf: given.model.asOf, found: false });
    return given;
  }
  if (exampleData) {
    say({ kind: 'noPrevious', why: 'example' });
    return null;
  }
  const found = await findPrevious(
    options.outDir,
    { citySlug, pipeline: options.pipeline.name, asOf: options.asOf, lang: options.lang, agreement: options.agreement, exampleData },
    (file) => say({ kind: 'skippedCandidate', file }),
  );
  say(found ? { kind: 'previous', file: relative(options.outDir, found.path), asOf: found.model.asOf, found: true } : { kind: 'noPrevious', why: 'notFound' });
  return found;
}

/** What the manifest records of a run besides its files: equal stamps and equal data mean an equal report. */
export function runStamp(
  options: RunOptions,
  citySlug: string,
  exampleData: boolean,
  previous: PreviousReport | null,
  tools: Record<string, string>,
): RunStamp {
  return {
    pipeline: options.pipeline.name,
    city: citySlug,
    asOf: options.asOf,
    agreementVersion: options.agreement,
    lang: options.lang,
    tools,
    run: {
      strict: options.strict,
      exampleData,
      previous: previous ? { path: relative(options.outDir, previous.path), sha256: previous.sha256 } : null,
    },
  };
}
