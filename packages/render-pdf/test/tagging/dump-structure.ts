// Writes a reviewable dump of a PDF's structure tree (poppler's `pdfinfo -struct-text`: every element
// in reading order with its text and attributes), so that a reviewer sees what a screen reader gets.
// Usage (from packages/render-pdf):
//   pnpm exec tsx test/tagging/dump-structure.ts FILE.pdf OUT.txt     a PDF made elsewhere (a report)
//   pnpm exec tsx test/tagging/dump-structure.ts --synthetic OUT.txt  the engine's synthetic test document
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { reviewableDump, structText } from './structure.ts';
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
  const name = input === '--synthetic' ? 'the synthetic test document (test/tagging/synthetic.ts)' : basename(input);
  const header =
    `Structure tree of ${name}, in reading order, as poppler reads it (pdfinfo -struct-text).\n` +
    'Written by packages/render-pdf/test/tagging/dump-structure.ts; "(annotation)" stands for a link annotation.\n\n';
  writeFileSync(output, header + reviewableDump(structText(pdf)));
  console.log(output);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
