import { FUNDING_SOURCES, fundingFigureName, fundingSourceName, fundingSourceShortName, type ReportModel } from '@ekoraportti/core';
import { barChart, splitChart, stackedColumnChart } from './_charts.ts';
import { euraFacts, euraFundingBlock } from './_eura.ts';
import { chartFigure, cols, fact, figure, heading, measureTitles, numCols, provenanceView, row, table, text, type Words } from './_parts.ts';
import type { Fact, FundingView } from './_view.ts';

/**
 * The agreement's funding in five figures: EU and state, local, their total, private, planned; and,
 * with an EURA export, its decided and realised money and the realisation rate.
 */
export function fundingFigures(f: ReportModel['funding'], w: Words): Fact[] {
  return [
    fact(w.t('euState'), w.euro(f.euState)),
    fact(w.t('local'), w.euro(f.local)),
    fact(fundingFigureName('total', w.lang), w.euro(f.total)),
    fact(w.t('private'), w.euro(f.private)),
    fact(w.t('planned'), w.euro(f.planned)),
    ...(f.eura ? euraFacts(f.eura, w) : []),
  ];
}

/** Funding by source, by year and by measure entity, and the 40/60 split against the indicative share. */
export function fundingView(model: ReportModel, w: Words): FundingView {
  const f = model.funding;
  // Shares of everything counted, private included: the sources add up to 100 %.
  const counted = f.euState + f.local + f.private;
  const share = (amount: number) => (counted > 0 ? w.percent(amount / counted) : '–');
  const paid = FUNDING_SOURCES.filter((s) => f.bySource[s] > 0);
  // The EURA projects' decided money, beside funding.csv's sources: the sources and it add up to the total.
  const eura = f.eura === null ? [] : [{ label: w.t('euraDecided'), short: 'EURA', amount: f.eura.decided.total, planned: f.eura.planned, provenance: f.eura.provenance }];
  const years = Object.keys(f.byYear).sort();
  const byYear = years.map((y) => ({ year: y, ...(f.byYear[y] ?? { euState: 0, local: 0, private: 0 }) }));
  const series = [w.t('euState'), w.t('local'), w.t('private')] as const;
  const titles = measureTitles(model);
  const localShare = w.rest(f.euStateShare);
  const deviation = w.ppBetween(f.euStateShare, f.indicativeEuStateShare);
  return {
    kind: 'funding',
    heading: heading(2, w.t('funding'), 'funding', true),
    note: w.t('fundingCountedNote'),
    figures: fundingFigures(f, w),
    bySource: {
      heading: heading(3, w.t('fundingBySource')),
      table: table(
        w.t('fundingBySource'),
        [...cols(w, 'source'), ...numCols(w, 'amount', 'share', 'planned')],
        [
          ...FUNDING_SOURCES.map((s) =>
            row(
              [text(fundingSourceName(s, w.lang)), figure(w.euro(f.bySource[s])), figure(share(f.bySource[s])), figure(w.euro(f.plannedBySource[s]))],
              provenanceView(f.provenance.bySource[s] ?? {}, w.lang),
            ),
          ),
          ...eura.map((e) => row([text(e.label), figure(w.euro(e.amount)), figure(share(e.amount)), figure(w.euro(e.planned))], provenanceView(e.provenance, w.lang))),
        ],
        {
          total: row([text(w.t('total')), figure(w.euro(counted)), figure(share(counted)), figure(w.euro(f.planned))]),
          provenance: true,
        },
      ),
      chart:
        paid.length + eura.length === 0
          ? null
          : chartFigure(
              barChart({
                bars: [
                  ...paid.map((s) => ({ label: fundingSourceShortName(s, w.lang), value: f.bySource[s], valueText: w.euro(f.bySource[s]) })),
                  ...eura.filter((e) => e.amount > 0).map((e) => ({ label: e.short, value: e.amount, valueText: w.euro(e.amount) })),
                ],
                labelWidth: 90,
                width: 495,
                description: `${w.t('fundingBySource')}: ${[...paid.map((s) => `${fundingSourceName(s, w.lang)} ${w.euro(f.bySource[s])}`), ...eura.map((e) => `${e.label} ${w.euro(e.amount)}`)].join('; ')}`,
              }),
            ),
    },
    byYear: {
      heading: heading(3, w.t('fundingByYear')),
      table: table(
        w.t('fundingByYear'),
        [...cols(w, 'year'), ...numCols(w, 'euState', 'local', 'private', 'total')],
        byYear.map((y) =>
          row([text(y.year), figure(w.euro(y.euState)), figure(w.euro(y.local)), figure(w.euro(y.private)), figure(w.euro(y.euState + y.local + y.private))]),
        ),
        { empty: w.t('none') },
      ),
      note: f.eura === null ? null : `${w.t('euraNotByYear')} ${w.euro(f.eura.decided.total)}.`,
      chart:
        byYear.length === 0
          ? null
          : chartFigure(
              stackedColumnChart({
                columns: byYear.map((y) => ({ label: y.year, values: [y.euState, y.local, y.private] })),
                series: series.map((label) => ({ label })),
                formatAxis: w.euro0,
                width: 495,
                height: 200,
                description:
                  `${w.t('fundingByYear')}: ` +
                  byYear
                    .map((y) => `${y.year}: ${series[0]} ${w.euro(y.euState)}, ${series[1]} ${w.euro(y.local)}, ${series[2]} ${w.euro(y.private)}`)
                    .join('; '),
              }),
            ),
    },
    byMeasure: {
      heading: heading(3, w.t('fundingByMeasure')),
      table: table(
        w.t('fundingByMeasure'),
        [...cols(w, 'measureColumn'), ...numCols(w, 'euState', 'local', 'total', 'euStateShare', 'private', 'planned')],
        Object.entries(f.byMeasure).map(([id, t]) =>
          row([
            text(`${id} ${titles.get(id) ?? ''}`.trim()),
            figure(w.euro(t.euState)),
            figure(w.euro(t.local)),
            figure(w.euro(t.total)),
            figure(w.percent(t.euStateShare)),
            figure(w.euro(t.private)),
            figure(w.euro(t.planned)),
          ]),
        ),
      ),
    },
    split: {
      heading: heading(3, w.t('fundingSplit')),
      rule: w.t('fundingRule'),
      chart: chartFigure(
        splitChart({
          share: f.euStateShare,
          indicative: f.indicativeEuStateShare,
          leftText: `${w.t('euState')} ${w.percent(f.euStateShare)}`,
          rightText: `${w.t('local')} ${w.percent(localShare)}`,
          indicativeText: `${w.t('indicativeShare')} ${w.percent(f.indicativeEuStateShare)}`,
          width: 495,
          description:
            `${w.t('fundingSplit')}: ${w.t('euState')} ${w.percent(f.euStateShare)}, ${w.t('local')} ${w.percent(localShare)}; ` +
            `${w.t('indicativeShare').toLowerCase()} ${w.percent(f.indicativeEuStateShare)}, ${w.t('deviation').toLowerCase()} ${deviation}`,
        }),
      ),
      facts: [
        fact(w.t('euStateShare'), w.percent(f.euStateShare)),
        fact(w.t('indicativeShare'), w.percent(f.indicativeEuStateShare)),
        fact(w.t('deviation'), deviation),
      ],
    },
    eura: euraFundingBlock(model, w),
  };
}
