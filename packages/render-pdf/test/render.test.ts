import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportModel } from '@ekoraportti/core';
import { dataTable, headerCell } from '../src/_blocks.ts';
import type { TableLayout, TableNode } from '../src/_types.ts';
import { buildPdfDoc, keepHeadingsWithNext, keepHeadingWithNext, renderPdf, type NodeInfo } from '../src/index.ts';
import { buildFixture, KNOWN } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'render-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rendered {
  path: string;
  bytes: Uint8Array;
  /** `pdftotext -layout` of the whole document. */
  text: string;
  pages: number;
  pageText: (n: number) => string;
}

async function render(name: string, model: ReportModel): Promise<Rendered> {
  const bytes = await renderPdf(model);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const pdftotext = (args: string[]) => execFileSync('pdftotext', [...args, '-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { path, bytes, text: pdftotext([]), pages, pageText: (n) => pdftotext(['-f', String(n), '-l', String(n)]) };
}

/** pdftotext -layout pads columns with runs of spaces; figures themselves have single spaces. */
const squash = (s: string) => s.replace(/[ \t]+/g, ' ');

function pdfinfo(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [path], { encoding: 'utf8' }).split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

describe('Finnish midterm report with example data', () => {
  const model = buildFixture({ lang: 'fi', exampleData: true });
  let pdf: Rendered;
  beforeAll(async () => {
    pdf = await render('fi', model);
  }, 30_000);

  it('prints figures in fi-FI format with plain spaces', () => {
    const text = squash(pdf.text);
    expect(text).toContain('1 310 000,50 €'); // EU and state total
    expect(text).toContain('812 000,50 €'); // EAKR
    expect(text).toContain('62,0 %'); // EU and state share
    expect(text).toContain('60,0 %'); // indicative share
    expect(text).toContain('+2,0 %-yks.'); // deviation
    expect(text).toContain('31.12.2027'); // a deadline
    expect(text).toContain('30.6.2025'); // as-of
    expect(text).not.toMatch(/1,310,000|1310000/);
    expect(KNOWN.euState).toBe(1_310_000.5);
  });

  it('says "Esimerkkiaineisto" on the cover and in the running header', () => {
    expect(pdf.pageText(1)).toContain('ESIMERKKIAINEISTO');
    expect(pdf.pageText(1)).toContain('keksitystä esimerkkiaineistosta');
    expect(pdf.pageText(2)).toMatch(/Väliarviointi · Tilanne 30\.6\.2025 · Esimerkkiaineisto/);
  });

  it('puts report type, agreement version and what targets are measured against on the cover', () => {
    const cover = squash(pdf.pageText(1));
    expect(cover).toContain('Väliarviointi');
    expect(cover).toContain('Innovaatiotoiminnan ekosysteemisopimus');
    expect(cover).toContain('Tavoitteita verrataan sopimusversioon 2025 (väliarvioinnin jälkeen tarkistettu sopimus 2025–2027)');
    expect(cover).toContain('Sisällys');
  });

  it('numbers every page "Sivu n / N" and leaves no page empty', () => {
    const pages = pdf.text.split('\f').slice(0, pdf.pages);
    expect(pages).toHaveLength(pdf.pages);
    pages.forEach((page, i) => {
      expect(page).toContain(`Sivu ${i + 1} / ${pdf.pages}`);
      // running header + footer are 2 lines; a page with content has more
      expect(page.split('\n').filter((l) => l.trim() !== '').length, `page ${i + 1}`).toBeGreaterThan(4);
    });
  });

  it('fits the summary of all ten targets, the funding figures and status counts on one page', () => {
    const page = squash(pdf.pageText(2));
    expect(page).toContain('Yhteenveto');
    for (const id of Object.keys(model.targets)) expect(page).toContain(id);
    for (const word of ['√ saavutettu', '» etenee', '! riskissä', '× ei etene', '○ ei aloitettu', '? ei tietoa']) {
      expect(page).toContain(word);
    }
    expect(page).toContain('1 310 000,50 €');
    expect(page).toContain('62,0 %');
    expect(page).toContain('Tavoitteiden tilat');
  });

  it('quotes every target text of the agreement', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const t of Object.values(model.targets)) {
      // The first words are enough to show the quote is there; the text wraps across lines.
      const start = t.text.split(/\s+/).slice(0, 6).join(' ');
      expect(flat).toContain(start);
    }
  });

  it('lists every rejected row with file, line and reason, and the warnings', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(model.rejected.length).toBeGreaterThanOrEqual(3);
    for (const r of model.rejected) {
      expect(flat).toMatch(new RegExp(`${r.file.replace('.', '\\.')} ${r.line} ${r.column}`));
      expect(flat).toContain(r.reason.split(' ').slice(0, 4).join(' '));
    }
    for (const w of model.warnings) expect(flat).toContain(w.message);
  });

  it('shows the revision: changed targets, renamed partner, R&D baseline 2,7 % and 3,1 %', () => {
    const text = squash(pdf.text);
    expect(text).toContain('Mitä vuoden 2025 tarkistus muutti');
    expect(text).toContain('Keski-Suomen ELY-keskus');
    expect(text).toContain('Keski-Suomen elinvoimakeskus');
    expect(text).toMatch(/2,7 % +3,1 % +\+0,4 %-yks\./);
    expect(text).toContain('intl_rd_centres');
  });

  it('shows the change since the previous report', () => {
    const text = squash(pdf.text);
    expect(text).toContain('Muutos edellisestä raportista');
    expect(text).toContain('31.12.2024');
    expect(text).toContain('+210 000,50 €');
  });

  it('embeds every font, Roboto only (no standard-14 Helvetica, also not in the SVG charts)', () => {
    const lines = execFileSync('pdffonts', [pdf.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/Roboto/);
      const cols = line.trim().split(/\s+/);
      // name type... emb sub uni id gen: emb is the fifth column from the end
      expect(cols[cols.length - 5]).toBe('yes');
    }
  });

  it('draws the chart labels with the embedded Roboto and warns about nothing', async () => {
    const spies = (['log', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    try {
      await renderPdf(buildFixture({ lang: 'en', exampleData: true }));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // A chart label: SVG text (pdftotext finds it), set in the document's own Roboto.
    expect(pdf.text).toContain('tavoitetaso');
  }, 30_000);

  it('writes PDF/A metadata: title, author, keywords, language, fixed dates', () => {
    const info = pdfinfo(pdf.path);
    expect(info.Title).toContain('Väliarviointi 30.6.2025');
    expect(info.Author).toBe('Jyväskylän kaupunki');
    expect(info.Keywords).toContain('Esimerkkiaineisto');
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info.CreationDate).toMatch(/Jun 30 12:00:00 2025/);
    expect(Buffer.from(pdf.bytes).toString('latin1')).toContain('pdfaid:part');
    expect(Buffer.from(pdf.bytes).toString('latin1')).toMatch(/\/Lang \(fi-FI\)/);
  });

  it('gives the same bytes for the same model, whatever was drawn before it', async () => {
    // Fonts are shared between the PDFs of one process (see _render.ts): another report first changes nothing.
    await renderPdf(buildFixture({ lang: 'en', projects: 40 }));
    const again = await renderPdf(model);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(again)).toBe(sha(pdf.bytes));
  }, 30_000);
});

