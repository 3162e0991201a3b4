// Layout: while pdfmake lays a tagged document out, build the structure model in reading order (the
// order pdfmake processes nodes in) and stamp every line, vector, image and SVG with what it is.
import {
  checkedAlt,
  checkedLang,
  checkedRole,
  headingLevel,
  plainText,
  TaggingError,
  type NodeRole,
} from './_convention.ts';
import { LAYOUT, STAMP, StructNode, type ArtifactStamp, type Stamp, type Stamped } from './_model.ts';

/** A pdfmake node during layout, as far as the engine reads it. */
export interface LayoutNode extends Stamped {
  text?: unknown;
  stack?: unknown;
  columns?: unknown;
  section?: unknown;
  table?: { headerRows?: unknown };
  ul?: unknown;
  ol?: unknown;
  type?: unknown;
  image?: unknown;
  svg?: unknown;
  qr?: unknown;
  canvas?: Stamped[];
  /** A QR code's vectors. */
  _canvas?: Stamped[];
  toc?: { _table?: LayoutNode };
  attachment?: unknown;
  role?: unknown;
  alt?: unknown;
  lang?: unknown;
  headerColumns?: unknown;
  tocItem?: unknown;
  outline?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  listMarker?: { canvas?: Stamped[]; _inlines?: Stamped[] };
  _span?: unknown;
  colSpan?: unknown;
  rowSpan?: unknown;
  _taggingTable?: TableInfo | null;
  _taggingToc?: boolean;
}

/** What the engine keeps on a table node for its rows (set again on every layout pass). */
type TableInfo =
  | { kind: 'toc'; node: StructNode }
  | { kind: 'data'; node: StructNode; headerRows: number; headerColumns: number; thead: StructNode | null; tbody: StructNode | null };

/** Where the layout is in the model. `direct`: a plain text leaf here is content of `node` itself. */
type Frame =
  | { kind: 'element' | 'toc-row'; node: StructNode; direct: boolean }
  | { kind: 'row'; node: StructNode; direct: false; header: boolean; cells: unknown[]; headerColumns: number }
  | { kind: 'caption-row'; node: StructNode; direct: true; cell: unknown }
  /** A caption row that is a stack of headings: each heading goes before the table (`before`). */
  | { kind: 'caption-stack'; node: StructNode; direct: false; cell: unknown; before: StructNode }
  | { kind: 'list'; node: StructNode; direct: false };

const NUMBERING: Record<string, string> = {
  disc: 'Disc',
  circle: 'Circle',
  square: 'Square',
  none: 'None',
  decimal: 'Decimal',
  'lower-alpha': 'LowerAlpha',
  'upper-alpha': 'UpperAlpha',
  'lower-roman': 'LowerRoman',
  'upper-roman': 'UpperRoman',
};

const isLeaf = (node: LayoutNode) => node.text !== undefined;

const COLUMN_HEADER: Readonly<Record<string, unknown>> = { O: 'Table', Scope: 'Column' };
const ROW_HEADER: Readonly<Record<string, unknown>> = { O: 'Table', Scope: 'Row' };

/** The structure model of one layout pass. */
export class LayoutTagger {
  readonly root = new StructNode('Document', null);
  readonly frames: Frame[] = [{ kind: 'element', node: this.root, direct: false }];
  readonly artifacts: ArtifactStamp[] = [];
  /** Inside a Figure made of several nodes: everything is the figure's content. */
  collapse: StructNode | null = null;

  private get top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  /** Before pdfmake lays `node` out: its place in the model. `restore` undoes what this pushed. */
  enter(node: LayoutNode): void {
    if (node.outline !== undefined) {
      throw new TaggingError('E_OUTLINE', "pdfmake's own outline is not used in a tagged document: bookmarks come from headings with tocItem");
    }
    if (this.artifacts.length > 0) return this.stampItems(node, () => this.artifacts[this.artifacts.length - 1] as ArtifactStamp);
    if (this.collapse) {
      const figure = this.collapse;
      return this.stampItems(node, () => ({ node: figure, owner: null }));
    }
    const frame = this.top;
    if (frame.kind === 'row') this.cell(node, frame);
    else if (frame.kind === 'list') this.listItem(node, frame.node);
    else if ((frame.kind === 'caption-row' || frame.kind === 'caption-stack') && node === frame.cell) return;
    this.classify(node);
  }

  restore(frames: number, artifacts: number, collapse: StructNode | null): void {
    this.frames.length = frames;
    this.artifacts.length = artifacts;
    this.collapse = collapse;
  }

  /** A new line of text: what it belongs to. */
  stampLine(line: Stamped): void {
    line[STAMP] =
      this.artifacts.length > 0
        ? (this.artifacts[this.artifacts.length - 1] as ArtifactStamp)
        : { node: this.collapse ?? this.top.node, owner: null };
  }

