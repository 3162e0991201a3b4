/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.ts';

// The whole chain with hostile text in every CSV text field: CSV → ingest → model → HTML in Chromium,
// PDF through pdftotext, rejected.csv as Excel would read it. Nothing may run; everything shows as text.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const ATTR = '" onmouseover="window.__pwned=1';
const HBS = "{{constructor.constructor('window.__pwned=1')()}}";
const FORMULA = '=HYPERLINK("http://x.invalid")';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ekoraportti-hostile-'));
  const id = 'X<b>1</b>';
  writeFileSync(
    join(dir, 'projects.csv'),
    [
      'project_id;name;owner;measure;status;start_date;end_date;<svg onload=alert(1)>',
      `${q(id)};${q(SCRIPT)};${q(IMG)};4.1.1;käynnissä;1.1.2024;31.12.2025;x`,
      `${q('X2')};${q(HBS)};${q(ATTR)};4.2.2;ongoing;2024-01-01;2025-12-31;x`,
      `${q('X3')};${q(FORMULA)};JAMK;${q(SCRIPT)};ongoing;2024-01-01;2025-12-31;x`,
    ].join('\r\n'),
  );
  writeFileSync(join(dir, 'funding.csv'), ['project_id;source;year;amount_eur', `${q(id)};EAKR;2024;1 000,00`, `${q('X2')};kaupunki;2024;500,00`, `${q('X2')};${q(IMG)};2024;1,00`].join('\r\n'));
  writeFileSync(
    join(dir, 'indicators.csv'),
    ['kpi;date;value;project_id;source', `partner_cities;1.6.2024;3;${q(id)};${q(SCRIPT)}`, `${q(HBS)};1.6.2024;1;;`].join('\r\n'),
  );
  writeFileSync(
    join(dir, 'assessments.csv'),
    [
      'target;date;status;evidence;assessed_by',
      `4.1.1/2023;1.6.2024;etenee;${q(SCRIPT + ATTR)};${q(IMG)}`,
      `4.2.2/2027;1.6.2024;riskissä;${q(HBS)};${q(FORMULA)}`,
    ].join('\r\n'),
  );
  return dir;
}

let browser: Browser;
let out: string;
let html: string;
let pdf: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ekoraportti-hostile-out-'));
  const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: ROOT, stderrIsTTY: false, today: () => '2026-11-24', now: () => 0, root: ROOT, processors: 1 };
  const code = await runCli(['--pipeline', 'steering-group', '--data', hostileFolder(), '--out', out, '--as-of', '2025-06-30'], io);
  expect(code).toBe(0);
  html = join(out, 'jyvaskyla-steering-group-2025-06-30.html');
  pdf = join(out, 'jyvaskyla-steering-group-2025-06-30.pdf');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('hostile text from the CSV files', () => {
  it('is shown as text in the HTML report and never runs', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(html).href);
    await page.hover('body');
    for (const el of (await page.$$('td')).slice(0, 30)) await el.hover({ timeout: 1000 }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests).toEqual([pathToFileURL(html).href]);
    expect(errors).toEqual([]);
    const body = (await page.textContent('body')) ?? '';
    for (const s of [SCRIPT, IMG, HBS, 'onmouseover="window.__pwned=1']) expect(body).toContain(s);
    expect(await page.$$eval('img, script, [onmouseover], [onerror], [onload]', (els) => els.length)).toBe(0);
    await page.close();
  }, 60_000);

  it('is shown as text in the PDF', () => {
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain("{{constructor.constructor('window.__pwned=1')()}}");
  });

  it('cannot run as a formula when rejected.csv is opened in Excel', () => {
    const csv = readFileSync(join(out, 'rejected.csv'), 'utf8');
    const cells = csv.split(/\r\n/).flatMap((l) => l.split(';'));
    expect(cells.some((c) => /^"?[=+@-]/.test(c))).toBe(false);
  });
});

describe('the report built from the example data', () => {
  it('has no WCAG 2.1 A/AA violation in Chromium', async () => {
    const exampleOut = mkdtempSync(join(tmpdir(), 'ekoraportti-a11y-'));
    const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: ROOT, stderrIsTTY: false, today: () => '2026-11-24', now: () => 0, root: ROOT, processors: 1 };
    expect(await runCli(['--pipeline', 'midterm-review', '--data', join(ROOT, 'seeds', 'example'), '--out', exampleOut], io)).toBe(0);
    // The report's CSP forbids every script; axe is injected with the CSP bypassed, as a reader's tool would be.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(pathToFileURL(join(exampleOut, 'jyvaskyla-midterm-review-2024-12-31.html')).href);
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  }, 90_000);
});
