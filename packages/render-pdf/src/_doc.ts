import type { ReportModel } from '@ekoraportti/core';
import { agreementVersionText } from '@ekoraportti/presentation';
import { areas, projectList } from './_areas.ts';
import { dataQuality, delta, revision } from './_appendix.ts';
import { makeFmt, type Fmt } from './_blocks.ts';
import { funding } from './_funding.ts';
import { cover, summary } from './_summary.ts';
import type {
  Content,
  Margins,
  NodeInfo,
  PageBreakHelpers,
  StyleProps,
  TableCell,
  TableLayout,
  TableLayoutNode,
  TableNode,
  TDocumentDefinitions,
  TextNode,
} from './_types.ts';

/** Fixed so the same model gives the same bytes; no version number that would change them between builds. */
export const PDF_CREATOR = 'ekoraportti';
export const PDF_PRODUCER = 'ekoraportti (pdfmake, pdfkit)';

const SECTIONS: Readonly<Record<string, (model: ReportModel, f: Fmt) => Content[]>> = {
  summary,
  revision,
  delta,
  areas,
  funding,
  projects: projectList,
  dataQuality,
};

/** The as-of date at 12:00 UTC: a creation date that is the same on every run and in every time zone. */
function asOfInstant(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`);
}

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

/** Above this many rows a table may break across pages right under its heading, which it then carries as a caption row. */
const MAX_KEPT_TABLE_ROWS = 25;

/** The report's paragraph styles; the heading margins are also read when a heading becomes a table caption. */
export const PDF_STYLES: Readonly<Record<string, StyleProps>> = {
  h1: { fontSize: 17, bold: true, color: '#1d4f7c', margin: [0, 0, 0, 8] },
  h2: { fontSize: 13, bold: true, color: '#1d4f7c', margin: [0, 10, 0, 5] },
  h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  h4: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] },
  th: { bold: true, fontSize: 7.5 },
  small: { fontSize: 7.5, color: '#444444', margin: [0, 0, 0, 4] },
};

type Node = Exclude<Content, string | Content[]>;

function isObject(c: Content): c is Node {
  return typeof c === 'object' && !Array.isArray(c);
}

/** A heading that can end up last on a page: h2–h4 (an h1 always starts a page). */
function isKeptHeading(c: Content): boolean {
  return isObject(c) && 'headlineLevel' in c && c.headlineLevel !== undefined && !('pageBreak' in c && c.pageBreak === 'before');
}

function isLongTable(c: Content): c is TableNode {
  return isObject(c) && 'table' in c && c.table.body.length > MAX_KEPT_TABLE_ROWS;
}

/** Margins as [left, top, right, bottom], the way pdfmake reads the short forms. */
function margins4(m: Margins | undefined): [number, number, number, number] {
  if (m === undefined) return [0, 0, 0, 0];
  if (typeof m === 'number') return [m, m, m, m];
  if (m.length === 2) return [m[0], m[1], m[0], m[1]];
  return m;
}

function marginOf(node: TextNode): [number, number, number, number] {
  if (node.margin !== undefined) return margins4(node.margin);
  const style = typeof node.style === 'string' ? PDF_STYLES[node.style] : undefined;
  return margins4(style?.margin);
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
      keepWithHeaderRows: Math.max(t.table.keepWithHeaderRows ?? 0, 1),
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
    if (!isLongTable(next)) out.push({ stack: [...headings, next], unbreakable: true });
    // A named pdfmake layout cannot be shifted under a caption: that heading is left to `keepHeadingWithNext`.
    else if (typeof next.layout === 'string') out.push(...flat.slice(i, j + 1));
    else out.push(captionedTable(headings, next));
    i = j + 1;
  }
  return out;
}

/** The pdfmake document definition of the report: pure, no I/O. */
export function buildPdfDoc(model: ReportModel): TDocumentDefinitions {
  const f = makeFmt(model.lang);
  const example = model.report.exampleData;
  const when = asOfInstant(model.asOf);

  const content: Content[] = [...cover(model, f)];
  for (const name of model.report.sections) {
    const section = SECTIONS[name];
    if (!section) continue; // unknown section names are another renderer's business
    content.push(...section(model, f));
  }

  const kept = keepHeadingsWithNext(content);
  const runningHead = [model.report.type, `${f.t('asOf')} ${f.date(model.asOf)}`, ...(example ? [f.t('exampleData')] : [])];
  return {
    version: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    language: model.lang === 'fi' ? 'fi-FI' : 'en-GB',
    displayTitle: true,
    compress: true,
    pageSize: 'A4',
    pageMargins: [50, 56, 50, 50],
    info: {
      title: `${model.agreement.title} – ${model.report.type} ${f.date(model.asOf)}`,
      author: f.t('city'),
      subject: `${model.report.type}: ${f.t('agreementTitle')}, ${f.t('agreementVersion').toLowerCase()} ${agreementVersionText(model.agreement.version, model.lang)}, ${f.t('asOf').toLowerCase()} ${f.date(model.asOf)}`,
      keywords: [
        f.t('agreementTitle'),
        model.report.type,
        model.agreement.city,
        'TEM',
        `${f.t('agreementVersion')} ${model.agreement.version}`,
        ...(example ? [f.t('exampleData')] : []),
      ].join(', '),
      creator: PDF_CREATOR,
      producer: PDF_PRODUCER,
      creationDate: when,
      modDate: when,
    },
    header: (page) =>
      page === 1
        ? ''
        : {
            columns: [
              { width: '*', text: runningHead.join(' · '), fontSize: 7.5, color: '#555555' },
              ...(example
                ? [{ width: 'auto', text: f.t('exampleData').toUpperCase(), fontSize: 7.5, bold: true, color: '#8a6d00' }]
                : []),
            ],
            margin: [50, 24, 50, 0],
          },
    footer: (page, pages) => ({
      columns: [
        { width: '*', text: f.t('city'), fontSize: 7.5, color: '#555555' },
        { width: 'auto', text: `${f.t('page')} ${page} / ${pages}`, fontSize: 8 },
      ],
      margin: [50, 16, 50, 0],
    }),
    // Only a heading `keepHeadingsWithNext` could not keep with what follows is left to
    // `pageBreakBefore`; without one pdfmake skips that pass over every laid-out node.
    ...(kept.some(isKeptHeading) ? { pageBreakBefore: keepHeadingWithNext } : {}),
    content: kept,
    styles: structuredClone(PDF_STYLES) as Record<string, StyleProps>,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
  };
}
