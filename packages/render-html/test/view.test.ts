import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildHtmlView,
  DEFAULT_TEMPLATES_DIR,
  HTML_HELPERS,
  loadTemplates,
  provenanceView,
  renderHtml,
  type HtmlTemplates,
} from '../src/index.ts';
import { fixtureModel, HOSTILE } from './fixture.ts';

const NBSP = '\u00a0';
let templates: HtmlTemplates;
beforeAll(async () => {
  templates = await loadTemplates();
});

/** Renders a one-line template with the package's helpers, the way renderHtml registers them. */
function helper(source: string, lang: 'fi' | 'en', context: Record<string, unknown> = {}): string {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HTML_HELPERS)) hb.registerHelper(name, fn);
  return hb.compile(source, { strict: true })({ lang, ...context });
}

/** The ids of the h2 headings inside <main>, in document order. */
function sectionIds(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<h2 id="([^"]+)-h">/g)].map((m) => m[1] as string);
}

describe('helpers', () => {
  it('formats euros, percents, points, dates and quantities in fi-FI and en', () => {
    expect(helper('{{euro n}}', 'fi', { n: 1310000.5 })).toBe(`1${NBSP}310${NBSP}000,50${NBSP}€`);
    expect(helper('{{euro n}}', 'en', { n: 1310000.5 })).toBe('€1,310,000.50');
    expect(helper('{{percent n}}', 'fi', { n: 0.62 })).toBe(`62,0${NBSP}%`);
    expect(helper('{{percent n}}', 'fi', { n: null })).toBe('–');
    expect(helper('{{pp n}}', 'fi', { n: 2 })).toBe(`+2,0${NBSP}%-yks.`);
    expect(helper('{{pp n}}', 'en', { n: -36.1 })).toBe(`-36.1${NBSP}pp`);
    expect(helper('{{formatDate d}}', 'fi', { d: '2027-12-31' })).toBe('31.12.2027');
    expect(helper('{{formatDate d}}', 'en', { d: '2027-12-31' })).toBe('31 Dec 2027');
    expect(helper('{{qty n}}', 'fi', { n: 12345 })).toBe(`12${NBSP}345`);
  });

  it('prints phrases in the report language and rejects unknown keys', () => {
    expect(helper('{{t "summary"}}', 'fi')).toBe('Yhteenveto');
    expect(helper('{{t "summary"}}', 'en')).toBe('Summary');
    expect(() => helper('{{t "noSuchPhrase"}}', 'fi')).toThrow(/unknown phrase key "noSuchPhrase"/);
  });

  it('fails loudly on a wrong argument instead of printing NaN', () => {
    expect(() => helper('{{euro n}}', 'fi', { n: '12' })).toThrow(/expects a number/);
  });
});

describe('provenanceView', () => {
  it('lists line ranges per file with en dashes', () => {
    expect(provenanceView({ 'funding.csv': '2-7,12', 'projects.csv': '3' }, 'fi')).toEqual({
      items: [
        { file: 'funding.csv', lines: 'rivit 2–7, 12', more: null },
        { file: 'projects.csv', lines: 'rivit 3', more: null },
      ],
    });
  });

  it('shortens thousands of ranges to the first 20 and the total number of lines', () => {
    const ranges = Array.from({ length: 5000 }, (_, i) => String(2 + i * 2)).join(',');
    const view = provenanceView({ 'indicators.csv': ranges }, 'fi');
    const item = view?.items[0];
    expect(item?.lines.split(', ')).toHaveLength(20);
    expect(item?.lines).toBe(`rivit ${Array.from({ length: 20 }, (_, i) => 2 + i * 2).join(', ')}`);
    expect(item?.more).toBe(`… 5${NBSP}000 riviä yhteensä`);
    expect(provenanceView({ 'indicators.csv': '2-1001,1003' }, 'en')?.items[0]?.more).toBeNull();
  });

  it('counts the lines of ranges, and shows no total when exactly 20 ranges fit', () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => `${100 * i + 10}-${100 * i + 19}`).join(',');
    expect(provenanceView({ 'indicators.csv': `${ranges(24)},5000` }, 'en')?.items[0]?.more).toBe('… 241 lines in total');
    expect(provenanceView({ 'indicators.csv': ranges(20) }, 'en')?.items[0]).toEqual({
      file: 'indicators.csv',
      lines: `lines ${Array.from({ length: 20 }, (_, i) => `${100 * i + 10}–${100 * i + 19}`).join(', ')}`,
      more: null,
    });
  });

  it('gives nothing to disclose for a figure without rows', () => {
    expect(provenanceView({}, 'fi')).toBeNull();
    expect(provenanceView({ 'funding.csv': '' }, 'fi')).toBeNull();
  });
});

