import Handlebars from 'handlebars';
import {
  countProvenanceLines,
  type AssessmentResult,
  type FundingTotals,
  type KpiResult,
  type Language,
  type NumberChange,
  type ProjectSummary,
  type Provenance,
  type ReportModel,
  type TargetResult,
  type TargetStatus,
} from '@ekoraportti/core';
import {
  agreementVersionText,
  barChart,
  formatDate,
  formatEuro,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  formatChange,
  fundingFigureName,
  fundingSourceName,
  fundingSourceShortName,
  progressChart,
  projectStatusLabel,
  rejectedRowsShown,
  splitChart,
  stackedColumnChart,
  statusLabel,
  text,
  type Chart,
} from '@ekoraportti/presentation';

/**
 * The view data the templates draw: every word and figure the page shows, already chosen and,
 * where a figure is a compound (value with unit, signed change), already formatted. Templates only
 * lay it out. Chart SVGs are the only pre-built markup, produced by our own chart code.
 */

/** Status as symbol + word, so it never rests on colour alone. */
export interface StatusBadge {
  key: TargetStatus;
  symbol: string;
  label: string;
}

export interface ProvenanceView {
  items: { file: string; lines: string; more: string | null }[];
}

export interface ChartView {
  svg: Handlebars.SafeString;
  description: string;
}

export interface KpiView {
  id: string;
  label: string;
  kind: string;
  value: string;
  threshold: string;
  stretch: string;
  /** "venytystavoite 7 yhteistyötä", shown under the threshold; null without a stretch level. */
  stretchText: string | null;
  progress: string;
  lastObserved: string;
  /** Evidence named on the latest observation, from indicators.csv (escaped like all CSV text). */
  lastSource: string | null;
  observationsUsed: number;
  afterAsOf: string | null;
  chart: ChartView;
  provenance: ProvenanceView | null;
}

export interface AssessmentView {
  date: string;
  status: StatusBadge;
  evidence: string;
  assessedBy: string;
  provenance: ProvenanceView | null;
}

export interface TargetView {
  id: string;
  anchor: string;
  heading: string;
  deadline: string;
  status: StatusBadge;
  why: string;
  /** The Finnish quote of the agreement. */
  text: string;
  /** English translation, only in English reports (then `text` is shown as the Finnish original). */
  translation: string | null;
  assessment: AssessmentView | null;
  history: AssessmentView[];
  kpiCaption: string;
  kpis: KpiView[];
  historyCaption: string;
}

export interface ProjectView {
  id: string;
  name: string;
  owner: string;
  measure: string;
  status: string;
  period: string;
  funding: number;
  provenance: ProvenanceView | null;
}

export interface FundingTotalsView {
  euState: number;
  local: number;
  private: number;
  planned: number;
  total: number;
  share: string;
}

export interface MeasureView {
  id: string;
  anchor: string;
  heading: string;
  description: string;
  targets: TargetView[];
  projectsCaption: string;
  projects: ProjectView[];
  fundingCaption: string;
  funding: FundingTotalsView;
}

export interface SectionBase {
  /** Name of the partial that draws the section. */
  partial: string;
  id: string;
  heading: string;
}

export interface SummarySection extends SectionBase {
  partial: 'summary';
  statusCounts: { status: StatusBadge; count: number }[];
  /** `anchor` links to the target's detail; null when the report has no areas section. */
  targets: { id: string; anchor: string | null; measure: string; year: number; status: StatusBadge; why: string }[];
  figures: { label: string; value: string }[];
}

export interface AreaSection extends SectionBase {
  partial: 'area';
  summary: string;
  measures: MeasureView[];
}

export interface FundingSection extends SectionBase {
  partial: 'funding';
  note: string;
  rule: string;
  figures: { label: string; value: string }[];
  bySource: { name: string; amount: number; share: string; provenance: ProvenanceView | null }[];
  bySourceChart: ChartView | null;
  plannedBySource: { name: string; amount: number }[];
  plannedTotal: number;
  plannedProvenance: ProvenanceView | null;
  byYear: { year: string; euState: number; local: number; private: number; total: number }[];
  byYearChart: ChartView | null;
  byMeasure: { id: string; title: string; funding: FundingTotalsView }[];
  split: {
    share: string;
    indicative: string;
    deviation: string;
    chart: ChartView;
  };
}

export interface ProjectsSection extends SectionBase {
  partial: 'projects';
  byStatus: { label: string; count: number }[];
  byMeasure: { id: string; title: string; count: number }[];
  projects: ProjectView[];
}

