import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import type { ReportModel } from '@ekoraportti/core';
import { renderPdf } from '../src/index.ts';

/** A drawn PDF, read back with poppler. */
export interface Rendered {
  path: string;
  bytes: Uint8Array;
  /** `pdftotext -layout` of the whole document. */
  text: string;
  /** The text in content order (`pdftotext -raw`), flattened: each cell's text whole. */
  flat: string;
  pages: number;
  pageText: (n: number) => string;
  info: Record<string, string>;
}

let dir: string | null = null;
/** A folder for this test file's PDFs, removed with `removePdfs`. */
function folder(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'render-pdf-'));
  return dir;
}
export function removePdfs(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
}

/** Text as the views are compared: no-break spaces as spaces, zero-width breaks gone, runs of white space as one. */
export const flatten = (s: string): string => s.replace(/\u200b/g, '').replace(/[\s\u00a0]+/g, ' ');

/** pdftotext -layout pads columns with runs of spaces; figures keep their thousands together with no-break spaces. */
export const squash = (s: string): string => s.replace(/[ \t]+/g, ' ').replace(/\u00a0/g, ' ');

export function pdfinfo(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [path], { encoding: 'utf8' }).split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** Draws the model's PDF into this file's folder and reads it back. */
export async function render(name: string, model: ReportModel): Promise<Rendered> {
  const bytes = await renderPdf(model);
  const path = join(folder(), `${name}.pdf`);
  writeFileSync(path, bytes);
  const pdftotext = (args: string[]) => execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const info = pdfinfo(path);
  return {
    path,
    bytes,
    text: pdftotext(['-layout']),
    flat: flatten(pdftotext(['-raw'])),
    pages: Number(info.Pages),
    pageText: (n) => pdftotext(['-layout', '-f', String(n), '-l', String(n)]),
    info,
  };
}

/** The model's PDF, drawn once before the tests of the enclosing `describe` (read `.pdf` inside a test). */
export function drawnOnce(name: string, model: ReportModel): { readonly pdf: Rendered } {
  const drawn: { pdf: Rendered | null } = { pdf: null };
  beforeAll(async () => {
    drawn.pdf = await render(name, model);
  });
  return {
    get pdf(): Rendered {
      if (drawn.pdf === null) throw new Error(`the PDF ${name} was not drawn`);
      return drawn.pdf;
    },
  };
}
