// Every fixed word and phrase of the PDF and HTML reports, in Finnish and English side by side.
// `@ekoraportti/presentation` builds the one report view from these; neither renderer has words of its own.

import type { AgreementVersion, Language } from '../_agreement.ts';
import { FUNDING_SOURCES, type FundingSource } from '../_vocabulary.ts';

/** The reports' fixed phrases: each key in both languages, so a missing translation does not compile. */
export const REPORT_WORDS = {
  agreementTitle: { fi: 'Innovaatiotoiminnan ekosysteemisopimus', en: 'Innovation ecosystem agreement' },
  city: { fi: 'Jyväskylän kaupunki', en: 'City of Jyväskylä' },
  exampleData: { fi: 'Esimerkkiaineisto', en: 'Example data' },
  exampleDataNote: { fi: 'Raportin luvut on laskettu keksitystä esimerkkiaineistosta, eivät todellisista hanketiedoista.', en: 'The figures in this report are computed from invented example data, not from real project data.' },
  asOf: { fi: 'Tilanne', en: 'As of' },
  agreementVersion: { fi: 'Sopimusversio', en: 'Agreement version' },
  version2021: { fi: 'alkuperäinen sopimus, allekirjoitettu 8.2.2021', en: 'original agreement, signed 8 Feb 2021' },
  version2025: { fi: 'väliarvioinnin jälkeen tarkistettu sopimus 2025–2027', en: 'agreement revised after the midterm review, 2025–2027' },
  measuredAgainst: { fi: 'Tavoitteita verrataan sopimusversioon', en: 'Targets are measured against agreement version' },
  contents: { fi: 'Sisällys', en: 'Contents' },
  page: { fi: 'Sivu', en: 'Page' },
  summary: { fi: 'Yhteenveto', en: 'Summary' },
  summaryIntro: { fi: 'Kaikki kymmenen tavoitetta, niiden tila ja perustelu yhdellä rivillä.', en: 'All ten targets, their status and the reason in one line.' },
  target: { fi: 'Tavoite', en: 'Target' },
  targets: { fi: 'Tavoitteet', en: 'Targets' },
  target2023: { fi: 'Tavoite 2023', en: 'Target 2023' },
  target2027: { fi: 'Tavoite 2027', en: 'Target 2027' },
  deadline: { fi: 'Määräaika', en: 'Deadline' },
  status: { fi: 'Tila', en: 'Status' },
  why: { fi: 'Perustelu', en: 'Why' },
  originalText: { fi: 'Sopimuksen teksti', en: 'Agreement text (Finnish original)' },
  priorityArea: { fi: 'Painopistealue', en: 'Priority area' },
  measure: { fi: 'Toimenpidekokonaisuus', en: 'Measure entity' },
  kpis: { fi: 'Mittarit', en: 'Indicators' },
  kpi: { fi: 'Mittari', en: 'Indicator' },
  value: { fi: 'Arvo', en: 'Value' },
  threshold: { fi: 'Tavoitetaso', en: 'Threshold' },
  stretch: { fi: 'Venytystavoite', en: 'Stretch' },
  progress: { fi: 'Edistyminen', en: 'Progress' },
  kind: { fi: 'Laji', en: 'Kind' },
  kindSum: { fi: 'summa', en: 'sum' },
  kindLatest: { fi: 'viimeisin', en: 'latest' },
  lastObserved: { fi: 'Viimeisin havainto', en: 'Last observed' },
  observations: { fi: 'Havaintoja', en: 'Observations' },
  noObservations: { fi: 'ei havaintoja', en: 'no observations' },
  latestAssessment: { fi: 'Viimeisin arvio', en: 'Latest assessment' },
  noAssessment: { fi: 'Ei arviota', en: 'No assessment' },
  evidence: { fi: 'Näyttö', en: 'Evidence' },
  assessedBy: { fi: 'Arvioija', en: 'Assessed by' },
  date: { fi: 'Päivämäärä', en: 'Date' },
  projects: { fi: 'Hankkeet', en: 'Projects' },
  projectId: { fi: 'Tunnus', en: 'Code' },
  projectName: { fi: 'Nimi', en: 'Name' },
  owner: { fi: 'Vastuutaho', en: 'Lead organisation' },
  period: { fi: 'Toteutusaika', en: 'Period' },
  projectCount: { fi: 'Hankkeita', en: 'Projects' },
  noProjects: { fi: 'Ei hankkeita.', en: 'No projects.' },
  funding: { fi: 'Rahoitus', en: 'Funding' },
  fundingBySource: { fi: 'Rahoitus lähteittäin', en: 'Funding by source' },
  fundingByYear: { fi: 'Rahoitus vuosittain', en: 'Funding by year' },
  fundingByMeasure: { fi: 'Rahoitus toimenpidekokonaisuuksittain', en: 'Funding by measure entity' },
  fundingSplit: { fi: 'Rahoituksen jakosuhde', en: 'Funding split' },
  fundingRule: { fi: 'Ohjeellinen jakosuhde: paikallinen omarahoitusosuus 40 %, EU ja valtio 60 %. Suhde tarkastellaan sopimuksen kokonaisrahoituksesta; yksityinen rahoitus esitetään erikseen.', en: 'Indicative split: local own share 40%, EU and state 60%. The split is checked over the total funding; private funding is shown beside it.' },
  fundingCountedNote: { fi: 'Summat sisältävät käynnissä olevat ja päättyneet hankkeet kaikilta vuosilta. Suunniteltujen hankkeiden rahoitus on esitetty erikseen, perutut hankkeet eivät ole mukana.', en: 'Totals include ongoing and completed projects over all years. Planned projects are shown apart; cancelled projects count nowhere.' },
  source: { fi: 'Lähde', en: 'Source' },
  year: { fi: 'Vuosi', en: 'Year' },
  amount: { fi: 'Summa', en: 'Amount' },
  share: { fi: 'Osuus', en: 'Share' },
  euState: { fi: 'EU ja valtio', en: 'EU and state' },
  local: { fi: 'Paikallinen omarahoitus', en: 'Local own share' },
  private: { fi: 'Yksityinen', en: 'Private' },
  planned: { fi: 'Suunnitellut hankkeet', en: 'Planned projects' },
  total: { fi: 'Yhteensä', en: 'Total' },
  euStateShare: { fi: 'EU:n ja valtion osuus', en: 'EU and state share' },
  indicativeShare: { fi: 'Ohjeellinen osuus', en: 'Indicative share' },
  deviation: { fi: 'Poikkeama', en: 'Deviation' },
  revision: { fi: 'Mitä vuoden 2025 tarkistus muutti', en: 'What the 2025 revision changed' },
  revisionIntro: { fi: 'Väliarvioinnin jälkeen tarkistettu sopimus korvaa 8.2.2021 allekirjoitetun sopimuksen. Muutokset on laskettu sopimusten tekstistä.', en: 'The agreement revised after the midterm review replaces the one signed on 8 Feb 2021. The changes are computed from the two texts.' },
  changedTargets: { fi: 'Muuttuneet tavoitteet', en: 'Changed targets' },
  unchangedTargets: { fi: 'Ennallaan pysyneet tavoitteet', en: 'Unchanged targets' },
  before: { fi: 'Ennen (2021)', en: 'Before (2021)' },
  after: { fi: 'Jälkeen (2025)', en: 'After (2025)' },
  addedThemes: { fi: 'Uudet teemat', en: 'Themes added' },
  removedThemes: { fi: 'Poistuneet teemat', en: 'Themes removed' },
  renamedPartners: { fi: 'Nimenmuutokset', en: 'Renamed partners' },
  rdBaseline: { fi: 'Kansallinen T&K-menojen lähtötaso (% BKT:stä)', en: 'National R&D spending baseline (% of GDP)' },
  addedKpis: { fi: 'Uudet mittarit', en: 'Indicators added' },
  removedKpis: { fi: 'Poistuneet mittarit', en: 'Indicators removed' },
  delta: { fi: 'Muutos edellisestä raportista', en: 'Change since the previous report' },
  previous: { fi: 'Edellinen', en: 'Previous' },
  current: { fi: 'Nyt', en: 'Now' },
  change: { fi: 'Muutos', en: 'Change' },
  noPrevious: { fi: 'Edellistä raporttia ei annettu, joten muutoksia ei ole laskettu.', en: 'No previous report was given, so no changes were computed.' },
  dataQuality: { fi: 'Liite: tietojen laatu', en: 'Appendix: data quality' },
  dataQualityIntro: { fi: 'Jokainen luettu rivi on joko käytetty tai hylätty; rivit, jotka sulkematon lainausmerkki nieli, on laskettu lukematta jääneiksi. Hylätyt rivit on lueteltu alla tiedoston, rivin ja sarakkeen mukaan.', en: 'Every row read is either used or rejected; rows a runaway quote swallowed are counted as not read. Rejected rows are listed below by file, line and column.' },
  file: { fi: 'Tiedosto', en: 'File' },
  line: { fi: 'Rivi', en: 'Line' },
  column: { fi: 'Sarake', en: 'Column' },
  reason: { fi: 'Syy', en: 'Reason' },
  rowsRead: { fi: 'Luettu', en: 'Read' },
  rowsUsed: { fi: 'Käytetty', en: 'Used' },
  rowsRejected: { fi: 'Hylätty', en: 'Rejected' },
  rejectedRows: { fi: 'Hylätyt rivit', en: 'Rejected rows' },
  rejectedFirstShown: { fi: 'Näytetään ensimmäiset', en: 'Showing the first' },
  rejectedAllInCsv: { fi: 'Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv.', en: 'Every rejected row, with its reason, is in rejected.csv.' },
  warningsAllByCode: { fi: 'Kaikki huomautukset lajeittain:', en: 'All warnings by kind:' },
  rejectedByCode: { fi: 'Hylätyt rivit lajeittain:', en: 'Rejected rows by kind:' },
  rowsNotRead: { fi: 'Lukematta', en: 'Not read' },
  noRejected: { fi: 'Ei hylättyjä rivejä.', en: 'No rejected rows.' },
  warnings: { fi: 'Huomautukset', en: 'Warnings' },
  noWarnings: { fi: 'Ei huomautuksia.', en: 'No warnings.' },
  provenance: { fi: 'Lähderivit', en: 'Source rows' },
  statusCounts: { fi: 'Tavoitteiden tilat', en: 'Target statuses' },
  generatedBy: { fi: 'Laadittu ekoraportti-työkalulla sopimuksen seurantatiedoista.', en: 'Produced with ekoraportti from the agreement monitoring data.' },
  skipToContent: { fi: 'Siirry sisältöön', en: 'Skip to content' },
  periodEnd: { fi: 'Sopimuskausi päättyy', en: 'Agreement period ends' },
  parties: { fi: 'Sopimusosapuolet', en: 'Parties' },
  partners: { fi: 'Muut yhteistyöosapuolet', en: 'Other partners' },
  headlineFigures: { fi: 'Keskeiset luvut', en: 'Key figures' },
  linesWord: { fi: 'rivit', en: 'lines' },
  lineWord: { fi: 'rivi', en: 'line' },
  linesTotal: { fi: 'riviä yhteensä', en: 'lines in total' },
  afterAsOfNote: { fi: 'havaintoa tilannepäivän jälkeen (ei laskettu)', en: 'observations after the as-of date (not counted)' },
  afterAsOfNoteOne: { fi: 'havainto tilannepäivän jälkeen (ei laskettu)', en: 'observation after the as-of date (not counted)' },
  changedYes: { fi: 'muuttui', en: 'changed' },
  changedNo: { fi: 'ennallaan', en: 'unchanged' },
  previousAsOf: { fi: 'Edellisen raportin tilanne', en: 'Previous report as of' },
  assessmentHistory: { fi: 'Arviohistoria', en: 'Assessment history' },
  projectsByStatus: { fi: 'Hankkeet tilan mukaan', en: 'Projects by status' },
  measureFunding: { fi: 'Toimenpidekokonaisuuden rahoitus', en: 'Funding of the measure entity' },
  inputFiles: { fi: 'Syötetiedostot', en: 'Input files' },
  none: { fi: 'Ei yhtään.', en: 'None.' },
  message: { fi: 'Viesti', en: 'Message' },
  /** A narrow table header: soft hyphens let the long Finnish word break inside an HTML table cell. */
  measureColumn: { fi: 'Toimen\u00adpide\u00adkokonaisuus', en: 'Measure entity' },
  projectList: { fi: 'Liite: hankeluettelo', en: 'Appendix: project list' },
  areaFunding: { fi: 'Painopistealueen rahoitus', en: 'Funding of the priority area' },
  kpiChanges: { fi: 'Mittarien muutokset', en: 'Changes in indicators' },
  fundingChanges: { fi: 'Rahoituksen muutokset', en: 'Changes in funding' },
  statusChanges: { fi: 'Tavoitteiden tilamuutokset', en: 'Changes in target status' },
  code: { fi: 'Koodi', en: 'Code' },
  newestOf: { fi: 'uusimmat', en: 'newest' },
  cutNote: { fi: '(katkaistu, koko teksti HTML-raportissa)', en: '(cut, full text in the HTML report)' },
  euraFunding: { fi: 'EURA 2021: päätetty ja toteutunut rahoitus', en: 'EURA 2021: decided and realised funding' },
  euraFundingNote: { fi: 'EURA-hankkeiden päätetty rahoitus (Suunniteltu …) on mukana yllä olevissa luvuissa ja jakosuhteessa: EU ja valtio EU:n ja valtion rahoituksena, muu julkinen paikallisena omarahoituksena, yksityinen erikseen. Toteutunut rahoitus (Toteutunut …) ja toteutumisaste (toteutunut ÷ päätetty) esitetään rinnalla. Lähde:', en: 'The EURA projects\' decided funding (Suunniteltu …) is inside the figures above and the split: EU and state as EU and state, other public as local own share, private apart. Realised funding (Toteutunut …) and the realisation rate (realised ÷ decided) are shown beside it. Source:' },
  euraProjects: { fi: 'EURA-hankkeet: päätetty ja toteutunut', en: 'EURA projects: decided and realised' },
  euraByMeasure: { fi: 'EURA-hankkeet toimenpidekokonaisuuksittain', en: 'EURA projects by measure entity' },
  decidedEuState: { fi: 'Päätetty EU ja valtio', en: 'Decided EU and state' },
  realisedEuState: { fi: 'Toteutunut EU ja valtio', en: 'Realised EU and state' },
  decidedTotal: { fi: 'Päätetty yhteensä', en: 'Decided in total' },
  realisedTotal: { fi: 'Toteutunut yhteensä', en: 'Realised in total' },
  realisationRate: { fi: 'Toteutumisaste', en: 'Realisation rate' },
  euraDecided: { fi: 'EURA 2021 -hankkeet, päätetty rahoitus', en: 'EURA 2021 projects, decided funding' },
  euraNotByYear: { fi: 'EURA ei erittele rahoitusta vuosittain, joten EURA-hankkeiden päätetty rahoitus ei ole tässä taulukossa:', en: 'EURA gives no per-year split, so the EURA projects\' decided funding is not in this table:' },
  groupProject: { fi: 'ryhmähanke', en: 'group project' },
  subProjects: { fi: 'osahankkeet', en: 'sub-projects' },
  rowsLeftOut: { fi: 'Muut hankkeet', en: 'Other projects' },
  rowsNotData: { fi: 'Ei hankerivejä', en: 'Not projects' },
  inputsEuraNote: { fi: 'EURA-viennistä luetaan vain tiedostossa projects.csv luetellut hankkeet; muiden hankkeiden rivit (muut kaupungit ja ohjelmat) ja rivit, jotka eivät ole hankkeita (alatunnisteet), jätetään pois ja lasketaan.', en: 'Of the EURA export only the projects listed in projects.csv are read; the rows of other projects (other cities and programmes) and rows that are not projects (the footer) are left out and counted.' },
} as const satisfies Record<string, Record<Language, string>>;

