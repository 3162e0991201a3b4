#!/usr/bin/env node
// Runs the prebuilt bundle when it was built from the sources as they are now (`pnpm build`,
// run by `pnpm report`); otherwise compiles the TypeScript sources on the fly with tsx.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourcesDigest } from './_sources.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = new URL('../dist/ekoraportti.mjs', import.meta.url);
let built = null;
try {
  built = readFileSync(new URL('../dist/sources.sha256', import.meta.url), 'utf8').trim();
} catch {
  // no bundle
}
let runCli;
if (built !== null && process.env.EKORAPORTTI_FROM_SOURCE === undefined && built === sourcesDigest(root)) {
  ({ runCli } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/index.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
