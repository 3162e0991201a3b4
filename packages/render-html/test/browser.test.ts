/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, sampleReport } from '@ekoraportti/core';
import { loadTemplates, renderHtml } from '../src/index.ts';

/**
 * The rendered report in Debian's Chromium: loads offline without errors or requests, passes axe's
 * WCAG 2.1 A/AA rules in both languages, keeps hostile CSV text inert, and its provenance
 * disclosures work from the keyboard. One browser per file.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let dir: string;
const urls: Record<'fi' | 'en' | 'hostile', string> = { fi: '', en: '', hostile: '' };

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const templates = await loadTemplates();
  dir = mkdtempSync(join(tmpdir(), 'render-html-'));
  for (const [name, model] of [
    ['fi', sampleReport({ lang: 'fi', eura: true })],
    ['en', sampleReport({ lang: 'en' })],
    ['hostile', sampleReport({ hostile: true, eura: true })],
  ] as const) {
    const file = join(dir, `report-${name}.html`);
    writeFileSync(file, renderHtml(model, templates));
    urls[name] = pathToFileURL(file).href;
  }
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Loaded {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  close: () => Promise<void>;
}

async function open(url: string, options: BrowserContextOptions = {}): Promise<Loaded> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const loaded: Loaded = { page, requests: [], consoleErrors: [], pageErrors: [], close: () => context.close() };
  page.on('request', (r) => loaded.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') loaded.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => loaded.pageErrors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  return loaded;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags } },
      ),
    WCAG_TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${JSON.stringify(v.nodes[0]?.target)})`);
}

describe('the HTML report in Chromium', () => {
  it('loads without errors and requests nothing but the file itself', async () => {
    const l = await open(urls.fi);
    try {
      expect(l.consoleErrors).toEqual([]);
      expect(l.pageErrors).toEqual([]);
      expect(l.requests).toEqual([urls.fi]);
      expect(await l.page.title()).toBe(
        'Väliarviointi – Innovaatiotoiminnan ekosysteemisopimus (tarkistettu sopimus 2025–2027) – Jyväskylä – 30.6.2025',
      );
    } finally {
      await l.close();
    }
  });

  // axe is injected as an inline script, which the page's own CSP forbids: bypass it for the audit only.
  it.each(['fi', 'en'] as const)('has no WCAG 2.1 A/AA violations (%s)', async (lang) => {
    const l = await open(urls[lang], { bypassCSP: true });
    try {
      expect(await l.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await axeViolations(l.page)).toEqual([]);
    } finally {
      await l.close();
    }
  });

  it('has headings in order without skipped levels, and the landmarks', async () => {
    const l = await open(urls.fi);
    try {
      const levels = await l.page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((n) => n === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
      for (const landmark of ['header', 'nav', 'main']) expect(await l.page.locator(landmark).count()).toBe(1);
    } finally {
      await l.close();
    }
  });

  it('shows hostile CSV text as text and never runs it, even without the CSP', async () => {
    // bypassCSP: the escaping itself must hold; the page's CSP is a second line, not the defence tested here.
    const l = await open(urls.hostile, { bypassCSP: true });
    try {
      const body = (await l.page.textContent('body')) ?? '';
      for (const s of HOSTILE_TEXT) expect(body).toContain(s);
      // Every field got one: project names and owners, evidence, assessors, sources, rejections, warnings.
      expect(HOSTILE_TEXT.some((h) => body.includes(`${h} Hyvinvoinnin datatalouden alusta (HyDa)`))).toBe(true);
      await l.page.locator('td, th').first().hover();
      await l.page.mouse.move(200, 600);
      expect(await l.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await l.page.locator('img').count()).toBe(0);
      expect(await l.page.locator('script').count()).toBe(0);
      expect(await l.page.locator('[onmouseover], [onerror]').count()).toBe(0);
      expect(l.requests).toEqual([urls.hostile]);
      expect(l.pageErrors).toEqual([]);
    } finally {
      await l.close();
    }
  });

  it('opens a provenance disclosure from the keyboard', async () => {
    const l = await open(urls.fi);
    try {
      const details = l.page.locator('details.prov').first();
      const lines = details.locator('li').first();
      await expect.poll(() => lines.isVisible()).toBe(false);
      await details.locator('summary').focus();
      expect(await l.page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      await l.page.keyboard.press('Enter');
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await lines.isVisible()).toBe(true);
      // The first figure with source rows: the partner cities KPI, its latest counted observation.
      // One line: "rivi", not "rivit".
      const ranges = sampleReport().kpis.partner_cities?.provenance['indicators.csv'] ?? '';
      expect(await lines.textContent()).toBe(`indicators.csv: ${/^\d+$/.test(ranges) ? 'rivi' : 'rivit'} ${ranges.replaceAll('-', '–')}`);
    } finally {
      await l.close();
    }
  });

  it('reaches a provenance summary by tabbing from a table before it', async () => {
    const l = await open(urls.fi);
    try {
      // The first history table of a target sits right before its first provenance summary in tab order.
      await l.page.locator('.assessment').first().evaluate((el) => {
        const before = el.previousElementSibling as HTMLElement; // the "latest assessment" heading
        before.setAttribute('tabindex', '-1');
        before.focus();
      });
      await l.page.keyboard.press('Tab');
      expect(await l.page.evaluate(() => document.activeElement?.textContent)).toBe('Lähderivit');
    } finally {
      await l.close();
    }
  });

  it('fits a phone screen: wide tables scroll inside their own region, not the page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(urls.fi);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const scrollingWraps = await page.$$eval('.table-wrap', (ws) =>
        ws.filter((w) => w.scrollWidth > w.clientWidth).map((w) => [w.getAttribute('tabindex'), w.getAttribute('role'), w.getAttribute('aria-label')]),
      );
      expect(scrollingWraps.length).toBeGreaterThan(0);
      for (const [tabindex, role, label] of scrollingWraps) {
        expect(tabindex).toBe('0');
        expect(role).toBe('region');
        expect(label).toBeTruthy();
      }
    } finally {
      await context.close();
    }
  });
});
