// How old the evidence is and where each KPI is heading: the reports' words for freshness and trends,
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
  noData: string;
  /** Chart markers. */
  thresholdMarker(year: number, value: string): string;
  stretchMarker(value: string): string;
  asOfMarker(date: string): string;
  deadlineMarker(year: number): string;
  trendAlt(f: TrendFacts): string;
}

const fi: FreshnessPhrases = {
  staleNote: (months) => (months === null ? 'ei tietoa, johon tila perustuisi' : `tieto ${months} kk vanha`),
  staleSummary: (stale, open, days) =>
    open === 0
      ? null
      : stale === 0
        ? `Kaikkien avoimien tavoitteiden tila perustuu enintään ${days} päivää vanhaan tietoon.`
        : `${stale} / ${open} avoimen tavoitteen tila perustuu vanhentuneeseen tietoon (yli ${days} päivää vanha tai ei lainkaan tietoa).`,
  notUpdated: (quarterStart, newest) =>
    newest === null
      ? 'Aineistossa ei ole yhtään mittarihavaintoa eikä arviota.'
      : `Aineistoa ei ole päivitetty tällä neljänneksellä: uusin mittarihavainto tai arvio on päivätty ${newest}, ennen neljänneksen alkua ${quarterStart}.`,
  dataAsOfHeading: 'Aineiston tuoreus',
  dataAsOfCaption: (measure) => `Aineiston tuoreus: ${measure}`,
  dataFile: { projects: 'Hankkeet (alku tai loppu)', funding: 'Rahoitus (budjettivuosi)', indicators: 'Mittarihavainnot', assessments: 'Arviot' },
  newestData: 'Uusin tieto',
  dataColumn: 'Tieto',
  quarterColumn: 'Neljännes',
  notThisQuarter: 'ei tältä neljännekseltä',
  thisQuarter: 'tältä neljännekseltä',
  noData: 'ei tietoa',
  thresholdMarker: (year, value) => `tavoitetaso ${year}: ${value}`,
  stretchMarker: (value) => `venytystavoite ${value}`,
  asOfMarker: (date) => `tilanne ${date}`,
  deadlineMarker: (year) => `Tavoite ${year}`,
  trendAlt: (f) =>
    `${f.label}${f.kind === 'sum' ? ', kertymä' : ''}: ${f.first.value} (${f.first.date}), viimeksi ${f.last.value} (${f.last.date}); ` +
    `${f.dates} havaintopäivää; ` +
    (f.metOn !== null
      ? `tavoitetaso ${f.threshold} saavutettu ${f.metOn}`
      : f.closed
        ? `tavoitetasoa ${f.threshold} ei saavutettu määräaikaan ${f.deadline} mennessä`
        : `tavoitetaso ${f.threshold} ${f.deadline} mennessä, ei vielä saavutettu`) +
    (f.stretch === null ? '' : `; venytystavoite ${f.stretch}`) +
    (f.pace === null || f.metOn !== null ? '' : `; tasainen tahti edellyttäisi ${f.pace.value} ${f.pace.date}`),
};

const en: FreshnessPhrases = {
  staleNote: (months) => (months === null ? 'no evidence to rest on' : `evidence ${months} month${months === 1 ? '' : 's'} old`),
  staleSummary: (stale, open, days) =>
    open === 0
      ? null
      : stale === 0
        ? `Every open target rests on evidence at most ${days} days old.`
        : `${stale} of ${open} open targets rest on stale evidence (over ${days} days old, or none).`,
  notUpdated: (quarterStart, newest) =>
    newest === null
      ? 'The data holds no KPI observation and no assessment.'
      : `The data was not updated this quarter: its newest KPI observation or assessment is dated ${newest}, before the quarter began on ${quarterStart}.`,
  dataAsOfHeading: 'Newest data',
  dataAsOfCaption: (measure) => `Newest data: ${measure}`,
  dataFile: { projects: 'Projects (start or end)', funding: 'Funding (budget year)', indicators: 'KPI observations', assessments: 'Assessments' },
  newestData: 'Newest',
  dataColumn: 'Data',
  quarterColumn: 'Quarter',
  notThisQuarter: 'not from this quarter',
  thisQuarter: 'from this quarter',
  noData: 'none',
  thresholdMarker: (year, value) => `threshold ${year}: ${value}`,
  stretchMarker: (value) => `stretch ${value}`,
  asOfMarker: (date) => `as of ${date}`,
  deadlineMarker: (year) => `Target ${year}`,
  trendAlt: (f) =>
    `${f.label}${f.kind === 'sum' ? ', running total' : ''}: from ${f.first.value} on ${f.first.date} to ${f.last.value} on ${f.last.date} ` +
    `(${f.dates} observation dates); ` +
    (f.metOn !== null
      ? `threshold ${f.threshold} reached ${f.metOn}`
      : f.closed
        ? `threshold ${f.threshold} not reached by the deadline ${f.deadline}`
        : `threshold ${f.threshold} by ${f.deadline}, not reached yet`) +
    (f.stretch === null ? '' : `; stretch ${f.stretch}`) +
    (f.pace === null || f.metOn !== null ? '' : `; the straight-line pace expects ${f.pace.value} on ${f.pace.date}`),
};

const PHRASES: Readonly<Record<Language, FreshnessPhrases>> = { fi, en };

export function freshnessPhrases(lang: Language): FreshnessPhrases {
  return PHRASES[lang];
}
