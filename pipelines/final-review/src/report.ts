// `pnpm report` entry point of this pipeline: the shared command with this pipeline preselected.
import { processIo, runReportCommand } from '@ekoraportti/runner';
import { pipeline } from './index.ts';

process.exitCode = await runReportCommand(['--pipeline', pipeline.name, ...process.argv.slice(2)], [pipeline], processIo());
