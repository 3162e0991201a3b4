import type { Language } from './_agreement.ts';
import { getAgreement } from './_agreements.ts';
import { RowBuilder } from './_builders.ts';
import type { ReportModel } from './_model.ts';
import { diffAgreements } from './_revision.ts';
import { SECTIONS, type FundingSource, type ProjectStatus, type Section } from './_vocabulary.ts';

/**
 * Text a hostile CSV file could hold: markup, an attribute break-out, a template expression and a
 * spreadsheet formula. Every view must show it as text and run none of it.
 */
export const HOSTILE_TEXT = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '" onmouseover="window.__pwned=1',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '=HYPERLINK("http://x")',
] as const;

export interface SampleOptions {
  lang?: Language;
  exampleData?: boolean;
  sections?: readonly Section[];
  /** Compare with the report of the same rows as of 31.12.2024 (the default; `false` for none). */
  withDelta?: boolean;
  /** Prefix every text that comes from a CSV file with one of {@link HOSTILE_TEXT}. */
  hostile?: boolean;
  /** Projects beyond the sixteen of the story, spread over the measures (a long appendix). */
  extraProjects?: number;
  /** Rejected rows beyond the three of the story. */
  extraRejected?: number;
  /** A text that replaces one project's name, one assessment's evidence and one KPI source (issue 15). */
  longText?: string;
  /**
   * Four more projects whose money an EURA 2021 export gives, decided and realised: two sub-projects of a
   * group project, one planned (its money apart).
   */
  eura?: boolean;
}

type Plan = [id: string, name: string, owner: string, measure: string, status: ProjectStatus, start: string, end: string];

const PROJECTS: readonly Plan[] = [
  ['A80101', 'Hyvinvoinnin kaupunkiverkosto', 'Jyväskylän kaupunki', '4.1.1', 'completed', '2021-03-01', '2023-12-31'],
  ['A80102', 'Pohjoismainen hyvinvointiarvoverkko', 'Jyväskylän yliopisto', '4.1.1', 'ongoing', '2024-01-01', '2026-12-31'],
  ['A80103', 'Eurooppalainen ajatusjohtajuus', 'Jyväskylän yliopisto', '4.1.1', 'planned', '2026-01-01', '2027-12-31'],
  ['A80201', 'Hippos-kehityshanke; TKI-ympäristö ja "Hippos-data"', 'Jyväskylän kaupunki', '4.1.2', 'ongoing', '2022-01-01', '2027-12-31'],
  ['A80202', 'DAAS-palvelumallin pilotointi', 'JAMK', '4.1.2', 'completed', '2022-04-01', '2023-12-31'],
  ['A80203', 'Hyvinvoinnin datatalouden alusta (HyDa)', 'Jyväskylän yliopisto', '4.1.2', 'cancelled', '2022-01-01', '2024-06-30'],
  ['A80301', 'Hyvinvoinnin kasvuohjelma', 'Business Jyväskylä', '4.1.3', 'completed', '2021-05-01', '2023-04-30'],
  ['A80302', 'Kiihdyttämö: urheiluteknologia', 'Jyväskylän kaupunki', '4.1.3', 'ongoing', '2022-09-01', '2025-08-31'],
  ['A80401', 'Pk-yrityssektorin osaamiskartoitus', 'Business Jyväskylä', '4.2.1', 'completed', '2021-03-01', '2023-02-28'],
  ['A80402', 'Eteläportin digitaalinen kaksonen', 'Jyväskylän kaupunki', '4.2.1', 'ongoing', '2022-01-01', '2025-12-31'],
  ['A80403', 'Puolustusteknologian arvoverkko', 'JAMK', '4.2.1', 'planned', '2026-01-01', '2027-12-31'],
  ['A80501', 'Vetyinnovaatioiden avoin TKI-ympäristö', 'JAMK', '4.2.2', 'ongoing', '2025-01-01', '2027-12-31'],
  ['A80502', 'Kuituteknologian ja biotalouden pilotointialusta', 'Jyväskylän yliopisto', '4.2.2', 'ongoing', '2023-03-01', '2027-12-31'],
  ['A80503', 'NSC Finland -nanotieteen keskus', 'Jyväskylän yliopisto', '4.2.2', 'completed', '2021-06-01', '2024-05-31'],
  ['A80504', 'Kiertotalouden kehitysympäristö', 'Jyväskylän kaupunki', '4.2.2', 'planned', '2026-01-01', '2027-12-31'],
  ['A80505', 'Kognitiivinen valmistusympäristö', 'JAMK', '4.2.2', 'cancelled', '2023-01-01', '2024-12-31'],
];

