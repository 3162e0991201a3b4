import type { HelperOptions } from 'handlebars';
import type { Language } from '@ekoraportti/core';
import {
  formatDate,
  formatEuro,
  formatPercent,
  formatPercentagePoints,
  formatQuantity,
  text,
  type TextKey,
} from '@ekoraportti/presentation';

/**
 * The few handlebars helpers the templates may call. Each returns plain text, which handlebars
 * then escapes; none returns markup. The report language comes from the root view (`@root.lang`).
 */

function langOf(options: HelperOptions): Language {
  const lang = (options.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  if (lang !== 'fi' && lang !== 'en') throw new Error(`render-html: view has no report language (got ${String(lang)})`);
  return lang;
}

function num(value: unknown, helper: string): number {
  if (typeof value !== 'number') throw new Error(`render-html: helper ${helper} expects a number, got ${typeof value}`);
  return value;
}

export const HTML_HELPERS = {
  /** `{{t "summary"}}`: a fixed phrase in the report language. */
  t(key: unknown, options: HelperOptions): string {
    if (typeof key !== 'string') throw new Error('render-html: helper t expects a phrase key');
    // An unknown key is a template bug: fail loudly rather than print `undefined`.
    const lang = langOf(options);
    let phrase: string | undefined;
    try {
      phrase = text(key as TextKey, lang);
    } catch {
      phrase = undefined;
    }
    if (typeof phrase !== 'string') throw new Error(`render-html: unknown phrase key "${key}"`);
    return phrase;
  },
  /** `{{euro amount}}`: fi `1 310 000,50 €`, en `€1,310,000.50`. */
  euro(value: unknown, options: HelperOptions): string {
    return formatEuro(num(value, 'euro'), langOf(options));
  },
  /** `{{percent ratio}}`: `0.62` → fi `62,0 %`; null → `–`. */
  percent(value: unknown, options: HelperOptions): string {
    return formatPercent(value === null ? null : num(value, 'percent'), langOf(options));
  },
  /** `{{pp points}}`: fi `+2,0 %-yks.`, en `+2.0 pp`. */
  pp(value: unknown, options: HelperOptions): string {
    return formatPercentagePoints(value === null ? null : num(value, 'pp'), langOf(options));
  },
  /**
   * `{{formatDate iso}}`: fi `31.12.2027`, en `31 Dec 2027`. Not named `date`: a helper shadows a
   * view field of the same name (`{{date}}` in an assessment row would call the helper).
   */
  formatDate(value: unknown, options: HelperOptions): string {
    if (typeof value !== 'string') throw new Error('render-html: helper formatDate expects an ISO date string');
    return formatDate(value, langOf(options));
  },
  /** `{{qty n}}`: counts and KPI values, fi `1 234`, `2,5`. */
  qty(value: unknown, options: HelperOptions): string {
    return formatQuantity(num(value, 'qty'), langOf(options));
  },
} as const;

export type HtmlHelperName = keyof typeof HTML_HELPERS;