describe('English report', () => {
  const model = buildFixture({ lang: 'en', exampleData: false });
  let pdf: Rendered;
  beforeAll(async () => {
    pdf = await render('en', model);
  }, 30_000);

  it('leaves no page empty', () => {
    const pages = pdf.text.split('\f').slice(0, pdf.pages);
    pages.forEach((page, i) => expect(page.split('\n').filter((l) => l.trim() !== '').length, `page ${i + 1}`).toBeGreaterThan(4));
  });

  it('has English headings, page numbers and formats', () => {
    const text = squash(pdf.text);
    for (const h of ['Summary', 'Targets by priority area', 'Funding by source', 'Appendix: data quality', 'What the 2025 revision changed']) {
      expect(text).toContain(h);
    }
    expect(text).toContain(`Page 1 / ${pdf.pages}`);
    expect(text).toContain('€1,310,000.50');
    expect(text).toContain('31 Dec 2027');
    expect(text).not.toContain('Yhteenveto');
  });

  it('shows the translation and the Finnish original of a target', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    const t = model.targets['4.1.3/2023'];
    expect(t).toBeDefined();
    expect(flat).toContain('To create at least 5–7 bilateral national collaborations');
    expect(flat).toContain('Agreement text (Finnish original):');
    expect(flat).toContain('Synnyttää vähintään 5-7 kahdenvälistä');
  });

  it('has no example-data banner and English metadata', () => {
    expect(pdf.text).not.toMatch(/example data/i);
    const info = pdfinfo(pdf.path);
    expect(info.Author).toBe('City of Jyväskylä');
    expect(info.Keywords).not.toContain('Example data');
    expect(Buffer.from(pdf.bytes).toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });
});

describe('large model: 300 projects, 200 rejected rows', () => {
  const model = buildFixture({ projects: 300, rejected: 200 });
  let pdf: Rendered;
  beforeAll(async () => {
    pdf = await render('large', model);
  }, 60_000);

  it('lists every project and every rejected row, the tables repeating their header on each page', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const p of model.projects.list) expect(flat).toContain(p.id);
    for (const r of model.rejected) expect(flat).toContain(`${r.file} ${r.line} ${r.column}`);
    const appendixStart = pdf.text.indexOf('Liite: tietojen laatu');
    const rejectedPages = pdf.text.slice(appendixStart).split('\f').filter((p) => p.includes('.csv'));
    expect(rejectedPages.length).toBeGreaterThan(2);
    for (const page of rejectedPages) expect(squash(page)).toMatch(/Tiedosto Rivi Sarake (Syy|Viesti) Koodi/);
    // The heading of a long table comes back with the column headers on each page the table spans.
    const rejected = rejectedPages.filter((p) => p.includes('Syy'));
    expect(rejected.length).toBeGreaterThan(1);
    for (const page of rejected) expect(squash(page)).toMatch(/Hylätyt rivit \(200\)\n+ ?Tiedosto Rivi Sarake Syy Koodi/);
  });
});

