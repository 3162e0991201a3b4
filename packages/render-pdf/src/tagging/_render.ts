// Rendering: number the elements of the model's used part, draw the pages with every item in its
// marked-content sequence, links in Link elements, bookmarks at the headings, then write the elements.
import { checkedLang, TaggingError } from './_convention.ts';
import type { AnnotationOptions, PdfDoc } from './_internals.ts';
import { Marks } from './_marks.ts';
import { isArtifact, LAYOUT, PAGINATION, STAMP, StructNode, type ArtifactStamp, type Stamp, type Stamped } from './_model.ts';
import { Bookmarks } from './_outline.ts';
import { StructWriter } from './_writer.ts';
import { pdfuaXmp } from './_xmp.ts';

interface PageItem {
  type: string;
  item: unknown;
}
export interface Page {
  items: PageItem[];
}
interface Inline extends Stamped {
  text: string;
  alt?: unknown;
  /** A part of a text in another language (`{ text: [..., { text: '…', lang: 'fi' }] }`): pdfmake copies it to each word. */
  lang?: unknown;
  link?: unknown;
  linkToDestination?: unknown;
  linkToPage?: unknown;
}
export interface Line extends Stamped {
  inlines: Inline[];
  y: number;
  /** A named destination (a node's `id`, a TOC entry's target), made where the line is drawn. */
  id?: string | undefined;
  /** The laid-out node of a line with an id or tocItem: the TOC prints `_node.positions[0].pageNumber`. */
  _node?: { positions?: Array<{ pageNumber: number }> };
}
export interface Picture extends Stamped {
  x: number;
  y: number;
  _width: number;
  _height: number;
}

/**
 * pdfmake repeats a table's header rows on every page and moves each copy's line node to that page,
 * so a heading in a repeated header row (a long table's caption) had its TOC number, and its named
 * destination, on the last page the table spans. The engine keeps both at the first, tagged copy.
 */
function firstOfItsKind(line: Line, pageIndex: number): void {
  const position = line._node?.positions?.[0];
  if (position) position.pageNumber = pageIndex + 1;
}

/** A list marker line is made by pdfmake itself: its stamp is on its one inline. */
const lineStamp = (line: Line): Stamp | undefined => line[STAMP] ?? line.inlines[0]?.[STAMP];

/** What an inline is part of inside its line's element: a link (its target), a part in another language, or nothing. */
type InlineKey = { readonly role: 'Link'; readonly key: unknown } | { readonly role: 'Span'; readonly key: string } | null;

function inlineKey(inline: Inline, container: StructNode, documentLang: string): InlineKey {
  const target = inline.link ?? inline.linkToDestination ?? inline.linkToPage ?? null;
  if (target !== null) return { role: 'Link', key: target };
  const lang = inline.lang;
  if (lang === undefined) return null;
  // A part in the language its element is in already needs no Span ('fi' in a 'fi-FI' document).
  let around: string | undefined;
  for (let n: StructNode | null = container; n && around === undefined; n = n.parent) around = n.lang;
  around ??= documentLang;
  if (around === lang || around.startsWith(`${String(lang)}-`)) return null;
  return { role: 'Span', key: checkedLang(lang) as string };
}

/** Draws one tagged document's pages. */
export class RenderTagger {
  private readonly writer: StructWriter;
  private readonly marks: Marks;
  private readonly bookmarks: Bookmarks;
  /** The line being drawn, while it has links or parts in another language: what each of its inlines is part of. */
  private line: { node: StructNode; inlines: Inline[]; keys: InlineKey[]; next: number } | null = null;

  constructor(
    private readonly doc: PdfDoc,
    private readonly root: StructNode,
  ) {
    this.writer = new StructWriter(doc);
    this.marks = new Marks(doc, this.writer);
    this.bookmarks = new Bookmarks(doc.outline);
  }

