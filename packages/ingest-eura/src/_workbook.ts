// Which worksheets a workbook has, in the order its tabs show, and where their parts are: read from
// the package relations and workbook.xml with a namespace-aware SAX parser (saxes, which expands no
// entity a DOCTYPE declares — and the zip guard refuses DOCTYPEs before that).

import type { SaxesParser as Parser, SaxesTagNS } from 'saxes';
import type { Language } from '@ekoraportti/core';
import { XlsxError } from './_errors.ts';
import type { GuardedZip } from './_zip.ts';

/** A worksheet as the workbook lists it. */
export interface SheetInfo {
  /** The tab's name, as the user sees it. */
  name: string;
  /** Its part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookInfo {
  /** Worksheets in tab order (chart sheets and dialog sheets are not listed). */
  sheets: SheetInfo[];
  /** The workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
  workbookPart: string;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const REL = /\/relationships\/(officeDocument|worksheet|sharedStrings|styles)$/;
const R_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/** Parses a small XML part, calling `onTag` for each opening tag; XML errors become an `XlsxError`. */
async function parseXml(xml: Buffer, file: string, part: string, lang: Language, onTag: (tag: SaxesTagNS) => void): Promise<void> {
  // saxes is loaded with the first workbook read.
  const { SaxesParser } = await import('saxes');
  const parser: Parser<{ xmlns: true }> = new SaxesParser({ xmlns: true });
  parser.on('opentag', onTag);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (err) {
    const m = err instanceof Error ? err.message : '';
    const at = /^[^:]*:(\d+):\d+:/.exec(m) ?? /^(\d+):\d+:/.exec(m);
    throw new XlsxError({ code: 'E_XLSX_XML', file, part, line: at ? Number(at[1]) : null, kind: /entity/i.test(m) ? 'entity' : 'syntax' }, lang);
  }
}

/** `worksheets/sheet1.xml` relative to `xl/workbook.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.replace(/^\/+/, '');
  const parts = from.split('/').slice(0, -1).filter((seg) => seg !== '');
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relations part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

async function readRels(zip: GuardedZip, file: string, owner: string, lang: Language): Promise<Map<string, { type: string; part: string }>> {
  const relsPart = relsOf(owner);
  const rels = new Map<string, { type: string; part: string }>();
  if (!zip.has(relsPart)) return rels;
  await parseXml(await zip.readSmall(relsPart), file, relsPart, lang, (tag) => {
    if (tag.local !== 'Relationship') return;
    const id = tag.attributes['Id']?.value;
    const type = REL.exec(tag.attributes['Type']?.value ?? '')?.[1];
    const target = tag.attributes['Target']?.value;
    const external = tag.attributes['TargetMode']?.value === 'External';
    if (id && type && target && !external) rels.set(id, { type, part: resolvePart(owner, target) });
  });
  return rels;
}

/** The part names `openGuardedZip` must hold to the limits before we know the sheets: all but media. */
export const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** Reads the workbook's sheet list; a workbook without a worksheet is an `XlsxError`. */
export async function readWorkbookInfo(zip: GuardedZip, file: string, lang: Language): Promise<WorkbookInfo> {
  const root = await readRels(zip, file, '', lang);
  const main = [...root.values()].find((r) => r.type === 'officeDocument')?.part ?? 'xl/workbook.xml';
  if (!zip.has(main)) throw new XlsxError({ code: 'E_XLSX_NO_SHEET', file }, lang);
  const rels = await readRels(zip, file, main, lang);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await parseXml(await zip.readSmall(main), file, main, lang, (tag) => {
    if (tag.local === 'workbookPr') {
      const v = tag.attributes['date1904']?.value;
      date1904 = v === '1' || v === 'true';
    }
    if (tag.local !== 'sheet') return;
    const rid = Object.values(tag.attributes).find((a) => a.local === 'id' && R_NAMESPACES.has(a.uri))?.value;
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (rel?.type === 'worksheet' && zip.has(rel.part)) sheets.push({ name: tag.attributes['name']?.value ?? rel.part, part: rel.part });
  });
  if (sheets.length === 0) throw new XlsxError({ code: 'E_XLSX_NO_SHEET', file }, lang);
  const find = (type: string): string | null => {
    const part = [...rels.values()].find((r) => r.type === type)?.part;
    return part !== undefined && zip.has(part) ? part : null;
  };
  return { sheets, date1904, workbookPart: main, sharedStringsPart: find('sharedStrings'), stylesPart: find('styles') };
}
