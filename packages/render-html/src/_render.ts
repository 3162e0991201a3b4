import Handlebars from 'handlebars';
import type { ReportModel } from '@ekoraportti/core';
import { HTML_HELPERS } from './_helpers.ts';
import { buildHtmlView } from './_view.ts';

/** The template sources: the page, its partials by name, and the stylesheet inlined into the page. */
export interface HtmlTemplates {
  report: string;
  /** Partial name (file name without `.hbs`) → source. */
  partials: Record<string, string>;
  css: string;
}

const KNOWN_HELPERS = Object.fromEntries(Object.keys(HTML_HELPERS).map((name) => [name, true]));

/**
 * Draws the report model as one self-contained HTML document. Pure: no I/O, no clock, so the
 * same model and templates give identical bytes.
 *
 * Only the templates are compiled; data is never compiled, and handlebars escapes every value
 * except the SafeStrings the view builder made from our own chart SVG and the stylesheet.
 */
export function renderHtml(model: ReportModel, templates: HtmlTemplates): string {
  // An isolated instance: no helper or partial leaks between renders or into other users of handlebars.
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(HTML_HELPERS)) hb.registerHelper(name, helper);
  const compileOptions = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true } as const;
  for (const name of Object.keys(templates.partials).sort()) {
    hb.registerPartial(name, hb.compile(templates.partials[name] as string, compileOptions));
  }
  const page = hb.compile(templates.report, compileOptions);
  const view = { ...buildHtmlView(model), css: new Handlebars.SafeString(templates.css) };
  return page(view);
}
