// The size of a chart's SVG, read from its root element instead of from a parse of the whole document.
//
// pdfmake 0.3.11 measures an SVG given as a string by parsing it whole with xmldoc, twice: once to read
// its width and height, once to write the size it is drawn at back into it, serialising the whole
// document again (indented, each text trimmed). svg-to-pdfkit then parses that string a third time to
// draw it. A national-scale report's charts hold some 150 000 characters of paths and labels, and the
// two parses cost 60–120 ms of a cold render, on the path to the report.
//
// The charts (presentation's `_charts.ts`) carry their size on the root element. For an SVG whose
// round trip through xmldoc can change nothing svg-to-pdfkit draws — no whitespace next to a tag (xmldoc
// trims texts and indents elements), no character reference (it writes `&apos;` for `&#39;`), no
// comment, CDATA or text split by elements — the size is read from the root element and written into
// it in place; any other SVG goes through pdfmake's own code. The same bytes either way
// (test/svg-size.test.ts).
import type { Method } from './tagging/_internals.ts';
import { loadInternals, originalMethod, wrapMethod } from './tagging/_internals.ts';

/** The root element of an SVG and its attributes. */
const ROOT = /^<svg\b([^<>]*)>/;
/** What xmldoc's round trip could change, or what reading the root element alone cannot judge. */
const NOT_PLAIN = />\s|\s<|&#|<!|<\?|<tspan\b/;
const NUMBER = /^\d+(\.\d+)?$/;

const attribute = (attrs: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** The root element's attributes of a plain SVG (see above) that states its width, height and viewBox; else null. */
export function plainSvgRoot(svg: unknown): { attrs: string; width: number; height: number } | null {
  if (typeof svg !== 'string') return null;
  const root = ROOT.exec(svg);
  if (root === null || NOT_PLAIN.test(svg)) return null;
  const attrs = root[1] as string;
  const width = attribute(attrs, 'width');
  const height = attribute(attrs, 'height');
  if (width === undefined || height === undefined || !NUMBER.test(width) || !NUMBER.test(height)) return null;
  if (attribute(attrs, 'viewBox') === undefined) return null;
  return { attrs, width: Number(width), height: Number(height) };
}

/** Makes pdfmake read a plain SVG's size from its root element (once per thread; pdfmake's own code for any other). */
export function readSvgSizeFromRoot(): void {
  const proto = loadInternals().SVGMeasure.prototype;
  if (originalMethod(proto, 'measureSVG') !== proto['measureSVG']) return; // done already
  wrapMethod(proto, 'measureSVG', (measureSVG: Method) =>
    function (this: unknown, svg: unknown) {
      const root = plainSvgRoot(svg);
      return root === null ? measureSVG.call(this, svg) : { width: root.width, height: root.height };
    },
  );
  wrapMethod(proto, 'writeDimensions', (writeDimensions: Method) =>
    function (this: unknown, svg: unknown, size: { width: number; height: number }) {
      const root = plainSvgRoot(svg);
      if (root === null) return writeDimensions.call(this, svg, size);
      const attrs = root.attrs.replace(/(\swidth=")[^"]*"/, `$1${String(size.width)}"`).replace(/(\sheight=")[^"]*"/, `$1${String(size.height)}"`);
      return `<svg${attrs}>${(svg as string).slice('<svg'.length + root.attrs.length + '>'.length)}`;
    },
  );
}
