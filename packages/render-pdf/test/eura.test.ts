import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport, getAgreement, KpiTally, targetDeadlines, type ReportModel } from '@ekoraportti/core';
import { readDataFolder } from '@ekoraportti/ingest';
import { loadTemplates, renderHtml } from '@ekoraportti/render-html';
import { htmlText } from './_example.ts';
import { flatten, removePdfs, render } from './_pdf.ts';

/**
 * A data folder as the coordinator keeps it: the EURA 2021 export as downloaded (the example export:
 * Jyväskylä's projects, other cities' projects, a note above the header and EURA's footer) and a
 * projects.csv that lists only three of its codes, leaving their names, owners, states and dates to
 * EURA. The PDF and the HTML show EURA's names, owners and dates, and decided and realised EU and
 * state money per project and in total in fi-FI; the export's other rows are left out and counted.
 */

const EXPORT = fileURLToPath(new URL('../../../seeds/example/eura2021-hankkeet-esimerkki.xlsx', import.meta.url));
let dir: string;
let model: ReportModel;
let pdf: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'render-eura-'));
  copyFileSync(EXPORT, join(dir, 'eura2021-hankkeet-esimerkki.xlsx'));
  const files: Record<string, string> = {
    'projects.csv': ['project_id;name;owner;measure;status;start_date;end_date', 'A80102;;;4.1.1;;;', 'A80402;;;4.2.1;;;', 'A80403;;;4.2.1;;;', 'B1;Oma hanke;JAMK;4.1.2;käynnissä;1.1.2024;31.12.2025'].join('\n'),
    'funding.csv': ['project_id;source;year;amount_eur', 'B1;AKKE;2024;60000', 'B1;kaupunki;2024;40000'].join('\n'),
    'indicators.csv': 'kpi;date;value',
    'assessments.csv': 'target;date;status;evidence;assessed_by',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
  const agreement = getAgreement('2025');
  const kpiTally = new KpiTally(agreement.kpis, '2025-09-30', targetDeadlines(agreement));
  const read = await readDataFolder(dir, { agreement, asOf: '2025-09-30', lang: 'fi', kpiTally });
  model = computeReport({
    agreement,
    asOf: '2025-09-30',
    lang: 'fi',
    request: { pipeline: 'test', type: { fi: 'Testiraportti', en: 'Test report' }, exampleData: true, sections: ['areas', 'funding', 'dataQuality'] },
    ...read,
    kpiTally,
  });
  pdf = (await render('eura', model)).flat;
  html = htmlText(renderHtml(model, await loadTemplates()));
}, 120_000);

afterAll(() => {
  removePdfs();
  rmSync(dir, { recursive: true, force: true });
});

/** Every text in both outputs, as a reader sees it. */
const inBoth = (s: string) => ({ pdf: pdf.includes(flatten(s)), html: html.includes(flatten(s)) });
const BOTH = { pdf: true, html: true };

describe('a report from an EURA export and a projects.csv that lists some of its codes', () => {
  it("shows the listed projects with EURA's names, owners and dates", () => {
    expect(model.projects.list.map((p) => [p.id, p.name, p.owner, p.status, p.startDate, p.endDate])).toEqual([
      ['A80102', 'Pohjoismainen hyvinvointiarvoverkko (esimerkki)', 'Jyväskylän yliopisto', 'ongoing', '2024-01-01', '2026-12-31'],
      ['A80402', 'Eteläportin digitaalinen kaksonen (esimerkki)', 'Jyväskylän kaupunki', 'completed', '2022-01-01', '2024-03-31'],
      ['A80403', 'Avoin tuotekehitysalusta (esimerkki)', 'JAMK', 'ongoing', '2022-09-01', '2025-08-31'],
      ['B1', 'Oma hanke', 'JAMK', 'ongoing', '2024-01-01', '2025-12-31'],
    ]);
    for (const s of ['Pohjoismainen hyvinvointiarvoverkko (esimerkki)', 'Jyväskylän yliopisto', '1.1.2024–31.12.2026', 'Eteläportin digitaalinen kaksonen (esimerkki)', '1.1.2022–31.3.2024']) {
      expect([s, inBoth(s)]).toEqual([s, BOTH]);
    }
  });

  it('shows decided and realised EU and state money per project and in total, in fi-FI', () => {
    // A80102: decided 250 648,60 €, realised 42 %; the group A80400's two sub-projects count once each.
    const a80102 = model.projects.list[0]?.eura;
    expect([a80102?.decided.euState, a80102?.realised.euState]).toEqual([250_648.6, 105_272.41]);
    expect([model.funding.eura?.decided.euState, model.funding.eura?.realised.euState]).toEqual([1_057_838.2, 704_489.04]);
    for (const s of ['250 648,60 €', '105 272,41 €', '1 057 838,20 €', '704 489,04 €', '1 850 002,00 €', '1 242 621,21 €', '67,2 %', 'ryhmähanke A80400']) {
      expect([s, inBoth(s)]).toEqual([s, BOTH]);
    }
  });

  it("counts the export's other projects and its footer as left out, and says so", () => {
    expect(model.inputs['eura2021-hankkeet-esimerkki.xlsx']).toEqual({ rowsRead: 15, rowsUsed: 3, rowsRejected: 0, rowsNotRead: 0, rowsLeftOut: 10, rowsNotData: 2, footerRows: 2, sheet: 'Hankkeet' });
    expect(inBoth('eura2021-hankkeet-esimerkki.xlsx (Hankkeet) 15 3 0 0 10 2')).toEqual(BOTH);
    expect(inBoth('Muut hankkeet')).toEqual(BOTH);
  });
});
