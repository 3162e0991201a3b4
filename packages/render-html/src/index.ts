export { buildHtmlView, PROVENANCE_RANGE_LIMIT, provenanceView, statusBadge } from './_view.ts';
export type {
  AreaSection,
  AssessmentView,
  ChartView,
  DataQualitySection,
  DeltaRow,
  DeltaSection,
  FundingSection,
  FundingTotalsView,
  HtmlView,
  KpiView,
  MeasureView,
  ProjectsSection,
  ProjectView,
  ProvenanceView,
  RevisionSection,
  SectionView,
  StatusBadge,
  SummarySection,
  TargetView,
} from './_view.ts';
export { renderHtml } from './_render.ts';
export type { HtmlTemplates } from './_render.ts';
export { DEFAULT_TEMPLATES_DIR, loadTemplates } from './_load.ts';
export { HTML_HELPERS } from './_helpers.ts';
export type { HtmlHelperName } from './_helpers.ts';