export interface RevisionSection extends SectionBase {
  partial: 'revision';
  intro: string;
  fromTo: string;
  changedTargets: { id: string; before: string; after: string }[];
  unchangedTargets: string;
  addedThemes: { label: string; evidence: string }[];
  removedThemes: { label: string; evidence: string }[];
  renamedPartners: { before: string; after: string }[];
  addedKpis: string;
  removedKpis: string;
  rdBaseline: { before: string; after: string };
}

export interface DeltaRow {
  label: string;
  previous: string;
  current: string;
  change: string;
}

export interface DeltaSection extends SectionBase {
  partial: 'delta';
  /** Null when the pipeline asked for the section but no previous report was given. */
  previousAsOf: string | null;
  note: string | null;
  targetsCaption: string;
  kpisCaption: string;
  fundingCaption: string;
  targets: { id: string; previous: string; current: StatusBadge; changed: string }[];
  kpis: DeltaRow[];
  funding: DeltaRow[];
}

export interface DataQualitySection extends SectionBase {
  partial: 'data-quality';
  intro: string;
  inputs: { file: string; rowsRead: number; rowsUsed: number; rowsRejected: number }[];
  inputTotals: { rowsRead: number; rowsUsed: number; rowsRejected: number };
  rejected: { file: string; line: number; column: string; reason: string }[];
  /** Said above the list when it holds only the first rejected rows. */
  rejectedNote: string | null;
  warnings: { file: string; line: string; column: string; message: string }[];
}

export type SectionView =
  | SummarySection
  | AreaSection
  | FundingSection
  | ProjectsSection
  | RevisionSection
  | DeltaSection
  | DataQualitySection;

export interface HtmlView {
  lang: Language;
  title: string;
  cover: {
    reportType: string;
    agreementTitle: string;
    city: string;
    asOf: string;
    version: string;
    measuredAgainst: string;
    periodEnd: string;
    parties: string;
    partners: string;
  };
  exampleData: { label: string; note: string } | null;
  toc: { id: string; label: string; children: { id: string; label: string }[] }[];
  sections: SectionView[];
  footer: string;
}

const STATUS_SYMBOLS: Readonly<Record<TargetStatus, string>> = {
  achieved: '✓',
  on_track: '↗',
  at_risk: '!',
  off_track: '✗',
  not_started: '○',
  no_data: '–',
};

/** How many ranges of one file a provenance disclosure lists before it only gives the total. */
export const PROVENANCE_RANGE_LIMIT = 20;

export function statusBadge(status: TargetStatus, lang: Language): StatusBadge {
  return { key: status, symbol: STATUS_SYMBOLS[status], label: statusLabel(status, lang) };
}

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
        ? `… ${formatQuantity(countProvenanceLines({ [file]: all }), lang)} ${text('linesTotal', lang)}`
        : null;
    items.push({ file, lines: `${text('linesWord', lang)} ${shown.join(', ')}`, more });
  }
  return items.length === 0 ? null : { items };
}

function chartView(chart: Chart): ChartView {
  // The SVG comes from presentation's chart code, which escapes every label it writes.
  return { svg: new Handlebars.SafeString(chart.svg), description: chart.description };
}

/** A value with its unit, or `–` without one. */
function quantityWithUnit(value: number | null, unit: string, lang: Language): string {
  return value === null ? '–' : `${formatQuantity(value, lang)} ${unit}`;
}

function kpiView(id: string, kpi: KpiResult, lang: Language): KpiView {
  const value = quantityWithUnit(kpi.value, kpi.unit, lang);
  const threshold = `${formatQuantity(kpi.threshold, lang)} ${kpi.unit}`;
  const stretch = kpi.stretch === null ? '–' : `${formatQuantity(kpi.stretch, lang)} ${kpi.unit}`;
  const description =
    `${kpi.label}: ${kpi.value === null ? text('noObservations', lang) : value}; ` +
    `${text('threshold', lang).toLowerCase()} ${threshold}` +
    (kpi.stretch === null ? '' : `; ${text('stretch', lang).toLowerCase()} ${stretch}`);
  const chart = progressChart({
    value: kpi.value,
    threshold: kpi.threshold,
    stretch: kpi.stretch,
    valueText: kpi.value === null ? '–' : formatQuantity(kpi.value, lang),
    thresholdText: formatQuantity(kpi.threshold, lang),
    stretchText: kpi.stretch === null ? null : formatQuantity(kpi.stretch, lang),
    description,
  });
  return {
    id,
    label: kpi.label,
    kind: text(kpi.kind === 'sum' ? 'kindSum' : 'kindLatest', lang),
    value,
    threshold,
    stretch,
    stretchText: kpi.stretch === null ? null : `${text('stretch', lang).toLowerCase()} ${stretch}`,
    progress: formatPercent(kpi.progress, lang, 0),
    lastObserved: kpi.lastObserved === null ? '–' : formatDate(kpi.lastObserved, lang),
    lastSource: kpi.lastSource,
    observationsUsed: kpi.observationsUsed,
    afterAsOf:
      kpi.observationsAfterAsOf > 0
        ? `${formatQuantity(kpi.observationsAfterAsOf, lang)} ${text('afterAsOfNote', lang)}`
        : null,
    chart: chartView(chart),
    provenance: provenanceView(kpi.provenance, lang),
  };
}