describe('buildPdfDoc', () => {
  it('draws the sections in the order the pipeline asks, ignoring unknown ones', () => {
    const model = buildFixture({ sections: ['dataQuality', 'nonsense', 'summary'] });
    const doc = buildPdfDoc(model);
    const h1s = JSON.stringify(doc.content).match(/"text":"[^"]*","style":"h1"/g) ?? [];
    expect(h1s.map((s) => s.slice(8, s.indexOf('","style')))).toEqual(['Liite: tietojen laatu', 'Yhteenveto']);
  });

  it('leaves out the revision and delta sections when the model has none', () => {
    const model = { ...buildFixture(), revision: null, delta: null };
    const json = JSON.stringify(buildPdfDoc(model).content);
    expect(json).not.toContain('Mitä vuoden 2025 tarkistus muutti');
    expect(json).not.toContain('Muutos edellisestä raportista');
    expect(json).toContain('Yhteenveto');
  });

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
    const h = (text: string, headlineLevel: number, style?: string) => ({ text, headlineLevel, ...(style ? { style } : {}) });
    const para = { text: 'body' };
    const rows = Array.from({ length: 40 }, (_, i) => [String(i), 'x']);
    const longTable = dataTable([40, '*'], [headerCell('Tunnus'), headerCell('Nimi')], rows);
    const shortTable = { table: { widths: ['*'], body: [['x']] } };
    const kept = keepHeadingsWithNext([
      { text: 'Osa', headlineLevel: 1, pageBreak: 'before' as const },
      [h('4.1', 2), h('4.1.1', 3), para],
      h('Rahoitus', 2),
      shortTable,
      h('4.1.2', 3, 'h3'),
      h('Hankkeet (40)', 4, 'h4'),
      longTable,
      'tail',
    ]);
    expect(kept.slice(0, 3)).toEqual([
      { text: 'Osa', headlineLevel: 1, pageBreak: 'before' },
      { stack: [{ text: '4.1' }, { text: '4.1.1' }, para], unbreakable: true },
      { stack: [{ text: 'Rahoitus' }, shortTable], unbreakable: true },
    ]);
    expect(kept.slice(4)).toEqual(['tail']);

    // The long table gets its headings as a first header row, repeated on every page it spans and
    // kept with the column headers and the first row, so no heading is left to `pageBreakBefore`.
    const table = kept[3] as TableNode;
    expect(JSON.stringify(table)).not.toContain('headlineLevel');
    expect(table.table.headerRows).toBe(2);
    expect(table.table.keepWithHeaderRows).toBe(1);
    expect(table.table.dontBreakRows).toBe(true);
    expect(table.table.body.slice(1)).toEqual(longTable.table.body);
    expect(table.table.body[0]).toEqual([
      {
        stack: [
          { text: '4.1.2', style: 'h3', margin: [0, 0, 0, 4] },
          { text: 'Hankkeet (40)', style: 'h4', margin: [0, 6, 0, 3] },
        ],
        colSpan: 2,
        border: [false, false, false, true],
        margin: [-3, 0, -3, 0],
      },
      { text: '' },
    ]);
    // Spaced like the headings it replaces: their top margin above the table, the table's own top
    // margin between the caption and the table's top rule; no rule or fill of its own.
    expect(table.margin).toEqual([0, 10, 0, 8]);
    const layout = table.layout as Required<TableLayout>;
    const inner = longTable.layout as Required<TableLayout>;
    expect(layout.hLineWidth(0, table)).toBe(0);
    expect(layout.paddingTop(0, table)).toBe(0);
    expect(layout.paddingBottom(0, table)).toBe(2);
    expect(layout.fillColor(0, table)).toBeNull();
    for (let i = 1; i <= table.table.body.length; i++) {
      expect(layout.hLineWidth(i, table)).toBe(inner.hLineWidth(i - 1, longTable));
      expect(layout.hLineColor(i, table)).toBe(inner.hLineColor(i - 1, longTable));
    }
    for (let row = 1; row < table.table.body.length; row++) {
      expect(layout.fillColor(row, table)).toBe(inner.fillColor(row - 1, longTable));
      expect(layout.paddingTop(row, table)).toBe(inner.paddingTop(row - 1, longTable));
    }
  });

  it('never leaves a heading as the last line of a page', async () => {
    const model = buildFixture({ projects: 300, rejected: 200 });
    const headings = new Set(
      (JSON.stringify(buildPdfDoc(model).content).match(/"text":"[^"]+","style":"h[234]"/g) ?? []).map(
        (m) => (JSON.parse(`{${m}}`) as { text: string }).text,
      ),
    );
    expect(headings.size).toBeGreaterThan(10);
    const pdf = await render('orphans', model);
    for (let n = 1; n <= pdf.pages; n++) {
      const lines = pdf
        .pageText(n)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/(Sivu|Page) \d+ \/ \d+$/.test(l));
      const last = lines.at(-1) ?? '';
      expect(headings.has(last), `page ${n} ends with the heading "${last}"`).toBe(false);
    }
  }, 60_000);
});
