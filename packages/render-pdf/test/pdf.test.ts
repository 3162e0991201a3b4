import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sampleReport } from '@ekoraportti/core';
import { buildPdfDoc, renderPdf } from '../src/index.ts';
import { drawnOnce, removePdfs, squash } from './_pdf.ts';

afterAll(removePdfs);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Finnish midterm report with example data', () => {
  const model = sampleReport({ lang: 'fi', exampleData: true });
  const drawn = drawnOnce('fi', model);

  it('prints figures in fi-FI format', () => {
    const text = squash(drawn.pdf.text);
    expect(model.funding.euState).toBe(2_433_509.5);
    expect(text).toContain('2 433 509,50 €'); // EU and state
    expect(text).toContain('30 000,50 €'); // AKKE, cents kept
    expect(text).toContain('61,1 %'); // EU and state share
    expect(text).toContain('60,0 %'); // indicative share
    expect(text).toContain('+1,1 %-yks.'); // deviation
    expect(text).toContain('31.12.2027'); // a deadline
    expect(text).toContain('30.6.2025'); // as-of
    expect(text).not.toMatch(/2,433,509|2433509/);
  });

  it('says "Esimerkkiaineisto" on the cover and in the running header', () => {
    expect(drawn.pdf.pageText(1)).toContain('ESIMERKKIAINEISTO');
    expect(drawn.pdf.pageText(1)).toContain('keksitystä esimerkkiaineistosta');
    expect(drawn.pdf.pageText(2)).toMatch(/Väliarviointi · Tilanne 30\.6\.2025 · Esimerkkiaineisto/);
  });

  it('puts report type, agreement version, partners and what targets are measured against on the cover', () => {
    const cover = squash(drawn.pdf.pageText(1)).replace(/\s+/g, ' ');
    expect(cover).toContain('Väliarviointi');
    expect(cover).toContain('Innovaatiotoiminnan ekosysteemisopimus');
    expect(cover).toContain('Tavoitteita verrataan sopimusversioon 2025 (väliarvioinnin jälkeen tarkistettu sopimus 2025–2027)');
    expect(cover).toContain('Opetus- ja kulttuuriministeriö');
    expect(cover).toContain('Sisällys');
  });

  it('numbers every page "Sivu n / N" and leaves no page empty', () => {
    const pages = drawn.pdf.text.split('\f').slice(0, drawn.pdf.pages);
    expect(pages).toHaveLength(drawn.pdf.pages);
    pages.forEach((page, i) => {
      expect(page).toContain(`Sivu ${i + 1} / ${drawn.pdf.pages}`);
      // running header + footer are 2 lines; a page with content has more
      expect(page.split('\n').filter((l) => l.trim() !== '').length, `page ${i + 1}`).toBeGreaterThan(4);
    });
  });

  it('fits the summary of all ten targets, the key figures and every status count on one page', () => {
    const page = squash(drawn.pdf.pageText(2));
    expect(page).toContain('Yhteenveto');
    for (const id of Object.keys(model.targets)) expect(page).toContain(id);
    for (const word of ['√ saavutettu', '» etenee', '! riskissä', '× ei etene', '○ ei aloitettu', '? ei tietoa']) {
      expect(page).toContain(word);
    }
    expect(page).toContain('2 433 509,50 €');
    expect(page).toContain('Tavoitteiden tilat');
  });

  it('quotes every target text of the agreement', () => {
    for (const t of Object.values(model.targets)) expect(drawn.pdf.flat).toContain(t.text.split(/\s+/).slice(0, 6).join(' '));
  });

  it('lists every rejected row with file, line and reason, and the warnings', () => {
    expect(model.rejected.length).toBeGreaterThanOrEqual(3);
    for (const r of model.rejected) {
      expect(drawn.pdf.flat).toContain(`${r.file} ${r.line} ${r.column} ${r.reason}`);
    }
    for (const w of model.warnings) expect(drawn.pdf.flat).toContain(w.message);
  });

  it('shows the revision: changed targets, renamed partner, R&D baseline 2,7 % and 3,1 %', () => {
    const text = squash(drawn.pdf.text);
    expect(text).toContain('Mitä vuoden 2025 tarkistus muutti');
    expect(text).toContain('Keski-Suomen ELY-keskus');
    expect(text).toContain('Keski-Suomen elinvoimakeskus');
    expect(text).toMatch(/2,7 % +3,1 % +\+0,4 %-yks\./);
    expect(text).toContain('intl_rd_centres');
  });

  it('shows the change since the previous report', () => {
    const text = squash(drawn.pdf.text);
    expect(text).toContain('Muutos edellisestä raportista');
    expect(text).toContain('31.12.2024');
    expect(text).toMatch(/\? ei tietoa +! riskissä +muuttui/);
  });

  it('embeds every font, Roboto only (no standard-14 Helvetica, also not in the SVG charts)', () => {
    const lines = execFileSync('pdffonts', [drawn.pdf.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
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
      await renderPdf(sampleReport({ lang: 'en', exampleData: true }));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // A chart label: SVG text (pdftotext finds it), set in the document's own Roboto.
    expect(drawn.pdf.text).toContain('tavoitetaso');
  }, 60_000);

  it('writes PDF/A metadata: title, author, keywords, language, fixed dates', () => {
    expect(drawn.pdf.info.Title).toContain('Väliarviointi – ');
    expect(drawn.pdf.info.Title).toContain(' – 30.6.2025');
    expect(drawn.pdf.info.Author).toBe('Jyväskylän kaupunki');
    expect(drawn.pdf.info.Keywords).toContain('Esimerkkiaineisto');
    expect(drawn.pdf.info.Tagged).toBe('yes');
    expect(drawn.pdf.info['PDF version']).toBe('1.7');
    expect(drawn.pdf.info.CreationDate).toMatch(/Jun 30 12:00:00 2025/);
    expect(Buffer.from(drawn.pdf.bytes).toString('latin1')).toContain('pdfaid:part');
    expect(Buffer.from(drawn.pdf.bytes).toString('latin1')).toMatch(/\/Lang \(fi-FI\)/);
  });

  it('gives the same bytes for the same model, whatever was drawn before it', async () => {
    // Fonts are shared between the PDFs of one process (see _render.ts): another report first changes nothing.
    await renderPdf(sampleReport({ lang: 'en', extraProjects: 40 }));
    expect(sha(await renderPdf(model))).toBe(sha(drawn.pdf.bytes));
  }, 60_000);
});

