// The structure model: a plain tree the layout hooks build, one per layout pass (pdfmake may lay the
// document out twice for `pageBreakBefore`, so nothing of pdfkit is made during layout), and the
// stamps that tie what pdfmake puts on a page (lines, vectors, images, SVGs) to the tree.
import type { StructRole } from './_convention.ts';
import type { Written } from './_writer.ts';

/** One structure element to be. The renderer makes its pdfkit element if it gets content. */
export class StructNode {
  readonly children: StructNode[] = [];
  /** Table parts are kept without content of their own: a table keeps its shape. */
  keep = false;
  /** Set by the renderer's first pass: has content (or a descendant has) on a page. */
  used = false;
  /** The last page (index) with content of this element or a descendant; -1 for none. */
  lastPage = -1;
  alt: string | undefined;
  lang: string | undefined;
  /** Attributes (the element's `A` dictionary), e.g. `{ O: 'Table', Scope: 'Column' }`. */
  attributes: Record<string, unknown> | undefined;
  /** For a heading in the table of contents: its bookmark. */
  bookmark: { title: string; level: number } | undefined;
  /** The element's object, made by the renderer (`StructWriter`). */
  written: Written | null = null;

  constructor(
    readonly role: StructRole,
    readonly parent: StructNode | null,
    before?: StructNode,
  ) {
    if (parent) {
      const at = before ? parent.children.indexOf(before) : -1;
      if (at >= 0) parent.children.splice(at, 0, this);
      else parent.children.push(this);
    }
  }
}

/** Why some content is an artifact (PDF 32000-1, 14.8.2.2.2), as pdfkit's `markContent` takes it. */
export interface ArtifactStamp {
  readonly artifact: { readonly type: 'Pagination' | 'Layout' | 'Background'; readonly attached?: string[] };
}

/**
 * Stamped on a line, vector, image or SVG during layout: the element its content belongs to.
 * pdfmake copies items it repeats (table header rows on every page) or moves (unbreakable blocks)
 * with their own properties, so the copies share this record: the first copy drawn owns the content,
 * any later one is a repeat and becomes an artifact.
 */
export interface ContentStamp {
  readonly node: StructNode;
  owner: object | null;
}

export type Stamp = ArtifactStamp | ContentStamp;

export const PAGE_HEADER: ArtifactStamp = { artifact: { type: 'Pagination', attached: ['Top'] } };
export const PAGE_FOOTER: ArtifactStamp = { artifact: { type: 'Pagination', attached: ['Bottom'] } };
export const PAGINATION: ArtifactStamp = { artifact: { type: 'Pagination' } };
export const LAYOUT: ArtifactStamp = { artifact: { type: 'Layout' } };
export const BACKGROUND: ArtifactStamp = { artifact: { type: 'Background' } };

/** The property pdfmake's copies keep (a string key: pdfmake copies with `for … in`, which skips symbols). */
export const STAMP = '_tagging';

/** An item as pdfmake puts it on a page, with the engine's stamp. */
export interface Stamped {
  [STAMP]?: Stamp;
}

export function isArtifact(stamp: Stamp): stamp is ArtifactStamp {
  return 'artifact' in stamp;
}
