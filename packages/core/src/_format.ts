import type { Language } from './_agreement.ts';

/**
 * The one formatting module for every figure in every view (PDF, HTML, why lines, e-mail).
 * Hand-written rather than Intl so output is the same on every Node build (ICU data differs).
 */

/** How thousands are separated in Finnish: NBSP keeps a figure on one line; `space` for plain-text sinks. */
export type Spacing = 'nbsp' | 'space';
export interface FormatOptions {
  spacing?: Spacing;
}

const NBSP = '\u00a0';
const MINUS = '\u2212';

function group(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** `1234567.5` → fi `1 234 567,50` (decimals 2), en `1,234,567.50`. */
export function formatNumber(value: number, lang: Language, decimals = 0, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return '–';
  const space = options.spacing === 'space' ? ' ' : NBSP;
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const isZero = /^[0.]+$/.test(fixed);
  const sign = negative && !isZero ? (lang === 'fi' ? MINUS : '-') : '';
  const grouped = group(whole, lang === 'fi' ? space : ',');
  const decimalMark = lang === 'fi' ? ',' : '.';
  return sign + grouped + (fraction === undefined ? '' : decimalMark + fraction);
}

/**
 * The number a figure formatted with `decimals` decimals shows (formatNumber's rounding): a difference
 * printed beside its two figures is taken between them as shown, so the three agree on the page
 * (60,0 % against 60,0 % is 0,0 %-yks., not the −0,05 that printed as −0,1).
 */
export function shownValue(value: number, decimals: number): number {
  return Math.sign(value) * Number(Math.abs(value).toFixed(decimals));
}

/** A count or KPI value: integers without decimals, others with up to two significant decimals. */
export function formatQuantity(value: number, lang: Language, options: FormatOptions = {}): string {
  if (Number.isInteger(value)) return formatNumber(value, lang, 0, options);
  const decimals = Number.isInteger(Math.round(value * 10 * 1e6) / 1e6) ? 1 : 2;
  return formatNumber(value, lang, decimals, options);
}

/** A KPI's units: after any number (`unit`), and after exactly one (`unitOne`; absent in older reports). */
export interface KpiUnits {
  unit: string;
  unitOne?: string | undefined;
}

/**
 * The unit that follows a number as it is shown: after exactly one the singular ("1 kaupunki",
 * "+1 city"), after any other number, decimals included, the unit as the agreement gives it ("0
 * kaupunkia", "1,5 pilottia", "2 cities").
 */
export function unitAfter(shown: string, units: KpiUnits): string {
  return /^[+\-\u2212]?1$/.test(shown.trim()) ? (units.unitOne ?? units.unit) : units.unit;
}

/** Euros: fi `1 310 000,50 €`, en `€1,310,000.50`. */
export function formatEuro(value: number, lang: Language, decimals = 2, options: FormatOptions = {}): string {
  const space = options.spacing === 'space' ? ' ' : NBSP;
  const n = formatNumber(value, lang, decimals, options);
  if (lang === 'fi') return `${n}${space}€`;
  return n.startsWith('-') ? `-€${n.slice(1)}` : `€${n}`;
}

/** The decimals of a percentage, everywhere in the report. */
export const PERCENT_DECIMALS = 1;

/** A ratio as percent: `0.62` → fi `62,0 %`, en `62.0%`. */
export function formatPercent(ratio: number | null, lang: Language, decimals = PERCENT_DECIMALS, options: FormatOptions = {}): string {
  if (ratio === null) return '–';
  const space = options.spacing === 'space' ? ' ' : NBSP;
  const n = formatNumber(ratio * 100, lang, decimals, options);
  return lang === 'fi' ? `${n}${space}%` : `${n}%`;
}

/** A difference in percentage points with its sign: fi `+2,0 %-yks.`, en `+2.0 pp`. */
export function formatPercentagePoints(pp: number | null, lang: Language, decimals = PERCENT_DECIMALS, options: FormatOptions = {}): string {
  if (pp === null) return '–';
  const space = options.spacing === 'space' ? ' ' : NBSP;
  const n = formatNumber(pp, lang, decimals, options);
  const signed = pp > 0 && !/^[0,.]+$/.test(n) ? `+${n}` : n;
  return lang === 'fi' ? `${signed}${space}%-yks.` : `${signed}${space}pp`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ISO date → fi `31.12.2027` (no leading zeros), en `31 Dec 2027`. */
export function formatDate(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const day = Number(d);
  const month = Number(mo);
  if (lang === 'fi') return `${day}.${month}.${y}`;
  return `${day} ${MONTHS_EN[month - 1] ?? mo} ${y}`;
}
