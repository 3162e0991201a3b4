import { freshnessPhrases, type AssessmentResult, type KpiResult, type KpiSeriesPoint, type ReportModel, type TargetResult } from '@ekoraportti/core';
import { progressChart } from './_charts.ts';
import { trendChart } from './_trend-chart.ts';
import { anchor, badge, badgeCell, targetBadge, chartFigure, cols, figure, heading, numCols, provenanceView, row, table, text, type Words } from './_parts.ts';
import type { AssessmentView, Figure, Row, TargetView } from './_view.ts';

/** A KPI's row: value, threshold (stretch under it), progress, last observed (evidence under it), observations. */
function kpiRow(id: string, kpi: KpiResult, w: Words): Row {
  const kind = w.t(kpi.kind === 'sum' ? 'kindSum' : 'kindLatest');
  const afterCount = kpi.observationsAfterAsOf;
  const after = afterCount > 0 ? `${w.quantity(afterCount)} ${w.t(afterCount === 1 ? 'afterAsOfNoteOne' : 'afterAsOfNote')}` : null;
  return row(
    [
      text(kpi.label, { note: `(${id}, ${kind})` }),
      figure(w.withUnit(kpi.value, kpi)),
      figure(w.withUnit(kpi.threshold, kpi), {
        note: kpi.stretch === null ? null : `${w.t('stretch').toLowerCase()} ${w.withUnit(kpi.stretch, kpi)}`,
      }),
      figure(w.percent(kpi.progress)),
      figure(kpi.lastObserved === null ? '–' : w.date(kpi.lastObserved), { note: kpi.lastSource }),
      figure(w.quantity(kpi.observationsUsed), { note: after }),
    ],
    provenanceView(kpi.provenance, w.lang),
  );
}

/**
 * A KPI's chart: its course over time once it has two or more observation dates (the trend toward its
 * target, the thing a steering group discusses), else its value as a bar against the threshold.
 */
function kpiChart(kpi: KpiResult, model: ReportModel, w: Words): Figure {
  return kpi.series.length >= 2 ? kpiTrend(kpi, model, w) : kpiBar(kpi, w);
}

/** A KPI's observations over time against its threshold, stretch level, straight-line pace and the as-of date. */
function kpiTrend(kpi: KpiResult, model: ReportModel, w: Words): Figure {
  const f = freshnessPhrases(w.lang);
  const target = model.targets[kpi.target];
  const deadline = target?.deadline ?? model.agreement.periodEnd;
  const year = Number(deadline.slice(0, 4));
  const first = kpi.series[0] as KpiSeriesPoint;
  const last = kpi.series.at(-1) as KpiSeriesPoint;
  const deadlines = [...new Set(Object.values(model.targets).map((t) => t.deadline))].sort();
  const alt = f.trendAlt({
    label: kpi.label,
    kind: kpi.kind,
    first: { value: w.withUnit(first.value, kpi), date: w.date(first.date) },
    last: { value: w.withUnit(last.value, kpi), date: w.date(last.date) },
    dates: w.quantity(kpi.series.length),
    threshold: w.withUnit(kpi.threshold, kpi),
    deadline: w.date(deadline),
    metOn: kpi.metOn === null ? null : w.date(kpi.metOn),
    closed: model.asOf > deadline,
    stretch: kpi.stretch === null ? null : w.withUnit(kpi.stretch, kpi),
    pace: kpi.pace === null ? null : { value: w.withUnit(kpi.pace, kpi), date: w.date(model.asOf) },
  });
  const chart = trendChart({
    points: kpi.series,
    step: kpi.quantity === 'count',
    from: model.agreement.periodStart,
    to: model.asOf > model.agreement.periodEnd ? model.asOf : model.agreement.periodEnd,
    threshold: { value: kpi.threshold, deadline, text: f.thresholdMarker(year, w.quantity(kpi.threshold)) },
    stretch: kpi.stretch === null ? null : { value: kpi.stretch, text: f.stretchMarker(w.quantity(kpi.stretch)) },
    pace: true,
    asOf: { date: model.asOf, text: f.asOfMarker(w.date(model.asOf)) },
    deadlines: deadlines.map((d) => ({ date: d, text: f.deadlineMarker(Number(d.slice(0, 4))) })),
    formatAxis: w.quantity,
    description: alt,
  });
  return chartFigure(chart, kpi.label);
}

