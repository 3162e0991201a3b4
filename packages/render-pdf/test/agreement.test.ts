import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffAgreements, getAgreement, RowBuilder, SECTIONS, type AgreementVersion, type Language, type ReportModel, type Section } from '@ekoraportti/core';
import { buildReportView, viewFigures } from '@ekoraportti/presentation';
import { loadTemplates, renderHtml, type HtmlTemplates } from '@ekoraportti/render-html';
import { exampleReport, htmlText } from './_example.ts';
import { flatten, removePdfs, render } from './_pdf.ts';

/**
 * The PDF and the HTML of one report say the same thing: every figure, percentage, date and status
 * badge of the report view appears in the text of both, on the example data and on random models.
 */

let templates: HtmlTemplates;
beforeAll(async () => {
  templates = await loadTemplates();
});
afterAll(removePdfs);

/** The figures of the view the PDF or the HTML does not show. */
async function missing(model: ReportModel, name: string): Promise<{ pdf: string[]; html: string[]; figures: number }> {
  const figures = viewFigures(buildReportView(model)).map(flatten);
  const pdf = (await render(name, model)).flat;
  const html = htmlText(renderHtml(model, templates));
  return { pdf: figures.filter((f) => !pdf.includes(f)), html: figures.filter((f) => !html.includes(f)), figures: figures.length };
}

describe('the PDF and the HTML show the same figures, percentages and statuses', () => {
  it('on the example data, as the midterm review reads it', async () => {
    const result = await missing(await exampleReport('2021', '2024-12-31', 'fi'), 'example-midterm');
    expect(result.figures).toBeGreaterThan(150);
    expect(result).toEqual({ pdf: [], html: [], figures: result.figures });
  }, 120_000);

  it('on the example data in English, with the change since a previous report', async () => {
    const previous = await exampleReport('2025', '2025-06-30', 'en');
    const result = await missing(await exampleReport('2025', '2025-09-30', 'en', previous), 'example-steering');
    expect(result).toEqual({ pdf: [], html: [], figures: result.figures });
  }, 120_000);

  it('on random models', async () => {
    const text = fc.stringMatching(/^[A-Za-zÄÖÅäöå0-9 ,.()-]{1,40}$/);
    const date = fc.integer({ min: 0, max: 365 * 7 }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const project = fc.record({
      name: text,
      owner: text,
      measure: fc.constantFrom('4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2'),
      status: fc.constantFrom('planned', 'ongoing', 'completed', 'cancelled' as const),
      funding: fc.array(
        fc.record({
          source: fc.constantFrom('EAKR', 'ESR+', 'JTF', 'AKKE', 'RRF', 'valtio', 'kaupunki', 'muu_julkinen', 'yksityinen' as const),
          year: fc.integer({ min: 2021, max: 2027 }),
          cents: fc.integer({ min: 0, max: 500_000_000 }),
        }),
        { maxLength: 6 },
      ),
      // Decided EU and state, other public and private cents from an EURA export, and the share realised.
      eura: fc.option(fc.tuple(fc.integer({ min: 0, max: 90_000_000 }), fc.integer({ min: 0, max: 60_000_000 }), fc.integer({ min: 0, max: 9_000_000 }), fc.integer({ min: 0, max: 100 })), { nil: null }),
    });
    const kpis = getAgreement('2025').kpis.map((k) => k.id);
    const targets = getAgreement('2025').targets.map((t) => t.id);
    const input = fc.record({
      version: fc.constantFrom<AgreementVersion>('2021', '2025'),
      lang: fc.constantFrom<Language>('fi', 'en'),
      asOf: date,
      sections: fc.shuffledSubarray([...SECTIONS], { minLength: 1 }) as fc.Arbitrary<Section[]>,
      withPrevious: fc.boolean(),
      projects: fc.array(project, { maxLength: 10 }),
      observations: fc.array(fc.record({ kpi: fc.constantFrom(...kpis), date, value: fc.integer({ min: 0, max: 4000 }).map((v) => v / 4) }), { maxLength: 12 }),
      assessments: fc.array(
        fc.record({ target: fc.constantFrom(...targets), date, status: fc.constantFrom('achieved', 'on_track', 'at_risk', 'off_track', 'not_started' as const), evidence: text }),
        { maxLength: 8 },
      ),
      rejected: fc.array(text, { maxLength: 4 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const rows = new RowBuilder();
        for (const p of i.projects) {
          const row = rows.project({ name: p.name, owner: p.owner, measure: p.measure, status: p.status });
          for (const f of p.funding) rows.fund(row.id, f.source, f.year, f.cents / 100);
          if (p.eura) {
            const [e, o, priv, pct] = p.eura;
            const realised = (c: number) => Math.floor((c * pct) / 100) / 100;
            rows.euraMoney(row.id, [e / 100, o / 100, priv / 100], [realised(e), realised(o), realised(priv)]);
          }
        }
        for (const o of i.observations) rows.observe(o.kpi, o.date, o.value);
        for (const a of i.assessments) rows.assess(a.target, a.date, a.status, { evidence: a.evidence });
        for (const reason of i.rejected) rows.reject('funding.csv', 'amount_eur', reason, 'E_NEGATIVE');
        const request = { sections: i.sections, exampleData: run % 2 === 0 };
        const base = { version: i.version, lang: i.lang, request, revision: diffAgreements(getAgreement('2021'), getAgreement('2025'), i.lang) };
        const previous = i.withPrevious ? rows.report({ ...base, asOf: '2021-06-30' }) : null;
        const result = await missing(rows.report({ ...base, asOf: i.asOf, previous }), `random-${run++}`);
        expect(result).toEqual({ pdf: [], html: [], figures: result.figures });
      }),
      { numRuns: 6 },
    );
  }, 300_000);
});