export type ReportWord = keyof typeof REPORT_WORDS;

/** A fixed phrase of the reports in the report language. */
export function reportWord(key: ReportWord, lang: Language): string {
  return REPORT_WORDS[key][lang];
}

/** Funding source names as the reports print them: in full, and short enough for a chart label. */
const SOURCE_NAMES: Readonly<Record<FundingSource, Record<Language, readonly [full: string, short: string]>>> = {
  EAKR: { fi: ['EAKR (Euroopan aluekehitysrahasto)', 'EAKR'], en: ['ERDF (EAKR)', 'ERDF'] },
  'ESR+': { fi: ['ESR+ (Euroopan sosiaalirahasto plus)', 'ESR+'], en: ['ESF+ (ESR+)', 'ESF+'] },
  JTF: { fi: ['JTF (oikeudenmukaisen siirtymän rahasto)', 'JTF'], en: ['Just Transition Fund (JTF)', 'JTF'] },
  AKKE: { fi: ['AKKE (alueellinen kehittämisraha)', 'AKKE'], en: ['AKKE (national regional development funding)', 'AKKE'] },
  RRF: { fi: ['RRF (elpymis- ja palautumistukiväline)', 'RRF'], en: ['Recovery and Resilience Facility (RRF)', 'RRF'] },
  valtio: { fi: ['Muu valtion rahoitus', 'Muu valtio'], en: ['Other state funding', 'Other state'] },
  kaupunki: { fi: ['Jyväskylän kaupunki', 'Kaupunki'], en: ['City of Jyväskylä', 'City'] },
  muu_julkinen: { fi: ['Muu julkinen (mm. JYU, JAMK)', 'Muu julkinen'], en: ['Other public (e.g. JYU, JAMK)', 'Other public'] },
  yksityinen: { fi: ['Yksityinen', 'Yksityinen'], en: ['Private', 'Private'] },
};

