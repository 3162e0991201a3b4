// The one phrasebook: every sentence a user reads, fi and en side by side, one file per domain.
export { INGEST_PHRASES } from './ingest.ts';
export type { DateProblem, IngestPhrases, NearMiss, NumberProblem, SameKey } from './ingest.ts';
export { codePointLabel, hasHidden, quoted, showValue, withoutHidden } from './_shown.ts';
export type { HiddenKind } from './_shown.ts';
