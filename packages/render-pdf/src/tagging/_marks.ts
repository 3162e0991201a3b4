// Marked content while pages are drawn: every drawing operation sits in exactly one marked-content
// sequence, either content of a structure element (with an MCID) or an Artifact. Consecutive items of
// the same element share one sequence; links get Link elements that hold their annotations, parts of a
// text in another language Span elements with their /Lang. The operators are written here (BDC, EMC):
// pdfkit's markContent builds records and dictionaries for each sequence, and there are thousands.
import type { PdfDoc } from './_internals.ts';
import { StructNode, type ArtifactStamp } from './_model.ts';
import type { StructWriter } from './_writer.ts';

/**
 * An inline element being filled, on one page: a Link (consecutive link text with one target in one
 * element) or a Span (consecutive text in one other language in one element, `key` its language).
 */
export interface OpenLink {
  readonly container: StructNode;
  readonly role: 'Link' | 'Span';
  readonly key: unknown;
  readonly node: StructNode;
  /** A Link's annotations' description (`/Contents`). */
  readonly description: string;
}

/** What the open marked-content sequence is: nothing, content of `node`, an artifact `stamp`, or link text. */
const NONE = 0;
const CONTENT = 1;
const ARTIFACT = 2;
const LINK = 3;

/** The operator that begins an artifact of a kind (PDF 32000-1, 14.8.2.2.2). */
function artifactOperator(stamp: ArtifactStamp): string {
  const { type, attached } = stamp.artifact;
  return `/Artifact <</Type /${type}${attached ? ` /Attached [${attached.map((a) => `/${a}`).join(' ')}]` : ''}>> BDC`;
}

export class Marks {
  // Set for every item drawn, so kept in fields rather than a new object each time.
  private current = NONE;
  private node: StructNode | null = null;
  private stamp: ArtifactStamp | null = null;
  private link: OpenLink | null = null;
  private readonly artifactOperators = new Map<ArtifactStamp, string>();

  constructor(
    private readonly doc: PdfDoc,
    private readonly writer: StructWriter,
  ) {}

  /** The Link element that annotations made now belong to, if any. */
  get openLink(): OpenLink | null {
    return this.link?.role === 'Link' ? this.link : null;
  }

  /** What follows is content of `node` (not a link). */
  content(node: StructNode): void {
    if (this.link !== null) this.endLink();
    if (this.current === CONTENT && this.node === node) return;
    this.begin(this.writer.beginContent(node));
    this.current = CONTENT;
    this.node = node;
  }

  /** What follows is an artifact. An open Link stays open: artifacts are outside the structure. */
  artifact(stamp: ArtifactStamp): void {
    if (this.current === ARTIFACT && this.stamp === stamp) return;
    let operator = this.artifactOperators.get(stamp);
    if (operator === undefined) {
      operator = artifactOperator(stamp);
      this.artifactOperators.set(stamp, operator);
    }
    this.begin(operator);
    this.current = ARTIFACT;
    this.stamp = stamp;
  }

  /**
   * What follows is the text of a link to `key` (a Link) or a part in language `key` (a Span) inside
   * `container`; `description` gives a link's description.
   */
  inline(container: StructNode, role: 'Link' | 'Span', key: unknown, description: (() => string) | null): void {
    const open = this.link;
    if (open && open.container === container && open.role === role && open.key === key) {
      if (this.current === LINK) return;
    } else {
      this.endLink();
      // Made as the text is drawn, so not in the model: its parent is `container`.
      const node = new StructNode(role, null);
      if (role === 'Span') node.lang = key as string;
      this.writer.element(node, container);
      this.link = { container, role, key, node, description: description?.() ?? '' };
    }
    this.begin(this.writer.beginContent((this.link as OpenLink).node));
    this.current = LINK;
  }

  /**
   * Begins a sequence with its BDC `operator`, ending the open one in the same write: pdfkit turns
   * every write into a buffer of its own, and most sequences begin where another ends.
   */
  private begin(operator: string): void {
    this.doc.addContent(this.current === NONE ? operator : `EMC\n${operator}`);
  }

  /** Ends the open marked-content sequence. */
  close(): void {
    if (this.current === NONE) return;
    this.doc.addContent('EMC');
    this.current = NONE;
  }

  /** Ends the open Link or Span: what follows is not part of it. */
  endLink(): void {
    if (this.link === null) return;
    if (this.current === LINK) this.close();
    this.link = null;
  }
}
