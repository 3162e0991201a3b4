export { CLI_PHRASES, describeProblem, describeProgress } from './cli.ts';
export type { CheckWords, CliPhrases, CliProblem, CliProblemCode, CliProgress, DataOrigin, FieldProblem, InitWords, RowRef } from './cli.ts';
export { renderDataGuide, renderUsageText } from './cli-guide.ts';
export type { GuideFacts, UsagePipeline } from './cli-guide.ts';
export { MAIL_PHRASES } from './mail.ts';
export type { MailWords } from './mail.ts';
