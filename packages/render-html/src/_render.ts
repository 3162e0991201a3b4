import Handlebars from 'handlebars';
import type { ReportModel } from '@ekoraportti/core';
import { buildReportView, type ReportView } from '@ekoraportti/presentation';

/** The template sources: the page, its partials by name, and the stylesheet inlined into the page. */
export interface HtmlTemplates {
  report: string;
  /** Partial name (file name without `.hbs`) → source; one per section kind, named as the section. */
  partials: Record<string, string>;
  css: string;
}

/**
 * The view with each chart's SVG marked as markup to insert as it is. Only SVG made by
 * presentation's chart code (which escapes every label it writes) is marked; all else is escaped.
 */
function withTrustedCharts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withTrustedCharts);
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = withTrustedCharts(v);
  if (typeof o.svg === 'string' && typeof o.alt === 'string') out.svg = new Handlebars.SafeString(o.svg);
  return out;
}

/**
 * Draws the report as one self-contained HTML document: the report view (`@ekoraportti/presentation`)
 * laid out by the templates. Pure: no I/O, no clock, so the same model and templates give identical bytes.
 *
 * The templates call no helpers but handlebars' own (`if`, `each`, `with`, `lookup`): every word and
 * figure is in the view. Only the templates are compiled; data never is, and handlebars escapes every
 * value except the chart SVGs and the stylesheet.
 */
export function renderHtml(model: ReportModel, templates: HtmlTemplates): string {
  return renderHtmlView(buildReportView(model), templates);
}

/** Lays out a report view with the templates. */
export function renderHtmlView(view: ReportView, templates: HtmlTemplates): string {
  // An isolated instance: no partial leaks between renders or into other users of handlebars.
  const hb = Handlebars.create();
  const compileOptions = { strict: true, knownHelpersOnly: true } as const;
  for (const name of Object.keys(templates.partials).sort()) {
    hb.registerPartial(name, hb.compile(templates.partials[name] as string, compileOptions));
  }
  const page = hb.compile(templates.report, compileOptions);
  return page({ ...(withTrustedCharts(view) as ReportView), css: new Handlebars.SafeString(templates.css) });
}
