import type { ReportView } from './_view.ts';

/**
 * Every figure (amount, count, percentage, date) and status badge ("√ saavutettu") the view shows,
 * once each, in reading order: what the PDF and the HTML of a report must both say. Provenance is
 * left out (the HTML discloses source rows; the PDF, a printout, does not).
 */
export function viewFigures(view: ReportView): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.figure === true && typeof o.text === 'string') out.add(o.text);
    if (typeof o.symbol === 'string' && typeof o.label === 'string' && typeof o.status === 'string') {
      out.add(`${o.symbol} ${o.label}`);
      if (typeof o.stale === 'string') out.add(o.stale);
    }
    for (const [key, value] of Object.entries(o)) if (key !== 'provenance') walk(value);
  };
  walk(view.sections);
  walk(view.cover);
  return [...out];
}
