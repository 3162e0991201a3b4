import type { Language, Section, TargetStatus } from '@ekoraportti/core';

/**
 * The report view: everything the PDF and the HTML show, decided once from the report model —
 * every heading (with its level), sentence, table (column headers and cells as display strings),
 * figure, percentage, status badge, chart (SVG and alt text) and caption, in reading order.
 * Renderers only lay it out: neither formats a number, picks a symbol or computes a share.
 */

/** A heading; `level` is the document outline level (1 the report, 2 a section). */
export interface Heading {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  text: string;
  /** Anchor for in-report links (HTML `id`), or null. */
  id: string | null;
  /** Listed in the table of contents. */
  toc: boolean;
}

/** A status as symbol + word, so it never rests on colour alone. */
export interface Badge {
  status: TargetStatus;
  symbol: string;
  label: string;
  /** A target's status resting on stale evidence says how old it is ("tieto 15 kk vanha"); else null. */
  stale: string | null;
}

/** One table cell, or the value of a fact. Every field is always present, so layouts need no guesswork. */
export interface Cell {
  /** What the cell says; '' when it holds only a badge. */
  text: string;
  /** A figure (amount, count, percentage, date): kept on one line; both views show the same set of them. */
  figure: boolean;
  /** In a column of figures: right-aligned (set from the column by the table). */
  numeric: boolean;
  badge: Badge | null;
  /** A second line in a muted colour (a stretch level, the evidence of an observation). */
  note: string | null;
  /** A link inside the report (`#anchor`), or null. */
  href: string | null;
  /** Finnish text quoted from the agreement: marked as Finnish and set as a quotation. */
  quote: boolean;
}

/** Where a figure's rows are in the input files, as a disclosure lists them (HTML only). */
export interface ProvenanceView {
  items: { file: string; lines: string; more: string | null }[];
}

export interface Row {
  cells: Cell[];
  provenance: ProvenanceView | null;
}

export interface Column {
  label: string;
  /** A column of figures: header and cells right-aligned. */
  numeric: boolean;
}

/** A data table: the first column heads its row. */
export interface Table {
  /** The table's accessible name (a caption or the region's label). */
  caption: string;
  columns: Column[];
  rows: Row[];
  /** A total row under the others, or null. */
  total: Row | null;
  /** Whether the rows' provenance is shown (a last column in the HTML). */
  provenance: boolean;
  /** Said in place of the table when it has no rows. */
  empty: string;
}

export interface Fact {
  label: string;
  value: Cell;
}

/** A chart: SVG from presentation's chart code (labels escaped), its text alternative and caption. */
export interface Figure {
  svg: string;
  width: number;
  height: number;
  /** What the chart shows, in words and figures: the alt text, shown under the chart in the HTML. */
  alt: string;
  /** A short title over the chart, or null when a heading already names it. */
  caption: string | null;
}

export interface TableBlock {
  heading: Heading;
  table: Table;
}
export interface FactsBlock {
  heading: Heading;
  facts: Fact[];
}
export interface ListBlock {
  heading: Heading;
  items: string[];
  /** Said in place of the list when it has no items. */
  empty: string;
}
export interface TextBlock {
  heading: Heading;
  text: string;
}

export interface SummaryView {
  kind: 'summary';
  heading: Heading;
  intro: string;
  targets: Table;
  figures: FactsBlock;
  statusCounts: { heading: Heading; items: { badge: Badge; count: Cell }[] };
  /** What to know before trusting the figures: open targets resting on stale evidence, rows rejected; null when neither. */
  freshness: string | null;
  note: string;
}

export interface RevisionView {
  kind: 'revision';
  heading: Heading;
  intro: string;
  /** The agreement versions compared: a label and the two versions in words. */
  versions: { label: string; before: string; after: string };
  changedTargets: TableBlock;
  unchangedTargets: TextBlock;
  addedThemes: TableBlock;
  removedThemes: TableBlock;
  renamedPartners: TableBlock;
  rdBaseline: TableBlock;
  addedKpis: ListBlock;
  removedKpis: ListBlock;
}

export interface DeltaView {
  kind: 'delta';
  heading: Heading;
  /** Said when no previous report was given (then the tables have no rows). */
  note: string | null;
  previousAsOf: Fact | null;
  targets: TableBlock;
  kpis: TableBlock;
  funding: TableBlock;
}

export interface AssessmentView {
  badge: Badge;
  date: string;
  assessedBy: string;
  evidence: string;
  provenance: ProvenanceView | null;
}