function assessmentView(a: AssessmentResult, lang: Language): AssessmentView {
  return {
    date: formatDate(a.date, lang),
    status: statusBadge(a.status, lang),
    evidence: a.evidence,
    assessedBy: a.assessedBy,
    provenance: provenanceView(a.provenance, lang),
  };
}

/** An id safe in `id` and `href="#…"`: ids like `4.1.1/2023` become `t-4-1-1-2023`. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function targetView(id: string, t: TargetResult, model: ReportModel): TargetView {
  const lang = model.lang;
  return {
    id,
    anchor: anchor('t', id),
    heading: `${text(t.year === 2023 ? 'target2023' : 'target2027', lang)} (${id})`,
    deadline: formatDate(t.deadline, lang),
    status: statusBadge(t.status, lang),
    why: t.why,
    text: t.text,
    translation: lang === 'en' ? t.translation : null,
    assessment: t.assessment ? assessmentView(t.assessment, lang) : null,
    history: t.history.map((a) => assessmentView(a, lang)),
    kpiCaption: `${text('kpis', lang)}: ${id}`,
    kpis: t.kpis.flatMap((k) => {
      const kpi = model.kpis[k];
      return kpi ? [kpiView(k, kpi, lang)] : [];
    }),
    historyCaption:
      `${text('assessmentHistory', lang)}: ${id}` +
      (t.assessmentCount > t.history.length ? ` (${text('newestOf', lang)} ${t.history.length} / ${t.assessmentCount})` : ''),
  };
}

function projectView(p: ProjectSummary, lang: Language): ProjectView {
  return {
    id: p.id,
    name: p.name,
    owner: p.owner,
    measure: p.measure,
    status: projectStatusLabel(p.status, lang),
    period: `${formatDate(p.startDate, lang)}–${formatDate(p.endDate, lang)}`,
    funding: p.funding,
    provenance: provenanceView(p.provenance, lang),
  };
}

function totalsView(f: FundingTotals, lang: Language): FundingTotalsView {
  return {
    euState: f.euState,
    local: f.local,
    private: f.private,
    planned: f.planned,
    total: f.total,
    share: formatPercent(f.euStateShare, lang),
  };
}

function summarySection(model: ReportModel): SummarySection {
  const lang = model.lang;
  const f = model.funding;
  return {
    partial: 'summary',
    id: 'summary',
    heading: text('summary', lang),
    statusCounts: (Object.keys(model.statusCounts) as TargetStatus[])
      .filter((s) => (model.statusCounts[s] ?? 0) > 0)
      .map((s) => ({ status: statusBadge(s, lang), count: model.statusCounts[s] ?? 0 })),
    targets: Object.entries(model.targets).map(([id, t]) => ({
      id,
      anchor: model.report.sections.includes('areas') ? anchor('t', id) : null,
      measure: t.measure,
      year: t.year,
      status: statusBadge(t.status, lang),
      why: t.why,
    })),
    figures: [
      { label: text('total', lang), value: formatEuro(f.total, lang) },
      { label: text('euState', lang), value: formatEuro(f.euState, lang) },
      { label: text('local', lang), value: formatEuro(f.local, lang) },
      { label: text('private', lang), value: formatEuro(f.private, lang) },
      { label: text('planned', lang), value: formatEuro(f.planned, lang) },
      { label: text('euStateShare', lang), value: formatPercent(f.euStateShare, lang) },
      {
        label: `${text('deviation', lang)} (${text('indicativeShare', lang).toLowerCase()} ${formatPercent(f.indicativeEuStateShare, lang, 0)})`,
        value: formatPercentagePoints(f.deviationPp, lang),
      },
      { label: text('projectCount', lang), value: formatQuantity(model.projects.count, lang) },
    ],
  };
}

function areaSections(model: ReportModel): AreaSection[] {
  const lang = model.lang;
  const projectsById = new Map(model.projects.list.map((p) => [p.id, p]));
  return model.priorityAreas.map((area) => ({
    partial: 'area',
    id: anchor('area', area.id),
    heading: `${text('priorityArea', lang)} ${area.id}: ${area.title}`,
    summary: area.summary,
    measures: area.measures.map((m) => ({
      id: m.id,
      anchor: anchor('m', m.id),
      heading: `${m.id} ${m.title}`,
      description: m.description,
      targets: m.targets.flatMap((id) => {
        const t = model.targets[id];
        return t ? [targetView(id, t, model)] : [];
      }),
      projectsCaption: `${text('projects', lang)}: ${m.id}`,
      projects: m.projects.ids.flatMap((id) => {
        const p = projectsById.get(id);
        return p ? [projectView(p, lang)] : [];
      }),
      fundingCaption: `${text('measureFunding', lang)}: ${m.id}`,
      funding: totalsView(m.funding, lang),
    })),
  }));
}

function fundingSection(model: ReportModel): FundingSection {
  const lang = model.lang;
  const f = model.funding;
  const sources = Object.keys(f.bySource) as (keyof typeof f.bySource)[];
  const grand = f.total + f.private;
  const bySource = sources.map((s) => ({
    name: fundingSourceName(s, lang),
    amount: f.bySource[s],
    share: grand > 0 ? formatPercent(f.bySource[s] / grand, lang) : '–',
    provenance: provenanceView(f.provenance.bySource[s] ?? {}, lang),
  }));
  const nonZero = sources.filter((s) => f.bySource[s] > 0);
  const bySourceChart =
    nonZero.length === 0
      ? null
      : chartView(
          barChart({
            bars: nonZero.map((s) => ({
              label: fundingSourceShortName(s, lang),
              value: f.bySource[s],
              valueText: formatEuro(f.bySource[s], lang, 0),
            })),
            labelWidth: 90,
            width: 520,
            description:
              `${text('fundingBySource', lang)}: ` +
              nonZero.map((s) => `${fundingSourceName(s, lang)} ${formatEuro(f.bySource[s], lang, 0)}`).join('; '),
          }),
        );
  const years = Object.keys(f.byYear).sort();
  const byYear = years.map((y) => {
    const c = f.byYear[y] ?? { euState: 0, local: 0, private: 0 };
    return { year: y, euState: c.euState, local: c.local, private: c.private, total: c.euState + c.local + c.private };
  });
  const series = [text('euState', lang), text('local', lang), text('private', lang)];
  const byYearChart =
    byYear.length === 0
      ? null
      : chartView(
          stackedColumnChart({
            columns: byYear.map((y) => ({ label: y.year, values: [y.euState, y.local, y.private] })),
            series: series.map((label) => ({ label })),
            formatAxis: (v) => formatEuro(v, lang, 0),
            width: 560,
            description:
              `${text('fundingByYear', lang)}: ` +
              byYear
                .map(
                  (y) =>
                    `${y.year}: ${series[0]} ${formatEuro(y.euState, lang, 0)}, ${series[1]} ` +
                    `${formatEuro(y.local, lang, 0)}, ${series[2]} ${formatEuro(y.private, lang, 0)}`,
                )
                .join('; '),
          }),
        );
  const measureTitles = new Map(model.priorityAreas.flatMap((a) => a.measures.map((m) => [m.id, m.title] as const)));
  const share = formatPercent(f.euStateShare, lang);
  const localShare = f.euStateShare === null ? '–' : formatPercent(1 - f.euStateShare, lang);
  const indicative = formatPercent(f.indicativeEuStateShare, lang, 0);
  const deviation = formatPercentagePoints(f.deviationPp, lang);
  return {
    partial: 'funding',
    id: 'funding',
    heading: text('funding', lang),
    note: text('fundingCountedNote', lang),
    rule: text('fundingRule', lang),
    figures: [
      { label: text('euState', lang), value: formatEuro(f.euState, lang) },
      { label: text('local', lang), value: formatEuro(f.local, lang) },
      { label: `${text('total', lang)} (${text('euState', lang)} + ${text('local', lang)})`, value: formatEuro(f.total, lang) },
      { label: text('private', lang), value: formatEuro(f.private, lang) },
      { label: text('planned', lang), value: formatEuro(f.planned, lang) },
    ],
    bySource,
    bySourceChart,
    plannedBySource: sources
      .filter((s) => f.plannedBySource[s] > 0)
      .map((s) => ({ name: fundingSourceName(s, lang), amount: f.plannedBySource[s] })),
    plannedTotal: f.planned,
    plannedProvenance: provenanceView(f.provenance.planned, lang),
    byYear,
    byYearChart,
    byMeasure: Object.entries(f.byMeasure).map(([id, t]) => ({
      id,
      title: measureTitles.get(id) ?? id,
      funding: totalsView(t, lang),
    })),
    split: {
      share,
      indicative,
      deviation,
      chart: chartView(
        splitChart({
          share: f.euStateShare,
          indicative: f.indicativeEuStateShare,
          leftText: `${text('euState', lang)} ${share}`,
          rightText: `${text('local', lang)} ${localShare}`,
          indicativeText: `${text('indicativeShare', lang)} ${indicative}`,
          width: 520,
          description:
            `${text('fundingSplit', lang)}: ${text('euState', lang)} ${share}, ${text('local', lang)} ${localShare}; ` +
            `${text('indicativeShare', lang).toLowerCase()} ${indicative}, ${text('deviation', lang).toLowerCase()} ${deviation}`,
        }),
      ),
    },
  };
}

function projectsSection(model: ReportModel): ProjectsSection {
  const lang = model.lang;
  const measureTitles = new Map(model.priorityAreas.flatMap((a) => a.measures.map((m) => [m.id, m.title] as const)));
  return {
    partial: 'projects',
    id: 'projects',
    heading: text('projects', lang),
    byStatus: (['planned', 'ongoing', 'completed', 'cancelled'] as const).map((s) => ({
      label: projectStatusLabel(s, lang),
      count: model.projects.byStatus[s] ?? 0,
    })),
    byMeasure: Object.entries(model.projects.byMeasure).map(([id, count]) => ({
      id,
      title: measureTitles.get(id) ?? id,
      count,
    })),
    projects: model.projects.list.map((p) => projectView(p, lang)),
  };
}

function revisionSection(model: ReportModel): RevisionSection | null {
  const r = model.revision;
  if (!r) return null;
  const lang = model.lang;
  const pct = (n: number) => `${formatQuantity(n, lang)}${lang === 'fi' ? '\u00a0%' : '%'}`;
  const list = (ids: string[]) => (ids.length === 0 ? text('none', lang) : ids.join(', '));
  return {
    partial: 'revision',
    id: 'revision',
    heading: text('revision', lang),
    intro: text('revisionIntro', lang),
    fromTo: `${agreementVersionText(r.from, lang)} → ${agreementVersionText(r.to, lang)}`,
    changedTargets: r.changedTargets.map((c) => ({ ...c })),
    unchangedTargets: list(r.unchangedTargets),
    addedThemes: r.addedThemes.map((t) => ({ label: t.label, evidence: t.evidence })),
    removedThemes: r.removedThemes.map((t) => ({ label: t.label, evidence: t.evidence })),
    renamedPartners: r.renamedPartners.map((p) => ({ ...p })),
    addedKpis: list(r.addedKpis),
    removedKpis: list(r.removedKpis),
    rdBaseline: { before: pct(r.rdBaselinePercent.before), after: pct(r.rdBaselinePercent.after) },
  };
}

function deltaRow(label: string, c: NumberChange, fmt: (n: number) => string, fmtChange: (n: number) => string): DeltaRow {
  return {
    label,
    previous: c.previous === null ? '–' : fmt(c.previous),
    current: c.current === null ? '–' : fmt(c.current),
    change: c.change === null ? '–' : fmtChange(c.change),
  };
}

function deltaSection(model: ReportModel): DeltaSection {
  const lang = model.lang;
  const base = {
    partial: 'delta' as const,
    id: 'delta',
    heading: text('delta', lang),
    targetsCaption: `${text('delta', lang)}: ${text('targets', lang)}`,
    kpisCaption: `${text('delta', lang)}: ${text('kpis', lang)}`,
    fundingCaption: `${text('delta', lang)}: ${text('funding', lang)}`,
  };
  const d = model.delta;
  if (!d) {
    return { ...base, previousAsOf: null, note: text('noPrevious', lang), targets: [], kpis: [], funding: [] };
  }
  const euro = (n: number) => formatEuro(n, lang);
  return {
    ...base,
    previousAsOf: formatDate(d.previousAsOf, lang),
    note: null,
    targets: Object.entries(d.targets).map(([id, t]) => ({
      id,
      previous: t.previous === null ? '–' : statusLabel(t.previous, lang),
      current: statusBadge(t.current, lang),
      changed: text(t.changed ? 'changedYes' : 'changedNo', lang),
    })),
    kpis: Object.entries(d.kpis).map(([id, c]) => {
      const kpi = model.kpis[id];
      const unit = kpi ? ` ${kpi.unit}` : '';
      return deltaRow(
        kpi?.label ?? id,
        c,
        (n) => `${formatQuantity(n, lang)}${unit}`,
        (n) => formatChange(n, (v) => formatQuantity(v, lang)),
      );
    }),
    funding: Object.entries(d.funding).map(([key, c]) =>
      key === 'euStateShare'
        ? deltaRow(fundingFigureName(key, lang), c, (n) => formatPercent(n, lang), (n) => formatPercentagePoints(n * 100, lang))
        : deltaRow(fundingFigureName(key, lang), c, euro, (n) => formatChange(n, euro)),
    ),
  };
}

function dataQualitySection(model: ReportModel): DataQualitySection {
  const lang = model.lang;
  const rejectedShown = rejectedRowsShown(model, lang);
  const inputs = Object.entries(model.inputs).map(([file, c]) => ({ file, ...c }));
  return {
    partial: 'data-quality',
    id: 'data-quality',
    heading: text('dataQuality', lang),
    intro: text('dataQualityIntro', lang),
    inputs,
    inputTotals: {
      rowsRead: inputs.reduce((n, i) => n + i.rowsRead, 0),
      rowsUsed: inputs.reduce((n, i) => n + i.rowsUsed, 0),
      rowsRejected: inputs.reduce((n, i) => n + i.rowsRejected, 0),
    },
    rejected: rejectedShown.rows.map((r) => ({ file: r.file, line: r.line, column: r.column, reason: r.reason })),
    rejectedNote: rejectedShown.note,
    warnings: model.warnings.map((w) => ({
      file: w.file,
      line: w.line === null ? '–' : String(w.line),
      column: w.column ?? '–',
      message: w.message,
    })),
  };
}

/** The sections in the order the pipeline asked for; unknown names and sections without data are skipped. */
function sections(model: ReportModel): SectionView[] {
  const out: SectionView[] = [];
  for (const name of model.report.sections) {
    switch (name) {
      case 'summary':
        out.push(summarySection(model));
        break;
      case 'revision': {
        const r = revisionSection(model);
        if (r) out.push(r);
        break;
      }
      case 'delta':
        out.push(deltaSection(model));
        break;
      case 'areas':
        out.push(...areaSections(model));
        break;
      case 'funding':
        out.push(fundingSection(model));
        break;
      case 'projects':
        out.push(projectsSection(model));
        break;
      case 'dataQuality':
        out.push(dataQualitySection(model));
        break;
    }
  }
  return out;
}

