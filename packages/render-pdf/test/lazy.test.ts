import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { buildPdfDoc, renderPdf } from '../src/index.ts';
import { sampleReport } from '@ekoraportti/core';

const loadedPdfmake = () => Object.keys(createRequire(import.meta.url).cache).some((p) => /[\\/]pdfmake[\\/]/.test(p));

it('loads pdfmake only when a PDF is drawn, so the CLI starts without it', async () => {
  const model = sampleReport();
  buildPdfDoc(model);
  expect(loadedPdfmake()).toBe(false);
  const bytes = await renderPdf(model);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  expect(loadedPdfmake()).toBe(true);
}, 30_000);
