import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport, RowBuilder, type ReportModel } from '@ekoraportti/core';
import { buildReportView, type Figure } from '@ekoraportti/presentation';
import { loadTemplates, renderHtml, type HtmlTemplates } from '@ekoraportti/render-html';
import { exampleReport, htmlText } from './_example.ts';
import { flatten, removePdfs, render, type Rendered } from './_pdf.ts';

/**
 * What the steering group needs to see (issue 20), in both formats: a status resting on stale evidence
 * says so wherever it is shown, a quarter without new data says so on the first page, every KPI with a
 * course gets a trend chart whose text alternative states it in figures, and an English report names
 * the parties in English.
 */

const QUARTERLY = { sections: ['summary', 'delta', 'areas', 'funding', 'dataQuality'] as const, quarterly: true };

let templates: HtmlTemplates;
let late: { model: ReportModel; pdf: Rendered; html: string };
beforeAll(async () => {
  templates = await loadTemplates();
  // The example data read 15 months after its newest assessments of the 2027 targets.
  const model = await exampleReport('2025', '2026-09-30', 'fi', null, { ...QUARTERLY, sections: [...QUARTERLY.sections] });
  late = { model, pdf: await render('late', model), html: renderHtml(model, templates) };
}, 120_000);
afterAll(removePdfs);

/** The summary's rows as the PDF prints them: the text between the section's heading and its key figures. */
const pdfSummary = (pdf: Rendered) => {
  const pages = `${pdf.pageText(2)}\n${pdf.pageText(3)}`;
  return pages.slice(pages.indexOf('Yhteenveto'), pages.indexOf('Keskeiset luvut'));
};
const htmlSummary = (html: string) => html.slice(html.indexOf('<section id="summary"'), html.indexOf('</section>', html.indexOf('<section id="summary"')));

describe('stale evidence', () => {
  it('marks every open target of the example as of 30.9.2026 stale in the PDF and HTML summary, and no closed one', () => {
    const open = Object.entries(late.model.targets).filter(([, t]) => t.deadline >= late.model.asOf);
    const closed = Object.entries(late.model.targets).filter(([, t]) => t.deadline < late.model.asOf);
    expect(open.length).toBe(5);
    expect(open.every(([, t]) => t.stale)).toBe(true);
    expect(closed.some(([, t]) => t.stale)).toBe(false);

    const pdf = pdfSummary(late.pdf);
    const html = htmlSummary(late.html);
    for (const [id, t] of open) {
      const note = `tieto ${t.evidenceAgeMonths} kk vanha`;
      // The row of the target carries its note: the text after the id, up to the next target's id.
      const pdfRow = pdf.slice(pdf.indexOf(id), pdf.indexOf('/20', pdf.indexOf(id) + id.length));
      expect(pdfRow, id).toContain(note);
      const htmlRow = html.slice(html.indexOf(`>${id}<`), html.indexOf('</tr>', html.indexOf(`>${id}<`)));
      expect(htmlRow, id).toContain(`— ${note}`);
    }
    expect(late.model.targets['4.1.2/2027']?.evidenceAgeMonths).toBe(15);
    for (const [id] of closed) {
      const htmlRow = html.slice(html.indexOf(`>${id}<`), html.indexOf('</tr>', html.indexOf(`>${id}<`)));
      expect(htmlRow, id).not.toContain('badge__stale');
    }
    // The summary says how many, in both.
    const line = '5 / 5 avoimen tavoitteen tila perustuu vanhentuneeseen tietoon';
    expect(flatten(pdf)).toContain(line);
    expect(htmlText(late.html)).toContain(line);
  });

  it('says on the first page that the data was not updated in the quarter, in both formats', () => {
    const alert = 'Aineistoa ei ole päivitetty tällä neljänneksellä';
    expect(flatten(late.pdf.pageText(1))).toContain(alert);
    const cover = late.html.slice(late.html.indexOf('<header class="cover">'), late.html.indexOf('</header>'));
    expect(cover).toContain(alert);
  });

  it('keeps a target assessed on 30.6.2025 fresh in the report of 30.9.2025, and the first page quiet', async () => {
    const model = await exampleReport('2025', '2025-09-30', 'fi', null, { sections: ['summary'], quarterly: true });
    expect(model.targets['4.1.2/2027']?.assessment?.date).toBe('2025-06-30');
    expect(model.targets['4.1.2/2027']?.stale).toBe(false);
    const view = buildReportView(model);
    expect(view.cover.alerts).toEqual([]);
    expect(renderHtml(model, templates)).not.toContain('class="alert"');
  });
});

