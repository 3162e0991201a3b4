import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportModel } from '@ekoraportti/core';
import { buildPdfDoc } from './_doc.ts';
import type { TDocumentDefinitions } from './_types.ts';

/** The part of pdfmake's server build this package calls. */
interface PdfMake {
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let loaded: { pdfmake: PdfMake; fontFiles: ReadonlySet<string> } | null = null;

/** Loads pdfmake on first use only, so a CLI that never draws a PDF does not pay for it at start-up. */
function load(): { pdfmake: PdfMake; fontFiles: ReadonlySet<string> } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMake;
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const fonts = {
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  };
  const fontFiles = new Set(Object.values(fonts.Roboto));
  pdfmake.setFonts(fonts);
  // The report links and embeds nothing from outside: no URL is fetched, no file but the fonts is read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  loaded = { pdfmake, fontFiles };
  return loaded;
}

/** Draws the report as an A4 PDF/A-2b and returns its bytes; the same model gives the same bytes. */
export async function renderPdf(model: ReportModel): Promise<Uint8Array> {
  const { pdfmake } = load();
  const buffer = await pdfmake.createPdf(buildPdfDoc(model)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
