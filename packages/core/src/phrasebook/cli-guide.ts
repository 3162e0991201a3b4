// The command line's longer texts, in Finnish and English side by side: the usage (`--help`) and
// the guide `ekoraportti init` writes beside blank data files (LUEMINUT.txt / README.txt).
import type { Language } from '../_agreement.ts';
import { formatNumber } from '../_format.ts';

/** A pipeline as the usage lists it. */
export interface UsagePipeline {
  name: string;
  description: string;
  agreement: string;
  /** Its fixed as-of date, or null for "the last full quarter before today". */
  asOf: string | null;
}

/** What the data-folder guide lists for one agreement version; the words come from the agreement data. */
export interface GuideFacts {
  version: string;
  /** Each file's columns in the contract's order, required first. */
  columns: Readonly<Record<string, readonly string[]>>;
  measures: readonly { id: string; title: string }[];
  targets: readonly string[];
  kpis: readonly { id: string; label: string; unit: string; kind: 'sum' | 'latest'; target: string; threshold: number; stretch: number | null }[];
  fundingSources: readonly string[];
  /** `planned/suunniteltu, ongoing/käynnissä, …` */
  projectStatuses: string;
  assessmentStatuses: string;
}

const usageFi = (pipelines: readonly UsagePipeline[]): string =>
  [
    'Käyttö: ekoraportti --pipeline NIMI [--data KANSIO] [valitsimet]',
    '        ekoraportti check [--data KANSIO] [--agreement 2021|2025] [--format text|json] [--lang fi|en]',
    '        ekoraportti init KANSIO [--agreement 2021|2025]',
    '        ekoraportti distribute --pipeline NIMI [--to TIEDOSTO] --smtp smtp://PALVELIN:PORTTI [--send]',
    '        pnpm report [-- valitsimet]     kaikki raportit turbon kautta',
    '',
    'Tekee PDF- ja HTML-raportin sekä report.json-tiedoston KANSION CSV-tiedostoista.',
    '',
    'Aineisto: --data KANSIO, muuten ympäristömuuttuja EKORAPORTTI_DATA, muuten "data" tiedostossa',
    'ekoraportti.config.json, muuten esimerkkiaineisto seeds/example.',
    '',
    'Valitsimet:',
    '  --pipeline NIMI        mikä raportti tehdään (alla)',
    '  --data KANSIO          kansio, jossa projects.csv, funding.csv, indicators.csv ja assessments.csv',
    '                         (tai .xlsx) sekä mahdollinen EURA 2021 -hankeluettelo (.xlsx)',
    '  --example              esimerkkiaineisto (seeds/example) sen kiinteällä tilannepäivällä',
    '  --as-of VVVV-KK-PP     tilannepäivä (oletus: raportin oma; 2021-01-01…2030-12-31)',
    '  --agreement 2021|2025  sopimusversio (oletus: raportin oma)',
    '  --lang fi|en           raportin kieli (oletus fi)',
    '  --out KANSIO           tuloskansio (oletus out/NIMI, englanniksi out/NIMI-en)',
    '  --previous TIEDOSTO    vertaa tähän report.json-tiedostoon; none = ei vertailua',
    '                         (oletus: tuloskansion uusin aiempi saman sopimusversion raportti)',
    '  --strict               jos yksikin rivi hylätään, mitään ei kirjoiteta (poistumiskoodi 1)',
    '  --force                tee raportti, vaikka tuloskansion raportti on ajan tasalla',
    '  --quiet                ei edistymisrivejä',
    '  --help                 tämä ohje',
    '',
    'Raportit:',
    ...pipelines.map(
      (p) => `  ${p.name.padEnd(16)} ${p.description} (sopimus ${p.agreement}, tilanne ${p.asOf ?? 'edellisen täyden neljänneksen loppu'})`,
    ),
    '',
    'Poistumiskoodit: 0 valmis tai ajan tasalla; 1 --strict ja rivejä hylättiin; 2 käyttö- tai asetusvirhe; 3 sisäinen virhe.',
    '',
  ].join('\n');

