import { FUNDING_SOURCES, type ReportModel } from '@ekoraportti/core';
import { barChart, fundingSourceName, fundingSourceShortName, splitChart, stackedColumnChart } from '@ekoraportti/presentation';
import { chart, dataTable, h1, h2, headerCell, num, para, small, type Fmt } from './_blocks.ts';
import type { Content, TextNode } from './_types.ts';

/** Funding by source, by year and by measure entity, and the 40/60 split against the indicative share. */
export function funding(model: ReportModel, f: Fmt): Content[] {
  const fund = model.funding;
  const counted = fund.euState + fund.local + fund.private;
  const bold = { bold: true } as const;

  // By source
  const sourceRows = FUNDING_SOURCES.map((s): TextNode[] => {
    const amount = fund.bySource[s] ?? 0;
    return [
      { text: fundingSourceName(s, f.lang) },
      num(f.eur(amount)),
      num(counted > 0 ? f.pct(amount / counted) : '–'),
      num(f.eur(fund.plannedBySource[s] ?? 0), { color: '#555555' }),
    ];
  });
  sourceRows.push([
    { text: f.t('total'), bold: true },
    num(f.eur(counted), bold),
    num(counted > 0 ? f.pct(1) : '–', bold),
    num(f.eur(fund.planned), { bold: true, color: '#555555' }),
  ]);
  const bars = FUNDING_SOURCES.filter((s) => (fund.bySource[s] ?? 0) > 0).map((s) => ({
    label: fundingSourceShortName(s, f.lang),
    value: fund.bySource[s] ?? 0,
    valueText: f.eur(fund.bySource[s] ?? 0),
  }));
  const sourceChart =
    bars.length > 0
      ? chart(
          barChart({
            bars,
            description: `${f.t('fundingBySource')}: ${bars.map((b) => `${b.label} ${b.valueText}`).join(', ')}`,
            width: 495,
            labelWidth: 90,
          }),
        )
      : null;

  // By year
  const years = Object.keys(fund.byYear);
  const yearRows = years.map((y): TextNode[] => {
    const c = fund.byYear[y] ?? { euState: 0, local: 0, private: 0 };
    return [
      { text: y },
      num(f.eur(c.euState)),
      num(f.eur(c.local)),
      num(f.eur(c.private)),
      num(f.eur(c.euState + c.local + c.private), bold),
    ];
  });
  const yearChart =
    years.length > 0
      ? chart(
          stackedColumnChart({
            columns: years.map((y) => {
              const c = fund.byYear[y] ?? { euState: 0, local: 0, private: 0 };
              return { label: y, values: [c.euState, c.local, c.private] };
            }),
            series: [{ label: f.t('euState') }, { label: f.t('local') }, { label: f.t('private') }],
            formatAxis: (v) => f.eur0(v),
            description: `${f.t('fundingByYear')}: ${years
              .map((y) => {
                const c = fund.byYear[y] ?? { euState: 0, local: 0, private: 0 };
                return `${y} ${f.eur(c.euState + c.local + c.private)}`;
              })
              .join(', ')}`,
            width: 495,
            height: 200,
          }),
        )
      : null;

  // By measure
  const titles = new Map<string, string>();
  for (const area of model.priorityAreas) for (const m of area.measures) titles.set(m.id, m.title);
  const measureRows = Object.entries(fund.byMeasure).map(([id, ft]): TextNode[] => [
    { text: [{ text: id, bold: true }, ` ${titles.get(id) ?? ''}`] },
    num(f.eur(ft.euState)),
    num(f.eur(ft.local)),
    num(f.eur(ft.private)),
    num(f.eur(ft.planned), { color: '#555555' }),
    num(f.pct(ft.euStateShare)),
  ]);

  // The split
  const share = fund.euStateShare;
  const split = chart(
    splitChart({
      share,
      indicative: fund.indicativeEuStateShare,
      leftText: `${f.t('euState')} ${f.pct(share)}`,
      rightText: `${f.t('local')} ${share === null ? '–' : f.pct(1 - share)}`,
      indicativeText: `${f.t('indicativeShare')} ${f.pct(fund.indicativeEuStateShare)}`,
      description: `${f.t('euStateShare')} ${f.pct(share)}; ${f.t('indicativeShare')} ${f.pct(fund.indicativeEuStateShare)}; ${f.t('deviation')} ${f.pp(fund.deviationPp)}`,
      width: 495,
    }),
  );

  return [
    h1(f.t('funding')),
    para(f.t('fundingCountedNote'), { fontSize: 9 }),
    h2(f.t('fundingBySource')),
    dataTable(
      ['*', 90, 48, 90],
      [headerCell(f.t('source')), headerCell(f.t('amount'), true), headerCell(f.t('share'), true), headerCell(f.t('planned'), true)],
      sourceRows,
      8,
    ),
    ...(sourceChart ? [sourceChart] : []),
    h2(f.t('fundingByYear')),
    years.length > 0
      ? dataTable(
          [40, '*', '*', '*', '*'],
          [
            headerCell(f.t('year')),
            headerCell(f.t('euState'), true),
            headerCell(f.t('local'), true),
            headerCell(f.t('private'), true),
            headerCell(f.t('total'), true),
          ],
          yearRows,
          8,
        )
      : para(f.t('none')),
    ...(yearChart ? [yearChart] : []),
    h2(f.t('fundingByMeasure')),
    dataTable(
      ['*', 70, 70, 62, 62, 38],
      [
        headerCell(f.t('measure')),
        headerCell(f.t('euState'), true),
        headerCell(f.t('local'), true),
        headerCell(f.t('private'), true),
        headerCell(f.t('planned'), true),
        headerCell(f.t('share'), true),
      ],
      measureRows,
      7.5,
    ),
    h2(f.t('fundingSplit')),
    split,
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [{ text: f.t('euStateShare') }, num(f.pct(share), bold)],
          [{ text: f.t('indicativeShare') }, num(f.pct(fund.indicativeEuStateShare))],
          [{ text: f.t('deviation') }, num(f.pp(fund.deviationPp), bold)],
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 4, 0, 6],
    },
    small(f.t('fundingRule')),
  ];
}
