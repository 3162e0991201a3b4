import { TARGET_STATUSES, type ReportModel, type TargetResult } from '@ekoraportti/core';
import { agreementVersionText } from '@ekoraportti/presentation';
import {
  dataTable,
  h1,
  headerCell,
  num,
  para,
  small,
  STATUS_STYLE,
  statusBadgeText,
  statusCell,
  TABLE_LAYOUT,
  type Fmt,
} from './_blocks.ts';
import type { Content, TableNode, TextNode } from './_types.ts';

/** Targets in the agreement's order (area → measure → 2023, 2027), then any the areas do not list. */
export function orderedTargets(model: ReportModel): Array<[string, TargetResult]> {
  const seen = new Set<string>();
  const out: Array<[string, TargetResult]> = [];
  for (const area of model.priorityAreas) {
    for (const m of area.measures) {
      for (const id of m.targets) {
        const t = model.targets[id];
        if (t && !seen.has(id)) {
          seen.add(id);
          out.push([id, t]);
        }
      }
    }
  }
  for (const [id, t] of Object.entries(model.targets)) if (!seen.has(id)) out.push([id, t]);
  return out;
}

export function measureTitles(model: ReportModel): Map<string, string> {
  const titles = new Map<string, string>();
  for (const area of model.priorityAreas) for (const m of area.measures) titles.set(m.id, m.title);
  return titles;
}

/** The cover: what this report is, as of when, against which agreement version; the example-data banner. */
export function cover(model: ReportModel, f: Fmt): Content[] {
  const banner: Content[] = model.report.exampleData
    ? [
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [
                    { text: f.t('exampleData').toUpperCase(), fontSize: 20, bold: true, alignment: 'center', characterSpacing: 1 },
                    { text: f.t('exampleDataNote'), fontSize: 10, alignment: 'center', margin: [0, 4, 0, 0] },
                  ],
                  fillColor: '#fff3cd',
                  margin: [8, 8, 8, 8],
                },
              ],
            ],
          },
          layout: {
            hLineWidth: () => 2,
            vLineWidth: () => 2,
            hLineColor: () => '#8a6d00',
            vLineColor: () => '#8a6d00',
          },
          margin: [0, 0, 0, 24],
        },
      ]
    : [];
  return [
    ...banner,
    { text: f.t('city'), fontSize: 12, color: '#555555', margin: [0, 0, 0, 4] },
    { text: model.agreement.title, fontSize: 22, bold: true, color: '#1d4f7c', margin: [0, 0, 0, 10] },
    { text: model.report.type, fontSize: 18, margin: [0, 0, 0, 18] },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          [{ text: f.t('asOf'), bold: true }, { text: f.date(model.asOf) }],
          [{ text: f.t('agreementVersion'), bold: true }, { text: agreementVersionText(model.agreement.version, f.lang) }],
          [{ text: f.t('parties'), bold: true }, { text: model.agreement.parties.join(', ') }],
          [{ text: f.t('periodEnd'), bold: true }, { text: f.date(model.agreement.periodEnd) }],
        ],
      },
      layout: 'noBorders',
      fontSize: 11,
      margin: [0, 0, 0, 10],
    },
    para(`${f.t('measuredAgainst')} ${agreementVersionText(model.agreement.version, f.lang)}.`, { fontSize: 11 }),
    small(f.t('generatedBy'), { margin: [0, 0, 0, 24] }),
    { toc: { title: { text: f.t('contents'), style: 'h2' }, textStyle: { fontSize: 10 }, numberStyle: { fontSize: 10 } } },
  ];
}

/** The one page a steering group reads first: every target's status and why, the headline funding figures. */
export function summary(model: ReportModel, f: Fmt): Content[] {
  const titles = measureTitles(model);
  const rows = orderedTargets(model).map(([id, t]): TextNode[] => [
    { text: id, bold: true, noWrap: true },
    { text: titles.get(t.measure) ?? t.measure },
    statusCell(t.status, f.lang),
    { text: t.why },
  ]);
  const targetTable = dataTable(
    [48, 120, 62, '*'],
    [headerCell(f.t('target')), headerCell(f.t('measure')), headerCell(f.t('status')), headerCell(f.t('why'))],
    rows,
    7.5,
  );

  const fund = model.funding;
  const fundingRows: TextNode[][] = [
    [{ text: f.t('euState') }, num(f.eur(fund.euState))],
    [{ text: f.t('local') }, num(f.eur(fund.local))],
    [{ text: `${f.t('total')} (${f.t('euState')} + ${f.t('local').toLowerCase()})`, bold: true }, num(f.eur(fund.total), { bold: true })],
    [{ text: f.t('private') }, num(f.eur(fund.private))],
    [{ text: f.t('planned') }, num(f.eur(fund.planned))],
    [{ text: f.t('euStateShare') }, num(f.pct(fund.euStateShare), { bold: true })],
    [{ text: f.t('indicativeShare') }, num(f.pct(fund.indicativeEuStateShare))],
    [{ text: f.t('deviation') }, num(f.pp(fund.deviationPp))],
  ];
  const fundingTable: TableNode = {
    table: { widths: ['*', 'auto'], body: fundingRows },
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
  };

  const countRows: TextNode[][] = TARGET_STATUSES.map((s) => [
    { text: statusBadgeText(s, f.lang), fillColor: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color, bold: true, noWrap: true },
    num(String(model.statusCounts[s] ?? 0)),
  ]);
  const countTable: TableNode = {
    table: { widths: ['*', 'auto'], body: countRows },
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
  };

  return [
    h1(f.t('summary')),
    small(f.t('summaryIntro'), { margin: [0, 0, 0, 4] }),
    targetTable,
    {
      columns: [
        { width: '*', stack: [{ text: f.t('funding'), style: 'h3' }, fundingTable] },
        { width: 150, stack: [{ text: f.t('statusCounts'), style: 'h3' }, countTable] },
      ],
      columnGap: 18,
    },
    small(f.t('fundingCountedNote'), { margin: [0, 6, 0, 0] }),
  ];
}
