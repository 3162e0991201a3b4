// The reviewable dump of the example midterm report's structure tree (issue 17): where it is kept, and
// how it is made from a PDF. Written by `pnpm pdf-structure` (scripts/pdf-structure.ts); the tagged-PDF
// test (test/pdf-structure.test.ts) fails when the kept dump no longer matches the report.
import { fileURLToPath } from 'node:url';
import { structureDump } from '@ekoraportti/render-pdf/testing';

export const STRUCTURE_DUMP = fileURLToPath(new URL('../../../docs/pdf-structure/midterm-review.fi.txt', import.meta.url));

/** The dump of the example midterm report's PDF at `pdfPath`. */
export function midtermStructureDump(pdfPath: string): string {
  return structureDump(pdfPath, '`pnpm pdf-structure` (packages/cli/scripts/pdf-structure.ts)', 'the midterm review of the example data, in Finnish');
}
