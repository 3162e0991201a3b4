// How old the evidence is, where each KPI is heading, and what the first page must warn of: the reports' words,
// Finnish and English side by side. Figures and dates come in already formatted.

import type { Language } from '../_agreement.ts';

/** A KPI's course in words, for a trend chart's text alternative. */
export interface TrendFacts {
  label: string;
  /** `sum`: the points are running totals; `latest`: levels. */
  kind: 'sum' | 'latest';
  first: { value: string; date: string };
  last: { value: string; date: string };
  /** How many observation dates the course has. */
  dates: string;
  threshold: string;
  deadline: string;
  /** When the threshold was first reached, or null. */
  metOn: string | null;
  /** Whether the deadline has passed at the as-of date. */
  closed: boolean;
  stretch: string | null;
  /** What the straight-line pace expects at the as-of date, while the target is open. */
  pace: { value: string; date: string } | null;
}

/** The files that feed a measure, by their key in the model's `dataAsOf`. */
export type DataFile = 'projects' | 'funding' | 'indicators' | 'assessments';

export interface FreshnessPhrases {
  /** Beside a stale status: "tieto 15 kk vanha"; without any evidence, says so. */
  staleNote(months: number | null): string;
  /** The summary's one line on stale evidence, or null when no target is open. */
  staleSummary(stale: number, open: number, days: number): string | null;
  /** On the first page of a quarterly report whose data has nothing dated in its quarter. */
  notUpdated(quarterStart: string, newest: string | null): string;
  /** On the first page when runaway quotes made a file lose rows: how many, where, and what to do. */
  rowsNotRead(file: string, count: string, spans: string): string;
  /** `count` rows rejected in all (`one`: exactly one), `byFile` "indicators.csv 2, funding.csv 1", `appendix` its heading. */
  rowsRejected(count: string, one: boolean, byFile: string, appendix: string): string;
  dataAsOfHeading: string;
  dataAsOfCaption(measure: string): string;
  dataFile: Readonly<Record<DataFile, string>>;
  newestData: string;
  /** Column headers of the newest-data table: what data, and whether it is from this quarter. */
  dataColumn: string;
  quarterColumn: string;
  /** Beside a date before the quarter began. */
  notThisQuarter: string;
  thisQuarter: string;
  /** Beside funding's newest budget year: a year cannot tell in which quarter its rows arrived. */
  currentBudgetYear: string;
  earlierBudgetYear: string;
  noData: string;
  /** Chart markers. */
  thresholdMarker(year: number, value: string): string;
  stretchMarker(value: string): string;
  asOfMarker(date: string): string;
  deadlineMarker(year: number): string;
  trendAlt(f: TrendFacts): string;
}

/** The words of a trend's text alternative; the sentence is built the same way in both languages. */
interface TrendWords {
  total: string;
  last: string;
  dates: string;
  reached: (threshold: string, on: string) => string;
  missed: (threshold: string, deadline: string) => string;
  open: (threshold: string, deadline: string) => string;
  stretch: string;
  pace: (value: string, date: string) => string;
}

const TREND_WORDS: Readonly<Record<Language, TrendWords>> = {
  fi: {
    total: ', kertymä',
    last: 'viimeksi',
    dates: 'havaintopäivää',
    reached: (t, on) => `tavoitetaso ${t} saavutettu ${on}`,
    missed: (t, d) => `tavoitetasoa ${t} ei saavutettu määräaikaan ${d} mennessä`,
    open: (t, d) => `tavoitetaso ${t} ${d} mennessä, ei vielä saavutettu`,
    stretch: 'venytystavoite',
    pace: (v, d) => `tasainen tahti edellyttäisi ${v} ${d}`,
  },
  en: {
    total: ', running total',
    last: 'last',
    dates: 'observation dates',
    reached: (t, on) => `threshold ${t} reached ${on}`,
    missed: (t, d) => `threshold ${t} not reached by the deadline ${d}`,
    open: (t, d) => `threshold ${t} by ${d}, not reached yet`,
    stretch: 'stretch',
    pace: (v, d) => `the straight-line pace expects ${v} on ${d}`,
  },
};

/** "Kumppanikaupungit: 2 kaupunkia (30.6.2021), viimeksi 5 kaupunkia (30.6.2024); 4 havaintopäivää; tavoitetaso 5 kaupunkia saavutettu 30.6.2024". */
function trendAlt(f: TrendFacts, w: TrendWords): string {
  const where =
    f.metOn !== null ? w.reached(f.threshold, f.metOn) : f.closed ? w.missed(f.threshold, f.deadline) : w.open(f.threshold, f.deadline);
  return (
    `${f.label}${f.kind === 'sum' ? w.total : ''}: ${f.first.value} (${f.first.date}), ${w.last} ${f.last.value} (${f.last.date}); ` +
    `${f.dates} ${w.dates}; ${where}` +
    (f.stretch === null ? '' : `; ${w.stretch} ${f.stretch}`) +
    (f.pace === null || f.metOn !== null ? '' : `; ${w.pace(f.pace.value, f.pace.date)}`)
  );
}

