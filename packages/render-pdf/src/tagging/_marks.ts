// Marked content while pages are drawn: every drawing operation sits in exactly one marked-content
// sequence, either content of a structure element (with an MCID) or an Artifact. Consecutive items of
// the same element share one sequence; links get Link elements that hold their annotations.
import type { PdfDoc, StructElement } from './_internals.ts';
import type { ArtifactStamp, StructNode } from './_model.ts';

/** A Link element being filled: consecutive link text with one target in one element, on one page. */
export interface OpenLink {
  readonly container: StructNode;
  readonly target: unknown;
  readonly el: StructElement;
  /** The annotations' description (`/Contents`). */
  readonly description: string;
}

/** What the open marked-content sequence is: nothing, content of `node`, an artifact `stamp`, or link text. */
const NONE = 0;
const CONTENT = 1;
const ARTIFACT = 2;
const LINK = 3;

export class Marks {
  // Set for every item drawn, so kept in fields rather than a new object each time.
  private current = NONE;
  private node: StructNode | null = null;
  private stamp: ArtifactStamp | null = null;
  private link: OpenLink | null = null;

  constructor(private readonly doc: PdfDoc) {}

  /** The Link element that annotations made now belong to, if any. */
  get openLink(): OpenLink | null {
    return this.link;
  }

  /** What follows is content of `node` (not a link). */
  content(node: StructNode): void {
    if (this.link !== null) this.endLink();
    if (this.current === CONTENT && this.node === node) return;
    this.close();
    (node.el as StructElement).add(this.doc.markStructureContent(node.role));
    this.current = CONTENT;
    this.node = node;
  }

  /** What follows is an artifact. An open Link stays open: artifacts are outside the structure. */
  artifact(stamp: ArtifactStamp): void {
    if (this.current === ARTIFACT && this.stamp === stamp) return;
    this.close();
    this.doc.markContent('Artifact', stamp.artifact);
    this.current = ARTIFACT;
    this.stamp = stamp;
  }

  /** What follows is the text of a link to `target` inside `container`. */
  linkText(container: StructNode, target: unknown, description: () => string): void {
    const open = this.link;
    if (open && open.container === container && open.target === target) {
      if (this.current === LINK) return;
    } else {
      this.endLink();
      const el = this.doc.struct('Link');
      (container.el as StructElement).add(el);
      this.link = { container, target, el, description: description() };
    }
    this.close();
    (this.link as OpenLink).el.add(this.doc.markStructureContent('Link'));
    this.current = LINK;
  }

  /** Ends the open marked-content sequence. */
  close(): void {
    if (this.current === NONE) return;
    this.doc.endMarkedContent();
    this.current = NONE;
  }

  /**
   * Ends the open Link element. It is written at once, on the page it belongs to: pdfkit gives an
   * annotation reference the page that is current when the element is written.
   */
  endLink(): void {
    if (this.link === null) return;
    if (this.current === LINK) this.close();
    this.link.el.end();
    this.link = null;
  }
}
