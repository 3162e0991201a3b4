// The account of one file, or of one part of a file read on another thread: how many rows were read,
// used, rejected and not read; the rejected rows (streamed on as they are found, the first ones kept);
// the warnings; the summed-up notes; the spans of lines runaway quotes swallowed; and the hashes of the
// rows used, to find repeated ones. Every record read is counted once, as used or rejected.

import type {
  DataWarning,
  IngestPhrases,
  InputCounts,
  InputFile,
  Rejection,
  RejectionCode,
  RejectionCounts,
  SameKey,
  WarningCode,
  WarningCounts,
} from '@ekoraportti/core';
import type { RowHashesState } from './_duplicates.ts';
import { RowHashes } from './_duplicates.ts';
import type { Note } from './_notes.ts';
import { FileNotes } from './_notes.ts';

/**
 * A rejection or warning whose words name other lines of the same file. A part counts its lines from
 * 1, so these are phrased again once the part's place in the file is known.
 */
export type Lined =
  | { code: 'E_DUPLICATE_ROW'; firstLine: number }
  | { code: 'E_RUNAWAY_QUOTE'; column: string; start: number; end: number; notRead: number }
  | { code: 'W_SAME_KEY'; key: SameKey; firstLine: number };

/** The words of a lined issue, its lines moved by `offset`. */
function phraseLined(m: IngestPhrases, x: Lined, offset: number): string {
  switch (x.code) {
    case 'E_DUPLICATE_ROW':
      return m.duplicateRow(x.firstLine + offset);
    case 'E_RUNAWAY_QUOTE':
      return m.runawayQuote(x.column, x.start + offset, x.end + offset, x.notRead);
    case 'W_SAME_KEY':
      return m.sameKey(x.key, x.firstLine + offset);
  }
}

/** A span of lines a runaway quote swallowed, and how many rows in it were not read. */
export interface NotRead {
  from: number;
  to: number;
  count: number;
}

/** An account as plain data, for a part read on another thread to send back. */
export interface AccountState {
  counts: InputCounts;
  rejected: Rejection[];
  rejectedByCode: RejectionCounts;
  warnings: DataWarning[];
  warningsByCode: WarningCounts;
  lined: { rejected: [index: number, lined: Lined][]; warnings: [index: number, lined: Lined][] };
  notes: Note[];
  notRead: NotRead[];
  hashes: RowHashesState;
}

/** Where the rejected rows go besides the account: streamed on, and how many are kept. */
export interface RejectedSink {
  /** Every rejected row, in file and line order, as it is found. */
  onRejected?: (r: Rejection) => void;
  /** How many rejected rows and per-row warnings the account keeps (the first ones). */
  keep: number;
  /** Called when a rejected row is not kept (a part that cannot keep them all gives up). */
  onOverflow?: () => void;
}

const bump = <C extends string>(counts: Partial<Record<C, number>>, code: C, by = 1): void => {
  counts[code] = (counts[code] ?? 0) + by;
};

export class FileAccount {
  readonly counts: InputCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, rowsNotRead: 0 };
  readonly rejected: Rejection[] = [];
  readonly rejectedByCode: RejectionCounts = {};
  readonly warnings: DataWarning[] = [];
  readonly warningsByCode: WarningCounts = {};
  readonly notes = new FileNotes();
  readonly notRead: NotRead[] = [];
  readonly hashes: RowHashes;
  readonly #lined: AccountState['lined'] = { rejected: [], warnings: [] };

  /** `bytes`: the size of what will be read, to size the table of row hashes. */
  constructor(
    readonly file: InputFile,
    readonly m: IngestPhrases,
    readonly sink: RejectedSink,
    bytes = 0,
  ) {
    this.hashes = new RowHashes(bytes);
  }

  /** A record read and rejected. */
  reject(line: number, column: string, code: RejectionCode, reason: string): void {
    this.counts.rowsRead++;
    this.counts.rowsRejected++;
    this.#rejection({ file: this.file, line, column, reason, code });
  }

  /** A record read and rejected for a reason that names other lines of the file. */
  rejectLined(line: number, column: string, lined: Extract<Lined, { code: `E_${string}` }>): void {
    if (this.rejected.length < this.sink.keep) this.#lined.rejected.push([this.rejected.length, lined]);
    this.reject(line, column, lined.code, phraseLined(this.m, lined, 0));
  }

  /** A record read and used. */
  use(): void {
    this.counts.rowsRead++;
    this.counts.rowsUsed++;
  }

  /** A record counted as used that is rejected after all (a projects.csv row left to an EURA export that lacks it); `reject` counts it again. */
  unuse(): void {
    this.counts.rowsRead--;
    this.counts.rowsUsed--;
  }

  warn(w: DataWarning): void {
    bump(this.warningsByCode, w.code);
    if (this.warnings.length < this.sink.keep) this.warnings.push(w);
  }

  warnLined(line: number, column: string, lined: Extract<Lined, { code: `W_${string}` }>): void {
    if (this.warnings.length < this.sink.keep) this.#lined.warnings.push([this.warnings.length, lined]);
    this.warn({ file: this.file, line, column, message: phraseLined(this.m, lined, 0), code: lined.code });
  }

  /** Rows a runaway quote swallowed: never records, so not read. */
  lose(span: NotRead): void {
    this.counts.rowsNotRead += span.count;
    this.notRead.push(span);
  }

  toState(): AccountState {
    return {
      counts: this.counts,
      rejected: this.rejected,
      rejectedByCode: this.rejectedByCode,
      warnings: this.warnings,
      warningsByCode: this.warningsByCode,
      lined: this.#lined,
      notes: this.notes.toState(),
      notRead: this.notRead,
      hashes: this.hashes.toState(),
    };
  }

  /**
   * Adds the account of a part whose lines are `offset` lines further down the file (parts are merged
   * in file order, once their row hashes show that no key is shared between parts).
   */
  mergePart(part: AccountState, offset: number): void {
    for (const k of ['rowsRead', 'rowsUsed', 'rowsRejected', 'rowsNotRead'] as const) this.counts[k] += part.counts[k];
    const linedRejected = new Map(part.lined.rejected);
    part.rejected.forEach((r, i) => {
      const lined = linedRejected.get(i);
      this.#rejection({ ...r, line: r.line + offset, reason: lined ? phraseLined(this.m, lined, offset) : r.reason });
    });
    const linedWarnings = new Map(part.lined.warnings);
    part.warnings.forEach((w, i) => {
      const lined = linedWarnings.get(i);
      const moved = { ...w, line: w.line === null ? null : w.line + offset };
      if (this.warnings.length < this.sink.keep) this.warnings.push(lined ? { ...moved, message: phraseLined(this.m, lined, offset) } : moved);
    });
    for (const [code, n] of Object.entries(part.warningsByCode) as [WarningCode, number][]) bump(this.warningsByCode, code, n);
    this.notes.merge(part.notes, offset);
    for (const s of part.notRead) this.notRead.push({ from: s.from + offset, to: s.to + offset, count: s.count });
  }

  #rejection(r: Rejection): void {
    bump(this.rejectedByCode, r.code);
    this.sink.onRejected?.(r);
    if (this.rejected.length < this.sink.keep) this.rejected.push(r);
    else this.sink.onOverflow?.();
  }
}
