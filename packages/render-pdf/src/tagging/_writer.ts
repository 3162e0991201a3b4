// Writes the structure tree as PDF objects itself, instead of through pdfkit's PDFStructureElement:
// pdfkit's elements are several objects each (element, reference, children and content arrays, one
// content record and one marking per marked-content sequence), flushed one by one with three writes
// each; a 300-project report has about 3 700 elements, and that garbage was most of what tagging
// cost. Here an element is its StructNode and one small reference object; what each element holds
// (its /K array: children, marked content, annotations) is appended to one log of numbers as the
// pages are drawn, and every element is written, into one buffer, after the last page.
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

/**
 * An element's object: its number, and where it was written. pdfkit writes it as a reference
 * (`12 0 R`) where it is a value of pdfkit's own objects (the ParentTree), as it writes its own
 * references: so its class extends pdfkit's reference class, found from the document.
 */
export interface Written {
  readonly id: number;
  offset: number;
  /** The element's parent: another element, or the StructTreeRoot. */
  readonly parent: Written | PdfRef;
  /** The page of its first marked content (/Pg); its marked content elsewhere is referenced with /Pg. */
  page: PdfRef | null;
  /** Its place among the elements (reading order), the key of its entries in the content log. */
  readonly index: number;
  toString(): string;
}

type WrittenClass = new (id: number, parent: Written | PdfRef, index: number) => Written;
const writtenClasses = new WeakMap<object, WrittenClass>();

/** The element reference class for pdfkit's reference class (what the document's own references extend). */
function writtenClass(doc: PdfDoc): WrittenClass {
  const abstract = Object.getPrototypeOf(doc.getStructTreeRoot().constructor) as new () => object;
  let made = writtenClasses.get(abstract);
  if (!made) {
    made = class extends abstract implements Written {
      offset = 0;
      page: PdfRef | null = null;
      constructor(
        readonly id: number,
        readonly parent: Written | PdfRef,
        readonly index: number,
      ) {
        super();
      }
      override toString(): string {
        return `${this.id} 0 R`;
      }
    };
    writtenClasses.set(abstract, made);
  }
  return made;
}

/** What an entry of the content log is; each entry is four numbers: element index, kind, a, b. */
const CHILD = 0; // a: the child's element index
const MCID = 1; // a: marked content on the element's own /Pg page
const MCR = 2; // a: marked content on another page, b: that page's object number
const OBJR = 3; // a: an annotation's object number, b: its page's object number

/** The content of a page: its dictionary's reference, and the elements of its marked content by MCID. */
interface PageParents {
  ref: PdfRef;
  parents: Written[];
}

export class StructWriter {
  private readonly elements: StructNode[] = [];
  private readonly attributeText = new Map<object, string>();
  private readonly Written: WrittenClass;
  private page: PageParents | null = null;
  private log = new Int32Array(4096);
  private logLength = 0;

  constructor(private readonly doc: PdfDoc) {
    this.Written = writtenClass(doc);
  }

  /** Makes `node` an element (its object number now: reading order), a child of `parent`. */
  element(node: StructNode, parent: StructNode | null): Written {
    const doc = this.doc;
    // What pdfkit's `ref()` does to reserve an object number, without its dictionary and buffers.
    doc._waiting++;
    const id = doc._offsets.push(null);
    const written = new this.Written(id, parent ? (parent.written as Written) : doc.getStructTreeRoot(), this.elements.length);
    node.written = written;
    this.elements.push(node);
    if (parent) this.append((parent.written as Written).index, CHILD, written.index, 0);
    return written;
  }

  /** A marked-content sequence of `node` on the current page: its MCID recorded, and its BDC operator. */
  beginContent(node: StructNode): string {
    const written = node.written as Written;
    const page = this.currentPage();
    const mcid = page.parents.length;
    page.parents.push(written);
    written.page ??= page.ref;
    if (written.page === page.ref) this.append(written.index, MCID, mcid, 0);
    else this.append(written.index, MCR, mcid, page.ref.id);
    return `/${node.role} <</MCID ${mcid}>> BDC`;
  }