  /** Before the first page: checks, metadata, and the structure elements of what the pages show. */
  begin(pages: Page[]): void {
    const { doc } = this;
    if (!doc.options.lang) throw new TaggingError('E_NO_LANG', 'a tagged document needs its language (`language` in the document definition)');
    if (!doc.info['Title']) throw new TaggingError('E_NO_TITLE', 'a tagged document needs a title (`info.title`)');
    if (doc.options.displayTitle !== true) throw new TaggingError('E_NO_TITLE', 'a tagged document shows its title (`displayTitle: true`)');
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      // pdfkit copies these into the XMP metadata as they are: an & or < would make it invalid XML.
      if (/[&<>]/.test(String(doc.info[key] ?? ''))) {
        throw new TaggingError('E_METADATA', `info.${key.toLowerCase()} may not contain &, < or > (pdfkit writes it into the XMP metadata unescaped)`);
      }
    }
    const xmp = pdfuaXmp(doc.options.subset);
    if (xmp) doc.appendXML(xmp);
    this.findContent(pages);
    this.make(this.root, null);
    const text = doc.text;
    const annotate = doc.annotate;
    doc.text = (str: unknown, x: unknown, y: unknown, options: unknown) => {
      this.beforeText();
      return text.call(doc, str, x, y, options);
    };
    doc.annotate = (x: unknown, y: unknown, w: unknown, h: unknown, options: unknown) =>
      this.keepAnnotation(options as AnnotationOptions) ? annotate.call(doc, x, y, w, h, options) : doc;
  }

  /** After a page: close what is open (a Link or Span does not run over a page break). */
  endPage(): void {
    this.marks.endLink();
    this.marks.close();
  }

  /** After the last page: the bookmarks' counts, and the structure tree written. */
  finish(): void {
    this.bookmarks.finish();
    this.writer.finish(this.root);
    delete (this.doc as Partial<PdfDoc>).text;
    delete (this.doc as Partial<PdfDoc>).annotate;
  }

  /**
   * First pass over the pages: the first drawing of each stamped item owns its content (later
   * copies are repeats); an element is used if it or a descendant has content.
   */
  private findContent(pages: Page[]): void {
    pages.forEach((page, index) => {
      for (const { type, item } of page.items) {
        const stamp =
          type === 'line' ? lineStamp(item as Line) : type === 'vector' || type === 'image' || type === 'svg' ? (item as Stamped)[STAMP] : undefined;
        if (!stamp || isArtifact(stamp)) continue;
        if (stamp.owner === null) {
          stamp.owner = item as object;
          if (type === 'line') firstOfItsKind(item as Line, index);
        } else if (stamp.owner !== item) {
          if (type === 'line') (item as Line).id = undefined;
          continue;
        }
        for (let n: StructNode | null = stamp.node; n && n.lastPage !== index; n = n.parent) {
          n.used = true;
          n.lastPage = index;
        }
      }
    });
  }

  /** The elements of `node` and of its used (or kept) descendants, numbered in reading order. */
  private make(node: StructNode, parent: StructNode | null): void {
    this.writer.element(node, parent);
    for (const child of node.children) if (child.used || child.keep) this.make(child, node);
  }

  private what(stamp: Stamp | undefined, item: object, fallback: ArtifactStamp | null): StructNode | ArtifactStamp {
    if (!stamp) {
      if (fallback) return fallback;
      throw new TaggingError('E_UNSTAMPED', 'pdfmake drew text or a picture the engine did not see laid out (have its internals changed?)');
    }
    if (isArtifact(stamp)) return stamp;
    return stamp.owner === item ? stamp.node : PAGINATION;
  }

  /** Before pdfmake draws a line of text. */
  beforeLine(line: Line): void {
    this.line = null;
    const what = this.what(lineStamp(line), line, null);
    if (!(what instanceof StructNode)) return this.marks.artifact(what);
    if (what.bookmark) {
      this.bookmarks.add(what.bookmark.level, what.bookmark.title, this.doc.page.dictionary, this.doc.page.height - line.y);
      what.bookmark = undefined;
    }
    const { inlines } = line;
    let keys: InlineKey[] | null = null;
    for (let i = 0; i < inlines.length; i++) {
      const key = inlineKey(inlines[i] as Inline, what, this.doc.options.lang as string);
      if (key === null) continue;
      keys ??= new Array<InlineKey>(inlines.length).fill(null);
      keys[i] = key;
    }
    if (!keys) return this.marks.content(what);
    this.line = { node: what, inlines, keys, next: 0 };
    // What pdfmake draws before the first inline (a background) goes with it.
    this.mark(0);
  }

  afterLine(): void {
    this.line = null;
  }

  /** pdfmake draws each inline of a line with one `text` call, in order. */
  private beforeText(): void {
    const line = this.line;
    if (line) this.mark(line.next++);
  }

  private mark(index: number): void {
    const line = this.line;
    if (!line) return;
    const key = line.keys[index] ?? null;
    if (key === null) return this.marks.content(line.node);
    if (key.role === 'Span') return this.marks.inline(line.node, 'Span', key.key, null);
    const target = key.key;
    this.marks.inline(line.node, 'Link', target, () => {
      const inline = line.inlines[index] as Inline;
      if (typeof inline.alt === 'string' && inline.alt.trim()) return inline.alt.trim();
      const words: string[] = [];
      for (let i = index; i < line.inlines.length && line.keys[i]?.role === 'Link' && line.keys[i]?.key === target; i++) {
        words.push((line.inlines[i] as Inline).text);
      }
      return words.join('').replace(/\s+/g, ' ').trim();
    });
  }

  /**
   * A link annotation joins the Link element of the text being drawn. A link in an artifact (a page
   * header, a repeated table header) gets no annotation: it would be outside the structure, and its
   * first, tagged copy has it.
   */
  private keepAnnotation(options: AnnotationOptions): boolean {
    if (options.Subtype !== 'Link') return true;
    const link = this.marks.openLink;
    if (!link) return false;
    options.structParent ??= { add: (reference) => this.writer.annotation(link.node, reference.annotationRef) };
    if (!options.Contents || String(options.Contents) === '') options.Contents = new String(link.description);
    return true;
  }

  /** Before a vector: decoration unless stamped (a figure's drawing, a list bullet). */
  beforeVector(vector: Stamped): void {
    const what = this.what(vector[STAMP], vector, LAYOUT);
    if (what instanceof StructNode) this.marks.content(what);
    else this.marks.artifact(what);
  }

  /** Before an image or SVG: a Figure's content, with the Figure's bounding box. */
  beforePicture(picture: Picture): void {
    const what = this.what(picture[STAMP], picture, null);
    if (!(what instanceof StructNode)) return this.marks.artifact(what);
    this.marks.content(what);
    if (what.role === 'Figure' && what.attributes === undefined) {
      const { x, y, _width: w, _height: h } = picture;
      const height = this.doc.page.height;
      what.attributes = { O: 'Layout', Placement: 'Block', BBox: [x, height - (y + h), x + w, height - y] };
    }
  }

  /** Before a watermark: an artifact. */
  beforeWatermark(): void {
    this.marks.artifact(PAGINATION);
  }

  /** Before a clip or an alignment shift (q … Q): no sequence may straddle them. */
  beforeState(): void {
    this.marks.close();
  }
}
