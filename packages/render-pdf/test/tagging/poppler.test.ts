// The same synthetic document read by poppler (pdfinfo -struct-text) and checked at the level of PDF
// objects: what pdf.js does not show (attributes, page references of annotations, /Tabs, outline
// counts, the XMP packet).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStructure } from './check.ts';
import { unmarkedDrawing } from './content.ts';
import { allElements, deepText, parseStructText, structText, type PopplerElement } from './structure.ts';
import { renderDoc, syntheticDoc } from './synthetic.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let bytes: Uint8Array;
let raw: string;
let tree: PopplerElement;
let elements: PopplerElement[];

beforeAll(async () => {
  bytes = await renderDoc(syntheticDoc());
  const path = join(dir, 'synthetic.pdf');
  writeFileSync(path, bytes);
  raw = Buffer.from(bytes).toString('latin1');
  tree = parseStructText(structText(path));
  elements = allElements(tree);
}, 60_000);

/** The PDF's objects that are dictionaries (pdfkit writes them uncompressed), by number. */
function objects(): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj\n(<<[\s\S]*?>>)\n(?:endobj|stream)/g)) out.set(Number(m[1]), m[2] as string);
  return out;
}

describe('poppler reads the structure tree', () => {
  it('has one Document with every role of the convention under it', () => {
    expect(tree.children.map((e) => e.role)).toEqual(['Document']);
    const roles = new Set(elements.map((e) => e.role));
    for (const role of ['H1', 'H2', 'H3', 'P', 'TOC', 'TOCI', 'Reference', 'Link', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Caption', 'Figure', 'Div']) {
      expect(roles, role).toContain(role);
    }
  });

  it('reads the same headings in the same order as pdf.js', async () => {
    const fromPdfjs = (await checkStructure(bytes)).headings;
    const fromPoppler = elements.filter((e) => /^H[1-6]$/.test(e.role)).map((e) => ({ level: Number(e.role[1]), text: deepText(e) }));
    expect(fromPoppler).toEqual(fromPdfjs);
  });

  it('gives every TH a Scope, spans their ColSpan and RowSpan, every list its numbering', () => {
    const th = elements.filter((e) => e.role === 'TH');
    expect(th.length).toBeGreaterThan(6);
    for (const cell of th) expect(['Column', 'Row']).toContain(cell.attributes['Scope']);
    expect(elements.some((e) => e.role === 'TD' && e.attributes['RowSpan'] === '2')).toBe(true);
    expect(elements.some((e) => e.role === 'TD' && e.attributes['ColSpan'] === '2')).toBe(true);
    expect(elements.filter((e) => e.role === 'L').map((e) => e.attributes['ListNumbering'])).toEqual(['Disc', 'Decimal', 'Disc']);
  });

  it('puts list labels in Lbl and item text in LBody', () => {
    const ordered = elements.find((e) => e.role === 'L' && e.attributes['ListNumbering'] === 'Decimal') as PopplerElement;
    expect(ordered.children.map((li) => li.children.map((c) => `${c.role}:${deepText(c)}`))).toEqual([
      ['Lbl:1.', 'LBody:Ensimmäinen vaihe'],
      ['Lbl:2.', 'LBody:Toinen vaihe, kaksi kappaletta: jälkimmäinen kappale'],
      ['Lbl:3.', 'LBody:Kolmas vaihe'],
    ]);
  });

  it('puts the table of contents in TOC, one TOCI with a Link per entry', () => {
    const toc = elements.find((e) => e.role === 'TOC') as PopplerElement;
    expect(toc.children).toHaveLength(7);
    for (const entry of toc.children) {
      expect(entry.role).toBe('TOCI');
      expect(entry.children[0]?.children.map((c) => c.role)).toEqual(['Link']);
    }
  });

  it('tags the long table with one header row and every body row, in order', () => {
    const table = elements.find((e) => e.role === 'Table' && deepText(e).startsWith('Hanke Määrä')) as PopplerElement;
    const [head, body] = table.children;
    expect(head?.children).toHaveLength(1);
    expect(body?.children).toHaveLength(80);
    expect(deepText(body?.children[79] as PopplerElement)).toMatch(/^Hanke 0080 /);
  });

  it('gives a single picture its bounding box', () => {
    const figures = elements.filter((e) => e.role === 'Figure');
    expect(figures).toHaveLength(4);
    expect(figures[0]?.attributes['BBox']).toMatch(/^\[50 [\d.]+ 370 [\d.]+\]$/);
  });
});

describe('the PDF objects', () => {
  it('draws nothing (text, paths, images) outside a marked-content sequence', async () => {
    expect(unmarkedDrawing(bytes)).toEqual([]);
    // The same document untagged draws everything unmarked: the check can tell.
    const untagged = unmarkedDrawing(await renderDoc({ ...syntheticDoc(), tagged: false }, false));
    expect([...new Set(untagged.map((u) => u.operator))]).toEqual(expect.arrayContaining(['TJ', 'S', 'f', 'Do']));
  }, 60_000);

  it('has every page follow the structure for tab order (/Tabs /S)', () => {
    const pages = [...objects().values()].filter((d) => /\/Type \/Page\n/.test(d));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain('/Tabs /S');
  });

  it('refers to each link annotation from its Link element with the page the annotation is on', () => {
    const all = objects();
    const pageOf = new Map<number, number>();
    for (const [n, dict] of all) {
      const annots = /\/Annots \[([^\]]*)\]/.exec(dict)?.[1];
      for (const ref of annots?.matchAll(/(\d+) 0 R/g) ?? []) pageOf.set(Number(ref[1]), n);
    }
    const refs = [...raw.matchAll(/\/Type \/OBJR\n\/Obj (\d+) 0 R\n\/Pg (\d+) 0 R/g)];
    expect(refs.length).toBe(pageOf.size);
    for (const [, obj, pg] of refs) expect(Number(pg), `annotation ${obj}`).toBe(pageOf.get(Number(obj)));
    for (const n of pageOf.keys()) expect(all.get(n)).toMatch(/\/StructParent \d+/);
  });

  it('counts the open bookmarks as PDF requires (all visible descendants)', () => {
    const all = objects();
    const catalog = [...all.values()].find((d) => d.includes('/Type /Catalog')) as string;
    const outlines = all.get(Number(/\/Outlines (\d+) 0 R/.exec(catalog)?.[1]));
    // 7 bookmarks, all open: the root counts all of them; "1 Johdanto" has 1.1, 1.1.1, 1.2.
    expect(outlines).toMatch(/\/Count 7\b/);
    expect([...all.values()].find((d) => d.includes('/Title (1 Johdanto)'))).toMatch(/\/Count 3\b/);
  });

  it('writes well-formed XMP with the PDF/A-2b and PDF/UA-1 identifications and the pdfuaid extension schema', () => {
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(Buffer.from(bytes).toString('utf8'))?.[0] ?? '';
    const xmldoc = createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json'))('xmldoc') as {
      XmlDocument: new (xml: string) => { descendantWithPath(path: string): unknown; toString(): string };
    };
    const doc = new xmldoc.XmlDocument(xmp.replace(/<\?xpacket[^>]*\?>/g, '').trim());
    expect(doc.toString()).toContain('x:xmpmeta');
    const values = (tag: string) => [...xmp.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
    expect(values('pdfuaid:part')).toEqual(['1']);
    expect(values('pdfaid:part')).toEqual(['2']);
    expect(values('pdfaid:conformance')).toEqual(['B']);
    expect(values('pdfaSchema:namespaceURI')).toEqual(['http://www.aiim.org/pdfua/ns/id/']);
    expect(values('pdfaSchema:prefix')).toEqual(['pdfuaid']);
    expect(values('pdfaProperty:name')).toEqual(['part']);
    expect(values('pdfaProperty:valueType')).toEqual(['Integer']);
  });

  it('declares the document tagged, its language and a displayed title in the catalog', () => {
    const catalog = [...objects().values()].find((d) => d.includes('/Type /Catalog')) as string;
    expect(catalog).toMatch(/\/Lang \(fi-FI\)/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(catalog).toMatch(/\/ViewerPreferences \d+ 0 R/);
    expect(catalog).toMatch(/\/OutputIntents \[/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
  });
});
