import type { Language, TargetStatus } from '@ekoraportti/core';
import type { Badge, Cell, Fact, Figure, Heading, Labels, Table } from '@ekoraportti/presentation';
import { CONTENT_WIDTH, estimateHeight, estimateRows, KEEP_LIMIT, pdfText } from './_measure.ts';
import type { NodeRole } from './tagging/index.ts';
import type { Alignment, Content, StackNode, StyleProps, SvgNode, TableCell, TableLayout, TableNode, TextNode } from './_types.ts';

/**
 * The few builders every PDF node of the report content comes from: a heading with its level, a
 * paragraph, a data table with its header row, a figure with its alt text, a list and a fact table
 * (and the badge and cell they are made of). A structure role (H1–H6, P, Table/TH/TD, Figure with
 * alt, L/LI) belongs to exactly one of them, so it is attached here, in the tagging engine's
 * convention (src/tagging/README.md): `role` on headings and layout tables, `headerColumns` where the
 * first column heads its row, `alt` on figures, `lang` on Finnish quotes in a report in another language.
 * Paragraphs, lists, and table cells need nothing: the engine tags them P, L/LI/Lbl/LBody, TH/TD.
 */

/** Status badge colours; the symbol and the word come from the view. */
export const STATUS_STYLE: Readonly<Record<TargetStatus, { fill: string; color: string }>> = {
  achieved: { fill: '#1e7b34', color: '#ffffff' },
  on_track: { fill: '#2b6cb0', color: '#ffffff' },
  at_risk: { fill: '#f0b429', color: '#1a1a1a' },
  off_track: { fill: '#c53030', color: '#ffffff' },
  not_started: { fill: '#cbd5e0', color: '#1a1a1a' },
  no_data: { fill: '#f2f2f2', color: '#1a1a1a' },
};

export const MUTED = '#555555';

/** The look of each heading level: 1 the cover's report type, 2 a section (new page), 3–6 within. */
export const HEADING_STYLES: Readonly<Record<Heading['level'], StyleProps>> = {
  1: { fontSize: 18, margin: [0, 0, 0, 18] },
  2: { fontSize: 17, bold: true, color: '#1d4f7c', margin: [0, 0, 0, 8] },
  3: { fontSize: 13, bold: true, color: '#1d4f7c', margin: [0, 10, 0, 5] },
  4: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  5: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] },
  6: { fontSize: 8.5, bold: true, margin: [0, 4, 0, 2] },
};

/** The structure role of each heading level (the outline level of the view: 1 the report, 2 a section). */
const HEADING_ROLES: Readonly<Record<Heading['level'], NodeRole>> = { 1: 'H1', 2: 'H2', 3: 'H3', 4: 'H4', 5: 'H5', 6: 'H6' };

/** Light rules between rows, a shaded header row; readable in greyscale. */
export const TABLE_LAYOUT: TableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? MUTED : '#bbbbbb'),
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? '#e8edf3' : null),
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * TABLE_LAYOUT drawn as if the table had no header row: labels over values (`factRow`) are column
 * headers for the structure tree, but look like the rest of the table.
 */
const FACT_ROW_LAYOUT: TableLayout = {
  ...TABLE_LAYOUT,
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.3),
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? MUTED : '#bbbbbb'),
  fillColor: () => null,
};

export interface DataTableOptions {
  widths: Array<number | string>;
  fontSize?: number;
  /** The first column in bold (ids). */
  boldFirst?: boolean;
}

export interface FactTableOptions {
  fontSize?: number;
  /** Values right-aligned (figures). */
  alignValues?: 'left' | 'right';
  layout?: TableLayout | string;
  /** Label and value column widths; `['*', 'auto']` by default. */
  widths?: [number | string, number | string];
  boldLabels?: boolean;
  margin?: [number, number, number, number];
}

export type Builders = ReturnType<typeof pdfBuilders>;

/**
 * The builders, bound to the words a text cut short is followed by and to the report's language (the
 * agreement's quotes are Finnish: marked so in a report in another language).
 */
