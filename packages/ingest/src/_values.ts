// Field-level parsers for the dialects Finnish Excel and EURA 2021 write.
// They sit on the hot path (one million KPI rows), so they scan characters by hand
// and return plain values or small problem codes instead of allocating result objects.

import type { AssessmentStatus, DateProblem, FundingSource, NumberProblem, ProjectStatus } from '@ekoraportti/core';
import { isCalendarDate } from '@ekoraportti/core';

export type { DateProblem, NumberProblem };

const SPACE = 0x20;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const MINUS = 0x2d;
const PLUS = 0x2b;
const UNICODE_MINUS = 0x2212;
const COMMA = 0x2c;
const DOT = 0x2e;

const isGroupSep = (c: number): boolean => c === SPACE || c === NBSP || c === NNBSP;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The pieces of a decimal number as written: sign, integer digits (separators removed), fraction digits. */
interface NumberParts {
  negative: boolean;
  int: string;
  frac: string;
}

/**
 * Splits `1 234 567,50`, `1234567.50`, `-12`, `−3,5` into digits. Thousands separators are a space,
 * U+00A0 or U+202F between groups of three digits; the decimal separator is `,` or `.` (one of them,
 * once). `1,234,567.50` is refused: in a Finnish file `1,234` means 1.234, so mixing both is ambiguous.
 */
export function splitNumber(raw: string): NumberParts | NumberProblem {
  const s = raw.trim();
  const n = s.length;
  if (n === 0) return 'format';
  let i = 0;
  let negative = false;
  const c0 = s.charCodeAt(0);
  if (c0 === MINUS || c0 === UNICODE_MINUS) {
    negative = true;
    i = 1;
  } else if (c0 === PLUS) {
    i = 1;
  }
  let int = '';
  let groupLen = 0; // digits since the last group separator
  let grouped = false;
  let start = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      groupLen++;
      continue;
    }
    if (isGroupSep(c)) {
      // A separator needs 1–3 digits before it (first group) or exactly 3 (later groups).
      if (groupLen === 0 || groupLen > 3 || (grouped && groupLen !== 3)) return 'format';
      int += s.slice(start, i);
      grouped = true;
      groupLen = 0;
      start = i + 1;
      continue;
    }
    break;
  }
  if (groupLen === 0) return i < n && (s.charCodeAt(i) === 0x65 || s.charCodeAt(i) === 0x45) ? 'exponent' : 'format';
  if (grouped && groupLen !== 3) return 'format';
  int += s.slice(start, i);
  if (i === n) return { negative, int, frac: '' };
  const sep = s.charCodeAt(i);
  if (sep === 0x65 || sep === 0x45) return 'exponent';
  if (sep !== COMMA && sep !== DOT) return 'format';
  const fracStart = ++i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return c === 0x65 || c === 0x45 ? 'exponent' : 'format';
  }
  if (i === fracStart) return 'format';
  return { negative, int, frac: s.slice(fracStart) };
}

/**
 * A KPI value: any finite non-negative decimal in the accepted notations.
 * Returns the number, or a problem code. Negative values are refused: every KPI of the agreement
 * counts things or euros, and a correction belongs in the row it corrects.
 */
export function parseKpiValue(raw: string): number | NumberProblem {
  // Fast path: plain digits with an optional `.`/`,` fraction, the shape of nearly every row.
  const n = raw.length;
  let simple = n > 0 && n < 16;
  let sepAt = -1;
  for (let i = 0; simple && i < n; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) continue;
    if ((c === COMMA || c === DOT) && sepAt === -1 && i > 0 && i < n - 1) {
      sepAt = i;
      continue;
    }
    simple = false;
  }
  if (simple) {
    if (sepAt === -1) return Number(raw);
    return raw.charCodeAt(sepAt) === DOT ? Number(raw) : Number(raw.slice(0, sepAt) + '.' + raw.slice(sepAt + 1));
  }
  const parts = splitNumber(raw);
  if (typeof parts === 'string') return parts;
  const value = Number(parts.frac === '' ? parts.int : parts.int + '.' + parts.frac);
  if (!Number.isFinite(value)) return 'too_large';
  if (parts.negative && value !== 0) return 'negative';
  return value;
}

/** Largest amount we accept in whole euros, so that cents stay exact integers (< 2^53). */
const MAX_EURO_DIGITS = 13;

/**
 * An amount in euros to integer cents, exactly: the digit string is read as written, never through
 * a float. More than two decimals is refused (Excel money has cents, a third decimal is a typo or a
 * formula result that should be rounded where it is made). A trailing `€` or `EUR` is allowed.
 */
export function parseAmountCents(raw: string): number | NumberProblem {
  let s = raw.trim();
  if (s.endsWith('€')) s = s.slice(0, -1);
  else if (s.length > 3 && s.slice(-3).toUpperCase() === 'EUR') s = s.slice(0, -3);
  const parts = splitNumber(s);
  if (typeof parts === 'string') return parts;
  if (parts.frac.length > 2) return 'decimals';
  const int = parts.int.replace(/^0+(?=\d)/, '');
  if (int.length > MAX_EURO_DIGITS) return 'too_large';
  const cents = Number(int) * 100 + (parts.frac === '' ? 0 : Number(parts.frac.padEnd(2, '0')));
  if (parts.negative && cents !== 0) return 'negative';
  return cents;
}

