export { buildReportView } from './_report.ts';
export type {
  AreaView,
  AssessmentView,
  Badge,
  Cell,
  Column,
  CoverView,
  DataQualityView,
  DeltaView,
  Fact,
  FactsBlock,
  Figure,
  FundingView,
  Heading,
  Labels,
  ListBlock,
  MeasureView,
  ProjectsView,
  ProvenanceView,
  ReportView,
  RevisionView,
  Row,
  SectionView,
  SectionViewOf,
  SummaryView,
  Table,
  TableBlock,
  TargetView,
  TextBlock,
  TocEntry,
} from './_view.ts';
export { viewFigures } from './_figures.ts';
export { PROVENANCE_RANGE_LIMIT, provenanceView, STATUS_SYMBOLS } from './_parts.ts';
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
export { REJECTED_ROWS_SHOWN, rejectedRowsShown, warningsShown } from './_rejected.ts';