  /** A link annotation of `node` (a Link) on the current page: /StructParent, an OBJR in its /K. */
  annotation(node: StructNode, annotation: PdfRef): void {
    const written = node.written as Written;
    const key = this.doc.createStructParentTreeNextKey();
    annotation.data['StructParent'] = key;
    this.doc.getStructParentTree().add(key, written);
    this.append(written.index, OBJR, annotation.id, this.doc.page.dictionary.id);
  }

  private append(element: number, kind: number, a: number, b: number): void {
    if (this.logLength + 4 > this.log.length) {
      const grown = new Int32Array(this.log.length * 2);
      grown.set(this.log);
      this.log = grown;
    }
    const log = this.log;
    const at = this.logLength;
    log[at] = element;
    log[at + 1] = kind;
    log[at + 2] = a;
    log[at + 3] = b;
    this.logLength = at + 4;
  }

  private currentPage(): PageParents {
    const ref = this.doc.page.dictionary;
    if (this.page?.ref !== ref) {
      const parents = this.doc.getStructParentTree().get(this.doc.page.structParentTreeKey) as Written[];
      this.page = { ref, parents };
    }
    return this.page;
  }

  /** Writes every element, the tree's root (`root`) as the StructTreeRoot's only child. */
  finish(root: StructNode): void {
    const doc = this.doc;
    doc.getStructTreeRoot().data['K'] = [root.written as Written];
    const { elements, log } = this;
    // The log's entries grouped by element, in the order they came (a counting sort).
    const entries = this.logLength / 4;
    const first = new Int32Array(elements.length + 1);
    for (let e = 0; e < entries; e++) (first[(log[e * 4] as number) + 1] as number)++;
    for (let i = 0; i < elements.length; i++) first[i + 1] = (first[i + 1] as number) + (first[i] as number);
    const next = first.slice(0, elements.length);
    const order = new Int32Array(entries);
    for (let e = 0; e < entries; e++) order[(next[log[e * 4] as number] as number)++] = e;

    const out = new Output(doc._offset);
    elements.forEach((node, i) => {
      const w = node.written as Written;
      w.offset = out.offset;
      let dict = `${w.id} 0 obj\n<<\n/S /${node.role}\n/P ${w.parent.toString()}`;
      if (node.lang !== undefined) dict += `\n/Lang ${pdfString(node.lang)}`;
      if (node.alt !== undefined) dict += `\n/Alt ${pdfString(node.alt)}`;
      if (node.attributes) dict += `\n/A ${this.attributes(node.attributes)}`;
      if (w.page) dict += `\n/Pg ${w.page.toString()}`;
      out.put(`${dict}\n/K [`);
      for (let k = first[i] as number, end = first[i + 1] as number; k < end; k++) {
        const e = (order[k] as number) * 4;
        const a = log[e + 2] as number;
        const b = log[e + 3] as number;
        const kind = log[e + 1];
        const item =
          kind === CHILD
            ? `${(elements[a]?.written as Written).id} 0 R`
            : kind === MCID
              ? String(a)
              : kind === MCR
                ? `<</Type /MCR /Pg ${b} 0 R /MCID ${a}>>`
                : `<</Type /OBJR /Obj ${a} 0 R /Pg ${b} 0 R>>`;
        out.put(k === first[i] ? item : ` ${item}`);
      }
      out.put(']\n>>\nendobj\n');
    });
    // One write for the whole tree.
    doc._write(out.bytes());
    for (const node of elements) doc._refEnd(node.written as Written);
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

/** Bytes of the file from `start` on, written into one growing buffer (every string here is latin1). */
class Output {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  constructor(private readonly start: number) {}

  /** The file offset of the next byte. */
  get offset(): number {
    return this.start + this.length;
  }

  put(s: string): void {
    if (this.length + s.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + s.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(s, this.length, 'latin1');
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
