import { describe, expect, it } from 'vitest';
import { sampleReport, SECTIONS, TARGET_STATUSES, type ReportModel } from '@ekoraportti/core';
import { buildReportView, provenanceView, STATUS_SYMBOLS, viewFigures, type AreaView, type SectionView, type TargetView } from '../src/index.ts';

const NBSP = '\u00a0';
const kinds = (view: { sections: SectionView[] }) => view.sections.map((s) => s.kind);
const find = <K extends SectionView['kind']>(view: { sections: SectionView[] }, kind: K) =>
  view.sections.find((s): s is Extract<SectionView, { kind: K }> => s.kind === kind);
const targets = (view: { sections: SectionView[] }): TargetView[] =>
  view.sections.filter((s): s is AreaView => s.kind === 'areas').flatMap((a) => a.measures.flatMap((m) => m.targets));

describe('buildReportView', () => {
  it('has a view for every section, in the order the pipeline asks, one per priority area', () => {
    const view = buildReportView(sampleReport());
    expect(kinds(view)).toEqual(['summary', 'revision', 'delta', 'areas', 'areas', 'funding', 'projects', 'dataQuality']);
    expect(new Set(kinds(view))).toEqual(new Set(SECTIONS));
    const reversed = buildReportView(sampleReport({ sections: ['dataQuality', 'funding', 'summary'] }));
    expect(kinds(reversed)).toEqual(['dataQuality', 'funding', 'summary']);
  });

  it('lists sections and measure entities in the table of contents, as their headings say', () => {
    const view = buildReportView(sampleReport());
    expect(view.toc.map((t) => t.label)).toEqual(view.sections.map((s) => s.heading.text));
    expect(view.toc[3]?.children.map((c) => c.label)).toEqual([
      '4.1.1 Kansallinen ja kansainvälinen verkosto',
      '4.1.2 Osaamis- ja innovaatioympäristöt',
      '4.1.3 Kasvuliiketoiminta',
    ]);
    // Levels never skip: the report is level 1, a section 2, a measure 3, a target 4, its parts 5.
    const area = find(view, 'areas');
    expect([area?.heading.level, area?.measures[0]?.heading.level, targets(view)[0]?.heading.level, targets(view)[0]?.assessment.heading.level]).toEqual([2, 3, 4, 5]);
  });

  it('shows every status with a symbol both the PDF font and browsers draw, and counts of zero too', () => {
    const model = sampleReport();
    const summary = find(buildReportView(model), 'summary');
    expect(summary?.statusCounts.items.map((i) => `${i.badge.symbol} ${i.badge.label} ${i.count.text}`)).toEqual([
      '√ saavutettu 2',
      '» etenee 2',
      '! riskissä 1',
      '× ei etene 2',
      '○ ei aloitettu 2',
      '? ei tietoa 1',
    ]);
    const none = sampleReport();
    none.statusCounts = { ...none.statusCounts, no_data: 0 };
    expect(find(buildReportView(none), 'summary')?.statusCounts.items).toHaveLength(TARGET_STATUSES.length);
    expect(Object.values(STATUS_SYMBOLS).every((s) => /^[√»!×○?]$/.test(s))).toBe(true);
  });

  it('gives KPI progress with one decimal, like every other percentage', () => {
    const model = sampleReport();
    model.kpis.hippos_city_investment_meur = { ...model.kpis.hippos_city_investment_meur!, progress: 0.8917 };
    const hippos = targets(buildReportView(model)).find((t) => t.heading.text.includes('4.1.2/2027'));
    expect(hippos?.kpis?.table.rows[0]?.cells[3]?.text).toBe(`89,2${NBSP}%`);
  });

  it('writes a unit after exactly one in the singular, after any other number as the agreement gives it', () => {
    const shown = (lang: 'fi' | 'en', value: number) => {
      const model = sampleReport({ lang });
      model.kpis.research_institutes = { ...model.kpis.research_institutes!, value };
      const rows = targets(buildReportView(model)).flatMap((t) => t.kpis?.table.rows ?? []);
      const row = rows.find((r) => r.cells[0]?.note?.includes('research_institutes'));
      return [row?.cells[1]?.text, row?.cells[2]?.text];
    };
    // research_institutes: threshold 1. Finnish: "1 tutkimuslaitos", "0 tutkimuslaitosta"; English "1 research institute".
    expect(shown('fi', 1)).toEqual([`1 tutkimuslaitos`, `1 tutkimuslaitos`]);
    expect(shown('fi', 0)).toEqual([`0 tutkimuslaitosta`, `1 tutkimuslaitos`]);
    expect(shown('en', 1)).toEqual([`1 research institute`, `1 research institute`]);
    expect(shown('en', 2)).toEqual([`2 research institutes`, `1 research institute`]);
  });

  it('speaks English in an English report: the steering group, one observation, the added KPI by name, percentages without a space', () => {
    const model = sampleReport({ lang: 'en' });
    model.kpis.partner_cities = { ...model.kpis.partner_cities!, observationsAfterAsOf: 1 };
    const view = buildReportView(model);
    const json = JSON.stringify(view);
    expect(json).not.toContain('Johtoryhmä');
    expect(json).toContain('Steering group');
    const partnerRow = targets(view).flatMap((t) => t.kpis?.table.rows ?? []).find((r) => r.cells[0]?.note?.includes('partner_cities'));
    expect(partnerRow?.cells.map((c) => c.note)).toContain('1 observation after the as-of date (not counted)');
    expect(find(view, 'revision')?.addedKpis.items).toEqual(['New RDI and piloting environments in operation (new_rdi_environments)']);
    expect(json).toContain('local own share 40%, EU and state 60%');
  });

  it('says on the summary how many rows were rejected, by file, before any figure is trusted; nothing when none was', () => {
    const model = sampleReport();
    const byFile = Object.entries(model.inputs).filter(([, c]) => c.rowsRejected > 0).map(([f, c]) => `${f} ${c.rowsRejected}`).join(', ');
    expect(model.rejectedTotal).toBeGreaterThan(1);
    expect(find(buildReportView(model), 'summary')?.freshness).toContain(`Aineistosta hylättiin ${model.rejectedTotal} riviä (${byFile}); niiden luvut puuttuvat raportista.`);
    const clean = sampleReport();
    clean.rejectedTotal = 0;
    for (const c of Object.values(clean.inputs)) c.rowsRejected = 0;
    expect(find(buildReportView(clean), 'summary')?.freshness ?? '').not.toContain('hylättiin');
  });

  it('names every funding change apart: a source of funding.csv is not the private or total figure of the key figures', () => {
    const labels = find(buildReportView(sampleReport()), 'delta')?.funding.table.rows.map((r) => r.cells[0]?.text) ?? [];
    expect(labels.length).toBeGreaterThan(10);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Yksityinen');
    expect(labels).toContain('Rahoitus lähteittäin: Yksityinen');
    expect(labels).toContain('Yhteensä (EU ja valtio + paikallinen omarahoitus)');
  });

  it('takes the deviation from the indicative share between the two shares as shown, so the three figures agree', () => {
    const shown = (euStateShare: number) => {
      const model = sampleReport();
      // deviationPp as core gives it: rounded to 1e-9 points, so 59 950 € of 100 000 € is exactly −0,05.
      const deviationPp = Math.round((euStateShare - 0.6) * 100 * 1e9) / 1e9;
      model.funding = { ...model.funding, euStateShare, indicativeEuStateShare: 0.6, deviationPp };
      const view = buildReportView(model);
      const facts = [...(find(view, 'funding')?.split.facts ?? []), ...(find(view, 'summary')?.figures.facts ?? [])];
      const value = (label: string) => facts.filter((f) => f.label === label).map((f) => f.value.text);
      return { share: value('EU:n ja valtion osuus'), indicative: value('Ohjeellinen osuus'), deviation: value('Poikkeama'), alt: find(view, 'funding')?.split.chart.alt };
    };
    // 59,95 % prints as 60,0 %: against 60,0 % that is 0,0 points, not the −0,05 that printed as −0,1.
    const rounded = shown(59_950 / 100_000);
    expect(rounded.share).toEqual([`60,0${NBSP}%`, `60,0${NBSP}%`]);
    expect(rounded.indicative).toEqual([`60,0${NBSP}%`, `60,0${NBSP}%`]);
    expect(rounded.deviation).toEqual([`0,0${NBSP}%-yks.`, `0,0${NBSP}%-yks.`]);
    // The local share beside it is what is left of the shown 60,0 %, and the chart's text says the same.
    expect(rounded.alt).toContain(`Paikallinen omarahoitus 40,0${NBSP}%`);
    expect(rounded.alt).toContain(`poikkeama 0,0${NBSP}%-yks.`);
    const below = shown(0.5994);
    expect([below.share[0], below.deviation[0]]).toEqual([`59,9${NBSP}%`, `\u22120,1${NBSP}%-yks.`]);
    expect(shown(0.6251).deviation[0]).toBe(`+2,5${NBSP}%-yks.`);
  });

  it('calls funding’s newest budget year the current or an earlier one, never “from this quarter”: a year cannot tell when its rows arrived', () => {
    const fundingRow = (year: number | null) => {
      const model = sampleReport();
      const first = model.priorityAreas[0]?.measures[0];
      if (first) first.dataAsOf = { ...first.dataAsOf, funding: year };
      const rows = find(buildReportView(model), 'areas')?.measures[0]?.dataAsOf.table.rows ?? [];
      return rows.find((r) => r.cells[0]?.text === 'Rahoitus (budjettivuosi)')?.cells.map((c) => c.text);
    };
    const year = Number(sampleReport().asOf.slice(0, 4));
    expect(fundingRow(year)).toEqual(['Rahoitus (budjettivuosi)', String(year), 'kuluva budjettivuosi']);
    expect(fundingRow(year - 1)).toEqual(['Rahoitus (budjettivuosi)', String(year - 1), 'aiempi budjettivuosi']);
    expect(fundingRow(null)).toEqual(['Rahoitus (budjettivuosi)', 'ei tietoa', '–']);
  });

  it('shows an assessment history only when there is more than the latest assessment', () => {
    const all = targets(buildReportView(sampleReport()));
    const byId = (id: string) => all.find((t) => t.heading.text.includes(id));
    expect(byId('4.1.1/2023')?.assessment.history?.rows).toHaveLength(3);
    expect(byId('4.1.3/2023')?.assessment.latest?.badge.label).toBe('saavutettu');
    expect(byId('4.1.3/2023')?.assessment.history).toBeNull();
    expect(byId('4.2.2/2023')?.assessment.latest).toBeNull();
  });

  it('quotes a changed target in the agreement’s Finnish words, marked as such, with the translation under it in an English report', () => {
    const cells = (lang: 'fi' | 'en') => find(buildReportView(sampleReport({ lang })), 'revision')?.changedTargets.table.rows[0]?.cells ?? [];
    const [, before, after] = cells('en');
    expect(before?.quote).toBe(true);
    expect(before?.text).toMatch(/^Kansainväliset kumppanuudet/);
    expect(before?.note).toMatch(/^International partnerships/);
    expect(after?.text).toMatch(/^Kansainväliset kumppanuudet/);
    expect(after?.note).toMatch(/^International partnerships/);
    const [, fiBefore] = cells('fi');
    expect([fiBefore?.quote, fiBefore?.text, fiBefore?.note]).toEqual([true, before?.text, null]);
  });

  it('skips the revision when the model has none, and says so when no previous report was given', () => {
    const model: ReportModel = { ...sampleReport({ withDelta: false }), revision: null };
    const view = buildReportView(model);
    expect(kinds(view)).not.toContain('revision');
    expect(find(view, 'delta')?.note).toBe('Edellistä raporttia ei annettu, joten muutoksia ei ole laskettu.');
  });

  it('links the summary to target details only when the report has them', () => {
    const linked = find(buildReportView(sampleReport()), 'summary');
    expect(linked?.targets.rows[0]?.cells[0]?.href).toBe('#t-4-1-1-2023');
    const alone = find(buildReportView(sampleReport({ sections: ['summary'] })), 'summary');
    expect(alone?.targets.rows.every((r) => r.cells[0]?.href === null)).toBe(true);
  });

  it('is the same for the same model, and English in an English report', () => {
    expect(JSON.stringify(buildReportView(sampleReport()))).toBe(JSON.stringify(buildReportView(sampleReport())));
    const en = buildReportView(sampleReport({ lang: 'en' }));
    expect(en.sections[0]?.heading.text).toBe('Summary');
    expect(targets(en)[0]?.translation).toMatch(/\S/);
    expect(targets(buildReportView(sampleReport()))[0]?.translation).toBeNull();
  });
});

