import type { Language, TargetStatus } from '@ekoraportti/core';
import {
  formatDate,
  formatEuro,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  statusLabel,
  text,
  type TextKey,
} from '@ekoraportti/presentation';
import type { Chart } from '@ekoraportti/presentation';
import type { Content, SvgNode, TableCell, TableLayout, TableNode, TextNode } from './_types.ts';

/** Width of the text area: A4 (595.28 pt) less 50 pt margins each side. */
export const CONTENT_WIDTH = 495;

/**
 * Formatters bound to one report language. Plain spaces, not NBSP, as thousands separators, so
 * text extracted from the PDF reads `1 310 000,50 €`; figure cells are `noWrap` instead.
 */
export interface Fmt {
  lang: Language;
  t: (key: TextKey) => string;
  eur: (v: number) => string;
  /** Whole euros, for chart axes. */
  eur0: (v: number) => string;
  pct: (ratio: number | null) => string;
  pp: (pp: number | null) => string;
  qty: (v: number | null) => string;
  date: (iso: string | null) => string;
}

export function makeFmt(lang: Language): Fmt {
  const spacing = { spacing: 'space' } as const;
  return {
    lang,
    t: (key) => text(key, lang),
    eur: (v) => formatEuro(v, lang, 2, spacing),
    eur0: (v) => formatEuro(v, lang, 0, spacing),
    pct: (r) => formatPercent(r, lang, 1, spacing),
    pp: (p) => formatPercentagePoints(p, lang, 1, spacing),
    qty: (v) => (v === null ? '–' : formatQuantity(v, lang, spacing)),
    date: (iso) => (iso === null ? '–' : formatDate(iso, lang)),
  };
}

/**
 * Status badge: colour for the eye, and a symbol and the word so it reads in black and white.
 * Symbols are ones Roboto has (it lacks ✓ → ✗): √ » ! × ○ ?.
 */
export const STATUS_STYLE: Readonly<Record<TargetStatus, { symbol: string; fill: string; color: string }>> = {
  achieved: { symbol: '√', fill: '#1e7b34', color: '#ffffff' },
  on_track: { symbol: '»', fill: '#2b6cb0', color: '#ffffff' },
  at_risk: { symbol: '!', fill: '#f0b429', color: '#1a1a1a' },
  off_track: { symbol: '×', fill: '#c53030', color: '#ffffff' },
  not_started: { symbol: '○', fill: '#cbd5e0', color: '#1a1a1a' },
  no_data: { symbol: '?', fill: '#f2f2f2', color: '#1a1a1a' },
};

export function statusBadgeText(status: TargetStatus, lang: Language): string {
  return `${STATUS_STYLE[status].symbol} ${statusLabel(status, lang)}`;
}

/** A table cell drawn as a badge: filled with the status colour. */
export function statusCell(status: TargetStatus, lang: Language, fontSize = 8): TextNode {
  const s = STATUS_STYLE[status];
  return { text: statusBadgeText(status, lang), fillColor: s.fill, color: s.color, bold: true, fontSize, noWrap: true };
}

/** An inline badge for running text: a one-cell table so the fill has padding. */
export function statusBadge(status: TargetStatus, lang: Language): TableNode {
  return {
    table: { widths: ['auto'], body: [[statusCell(status, lang, 9)]] },
    layout: 'noBorders',
  };
}

export function h1(s: string, pageBreak = true): TextNode {
  return {
    text: s,
    style: 'h1',
    headlineLevel: 1,
    tocItem: true,
    tocStyle: { bold: true },
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
  };
}

/** Only sections, priority areas and measure entities go in the table of contents, so it fits the cover. */
export function h2(s: string, toc = false): TextNode {
  return { text: s, style: 'h2', headlineLevel: 2, ...(toc ? { tocItem: true, tocMargin: [12, 0, 0, 0] } : {}) };
}

export function h3(s: string, toc = false): TextNode {
  return { text: s, style: 'h3', headlineLevel: 3, ...(toc ? { tocItem: true, tocMargin: [24, 0, 0, 0] } : {}) };
}

/**
 * `keep: false` for a heading inside an unbreakable stack: the stack already keeps it with what
 * follows, and a page break forced inside an unbreakable stack leaves an empty page behind.
 */
export function h4(s: string, keep = true): TextNode {
  return { text: s, style: 'h4', ...(keep ? { headlineLevel: 4 } : {}) };
}

export function para(s: string, extra: Partial<TextNode> = {}): TextNode {
  return { text: s, margin: [0, 0, 0, 6], ...extra };
}

export function small(s: string, extra: Partial<TextNode> = {}): TextNode {
  return { text: s, style: 'small', ...extra };
}

/** A figure: right-aligned, never wrapped. */
export function num(s: string, extra: Partial<TextNode> = {}): TextNode {
  return { text: s, alignment: 'right', noWrap: true, ...extra };
}

export function headerCell(s: string, right = false): TextNode {
  return { text: s, style: 'th', ...(right ? { alignment: 'right' as const } : {}) };
}

/** Light rules between rows, a shaded header row; readable in greyscale. */
export const TABLE_LAYOUT: TableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? '#555555' : '#bbbbbb'),
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? '#e8edf3' : null),
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A data table: the header row repeats on every page it spans, rows never split, and at least
 * one body row stays with the header.
 */
export function dataTable(widths: Array<number | string>, header: TableCell[], rows: TableCell[][], fontSize = 8): TableNode {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: rows.length > 0 ? 1 : 0,
      dontBreakRows: true,
      widths,
      body: [header, ...rows],
    },
    layout: TABLE_LAYOUT,
    fontSize,
    margin: [0, 2, 0, 8],
  };
}

/** Label / value pairs as a two-column table without a header. */
export function factTable(rows: Array<[string, string | TextNode]>, labelWidth: number | string = 'auto'): TableNode {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: rows.map(([label, value]) => [
        { text: label, bold: true },
        typeof value === 'string' ? { text: value } : value,
      ]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** A chart from the shared SVG helpers, scaled to fit the text width when it is wider. */
export function chart(c: Chart, maxWidth = CONTENT_WIDTH): SvgNode {
  return { svg: c.svg, width: Math.min(c.width, maxWidth), margin: [0, 2, 0, 6] };
}

export function joinContent(parts: Array<Content | null | undefined | false>): Content[] {
  return parts.filter((p): p is Content => p !== null && p !== undefined && p !== false);
}
