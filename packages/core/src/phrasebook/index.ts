// The one phrasebook: every sentence a user reads, fi and en side by side, one file per domain.
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