  /** Before pdfmake lays out a row of a table: TR (or TOCI, or the table's caption). */
  row(tableNode: LayoutNode | undefined, rowIndex: number, cells: unknown[]): void {
    if (this.artifacts.length > 0 || this.collapse || !tableNode) return;
    const table = tableNode._taggingTable;
    if (!table) return;
    if (table.kind === 'toc') {
      const entry = new StructNode('TOCI', table.node);
      this.frames.push({ kind: 'toc-row', node: new StructNode('Reference', entry), direct: true });
      return;
    }
    const header = rowIndex < table.headerRows;
    const caption = header ? captionCell(cells) : undefined;
    if (caption?.stack !== undefined) {
      const parent = table.node.parent as StructNode;
      this.frames.push({ kind: 'caption-stack', node: parent, direct: false, cell: caption, before: table.node });
      return;
    }
    if (caption) {
      const role = caption.role as NodeRole;
      const node =
        role === 'Caption'
          ? new StructNode('Caption', table.node)
          : headingNode(role, caption, table.node.parent as StructNode, table.node);
      this.frames.push({ kind: 'caption-row', node, direct: true, cell: caption });
      return;
    }
    let group = table.node;
    if (header) group = table.thead ??= keep(new StructNode('THead', table.node));
    else if (table.thead) group = table.tbody ??= keep(new StructNode('TBody', table.node));
    const tr = keep(new StructNode('TR', group));
    this.frames.push({ kind: 'row', node: tr, direct: false, header, cells, headerColumns: table.headerColumns });
  }

  /** Headers, footers and backgrounds: artifacts. */
  beginArtifact(stamp: ArtifactStamp): void {
    this.artifacts.push(stamp);
  }

  private push(node: StructNode, direct: boolean): void {
    this.frames.push({ kind: 'element', node, direct });
  }

  private cell(node: LayoutNode, row: Extract<Frame, { kind: 'row' }>): void {
    const column = row.cells.indexOf(node);
    const th = row.header || column < row.headerColumns;
    const cell = keep(new StructNode(th ? 'TH' : 'TD', row.node));
    const colSpan = typeof node.colSpan === 'number' && node.colSpan > 1 ? node.colSpan : 0;
    const rowSpan = typeof node.rowSpan === 'number' && node.rowSpan > 1 ? node.rowSpan : 0;
    const scope = th ? (row.header ? COLUMN_HEADER : ROW_HEADER) : undefined;
    if (colSpan || rowSpan) {
      cell.attributes = { O: 'Table', ...scope };
      if (colSpan) cell.attributes['ColSpan'] = colSpan;
      if (rowSpan) cell.attributes['RowSpan'] = rowSpan;
    } else {
      // Most cells: a shared dictionary, or none for a plain data cell.
      cell.attributes = scope;
    }
    this.push(cell, isLeaf(node));
  }

  private listItem(item: LayoutNode, list: StructNode): void {
    const li = new StructNode('LI', list);
    const label = new StructNode('Lbl', li);
    const marker = item.listMarker;
    for (const part of [marker?._inlines?.[0], marker?.canvas?.[0]]) if (part) part[STAMP] = { node: label, owner: null };
    this.push(new StructNode('LBody', li), isLeaf(item));
  }

  private classify(node: LayoutNode): void {
    const parent = this.top.node;
    if (node.section !== undefined) return;
    if (node.stack !== undefined || node.columns !== undefined) return this.container(node, checkedRole(node.role, 'container'), parent);
    if (node.ul !== undefined || node.ol !== undefined) {
      if (checkedRole(node.role, 'list') === 'Artifact') return this.beginArtifact(LAYOUT);
      const list = new StructNode('L', parent);
      list.attributes = { O: 'List', ListNumbering: NUMBERING[String(node.type)] ?? 'None' };
      this.frames.push({ kind: 'list', node: list, direct: false });
      return;
    }
    if (node.table !== undefined) return this.table(node, checkedRole(node.role, 'table'), parent);
    if (node.text !== undefined) return this.leaf(node, checkedRole(node.role, 'text'), parent);
    if (node.toc !== undefined) {
      // The title is laid out as any text node; the entries' table is the TOC.
      if (node.toc._table) node.toc._table._taggingToc = true;
      return;
    }
    if (node.image !== undefined || node.svg !== undefined || node.qr !== undefined) {
      const what = node.svg !== undefined ? 'svg' : node.image !== undefined ? 'image' : 'qr';
      return this.picture(node, checkedRole(node.role, 'picture'), parent, what);
    }
    if (node.canvas !== undefined) {
      if (checkedRole(node.role, 'canvas') === 'Figure') this.figureItems(node, this.figure(node, parent, 'canvas'));
      // Otherwise a drawing (a rule, a box) is decoration: unstamped vectors are Layout artifacts.
      return;
    }
    if (node.attachment !== undefined) throw new TaggingError('E_UNSUPPORTED', 'file attachments are not supported in a tagged document');
  }

  private container(node: LayoutNode, role: NodeRole | undefined, parent: StructNode): void {
    if (role === 'Artifact') return this.beginArtifact(LAYOUT);
    if (role === 'Figure') {
      // One figure of several nodes; its bounding box is not known, only that it is a block.
      this.collapse = this.figure(node, parent, 'stack or columns');
      this.collapse.attributes = { O: 'Layout', Placement: 'Block' };
      return;
    }
    const lang = checkedLang(node.lang);
    if (role === undefined && lang === undefined) return;
    const element = new StructNode(role ?? 'Div', parent);
    element.lang = lang;
    this.push(element, false);
  }