/** A KPI's value as a bar against its threshold and stretch level, with the figures in words as its alt text. */
function kpiBar(kpi: KpiResult, w: Words): Figure {
  const threshold = `${w.t('threshold').toLowerCase()} ${w.quantity(kpi.threshold)}`;
  const stretch = kpi.stretch === null ? null : `${w.t('stretch').toLowerCase()} ${w.quantity(kpi.stretch)}`;
  const alt =
    `${kpi.label}: ${kpi.value === null ? w.t('noObservations') : w.withUnit(kpi.value, kpi)}; ` +
    `${w.t('threshold').toLowerCase()} ${w.withUnit(kpi.threshold, kpi)}` +
    (kpi.stretch === null ? '' : `; ${w.t('stretch').toLowerCase()} ${w.withUnit(kpi.stretch, kpi)}`);
  const chart = progressChart({
    value: kpi.value,
    threshold: kpi.threshold,
    stretch: kpi.stretch,
    valueText: w.withUnit(kpi.value, kpi),
    thresholdText: threshold,
    stretchText: stretch,
    description: alt,
    width: 240,
  });
  return chartFigure(chart, kpi.label);
}

function assessmentView(a: AssessmentResult, w: Words): AssessmentView {
  return {
    badge: badge(a.status, w.lang),
    date: w.date(a.date),
    assessedBy: w.organisation(a.assessedBy),
    evidence: a.evidence,
    provenance: provenanceView(a.provenance, w.lang),
  };
}

/** A target: its text, status and why, its KPIs, its latest assessment and, when there are more, their history. */
export function targetView(id: string, t: TargetResult, model: ReportModel, w: Words): TargetView {
  const kpis = t.kpis.flatMap((k) => {
    const kpi = model.kpis[k];
    return kpi ? [[k, kpi] as const] : [];
  });
  const label = t.year === 2023 ? w.t('target2023') : t.year === 2027 ? w.t('target2027') : `${w.t('target')} ${t.year}`;
  const more = t.assessmentCount > t.history.length ? ` (${w.t('newestOf')} ${w.quantity(t.history.length)} / ${w.quantity(t.assessmentCount)})` : '';
  return {
    heading: heading(4, `${label} (${id})`, anchor('t', id)),
    badge: targetBadge(t, w.lang),
    deadline: `${w.t('deadline')} ${w.date(t.deadline)}`,
    why: t.why,
    text: t.text,
    translation: w.lang === 'en' ? t.translation : null,
    kpis:
      kpis.length === 0
        ? null
        : {
            heading: heading(5, w.t('kpis')),
            table: table(
              `${w.t('kpis')}: ${id}`,
              [...cols(w, 'kpi'), ...numCols(w, 'value', 'threshold', 'progress'), ...cols(w, 'lastObserved'), ...numCols(w, 'observations')],
              kpis.map(([k, kpi]) => kpiRow(k, kpi, w)),
              { provenance: true },
            ),
            charts: kpis.map(([, kpi]) => kpiChart(kpi, model, w)),
          },
    assessment: {
      heading: heading(5, w.t('latestAssessment')),
      latest: t.assessment ? assessmentView(t.assessment, w) : null,
      empty: w.t('noAssessment'),
      // The history repeats the latest assessment: worth a table only when there is more.
      history:
        t.history.length > 1
          ? table(
              `${w.t('assessmentHistory')}: ${id}${more}`,
              cols(w, 'date', 'status', 'evidence', 'assessedBy'),
              t.history.map((a) =>
                row([figure(w.date(a.date)), badgeCell(badge(a.status, w.lang)), text(a.evidence), text(w.organisation(a.assessedBy))], provenanceView(a.provenance, w.lang)),
              ),
              { provenance: true },
            )
          : null,
    },
  };
}
