import type { AssessmentResult, KpiResult, ReportModel, TargetResult } from '@ekoraportti/core';
import { progressChart } from './_charts.ts';
import { anchor, badge, badgeCell, chartFigure, cols, figure, heading, numCols, provenanceView, row, table, text, type Words } from './_parts.ts';
import type { AssessmentView, Figure, Row, TargetView } from './_view.ts';

/** A KPI's row: value, threshold (stretch under it), progress, last observed (evidence under it), observations. */
function kpiRow(id: string, kpi: KpiResult, w: Words): Row {
  const kind = w.t(kpi.kind === 'sum' ? 'kindSum' : 'kindLatest');
  const after = kpi.observationsAfterAsOf > 0 ? `${w.quantity(kpi.observationsAfterAsOf)} ${w.t('afterAsOfNote')}` : null;
  return row(
    [
      text(kpi.label, { note: `(${id}, ${kind})` }),
      figure(w.withUnit(kpi.value, kpi.unit)),
      figure(w.withUnit(kpi.threshold, kpi.unit), {
        note: kpi.stretch === null ? null : `${w.t('stretch').toLowerCase()} ${w.withUnit(kpi.stretch, kpi.unit)}`,
      }),
      figure(w.percent(kpi.progress)),
      figure(kpi.lastObserved === null ? '–' : w.date(kpi.lastObserved), { note: kpi.lastSource }),
      figure(w.quantity(kpi.observationsUsed), { note: after }),
    ],
    provenanceView(kpi.provenance, w.lang),
  );
}

/** A KPI's value as a bar against its threshold and stretch level, with the figures in words as its alt text. */
function kpiChart(kpi: KpiResult, w: Words): Figure {
  const threshold = `${w.t('threshold').toLowerCase()} ${w.quantity(kpi.threshold)}`;
  const stretch = kpi.stretch === null ? null : `${w.t('stretch').toLowerCase()} ${w.quantity(kpi.stretch)}`;
  const alt =
    `${kpi.label}: ${kpi.value === null ? w.t('noObservations') : w.withUnit(kpi.value, kpi.unit)}; ` +
    `${w.t('threshold').toLowerCase()} ${w.withUnit(kpi.threshold, kpi.unit)}` +
    (kpi.stretch === null ? '' : `; ${w.t('stretch').toLowerCase()} ${w.withUnit(kpi.stretch, kpi.unit)}`);
  const chart = progressChart({
    value: kpi.value,
    threshold: kpi.threshold,
    stretch: kpi.stretch,
    valueText: w.withUnit(kpi.value, kpi.unit),
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
    assessedBy: a.assessedBy,
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
    badge: badge(t.status, w.lang),
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
            charts: kpis.map(([, kpi]) => kpiChart(kpi, w)),
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
                row([figure(w.date(a.date)), badgeCell(badge(a.status, w.lang)), text(a.evidence), text(a.assessedBy)], provenanceView(a.provenance, w.lang)),
              ),
              { provenance: true },
            )
          : null,
    },
  };
}