describe('English report', () => {
  const model = sampleReport({ lang: 'en', exampleData: false });
  const drawn = drawnOnce('en', model);

  it('has English headings, page numbers and formats, and no page left empty', () => {
    const text = squash(drawn.pdf.text);
    for (const h of ['Summary', 'Priority area 4.1', 'Funding by source', 'Appendix: data quality', 'What the 2025 revision changed']) {
      expect(text).toContain(h);
    }
    expect(text).toContain(`Page 1 / ${drawn.pdf.pages}`);
    expect(text).toContain('€2,433,509.50');
    expect(text).toContain('31 Dec 2027');
    expect(text).not.toContain('Yhteenveto');
    const pages = drawn.pdf.text.split('\f').slice(0, drawn.pdf.pages);
    pages.forEach((page, i) => expect(page.split('\n').filter((l) => l.trim() !== '').length, `page ${i + 1}`).toBeGreaterThan(4));
  });

  it('shows the translation and the Finnish original of a target', () => {
    const t = model.targets['4.1.3/2023'];
    expect(drawn.pdf.flat).toContain('To create at least 5–7 bilateral national collaborations');
    expect(drawn.pdf.flat).toContain('Agreement text (Finnish original):');
    expect(drawn.pdf.flat).toContain(t?.text.slice(0, 40));
  });

  it('has no example-data banner and English metadata', () => {
    expect(drawn.pdf.text).not.toMatch(/example data/i);
    expect(drawn.pdf.info.Author).toBe('City of Jyväskylä');
    expect(drawn.pdf.info.Keywords).not.toContain('Example data');
    expect(Buffer.from(drawn.pdf.bytes).toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });
});

describe('large model: 300 projects, 200 rejected rows', () => {
  const model = sampleReport({ extraProjects: 284, extraRejected: 197 });
  const drawn = drawnOnce('large', model);

  it('lists every project and every rejected row, the tables repeating their header on each page', () => {
    expect(model.projects.list).toHaveLength(300);
    for (const p of model.projects.list) expect(drawn.pdf.flat).toContain(p.id);
    for (const r of model.rejected) expect(drawn.pdf.flat).toContain(`${r.file} ${r.line} ${r.column}`);
    // The appendix's own pages: the contents and the summary name it (and rejected.csv) too.
    const pages = drawn.pdf.text.split('\f');
    const appendixStart = pages.findIndex((p) => p.includes('Liite: tietojen laatu') && !p.includes('Sisällys') && !p.includes('Yhteenveto'));
    const rejectedPages = pages.slice(appendixStart).filter((p) => p.includes('.csv'));
    expect(rejectedPages.length).toBeGreaterThan(2);
    for (const page of rejectedPages) expect(squash(page)).toMatch(/Tiedosto Rivi Sarake (Syy|Viesti) Koodi/);
    // The heading of a long table comes back with the column headers on each page the table spans.
    const rejected = rejectedPages.filter((p) => p.includes('Syy'));
    expect(rejected.length).toBeGreaterThan(1);
    for (const page of rejected) expect(squash(page)).toMatch(/Hylätyt rivit \(200\)\n+ ?Tiedosto Rivi Sarake Syy Koodi/);
  });

  it('never leaves a heading as the last line of a page', () => {
    const headings = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const o = node as { text?: unknown; fontSize?: number; bold?: boolean };
        if (typeof o.text === 'string' && o.bold && (o.fontSize ?? 0) >= 9.5) headings.add(o.text);
        Object.values(node).forEach(collect);
      }
    };
    collect(buildPdfDoc(model).content);
    expect(headings.size).toBeGreaterThan(10);
    const pages = drawn.pdf.text.split('\f').slice(0, drawn.pdf.pages);
    for (const [i, page] of pages.entries()) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/(Sivu|Page) \d+ \/ \d+$/.test(l));
      const last = lines.at(-1) ?? '';
      expect(headings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
    }
  });
});
