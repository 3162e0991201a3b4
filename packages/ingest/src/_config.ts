// The options of a reading, checked once (zod) and turned into a frozen read configuration: what to
// check the rows against, in which language to say it, and how the reading may use threads. It never
// changes while the files are read; the rows accepted so far are apart (`_accepted.ts`).

import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { Agreement, IngestPhrases, InputFile, Language, Observation, Rejection } from '@ekoraportti/core';
import { agreementSchema, INGEST_PHRASES, isoDateSchema, KpiTally, languageSchema } from '@ekoraportti/core';

export interface ReadOptions {
  /** Agreement version the data is checked against: measure, target and KPI ids must exist in it. */
  agreement: Agreement;
  /** ISO date; only used for the "dated after the as-of date" warnings. */
  asOf: string;
  /** Language of rejection reasons, warnings and IngestError messages. */
  lang: Language;
  /**
   * Accepted indicators.csv rows are streamed here in file order, not collected, so a million rows keep
   * memory flat. Given this, indicators.csv is always read whole on this thread.
   */
  onObservation?: (o: Observation) => void;
  /**
   * Accepted indicators.csv rows are folded into this tally. Without `onObservation`, a large
   * indicators.csv is then read in parts on worker threads and their tallies merged into this one:
   * the same figures, sooner.
   */
  kpiTally?: KpiTally;
  /** Every rejected row, in file and line order, as it is found (for rejected.csv). */
  onRejected?: (r: Rejection) => void;
  /** How many rejected rows, and how many per-row warnings, the result lists (the first ones). Default: all. */
  keep?: number;
  /**
   * Threads that may read indicators.csv in parts (this one included): default the processors this
   * process may use, at most 4. 1 reads it whole on this thread.
   */
  threads?: number;
  /** The smallest part worth a thread of its own, in bytes (default 8 MiB). */
  minPartBytes?: number;
  /**
   * The module a thread reading a part of indicators.csv runs. Default: this package's source entry,
   * which loads the TypeScript through tsx; a bundle passes its own (the CLI's `ingest-worker.mjs`).
   */
  partWorker?: URL;
  /** Called every 50 000 rows and at the end of each file (`done`, once the file's rows are all counted). */
  onProgress?: (e: ReadProgress) => void;
  /**
   * KPI ids indicators.csv may name. Default: the agreement version's own. The runner passes the KPIs of
   * every version, so one data folder serves both: a KPI of the other version is a valid row, not counted.
   */
  knownKpis?: ReadonlySet<string>;
}

/** Where reading stands: the file, its rows and bytes read so far, and whether it is finished. */
export interface ReadProgress {
  file: InputFile;
  rows: number;
  bytes: number;
  done: boolean;
}

/** A value this many times a KPI's threshold is likely in the wrong unit (euros in an M€ column). */
export const IMPLAUSIBLE_FACTOR = 1000;

const DEFAULT_MIN_PART_BYTES = 8 * 1024 * 1024;
const MAX_THREADS = 4;
const fn = <T>() => z.custom<T>((v) => typeof v === 'function', 'expected a function');

const optionsSchema = z.object({
  agreement: agreementSchema,
  asOf: isoDateSchema,
  lang: languageSchema,
  onObservation: fn<(o: Observation) => void>().optional(),
  kpiTally: z.instanceof(KpiTally).optional(),
  onRejected: fn<(r: Rejection) => void>().optional(),
  keep: z.number().int().nonnegative().optional(),
  threads: z.number().int().min(1).optional(),
  minPartBytes: z.number().int().min(1).optional(),
  partWorker: z.instanceof(URL).optional(),
  onProgress: fn<(e: ReadProgress) => void>().optional(),
  knownKpis: z.custom<ReadonlySet<string>>((v) => v instanceof Set, 'expected a Set').optional(),
});

/** A reading's settings, decided once from the options. */
export interface ReadConfig {
  readonly agreement: Agreement;
  readonly asOf: string;
  readonly lang: Language;
  readonly m: IngestPhrases;
  /** Every KPI id indicators.csv may name → the value above which an observation is implausible. */
  readonly kpiLimits: ReadonlyMap<string, number>;
  readonly onObservation: (o: Observation) => void;
  readonly kpiTally: KpiTally | null;
  readonly onRejected: ((r: Rejection) => void) | null;
  readonly keep: number;
  /** Threads for a large indicators.csv; 1 when observations are streamed (they must arrive in order). */
  readonly threads: number;
  readonly minPartBytes: number;
  readonly partWorker: URL;
  readonly onProgress: ((e: ReadProgress) => void) | null;
}

/** Checks the options (a programming error throws a ZodError) and freezes the configuration. */
export function readConfig(options: ReadOptions): ReadConfig {
  const o = optionsSchema.parse(options);
  const thresholds = new Map(o.agreement.kpis.map((k) => [k.id, k.threshold * IMPLAUSIBLE_FACTOR]));
  const known = o.knownKpis ?? new Set(o.agreement.kpis.map((k) => k.id));
  // KPIs of another version have no threshold here, so no value of theirs is implausible.
  const kpiLimits = new Map([...known].map((id) => [id, thresholds.get(id) ?? Number.POSITIVE_INFINITY]));
  return Object.freeze({
    agreement: o.agreement,
    asOf: o.asOf,
    lang: o.lang,
    m: INGEST_PHRASES[o.lang],
    kpiLimits,
    onObservation: observationSink(o.onObservation, o.kpiTally),
    kpiTally: o.kpiTally ?? null,
    onRejected: o.onRejected ?? null,
    keep: o.keep ?? Number.POSITIVE_INFINITY,
    threads: o.onObservation ? 1 : Math.min(o.threads ?? availableParallelism(), MAX_THREADS),
    minPartBytes: o.minPartBytes ?? DEFAULT_MIN_PART_BYTES,
    partWorker: o.partWorker ?? new URL('./parts/_worker-source.mjs', import.meta.url),
    onProgress: o.onProgress ?? null,
  });
}

function observationSink(onObservation: ((o: Observation) => void) | undefined, tally: KpiTally | undefined): (o: Observation) => void {
  if (onObservation && tally) {
    return (o) => {
      tally.add(o);
      onObservation(o);
    };
  }
  if (tally) return (o) => tally.add(o);
  return onObservation ?? (() => {});
}
