// What a tagged PDF offers a screen reader, read back with pdf.js (the engine of Firefox's viewer):
// text runs in or out of the structure tree, headings, tables, figures, table of contents, links,
// bookmarks, language and title. Made for the engine's tests and for integration tests on the real
// reports: `checkStructure(bytes)`, then assert on what it returns.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A node of `page.getStructTree()`. */
interface TreeNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: 'content' | 'annotation' | 'object';
  id?: string;
  children?: TreeNode[];
}

/** One table: its rows (TR) and cells. */
export interface TableReport {
  rows: number;
  /** Header cells (TH); pdf.js does not show their Scope (pdfinfo -struct does). */
  th: number;
  td: number;
  /** Text of the first row's cells. */
  firstRow: string[];
}

export interface StructureReport {
  pages: number;
  /** Non-blank text runs neither in the structure tree nor in an artifact: a reader misses them. Must be empty. */
  untagged: Array<{ page: number; text: string }>;
  /** Non-blank text runs in the structure tree. */
  taggedRuns: number;
  /** Non-blank text runs in artifacts (running headers, footers, repeated table headers, decoration). */
  artifacts: Array<{ page: number; text: string }>;
  /** H1–H6 in reading order. */
  headings: Array<{ level: number; text: string }>;
  tables: TableReport[];
  figures: Array<{ alt: string | null }>;
  /** Each TOCI: its text, and the page its link goes to. */
  toc: Array<{ text: string; target: number | null }>;
  /** Elements in another language than the document's. */
  languages: Array<{ role: string; lang: string; text: string }>;
  /** Text of P elements, in order (for reading-order checks). */
  paragraphs: string[];
  /** Link annotations; those not in a Link structure element; those without a description. */
  links: { annotations: number; outsideStructure: number; withoutContents: number; contents: string[] };
  /** Bookmarks, depth first, with their depth (1 = top) and the page they go to. */
  outline: Array<{ level: number; title: string; page: number | null }>;
  lang: string | null;
  title: string | null;
  displayTitle: boolean;
  marked: boolean;
  /** `pdfuaid:part` from the XMP metadata, if there. */
  pdfuaPart: string | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const ANNOTATION_PREFIX = 'pdfjs_internal_id_';

/** Reads a PDF back and reports what its structure offers. */
export async function checkStructure(bytes: Uint8Array): Promise<StructureReport> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const textById = new Map<string, string>();
    /** Page (1-based) each link annotation goes to, by annotation id. */
    const targets = new Map<string, number | null>();
    const pageOf = async (dest: unknown): Promise<number | null> => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
      const ref = Array.isArray(explicit) ? explicit[0] : null;
      return ref && typeof ref === 'object' ? (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1 : null;
    };
    const trees: TreeNode[] = [];
    const report: StructureReport = {
      pages: pdf.numPages,
      untagged: [],
      taggedRuns: 0,
      artifacts: [],
      headings: [],
      tables: [],
      figures: [],
      toc: [],
      paragraphs: [],
      languages: [],
      links: { annotations: 0, outsideStructure: 0, withoutContents: 0, contents: [] },
      outline: [],
      lang: null,
      title: null,
      displayTitle: false,
      marked: false,
      pdfuaPart: null,
    };
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const tree = ((await page.getStructTree()) as TreeNode | null) ?? { role: 'Root', children: [] };
      trees.push(tree);
      const inTree = new Set<string>();
      const annotationsInLinks = new Set<string>();
      walk(tree, (n, ancestors) => {
        if (n.type === 'content' && n.id) inTree.add(n.id);
        // An annotation reference (OBJR) is an 'object' kid, or an 'annotation' when it is its element's only kid.
        if ((n.type === 'annotation' || n.type === 'object') && n.id && ancestors[ancestors.length - 1]?.role === 'Link') {
          annotationsInLinks.add(n.id.replace(ANNOTATION_PREFIX, ''));
        }
      });
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: Array<{ tag?: string; id?: string | null }> = [];
      for (const item of content.items as Array<{ type?: string; tag?: string; id?: string | null; str?: string; hasEOL?: boolean }>) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push(item);
          continue;
        }
        if (item.type === 'endMarkedContent') {
          open.pop();
          continue;
        }
        const str = item.str ?? '';
        const mc = [...open].reverse().find((m) => m.id || m.tag === 'Artifact');
        // A line ends where pdfmake wrapped (it draws no space there): read as a reader does, a space.
        if (mc?.id) textById.set(mc.id, (textById.get(mc.id) ?? '') + str + (item.hasEOL ? ' ' : ''));
        if (!str.trim()) continue;
        if (mc?.tag === 'Artifact') report.artifacts.push({ page: p, text: str });
        else if (mc?.id && inTree.has(mc.id)) report.taggedRuns++;
        else report.untagged.push({ page: p, text: str });
      }
      for (const a of (await page.getAnnotations()) as Array<{ subtype?: string; id: string; dest?: unknown; contentsObj?: { str?: string } }>) {
        if (a.subtype !== 'Link') continue;
        targets.set(a.id, a.dest === undefined ? null : await pageOf(a.dest));
        report.links.annotations++;
        if (!annotationsInLinks.has(a.id)) report.links.outsideStructure++;
        const contents = a.contentsObj?.str ?? '';
        if (!contents.trim()) report.links.withoutContents++;
        else report.links.contents.push(contents);
      }
    }
    collectElements(trees, textById, targets, report);
    type Item = { title: string; dest: unknown; items: Item[] };
    const flatten = async (items: Item[], level: number) => {
      for (const item of items) {
        report.outline.push({ level, title: item.title, page: await pageOf(item.dest) });
        await flatten(item.items, level + 1);
      }
    };
    await flatten(((await pdf.getOutline()) as Item[] | null) ?? [], 1);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { get(name: string): unknown } | null };
    report.lang = typeof info['Language'] === 'string' ? info['Language'] : null;
    report.title = typeof info['Title'] === 'string' ? info['Title'] : null;
    const part = metadata?.get('pdfuaid:part');
    report.pdfuaPart = typeof part === 'string' ? part : null;
    const prefs = (await pdf.getViewerPreferences()) as Record<string, unknown> | null;
    report.displayTitle = prefs?.['DisplayDocTitle'] === true;
    report.marked = ((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked === true;
    return report;
  } finally {
    await pdf.destroy();
  }
}

