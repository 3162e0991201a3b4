// The whole structure tree as poppler reads it (`pdfinfo -struct-text`): an independent second reader
// beside pdf.js, and the reviewable dump of the reading order.
import { execFileSync } from 'node:child_process';

export interface PopplerElement {
  role: string;
  depth: number;
  /** Attributes poppler prints (`/Scope /Column` → Scope: 'Column'). */
  attributes: Record<string, string>;
  /** The element's own text, as poppler extracts it. */
  text: string;
  children: PopplerElement[];
}

/**
 * `pdfinfo -struct-text` of a PDF file, as poppler prints it; with `text: false`, `pdfinfo -struct`:
 * the elements and their attributes without their text, in a small part of the time (poppler reads a
 * page's whole content again for the text of each element: a 16-page report takes it 20 s).
 */
export function structText(path: string, text = true): string {
  return execFileSync('pdfinfo', [text ? '-struct-text' : '-struct', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The dump for review: annotation object numbers (which change with any edit) left out. */
export function reviewableDump(structText: string): string {
  return structText.replace(/^(\s*)Object \d+ \d+$/gm, '$1(annotation)');
}

/** Parses `pdfinfo -struct-text` output into elements (two spaces of indent a level). */
export function parseStructText(out: string): PopplerElement {
  const root: PopplerElement = { role: 'Root', depth: -1, attributes: {}, text: '', children: [] };
  const stack: PopplerElement[] = [root];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    const top = stack[stack.length - 1] as PopplerElement;
    if (body.startsWith('"')) {
      top.text += body.slice(1, -1);
      continue;
    }
    const attribute = /^\/(\w+) (.*)$/.exec(body);
    if (attribute) {
      top.attributes[attribute[1] as string] = (attribute[2] as string).replace(/^\//, '');
      continue;
    }
    if (/^Object \d+ \d+$|^\(annotation\)$/.test(body)) continue;
    const depth = indent / 2;
    while ((stack[stack.length - 1] as PopplerElement).depth >= depth) stack.pop();
    const element: PopplerElement = { role: (body.split(/[ :]/)[0] as string), depth, attributes: {}, text: '', children: [] };
    (stack[stack.length - 1] as PopplerElement).children.push(element);
    stack.push(element);
  }
  return root;
}

/** Every element, depth first. */
export function allElements(root: PopplerElement): PopplerElement[] {
  const out: PopplerElement[] = [];
  const walk = (e: PopplerElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** An element's text with its descendants'. */
export function deepText(e: PopplerElement): string {
  return [e.text, ...e.children.map(deepText)].join(' ').replace(/\s+/g, ' ').trim();
}
