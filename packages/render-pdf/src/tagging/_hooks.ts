// Where the engine hooks pdfmake: its LayoutBuilder while a tagged document is laid out, its Renderer
// while one is drawn. Every wrapper passes straight through for a document without `tagged: true`.
import { TaggingError } from './_convention.ts';
import { wrapMethod, type PdfDoc, type Prototype } from './_internals.ts';
import { LayoutTagger, type LayoutNode } from './_layout.ts';
import { BACKGROUND, PAGE_FOOTER, PAGE_HEADER, type ArtifactStamp, type Stamped, type StructNode } from './_model.ts';
import { RenderTagger, type Line, type Page, type Picture } from './_render.ts';

/** A builder being laid out, with the engine's model of the pass in progress. */
interface Builder {
  _tagger?: LayoutTagger | null;
}


/** Hooks pdfmake's LayoutBuilder. `models` receives the model of each tagged document's last pass. */
export function hookLayout(proto: Prototype, models: WeakMap<object, StructNode>): void {
  wrapMethod(proto, 'tryLayoutDocument', (orig) =>
    function (this: Builder, docStructure: unknown, pdfDocument: unknown, ...rest: unknown[]) {
      if ((pdfDocument as { options?: { tagged?: unknown } }).options?.tagged !== true) {
        return orig.call(this, docStructure, pdfDocument, ...rest);
      }
      const tagger = new LayoutTagger();
      this._tagger = tagger;
      try {
        const result = orig.call(this, docStructure, pdfDocument, ...rest);
        models.set(pdfDocument as object, tagger.root);
        return result;
      } finally {
        this._tagger = null;
      }
    },
  );
  // processNode(node, isVerticalAlignmentAllowed): called for every node, so no rest parameters.
  wrapMethod(proto, 'processNode', (orig) =>
    function (this: Builder, node: unknown, isVerticalAlignmentAllowed: unknown) {
      const t = this._tagger;
      if (!t) return orig.call(this, node, isVerticalAlignmentAllowed);
      const frames = t.frames.length;
      const artifacts = t.artifacts.length;
      const collapse = t.collapse;
      t.enter(node as LayoutNode);
      try {
        return orig.call(this, node, isVerticalAlignmentAllowed);
      } finally {
        t.restore(frames, artifacts, collapse);
      }
    },
  );
  wrapMethod(proto, 'processRow', (orig) =>
    function (this: Builder, args: unknown) {
      const t = this._tagger;
      if (!t) return orig.call(this, args);
      const { tableNode, rowIndex, cells } = args as { tableNode?: LayoutNode; rowIndex: number; cells: unknown[] };
      const frames = t.frames.length;
      t.row(tableNode, rowIndex, cells);
      try {
        return orig.call(this, args);
      } finally {
        t.frames.length = frames;
      }
    },
  );
  wrapMethod(proto, 'buildNextLine', (orig) =>
    function (this: Builder, textNode: unknown) {
      const line = orig.call(this, textNode) as Stamped | null;
      if (line && this._tagger) this._tagger.stampLine(line);
      return line;
    },
  );
  const artifactDuring = (name: string, stampOf: (args: unknown[]) => ArtifactStamp) =>
    wrapMethod(proto, name, (orig) =>
      function (this: Builder, ...args: unknown[]) {
        const t = this._tagger;
        if (!t) return orig.apply(this, args);
        const artifacts = t.artifacts.length;
        t.beginArtifact(stampOf(args));
        try {
          return orig.apply(this, args);
        } finally {
          t.artifacts.length = artifacts;
        }
      },
    );
  artifactDuring('addBackground', () => BACKGROUND);
  artifactDuring('addDynamicRepeatable', (args) => (args[2] === 'footer' ? PAGE_FOOTER : PAGE_HEADER));
}

/** A renderer drawing a tagged document. */
interface TaggingRenderer {
  pdfDocument: PdfDoc;
  _tagger?: RenderTagger | null;
}


/** Hooks pdfmake's Renderer for documents that `models` has a model of. */
export function hookRender(proto: Prototype, models: WeakMap<object, StructNode>): void {
  wrapMethod(proto, 'renderPages', (orig) =>
    function (this: TaggingRenderer, pages: unknown) {
      const root = models.get(this.pdfDocument);
      if (!root) return orig.call(this, pages);
      models.delete(this.pdfDocument);
      const list = pages as Page[];
      const tagger = new RenderTagger(this.pdfDocument, root);
      tagger.begin(list);
      this._tagger = tagger;
      try {
        // One page at a time, so that what a page opened is closed before the next page is added.
        list.forEach((page) => {
          orig.call(this, [page]);
          tagger.endPage();
        });
        tagger.finish();
        (this.pdfDocument as PdfDoc & { _pdfMakePages?: unknown })._pdfMakePages = pages;
      } finally {
        this._tagger = null;
      }
    },
  );
  // Lines and vectors are most of what is drawn: each has a wrapper of its own (one target per call site).
  wrapMethod(proto, 'renderLine', (orig) =>
    function (this: TaggingRenderer, line: unknown, x: unknown, y: unknown) {
      const t = this._tagger;
      if (!t) return orig.call(this, line, x, y);
      t.beforeLine(line as Line);
      try {
        return orig.call(this, line, x, y);
      } finally {
        t.afterLine();
      }
    },
  );
  wrapMethod(proto, 'renderVector', (orig) =>
    function (this: TaggingRenderer, vector: unknown) {
      const t = this._tagger;
      if (t) t.beforeVector(vector as Stamped);
      return orig.call(this, vector);
    },
  );
  const before = (name: string, hook: (t: RenderTagger, item: unknown) => void) =>
    wrapMethod(proto, name, (orig) =>
      function (this: TaggingRenderer, item: unknown) {
        const t = this._tagger;
        if (t) hook(t, item);
        return orig.call(this, item);
      },
    );
  before('renderImage', (t, image) => t.beforePicture(image as Picture));
  before('renderSVG', (t, svg) => t.beforePicture(svg as Picture));
  before('renderWatermark', (t) => t.beforeWatermark());
  for (const name of ['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment']) before(name, (t) => t.beforeState());
  before('renderAttachment', () => {
    throw new TaggingError('E_UNSUPPORTED', 'file attachments are not supported in a tagged document');
  });
}
