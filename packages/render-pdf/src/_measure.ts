import type { Content, TableNode, TextNode } from './_types.ts';

/**
 * Long texts in the PDF. A cell of a CSV file can hold 32 767 characters (Excel's limit) or far more;
 * the PDF shows it whole up to a length and cut short beyond (the HTML and report.json keep every
 * character), and nothing the PDF shows is ever lost:
 *
 * - pdfmake lays a text node out in time quadratic in its word count (its line builder copies the
 *   rest of the node's words for every word it places) and re-measures the rest of a word too wide
 *   for its line on every line; a 200 000-character name took 50–66 s. A text is cut at
 *   {@link MAX_TEXT} characters, and long runs without a space get a zero-width break opportunity
 *   every {@link RUN} characters, so no node has many words or a very long word: layout time is
 *   linear in the text drawn.
 * - pdfmake drops what does not fit on one page of an unbreakable block or table row (a 3 000-character
 *   project name lost its measure's whole project table). So a block or row is kept on one page only
 *   when its estimated height ({@link estimateHeight}, generous) fits one with room to spare.
 */

/** The most characters of one text the PDF shows; about a third of a page in a narrow column. */
export const MAX_TEXT = 2000;
/** A run of this many characters without a space gets break opportunities. */
const RUN = 40;
const ZWSP = '\u200b';
const LONG_RUN = new RegExp(`[^\\s${ZWSP}]{${RUN},}`, 'gu');

/** The text area of an A4 page between the report's margins (841.89 − 56 − 50 pt). */
export const PAGE_HEIGHT = 735;
/** Width of the text area: A4 (595.28 pt) less 50 pt margins each side. */
export const CONTENT_WIDTH = 495;
/** What an unbreakable block or row may be: clearly less than a page, so pdfmake can always place it whole. */
export const KEEP_LIMIT = PAGE_HEIGHT * 0.6;

/**
 * A text as the PDF draws it: soft hyphens removed (pdfmake would print them), cut after
 * {@link MAX_TEXT} characters with `cutNote` said after it, and long runs breakable.
 */
export function pdfText(s: string, cutNote: string): string {
  let t = s.includes('\u00ad') ? s.replaceAll('\u00ad', '') : s;
  if (t.length > MAX_TEXT) {
    const space = t.lastIndexOf(' ', MAX_TEXT);
    t = `${t.slice(0, space > MAX_TEXT - 200 ? space : MAX_TEXT)} … ${cutNote}`;
  }
  return t.length <= RUN ? t : t.replace(LONG_RUN, (run) => breakable(run));
}

function breakable(run: string): string {
  const chars = [...run];
  let out = '';
  for (let i = 0; i < chars.length; i += RUN / 2) out += (i > 0 ? ZWSP : '') + chars.slice(i, i + RUN / 2).join('');
  return out;
}

/**
 * Lines a text takes at a width: generous (a character counted at 0.62 em, wider than Roboto's
 * average), so a block judged to fit does fit.
 */
export function estimateLines(s: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.62)));
  let lines = 0;
  for (const para of s.split('\n')) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

function textOf(node: TextNode): string {
  return typeof node.text === 'string' ? node.text : node.text.map((t) => (typeof t === 'string' ? t : textOf(t))).join('');
}

/** Column widths of a table in points; `*` and `auto` share what the fixed ones leave. */
function columnWidths(widths: ReadonlyArray<number | string>, width: number): number[] {
  const fixed = widths.reduce<number>((n, w) => n + (typeof w === 'number' ? w : 0), 0);
  const flexible = widths.filter((w) => typeof w !== 'number').length;
  const share = flexible > 0 ? Math.max(width - fixed, 20) / flexible : 0;
  return widths.map((w) => (typeof w === 'number' ? w : share));
}

/** Height of each row of a table, estimated. */
export function estimateRows(t: TableNode, width = CONTENT_WIDTH): number[] {
  const widths = columnWidths(t.table.widths, width);
  const fontSize = t.fontSize ?? 9.5;
  return t.table.body.map((row) => Math.max(...row.map((cell, i) => estimateHeight(cell as Content, (widths[i] ?? 40) - 6, fontSize)), 0) + 5);
}

/** The height a node takes at a width, estimated generously (see {@link estimateLines}). */
export function estimateHeight(node: Content, width = CONTENT_WIDTH, fontSize = 9.5): number {
  if (typeof node === 'string') return estimateLines(node, width, fontSize) * fontSize * 1.2;
  if (Array.isArray(node)) return node.reduce<number>((n, c) => n + estimateHeight(c, width, fontSize), 0);
  if ('toc' in node) return PAGE_HEIGHT / 2;
  const size = node.fontSize ?? fontSize;
  const m = node.margin;
  const vertical = m === undefined ? 0 : typeof m === 'number' ? 2 * m : m.length === 2 ? 2 * m[1] : m[1] + m[3];
  let h = 0;
  if ('text' in node) h = estimateLines(textOf(node), width, size) * size * 1.2;
  else if ('stack' in node) h = estimateHeight(node.stack, width, size);
  else if ('columns' in node) h = Math.max(...node.columns.map((c) => estimateHeight(c, typeof c.width === 'number' ? c.width : width / 2, size)));
  else if ('table' in node) h = estimateRows(node, width).reduce((a, b) => a + b, 0);
  else if ('svg' in node) h = node.height ?? 100;
  else if ('ul' in node) h = estimateHeight(node.ul, width - 12, size);
  return h + vertical;
}
