// Byte-level passes over a part's XML on its way to exceljs. Bytes are handled as latin1, one
// character per byte, so ASCII markup is found and rewritten whatever the text's encoding, and a
// multi-byte character is never cut or changed.

/** A worksheet holds a cell kind exceljs 4.4.0's streaming reader reads wrongly, or cannot place. */
export class UnsupportedCellsFound extends Error {
  constructor(readonly kind: 'isoDate' | 'richInline' | 'noReference') {
    super(`unsupported cells: ${kind}`);
  }
}

const ROOT = /<([A-Za-z_][\w.-]*):(?:worksheet|sst|styleSheet|workbook)[\s>/]/;

/**
 * Writes SpreadsheetML without its namespace prefix: `<x:row r="1">` → `<row   r="1">` (spaces behind
 * the name, where XML allows them, keep every offset and so the line numbers of parse errors). exceljs matches element names
 * literally, so a part written with a prefix (as .NET's Open XML SDK often writes them) would read as
 * no rows and no shared strings at all. The prefix is the root element's; other prefixes (`mc:`,
 * `x14ac:`) are left alone. A `<` only starts markup in XML (text has `&lt;`), so nothing else moves.
 */
export async function* withoutMainPrefix(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry = '';
  let tag: RegExp | null | undefined; // undefined: root not seen yet; null: no prefix
  for await (const chunk of chunks) {
    let text = carry + chunk.toString('latin1');
    if (tag === undefined) {
      const m = ROOT.exec(text);
      if (m === null && text.length < 4096) {
        carry = text;
        continue;
      }
      tag = m === null ? null : new RegExp(`<(/?)${m[1]}:([A-Za-z_][\\w.-]*)`, 'g');
    }
    // Hold back a tag that may be cut between this chunk and the next.
    const cut = text.lastIndexOf('<');
    carry = cut >= 0 && cut > text.length - 128 ? text.slice(cut) : '';
    text = carry === '' ? text : text.slice(0, cut);
    if (tag !== null) text = text.replace(tag, (whole, slash: string, name: string) => `<${slash}${name}${' '.repeat(whole.length - name.length - slash.length - 1)}`);
    if (text !== '') yield Buffer.from(text, 'latin1');
  }
  if (carry !== '') {
    yield Buffer.from(tag ? carry.replace(tag, (whole, slash: string, name: string) => `<${slash}${name}${' '.repeat(whole.length - name.length - slash.length - 1)}`) : carry, 'latin1');
  }
}

/**
 * Throws `UnsupportedCellsFound` on an ISO date cell (`t="d"`), inline rich text (`<is><r>`), or a row
 * or cell without its `r` reference (optional in the standard, always written by Excel; exceljs
 * cannot place such a cell and fails).
 */
export async function* refusingUnsupportedCells(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let tail = '';
  for await (const chunk of chunks) {
    const text = tail + chunk.toString('latin1');
    if (/<c\s[^<>]*?\bt\s*=\s*["']d["']/.test(text)) throw new UnsupportedCellsFound('isoDate');
    if (/<is\s*>\s*<r[\s>]/.test(text)) throw new UnsupportedCellsFound('richInline');
    if (/<(?:c|row)(?=[\s>/])(?![^<>]*\sr\s*=)[^<>]*>/.test(text)) throw new UnsupportedCellsFound('noReference');
    tail = text.slice(-512);
    yield chunk;
  }
}
