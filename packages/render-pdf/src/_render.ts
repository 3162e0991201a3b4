import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportModel } from '@ekoraportti/core';
import type { ReportView } from '@ekoraportti/presentation';
import { buildReportView } from '@ekoraportti/presentation';
import { buildPdfDocFromView } from './_doc.ts';
import { readSvgSizeFromRoot } from './_svg-size.ts';
import { enableTagging } from './tagging/index.ts';
import type { TDocumentDefinitions } from './_types.ts';

/** The part of pdfmake's server build this package calls. */
interface PdfMake {
  virtualfs: { writeFileSync(filename: string, content: Buffer): void };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/** The part of fontkit (the instance pdfkit opens fonts with) this package calls. */
interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
  registerFormat(format: { probe(buffer: Uint8Array): boolean }): void;
}
interface FontkitFont {
  postscriptName: string;
  /** Decoded tables by tag, filled on first use of each. */
  _tables: Record<string, unknown>;
}

/**
 * The Roboto of pdfmake, by the name pdfmake knows each style under: the font's PostScript
 * name, which is also the name pdfkit caches an opened font under.
 */
const ROBOTO = {
  normal: 'Roboto-Regular',
  bold: 'Roboto-Medium',
  italics: 'Roboto-Italic',
  bolditalics: 'Roboto-MediumItalic',
} as const;

/** What a font "file" in pdfmake's virtual file system holds: this tag and the font's name. */
const FONT_TAG = 'ekoraportti-font:';

/**
 * Lets every PDF drawn in this process share the tables fontkit decodes from a font (cmap, GSUB,
 * GPOS …). pdfkit opens the fonts anew for each document and fontkit decodes a table on first
 * use, so each PDF decoded them again: a seventh to a fifth of a warm render.
 *
 * pdfmake reads each font from its virtual file system, where it finds a short tagged buffer
 * instead of the font. No format of fontkit's own takes that buffer, so fontkit asks the format
 * registered here, which opens the real font from bytes read once per process and hands it the
 * table cache every font of that file shares. Decoded tables are read only (a subset copies what
 * it changes). Glyph objects, and with them the ToUnicode map, the subset and pdfkit's layout
 * cache stay per document, so a PDF's bytes do not depend on what was drawn before it.
 *
 * SVG text (the charts) asks pdfkit for a font by the name pdfmake knows it under; as that is the
 * PostScript name, pdfkit finds the font the text of the document already opened. Charts use the
 * regular style only, and every report has regular text before its first chart.
 */
function shareFontTables(fontkit: Fontkit, dir: string): void {
  const fonts = new Map<string, { bytes: Buffer; tables: Record<string, unknown> | null }>();
  for (const name of Object.values(ROBOTO)) fonts.set(name, { bytes: readFileSync(join(dir, `${name}.ttf`)), tables: null });
  const nameOf = (buffer: Uint8Array): string | undefined => {
    if (buffer.byteLength > 64) return undefined;
    const s = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
    return s.startsWith(FONT_TAG) && fonts.has(s.slice(FONT_TAG.length)) ? s.slice(FONT_TAG.length) : undefined;
  };
  fontkit.registerFormat(
    class SharedTablesFont {
      static probe(buffer: Uint8Array): boolean {
        return nameOf(buffer) !== undefined;
      }
      constructor(stream: { buffer: Uint8Array }) {
        const name = nameOf(stream.buffer) as string;
        const entry = fonts.get(name)!;
        const font = fontkit.create(entry.bytes);
        if (entry.tables) {
          font._tables = entry.tables;
        } else {
          if (font.postscriptName !== name) throw new Error(`${name}.ttf is named ${font.postscriptName}, not ${name}`);
          entry.tables = font._tables;
        }
        // fontkit's `create` returns what `new` gives: the font itself.
        return font as unknown as SharedTablesFont;
      }
    },
  );
}

let loaded: PdfMake | null = null;

/**
 * Loads pdfmake (with the tagging engine and the fonts) on first use only, so a CLI that never draws a
 * PDF does not pay for it at start-up; the PDF thread calls it as soon as it starts.
 */
export function loadPdfmake(tagging = true): PdfMake {
  // The structure tree, bookmarks and artifacts of the tagged PDF (src/tagging/README.md): hooks this
  // pdfmake, once per thread (each thread loads its own).
  if (tagging) enableTagging();
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMake;
  const pdfmakeDir = dirname(require.resolve('pdfmake/package.json'));
  const pdfkitMain = createRequire(join(pdfmakeDir, 'package.json')).resolve('pdfkit');
  shareFontTables(createRequire(pdfkitMain)('fontkit') as Fontkit, join(pdfmakeDir, 'fonts', 'Roboto'));
  readSvgSizeFromRoot();
  for (const name of Object.values(ROBOTO)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(FONT_TAG + name, 'latin1'));
  pdfmake.setFonts({ Roboto: { ...ROBOTO } });
  // The report links and embeds nothing from outside: no URL is fetched, no file is read (the
  // fonts were read above, into the virtual file system's stand-ins).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  loaded = pdfmake;
  return loaded;
}

/**
 * Draws the report as a tagged A4 PDF/A-2b and returns its bytes; the same model gives the same bytes.
 * `tagged: false` draws the same pages without the structure tree, bookmarks and artifacts, and, in a
 * process that has drawn no tagged PDF, without the tagging engine's hooks: pdfmake alone (but for the
 * chart-size reading of `_svg-size.ts`, which both kinds of PDF use), only for measuring what tagging
 * costs (`pnpm bench`).
 */
export async function renderPdf(model: ReportModel, options: { tagged?: boolean } = {}): Promise<Uint8Array> {
  return renderPdfView(buildReportView(model), model.asOf, options);
}

/**
 * Draws a report view (built from the model by `buildReportView`) as `renderPdf` draws the model: the
 * same bytes. `asOf` (ISO) dates the document. The runner builds the view once for the PDF and the HTML.
 */
export async function renderPdfView(view: ReportView, asOf: string, options: { tagged?: boolean } = {}): Promise<Uint8Array> {
  const pdfmake = loadPdfmake(options.tagged !== false);
  const doc = buildPdfDocFromView(view, asOf);
  if (options.tagged === false) doc.tagged = false;
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