export interface TargetView {
  heading: Heading;
  badge: Badge;
  /** "Määräaika 31.12.2023". */
  deadline: string;
  why: string;
  /** The agreement's Finnish text, quoted. */
  text: string;
  /** Its English translation, in English reports only. */
  translation: string | null;
  /** The target's KPIs: one table row and one progress chart each; null without KPIs. */
  kpis: { heading: Heading; table: Table; charts: Figure[] } | null;
  assessment: {
    heading: Heading;
    latest: AssessmentView | null;
    /** Said when there is no assessment. */
    empty: string;
    /** The newest assessments, when there is more than the latest; else null. */
    history: Table | null;
  };
}

export interface MeasureView {
  heading: Heading;
  description: string;
  targets: TargetView[];
  projects: TableBlock;
  funding: FactsBlock;
  /** Its EURA projects' decided and realised money, one row each, and the measure's total; null without any. */
  eura: TableBlock | null;
  /** The newest data date of each file that feeds the measure, marked when it is not from this quarter. */
  dataAsOf: TableBlock;
}

/** One priority area: the `areas` section gives one of these per area. */
export interface AreaView {
  kind: 'areas';
  heading: Heading;
  summary: string;
  /** "Hankkeita: 18 (suunniteltu 3, käynnissä 8, päättynyt 6, peruttu 1)". */
  projects: string;
  funding: FactsBlock;
  measures: MeasureView[];
}

export interface FundingView {
  kind: 'funding';
  heading: Heading;
  note: string;
  figures: Fact[];
  bySource: TableBlock & { chart: Figure | null };
  /** `note`: what the table leaves out (EURA gives no per-year split); null when nothing. */
  byYear: TableBlock & { chart: Figure | null; note: string | null };
  byMeasure: TableBlock;
  split: { heading: Heading; rule: string; chart: Figure; facts: Fact[] };
  /** The EURA 2021 export's decided and realised money: the whole and each measure entity; null without an export. */
  eura: { heading: Heading; note: string; facts: Fact[]; byMeasure: TableBlock } | null;
}

export interface ProjectsView {
  kind: 'projects';
  heading: Heading;
  byStatus: TableBlock;
  /** Every project, by measure entity; measures without projects are left out. */
  groups: TableBlock[];
  /** Said when there are no projects at all. */
  empty: string | null;
}

export interface DataQualityView {
  kind: 'dataQuality';
  heading: Heading;
  intro: string;
  /** `note`: how an EURA export's rows are counted; null without one. */
  inputs: TableBlock & { note: string | null };
  /** `note` says when the table lists only the first rejected rows. */
  rejected: TableBlock & { note: string | null };
  /** `note` says when the table lists only the first warnings. */
  warnings: TableBlock & { note: string | null };
}

export type SectionView = SummaryView | RevisionView | DeltaView | AreaView | FundingView | ProjectsView | DataQualityView;

/** Each section's view type, by the section's name. */
export type SectionViewOf<S extends Section> = Extract<SectionView, { kind: S }>;

export interface CoverView {
  /** The report type as the document's level-1 heading. */
  title: Heading;
  /** Who issues the report ("Jyväskylän kaupunki"). */
  issuer: string;
  agreementTitle: string;
  city: string;
  /** As-of date, agreement version, end of the agreement period. */
  facts: Fact[];
  /** The parties and the other partners: long lists. */
  parties: Fact[];
  /** "Tavoitteita verrataan sopimusversioon 2025 (…)." */
  measuredAgainst: string;
  generatedBy: string;
  /** What the reader must know before trusting the figures (data not updated this quarter …); shown on the first page. */
  alerts: string[];
}

export interface TocEntry {
  id: string | null;
  label: string;
  children: { id: string | null; label: string }[];
}

/** Fixed words of the page around the content: links, labels before values, the page footer. */
export interface Labels {
  skipToContent: string;
  contents: string;
  page: string;
  why: string;
  originalText: string;
  assessedBy: string;
  evidence: string;
  provenance: string;
  statusCounts: string;
  /** Said after a text the PDF cuts short (the HTML and report.json keep it whole). */
  cut: string;
}

export interface ReportView {
  lang: Language;
  /** The document's title (HTML `<title>`, PDF metadata). */
  title: string;
  /** PDF metadata: who, about what, and the search words. */
  meta: { author: string; subject: string; keywords: string[] };
  /** The line over every page but the first: report type, as-of date, example data. */
  runningHead: string;
  exampleData: { label: string; note: string } | null;
  cover: CoverView;
  toc: TocEntry[];
  sections: SectionView[];
  labels: Labels;
}