describe('viewFigures', () => {
  it('lists the figures and badges of the view, not its provenance', () => {
    const figures = viewFigures(buildReportView(sampleReport()));
    const model = sampleReport();
    expect(figures).toContain(`2${NBSP}433${NBSP}509,50${NBSP}€`);
    expect(model.funding.euState).toBe(2_433_509.5);
    expect(figures).toContain(`+1,1${NBSP}%-yks.`);
    expect(figures).toContain('30.6.2025');
    expect(figures).toContain('× ei etene');
    expect(figures.some((f) => f.includes('rivit'))).toBe(false);
  });
});

describe('provenanceView', () => {
  it('lists line ranges per file with en dashes', () => {
    expect(provenanceView({ 'funding.csv': '2-7,12', 'projects.csv': '3' }, 'fi')).toEqual({
      items: [
        { file: 'funding.csv', lines: 'rivit 2–7, 12', more: null },
        { file: 'projects.csv', lines: 'rivi 3', more: null },
      ],
    });
  });

  it('shortens thousands of ranges to the first 20 and the total number of lines', () => {
    const ranges = Array.from({ length: 5000 }, (_, i) => String(2 + i * 2)).join(',');
    const item = provenanceView({ 'indicators.csv': ranges }, 'fi')?.items[0];
    expect(item?.lines).toBe(`rivit ${Array.from({ length: 20 }, (_, i) => 2 + i * 2).join(', ')}`);
    expect(item?.more).toBe(`… 5${NBSP}000 riviä yhteensä`);
    expect(provenanceView({ 'indicators.csv': '2-1001,1003' }, 'en')?.items[0]?.more).toBeNull();
  });

  it('counts the lines of ranges, and shows no total when exactly 20 ranges fit', () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => `${100 * i + 10}-${100 * i + 19}`).join(',');
    expect(provenanceView({ 'indicators.csv': `${ranges(24)},5000` }, 'en')?.items[0]?.more).toBe('… 241 lines in total');
    expect(provenanceView({ 'indicators.csv': ranges(20) }, 'en')?.items[0]?.more).toBeNull();
  });

  it('gives nothing to disclose for a figure without rows', () => {
    expect(provenanceView({}, 'fi')).toBeNull();
    expect(provenanceView({ 'funding.csv': '' }, 'fi')).toBeNull();
  });
});
