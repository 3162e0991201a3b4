import { estimateHeight, estimateRows, KEEP_LIMIT } from './_measure.ts';
import type {
  Content,
  Margins,
  NodeInfo,
  PageBreakHelpers,
  TableCell,
  TableLayout,
  TableLayoutNode,
  TableNode,
  TextNode,
} from './_types.ts';

/**
 * A heading is never the last thing on its page: it moves to the next page when nothing but
 * headings follows it on its page, or when it starts in the bottom tenth of the page.
 */
export function keepHeadingWithNext(node: NodeInfo, helpers: PageBreakHelpers): boolean {
  if (node.headlineLevel === undefined) return false;
  const page = node.startPosition.pageNumber;
  if (node.startPosition.verticalRatio > 0.9) {
    return helpers.getPreviousNodesOnPage().some((n) => n.headlineLevel === undefined && !n.stack);
  }
  const following = helpers.getFollowingNodesOnPage();
  const content = following.some((n) => n.headlineLevel === undefined && !n.stack && n.pageNumbers[0] === page);
  if (content) return false;
  // Only headings follow here: break, unless the heading already leads its page (it would not help).
  return helpers.getPreviousNodesOnPage().some((n) => n.headlineLevel === undefined && !n.stack);
}

type Node = Exclude<Content, string | Content[]>;

function isObject(c: Content): c is Node {
  return typeof c === 'object' && !Array.isArray(c);
}

/** A heading that can end up last on a page: h2–h4 (an h1 always starts a page). */
export function isKeptHeading(c: Content): boolean {
  return isObject(c) && 'headlineLevel' in c && c.headlineLevel !== undefined && !('pageBreak' in c && c.pageBreak === 'before');
}

/**
 * A table too tall to keep whole with its heading (about half a page): it may break across pages right
 * under its heading, which it then carries as a caption row.
 */
function isLongTable(c: Content): c is TableNode {
  return isObject(c) && 'table' in c && estimateRows(c).reduce((a, b) => a + b, 0) > KEEP_LIMIT;
}

/** Margins as [left, top, right, bottom], the way pdfmake reads the short forms. */
function margins4(m: Margins | undefined): [number, number, number, number] {
  if (m === undefined) return [0, 0, 0, 0];
  if (typeof m === 'number') return [m, m, m, m];
  if (m.length === 2) return [m[0], m[1], m[0], m[1]];
  return m;
}

function marginOf(node: TextNode): [number, number, number, number] {
  return margins4(node.margin);
}

type LayoutMetrics = Required<
  Pick<TableLayout, 'hLineWidth' | 'hLineColor' | 'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom'>
>;

/** pdfmake's values for a table layout function the layout leaves out. */
const LAYOUT_DEFAULTS: LayoutMetrics = {
  hLineWidth: () => 1,
  hLineColor: () => 'black',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A long table with its headings as a first header row: the caption repeats with the column
 * headers on every page the table spans, and `keepWithHeaderRows` keeps it with the first body
 * row, so the heading never ends a page and no `pageBreakBefore` relayout is needed. The caption
 * row looks like the headings it replaces: no rule or fill, text at the left edge of the text
 * area, the headings' margins; the table's own layout draws the rows under it unchanged.
 */
function captionedTable(headings: TextNode[], t: TableNode): TableNode {
  const layout = (t.layout ?? {}) as TableLayout;
  const inner = { table: t.table };
  const columns = t.table.widths.length;
  const padLeft = (layout.paddingLeft ?? LAYOUT_DEFAULTS.paddingLeft)(0, inner);
  const padRight = (layout.paddingRight ?? LAYOUT_DEFAULTS.paddingRight)(columns - 1, inner);
  const [left, top, right, bottom] = margins4(t.margin);
  // The first heading's top margin goes above the table, so a repeated caption starts at the top of its page.
  const [, headingTop] = marginOf(headings[0] as TextNode);
  const caption: TableCell[] = [
    {
      stack: headings.map((h, i) => {
        const m = marginOf(h);
        return { ...h, margin: [m[0], i === 0 ? 0 : m[1], m[2], m[3]] };
      }),
      colSpan: columns,
      border: [false, false, false, true],
      margin: [-padLeft, 0, -padRight, 0],
    },
    ...Array.from({ length: columns - 1 }, () => ({ text: '' as const })),
  ];
  // Row and rule indexes of the table under the caption are one less than in the captioned table.
  type Metric = (i: number, node: TableLayoutNode) => number;
  const shifted = (f: Metric | undefined, fallback: Metric, captionValue: number) => (i: number) =>
    i === 0 ? captionValue : (f ?? fallback)(i - 1, inner);
  return {
    ...t,
    table: {
      ...t.table,
      headerRows: (t.table.headerRows ?? 0) + 1,
      // With the first row when that row is not too tall to keep (a row taller than a page must break).
      keepWithHeaderRows: Math.max(t.table.keepWithHeaderRows ?? 0, (estimateRows(t)[1] ?? 0) <= KEEP_LIMIT ? 1 : 0),
      body: [caption, ...t.table.body],
    },
    layout: {
      ...layout,
      hLineWidth: shifted(layout.hLineWidth, LAYOUT_DEFAULTS.hLineWidth, 0),
      hLineColor: (i) => (layout.hLineColor ?? LAYOUT_DEFAULTS.hLineColor)(Math.max(i - 1, 0), inner),
      fillColor: (row) => (row === 0 || !layout.fillColor ? null : layout.fillColor(row - 1, inner)),
      paddingTop: shifted(layout.paddingTop, LAYOUT_DEFAULTS.paddingTop, 0),
      // The table's top margin now separates the caption from the table's top rule.
      paddingBottom: shifted(layout.paddingBottom, LAYOUT_DEFAULTS.paddingBottom, top),
    },
    margin: [left, headingTop, right, bottom],
  };
}

/**
 * A heading is never the last thing on its page. Each heading (with any headings right after it)
 * goes into one unbreakable block with the block that follows it, or, before a long table that
 * must be free to break across pages, into the table as its first header row
 * (`captionedTable`). Both cost nothing extra, where pdfmake's `pageBreakBefore` lays the whole
 * document out again for every heading it moves (docs/performance.md).
 */
export function keepHeadingsWithNext(content: readonly Content[]): Content[] {
  const flat = (content as Content[]).flat(Infinity as 1) as Content[];
  const out: Content[] = [];
  for (let i = 0; i < flat.length; ) {
    if (!isKeptHeading(flat[i] as Content)) {
      out.push(flat[i] as Content);
      i++;
      continue;
    }
    let j = i;
    while (j < flat.length && isKeptHeading(flat[j] as Content)) j++;
    if (j === flat.length) {
      out.push(...flat.slice(i, j));
      break;
    }
    // Inside the block the headings need no page-break check of their own: a break forced inside
    // an unbreakable block would leave an empty page behind.
    const headings = flat.slice(i, j).map((h) => {
      const { headlineLevel: _, ...rest } = h as TextNode;
      return rest;
    });
    const next = flat[j] as Content;
    // A block too tall to keep on one page keeps its headings by `keepHeadingWithNext` instead.
    if (!isLongTable(next) && estimateHeight(next) > KEEP_LIMIT) out.push(...flat.slice(i, j + 1));
    else if (!isLongTable(next)) out.push({ stack: [...headings, next], unbreakable: true });
    // A named pdfmake layout cannot be shifted under a caption: that heading is left to `keepHeadingWithNext`.
    else if (typeof next.layout === 'string') out.push(...flat.slice(i, j + 1));
    else out.push(captionedTable(headings, next));
    i = j + 1;
  }
  return out;
}