describe('rows a runaway quote swallowed', () => {
  it('are named on the first page of the PDF and the HTML, with the file, the count and the lines', async () => {
    const rows = new RowBuilder();
    rows.project();
    const model = computeReport({
      ...rows.input({ request: { sections: ['summary', 'dataQuality'] } }),
      dataAlerts: [{ code: 'ROWS_NOT_READ', file: 'funding.csv', lines: [{ from: 11, to: 41 }], count: 30 }],
    });
    const alert = 'Tiedostosta funding.csv jäi 30 riviä lukematta, koska lainausmerkki jäi sulkematta (rivit 11–41).';
    expect(buildReportView(model).cover.alerts[0]).toContain(alert);
    const pdf = await render('lost', model);
    expect(flatten(pdf.pageText(1))).toContain(flatten(alert));
    const html = renderHtml(model, templates);
    expect(html.slice(html.indexOf('<header class="cover">'), html.indexOf('</header>'))).toContain(alert);
  }, 60_000);
});

describe('trend charts', () => {
  const figures = (model: ReportModel): Figure[] =>
    buildReportView(model).sections.flatMap((s) => (s.kind === 'areas' ? s.measures.flatMap((m) => m.targets.flatMap((t) => t.kpis?.charts ?? [])) : []));

  it('go to every KPI with two or more observation dates, with alt text that states the course in figures', () => {
    const withCourse = Object.values(late.model.kpis).filter((k) => k.series.length >= 2);
    expect(withCourse.length).toBeGreaterThan(0);
    const charts = figures(late.model);
    for (const k of withCourse) {
      const chart = charts.find((c) => c.alt.startsWith(`${k.label}`) && c.alt.includes('havaintopäivää'));
      expect(chart, k.label).toBeDefined();
      const first = k.series[0]!;
      // First and last value with their dates, and where the threshold stands.
      expect(chart?.alt).toContain(`(${first.date.split('-').reverse().map(Number).join('.')})`);
      expect(chart?.alt).toMatch(/tavoitetaso \d/);
      expect(chart?.alt).toContain(`${k.series.length} havaintopäivää`);
    }
  });

  it('are drawn in the PDF and the HTML, with the alt text beside the chart in the HTML', () => {
    const alts = figures(late.model)
      .filter((c) => c.alt.includes('havaintopäivää'))
      .map((c) => c.alt);
    expect(alts.length).toBeGreaterThan(0);
    const html = htmlText(late.html);
    for (const alt of alts) expect(html).toContain(flatten(alt));
    // The chart's own labels are drawn in the PDF: the threshold marker of the year, the as-of marker.
    expect(late.pdf.flat).toContain('tilanne 30.9.2026');
    expect(late.pdf.flat).toMatch(/tavoitetaso 2023: \d/);
  });
});

describe('English names', () => {
  it('names the parties and partners in English, Finnish only inside quotations of the agreement', async () => {
    const model = await exampleReport('2025', '2025-09-30', 'en', null, { sections: ['summary', 'areas', 'funding'] });
    const html = renderHtml(model, templates);
    // What an English reader sees outside quotations: elements marked lang="fi" are the Finnish originals.
    const outside = htmlText(html.replace(/<(\w+)[^>]*lang="fi"[^>]*>[\s\S]*?<\/\1>/g, ' '));
    for (const name of ['City of Jyväskylä', 'Ministry of Economic Affairs and Employment', 'University of Jyväskylä', 'JAMK University of Applied Sciences', 'Regional Council of Central Finland']) {
      expect(outside).toContain(name);
    }
    const finnish = /Jyväskylän kaupunki|työ- ja elinkeinoministeriö|Opetus- ja kulttuuriministeriö|Jyväskylän yliopisto|Jyväskylän ammattikorkeakoulu|maakuntaliitto|elinvoimakeskus/;
    expect(outside).not.toMatch(finnish);
    // The PDF: the names of the cover in English too.
    const pdf = await render('english', model);
    expect(pdf.pageText(1)).toContain('City of Jyväskylä, Ministry of Economic Affairs and Employment');
    expect(flatten(pdf.pageText(1))).not.toMatch(finnish);
  }, 120_000);
});
