#!/usr/bin/env node
// Runs the prebuilt bundle when it was built from the sources as they are now (`pnpm build`,
// run by `pnpm report`); otherwise compiles the TypeScript sources on the fly with tsx.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { sourcesDigest } from './_sources.mjs';

// A report run is a short batch job: V8's default tier-up budget, made for pages and servers that run
// for hours, has it compile with TurboFan (on helper threads that share the same two processors) many
// functions that run only a few thousand times, in each of the run's three threads. Eight times the
// budget leaves optimising to the truly hot code: the example report 0.85 × the wall time (0.76 × the
// CPU), the national-scale one 0.92–0.96 ×; the same bytes. Set before any code of ours is compiled,
// and for the whole process (the worker threads too); a budget given on the command line or in
// NODE_OPTIONS is left as it is.
const INTERRUPT_BUDGET = 8 * 67_584; // V8 11's default is 67 584 (bytecode bytes)
// (V8 takes `_` for `-` in a flag's name; --interrupt-budget-for-feedback-allocation is another flag.)
if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /(^|\s)--interrupt[-_]budget=/.test(a))) {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = new URL('../dist/ekoraportti.mjs', import.meta.url);
let built = null;
try {
  built = readFileSync(new URL('../dist/sources.sha256', import.meta.url), 'utf8').trim();
} catch {
  // no bundle
}
let cli;
if (built !== null && process.env.EKORAPORTTI_FROM_SOURCE === undefined && built === sourcesDigest(root)) {
  cli = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/index.ts');
}
cli.stopCleanlyOnSignals();
process.exitCode = await cli.runCli(process.argv.slice(2));