export function pdfBuilders(labels: Pick<Labels, 'cut'>, lang: Language) {
  const t = (s: string) => pdfText(s, labels.cut);
  const quoteLang = lang === 'fi' ? undefined : 'fi';

  /** `keep: false` inside a block that already keeps it with what follows (a break forced there leaves an empty page). */
  function heading(h: Heading, o: { keep?: boolean; pageBreak?: boolean } = {}): TextNode {
    const node: TextNode = Object.assign({ text: t(h.text), role: HEADING_ROLES[h.level] }, HEADING_STYLES[h.level]);
    if (o.keep !== false && h.level > 1) node.headlineLevel = h.level;
    if (h.toc) {
      node.tocItem = true;
      if (h.level > 2) node.tocMargin = [12 * (h.level - 2), 0, 0, 0];
      else node.tocStyle = { bold: true };
    }
    if (o.pageBreak ?? h.level === 2) node.pageBreak = 'before';
    return node;
  }

  function paragraph(s: string, style: Partial<TextNode> = {}): TextNode {
    return Object.assign({ text: t(s), margin: [0, 0, 0, 6] }, style);
  }

  /** Smaller, muted text: notes, intros. */
  function small(s: string, style: Partial<TextNode> = {}): TextNode {
    return paragraph(s, Object.assign({ fontSize: 7.5, color: '#444444', margin: [0, 0, 0, 4] }, style));
  }

  /** A status badge as a filled cell: colour for the eye, symbol and word so it reads in black and white. */
  function badge(b: Badge, fontSize = 8): TextNode {
    const s = STATUS_STYLE[b.status];
    // A status on stale evidence says how old it is on a second line, in the badge, so it is never read alone.
    const word = `${b.symbol} ${b.label}`;
    const text = b.stale === null ? word : [word, '\n', { text: `— ${b.stale}`, fontSize: fontSize - 1, bold: false, italics: true }];
    return { text, fillColor: s.fill, color: s.color, bold: true, fontSize, noWrap: true };
  }

  /** A badge inside running text: a one-cell table, so the fill has padding (a layout table, no data). */
  function inlineBadge(b: Badge): TableNode {
    return { table: { widths: ['auto'], body: [[badge(b, 9)]] }, layout: 'noBorders', role: 'Div' };
  }

  /** The agreement's Finnish text, quoted: in italics, marked Finnish in a report in another language. */
  function quote(s: string, style: Partial<TextNode> = {}): TextNode {
    const node: TextNode = Object.assign({ text: `”${t(s)}”`, italics: true }, style);
    if (quoteLang !== undefined) node.lang = quoteLang;
    return node;
  }

  /** A cell's own text: a figure kept on one line, a quote in italics, or text. */
  function content(c: Cell): TextNode {
    // noWrap keeps a figure on one line; its no-break spaces are drawn as plain ones, which pdfkit measures
    // once per word ("1", "310", "000,50 €") instead of once per figure.
    if (c.figure) return { text: c.text.replaceAll('\u00a0', ' '), noWrap: true };
    if (c.quote) return quote(c.text);
    return { text: t(c.text) };
  }

  /**
   * A cell of the view: a badge, or its text with a muted note under it. Nodes are built property by
   * property, not by object spread: pdfmake adds a dozen properties to every node it lays out, and
   * spread-made nodes made the layout of a long table half again as slow.
   */
  function cell(c: Cell, o: { bold?: boolean; alignment?: Alignment } = {}): TextNode {
    const node: TextNode = c.badge ? badge(c.badge, 7.5) : c.note === null ? content(c) : { text: [content(c), '\n', { text: t(c.note), color: MUTED }] };
    const alignment = o.alignment ?? (c.numeric ? 'right' : undefined);
    if (alignment !== undefined) node.alignment = alignment;
    if (o.bold === true) node.bold = true;
    return node;
  }

  function headerCell(label: string, right: boolean): TextNode {
    const node: TextNode = { text: t(label), bold: true, fontSize: 7.5 };
    if (right) node.alignment = 'right';
    return node;
  }

  /**
   * A data table with its header row repeated on every page it spans; its first column heads each row
   * (as in the HTML). Rows stay whole, and the first stays with the header, unless a row is too tall
   * for that (it then breaks across pages).
   */
  function dataTable(v: Table, o: DataTableOptions): TableNode | TextNode {
    if (v.rows.length === 0) return paragraph(v.empty, { fontSize: 8.5 });
    const row = (cells: Cell[], bold: boolean) =>
      cells.map((c, i) => cell(c, { bold: bold || (i === 0 && o.boldFirst === true) }));
    const body: TableCell[][] = [
      v.columns.map((c) => headerCell(c.label, c.numeric)),
      ...v.rows.map((r) => row(r.cells, false)),
      ...(v.total ? [row(v.total.cells, true)] : []),
    ];
    const node: TableNode = {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: o.widths, body },
      layout: TABLE_LAYOUT,
      fontSize: o.fontSize ?? 8,
      margin: [0, 2, 0, 8],
      headerColumns: 1,
    };
    const heights = estimateRows(node);
    node.table.dontBreakRows = heights.every((h) => h <= KEEP_LIMIT);
    node.table.keepWithHeaderRows = (heights[0] ?? 0) + (heights[1] ?? 0) <= KEEP_LIMIT ? 1 : 0;
    return node;
  }

  /** Label / value pairs as a two-column table without a header row: each label heads its row. */
  function factTable(facts: readonly Fact[], o: FactTableOptions = {}): TableNode {
    return {
      headerColumns: 1,
      table: {
        widths: o.widths ?? ['*', 'auto'],
        body: facts.map((f) => [
          { text: t(f.label), ...(o.boldLabels ? { bold: true } : {}) },
          cell(f.value, { alignment: o.alignValues ?? 'right' }),
        ]),
      },
      layout: o.layout ?? TABLE_LAYOUT,
      fontSize: o.fontSize ?? 8.5,
      margin: o.margin ?? [0, 2, 0, 8],
    };
  }

  /** Label / value pairs side by side: labels over their values (column headers), one row. */
  function factRow(facts: readonly Fact[], fontSize = 7.5): TableNode {
    return {
      table: {
        headerRows: 1,
        widths: facts.map(() => '*'),
        body: [facts.map((f) => headerCell(f.label, true)), facts.map((f) => cell({ ...f.value, numeric: true }))],
      },
      layout: FACT_ROW_LAYOUT,
      fontSize,
      margin: [0, 2, 0, 8],
    };
  }

  /** Status badges with their counts: each badge heads its row. */
  function badgeCounts(items: ReadonlyArray<{ badge: Badge; count: Cell }>, o: { fontSize?: number } = {}): TableNode {
    return {
      table: { widths: ['*', 'auto'], body: items.map((i) => [badge(i.badge), cell({ ...i.count, numeric: true })]) },
      layout: TABLE_LAYOUT,
      fontSize: o.fontSize ?? 8.5,
      headerColumns: 1,
    };
  }

  /** A chart, scaled to fit the width: a Figure whose alt text says in words and figures what it shows. */
  function figure(f: Figure, maxWidth = CONTENT_WIDTH): SvgNode {
    const width = Math.min(f.width, maxWidth);
    return { svg: f.svg, width, height: (f.height * width) / f.width, margin: [0, 2, 0, 6], alt: f.alt };
  }

  function list(items: readonly string[], fontSize = 8.5): Content {
    return { ul: items.map((s) => t(s)), fontSize, margin: [0, 0, 0, 6] };
  }

  /**
   * Nodes one after the other; `unbreakable` keeps them on one page, but only when their estimated
   * height leaves room to spare (pdfmake drops what does not fit one page of an unbreakable block: a
   * KPI whose last source was a 6 000-character cell lost its whole block, figures and chart).
   */
  function stack(nodes: Content[], unbreakable = false): StackNode {
    const node: StackNode = { stack: nodes };
    if (unbreakable && estimateHeight(node) <= KEEP_LIMIT) node.unbreakable = true;
    return node;
  }

  return { heading, paragraph, small, badge, inlineBadge, quote, cell, dataTable, factTable, factRow, badgeCounts, figure, list, stack, text: t };
}
