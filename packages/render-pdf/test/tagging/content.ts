// Reads the page content streams of a PDF that pdfkit wrote (plain objects, Flate streams) and finds
// drawing operators outside any marked-content sequence: content that is neither in the structure
// tree nor an artifact. pdf.js sees only text; this sees paths, images and shadings too.
import { inflateSync } from 'node:zlib';

/** Operators that put marks on the page (PDF 32000-1, tables 59, 60, 107, 87, 77). */
const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'Tj', 'TJ', "'", '"']);

export interface Unmarked {
  page: number;
  operator: string;
}

/** Painting operators at marked-content depth 0, page by page. */
export function unmarkedDrawing(bytes: Uint8Array): Unmarked[] {
  const pdf = Buffer.from(bytes);
  const text = pdf.toString('latin1');
  const objectAt = new Map<number, number>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) objectAt.set(Number(m[1]), (m.index ?? 0) + m[0].length);
  const pages = [...text.matchAll(/<<\n\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/g)].map((m) => Number(m[1]));
  const found: Unmarked[] = [];
  pages.forEach((contents, index) => {
    const start = objectAt.get(contents) as number;
    const dict = text.slice(start, text.indexOf('stream\n', start));
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = text.indexOf('stream\n', start) + 'stream\n'.length;
    let data = pdf.subarray(dataStart, dataStart + length);
    if (/\/Filter \/FlateDecode/.test(dict)) data = inflateSync(data);
    for (const operator of operatorsAtDepthZero(data.toString('latin1'))) found.push({ page: index + 1, operator });
  });
  return found;
}

function* operatorsAtDepthZero(content: string): Generator<string> {
  let depth = 0;
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '(') i = skipString(content, i);
    else if (c === '<' && content[i + 1] !== '<') i = content.indexOf('>', i) + 1;
    else if (c === '%') i = content.indexOf('\n', i) + 1 || content.length;
    else if ('[]<>{}'.includes(c)) i += c === '<' || c === '>' ? 2 : 1;
    else if (c === '/') i = tokenEnd(content, i + 1);
    else {
      const end = tokenEnd(content, i);
      const token = content.slice(i, end);
      i = end;
      if (/^[-+.\d]/.test(token)) continue;
      if (token === 'BDC' || token === 'BMC') depth++;
      else if (token === 'EMC') depth--;
      else if (token === 'BI') i = content.indexOf('EI', i) + 2;
      else if (depth === 0 && PAINTING.has(token)) yield token;
    }
  }
}

function tokenEnd(s: string, i: number): number {
  while (i < s.length && !/[\s()<>[\]{}/%]/.test(s[i] as string)) i++;
  return i;
}

function skipString(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return i;
}