export function fundingSourceName(source: FundingSource, lang: Language): string {
  return SOURCE_NAMES[source][lang][0];
}

/** A funding source's name short enough for a chart label. */
export function fundingSourceShortName(source: FundingSource, lang: Language): string {
  return SOURCE_NAMES[source][lang][1];
}

const FUNDING_FIGURE_KEYS: Readonly<Record<string, ReportWord>> = {
  euState: 'euState',
  local: 'local',
  private: 'private',
  planned: 'planned',
  total: 'total',
  euStateShare: 'euStateShare',
};

/**
 * The name of a funding figure of the model's delta (`euState`, `bySource.EAKR`, …) in the report language,
 * as the funding section names it: the total says what it adds up, a source's row says it is one of
 * funding.csv's sources ("Rahoitus lähteittäin: Yksityinen" is not the private total, which counts EURA's too).
 */
export function fundingFigureName(key: string, lang: Language): string {
  const source = key.startsWith('bySource.') ? key.slice('bySource.'.length) : null;
  if (source !== null) return `${reportWord('fundingBySource', lang)}: ${isFundingSource(source) ? fundingSourceName(source, lang) : source}`;
  if (key === 'total') return `${reportWord('total', lang)} (${reportWord('euState', lang)} + ${reportWord('local', lang).toLowerCase()})`;
  const k = FUNDING_FIGURE_KEYS[key];
  return k ? reportWord(k, lang) : key;
}

function isFundingSource(s: string): s is FundingSource {
  return (FUNDING_SOURCES as readonly string[]).includes(s);
}

const REPORT_VERSION_TEXT = { '2021': 'version2021', '2025': 'version2025' } as const;

/** "2025 (väliarvioinnin jälkeen tarkistettu sopimus 2025–2027)". */
export function agreementVersionText(version: AgreementVersion, lang: Language): string {
  return `${version} (${reportWord(REPORT_VERSION_TEXT[version], lang)})`;
}
