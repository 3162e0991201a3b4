// Synthetic pdfmake documents that use every part of the annotation convention, and a renderer for
// them with pdfmake's own Roboto. Shared by the engine's tests, the structure dump and the bench.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { enableTagging } from '../../src/tagging/index.ts';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | null = null;

/** pdfmake with its Roboto, reading no file but the fonts; tagging on when `tagging` (once on, on for the process). */
export function loadPdfmake(tagging = true): PdfMake {
  if (tagging) enableTagging();
  if (pdfmake) return pdfmake;
  const loaded = require('pdfmake') as PdfMake;
  const fonts = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const file = (name: string) => join(fonts, `${name}.ttf`);
  loaded.setFonts({
    Roboto: {
      normal: file('Roboto-Regular'),
      bold: file('Roboto-Medium'),
      italics: file('Roboto-Italic'),
      bolditalics: file('Roboto-MediumItalic'),
    },
  });
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => path.startsWith(fonts));
  pdfmake = loaded;
  return loaded;
}

/** Draws a document definition (tagging on) and returns its bytes. */
export async function renderDoc(doc: object, tagging = true): Promise<Uint8Array> {
  const buffer = await loadPdfmake(tagging).createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const FIXED_DATE = new Date(Date.UTC(2024, 11, 31, 12));

/** The document-level settings a tagged PDF/A-2b report has. */
export function base(title: string, content: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    language: 'fi-FI',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [50, 60, 50, 60],
    info: { title, author: 'ekoraportti', subject: 'Synthetic test document', creator: 'ekoraportti test', producer: 'ekoraportti test', creationDate: FIXED_DATE, modDate: FIXED_DATE },
    header: (page: number) => ({
      text: [`Synteettinen raportti · Esimerkkiaineisto · sivu ${page} · `, { text: 'jyvaskyla.fi', link: 'https://www.jyvaskyla.fi' }],
      fontSize: 8,
      margin: [50, 25, 50, 0],
    }),
    footer: (page: number, pages: number) => ({ text: `Sivu ${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content,
    ...extra,
  };
}

/** A bar chart as the reports draw them: an SVG with its figures in text. */
export function barSvg(share: number): string {
  const w = Math.round(share * 3);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="60" viewBox="0 0 320 60">` +
    `<rect x="0" y="10" width="${w}" height="24" fill="#1f5f8b"/>` +
    `<line x1="180" y1="0" x2="180" y2="44" stroke="#c00" stroke-width="1"/>` +
    `<text x="0" y="56" font-family="Roboto" font-size="10">${share.toFixed(1).replace('.', ',')} %</text></svg>`
  );
}

/** 2 × 2 red PNG. */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAABAA8GAQD0l3eZAAAAAElFTkSuQmCC';

const LOREM =
  'Ekosysteemisopimuksen hankkeet edistävät tutkimus-, kehitys- ja innovaatiotoimintaa kaupunkiseudulla. ' +
  'Raportti kertoo tavoitteiden tilanteen ja rahoituksen jakautumisen. ';

function bodyRows(count: number, columns = 3): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    `Hanke ${String(i + 1).padStart(4, '0')}`,
    ...Array.from({ length: columns - 2 }, (_, c) => `${(i * 37 + c * 11) % 1000} 000 €`),
    { text: `${(i * 13) % 100} %`, alignment: 'right' },
  ]);
}

export interface SyntheticOptions {
  /** Rows of the long table (repeats its header on every page it spans). */
  rows?: number;
  /** Chapters with heading, text, figure and table each. */
  chapters?: number;
  /** Calls to the pageBreakBefore rule (to see that the layout ran again). */
  onPageBreakCheck?: () => void;
}

/**
 * A document with every role of the convention: TOC, H1–H3 with bookmarks, paragraphs (one in
 * another language), URL and internal links, lists, a long table with a repeated header row and a
 * caption row, a fact table with row headers, spans, a layout table, an unbreakable block, an SVG,
 * image, QR and composite figure, decorative rules, an artifact banner, page headers and footers,
 * and a pageBreakBefore rule that makes pdfmake lay the document out twice.
 */
