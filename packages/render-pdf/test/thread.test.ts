import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { renderPdf, startPdfThread } from '../src/index.ts';
import { buildFixture } from './fixture.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const loadedPdfmake = () => Object.keys(createRequire(import.meta.url).cache).some((p) => /[\\/]pdfmake[\\/]/.test(p));

it('draws on its own thread the same bytes renderPdf draws here, without loading pdfmake here', async () => {
  const model = buildFixture({ lang: 'en' });
  const thread = startPdfThread();
  const onThread = await thread.render(model);
  thread.close();
  expect(loadedPdfmake()).toBe(false);
  expect(Buffer.from(onThread.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  expect(sha(onThread)).toBe(sha(await renderPdf(model)));
  await expect(thread.render(model)).rejects.toThrow(/one report/);
}, 60_000);

it('can be stopped unused, as a run that fails before its PDF does', () => {
  startPdfThread().close();
});