function walk(node: TreeNode, visit: (n: TreeNode, ancestors: TreeNode[]) => void, ancestors: TreeNode[] = []): void {
  visit(node, ancestors);
  ancestors.push(node);
  for (const child of node.children ?? []) walk(child, visit, ancestors);
  ancestors.pop();
}

function textOf(node: TreeNode, textById: Map<string, string>): string {
  const parts: string[] = [];
  walk(node, (n) => {
    if (n.type === 'content' && n.id) parts.push(textById.get(n.id) ?? '');
  });
  return squash(parts.join(''));
}

/** The first marked content or annotation of an element's subtree on this page. */
function firstKey(node: TreeNode): string | null {
  if (node.type) return node.id ?? null;
  for (const child of node.children ?? []) {
    const key = firstKey(child);
    if (key) return key;
  }
  return null;
}

/**
 * pdf.js gives each page the elements with content on that page, and whole tables: an element on
 * several pages is in several trees. A table is one table across pages when its copies have the same
 * shape and each copy's content starts where the previous one's stopped. Any other element is known
 * by its first content on a page: one that runs over a page break (a long paragraph) counts once per
 * page; headings, figures and TOC entries do not run over in practice.
 */
function collectElements(trees: TreeNode[], textById: Map<string, string>, targets: Map<string, number | null>, report: StructureReport): void {
  const seen = new Set<string>();
  let lastTable: { shape: string; cells: number; last: number; page: number; report: TableReport } | null = null;
  trees.forEach((tree, page) => {
    walk(tree, (n, ancestors) => {
      if (!n.role || n.role === 'Root' || ancestors.some((a) => a.role === 'Table')) return;
      if (n.role === 'Table') {
        const cells = tableCells(n);
        const shape = cells.map((c) => c.role).join(',');
        const withContent = cells.map((c, i) => (firstKey(c) ? i : -1)).filter((i) => i >= 0);
        const first = withContent[0] ?? -1;
        const continues =
          lastTable !== null &&
          lastTable.shape === shape &&
          lastTable.page < page &&
          lastTable.last < lastTable.cells - 1 &&
          first >= lastTable.last;
        if (!continues) {
          lastTable = { shape, cells: cells.length, last: -1, page, report: tableReport(n, textById) };
          report.tables.push(lastTable.report);
        }
        const table = lastTable as NonNullable<typeof lastTable>;
        table.last = Math.max(table.last, withContent[withContent.length - 1] ?? -1);
        table.page = page;
        return;
      }
      const key = `${n.role}:${firstKey(n)}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (n.lang) report.languages.push({ role: n.role, lang: n.lang, text: textOf(n, textById) });
      const level = /^H([1-6])$/.exec(n.role);
      if (level) report.headings.push({ level: Number(level[1]), text: textOf(n, textById) });
      else if (n.role === 'Figure') report.figures.push({ alt: n.alt ?? null });
      else if (n.role === 'TOCI') {
        let target: number | null = null;
        walk(n, (k) => {
          if (target === null && (k.type === 'object' || k.type === 'annotation') && k.id) target = targets.get(k.id.replace(ANNOTATION_PREFIX, '')) ?? null;
        });
        report.toc.push({ text: textOf(n, textById), target });
      }
      else if (n.role === 'P') report.paragraphs.push(textOf(n, textById));
    });
  });
}

function tableRows(table: TreeNode): TreeNode[] {
  const rows: TreeNode[] = [];
  const collect = (n: TreeNode) => {
    for (const child of n.children ?? []) {
      if (child.role === 'TR') rows.push(child);
      else if (child.role === 'THead' || child.role === 'TBody' || child.role === 'TFoot') collect(child);
    }
  };
  collect(table);
  return rows;
}

function tableCells(table: TreeNode): TreeNode[] {
  return tableRows(table).flatMap((row) => (row.children ?? []).filter((c) => c.role === 'TH' || c.role === 'TD'));
}

function tableReport(table: TreeNode, textById: Map<string, string>): TableReport {
  const rows = tableRows(table);
  const cells = tableCells(table);
  return {
    rows: rows.length,
    th: cells.filter((c) => c.role === 'TH').length,
    td: cells.filter((c) => c.role === 'TD').length,
    firstRow: (rows[0]?.children ?? []).filter((c) => c.role === 'TH' || c.role === 'TD').map((c) => textOf(c, textById)),
  };
}
