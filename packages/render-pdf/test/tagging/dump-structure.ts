// Writes a reviewable dump of a PDF's structure tree (poppler's `pdfinfo -struct-text`: every element
// in reading order with its text and attributes), so that a reviewer sees what a screen reader gets.
// Usage (from packages/render-pdf):
//   pnpm exec tsx test/tagging/dump-structure.ts FILE.pdf OUT.txt     a PDF made elsewhere (a report)
//   pnpm exec tsx test/tagging/dump-structure.ts --synthetic OUT.txt  the engine's synthetic test document
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structureDump } from '../testing.ts';
import { renderDoc, syntheticDoc } from './synthetic.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: dump-structure.ts FILE.pdf|--synthetic OUT.txt');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'structure-'));
try {
  let pdf = input;
  if (input === '--synthetic') {
    pdf = join(scratch, 'synthetic.pdf');
    writeFileSync(pdf, await renderDoc(syntheticDoc()));
  }
  const name = input === '--synthetic' ? 'the synthetic test document (test/tagging/synthetic.ts)' : undefined;
  writeFileSync(output, structureDump(pdf, 'packages/render-pdf/test/tagging/dump-structure.ts', name));
  console.log(output);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
