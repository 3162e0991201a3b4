/**
 * Renders the sample report (core's `sampleReport`) and takes full-page screenshots at desktop (1280 px) and phone (390 px)
 * widths, for a human to look at: `pnpm --filter @ekoraportti/render-html screenshot [outDir]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadTemplates, renderHtml } from '../src/index.ts';
import { sampleReport } from '@ekoraportti/core';

const out = process.argv[2] ?? '/tmp/ekoraportti-screenshots';
mkdirSync(out, { recursive: true });
const templates = await loadTemplates();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const lang of ['fi', 'en'] as const) {
    const file = join(out, `report-${lang}.html`);
    writeFileSync(file, renderHtml(sampleReport({ lang }), templates));
    for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await page.screenshot({ path: join(out, `report-${lang}-${name}.png`), fullPage: true });
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}`);
