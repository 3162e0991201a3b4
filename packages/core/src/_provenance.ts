import type { Provenance } from './_model.ts';

/**
 * A LineSet as plain, structured-cloneable data: per file, its ranges as [start, end, start, end, …] in a
 * Float64Array (cloned between threads as one block of memory, not number by number).
 */
export interface LineSetState {
  ranges: [file: string, ranges: Float64Array][];
  sorted: boolean;
}

/** One file's ranges: the first `length` numbers of `data`, which grows by doubling. */
interface Ranges {
  data: Float64Array;
  length: number;
}

const rangesOf = (data: Float64Array): Ranges => ({ data, length: data.length });

/** Room for `extra` more numbers. */
function reserve(r: Ranges, extra: number): void {
  if (r.length + extra <= r.data.length) return;
  const grown = new Float64Array(Math.max(8, r.data.length * 2, r.length + extra));
  grown.set(r.data.subarray(0, r.length));
  r.data = grown;
}

/**
 * Collects the physical lines a figure came from, per file, as ranges. Lines usually
 * arrive in increasing order, so adding is O(1) and a million contiguous lines stay one range.
 */
export class LineSet {
  readonly #ranges = new Map<string, Ranges>();
  /** False once a line arrived out of order: the ranges are then sorted and merged when formatted. */
  #sorted = true;

  add(file: string, line: number): void {
    let r = this.#ranges.get(file);
    if (!r) {
      r = { data: new Float64Array(8), length: 0 };
      this.#ranges.set(file, r);
    }
    const n = r.length;
    if (n > 0 && r.data[n - 1] === line - 1) r.data[n - 1] = line;
    else {
      if (n > 0 && (r.data[n - 1] as number) >= line) this.#sorted = false;
      reserve(r, 2);
      r.data[n] = line;
      r.data[n + 1] = line;
      r.length = n + 2;
    }
  }

  /**
   * The lines `lines[from]`, `lines[from + step]`, … (up to `to`) of one file, added in that order: the same
   * set as adding them one by one, built in one pass without a lookup per line.
   */
  static ofLines(file: string, lines: ArrayLike<number>, from = 0, to = lines.length, step = 1): LineSet {
    const set = new LineSet();
    if (from >= to) return set;
    const r: Ranges = { data: new Float64Array(8), length: 0 };
    let sorted = true;
    let n = 0;
    for (let i = from; i < to; i += step) {
      const line = lines[i] as number;
      if (n > 0 && r.data[n - 1] === line - 1) {
        r.data[n - 1] = line;
        continue;
      }
      if (n > 0 && (r.data[n - 1] as number) >= line) sorted = false;
      if (n + 2 > r.data.length) {
        r.length = n;
        reserve(r, 2);
      }
      r.data[n] = line;
      r.data[n + 1] = line;
      n += 2;
    }
    r.length = n;
    set.#ranges.set(file, r);
    set.#sorted = sorted;
    return set;
  }