/**
 * Turns the report model into the data the HTML templates draw. Pure: the same model gives the
 * same view, chart SVGs included.
 */
export function buildHtmlView(model: ReportModel): HtmlView {
  const lang = model.lang;
  const list = sections(model);
  return {
    lang,
    title: `${model.report.type} – ${model.agreement.title} – ${model.agreement.city} – ${formatDate(model.asOf, lang)}`,
    cover: {
      reportType: model.report.type,
      agreementTitle: model.agreement.title,
      city: model.agreement.city,
      asOf: formatDate(model.asOf, lang),
      version: agreementVersionText(model.agreement.version, lang),
      measuredAgainst: `${text('measuredAgainst', lang)} ${agreementVersionText(model.agreement.version, lang)}.`,
      periodEnd: formatDate(model.agreement.periodEnd, lang),
      parties: model.agreement.parties.join(', '),
      partners: model.agreement.partners.join(', '),
    },
    exampleData: model.report.exampleData
      ? { label: text('exampleData', lang), note: text('exampleDataNote', lang) }
      : null,
    toc: list.map((s) => ({
      id: s.id,
      label: s.heading,
      children: s.partial === 'area' ? s.measures.map((m) => ({ id: m.anchor, label: m.heading })) : [],
    })),
    sections: list,
    footer: text('generatedBy', lang),
  };
}