describe('buildHtmlView', () => {
  it('draws the sections in the order the pipeline asks, one per priority area', () => {
    const view = buildHtmlView(fixtureModel());
    expect(view.sections.map((s) => s.id)).toEqual([
      'summary',
      'revision',
      'delta',
      'area-4-1',
      'area-4-2',
      'funding',
      'projects',
      'data-quality',
    ]);
    expect(view.toc.map((t) => t.id)).toEqual(view.sections.map((s) => s.id));
    expect(view.toc[3]?.children.map((c) => c.label)).toEqual([
      '4.1.1 Kansallinen ja kansainvälinen verkosto',
      '4.1.2 Osaamis- ja innovaatioympäristöt',
      '4.1.3 Kasvuliiketoiminta',
    ]);
  });

  it('gives every target a status symbol and word', () => {
    const view = buildHtmlView(fixtureModel());
    const summary = view.sections.find((s) => s.partial === 'summary');
    if (summary?.partial !== 'summary') throw new Error('no summary');
    const byId = Object.fromEntries(summary.targets.map((t) => [t.id, t.status]));
    expect(byId['4.1.1/2023']).toEqual({ key: 'achieved', symbol: '✓', label: 'saavutettu' });
    expect(byId['4.1.2/2023']).toEqual({ key: 'off_track', symbol: '✗', label: 'ei etene' });
    expect(byId['4.2.2/2023']).toEqual({ key: 'no_data', symbol: '–', label: 'ei tietoa' });
    expect(new Set(summary.targets.map((t) => t.status.key))).toEqual(
      new Set(['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data']),
    );
  });

  it('skips the revision when the model has none and says so when no previous report was given', () => {
    const model = fixtureModel({ withDelta: false });
    model.revision = null;
    const view = buildHtmlView(model);
    expect(view.sections.map((s) => s.id)).not.toContain('revision');
    const delta = view.sections.find((s) => s.partial === 'delta');
    expect(delta?.partial === 'delta' && delta.note).toBe(
      'Edellistä raporttia ei annettu, joten muutoksia ei ole laskettu.',
    );
  });
});

