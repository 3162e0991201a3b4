// pdfmake reads a chart's size from its root element instead of parsing the whole SVG twice
// (src/_svg-size.ts): only where that cannot change what is drawn, and the PDF stays byte for byte the same.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildPdfDoc, loadPdfmake, renderPdf } from '../src/index.ts';
import { plainSvgRoot, readSvgSizeFromRoot } from '../src/_svg-size.ts';
import { loadInternals, originalMethod, type Method } from '../src/tagging/_internals.ts';
import { exampleReport } from './_example.ts';

loadPdfmake();
const proto = loadInternals().SVGMeasure.prototype;
const measure = new (loadInternals().SVGMeasure as unknown as new () => Record<string, Method>)();
const pdfmakes = (name: 'measureSVG' | 'writeDimensions', ...args: unknown[]) => (originalMethod(proto, name) as Method).apply(measure, args);
const ours = (name: 'measureSVG' | 'writeDimensions', ...args: unknown[]) => (proto[name] as Method).apply(measure, args);
// xmldoc, as pdfmake parses SVGs with it: a document written either way must read the same (but for
// the indentation pdfmake's way adds between elements, which svg-to-pdfkit skips outside texts).
const { XmlDocument } = createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json'))('xmldoc') as {
  XmlDocument: new (xml: string) => { toString(): string };
};
const read = (svg: unknown) => new XmlDocument(svg as string).toString().replace(/>\s+</g, '><');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every SVG of a document definition. */
function svgsOf(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) svgsOf(n, into);
  else if (node !== null && typeof node === 'object') {
    const svg = (node as { svg?: unknown }).svg;
    if (typeof svg === 'string') into.push(svg);
    for (const v of Object.values(node)) svgsOf(v, into);
  }
  return into;
}

const model = await exampleReport('2025', '2025-09-30', 'fi');
const charts = svgsOf(buildPdfDoc(model).content);

describe("a chart's size read from its root element", () => {
  it('is how every chart of the example report is measured', () => {
    expect(charts.length).toBeGreaterThan(5);
    for (const svg of charts) expect(plainSvgRoot(svg), svg.slice(0, 200)).not.toBeNull();
  });

  it('is the size pdfmake reads, and the chart written at another size reads as pdfmake writes it', () => {
    for (const svg of charts) {
      const size = pdfmakes('measureSVG', svg) as { width: number; height: number };
      expect(ours('measureSVG', svg)).toEqual(size);
      for (const drawn of [size, { width: 453.54330708661416, height: (size.height * 453.54330708661416) / size.width }]) {
        expect(read(ours('writeDimensions', svg, drawn))).toBe(read(pdfmakes('writeDimensions', svg, drawn)));
      }
    }
  });

  it("leaves to pdfmake an SVG whose round trip through xmldoc could change what is drawn", () => {
    const size = { width: 200, height: 100 };
    const notPlain = [
      '<svg width="200" height="100" viewBox="0 0 200 100"><text x="1" y="2"> padded </text></svg>',
      '<svg width="200" height="100" viewBox="0 0 200 100"><text x="1" y="2">a<tspan>b</tspan></text></svg>',
      '<svg width="200" height="100" viewBox="0 0 200 100"><text x="1" y="2">it&#39;s</text></svg>',
      '<svg width="200" height="100" viewBox="0 0 200 100"><!-- note --><rect width="1" height="1"/></svg>',
      '<svg width="200" height="100"><rect width="1" height="1"/></svg>', // no viewBox: pdfmake adds one
      '<svg width="20cm" height="100" viewBox="0 0 200 100"><rect width="1" height="1"/></svg>',
    ];
    for (const svg of notPlain) {
      expect(plainSvgRoot(svg), svg).toBeNull();
      expect(ours('measureSVG', svg)).toEqual(pdfmakes('measureSVG', svg));
      expect(ours('writeDimensions', svg, size)).toBe(pdfmakes('writeDimensions', svg, size));
    }
  });

  it('draws the same PDF, byte for byte, as measuring with pdfmake alone', async () => {
    const short = sha(await renderPdf(model));
    for (const name of ['measureSVG', 'writeDimensions']) proto[name] = originalMethod(proto, name) as Method;
    try {
      expect(proto['measureSVG']).toBe(originalMethod(proto, 'measureSVG'));
      expect(sha(await renderPdf(model))).toBe(short);
    } finally {
      readSvgSizeFromRoot();
    }
    expect(proto['measureSVG']).not.toBe(originalMethod(proto, 'measureSVG'));
  }, 60_000);
});
