import {
  countProvenanceLines,
  formatDate,
  formatEuro,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  freshnessPhrases,
  type KpiUnits,
  PERCENT_DECIMALS,
  reportWord,
  shownValue,
  statusLabel,
  type Language,
  type LocalizedText,
  type Provenance,
  type ReportModel,
  type ReportWord,
  type TargetResult,
  type TargetStatus,
  unitAfter,
} from '@ekoraportti/core';
import type { Chart } from './_charts.ts';
import type { Badge, Cell, Column, Fact, Figure, Heading, ProvenanceView, Row, Table } from './_view.ts';

/**
 * The pieces every section's view is made of, and the one place figures are formatted: euros with
 * cents, percentages with one decimal, quantities as counts or with up to two decimals, fi-FI or en,
 * thousands kept together with no-break spaces.
 */
export interface Words {
  lang: Language;
  t: (key: ReportWord) => string;
  euro: (v: number) => string;
  /** Whole euros: a chart axis. */
  euro0: (v: number) => string;
  percent: (ratio: number | null) => string;
  pp: (pp: number | null) => string;
  /** `ratio − from` in percentage points, taken between the two percentages as they are shown. */
  ppBetween: (ratio: number | null, from: number | null) => string;
  /** What is left of 100 % beside `ratio` as shown: the two shown percentages add up to 100,0 %. */
  rest: (ratio: number | null) => number | null;
  quantity: (v: number) => string;
  date: (iso: string) => string;
  /** A value with its unit ("5 kaupunkia", "1 kaupunki"), `–` without a value. */
  withUnit: (v: number | null, units: KpiUnits) => string;
  /**
   * An organisation as the data names it, in the report's language: a party or partner of the
   * agreement written in Finnish ("Jyväskylän yliopisto") reads "University of Jyväskylä" in an
   * English report; any other name is shown as written.
   */
  organisation: (name: string) => string;
}

/** A ratio's percentage as the report prints it (one decimal). */
const shownPercent = (ratio: number) => shownValue(ratio * 100, PERCENT_DECIMALS);

export function wordsFor(lang: Language, organisations: readonly LocalizedText[] = []): Words {
  const quantity = (v: number) => formatQuantity(v, lang);
  const names = new Map(organisations.map((o) => [o.fi.toLocaleLowerCase('fi'), o[lang]]));
  return {
    organisation: (name) => names.get(name.trim().toLocaleLowerCase('fi')) ?? name,
    lang,
    t: (key) => reportWord(key, lang),
    euro: (v) => formatEuro(v, lang),
    euro0: (v) => formatEuro(v, lang, 0),
    percent: (r) => formatPercent(r, lang),
    pp: (p) => formatPercentagePoints(p, lang),
    ppBetween: (ratio, from) =>
      formatPercentagePoints(ratio === null || from === null ? null : shownPercent(ratio) - shownPercent(from), lang),
    rest: (ratio) => (ratio === null ? null : (100 - shownPercent(ratio)) / 100),
    quantity,
    date: (iso) => formatDate(iso, lang),
    withUnit: (v, units) => {
      if (v === null) return '–';
      const shown = quantity(v);
      const unit = unitAfter(shown, units);
      return unit === '' ? shown : `${shown} ${unit}`;
    },
  };
}

/**
 * Status symbols both views can draw: the PDF's Roboto has √ » ! × ○ ? but not ✓ ↗ ✗, and every
 * browser font has these. The word beside the symbol carries the meaning; the symbol is a landmark.
 */
export const STATUS_SYMBOLS: Readonly<Record<TargetStatus, string>> = {
  achieved: '√',
  on_track: '»',
  at_risk: '!',
  off_track: '×',
  not_started: '○',
  no_data: '?',
};

export function badge(status: TargetStatus, lang: Language): Badge {
  return { status, symbol: STATUS_SYMBOLS[status], label: statusLabel(status, lang), stale: null };
}

/** A target's status as a badge that says so when it rests on stale evidence. */
export function targetBadge(t: TargetResult, lang: Language): Badge {
  return { ...badge(t.status, lang), stale: t.stale ? freshnessPhrases(lang).staleNote(t.evidenceAgeMonths) : null };
}

export function heading(level: Heading['level'], text: string, id: string | null = null, toc = false): Heading {
  return { level, text, id, toc };
}