/** Each project's money by source, every year of its period up to 2025 (cents on EU money, as EURA writes it). */
const SPLIT: ReadonlyArray<[FundingSource, number]> = [
  ['EAKR', 61_200.25],
  ['valtio', 9_800],
  ['kaupunki', 31_000.5],
  ['muu_julkinen', 16_000],
  ['yksityinen', 7_500],
];
const EXTRA_SOURCES: ReadonlyArray<[FundingSource, number]> = [
  ['ESR+', 40_000],
  ['JTF', 12_500.75],
  ['AKKE', 30_000.5],
  ['RRF', 8_000],
];

const MEASURES = ['4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2'] as const;

/**
 * The one report model the view and renderer tests draw: the revised agreement as of 30.6.2025 with
 * every target status (two off track), KPIs met, on pace and not started, a stretch level,
 * observations after the as-of date, an assessment history, funding from every source (planned and
 * cancelled projects apart), rejected rows, warnings, the revision and the change since 31.12.2024. Computed by `computeReport` from rows, so every figure is what the real pipeline would
 * show for them.
 */
export function sampleReport(o: SampleOptions = {}): ReportModel {
  let h = 0;
  /** A text from a CSV file: as written, or with the next hostile string in front. */
  const csv = (s: string): string => (o.hostile ? `${HOSTILE_TEXT[h++ % HOSTILE_TEXT.length]} ${s}` : s);
  const long = (s: string): string => o.longText ?? s;
  const rows = new RowBuilder();

  PROJECTS.forEach(([id, name, owner, measure, status, startDate, endDate], i) => {
    rows.project({ id, name: i === 1 ? long(csv(name)) : csv(name), owner: csv(owner), measure, status, startDate, endDate });
  });
  for (let i = 0; i < (o.extraProjects ?? 0); i++) {
    const id = `S${String(22_000 + i)}`;
    rows.project({ id, name: csv(`Esimerkkihanke ${i + 1}`), owner: csv('JAMK'), measure: MEASURES[i % MEASURES.length] as string });
  }
  for (const p of rows.projects) {
    const from = Number(p.startDate.slice(0, 4));
    const to = Math.min(Number(p.endDate.slice(0, 4)), 2025);
    for (let year = from; year <= Math.max(from, to); year++) {
      for (const [source, euros] of SPLIT) rows.fund(p.id, source, year, euros);
    }
  }
  // Every source has money, so no row of the by-source table is empty.
  for (const [source, euros] of EXTRA_SOURCES) rows.fund('A80302', source, 2024, euros);
  if (o.eura) {
    // Their money comes from the export alone (ingest leaves funding.csv rows repeating it out).
    rows.project({ id: 'A80204', name: csv('Kaupunkidatan kokeiluympäristö'), owner: csv('Jyväskylän kaupunki'), measure: '4.1.2', status: 'ongoing' });
    rows.project({ id: 'A80406', name: csv('Teollisuuden datasilta'), owner: csv('JAMK'), measure: '4.2.1', status: 'completed' });
    rows.project({ id: 'A80407', name: csv('Teollisuuden datasilta, yritysosa'), owner: csv('Business Jyväskylä'), measure: '4.2.1', status: 'ongoing' });
    rows.project({ id: 'A80408', name: csv('Akkuklusterin esiselvitys'), owner: csv('Jyväskylän yliopisto'), measure: '4.2.1', status: 'planned' });
    rows.euraMoney('A80204', [250_648.6, 168_352.4, 0], [105_272.41, 70_708.01, 0]);
    rows.euraMoney('A80406', [183_901.75, 121_099.5, 20_000], [176_545.68, 116_255.52, 20_000], { groupCode: 'A80405', realisedEu: 105_927.41 });
    rows.euraMoney('A80407', [522_309.3, 344_691.2, 44_000], [334_277.95, 220_602.37, 28_160], { groupCode: 'A80405', fund: 'JTF' });
    rows.euraMoney('A80408', [90_000, 60_000, 0], [0, 0, 0]);
  }

  // 4.1.1/2023 achieved: five partner cities and VTT by the deadline; a later level after the as-of date.
  rows.observe('partner_cities', '2022-05-31', 3, { source: csv('Yhteistyösopimukset: Turku, Kuopio, Lahti') });
  rows.observe('partner_cities', '2023-10-15', 5, { source: long(csv('Kajaani ja Kokkola mukana')) });
  rows.observe('partner_cities', '2025-09-01', 6, { source: csv('Tampere mukaan') });
  rows.observe('research_institutes', '2022-03-31', 1, { source: csv('VTT-yhteistyösopimus') });
  rows.assess('4.1.1/2023', '2022-11-30', 'on_track', { evidence: csv('Kolme kaupunkia mukana verkostossa'), assessedBy: csv('Johtoryhmä') });
  rows.assess('4.1.1/2023', '2023-05-31', 'at_risk', { evidence: long(csv('Kajaani ja Kokkola vielä neuvotteluvaiheessa')), assessedBy: csv('Johtoryhmä') });
  rows.assess('4.1.1/2023', '2023-11-30', 'achieved', { evidence: csv('Kaikki viisi kaupunkia ja VTT mukana'), assessedBy: csv('Johtoryhmä') });
  // 4.1.1/2027 not started, by its assessment.
  rows.assess('4.1.1/2027', '2025-03-31', 'not_started', { evidence: csv('Pohjoismaiset neuvottelut eivät ole alkaneet'), assessedBy: csv('Johtoryhmä') });
  // 4.1.2/2023 off track: no DAAS pilot running at the deadline.
  rows.observe('daas_pilots', '2023-09-30', 0, { source: csv('Pilotti siirtyi') });
  // 4.1.2/2027 on track: 22 of 30 M€ at 64 % of the period.
  rows.observe('hippos_city_investment_meur', '2023-12-31', 10);
  rows.observe('hippos_city_investment_meur', '2024-12-31', 12.5, { source: csv('Kaupungin talousarvio 2024') });
  // 4.1.3/2023 achieved above the threshold, short of the stretch level.
  for (const date of ['2022-03-01', '2022-09-01', '2023-02-01', '2023-06-01', '2023-11-01', '2024-05-01']) {
    rows.observe('bilateral_collaborations', date, 1, { source: csv('Kasvuohjelma') });
  }
  rows.assess('4.1.3/2023', '2023-12-15', 'achieved', { evidence: csv('Viisi kahdenvälistä yhteistyötä'), assessedBy: csv('Business Jyväskylä') });
  // 4.1.3/2027 at risk.
  rows.assess('4.1.3/2027', '2025-05-31', 'at_risk', { evidence: csv('Monenvälisten sopimusten neuvottelut viivästyneet'), assessedBy: csv('Business Jyväskylä') });
  // 4.2.1/2023 off track: the digital twin was not running at the deadline.
  rows.observe('etelaportti_digital_twin', '2023-12-31', 0, { source: csv('Kaksonen testivaiheessa') });
  rows.assess('4.2.1/2023', '2023-12-15', 'at_risk', { evidence: csv('Digitaalinen kaksonen viivästyi'), assessedBy: csv('Johtoryhmä') });
  // 4.2.1/2027 on track; 4.2.2/2023 no data at all; 4.2.2/2027 not started (nothing in operation yet).
  rows.assess('4.2.1/2027', '2025-04-30', 'on_track', { evidence: csv('EFFRA-yhteistyö käynnistetty'), assessedBy: csv('Johtoryhmä') });
  rows.observe('new_rdi_environments', '2024-12-31', 0, { source: csv('Rakentaminen kesken') });
  // Read, valid, but after the as-of date.
  rows.assess('4.2.1/2027', '2025-10-31', 'achieved', { evidence: csv('Tulossa'), assessedBy: csv('Johtoryhmä') });

  rows.reject('projects.csv', 'measure', csv("Toimenpidekokonaisuutta '4.3.1' ei ole sopimuksessa."), 'E_UNKNOWN_MEASURE');
  rows.reject('funding.csv', 'amount_eur', csv("Summa '-12 000,00' on negatiivinen."), 'E_NEGATIVE');
  rows.reject('indicators.csv', 'date', csv("Päivämäärä '31.2.2024' ei ole olemassa."), 'E_BAD_DATE');
  for (let i = 0; i < (o.extraRejected ?? 0); i++) {
    rows.reject('indicators.csv', 'kpi', `Mittaria 'tuntematon_${i + 1}' ei ole määritelty.`, 'E_UNKNOWN_KPI');
  }
  rows.warn({ file: 'indicators.csv', line: 4, column: 'date', code: 'W_AFTER_AS_OF', message: csv('Havainto tarkastelupäivän jälkeen.') });
  rows.warn({ file: 'funding.csv', line: null, column: null, code: 'W_UNKNOWN_COLUMN', message: csv('Ylimääräinen sarake ohitettiin.') });

  const lang = o.lang ?? 'fi';
  const request = {
    pipeline: 'midterm-review',
    type: { fi: 'Väliarviointi', en: 'Midterm review' },
    exampleData: o.exampleData ?? true,
    sections: o.sections ?? SECTIONS,
  };
  const revision = diffAgreements(getAgreement('2021'), getAgreement('2025'), lang);
  const previous = o.withDelta === false ? null : rows.report({ asOf: '2024-12-31', lang, request, revision });
  return rows.report({ asOf: '2025-06-30', lang, request, revision, previous });
}
