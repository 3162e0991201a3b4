// The one phrasebook: every sentence a user reads, fi and en side by side, one file per domain.
export { describeEuraNotice, describeEuraRowProblem, describeXlsxProblem, EURA_PHRASES } from './eura.ts';
export type { EuraNotice, EuraNoticeCode, EuraPhrases, EuraRowProblem, EuraRowProblemCode, XlsxProblem, XlsxProblemCode, ZipDamage } from './eura.ts';
