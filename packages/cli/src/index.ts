export { PIPELINES } from './_pipelines.ts';
export { runCli } from './_cli.ts';
export type { CliHooks } from './_cli.ts';
export { checkoutRoot, processIo } from './_io.ts';
export type { CliIo } from './_io.ts';
export { EXIT } from './_exit.ts';
export { stopCleanlyOnSignals } from './_signals.ts';
