import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '@ekoraportti/core';
import { buildReportView } from '@ekoraportti/presentation';
import { renderPdf, startPdfThread } from '../src/index.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const loadedPdfmake = () => Object.keys(createRequire(import.meta.url).cache).some((p) => /[\\/]pdfmake[\\/]/.test(p));
/** The process's operating-system threads (Linux): a worker thread is one of them while it runs. */
const threads = () => readdirSync('/proc/self/task').length;

// One file, run in order: the first test needs pdfmake not yet loaded on this thread.
describe('the PDF thread', () => {
  it('draws on its own thread, from a copy of the view, the same bytes renderPdf draws here from the model, without loading pdfmake here', async () => {
    const model = sampleReport({ lang: 'en' });
    const thread = startPdfThread();
    const onThread = await thread.render(buildReportView(model), model.asOf);
    expect(loadedPdfmake()).toBe(false);
    expect(Buffer.from(onThread.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(sha(onThread)).toBe(sha(await renderPdf(model)));
    await expect(thread.render(buildReportView(model), model.asOf)).rejects.toThrow(/one report/);
  }, 120_000);

  it('stops when closed unused, as for a run that fails before its PDF', async () => {
    const before = threads();
    const thread = startPdfThread();
    expect(threads()).toBeGreaterThan(before);
    await thread.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(threads()).toBe(before);
  }, 60_000);

  it('draws the PDF here when its thread cannot start', async () => {
    const model = sampleReport({ sections: ['summary'] });
    const thread = startPdfThread(new URL('./no-such-worker.mjs', import.meta.url));
    const pdf = await thread.render(buildReportView(model), model.asOf);
    expect(sha(pdf)).toBe(sha(await renderPdf(model)));
    await thread.close();
  }, 60_000);
});
