// The parts of pdfmake 0.3.11 and pdfkit 0.19.1 the engine hooks or calls, loaded from the one pdfmake
// this package resolves (and the pdfkit that pdfmake resolves). pdfmake has no hook for tagging, so the
// engine depends on private method names: HOOKED lists them with their arity (and those of the one
// class `_svg-size.ts` hooks), and the pin test (test/tagging/pins.test.ts) fails when an upgrade
// changes any of them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The versions the engine was written against; the catalog pins both (pdfkit through an override). */
export const PINNED = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

/** A method as the engine wraps it: `this` and arguments are pdfmake's, unknown to the engine's types. */
export type Method = (this: unknown, ...args: unknown[]) => unknown;
export type Prototype = Record<string, Method>;

/** Every private method the engine wraps or relies on, with the number of declared parameters. */
export const HOOKED = {
  LayoutBuilder: {
    tryLayoutDocument: 8,
    processNode: 1,
    processRow: 1,
    buildNextLine: 1,
    addBackground: 1,
    addDynamicRepeatable: 3,
    processList: 2,
    processToc: 1,
    processLeaf: 1,
  },
  Renderer: {
    renderPages: 1,
    renderLine: 3,
    renderVector: 1,
    renderImage: 1,
    renderSVG: 1,
    renderWatermark: 1,
    renderAttachment: 1,
    beginClip: 1,
    endClip: 0,
    beginVerticalAlignment: 1,
    endVerticalAlignment: 1,
  },
  PDFDocument: {
    ref: 1,
    addContent: 1,
    getStructTreeRoot: 0,
    getStructParentTree: 0,
    createStructParentTreeNextKey: 0,
    _write: 1,
    _refEnd: 1,
    text: 4,
    annotate: 5,
    appendXML: 1,
    addPage: 1,
  },
  // Not the engine's: `_svg-size.ts` reads a chart's size from its root element.
  SVGMeasure: {
    measureSVG: 1,
    writeDimensions: 2,
  },
} as const;

/** A pdfkit indirect object (`doc.ref()`): its number, its dictionary, where it was written. */
export interface PdfRef {
  readonly id: number;
  data: Record<string, unknown>;
  offset: number;
  toString(): string;
}

/** pdfkit's number tree (the ParentTree): values by key. */
export interface NumberTree {
  add(key: number, value: unknown): void;
  get(key: number): unknown;
}

/** A pdfkit outline item. `outlineData` is its dictionary, written when the document ends. */
export interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
  children: OutlineItem[];
}

/** Options of pdfkit's `annotate`, as far as the engine reads or sets them. */
export interface AnnotationOptions {
  Subtype?: string;
  Contents?: unknown;
  /** pdfkit calls `add` with the annotation's reference (wrapped: `annotationRef`). */
  structParent?: { add(reference: { annotationRef: PdfRef }): void };
}

/** The pdfkit document (pdfmake's PDFDocument subclass), as far as the engine uses it. */
export interface PdfDoc {
  options: { tagged?: boolean; lang?: string; displayTitle?: boolean; subset?: string };
  info: Record<string, unknown>;
  /** The current page; its /StructParents key is made on first use. */
  page: { dictionary: PdfRef; height: number; readonly structParentTreeKey: number };
  outline: OutlineItem;
  ref(data?: Record<string, unknown>): PdfRef;
  /** Appends an operator to the current page's content stream. */
  addContent(data: string): unknown;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): NumberTree;
  createStructParentTreeNextKey(): number;
  /**
   * Bytes written so far; `_write` appends (a string with a newline, a buffer as it is), `_refEnd`
   * records an object's offset. `_offsets` holds every object's offset by number (null until written),
   * `_waiting` counts the objects not yet written: `ref()` pushes one and counts it.
   */
  _offset: number;
  _offsets: (number | null)[];
  _waiting: number;
  _write(data: string | Buffer): void;
  _refEnd(ref: { readonly id: number; readonly offset: number }): void;
  appendXML(xml: string): void;
  text: Method;
  annotate: Method;
}

/** pdfmake's and pdfkit's classes the engine hooks, and the versions actually loaded. */
export interface Internals {
  LayoutBuilder: { prototype: Prototype };
  Renderer: { prototype: Prototype };
  ElementWriter: { prototype: Prototype };
  Line: { prototype: Prototype };
  PDFDocument: { prototype: Prototype };
  SVGMeasure: { prototype: Prototype };
  versions: { pdfmake: string; pdfkit: string };
  /** Source of pdfmake's helpers whose copying behaviour the engine relies on. */
  helpers: { pack: Method; copyStyle: Method };
}

let loaded: Internals | null = null;

/** Loads pdfmake's internals from the pdfmake this package resolves, once. */
export function loadInternals(): Internals {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const pdfmakeJson = require.resolve('pdfmake/package.json');
  const fromPdfmake = createRequire(pdfmakeJson);
  const js = (name: string): { default: unknown } & Record<string, unknown> =>
    fromPdfmake(join(dirname(pdfmakeJson), 'js', name)) as { default: unknown } & Record<string, unknown>;
  const version = (json: string) => (fromPdfmake(json) as { version: string }).version;
  loaded = {
    LayoutBuilder: js('LayoutBuilder.js').default as Internals['LayoutBuilder'],
    Renderer: js('Renderer.js').default as Internals['Renderer'],
    ElementWriter: js('ElementWriter.js').default as Internals['ElementWriter'],
    Line: js('Line.js').default as Internals['Line'],
    PDFDocument: fromPdfmake('pdfkit') as Internals['PDFDocument'],
    SVGMeasure: js('SVGMeasure.js').default as Internals['SVGMeasure'],
    versions: { pdfmake: version(pdfmakeJson), pdfkit: version('pdfkit/package.json') },
    helpers: {
      pack: js('helpers/tools.js')['pack'] as Method,
      copyStyle: (js('StyleContextStack.js').default as { copyStyle: Method }).copyStyle,
    },
  };
  return loaded;
}

const ORIGINAL = Symbol('original');

/** Replaces `proto[name]` by what `make` builds around the original; fails if pdfmake has no such method. */
export function wrapMethod<T>(
  proto: Prototype,
  name: string,
  make: (orig: Method) => (this: T, ...args: never[]) => unknown,
): void {
  const orig = proto[name];
  if (typeof orig !== 'function') throw new Error(`tagging: pdfmake has no method ${name} (its internals changed)`);
  const wrapped = make(orig) as unknown as Method & { [ORIGINAL]?: Method };
  wrapped[ORIGINAL] = orig;
  proto[name] = wrapped;
}

/** The method pdfmake defines, under the engine's wrapper if there is one. */
export function originalMethod(proto: Prototype, name: string): Method | undefined {
  const method = proto[name] as (Method & { [ORIGINAL]?: Method }) | undefined;
  return method?.[ORIGINAL] ?? method;
}