export function syntheticDoc(options: SyntheticOptions = {}): Record<string, unknown> {
  const rows = options.rows ?? 80;
  const chapters = options.chapters ?? 1;
  const content: unknown[] = [
    { text: 'ESIMERKKIAINEISTO', role: 'Artifact', bold: true, color: '#a00' },
    { text: 'Synteettinen väliarviointi', role: 'H1', fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
    { toc: { title: { text: 'Sisällys', role: 'H2', bold: true, fontSize: 14 } } },
    { text: '1 Johdanto', role: 'H1', tocItem: true, id: 'intro', fontSize: 18, bold: true, pageBreak: 'before' },
    LOREM.repeat(3),
    {
      text: [
        'Lähteet löytyvät ',
        { text: 'sopimuksen verkkosivulta', link: 'https://www.jyvaskyla.fi/ekosysteemisopimus', color: '#1f5f8b' },
        ' ja ',
        { text: 'luvusta 2', linkToDestination: 'data', color: '#1f5f8b', alt: 'Luku 2, rahoitus' },
        '; kansi on ',
        { text: 'sivulla 1', linkToPage: 1, color: '#1f5f8b' },
        '.',
      ],
    },
    { text: 'The agreement is known in English as the innovation ecosystem agreement.', lang: 'en' },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 495, y2: 4, lineWidth: 0.5, lineColor: '#999' }] },
    { text: '1.1 Tavoitteet', role: 'H2', tocItem: true, fontSize: 14, bold: true },
    { ul: ['Tutkimus- ja kehittämismenot kasvavat', 'Yritysten innovaatiotoiminta vahvistuu', { text: 'Osaajat jäävät alueelle', bold: true }] },
    { ol: ['Ensimmäinen vaihe', { stack: ['Toinen vaihe, kaksi kappaletta:', 'jälkimmäinen kappale'] }, 'Kolmas vaihe'] },
    { text: '1.1.1 Tunnusluvut', role: 'H3', tocItem: true, fontSize: 12, bold: true },
    {
      table: {
        widths: [160, '*'],
        body: [
          ['Hankkeita', '42'],
          ['EU ja valtio', '1 310 000,50 €'],
          ['Osuus', '62,0 %'],
        ],
      },
      headerColumns: 1,
    },
    {
      table: {
        headerRows: 2,
        widths: ['*', 80, 80],
        body: [
          [{ text: 'Rahoitus lähteittäin', role: 'Caption', colSpan: 3, bold: true }, {}, {}],
          [{ text: 'Lähde', bold: true }, { text: 'Summa', bold: true }, { text: 'Osuus', bold: true }],
          [{ text: 'EAKR', rowSpan: 2 }, '812 000,50 €', '38,4 %'],
          ['', '498 000,00 €', '23,6 %'],
          [{ text: 'Yhteensä', colSpan: 2 }, {}, '62,0 %'],
        ],
      },
    },
    { text: '1.2 Kuvat', role: 'H2', tocItem: true, fontSize: 14, bold: true },
    { svg: barSvg(62), width: 320, alt: 'EU:n ja valtion osuus 62,0 %, ohjeellinen osuus 60 %' },
    { image: PNG, width: 20, alt: 'Punainen neliö: hankkeen tunnus' },
    { qr: 'https://www.jyvaskyla.fi/ekosysteemisopimus', fit: 60, alt: 'QR-koodi sopimuksen verkkosivulle' },
    {
      role: 'Figure',
      alt: 'Kaksi palkkia: 2023 tavoite 40 %, toteuma 45 %',
      stack: [{ svg: barSvg(40), width: 200 }, { text: 'Kuva 2. Tavoite ja toteuma', italics: true }],
    },
    { image: PNG, width: 495, height: 2, role: 'Artifact' },
    {
      table: { widths: ['*', '*'], body: [[{ text: 'Vasen solu: ' + LOREM }, { text: 'Oikea solu: ' + LOREM }]] },
      layout: 'noBorders',
      role: 'Div',
    },
    { columns: [{ text: 'Vasen palsta.', width: '*' }, { text: 'Oikea palsta.', width: '*' }], columnGap: 20 },
    { text: '2 Rahoitus', role: 'H1', tocItem: true, id: 'data', headlineLevel: 1, fontSize: 18, bold: true },
    LOREM,
    {
      table: {
        headerRows: 2,
        dontBreakRows: true,
        widths: ['*', 90, 60],
        body: [
          [{ text: '2.1 Hankkeiden rahoitus', role: 'H2', tocItem: true, colSpan: 3, bold: true, fontSize: 12 }, {}, {}],
          [{ text: 'Hanke', bold: true }, { text: 'Määrä', bold: true }, { text: 'Osuus', bold: true }],
          ...bodyRows(rows),
        ],
      },
    },
    {
      unbreakable: true,
      stack: [
        { text: '2.2 Yhteenveto', role: 'H2', tocItem: true, fontSize: 14, bold: true },
        LOREM.repeat(4),
        { ul: ['Tavoite saavutettu', 'Tavoite etenee'] },
      ],
    },
  ];
  for (let c = 1; c < chapters; c++) content.push(...chapter(c + 2, rows));
  return base('Synteettinen väliarviointi', content, {
    watermark: { text: 'LUONNOS', opacity: 0.05 },
    background: () => ({ text: 'Tausta', fontSize: 6, color: '#ccc', margin: [8, 8, 0, 0] }),
    pageBreakBefore: (node: { id?: string }) => {
      options.onPageBreakCheck?.();
      return node.id === 'data';
    },
  });
}

/** One more chapter: heading, text, figure and a table with a repeated header. */
function chapter(n: number, rows: number): unknown[] {
  return [
    { text: `${n} Luku ${n}`, role: 'H1', tocItem: true, fontSize: 18, bold: true, pageBreak: 'before' },
    LOREM.repeat(2),
    { text: `${n}.1 Kuva`, role: 'H2', tocItem: true, fontSize: 14, bold: true },
    { svg: barSvg(30 + n), width: 320, alt: `Osuus ${30 + n},0 %, ohjeellinen osuus 60 %` },
    { text: `${n}.2 Taulukko`, role: 'H2', tocItem: true, fontSize: 14, bold: true },
    {
      table: {
        headerRows: 1,
        widths: ['*', 80, 80, 60],
        body: [[{ text: 'Hanke', bold: true }, { text: 'EU', bold: true }, { text: 'Kunta', bold: true }, { text: 'Osuus', bold: true }], ...bodyRows(rows, 4)],
      },
    },
  ];
}
