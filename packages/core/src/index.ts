export {
  agreementSchema,
  agreementVersionSchema,
  FUNDING_CATEGORY,
  fundingCategorySchema,
  fundingSourceSchema,
  isoDateProblem,
  isoDateSchema,
  kpiKindSchema,
  kpiSchema,
  languageSchema,
  localizedTextSchema,
  measureSchema,
  priorityAreaSchema,
  targetSchema,
  themeSchema,
} from './_agreement.ts';
export { isCalendarDate } from './_calendar.ts';
export type {
  Agreement,
  AgreementVersion,
  FundingCategory,
  Kpi,
  KpiKind,
  Language,
  LocalizedText,
  Measure,
  PriorityArea,
  Target,
  Theme,
} from './_agreement.ts';
export {
  assessmentSchema,
  assessmentStatusSchema,
  DATA_ISSUES_KEPT,
  dataAlertCodeSchema,
  euraCentsSchema,
  euraFundSchema,
  euraInputSchema,
  euraProjectMoneySchema,
  dataAlertSchema,
  dataWarningSchema,
  fundingRowSchema,
  inputCountsSchema,
  rowsLeftOutAll,
  observationSchema,
  projectSchema,
  projectStatusSchema,
  rejectionCodeSchema,
  rejectionCountsSchema,
  rejectionSchema,
  ROWS_NOT_READ_ALERT,
  warningCodeSchema,
  warningCountsSchema,
} from './_input.ts';
export type {
  Assessment,
  DataAlert,
  DataAlertCode,
  DataWarning,
  EuraCents,
  EuraFund,
  EuraInput,
  EuraProjectMoney,
  FundingRow,
  InputCounts,
  Observation,
  Project,
  Rejection,
  RejectionCode,
  RejectionCounts,
  WarningCode,
  WarningCounts,
} from './_input.ts';
export {
  assessmentResultSchema,
  euraFundingSchema,
  euraMoneySchema,
  euraProjectResultSchema,
  euraTotalsSchema,
  fundingTotalsSchema,
  kpiResultSchema,
  kpiSeriesPointSchema,
  measureResultSchema,
  priorityAreaResultSchema,
  projectSummarySchema,
  provenanceSchema,
  reportDeltaSchema,
  reportModelSchema,
  revisionDiffSchema,
  sectionSchema,
  targetResultSchema,
  targetStatusSchema,
} from './_model.ts';
export type {
  AssessmentResult,
  EuraFunding,
  EuraMoney,
  EuraProjectResult,
  EuraTotals,
  FundingTotals,
  KpiResult,
  KpiSeriesPoint,
  MeasureResult,
  NumberChange,
  PriorityAreaResult,
  ProjectSummary,
  Provenance,
  ReportDelta,
  ReportModel,
  RevisionDiff,
  TargetResult,
} from './_model.ts';
export { computeReport, HISTORY_LIMIT } from './_compute.ts';
export { targetDeadlines } from './_kpi-results.ts';
export type { ReportInput, ReportRequest } from './_compute.ts';
export { computeDelta } from './_delta.ts';
export { RowBuilder } from './_builders.ts';
export type { BuildOptions } from './_builders.ts';
export { HOSTILE_TEXT, sampleReport } from './_samples.ts';
export type { SampleOptions } from './_samples.ts';
export {
  formatDate,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  PERCENT_DECIMALS,
  shownValue,
  unitAfter,
} from './_format.ts';
export type { FormatOptions, KpiUnits, Spacing } from './_format.ts';
export { KpiTally, tallyObservations } from './_kpi.ts';
export type { KpiFigures, KpiTallyConfig, KpiTallyEntry, KpiTallyState, LatestObservation } from './_kpi.ts';
export { countProvenanceLines, LineSet, sheetSourceKey, sourceName } from './_provenance.ts';
export type { LineSetState } from './_provenance.ts';
export { assessmentStatus, kpiStatus, targetStatus } from './_status.ts';
export { agreement2021 } from './_agreement-2021.ts';
export { agreement2025 } from './_agreement-2025.ts';
export { AGREEMENT_VERSIONS, getAgreement } from './_agreements.ts';
export { diffAgreements } from './_revision.ts';
export { FUNDING_SOURCES, INPUT_FILES, PROJECT_STATUSES, SECTIONS, TARGET_STATUSES } from './_vocabulary.ts';
export type { AssessmentStatus, FundingSource, InputFile, ProjectStatus, Section, TargetStatus } from './_vocabulary.ts';
export {
  agreementVersionText,
  fundingFigureName,
  fundingSourceName,
  fundingSourceShortName,
  PROJECT_STATUS_LABELS,
  projectStatusLabel,
  REPORT_WORDS,
  reportWord,
  STATUS_LABELS,
  statusLabel,
} from './phrasebook/index.ts';
export type { ReportWord } from './phrasebook/index.ts';
export { freshnessPhrases } from './phrasebook/index.ts';
export type { DataFile, FreshnessPhrases, TrendFacts } from './phrasebook/index.ts';
export { describeEuraNotice, describeEuraRowProblem, describeXlsxProblem, EURA_PHRASES } from './phrasebook/index.ts';
export type { EuraNotice, EuraNoticeCode, EuraPhrases, EuraRowProblem, EuraRowProblemCode, XlsxProblem, XlsxProblemCode, ZipDamage } from './phrasebook/index.ts';
export {
  CLI_PHRASES,
  describeProblem,
  describeProgress,
  MAIL_PHRASES,
  renderDataGuide,
  renderUsageText,
} from './phrasebook/index.ts';
export type {
  CliProblem,
  OutFolderReports,
  CliProblemCode,
  CliProgress,
  DataOrigin,
  FieldProblem,
  GuideFacts,
  MailWords,
  RowRef,
  UsagePipeline,
} from './phrasebook/index.ts';
export { codePointLabel, EXAMPLE_MARKS, hasHidden, INGEST_PHRASES, quoted, SHEET_PHRASES, showValue, withoutHidden } from './phrasebook/index.ts';
export type { DateProblem, HiddenKind, IngestPhrases, NearMiss, NumberProblem, SameKey } from './phrasebook/index.ts';
