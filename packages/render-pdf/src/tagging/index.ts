// The tagging engine: a real structure tree (PDF/UA-1 style tagged PDF) for pdfmake documents.
// See README.md beside this file for the annotation convention the node builders set.
import { hookLayout, hookRender } from './_hooks.ts';
import { loadInternals, type Prototype } from './_internals.ts';
import type { StructNode } from './_model.ts';

export { NODE_ROLES, TaggingError } from './_convention.ts';
export type { NodeRole, TagProps } from './_convention.ts';

const INSTALLED = Symbol.for('ekoraportti.render-pdf.tagging');

/**
 * Makes every pdfmake document with `tagged: true` a tagged PDF with a real structure tree, from the
 * nodes' annotations (README.md). Hooks the pdfmake this package resolves (the one `require('pdfmake')`
 * gives here), once per process; documents without `tagged: true` are drawn exactly as before.
 * Call it before `createPdf`.
 */
export function enableTagging(): void {
  const { LayoutBuilder, Renderer } = loadInternals();
  const proto = LayoutBuilder.prototype as Prototype & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  // The model of each tagged document's last layout pass, for its renderer.
  const models = new WeakMap<object, StructNode>();
  hookLayout(LayoutBuilder.prototype, models);
  hookRender(Renderer.prototype, models);
  proto[INSTALLED] = true;
}
