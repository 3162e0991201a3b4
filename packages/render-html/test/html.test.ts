import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, sampleReport, SECTIONS } from '@ekoraportti/core';
import { DEFAULT_TEMPLATES_DIR, findTemplatesDir, loadTemplates, renderHtml, TEMPLATES_FOLDER, type HtmlTemplates } from '../src/index.ts';

const NBSP = '\u00a0';
let templates: HtmlTemplates;
beforeAll(async () => {
  templates = await loadTemplates();
});

/** The ids of the h2 headings inside <main>, in document order. */
function sectionIds(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<h2 id="([^"]+)-h">/g)].map((m) => m[1] as string);
}

describe('renderHtml', () => {
  it('prints fi-FI figures and dates', () => {
    const model = sampleReport();
    const html = renderHtml(model, templates);
    expect(html).toContain('<html lang="fi">');
    expect(model.funding.total).toBe(3_984_526);
    expect(html).toContain(`3${NBSP}984${NBSP}526,00${NBSP}€`);
    expect(html).toContain(`30${NBSP}000,50${NBSP}€`); // AKKE, cents kept
    expect(html).toContain(`61,1${NBSP}%`);
    expect(html).toContain(`+1,1${NBSP}%-yks.`);
    expect(html).toContain('<dd>30.6.2025</dd>');
    expect(html).toContain('1.1.2022–31.12.2027');
  });

  it('draws the sections in the requested order and only those', () => {
    expect(sectionIds(renderHtml(sampleReport(), templates))).toEqual([
      'summary',
      'revision',
      'delta',
      'area-4-1',
      'area-4-2',
      'funding',
      'projects',
      'data-quality',
    ]);
    const html = renderHtml(sampleReport({ sections: ['dataQuality', 'funding', 'summary'] }), templates);
    expect(sectionIds(html)).toEqual(['data-quality', 'funding', 'summary']);
    // Without the areas section the summary does not link to target details that are not there.
    expect(html).not.toContain('href="#t-');
  });

  it('lists the first 200 rejected rows of a long list and says that rejected.csv has them all', () => {
    const html = renderHtml(sampleReport({ extraRejected: 997 }), templates);
    expect(html).toContain('Hylätyt rivit (1\u00a0000)');
    expect(html).toContain('Näytetään ensimmäiset 200 / 1\u00a0000. Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv.');
    expect(html).toContain("Mittaria &#x27;tuntematon_197&#x27; ei ole määritelty.<");
    expect(html).not.toContain("Mittaria &#x27;tuntematon_198&#x27;");
    expect(renderHtml(sampleReport(), templates)).not.toContain('Näytetään ensimmäiset');
  });

  it('shows each status as a badge with symbol and word', () => {
    const html = renderHtml(sampleReport(), templates);
    const row = (id: string) => {
      const at = html.indexOf(`<a href="#t-${id.replace(/[./]/g, '-')}">${id}</a>`);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    expect(row('4.1.2/2023')).toContain(
      '<span class="badge badge--off_track"><span class="badge__symbol" aria-hidden="true">×</span> ei etene</span>',
    );
    expect(row('4.1.1/2027')).toContain('○</span> ei aloitettu');
    expect(row('4.1.2/2023')).toContain('määräaika 31.12.2023 umpeutunut');
  });

  it('says unmistakably when the figures come from example data', () => {
    expect(renderHtml(sampleReport({ exampleData: true }), templates)).toContain(
      '<strong class="example-banner__label">Esimerkkiaineisto</strong>',
    );
    const real = renderHtml(sampleReport({ exampleData: false }), templates);
    expect(real).not.toContain('Esimerkkiaineisto');
    expect(real).not.toContain('class="example-banner');
  });

  it('shows the English translation beside the Finnish original in English reports', () => {
    const model = sampleReport({ lang: 'en' });
    const html = renderHtml(model, templates);
    const t = model.targets['4.1.1/2027'];
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<p class="translation">${t?.translation.split(';')[0]}`);
    expect(html).toContain(`<blockquote lang="fi"><p>${t?.text}</p></blockquote>`);
    expect(html).toContain('€3,984,526.00');
    expect(html).toContain('Agreement text (Finnish original)');
    // Finnish reports quote the Finnish text only.
    expect(renderHtml(sampleReport(), templates)).not.toContain('<p class="translation">');
  });

  it('escapes CSV text and never runs it as a template', () => {
    const html = renderHtml(sampleReport({ hostile: true }), templates);
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;');
    // A template expression in the data stays text: had it been compiled, its braces would be gone.
    expect(html).toContain('{{constructor.constructor(&#x27;window.__pwned&#x3D;1&#x27;)()}}');
    expect(html.match(/<script/g)).toBeNull();
    for (const s of HOSTILE_TEXT.filter((x) => x.includes('<'))) expect(html).not.toContain(s);
  });

  it('is deterministic: the same model gives identical bytes', () => {
    expect(renderHtml(sampleReport(), templates)).toBe(renderHtml(sampleReport(), templates));
  });

  it('keeps the page self-contained: no external URL, no script', () => {
    const html = renderHtml(sampleReport(), templates);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain(`<style>\n${templates.css}\n</style>`);
    expect(html).toContain("default-src 'none'");
  });

  it('shows a text of any length whole (the PDF cuts it short)', () => {
    const long = 'Pitkä nimi '.repeat(3000).trim();
    expect(renderHtml(sampleReport({ longText: long }), templates)).toContain(`<td>${long}</td>`);
  });
});

describe('templates', () => {
  it('loads the page, the stylesheet, and a partial for every section', async () => {
    const files = readdirSync(join(DEFAULT_TEMPLATES_DIR, 'partials')).filter((f) => f.endsWith('.hbs'));
    expect(Object.keys(templates.partials).sort()).toEqual(files.map((f) => f.slice(0, -4)).sort());
    for (const section of SECTIONS) expect(Object.keys(templates.partials)).toContain(section);
    expect(templates.report).toContain('<!DOCTYPE html>');
    expect(templates.css).toContain('@media print');
  });

  it('are found at the workspace root from any depth, as the CLI bundle finds them', () => {
    const root = mkdtempSync(join(tmpdir(), 'render-html-'));
    try {
      writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
      mkdirSync(join(root, 'packages', 'cli', 'dist'), { recursive: true });
      expect(findTemplatesDir(join(root, 'packages', 'cli', 'dist', 'chunk.mjs'))).toBe(join(root, TEMPLATES_FOLDER));
      expect(findTemplatesDir(join(root, 'packages', 'render-html', 'src', '_load.ts'))).toBe(join(root, TEMPLATES_FOLDER));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never triple-stash: only the chart SVGs and the stylesheet go unescaped', () => {
    const sources = [templates.report, ...Object.values(templates.partials)];
    for (const s of sources) {
      expect(s).not.toContain('{{{');
      expect(s).not.toContain('{{&');
    }
  });

  it('call no helper of their own: every word and figure comes from the view', () => {
    const sources = [templates.report, ...Object.values(templates.partials)].join('\n');
    const helpers = [...sources.matchAll(/\{\{[#/]?\s*([a-zA-Z]+)\s+[^}]*\}\}/g)].map((m) => m[1]);
    expect(new Set(helpers)).toEqual(new Set(['if', 'each', 'unless', 'with', 'else']));
    expect(readFileSync(join(DEFAULT_TEMPLATES_DIR, 'report.hbs'), 'utf8')).toContain('{{> (lookup . "kind")}}');
  });
});

