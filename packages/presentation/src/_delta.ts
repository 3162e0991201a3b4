import { fundingFigureName, type NumberChange, type ReportModel } from '@ekoraportti/core';
import { formatChange } from './_change.ts';
import { badge, badgeCell, col, targetBadge, cols, fact, figure, heading, kpiName, numCols, row, table, text, type Words } from './_parts.ts';
import type { DeltaView, Row } from './_view.ts';

function changeRow(label: string, c: NumberChange, value: (n: number) => string, change: (n: number) => string): Row {
  const or = (n: number | null, f: (n: number) => string) => figure(n === null ? '–' : f(n));
  return row([text(label), or(c.previous, value), or(c.current, value), or(c.change, change)]);
}

/** Change since the previous report: target statuses, KPI values, funding figures; a note when there is no previous report. */
export function deltaView(model: ReportModel, w: Words): DeltaView {
  const d = model.delta;
  const changes = (kind: 'kpi' | 'funding') => [col(w.t(kind)), ...numCols(w, 'previous', 'current', 'change')];
  const targets = Object.entries(d?.targets ?? {}).map(([id, t]) => {
    // The current status as this report shows it everywhere: marked when its evidence is stale.
    const current = model.targets[id];
    return row([
      text(id),
      t.previous === null ? text('–') : badgeCell(badge(t.previous, w.lang)),
      badgeCell(current ? targetBadge(current, w.lang) : badge(t.current, w.lang)),
      text(w.t(t.changed ? 'changedYes' : 'changedNo')),
    ]);
  });
  const kpis = Object.entries(d?.kpis ?? {}).map(([id, c]) => {
    const units = model.kpis[id] ?? { unit: '' };
    return changeRow(
      kpiName(model, id),
      c,
      (n) => w.withUnit(n, units),
      (n) => formatChange(n, w.quantity),
    );
  });
  const funding = Object.entries(d?.funding ?? {}).map(([key, c]) =>
    key === 'euStateShare'
      ? changeRow(fundingFigureName(key, w.lang), c, w.percent, () => w.ppBetween(c.current, c.previous))
      : changeRow(fundingFigureName(key, w.lang), c, w.euro, (n) => formatChange(n, w.euro)),
  );
  return {
    kind: 'delta',
    heading: heading(2, w.t('delta'), 'delta', true),
    note: d ? null : w.t('noPrevious'),
    previousAsOf: d ? fact(w.t('previousAsOf'), w.date(d.previousAsOf)) : null,
    targets: {
      heading: heading(3, w.t('statusChanges')),
      table: table(
        w.t('statusChanges'),
        cols(w, 'target', 'previous', 'current', 'change'),
        targets,
      ),
    },
    kpis: { heading: heading(3, w.t('kpiChanges')), table: table(w.t('kpiChanges'), changes('kpi'), kpis) },
    funding: { heading: heading(3, w.t('fundingChanges')), table: table(w.t('fundingChanges'), changes('funding'), funding) },
  };
}
