import { describe, expect, it } from 'vitest';
import { sampleReport } from '@ekoraportti/core';
import type { Cell, Heading, Table } from '@ekoraportti/presentation';
import type { TableLayout, TableNode, TextNode } from '../src/_types.ts';
import { buildPdfDoc, HEADING_STYLES, keepHeadingsWithNext, keepHeadingWithNext, pdfBuilders, type NodeInfo } from '../src/index.ts';

const b = pdfBuilders({ cut: '(katkaistu)' }, 'fi');
const cell = (text: string): Cell => ({ text, figure: false, numeric: false, badge: null, note: null, href: null, quote: false });
const table = (rows: string[][]): Table => ({
  caption: 'Hankkeet',
  columns: [
    { label: 'Tunnus', numeric: false },
    { label: 'Nimi', numeric: false },
  ],
  rows: rows.map((r) => ({ cells: r.map(cell), provenance: null })),
  total: null,
  provenance: false,
  empty: 'Ei hankkeita.',
});
const heading = (level: Heading['level'], text: string): Heading => ({ level, text, id: null, toc: false });

describe('buildPdfDoc', () => {
  it('draws the sections in the order the pipeline asks, each on a new page', () => {
    const doc = buildPdfDoc(sampleReport({ sections: ['dataQuality', 'summary'] }));
    const sections = (doc.content as TextNode[]).filter((n) => n.pageBreak === 'before').map((n) => n.text);
    expect(sections).toEqual(['Liite: tietojen laatu', 'Yhteenveto']);
  });

  it('gives headings the look and structure role of their level and lists sections and measure entities in the contents', () => {
    const doc = JSON.stringify(buildPdfDoc(sampleReport()).content);
    expect(doc).toContain(JSON.stringify({ text: '4.1.1 Kansallinen ja kansainvälinen verkosto', role: 'H3', ...HEADING_STYLES[3], tocItem: true, tocMargin: [12, 0, 0, 0] }).slice(1, -1));
    expect(doc).toContain('"text":"Yhteenveto","role":"H2","fontSize":17');
  });
});

describe('keeping headings with what follows', () => {
  it('moves a heading that would be last on its page to the next page', () => {
    const at = (ratio: number, headlineLevel?: number): NodeInfo => ({
      ...(headlineLevel === undefined ? {} : { headlineLevel }),
      pageNumbers: [3],
      startPosition: { pageNumber: 3, top: 0, verticalRatio: ratio, pageInnerHeight: 735 },
    });
    const body = at(0.1);
    const helpers = (following: NodeInfo[]) => ({
      getFollowingNodesOnPage: () => following,
      getNodesOnNextPage: () => [],
      getPreviousNodesOnPage: () => [body],
    });
    expect(keepHeadingWithNext(at(0.5, 2), helpers([]))).toBe(true);
    expect(keepHeadingWithNext(at(0.5, 2), helpers([at(0.55, 3)]))).toBe(true);
    expect(keepHeadingWithNext(at(0.5, 2), helpers([at(0.55)]))).toBe(false);
    expect(keepHeadingWithNext(at(0.95, 2), helpers([at(0.97)]))).toBe(true);
    expect(keepHeadingWithNext(at(0.5), helpers([]))).toBe(false);
  });

  it('keeps every heading with what follows it: in one unbreakable block, or as the caption row of a long table', () => {
    const para = { text: 'body' };
    const longTable = b.dataTable(table(Array.from({ length: 60 }, (_, i) => [String(i), 'x'])), { widths: [40, '*'] }) as TableNode;
    const shortTable = { table: { widths: ['*'], body: [['x']] } };
    const section = b.heading(heading(2, 'Osa'));
    const kept = keepHeadingsWithNext([
      section,
      [b.heading(heading(3, '4.1')), b.heading(heading(4, '4.1.1')), para],
      b.heading(heading(3, 'Rahoitus')),
      shortTable,
      b.heading(heading(3, '4.1.2')),
      b.heading(heading(4, 'Hankkeet (60)')),
      longTable,
      'tail',
    ]);
    const plain = (level: Heading['level'], text: string) => ({ text, role: `H${level}`, ...HEADING_STYLES[level] });
    expect(kept.slice(0, 3)).toEqual([
      section,
      { stack: [plain(3, '4.1'), plain(4, '4.1.1'), para], unbreakable: true },
      { stack: [plain(3, 'Rahoitus'), shortTable], unbreakable: true },
    ]);
    expect(kept.slice(4)).toEqual(['tail']);

    // The long table gets its headings as a first header row, repeated on every page it spans and
    // kept with the column headers and the first row, so no heading is left to `pageBreakBefore`.
    const captioned = kept[3] as TableNode;
    expect(JSON.stringify(captioned)).not.toContain('headlineLevel');
    expect(captioned.table.headerRows).toBe(2);
    expect(captioned.table.keepWithHeaderRows).toBe(1);
    expect(captioned.table.dontBreakRows).toBe(true);
    expect(captioned.table.body.slice(1)).toEqual(longTable.table.body);
    expect(captioned.table.body[0]).toEqual([
      {
        stack: [
          { ...plain(3, '4.1.2'), margin: [0, 0, 0, 5] },
          { ...plain(4, 'Hankkeet (60)'), margin: [0, 10, 0, 4] },
        ],
        colSpan: 2,
        border: [false, false, false, true],
        margin: [-3, 0, -3, 0],
      },
      { text: '' },
    ]);
    // Spaced like the headings it replaces: their top margin above the table, the table's own top
    // margin between the caption and the table's top rule; no rule or fill of its own.
    expect(captioned.margin).toEqual([0, 10, 0, 8]);
    const layout = captioned.layout as Required<TableLayout>;
    const inner = longTable.layout as Required<TableLayout>;
    expect(layout.hLineWidth(0, captioned)).toBe(0);
    expect(layout.paddingTop(0, captioned)).toBe(0);
    expect(layout.paddingBottom(0, captioned)).toBe(2);
    expect(layout.fillColor(0, captioned)).toBeNull();
    for (let i = 1; i <= captioned.table.body.length; i++) {
      expect(layout.hLineWidth(i, captioned)).toBe(inner.hLineWidth(i - 1, longTable));
    }
  });

  it('lets a row taller than a page break across pages instead of losing it', () => {
    const tall = 'Pitkä nimi '.repeat(180);
    const t = b.dataTable(table([['A1', 'lyhyt'], ['A2', tall]]), { widths: [40, 60] }) as TableNode;
    expect(t.table.dontBreakRows).toBe(false);
    expect(t.table.keepWithHeaderRows).toBe(1);
    const first = b.dataTable(table([['A2', tall]]), { widths: [40, 60] }) as TableNode;
    expect(first.table.keepWithHeaderRows).toBe(0);
    // And a heading is not locked into one block with it.
    const kept = keepHeadingsWithNext([b.heading(heading(4, 'Hankkeet (1)')), first]);
    expect(kept.some((n) => typeof n === 'object' && 'unbreakable' in n)).toBe(false);
  });
});
