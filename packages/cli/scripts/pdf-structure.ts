// `pnpm pdf-structure`: builds the midterm review of the example data (Finnish) as `pnpm report` does
// and writes its structure tree, as poppler reads it, to docs/pdf-structure/midterm-review.fi.txt, for a
// reviewer to see what a screen reader gets and in which order. Run it after changing what the report
// shows; test/pdf-structure.test.ts fails until the kept dump matches.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSchema } from '@ekoraportti/runner';
import { midtermStructureDump, STRUCTURE_DUMP } from './_structure.ts';

const bin = fileURLToPath(new URL('../bin/ekoraportti.mjs', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'ekoraportti-structure-'));
try {
  const run = spawnSync(process.execPath, [bin, '--pipeline', 'midterm-review', '--example', '--lang', 'fi', '--out', out, '--quiet'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ekoraportti exited ${run.status}: ${run.stderr}`);
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
  const pdf = manifest.outputs.find((o) => o.kind === 'pdf');
  if (!pdf) throw new Error('the run wrote no PDF');
  mkdirSync(dirname(STRUCTURE_DUMP), { recursive: true });
  writeFileSync(STRUCTURE_DUMP, midtermStructureDump(join(out, pdf.path)));
  process.stdout.write(`${STRUCTURE_DUMP}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
