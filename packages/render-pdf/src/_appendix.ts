import type { ReportModel } from '@ekoraportti/core';
import { formatChange, fundingFigureName, rejectedRowsShown } from '@ekoraportti/presentation';
import { dataTable, h1, h2, headerCell, num, para, small, statusCell, type Fmt } from './_blocks.ts';
import type { Content, TextNode } from './_types.ts';

function kpiName(model: ReportModel, id: string): string {
  const k = model.kpis[id];
  return k ? `${k.label} (${id})` : id;
}

/** What the 2025 revision changed: targets side by side, themes, partners, R&D baseline, KPIs. */
export function revision(model: ReportModel, f: Fmt): Content[] {
  const r = model.revision;
  if (!r) return [];
  const none = (): TextNode => para(f.t('noChanges'), { fontSize: 8.5 });
  const pctOfGdp = (v: number) => f.pct(v / 100);
  return [
    h1(f.t('revision')),
    para(f.t('revisionIntro'), { fontSize: 9 }),
    h2(f.t('changedTargets')),
    r.changedTargets.length > 0
      ? dataTable(
          [44, '*', '*'],
          [headerCell(f.t('target')), headerCell(f.t('before')), headerCell(f.t('after'))],
          r.changedTargets.map((c): TextNode[] => [
            { text: c.id, bold: true, noWrap: true },
            { text: c.before === '' ? '–' : `”${c.before}”`, italics: c.before !== '' },
            { text: c.after === '' ? '–' : `”${c.after}”`, italics: c.after !== '' },
          ]),
          7.5,
        )
      : none(),
    small(`${f.t('unchangedTargets')}: ${r.unchangedTargets.length > 0 ? r.unchangedTargets.join(', ') : '–'}`, {
      margin: [0, 0, 0, 6],
    }),
    h2(f.t('addedThemes')),
    r.addedThemes.length > 0
      ? dataTable(
          [150, '*'],
          [headerCell(f.t('addedThemes')), headerCell(f.t('evidence'))],
          r.addedThemes.map((t): TextNode[] => [{ text: t.label, bold: true }, { text: `”${t.evidence}”`, italics: true }]),
        )
      : none(),
    h2(f.t('removedThemes')),
    r.removedThemes.length > 0
      ? dataTable(
          [150, '*'],
          [headerCell(f.t('removedThemes')), headerCell(f.t('evidence'))],
          r.removedThemes.map((t): TextNode[] => [{ text: t.label, bold: true }, { text: `”${t.evidence}”`, italics: true }]),
        )
      : none(),
    h2(f.t('renamedPartners')),
    r.renamedPartners.length > 0
      ? dataTable(
          ['*', '*'],
          [headerCell(f.t('before')), headerCell(f.t('after'))],
          r.renamedPartners.map((p): TextNode[] => [{ text: p.before }, { text: p.after }]),
        )
      : none(),
    h2(f.t('rdBaseline')),
    // A table, not an arrow: Roboto has no → glyph.
    dataTable(
      [120, 120, '*'],
      [headerCell(f.t('before')), headerCell(f.t('after')), headerCell(f.t('change'))],
      [
        [
          num(pctOfGdp(r.rdBaselinePercent.before), { alignment: 'left', fontSize: 11 }),
          num(pctOfGdp(r.rdBaselinePercent.after), { alignment: 'left', fontSize: 11, bold: true }),
          num(f.pp(r.rdBaselinePercent.after - r.rdBaselinePercent.before), { alignment: 'left', fontSize: 11 }),
        ],
      ],
      9,
    ),
    h2(f.t('addedKpis')),
    r.addedKpis.length > 0 ? { ul: r.addedKpis.map((id) => kpiName(model, id)), fontSize: 8.5 } : none(),
    h2(f.t('removedKpis')),
    r.removedKpis.length > 0 ? { ul: r.removedKpis.map((id) => kpiName(model, id)), fontSize: 8.5 } : none(),
  ];
}