  private table(node: LayoutNode, role: NodeRole | undefined, parent: StructNode): void {
    if (role === 'Artifact') return this.beginArtifact(LAYOUT);
    if (node._taggingToc) {
      const toc = new StructNode('TOC', parent);
      node._taggingTable = { kind: 'toc', node: toc };
      return this.push(toc, false);
    }
    if (role === 'Div') {
      node._taggingTable = null;
      return this.push(new StructNode('Div', parent), false);
    }
    const table = new StructNode('Table', parent);
    table.lang = checkedLang(node.lang);
    const headerRows = node.table?.headerRows;
    const headerColumns = node.headerColumns ?? 0;
    if (typeof headerColumns !== 'number' || !Number.isInteger(headerColumns) || headerColumns < 0) {
      throw new TaggingError('E_HEADER_COLUMNS', `headerColumns must be a whole number, not ${JSON.stringify(headerColumns)}`);
    }
    node._taggingTable = {
      kind: 'data',
      node: table,
      headerRows: typeof headerRows === 'number' ? headerRows : 0,
      headerColumns,
      thead: null,
      tbody: null,
    };
    this.push(table, false);
  }

  private leaf(node: LayoutNode, role: NodeRole | undefined, parent: StructNode): void {
    if (role === 'Artifact') return this.beginArtifact(LAYOUT);
    const lang = checkedLang(node.lang);
    if (role === undefined && lang === undefined && this.top.direct) return;
    const top = this.top;
    const element =
      headingLevel(role) > 0
        ? headingNode(role as NodeRole, node, parent, top.kind === 'caption-stack' ? top.before : undefined)
        : new StructNode(role ?? 'P', parent);
    element.lang = lang;
    this.push(element, true);
  }

  private picture(node: LayoutNode, role: NodeRole | undefined, parent: StructNode, what: string): void {
    if (role === 'Artifact') {
      node[STAMP] = LAYOUT;
      for (const vector of node._canvas ?? []) vector[STAMP] = LAYOUT;
      return;
    }
    if (node.link !== undefined || node.linkToPage !== undefined || node.linkToDestination !== undefined) {
      throw new TaggingError('E_UNSUPPORTED', `a linked ${what} is not supported in a tagged document: put the link in text`);
    }
    const figure = this.figure(node, parent, what);
    node[STAMP] = { node: figure, owner: null };
    for (const vector of node._canvas ?? []) vector[STAMP] = { node: figure, owner: null };
  }

  private figure(node: LayoutNode, parent: StructNode, what: string): StructNode {
    const figure = new StructNode('Figure', parent);
    figure.alt = checkedAlt(node.alt, what);
    figure.lang = checkedLang(node.lang);
    return figure;
  }

  private figureItems(node: LayoutNode, figure: StructNode): void {
    for (const vector of node.canvas ?? []) vector[STAMP] = { node: figure, owner: null };
  }

  /** Inside an artifact or a collapsed figure: stamp the items pdfmake will put on pages for `node`. */
  private stampItems(node: LayoutNode, stamp: () => Stamp): void {
    if (node.image !== undefined || node.svg !== undefined) node[STAMP] = stamp();
    for (const vector of [...(node.canvas ?? []), ...(node._canvas ?? [])]) vector[STAMP] = stamp();
    const marker = node.listMarker;
    for (const part of [marker?._inlines?.[0], marker?.canvas?.[0]]) if (part) part[STAMP] = stamp();
  }
}

function keep(node: StructNode): StructNode {
  node.keep = true;
  return node;
}

/** A heading; in the table of contents (`tocItem`) it gets a bookmark. */
function headingNode(role: NodeRole, node: LayoutNode, parent: StructNode, before?: StructNode): StructNode {
  const heading = new StructNode(role as 'H1', parent, before);
  if (node.tocItem) heading.bookmark = { title: plainText(node.text), level: headingLevel(role) };
  return heading;
}

/**
 * A header row that is one cell across all columns holding a text with a heading or Caption role, or
 * a stack of texts with heading roles: the table's caption (headings go before the table).
 */
function captionCell(cells: unknown[]): LayoutNode | undefined {
  const real = (cells as LayoutNode[]).filter((c) => !c._span);
  const only = real[0];
  if (real.length !== 1 || !only || only.colSpan !== cells.length) return undefined;
  if (Array.isArray(only.stack)) {
    const items = only.stack as LayoutNode[];
    return items.length > 0 && items.every((h) => h.text !== undefined && isHeadingRole(h.role)) ? only : undefined;
  }
  if (only.text === undefined) return undefined;
  return only.role === 'Caption' || isHeadingRole(only.role) ? only : undefined;
}

function isHeadingRole(role: unknown): boolean {
  return headingLevel(typeof role === 'string' ? role : undefined) > 0;
}