/** An id safe in `id` and `href="#…"`: `4.1.1/2023` becomes `t-4-1-1-2023`. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const PLAIN: Cell = { text: '', figure: false, numeric: false, badge: null, note: null, href: null, quote: false };

export function text(s: string, extra: Partial<Cell> = {}): Cell {
  return { ...PLAIN, text: s, ...extra };
}
export function figure(s: string, extra: Partial<Cell> = {}): Cell {
  return { ...PLAIN, text: s, figure: true, ...extra };
}
export function badgeCell(b: Badge): Cell {
  return { ...PLAIN, badge: b };
}
/** Finnish text quoted from the agreement; `–` when there is none. */
export function quote(s: string): Cell {
  return s === '' ? text('–') : { ...PLAIN, text: s, quote: true };
}

export function fact(label: string, value: Cell | string): Fact {
  return { label, value: typeof value === 'string' ? figure(value) : value };
}

export function row(cells: Cell[], provenance: ProvenanceView | null = null): Row {
  return { cells, provenance };
}

/** A column of words. */
export function col(label: string): Column {
  return { label, numeric: false };
}
/** A column of figures. */
export function numCol(label: string): Column {
  return { label, numeric: true };
}
/** Columns of words, by their headers' words. */
export function cols(w: Words, ...keys: ReportWord[]): Column[] {
  return keys.map((k) => col(w.t(k)));
}
/** Columns of figures, by their headers' words. */
export function numCols(w: Words, ...keys: ReportWord[]): Column[] {
  return keys.map((k) => numCol(w.t(k)));
}

/** A table; each cell is aligned as its column (`numeric`). */
export function table(caption: string, cols: Column[], rows: Row[], extra: Partial<Omit<Table, 'caption' | 'columns' | 'rows'>> = {}): Table {
  const aligned = (r: Row): Row => ({ ...r, cells: r.cells.map((c, i) => ({ ...c, numeric: cols[i]?.numeric ?? false })) });
  const total = extra.total ? aligned(extra.total) : null;
  return { caption, columns: cols, rows: rows.map(aligned), provenance: false, empty: '', ...extra, total };
}

export function chartFigure(chart: Chart, caption: string | null = null): Figure {
  return { svg: chart.svg, width: chart.width, height: chart.height, alt: chart.description, caption };
}

/** How many ranges of one file a provenance disclosure lists before it only gives the total. */
export const PROVENANCE_RANGE_LIMIT = 20;

/**
 * A provenance as the disclosure lists it: per file the line ranges with en dashes, the first
 * {@link PROVENANCE_RANGE_LIMIT} ranges only when there are more, then the total number of lines.
 * Null when the figure rests on no rows (nothing to disclose).
 */
export function provenanceView(p: Provenance, lang: Language): ProvenanceView | null {
  const items: ProvenanceView['items'] = [];
  for (const file of Object.keys(p).sort()) {
    const all = p[file] ?? '';
    // Only the first ranges are shown: cut after them instead of splitting every range of a large file.
    let cut = -1;
    for (let k = 0; k < PROVENANCE_RANGE_LIMIT; k++) {
      cut = all.indexOf(',', cut + 1);
      if (cut === -1) break;
    }
    const ranges = (cut === -1 ? all : all.slice(0, cut)).split(',').filter((r) => r !== '');
    if (ranges.length === 0) continue;
    const shown = ranges.map((r) => r.replace('-', '–'));
    const more =
      cut !== -1 && /\d/.test(all.slice(cut))
        ? `… ${formatQuantity(countProvenanceLines({ [file]: all }), lang)} ${reportWord('linesTotal', lang)}`
        : null;
    const one = more === null && shown.length === 1 && !shown[0]?.includes('–');
    items.push({ file, lines: `${reportWord(one ? 'lineWord' : 'linesWord', lang)} ${shown.join(', ')}`, more });
  }
  return items.length === 0 ? null : { items };
}

/** Measure entity id → title, in the agreement's order. */
export function measureTitles(model: ReportModel): Map<string, string> {
  return new Map(model.priorityAreas.flatMap((a) => a.measures.map((m) => [m.id, m.title] as const)));
}

/** A KPI by its label and id: "Kumppanikaupungit verkostossa (partner_cities)"; the id alone when the model has no such KPI. */
export function kpiName(model: ReportModel, id: string): string {
  const k = model.kpis[id];
  return k ? `${k.label} (${id})` : id;
}