describe('renderHtml', () => {
  it('prints fi-FI figures and dates', () => {
    const model = fixtureModel();
    const html = renderHtml(model, templates);
    expect(html).toContain('<html lang="fi">');
    expect(model.funding.total).toBe(15125001);
    expect(html).toContain(`15${NBSP}125${NBSP}001,00${NBSP}€`);
    expect(html).toContain(`1${NBSP}310${NBSP}000,50${NBSP}€`); // AKKE, cents kept
    expect(html).toContain(`23,9${NBSP}%`);
    expect(html).toContain(`\u221236,1${NBSP}%-yks.`);
    expect(html).toContain('<dd>30.6.2025</dd>');
    expect(html).toContain('1.1.2022–31.12.2025');
  });

  it('draws the sections in the requested order and only those', () => {
    expect(sectionIds(renderHtml(fixtureModel(), templates))).toEqual([
      'summary',
      'revision',
      'delta',
      'area-4-1',
      'area-4-2',
      'funding',
      'projects',
      'data-quality',
    ]);
    const html = renderHtml(fixtureModel({ sections: ['dataQuality', 'funding', 'summary'] }), templates);
    expect(sectionIds(html)).toEqual(['data-quality', 'funding', 'summary']);
    // Without the areas section the summary does not link to target details that are not there.
    expect(html).not.toContain('href="#t-');
  });

  it('lists the first 200 rejected rows of a long list and says that rejected.csv has them all', () => {
    const base = fixtureModel();
    const rejected = Array.from({ length: 1000 }, (_, i) => ({
      file: 'indicators.csv',
      line: i + 2,
      column: 'kpi',
      reason: `unknown KPI on row ${i + 2}`,
      code: 'E_UNKNOWN_KPI' as const,
    }));
    const html = renderHtml({ ...base, rejected, rejectedTotal: rejected.length }, templates);
    expect(html).toContain('Näytetään ensimmäiset 200 / 1\u00a0000. Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv.');
    expect(html).toContain('unknown KPI on row 201<');
    expect(html).not.toContain('unknown KPI on row 202<');
    expect(renderHtml(base, templates)).not.toContain('rejected.csv.</p>');
  });

  it('shows each status as a badge with symbol and word', () => {
    const html = renderHtml(fixtureModel(), templates);
    const row = (id: string) => {
      const at = html.indexOf(`<a href="#t-${id.replace(/[./]/g, '-')}">${id}</a>`);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    expect(row('4.1.2/2023')).toContain(
      '<span class="badge badge--off_track"><span class="badge__symbol" aria-hidden="true">✗</span> ei etene</span>',
    );
    expect(row('4.1.3/2027')).toContain('○</span> ei aloitettu');
    expect(row('4.1.2/2023')).toContain('määräaika 31.12.2023 umpeutunut');
  });

  it('says unmistakably when the figures come from example data', () => {
    expect(renderHtml(fixtureModel({ exampleData: true }), templates)).toContain(
      '<strong class="example-banner__label">Esimerkkiaineisto</strong>',
    );
    const real = renderHtml(fixtureModel({ exampleData: false }), templates);
    expect(real).not.toContain('Esimerkkiaineisto');
    expect(real).not.toContain('class="example-banner');
  });

  it('shows the English translation beside the Finnish original in English reports', () => {
    const html = renderHtml(fixtureModel({ lang: 'en' }), templates);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<p class="translation">The value network goal expands from national to Nordic;');
    expect(html).toContain(
      '<blockquote lang="fi"><p>Arvoverkostotavoite laajenee kansallisesta pohjoismaiseksi, ekosysteemi eurooppalaisella ajatusjohtajuudella on rakentumassa.</p></blockquote>',
    );
    expect(html).toContain('€15,125,001.00');
    expect(html).toContain('Agreement text (Finnish original)');
    // Finnish reports quote the Finnish text only.
    expect(renderHtml(fixtureModel(), templates)).not.toContain('The value network goal expands');
  });

  it('escapes CSV text and never runs it as a template', () => {
    const html = renderHtml(fixtureModel({ hostile: true }), templates);
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;');
    // A template expression in the data stays text: had it been compiled, its braces would be gone.
    expect(html).toContain('{{constructor.constructor(&#x27;window.__pwned&#x3D;1&#x27;)()}}');
    expect(html.match(/<script/g)).toBeNull();
  });

  it('is deterministic: the same model gives identical bytes', () => {
    expect(renderHtml(fixtureModel(), templates)).toBe(renderHtml(fixtureModel(), templates));
  });

  it('keeps the page self-contained: no external URL, no script', () => {
    const html = renderHtml(fixtureModel(), templates);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain(`<style>\n${templates.css}\n</style>`);
    expect(html).toContain("default-src 'none'");
  });
});

describe('templates', () => {
  it('loads the page, the stylesheet and every partial from the repository templates folder', async () => {
    const loaded = await loadTemplates(DEFAULT_TEMPLATES_DIR);
    const files = readdirSync(join(DEFAULT_TEMPLATES_DIR, 'partials')).filter((f) => f.endsWith('.hbs'));
    expect(Object.keys(loaded.partials).sort()).toEqual(files.map((f) => f.slice(0, -4)).sort());
    expect(loaded.report).toContain('<!DOCTYPE html>');
    expect(loaded.css).toContain('@media print');
  });

  it('never triple-stashes: only SafeStrings made by the view builder go unescaped', () => {
    const sources = [
      readFileSync(join(DEFAULT_TEMPLATES_DIR, 'report.hbs'), 'utf8'),
      ...readdirSync(join(DEFAULT_TEMPLATES_DIR, 'partials')).map((f) =>
        readFileSync(join(DEFAULT_TEMPLATES_DIR, 'partials', f), 'utf8'),
      ),
    ];
    for (const s of sources) {
      expect(s).not.toContain('{{{');
      expect(s).not.toContain('{{&');
    }
  });

  it('keeps every hostile string out of markup', () => {
    const html = renderHtml(fixtureModel({ hostile: true }), templates);
    for (const s of HOSTILE.filter((x) => x.includes('<'))) expect(html).not.toContain(s);
  });
});