/** A budget year, 2000–2100. */
export function parseYear(raw: string): number | NumberProblem {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s)) return 'format';
  const y = Number(s);
  return y >= 2000 && y <= 2100 ? y : 'format';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FI_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** `2025-03-31` or `31.3.2025` / `31.03.2025` → `2025-03-31`; impossible dates are refused. */
export function parseDate(raw: string): string | DateProblem {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO_DATE.exec(s);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = FI_DATE.exec(s);
    if (!match) return 'format';
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  if (!isCalendarDate(y, m, d)) return 'nonexistent';
  if (y < MIN_YEAR || y > MAX_YEAR) return 'range';
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * y·10000 + m·100 + d of a date written exactly as `yyyy-mm-dd` or `d.m.yyyy` (one or two digits for
 * d and m, no spaces), else -1. `parseDate` decides such a date by (y, m, d) alone, so the number can
 * stand for the string: read digit by digit, it costs less than hashing the string for a lookup.
 */
function dateKey(raw: string): number {
  const n = raw.length;
  if (n === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    const y = digits(raw, 0, 4);
    const m = digits(raw, 5, 7);
    const d = digits(raw, 8, 10);
    return y < 0 || m < 0 || d < 0 ? -1 : y * 10000 + m * 100 + d;
  }
  if (n < 8 || n > 10) return -1;
  const dot1 = raw.indexOf('.');
  const dot2 = dot1 < 0 ? -1 : raw.indexOf('.', dot1 + 1);
  if (dot1 < 1 || dot1 > 2 || dot2 - dot1 < 2 || dot2 - dot1 > 3 || n - dot2 !== 5) return -1;
  const d = digits(raw, 0, dot1);
  const m = digits(raw, dot1 + 1, dot2);
  const y = digits(raw, dot2 + 1, n);
  return y < 0 || m < 0 || d < 0 ? -1 : y * 10000 + m * 100 + d;
}

/** The number written by the ASCII digits raw[from..to), or -1 when any is not a digit. */
function digits(raw: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Memoised `parseDate`: KPI files repeat a handful of dates a million times. Dates in the two plain
 * notations are looked up by number (see `dateKey`), anything else by its text. The caches are
 * bounded so a file of all-distinct dates keeps memory flat.
 */
export class DateCache {
  readonly #byKey = new Map<number, string | DateProblem>();
  readonly #map = new Map<string, string | DateProblem>();
  readonly #limit: number;
  constructor(limit = 4096) {
    this.#limit = limit;
  }
  parse(raw: string): string | DateProblem {
    const key = dateKey(raw);
    return key >= 0 ? this.#memo(this.#byKey, key, raw) : this.#memo(this.#map, raw, raw);
  }
  #memo<K>(map: Map<K, string | DateProblem>, key: K, raw: string): string | DateProblem {
    let v = map.get(key);
    if (v === undefined) {
      v = parseDate(raw);
      if (map.size >= this.#limit) map.clear();
      map.set(key, v);
    }
    return v;
  }
}

/** True when `parseDate` produced an ISO date rather than a problem. */
export const isIsoDate = (v: string): boolean => v.length === 10 && v.charCodeAt(4) === MINUS;

/** Case-insensitive lookup of an enumeration's English value or Finnish word. */
export class Enumeration<T extends string> {
  readonly #map = new Map<string, T>();
  /** The words a user may write, for error messages, e.g. `planned/suunniteltu`. */
  readonly allowed: string;
  constructor(pairs: ReadonlyArray<readonly [T, ...string[]]>) {
    for (const [value, ...words] of pairs) {
      for (const w of [value, ...words]) this.#map.set(w.normalize('NFC').toLowerCase(), value);
    }
    this.allowed = pairs.map((p) => p.join('/')).join(', ');
  }
  get(raw: string): T | undefined {
    const hit = this.#map.get(raw);
    if (hit !== undefined) return hit;
    // Decomposed ä (a + U+0308) from some Mac exports, odd case, stray spaces.
    return this.#map.get(raw.trim().normalize('NFC').toLowerCase());
  }
}

export const projectStatuses = new Enumeration<ProjectStatus>([
  ['planned', 'suunniteltu'],
  ['ongoing', 'käynnissä'],
  ['completed', 'päättynyt'],
  ['cancelled', 'peruttu'],
]);

export const assessmentStatuses = new Enumeration<AssessmentStatus>([
  ['achieved', 'saavutettu'],
  ['on_track', 'etenee'],
  ['at_risk', 'riskissä'],
  ['off_track', 'ei_etene'],
  ['not_started', 'ei_aloitettu'],
]);

export const fundingSources = new Enumeration<FundingSource>([
  ['EAKR'],
  ['ESR+'],
  ['JTF'],
  ['AKKE'],
  ['RRF'],
  ['valtio'],
  ['kaupunki'],
  ['muu_julkinen'],
  ['yksityinen'],
]);
