// The tagging engine on a synthetic document that uses every role, read back with pdf.js, with poppler
// (pdfinfo -struct-text) and at the level of PDF objects: what pdf.js does not show (attributes, page
// references of annotations, /Tabs, outline counts, the XMP packet, unmarked drawing).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStructure, type StructureReport } from './check.ts';
import { unmarkedDrawing } from './content.ts';
import { xrefProblems } from './xref.ts';
import { allElements, deepText, parseStructText, structText, type PopplerElement } from './structure.ts';
import { base, barSvg, renderDoc, syntheticDoc } from './synthetic.ts';

const HEADINGS = [
  { level: 1, text: 'Synteettinen väliarviointi' },
  { level: 2, text: 'Sisällys' },
  { level: 1, text: '1 Johdanto' },
  { level: 2, text: '1.1 Tavoitteet' },
  { level: 3, text: '1.1.1 Tunnusluvut' },
  { level: 2, text: '1.2 Kuvat' },
  { level: 1, text: '2 Rahoitus' },
  { level: 2, text: '2.1 Hankkeiden rahoitus' },
  { level: 2, text: '2.2 Yhteenveto' },
];
/** The headings with tocItem: in the table of contents and the bookmarks. */
const IN_TOC = HEADINGS.slice(2);

const dir = mkdtempSync(join(tmpdir(), 'tagging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let bytes: Uint8Array;
let report: StructureReport;
let pageBreakChecks = 0;
/** The PDF as text (pdfkit writes its dictionaries uncompressed). */
let raw: string;
/** poppler's structure tree. */
let tree: PopplerElement;
let elements: PopplerElement[];

beforeAll(async () => {
  bytes = await renderDoc(syntheticDoc({ onPageBreakCheck: () => pageBreakChecks++ }));
  report = await checkStructure(bytes);
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

describe('a synthetic report with every role', () => {
  it('leaves no text outside the structure tree or an artifact', () => {
    expect(report.untagged).toEqual([]);
    expect(report.taggedRuns).toBeGreaterThan(300);
  });

  it('has the headings in reading order, and the table of contents and bookmarks follow them', () => {
    expect(report.headings).toEqual(HEADINGS);
    // A TOC entry reads "title page"; the pageBreakBefore rule moved chapter 2 to page 3.
    expect(report.toc.map((t) => t.text.replace(/ \d+$/, ''))).toEqual(IN_TOC.map((h) => h.text));
    expect(report.toc.map((t) => t.text)).toContain('2 Rahoitus 3');
    expect(report.outline.map(({ level, title }) => ({ level, text: title }))).toEqual(IN_TOC);
  });

  it("sends each TOC entry's link and bookmark to the page its number says, also for a heading repeated with a table's header", () => {
    report.toc.forEach((entry, i) => {
      const printed = Number(/ (\d+)$/.exec(entry.text)?.[1]);
      expect(entry.target, entry.text).toBe(printed);
      expect(report.outline[i]?.page, entry.text).toBe(printed);
    });
    expect(report.toc.map((t) => t.text)).toContain('2.1 Hankkeiden rahoitus 3');
  });

  it('tags a long table once: one header row of TH, its repeats on later pages are artifacts', () => {
    const long = report.tables.find((t) => t.firstRow.join('|') === 'Hanke|Määrä|Osuus');
    expect(long).toEqual({ rows: 81, th: 3, td: 240, firstRow: ['Hanke', 'Määrä', 'Osuus'] });
    const repeats = report.artifacts.filter((a) => a.text.trim() === 'Määrä');
    const caption = report.artifacts.filter((a) => a.text.includes('Hankkeiden'));
    expect(repeats.length).toBeGreaterThanOrEqual(1);
    expect(caption.map((a) => a.page)).toEqual(repeats.map((a) => a.page));
    // The caption row is tagged once, as the heading before the table.
    expect(report.headings.filter((h) => h.text === '2.1 Hankkeiden rahoitus')).toHaveLength(1);
  });

  it('gives every table header cells: column headers, and row headers in the fact table', () => {
    expect(report.tables).toHaveLength(3);
    for (const table of report.tables) expect(table.th).toBeGreaterThan(0);
    expect(report.tables[0]).toEqual({ rows: 3, th: 3, td: 3, firstRow: ['Hankkeita', '42'] });
    // Caption row, then the header row of three TH, then body rows with spans.
    expect(report.tables[1]).toMatchObject({ rows: 4, th: 3, firstRow: ['Lähde', 'Summa', 'Osuus'] });
  });

  it('gives every figure its alt text, and draws decoration as artifacts', () => {
    expect(report.figures).toEqual([
      { alt: 'EU:n ja valtion osuus 62,0 %, ohjeellinen osuus 60 %' },
      { alt: 'Punainen neliö: hankkeen tunnus' },
      { alt: 'QR-koodi sopimuksen verkkosivulle' },
      { alt: 'Kaksi palkkia: 2023 tavoite 40 %, toteuma 45 %' },
    ]);
    expect(report.artifacts.map((a) => a.text)).toContain('ESIMERKKIAINEISTO');
  });

  it('puts every link annotation in a Link element, with a description', () => {
    expect(report.links.annotations).toBeGreaterThan(10);
    expect(report.links.outsideStructure).toBe(0);
    expect(report.links.withoutContents).toBe(0);
    expect(report.links.contents).toContain('sopimuksen verkkosivulta');
    expect(report.links.contents).toContain('Luku 2, rahoitus'); // its alt
    expect(report.links.contents).toContain('sivulla 1'); // linkToPage: pdfmake annotates after the text
    // The link in every page header is an artifact's: drawn, but without an annotation.
    expect(report.links.contents).not.toContain('jyvaskyla.fi');
    expect(report.artifacts.filter((a) => a.text.includes('jyvaskyla.fi'))).toHaveLength(report.pages);
    expect(report.links.contents).toContain('2.2 Yhteenveto'); // a TOC entry
  });

  it('marks the language of a part in another language', () => {
    expect(report.languages).toEqual([{ role: 'P', lang: 'en', text: 'The agreement is known in English as the innovation ecosystem agreement.' }]);
  });

  it('says its language and title, shows the title, and identifies as PDF/UA-1', () => {
    expect(report).toMatchObject({ lang: 'fi-FI', title: 'Synteettinen väliarviointi', displayTitle: true, marked: true, pdfuaPart: '1' });
  });

  it('tags page headers, footers, backgrounds and watermarks as artifacts on every page', () => {
    for (let page = 1; page <= report.pages; page++) {
      const texts = report.artifacts
        .filter((a) => a.page === page)
        .map((a) => a.text)
        .join(' ');
      for (const expected of [`sivu ${page}`, `Sivu ${page} / ${report.pages}`, 'LUONNOS', 'Tausta']) expect(texts).toContain(expected);
    }
  });

  it('reads columns one after the other, and a layout table cell by cell, as paragraphs', () => {
    const at = (start: string) => report.paragraphs.findIndex((p) => p.startsWith(start));
    expect(at('Vasen solu:')).toBeGreaterThan(0);
    expect(at('Oikea solu:')).toBe(at('Vasen solu:') + 1);
    expect(at('Vasen palsta.')).toBe(at('Oikea solu:') + 1);
    expect(at('Oikea palsta.')).toBe(at('Vasen palsta.') + 1);
  });

  it('tags an unbreakable block moved to a new page once', () => {
    expect(report.paragraphs.filter((p) => p.startsWith('Ekosysteemisopimuksen') && p.length > 400)).toHaveLength(2);
  });

  it('builds the structure from the last layout pass when pageBreakBefore makes pdfmake lay out again', () => {
    expect(pageBreakChecks).toBeGreaterThan(0);
    expect(report.headings.filter((h) => h.text === '2 Rahoitus')).toHaveLength(1);
  });

  it('gives the same bytes for the same document, whatever was drawn before', async () => {
    await renderDoc(base('Toinen', ['Muuta sisältöä', { svg: barSvg(10), width: 100, alt: '10 %' }]));
    const again = await renderDoc(syntheticDoc());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);
});

describe('poppler reads the structure tree', () => {
  it('has one Document with every role of the convention under it', () => {
    expect(tree.children.map((e) => e.role)).toEqual(['Document']);
    const roles = new Set(elements.map((e) => e.role));
    for (const role of ['H1', 'H2', 'H3', 'P', 'TOC', 'TOCI', 'Reference', 'Link', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Caption', 'Figure', 'Div']) {
      expect(roles, role).toContain(role);
    }
  });

  it('reads the same headings in the same order as pdf.js', () => {
    const fromPdfjs = report.headings;
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
  it('draws nothing (text, paths, images) outside a marked-content sequence', () => {
    // untagged.test.ts shows that the check finds what an untagged document draws.
    expect(unmarkedDrawing(bytes)).toEqual([]);
  });

  it('lists every object, the structure elements the engine writes itself included, where the file has it', () => {
    expect(xrefProblems(bytes)).toEqual([]);
    expect(raw).toMatch(/\/S \/TD\n\/P \d+ 0 R/);
  });

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
    const refs = [...raw.matchAll(/\/Type \/OBJR\s+\/Obj (\d+) 0 R\s+\/Pg (\d+) 0 R/g)];
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

describe('parts in another language, and a long table captioned by a stack of headings', () => {
  let small: StructureReport;
  let smallTree: PopplerElement[];
  beforeAll(async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [`Hanke ${i + 1}`, `${i} 000 €`]);
    const doc = base('Osat', [
      { toc: { title: { text: 'Sisällys', role: 'H1' } } },
      {
        text: ['Sopimus on englanniksi ', { text: 'innovation ecosystem agreement', italics: true, lang: 'en' }, ', ja sen tavoitteet ovat ', { text: 'Tavoite 2027', lang: 'fi' }, '.'],
      },
      { text: ['Toisella rivillä ', { text: 'a quote in English running over the end of its line and on to the next one', lang: 'en-GB' }], width: 200 },
      {
        table: {
          headerRows: 2,
          widths: ['*', 90],
          body: [
            [{ stack: [{ text: '1 Hankkeet', role: 'H1', tocItem: true }, { text: '1.1 Kaikki hankkeet', role: 'H2', tocItem: true }], colSpan: 2 }, {}],
            ['Hanke', 'Summa'],
            ...rows,
          ],
        },
      },
    ]);
    const pdf = await renderDoc(doc);
    small = await checkStructure(pdf);
    const path = join(dir, 'parts.pdf');
    writeFileSync(path, pdf);
    smallTree = allElements(parseStructText(structText(path)));
  }, 60_000);

  it('puts a part of a text in another language in a Span with its language, across line ends', () => {
    expect(small.untagged).toEqual([]);
    expect(small.languages).toEqual([
      { role: 'Span', lang: 'en', text: 'innovation ecosystem agreement' },
      { role: 'Span', lang: 'en-GB', text: 'a quote in English running over the end of its line and on to the next one' },
    ]);
    const p = smallTree.find((e) => e.role === 'P' && e.text.startsWith('Sopimus')) as PopplerElement;
    // A part in the document's language (fi) gets no Span.
    expect(p.children.map((c) => c.role)).toEqual(['Span']);
    expect(deepText(p)).toBe('Sopimus on englanniksi innovation ecosystem agreement, ja sen tavoitteet ovat Tavoite 2027.');
  });

  it('places the headings of a caption stack before the table once, with bookmarks and TOC entries', () => {
    expect(small.headings).toEqual([
      { level: 1, text: 'Sisällys' },
      { level: 1, text: '1 Hankkeet' },
      { level: 2, text: '1.1 Kaikki hankkeet' },
    ]);
    expect(small.outline.map((o) => [o.level, o.title, o.page])).toEqual([
      [1, '1 Hankkeet', 1],
      [2, '1.1 Kaikki hankkeet', 1],
    ]);
    expect(small.toc.map((t) => t.text)).toEqual(['1 Hankkeet 1', '1.1 Kaikki hankkeet 1']);
    expect(small.tables).toEqual([{ rows: 91, th: 2, td: 180, firstRow: ['Hanke', 'Summa'] }]);
    // On later pages the caption is repeated with the column headers, as an artifact.
    expect(small.pages).toBeGreaterThan(1);
    expect(small.artifacts.filter((a) => a.text === '1.1 Kaikki hankkeet').map((a) => a.page)).toEqual(
      Array.from({ length: small.pages - 1 }, (_, i) => i + 2),
    );
    const roles = smallTree.filter((e) => e.depth === 1).map((e) => e.role);
    expect(roles.slice(roles.indexOf('H1', 1))).toEqual(['H1', 'H2', 'Table']);
  });
});

describe('a paragraph running over pages', () => {
  const words = Array.from({ length: 1500 }, (_, i) => `sana${i + 1}`).join(' ');
  let long: StructureReport;
  let longRaw: string;
  let paragraphs: PopplerElement[];
  beforeAll(async () => {
    const pdf = await renderDoc(base('Pitkä kappale', [{ text: 'Pitkä kappale', role: 'H1' }, words, { text: 'Loppu.' }]));
    long = await checkStructure(pdf);
    longRaw = Buffer.from(pdf).toString('latin1');
    const path = join(dir, 'long.pdf');
    writeFileSync(path, pdf);
    paragraphs = allElements(parseStructText(structText(path))).filter((e) => e.role === 'P');
  }, 60_000);

  it('is one P, read whole and in order, with its content on each page it runs over', () => {
    expect(long.pages).toBeGreaterThanOrEqual(3);
    expect(long.untagged).toEqual([]);
    expect(paragraphs.map(deepText)).toEqual([words, 'Loppu.']);
    // Its first page is its /Pg; each later page's content is a marked-content reference to that page.
    const p = [...longRaw.matchAll(/\/S \/P\n\/P \d+ 0 R\n\/Pg (\d+) 0 R\n\/K \[([^\]]*)\]/g)][0] as RegExpMatchArray;
    const references = [...(p[2] as string).matchAll(/<<\/Type \/MCR \/Pg (\d+) 0 R \/MCID \d+>>/g)].map((m) => m[1]);
    expect(new Set(references).size).toBe(long.pages - 1);
    expect(references).not.toContain(p[1]);
  });
});

describe('what the engine refuses, with a clear error', () => {
  const fails = (content: unknown[], extra: Record<string, unknown> = {}) => renderDoc(base('Virhe', content, extra));

  it('a figure without alt text', async () => {
    await expect(fails([{ svg: barSvg(10), width: 100 }])).rejects.toMatchObject({ code: 'E_NO_ALT' });
    await expect(fails([{ image: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAABAA8GAQD0l3eZAAAAAElFTkSuQmCC', alt: ' ' }])).rejects.toThrow(
      /no alt text/,
    );
  });

  it('a role a node cannot have, or an unknown one', async () => {
    await expect(fails([{ text: 'x', role: 'Table' }])).rejects.toMatchObject({ code: 'E_ROLE' });
    await expect(fails([{ text: 'x', role: 'H7' }])).rejects.toThrow(/role "H7" is not allowed on a text node/);
  });

  it('a document without language or title', async () => {
    await expect(fails(['x'], { language: undefined })).rejects.toMatchObject({ code: 'E_NO_LANG' });
    await expect(fails(['x'], { info: {} })).rejects.toMatchObject({ code: 'E_NO_TITLE' });
    await expect(fails(['x'], { displayTitle: false })).rejects.toMatchObject({ code: 'E_NO_TITLE' });
  });

  it('metadata that pdfkit would write into the XMP as invalid XML', async () => {
    await expect(fails(['x'], { info: { title: 'Jyväskylä & TEM' } })).rejects.toMatchObject({ code: 'E_METADATA' });
  });

  it("a linked figure, and pdfmake's own outline", async () => {
    await expect(fails([{ svg: barSvg(10), width: 100, alt: 'a', link: 'https://example.com' }])).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
    await expect(fails([{ text: 'x', outline: true }])).rejects.toMatchObject({ code: 'E_OUTLINE' });
  });
});