const usageEn = (pipelines: readonly UsagePipeline[]): string =>
  [
    'Usage: ekoraportti --pipeline NAME [--data DIR] [options]',
    '       ekoraportti check [--data DIR] [--agreement 2021|2025] [--format text|json] [--lang fi|en]',
    '       ekoraportti init DIR [--agreement 2021|2025]',
    '       ekoraportti distribute --pipeline NAME [--to FILE] --smtp smtp://HOST:PORT [--send]',
    '       pnpm report [-- options]        every report, through turbo',
    '',
    'Builds a PDF, an HTML and a report.json from the CSV files in DIR.',
    '',
    'Data: --data DIR, else the environment variable EKORAPORTTI_DATA, else "data" in',
    'ekoraportti.config.json, else the example data in seeds/example.',
    '',
    'Options:',
    '  --pipeline NAME        which report to build (see below)',
    '  --data DIR             folder with projects.csv, funding.csv, indicators.csv, assessments.csv',
    '                         (or .xlsx) and perhaps an EURA 2021 project list (.xlsx)',
    '  --example              the example data (seeds/example) with its fixed as-of date',
    "  --as-of YYYY-MM-DD     date the report describes (default: the pipeline's own; 2021-01-01…2030-12-31)",
    "  --agreement 2021|2025  agreement version to measure against (default: the pipeline's own)",
    '  --lang fi|en           report language (default fi)',
    '  --out DIR              output folder (default out/NAME, in English out/NAME-en)',
    '  --previous FILE        the report.json to compare with; none = no comparison',
    '                         (default: the newest earlier report of the same agreement version in the output folder)',
    '  --strict               write nothing and exit 1 if any row is rejected',
    '  --force                build even when the output folder\'s report is up to date',
    '  --quiet                no progress lines on stderr',
    '  --help                 this text',
    '',
    'Pipelines:',
    ...pipelines.map(
      (p) => `  ${p.name.padEnd(16)} ${p.description} (agreement ${p.agreement}, as of ${p.asOf ?? 'the end of the last full quarter'})`,
    ),
    '',
    'Exit codes: 0 built or up to date; 1 --strict and rows were rejected; 2 usage or configuration error; 3 internal error.',
    '',
  ].join('\n');

/** The `--help` text. */
export function renderUsageText(pipelines: readonly UsagePipeline[], lang: Language): string {
  return lang === 'fi' ? usageFi(pipelines) : usageEn(pipelines);
}

interface GuideWords {
  title(version: string): string;
  intro: readonly string[];
  /** What goes into each column, by file and column. */
  files: Readonly<Record<string, Readonly<Record<string, string>>>>;
  measures: string;
  targets: string;
  kpis: string;
  kpi(k: GuideFacts['kpis'][number]): string;
  sources: string;
  projectStatuses: string;
  assessmentStatuses: string;
}

const kpiLine = (k: GuideFacts['kpis'][number], lang: Language, words: [string, string, string, string]): string => {
  const [sum, latest, threshold, target] = words;
  const n = (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1, { spacing: 'space' });
  const goal = k.stretch !== null ? `${n(k.threshold)}–${n(k.stretch)}` : n(k.threshold);
  return `  ${k.id}: ${k.label} (${k.unit}; ${k.kind === 'sum' ? sum : latest}; ${threshold} ${goal}; ${target} ${k.target})`;
};

const guideFi: GuideWords = {
  title: (v) => `Ekoraportin datakansio, sopimusversio ${v}`,
  intro: [
    'Kansiossa on neljä CSV-tiedostoa. Avaa ne Excelissä, poista ESIMERKKI-rivit ja kirjoita omat tietosi',
    'otsikkorivin alle. ESIMERKKI-rivejä ei lasketa koskaan: tarkistus ja raportti hylkäävät ne.',
    'Tallenna muodossa "CSV UTF-8 (luetteloerotin)" tai "CSV (luetteloerotin)".',
    'Sarakkeiden järjestys on vapaa; otsikot on kirjoitettava kuten alla. Päivämäärät muodossa 31.3.2025',
    'tai 2025-03-31, luvut muodossa 1 234 567,50. Tarkista tiedostot ennen raporttia:',
    '  pnpm ekoraportti check --data KANSIO   (ekoraportti-kansiossa)',
    '',
    'Tiedostot voivat olla myös Excel-työkirjoja samoin nimin (projects.xlsx, funding.xlsx, …: ensimmäinen',
    'taulukko, samat sarakkeet), mutta kukin vain kerran: joko .csv tai .xlsx.',
    '',
    'EURA 2021 -hankeluettelo: lataa se hanketietopalvelusta (eura2021.fi/tiepa) .xlsx-tiedostona ja tallenna',
    'se sellaisenaan tähän kansioon (nimi vapaa, esim. eura2021-hankkeet.xlsx; vain yksi vienti kerrallaan).',
    'Siitä luetaan vain projects.csv:ssä luetellut hankkeet: nimi, toteuttaja, tila, päivämäärät sekä päätetty',
    'ja toteutunut rahoitus; muiden hankkeiden rivit ja alatunnisteet jätetään pois ja lasketaan. EURA-hankkeen',
    'rivillä name, owner, status, start_date ja end_date voivat jäädä tyhjiksi. funding.csv:hen kirjataan vain',
    'rahoitus, jota EURA ei kerro (AKKE, RRF, EURAn ulkopuoliset hankkeet).',
  ],
  files: {
    'projects.csv': {
      project_id: 'hankkeen tunnus, esim. EURA-koodi A80123; ei saa toistua',
      name: 'hankkeen nimi',
      owner: 'vastuuorganisaatio',
      measure: 'toimenpidekokonaisuus, ks. alla',
      status: 'hankkeen tila, ks. alla',
      start_date: 'alkupäivä',
      end_date: 'loppupäivä, aikaisintaan alkupäivä',
    },
    'funding.csv': {
      project_id: 'hanke tiedostosta projects.csv',
      source: 'rahoituslähde, ks. alla',
      year: 'budjettivuosi, esim. 2025',
      amount_eur: 'euroa, vähintään 0, esim. 125 000,00',
    },
    'indicators.csv': {
      kpi: 'mittari, ks. alla',
      date: 'havainnon päivä',
      value: 'luku',
      project_id: 'valinnainen: hanke, jonka tulos havainto on',
      source: 'valinnainen: lähde tai todiste',
    },
    'assessments.csv': {
      target: 'tavoite, ks. alla',
      date: 'arvion päivä',
      status: 'arvio, ks. alla',
      evidence: 'mihin arvio perustuu',
      assessed_by: 'kuka arvioi',
    },
  },
  measures: 'Toimenpidekokonaisuudet (measure):',
  targets: 'Tavoitteet (target):',
  kpis: 'Mittarit (kpi): yksikkö; summa = havainnot lasketaan yhteen, viimeisin = viimeisin havainto on taso; tavoitetaso; tavoite',
  kpi: (k) => kpiLine(k, 'fi', ['summa', 'viimeisin', 'tavoitetaso', 'tavoite']),
  sources: 'Rahoituslähteet (source):',
  projectStatuses: 'Hankkeen tila (status), englanniksi tai suomeksi:',
  assessmentStatuses: 'Arvio (status), englanniksi tai suomeksi:',
};

