#!/usr/bin/env node
// Packages run from TypeScript source; tsx compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
