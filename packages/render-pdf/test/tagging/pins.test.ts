// The engine hooks private parts of pdfmake and pdfkit. This test fails when an upgrade (or a
// resolution that slips past the pins) changes what it relies on: versions, method names and
// arities, and the few behaviours of pdfmake that the stamps depend on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enableTagging } from '../../src/tagging/index.ts';
import { HOOKED, loadInternals, originalMethod, PINNED, type Internals, type Method } from '../../src/tagging/_internals.ts';

const internals = loadInternals();
const root = new URL('../../../../', import.meta.url);
const source = (proto: Internals['Renderer']['prototype'], name: string) => String(originalMethod(proto, name));

describe('pdfmake and pdfkit are pinned', () => {
  it('loads the exact versions the engine was written against', () => {
    expect(internals.versions).toEqual(PINNED);
  });

  it('pins both in the workspace catalog, pdfkit (which comes in under pdfmake) through an override', () => {
    const workspace = readFileSync(new URL('pnpm-workspace.yaml', root), 'utf8');
    expect(workspace).toMatch(new RegExp(`^  pdfmake: ${PINNED.pdfmake.replaceAll('.', '\\.')}$`, 'm'));
    expect(workspace).toMatch(new RegExp(`^  pdfkit: ${PINNED.pdfkit.replaceAll('.', '\\.')}$`, 'm'));
    expect(workspace).toMatch(/^overrides:\n {2}pdfkit: "catalog:"$/m);
    const lock = readFileSync(new URL('pnpm-lock.yaml', root), 'utf8');
    const locked = new Set([...lock.matchAll(/^ {2}pdfkit@([^:(]+)[:(]/gm)].map((m) => m[1]));
    expect([...locked]).toEqual([PINNED.pdfkit]);
  });
});

describe('the internals the engine hooks are still there', () => {
  it('has every hooked method, taking the parameters the engine passes on', () => {
    enableTagging(); // the check sees through the engine's wrappers to pdfmake's own methods
    const protos = { LayoutBuilder: internals.LayoutBuilder, Renderer: internals.Renderer, PDFDocument: internals.PDFDocument, SVGMeasure: internals.SVGMeasure };
    for (const [cls, methods] of Object.entries(HOOKED)) {
      for (const [name, arity] of Object.entries(methods)) {
        const method = originalMethod(protos[cls as keyof typeof protos].prototype, name);
        expect(typeof method, `${cls}.${name}`).toBe('function');
        expect((method as Method).length, `${cls}.${name} parameters`).toBe(arity);
      }
    }
  });

  it('draws each inline of a line with one pdfkit text call, in order, then its link annotation', () => {
    const renderLine = source(internals.Renderer.prototype, 'renderLine');
    expect(renderLine).toMatch(/for \(let i = 0, l = line\.inlines\.length; i < l; i\+\+\) \{\s+let inline = line\.inlines\[i\];/);
    expect(renderLine.match(/this\.pdfDocument\.text\(/g)).toHaveLength(1);
    expect(renderLine.indexOf('this.pdfDocument.text(')).toBeLessThan(renderLine.indexOf('inline.linkToPage'));
  });

  it('draws a page by its items, then its watermark, after adding the page', () => {
    const renderPages = source(internals.Renderer.prototype, 'renderPages');
    expect(renderPages).toMatch(/this\.pdfDocument\.addPage\([\s\S]*page\.items[\s\S]*this\.renderWatermark\(page\)/);
  });

  it('copies the items it repeats or moves with their own properties (lines with clone, others with pack)', () => {
    const addFragment = String(internals.ElementWriter.prototype['addFragment']);
    expect(addFragment).toContain('item.item.clone()');
    expect(addFragment.match(/\(0, _tools\.pack\)\(item\.item\)/g)).toHaveLength(2);
    const Line = internals.Line as unknown as new (width: number) => Record<string, unknown> & { clone(): Record<string, unknown> };
    const line = new Line(100);
    line['_tagging'] = { marker: true };
    expect(line.clone()['_tagging']).toBe(line['_tagging']);
    const vector = { type: 'line', _tagging: { marker: true } };
    expect((internals.helpers.pack.call(null, vector) as Record<string, unknown>)['_tagging']).toBe(vector._tagging);
  });

  it("copies a text node's own properties (link, alt) to each of its words", () => {
    const word = internals.helpers.copyStyle.call(null, { text: 'x', link: 'https://example.com', alt: 'kuvaus' }, {}) as Record<string, unknown>;
    expect(word).toEqual({ link: 'https://example.com', alt: 'kuvaus' });
  });

  it('puts a list marker on the first line laid out for each item', () => {
    const processList = source(internals.LayoutBuilder.prototype, 'processList');
    expect(processList).toContain("this.writer.addListener('lineAdded', addMarkerToFirstLeaf)");
    expect(processList).toContain('nextMarker = item.listMarker');
    expect(processList).toContain('marker._inlines[0]');
    expect(processList).toContain('marker.canvas[0]');
  });

  it('lays out a table of contents as its title, then a table of its entries', () => {
    const processToc = source(internals.LayoutBuilder.prototype, 'processToc');
    expect(processToc.indexOf('this.processNode(node.toc.title)')).toBeGreaterThan(0);
    expect(processToc.indexOf('this.processNode(node.toc.title)')).toBeLessThan(processToc.indexOf('this.processNode(node.toc._table)'));
  });

  it("reserves an object's number as the engine does for an element, and writes references by their class", () => {
    // The engine numbers elements without `ref()` (src/tagging/_writer.ts): it pushes to `_offsets` and
    // counts `_waiting` as `ref()` does, and its references extend the class of pdfkit's own.
    const PDFDocument = internals.PDFDocument as unknown as new (options: object) => {
      _offsets: unknown[];
      _waiting: number;
      ref(): { id: number; constructor: object };
      getStructTreeRoot(): { constructor: object };
    };
    const doc = new PDFDocument({ tagged: true });
    const [offsets, waiting] = [doc._offsets.length, doc._waiting];
    const ref = doc.ref();
    expect([ref.id, doc._offsets.length, doc._waiting, doc._offsets.at(-1)]).toEqual([offsets + 1, offsets + 1, waiting + 1, null]);
    const refEnd = String(originalMethod(internals.PDFDocument.prototype, '_refEnd'));
    expect(refEnd).toMatch(/this\._offsets\[ref\.id - 1\] = ref\.offset;\s+if \(--this\._waiting === 0/);
    const abstract = Object.getPrototypeOf(doc.getStructTreeRoot().constructor) as { prototype: object; name: string };
    expect(abstract.name).toBe('PDFAbstractReference');
    expect(ref).toBeInstanceOf(abstract as unknown as new () => object);
  });

  it('calls pageBreakBefore after a whole layout pass and lays the whole document out again', () => {
    const layoutDocument = String(internals.LayoutBuilder.prototype['layoutDocument']);
    expect(layoutDocument).toMatch(/while \(addPageBreaksIfNecessary\(result\.linearNodeList, result\.pages\)\) \{\s+resetXYs\(result\);\s+result = this\.tryLayoutDocument\(/);
  });
});
