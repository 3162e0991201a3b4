import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport, type ReportModel } from '@ekoraportti/core';
import { MAX_TEXT, pdfText } from '../src/index.ts';
import { removePdfs, render } from './_pdf.ts';

/**
 * Issue 15: the PDF never drops content. A text longer than a page breaks across pages, or, beyond
 * MAX_TEXT characters, is cut with a visible note (the HTML and report.json keep it whole); and
 * drawing stays linear in text length (no timing here: the bench measures speed; a quadratic layout
 * of these texts would run for minutes and time the test out).
 */

afterAll(removePdfs);
const CUT = '(katkaistu, koko teksti HTML-raportissa)';
/** Words, then a run without a space: both ways pdfmake breaks lines. */
const longText = (n: number) => `${'Pitkä nimi '.repeat(Math.ceil(n / 22))}${'x'.repeat(n)}`.slice(0, n);
const bare = (s: string) => s.replace(/[\s\u200b]+/g, '');
/**
 * Whether the PDF shows a text that the PDF cuts: its beginning and the end of what is shown (short
 * pieces, so a page break inside the text cannot hide them), then the note. White space aside: the
 * PDF breaks long words into lines.
 */
function showsCut(flat: string, s: string): boolean {
  const text = bare(flat);
  const kept = bare(s.slice(0, s.lastIndexOf(' ', MAX_TEXT) > MAX_TEXT - 200 ? s.lastIndexOf(' ', MAX_TEXT) : MAX_TEXT));
  return text.includes(kept.slice(0, 100)) && text.includes(`${kept.slice(-60)}…${bare(CUT)}`);
}

describe('a long text in the PDF', () => {
  it('is cut after MAX_TEXT characters with a note, keeps soft hyphens out, and gets break opportunities in long runs', () => {
    expect(pdfText('lyhyt', CUT)).toBe('lyhyt');
    expect(pdfText('Toimen\u00adpide\u00adkokonaisuus', CUT)).toBe('Toimenpidekokonaisuus');
    const cut = pdfText('sana '.repeat(1000), CUT);
    expect(cut.endsWith(`sana … ${CUT}`)).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(MAX_TEXT + CUT.length + 3);
    const run = pdfText('y'.repeat(100), CUT);
    expect(run.replace(/\u200b/g, '')).toBe('y'.repeat(100));
    expect(run.split('\u200b').every((piece) => piece.length <= 20)).toBe(true);
  });

  it('keeps every project table of a measure whose project has a 3 000-character name', async () => {
    const name = longText(3000);
    const model = sampleReport({ longText: name });
    const pdf = await render('name-3000', model);
    for (const p of model.projects.list) expect(pdf.flat, p.id).toContain(p.id);
    // The measure's table is there, under its heading, with the name's beginning and the note.
    expect(pdf.flat).toContain('Hankkeet (3)');
    expect(showsCut(pdf.flat, name)).toBe(true);
  });

  it('keeps the row of a 7 000-character assessment in the assessment history', async () => {
    const evidence = longText(7000);
    const model = sampleReport({ longText: evidence });
    const history = model.targets['4.1.1/2023']?.history ?? [];
    expect(history.map((h) => h.evidence)).toContain(evidence);
    const pdf = await render('evidence-7000', model);
    expect(pdf.flat).toContain('30.11.2022');
    expect(pdf.flat).toContain('31.5.2023 ! riskissä');
    expect(showsCut(pdf.flat, evidence)).toBe(true);
  });

  it('keeps the block of a KPI whose last source is a 6 000-character cell: its name, figures and the source, cut', async () => {
    const source = longText(6000);
    const model: ReportModel = structuredClone(sampleReport());
    const kpis = Object.entries(model.kpis).filter(([, k]) => k.lastSource !== null);
    expect(kpis.length).toBeGreaterThan(0);
    for (const [, k] of kpis) k.lastSource = source;
    const pdf = await render('kpi-source-6000', model);
    // Each KPI's block is titled with its name and id; pdfmake drops an unbreakable block taller than a page.
    for (const [id] of kpis) expect(pdf.flat, id).toContain(`(${id},`);
    expect(showsCut(pdf.flat, source)).toBe(true);
  });

  it("shows Excel's longest cell (32 767 characters) in every text column, every row kept", async () => {
    const cell = longText(32_767);
    const model: ReportModel = structuredClone(sampleReport({ extraRejected: 2 }));
    model.projects.list = model.projects.list.map((p) => ({ ...p, name: cell, owner: cell }));
    for (const t of Object.values(model.targets)) {
      t.history = t.history.map((a) => ({ ...a, evidence: cell, assessedBy: cell }));
      if (t.assessment) t.assessment = { ...t.assessment, evidence: cell, assessedBy: cell };
    }
    for (const k of Object.values(model.kpis)) if (k.lastSource !== null) k.lastSource = cell;
    model.rejected = model.rejected.map((r) => ({ ...r, column: cell, reason: cell }));
    model.warnings = model.warnings.map((w) => ({ ...w, column: cell, message: cell }));
    const pdf = await render('excel-limit', model);
    for (const p of model.projects.list) expect(pdf.flat, p.id).toContain(p.id);
    for (const r of model.rejected) expect(pdf.flat).toContain(`${r.file} ${r.line}`);
    for (const t of Object.values(model.targets)) for (const a of t.history) expect(pdf.flat).toContain(a.date.split('-').reverse().map(Number).join('.'));
    // Each project's name and owner in two tables, and every other long text, each cut with the note
    // (a few notes are split by a page break, so at least the projects' count).
    expect(pdf.flat.split(CUT).length - 1).toBeGreaterThan(2 * model.projects.list.length);
    expect(showsCut(pdf.flat, cell)).toBe(true);
  }, 180_000);
});