/** Every phrase with its Finnish beside its English; a missing language or a wrong type does not compile. */
const PHRASES: { readonly [K in keyof FreshnessPhrases]: Readonly<Record<Language, FreshnessPhrases[K]>> } = {
  staleNote: {
    fi: (months) => (months === null ? 'ei tietoa, johon tila perustuisi' : `tieto ${months} kk vanha`),
    en: (months) => (months === null ? 'no evidence to rest on' : `evidence ${months} month${months === 1 ? '' : 's'} old`),
  },
  staleSummary: {
    fi: (stale, open, days) =>
      open === 0
        ? null
        : stale === 0
          ? `Kaikkien avoimien tavoitteiden tila perustuu enintään ${days} päivää vanhaan tietoon.`
          : `${stale} / ${open} avoimen tavoitteen tila perustuu vanhentuneeseen tietoon (yli ${days} päivää vanha tai ei lainkaan tietoa).`,
    en: (stale, open, days) =>
      open === 0
        ? null
        : stale === 0
          ? `Every open target rests on evidence at most ${days} days old.`
          : `${stale} of ${open} open targets rest on stale evidence (over ${days} days old, or none).`,
  },
  notUpdated: {
    fi: (quarterStart, newest) =>
      newest === null
        ? 'Aineistossa ei ole yhtään mittarihavaintoa eikä arviota.'
        : `Aineistoa ei ole päivitetty tällä neljänneksellä: uusin mittarihavainto tai arvio on päivätty ${newest}, ennen neljänneksen alkua ${quarterStart}.`,
    en: (quarterStart, newest) =>
      newest === null
        ? 'The data holds no KPI observation and no assessment.'
        : `The data was not updated this quarter: its newest KPI observation or assessment is dated ${newest}, before the quarter began on ${quarterStart}.`,
  },
  rowsNotRead: {
    fi: (file, count, spans) =>
      `Tiedostosta ${file} jäi ${count} riviä lukematta, koska lainausmerkki jäi sulkematta (rivit ${spans}). Raportin luvuissa nämä rivit puuttuvat: korjaa tiedosto ja laadi raportti uudelleen.`,
    en: (file, count, spans) =>
      `${count} rows of ${file} were not read because a quote was left open (lines ${spans}). The report's figures leave these rows out: fix the file and build the report again.`,
  },
  rowsRejected: {
    fi: (count, one, byFile, appendix) =>
      `Aineistosta hylättiin ${count} ${one ? 'rivi' : 'riviä'} (${byFile}); ${one ? 'sen luvut puuttuvat' : 'niiden luvut puuttuvat'} raportista. ` +
      `Syyt ovat kohdassa ${appendix} ja tiedostossa rejected.csv.`,
    en: (count, one, byFile, appendix) =>
      `${count} ${one ? 'row was' : 'rows were'} rejected (${byFile}), and ${one ? 'its figures are' : 'their figures are'} left out of the report. ` +
      `The reasons are in ${appendix} and in rejected.csv.`,
  },
  dataAsOfHeading: { fi: 'Aineiston tuoreus', en: 'Newest data' },
  dataAsOfCaption: { fi: (measure) => `Aineiston tuoreus: ${measure}`, en: (measure) => `Newest data: ${measure}` },
  dataFile: {
    fi: { projects: 'Hankkeet (alku tai loppu)', funding: 'Rahoitus (budjettivuosi)', indicators: 'Mittarihavainnot', assessments: 'Arviot' },
    en: { projects: 'Projects (start or end)', funding: 'Funding (budget year)', indicators: 'KPI observations', assessments: 'Assessments' },
  },
  newestData: { fi: 'Uusin tieto', en: 'Newest' },
  dataColumn: { fi: 'Tieto', en: 'Data' },
  quarterColumn: { fi: 'Neljännes', en: 'Quarter' },
  notThisQuarter: { fi: 'ei tältä neljännekseltä', en: 'not from this quarter' },
  thisQuarter: { fi: 'tältä neljännekseltä', en: 'from this quarter' },
  currentBudgetYear: { fi: 'kuluva budjettivuosi', en: 'the current budget year' },
  earlierBudgetYear: { fi: 'aiempi budjettivuosi', en: 'an earlier budget year' },
  noData: { fi: 'ei tietoa', en: 'none' },
  thresholdMarker: { fi: (year, value) => `tavoitetaso ${year}: ${value}`, en: (year, value) => `threshold ${year}: ${value}` },
  stretchMarker: { fi: (value) => `venytystavoite ${value}`, en: (value) => `stretch ${value}` },
  asOfMarker: { fi: (date) => `tilanne ${date}`, en: (date) => `as of ${date}` },
  deadlineMarker: { fi: (year) => `Tavoite ${year}`, en: (year) => `Target ${year}` },
  trendAlt: { fi: (f) => trendAlt(f, TREND_WORDS.fi), en: (f) => trendAlt(f, TREND_WORDS.en) },
};

/** The phrases of one language, picked once. */
function inLanguage(lang: Language): FreshnessPhrases {
  return Object.fromEntries(Object.entries(PHRASES).map(([k, v]) => [k, v[lang]])) as unknown as FreshnessPhrases;
}
const BY_LANGUAGE: Readonly<Record<Language, FreshnessPhrases>> = { fi: inLanguage('fi'), en: inLanguage('en') };

export function freshnessPhrases(lang: Language): FreshnessPhrases {
  return BY_LANGUAGE[lang];
}
