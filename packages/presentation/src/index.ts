export {
  formatDate,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  projectStatusLabel,
  statusLabel,
} from '@ekoraportti/core';
export type { FormatOptions, Spacing } from '@ekoraportti/core';
export {
  barChart,
  CHART_COLOURS,
  escapeXml,
  niceMax,
  progressChart,
  splitChart,
  stackedColumnChart,
} from './_charts.ts';
export type { BarChartInput, Chart, ProgressChartInput, SplitChartInput, StackedColumnInput } from './_charts.ts';
export { trendChart } from './_trend-chart.ts';
export type { TrendChartInput } from './_trend-chart.ts';
export { formatChange } from './_change.ts';
export { REJECTED_ROWS_SHOWN, rejectedRowsShown } from './_rejected.ts';
export { agreementVersionText, fundingFigureName, fundingSourceName, fundingSourceShortName, text } from './_text.ts';
export type { TextKey } from './_text.ts';