  /** The ranges as plain data (for a worker thread to send its part back); see `LineSet.fromState`. */
  toState(): LineSetState {
    return { ranges: [...this.#ranges].map(([file, r]) => [file, r.data.slice(0, r.length)]), sorted: this.#sorted };
  }

  static fromState(state: LineSetState): LineSet {
    const set = new LineSet();
    for (const [file, r] of state.ranges) set.#ranges.set(file, rangesOf(r.slice()));
    set.#sorted = state.sorted;
    return set;
  }

  /**
   * Adds every line of `other`. When `other` holds later lines of the same file (the next part of
   * a file read in parts), its ranges are appended and a range that continues across the seam is
   * joined, so the result is what adding the lines one by one would have given.
   */
  merge(other: LineSet): void {
    if (!other.#sorted) this.#sorted = false;
    for (const [file, theirs] of other.#ranges) {
      const mine = this.#ranges.get(file);
      if (!mine || mine.length === 0) {
        this.#ranges.set(file, rangesOf(theirs.data.slice(0, theirs.length)));
        continue;
      }
      if (theirs.length === 0) continue;
      const lastEnd = mine.data[mine.length - 1] as number;
      const firstStart = theirs.data[0] as number;
      let from = 0;
      if (firstStart === lastEnd + 1) {
        mine.data[mine.length - 1] = theirs.data[1] as number;
        from = 2;
      } else if (firstStart <= lastEnd) this.#sorted = false;
      reserve(mine, theirs.length - from);
      mine.data.set(theirs.data.subarray(from, theirs.length), mine.length);
      mine.length += theirs.length - from;
    }
  }

  /** Moves every line by `offset`: a part of a file read on its own counted its lines from 1. */
  shift(offset: number): void {
    for (const r of this.#ranges.values()) {
      const d = r.data;
      for (let i = 0; i < r.length; i++) d[i] = (d[i] as number) + offset;
    }
  }

  /** `{ "funding.csv": "2-7,12" }`, files and ranges sorted. */
  toProvenance(): Provenance {
    const out: Provenance = {};
    for (const file of [...this.#ranges.keys()].sort()) {
      const r = this.#ranges.get(file) as Ranges;
      const ranges = r.data.subarray(0, r.length);
      out[file] = formatRanges(this.#sorted ? ranges : normalise(ranges));
    }
    return out;
  }
}

function normalise(r: ArrayLike<number>): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i] as number, r[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const n = out.length;
    if (n > 0 && (out[n - 1] as number) >= s - 1) out[n - 1] = Math.max(out[n - 1] as number, e);
    else out.push(s, e);
  }
  return out;
}

/**
 * ASCII bytes to a string. Node's Buffer copies them into a one-byte string (0.3 ms for a KPI's 2 MB of
 * ranges); TextDecoder, used where there is no Buffer, decodes them (10–25 ms). The KPIs' ranges are
 * formatted while the report waits for its model.
 */
const asciiString: (bytes: Uint8Array) => string =
  typeof Buffer === 'function'
    ? (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    : (bytes) => new TextDecoder('latin1').decode(bytes);

/**
 * The byte array ranges are formatted into, kept between calls (the string made from it is a copy) and
 * grown as needed: a report formats a range string for each day of each KPI's course.
 */
let scratch = new Uint8Array(1 << 16);

/** `scratch` with room for `need` more bytes after the first `at`. */
function room(at: number, need: number): Uint8Array {
  if (at + need > scratch.length) {
    const grown = new Uint8Array(Math.max(scratch.length * 2, at + need));
    grown.set(scratch.subarray(0, at));
    scratch = grown;
  }
  return scratch;
}

/** Writes `start` or `start-end` at `at`, after a comma unless it is the first; returns where it ends. */
function putRange(at: number, start: number, end: number): number {
  const out = room(at, 40);
  if (at > 0) out[at++] = 44; // ,
  at = putDigits(out, at, start);
  if (end !== start) {
    out[at++] = 45; // -
    at = putDigits(out, at, end);
  }
  return at;
}

/** Writes the digits of `n`, right to left from its last digit; returns where they end. */
function putDigits(out: Uint8Array, at: number, n: number): number {
  let end = at + 1;
  for (let p = 10; p <= n; p *= 10) end++;
  const after = end;
  do {
    const q = Math.floor(n / 10);
    out[--end] = 48 + n - q * 10;
    n = q;
  } while (n > 0);
  return after;
}

/**
 * `2-7,12` from [2, 7, 12, 12]. A KPI's lines can make 300 000 ranges: the digits are written into
 * one byte array and made a string once.
 */
function formatRanges(r: ArrayLike<number>): string {
  let at = 0;
  for (let i = 0; i < r.length; i += 2) at = putRange(at, r[i] as number, r[i + 1] as number);
  return asciiString(scratch.subarray(0, at));
}

/**
 * `2-7,12` straight from lines in increasing order (`lines[from]`, `lines[from + step]`, … before
 * `to`), without building their ranges first; null when a line is not greater than the one before.
 */
function formatIncreasingLines(lines: ArrayLike<number>, from: number, to: number, step: number): string | null {
  let at = 0;
  let start = -1;
  let end = -1;
  for (let i = from; i < to; i += step) {
    const line = lines[i] as number;
    if (start >= 0 && line === end + 1) {
      end = line;
      continue;
    }
    if (line <= end) return null;
    if (start >= 0) at = putRange(at, start, end);
    start = line;
    end = line;
  }
  if (start >= 0) at = putRange(at, start, end);
  return asciiString(scratch.subarray(0, at));
}

/**
 * The provenance of lines of one file given as `LineSet.ofLines` takes them: what
 * `LineSet.ofLines(…).toProvenance()` gives, formatted in one pass when the lines increase (as they
 * do in a file read in order).
 */
export function linesProvenance(file: string, lines: ArrayLike<number>, from = 0, to = lines.length, step = 1): Provenance {
  if (from >= to) return {};
  const text = formatIncreasingLines(lines, from, to, step);
  return text === null ? LineSet.ofLines(file, lines, from, to, step).toProvenance() : { [file]: text };
}

/** Provenance of one row. */
export function rowProvenance(file: string, line: number): Provenance {
  return { [file]: String(line) };
}

/** Number of lines a provenance names. Scans the range strings once (a KPI's can hold 100 000 ranges). */
export function countProvenanceLines(p: Provenance): number {
  let n = 0;
  for (const ranges of Object.values(p)) {
    let start = 0; // the range's first line, once its `-` is passed
    let current = 0; // the number being read
    let inEnd = false;
    let digits = false;
    const len = ranges.length;
    for (let i = 0; i <= len; i++) {
      const c = i < len ? ranges.charCodeAt(i) : 44; // a final `,` closes the last range
      if (c >= 48 && c <= 57) {
        current = current * 10 + (c - 48);
        digits = true;
      } else if (c === 45) {
        start = current;
        current = 0;
        inEnd = true;
      } else if (c === 44) {
        if (digits) n += inEnd ? current - start + 1 : 1;
        current = 0;
        inEnd = false;
        digits = false;
      }
    }
  }
  return n;
}

/** How a workbook's sheet is named in provenance and in the data-quality tables: `funding.xlsx (Taul1)`. */
export function sheetSourceKey(file: string, sheet: string): string {
  return `${file} (${sheet})`;
}

/** Where a row was read, as the reports name it: its file, or a workbook's file with its sheet. */
export function sourceName(file: string, sheet: string | undefined): string {
  return sheet === undefined ? file : sheetSourceKey(file, sheet);
}

/** A provenance with its files renamed (a contract file read from a workbook: `funding.csv` → `funding.xlsx (Taul1)`). */
export function renameProvenance(p: Provenance, names: ReadonlyMap<string, string>): Provenance {
  if (names.size === 0) return p;
  const out: Provenance = {};
  for (const [file, ranges] of Object.entries(p)) out[names.get(file) ?? file] = ranges;
  return out;
}
