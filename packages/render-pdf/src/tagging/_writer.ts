// Writes the structure tree as PDF objects itself, instead of through pdfkit's PDFStructureElement:
// pdfkit's elements are several objects each (element, reference, children and content arrays, one
// content record and one marking per marked-content sequence), flushed one by one with three writes
// each; a 300-project report has about 3 700 elements, and that garbage was most of what tagging
// cost. Here an element is its StructNode, its children and content are one string (the /K array)
// grown as the pages are drawn, and all elements are written in one piece after the last page.
// pdfkit still owns the StructTreeRoot, its ParentTree, /MarkInfo and every page's /StructParents.
import type { PdfDoc, PdfRef } from './_internals.ts';
import type { StructNode } from './_model.ts';

/** PDF 32000-1, 7.3.4.2: the characters escaped in a literal string. */
const ESCAPE: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** A text string (PDF 32000-1, 7.9.2.2) as pdfkit writes one: ASCII as it is, else UTF-16BE with a byte order mark. */
export function pdfString(s: string): string {
  let bytes = s;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    const utf16 = Buffer.from(`\ufeff${s}`, 'utf16le');
    utf16.swap16();
    bytes = utf16.toString('latin1');
  }
  return `(${bytes.replace(/[\n\r\t\b\f\\()]/g, (c) => ESCAPE[c] as string)})`;
}

/** A value of an attribute dictionary: names, numbers (six decimals at most, as pdfkit) and arrays of them. */
function pdfValue(v: unknown): string {
  if (typeof v === 'string') return `/${v}`;
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  if (Array.isArray(v)) return `[${v.map(pdfValue).join(' ')}]`;
  throw new Error(`tagging: cannot write ${JSON.stringify(v)} in an attribute dictionary`);
}

/** The content of a page: its dictionary's reference, and the elements of its marked content by MCID. */
interface PageParents {
  ref: PdfRef;
  parents: PdfRef[];
}

/** One element being written: its object, its parent's, and what it holds so far. */
export interface Written {
  readonly ref: PdfRef;
  readonly parent: PdfRef;
  /** The /K array's items, in reading order. */
  kids: string;
  /** The page of its first marked content (/Pg); its marked content elsewhere is referenced with /Pg. */
  page: PdfRef | null;
}

export class StructWriter {
  private readonly elements: StructNode[] = [];
  private readonly attributeText = new Map<object, string>();
  private page: PageParents | null = null;

  constructor(private readonly doc: PdfDoc) {}

  /** Makes `node` an element (its object number now: reading order), a child of `parent`. */
  element(node: StructNode, parent: StructNode | null): Written {
    const written: Written = { ref: this.doc.ref(), parent: parent ? (parent.written as Written).ref : this.doc.getStructTreeRoot(), kids: '', page: null };
    node.written = written;
    this.elements.push(node);
    if (parent) (parent.written as Written).kids += `${written.ref.toString()} `;
    return written;
  }

  /** Begins a marked-content sequence of `node` on the current page (BDC with its MCID). */
  beginContent(node: StructNode): void {
    const written = node.written as Written;
    const page = this.currentPage();
    const mcid = page.parents.length;
    page.parents.push(written.ref);
    written.page ??= page.ref;
    written.kids += written.page === page.ref ? `${mcid} ` : `<</Type /MCR /Pg ${page.ref.toString()} /MCID ${mcid}>> `;
    this.doc.addContent(`/${node.role} <</MCID ${mcid}>> BDC`);
  }

  /** A link annotation of `node` (a Link) on the current page: /StructParent, an OBJR in its /K. */
  annotation(node: StructNode, annotation: PdfRef): void {
    const written = node.written as Written;
    const key = this.doc.createStructParentTreeNextKey();
    annotation.data['StructParent'] = key;
    this.doc.getStructParentTree().add(key, written.ref);
    written.kids += `<</Type /OBJR /Obj ${annotation.toString()} /Pg ${this.doc.page.dictionary.toString()}>> `;
  }

  private currentPage(): PageParents {
    const ref = this.doc.page.dictionary;
    if (this.page?.ref !== ref) {
      const parents = this.doc.getStructParentTree().get(this.doc.page.structParentTreeKey) as PdfRef[];
      this.page = { ref, parents };
    }
    return this.page;
  }

  /** Writes every element, the tree's root (`root`) as the StructTreeRoot's only child. */
  finish(root: StructNode): void {
    const doc = this.doc;
    const treeRoot = doc.getStructTreeRoot();
    treeRoot.data['K'] = [(root.written as Written).ref];
    let text = '';
    const start = doc._offset;
    const offsets: number[] = [];
    for (const node of this.elements) {
      const w = node.written as Written;
      offsets.push(start + text.length);
      let dict = `${w.ref.id} 0 obj\n<<\n/S /${node.role}\n/P ${w.parent.toString()}`;
      if (node.lang !== undefined) dict += `\n/Lang ${pdfString(node.lang)}`;
      if (node.alt !== undefined) dict += `\n/Alt ${pdfString(node.alt)}`;
      if (node.attributes) dict += `\n/A ${this.attributes(node.attributes)}`;
      if (w.page) dict += `\n/Pg ${w.page.toString()}`;
      text += `${dict}\n/K [${w.kids.trimEnd()}]\n>>\nendobj\n`;
    }
    // One write for the whole tree; the trailing newline of `_write` falls after the last object.
    doc._write(text.slice(0, -1));
    this.elements.forEach((node, i) => {
      const ref = (node.written as Written).ref;
      ref.offset = offsets[i] as number;
      doc._refEnd(ref);
    });
  }

  private attributes(a: Record<string, unknown>): string {
    let text = this.attributeText.get(a);
    if (text === undefined) {
      text = `<<${Object.entries(a)
        .map(([k, v]) => `/${k} ${pdfValue(v)}`)
        .join(' ')}>>`;
      this.attributeText.set(a, text);
    }
    return text;
  }
}