const guideEn: GuideWords = {
  title: (v) => `ekoraportti data folder, agreement version ${v}`,
  intro: [
    'The folder holds four CSV files. Open them in Excel, delete the EXAMPLE rows and write your own data',
    'below the header row. EXAMPLE rows never count: the check and the report reject them.',
    'Save as "CSV UTF-8 (comma delimited)" or "CSV (comma delimited)".',
    'Columns may come in any order; headers must be written as below. Dates as 31.3.2025 or 2025-03-31,',
    'numbers as 1 234 567,50 or 1234567.50. Check the files before building the report:',
    '  pnpm ekoraportti check --data DIR   (in the ekoraportti folder)',
    '',
    'The files may also be Excel workbooks under the same names (projects.xlsx, funding.xlsx, …: the first',
    'sheet, the same columns), but each only once: either .csv or .xlsx.',
    '',
    'The EURA 2021 project list: download it from the project service (eura2021.fi/tiepa) as .xlsx and save it',
    'as it is into this folder (any name, e.g. eura2021-hankkeet.xlsx; one export at a time). Only the projects',
    'projects.csv lists are read from it: name, implementer, status, dates, and decided and realised funding;',
    'the rows of other projects and the footer are left out and counted. On an EURA project\'s row name, owner,',
    'status, start_date and end_date may be left empty. funding.csv keeps only the money EURA does not give',
    '(AKKE, RRF, projects outside EURA).',
  ],
  files: {
    'projects.csv': {
      project_id: 'project id, e.g. the EURA code A80123; must not repeat',
      name: 'project name',
      owner: 'lead organisation',
      measure: 'measure entity, see below',
      status: 'project status, see below',
      start_date: 'start date',
      end_date: 'end date, not before the start date',
    },
    'funding.csv': {
      project_id: 'a project of projects.csv',
      source: 'funding source, see below',
      year: 'budget year, e.g. 2025',
      amount_eur: 'euros, 0 or more, e.g. 125 000,00',
    },
    'indicators.csv': {
      kpi: 'KPI, see below',
      date: 'date of the observation',
      value: 'a number',
      project_id: 'optional: the project that produced it',
      source: 'optional: evidence, a link or document name',
    },
    'assessments.csv': {
      target: 'target, see below',
      date: 'date of the assessment',
      status: 'assessment, see below',
      evidence: 'what the assessment rests on',
      assessed_by: 'who assessed',
    },
  },
  measures: 'Measure entities (measure):',
  targets: 'Targets (target):',
  kpis: 'KPIs (kpi): unit; sum = observations add up, latest = the last observation is the level; threshold; target',
  kpi: (k) => kpiLine(k, 'en', ['sum', 'latest', 'threshold', 'target']),
  sources: 'Funding sources (source):',
  projectStatuses: 'Project status (status), in English or Finnish:',
  assessmentStatuses: 'Assessment (status), in English or Finnish:',
};

/** LUEMINUT.txt (fi) or README.txt (en): every column with its format, and the allowed words of `facts.version`. */
export function renderDataGuide(facts: GuideFacts, lang: Language): string {
  const w = lang === 'fi' ? guideFi : guideEn;
  const lines = [w.title(facts.version), '', ...w.intro, ''];
  for (const [file, columns] of Object.entries(facts.columns)) {
    lines.push(file);
    for (const column of columns) lines.push(`  ${column.padEnd(12)} ${w.files[file]?.[column] ?? ''}`.trimEnd());
    lines.push('');
  }
  lines.push(w.measures, ...facts.measures.map((m) => `  ${m.id}  ${m.title}`), '');
  lines.push(w.targets, `  ${facts.targets.join(', ')}`, '');
  lines.push(w.kpis, ...facts.kpis.map((k) => w.kpi(k)), '');
  lines.push(w.sources, `  ${facts.fundingSources.join(', ')}`, '');
  lines.push(w.projectStatuses, `  ${facts.projectStatuses}`, '');
  lines.push(w.assessmentStatuses, `  ${facts.assessmentStatuses}`, '');
  return lines.join('\n');
}
