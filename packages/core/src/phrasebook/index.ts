// The one phrasebook: every sentence a user reads, fi and en side by side, one file per domain.
export { describeEuraNotice, describeEuraRowProblem, describeXlsxProblem, EURA_PHRASES } from './eura.ts';
export type { EuraNotice, EuraNoticeCode, EuraPhrases, EuraRowProblem, EuraRowProblemCode, XlsxProblem, XlsxProblemCode, ZipDamage } from './eura.ts';
export { CLI_PHRASES, describeProblem, describeProgress } from './cli.ts';
export type { CheckWords, CliPhrases, CliProblem, CliProblemCode, CliProgress, DataOrigin, FieldProblem, InitWords, OutFolderReports, RowRef } from './cli.ts';
export { renderDataGuide, renderUsageText } from './cli-guide.ts';
export type { GuideFacts, UsagePipeline } from './cli-guide.ts';
export { MAIL_PHRASES } from './mail.ts';
export type { MailWords } from './mail.ts';
export {
  agreementVersionText,
  fundingFigureName,
  fundingSourceName,
  fundingSourceShortName,
  REPORT_WORDS,
  reportWord,
} from './report.ts';
export type { ReportWord } from './report.ts';
export {
  PROJECT_STATUS_LABELS,
  projectStatusLabel,
  STATUS_LABELS,
  statusLabel,
  whyPhrases,
} from './status.ts';
export type { KpiEvidence, WhyPhrases } from './status.ts';
export { freshnessPhrases } from './freshness.ts';
export type { DataFile, FreshnessPhrases, TrendFacts } from './freshness.ts';
export { EXAMPLE_MARKS, INGEST_PHRASES, SHEET_PHRASES } from './ingest.ts';
export type { DateProblem, IngestPhrases, NearMiss, NumberProblem, SameKey } from './ingest.ts';
export { codePointLabel, hasHidden, quoted, showValue, withoutHidden } from './_shown.ts';
export type { HiddenKind } from './_shown.ts';
