// Test helpers for the tagged PDF, also for other packages' tests (`@ekoraportti/render-pdf/testing`):
// what pdf.js reads back (`checkStructure`), painting outside marked content (`unmarkedDrawing`), and
// poppler's structure tree (`structText`, `parseStructText`) with its reviewable dump (`structureDump`).
import { basename } from 'node:path';
import { reviewableDump, structText } from './tagging/structure.ts';

export { checkStructure } from './tagging/check.ts';
export type { StructureReport, TableReport } from './tagging/check.ts';
export { unmarkedDrawing } from './tagging/content.ts';
export type { Unmarked } from './tagging/content.ts';
export { allElements, deepText, parseStructText, reviewableDump, structText } from './tagging/structure.ts';
export type { PopplerElement } from './tagging/structure.ts';

/**
 * The reviewable dump of a PDF's structure tree: poppler's `pdfinfo -struct-text` (every element in
 * reading order with its text and attributes) under a header naming `name` and `writtenBy`.
 */
export function structureDump(pdfPath: string, writtenBy: string, name = basename(pdfPath)): string {
  const header =
    `Structure tree of ${name}, in reading order, as poppler reads it (pdfinfo -struct-text).\n` +
    `Written by ${writtenBy}; "(annotation)" stands for a link annotation.\n\n`;
  return header + reviewableDump(structText(pdfPath));
}
export { xrefProblems } from './tagging/xref.ts';
