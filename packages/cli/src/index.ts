import { pipeline as finalReview } from '@ekoraportti/pipeline-final-review';
import { pipeline as midtermReview } from '@ekoraportti/pipeline-midterm-review';
import { pipeline as steeringGroup } from '@ekoraportti/pipeline-steering-group';
import { processIo, runReportCommand, type CliIo, type PipelineDefinition } from '@ekoraportti/runner';

/** Every pipeline the command knows, by name. */
export const PIPELINES: readonly PipelineDefinition[] = [midtermReview, steeringGroup, finalReview];

/**
 * The module a thread reading part of a large indicators.csv runs: in the bundle, the worker bundle
 * beside this file (scripts/build.ts names it); from the sources, ingest's own default.
 */
const INGEST_WORKER = import.meta.url.endsWith('.ts') ? undefined : new URL('./ingest-worker.mjs', import.meta.url);

/** `ekoraportti …`: `distribute` sends a built report; anything else builds one. Returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = { ...processIo(), ingestWorker: INGEST_WORKER }): Promise<number> {
  if (argv[0] === 'distribute') {
    // Loaded only when asked for: a report run never pays for nodemailer.
    const { runDistribute } = await import('./_distribute.ts');
    return runDistribute(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, env: { ...io.env }, cwd: io.cwd });
  }
  return runReportCommand(argv, PIPELINES, io);
}