/** Change since the previous report: target statuses, KPI values, funding figures. */
export function delta(model: ReportModel, f: Fmt): Content[] {
  const d = model.delta;
  if (!d) return [];
  const statusRows = Object.entries(d.targets).map(([id, s]): TextNode[] => [
    { text: id, bold: s.changed, noWrap: true },
    s.previous === null ? { text: '–' } : statusCell(s.previous, f.lang, 7.5),
    statusCell(s.current, f.lang, 7.5),
    { text: s.changed ? f.t('changedYes') : f.t('changedNo'), bold: s.changed },
  ]);
  const kpiRows = Object.entries(d.kpis).map(([id, c]): TextNode[] => {
    const unit = model.kpis[id]?.unit ?? '';
    return [
      { text: kpiName(model, id) },
      num(c.previous === null ? '–' : `${f.qty(c.previous)} ${unit}`),
      num(c.current === null ? '–' : `${f.qty(c.current)} ${unit}`),
      num(formatChange(c.change, (v) => f.qty(v)), { bold: c.change !== null && c.change !== 0 }),
    ];
  });
  const fundingRows = Object.entries(d.funding).map(([key, c]): TextNode[] => {
    const isShare = key === 'euStateShare';
    const name = fundingFigureName(key, f.lang);
    const fmt = (v: number | null) => (v === null ? '–' : isShare ? f.pct(v) : f.eur(v));
    return [
      { text: name },
      num(fmt(c.previous)),
      num(fmt(c.current)),
      num(isShare ? (c.change === null ? '–' : f.pp(c.change * 100)) : formatChange(c.change, (v) => f.eur(v)), {
        bold: c.change !== null && c.change !== 0,
      }),
    ];
  });
  return [
    h1(f.t('delta')),
    para(`${f.t('previousAsOf')}: ${f.date(d.previousAsOf)}`, { fontSize: 9 }),
    h2(f.t('statusChanges')),
    dataTable(
      [56, 80, 80, '*'],
      [headerCell(f.t('target')), headerCell(f.t('previous')), headerCell(f.t('current')), headerCell(f.t('change'))],
      statusRows,
      7.5,
    ),
    h2(f.t('kpiChanges')),
    dataTable(
      ['*', 80, 80, 64],
      [headerCell(f.t('kpi')), headerCell(f.t('previous'), true), headerCell(f.t('current'), true), headerCell(f.t('change'), true)],
      kpiRows,
      7.5,
    ),
    h2(f.t('fundingChanges')),
    dataTable(
      ['*', 88, 88, 80],
      [headerCell(f.t('funding')), headerCell(f.t('previous'), true), headerCell(f.t('current'), true), headerCell(f.t('change'), true)],
      fundingRows,
      7.5,
    ),
  ];
}

/** Rows read, used and rejected per file; the rejected rows (the first 200) with where they are and why; the warnings. */
export function dataQuality(model: ReportModel, f: Fmt): Content[] {
  const rejectedShown = rejectedRowsShown(model, f.lang, (n) => f.qty(n));
  const files = Object.entries(model.inputs);
  const totals = files.reduce(
    (a, [, c]) => ({ read: a.read + c.rowsRead, used: a.used + c.rowsUsed, rejected: a.rejected + c.rowsRejected }),
    { read: 0, used: 0, rejected: 0 },
  );
  const count = (n: number) => f.qty(n);
  return [
    h1(f.t('dataQuality')),
    para(f.t('dataQualityIntro'), { fontSize: 9 }),
    h2(f.t('inputFiles')),
    dataTable(
      ['*', 70, 70, 70],
      [headerCell(f.t('file')), headerCell(f.t('rowsRead'), true), headerCell(f.t('rowsUsed'), true), headerCell(f.t('rowsRejected'), true)],
      [
        ...files.map(([file, c]): TextNode[] => [{ text: file }, num(count(c.rowsRead)), num(count(c.rowsUsed)), num(count(c.rowsRejected))]),
        [
          { text: f.t('total'), bold: true },
          num(count(totals.read), { bold: true }),
          num(count(totals.used), { bold: true }),
          num(count(totals.rejected), { bold: true }),
        ],
      ],
      8,
    ),
    h2(`${f.t('rejectedRows')} (${count(model.rejectedTotal)})`),
    ...(rejectedShown.note === null ? [] : [para(rejectedShown.note, { fontSize: 8.5 })]),
    model.rejected.length > 0
      ? dataTable(
          [74, 30, 66, '*', 90],
          [
            headerCell(f.t('file')),
            headerCell(f.t('line'), true),
            headerCell(f.t('column')),
            headerCell(f.t('reason')),
            headerCell(f.t('code')),
          ],
          rejectedShown.rows.map((r): TextNode[] => [
            { text: r.file },
            num(String(r.line)),
            { text: r.column },
            { text: r.reason },
            { text: r.code, fontSize: 6.5, color: '#555555' },
          ]),
          7,
        )
      : para(f.t('noRejected'), { fontSize: 8.5 }),
    h2(`${f.t('warnings')} (${count(model.warningsTotal)})`),
    model.warnings.length > 0
      ? dataTable(
          [74, 30, 66, '*', 90],
          [
            headerCell(f.t('file')),
            headerCell(f.t('line'), true),
            headerCell(f.t('column')),
            headerCell(f.t('message')),
            headerCell(f.t('code')),
          ],
          model.warnings.map((w): TextNode[] => [
            { text: w.file },
            num(w.line === null ? '–' : String(w.line)),
            { text: w.column ?? '–' },
            { text: w.message },
            { text: w.code, fontSize: 6.5, color: '#555555' },
          ]),
          7,
        )
      : para(f.t('noWarnings'), { fontSize: 8.5 }),
  ];
}
