// The cross-reference table of a PDF that pdfkit wrote (one classic table, no object streams): every
// object it lists must start where it says. pdf.js and poppler rebuild a wrong table silently, so their
// reading a file back does not show that the engine's own object writing (`StructWriter`) got the
// offsets right; this does.

/** Objects whose xref entry does not point at `N 0 obj`, and problems with the table itself. */
export function xrefProblems(bytes: Uint8Array): string[] {
  const pdf = Buffer.from(bytes);
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  if (!Number.isInteger(start)) return ['no startxref at the end of the file'];
  const table = pdf.subarray(start).toString('latin1');
  const head = /^xref\s+(\d+) (\d+)\s+/.exec(table);
  if (!head) return [`no xref table at ${start}`];
  const first = Number(head[1]);
  const count = Number(head[2]);
  const problems: string[] = [];
  const entries = table.slice(head[0].length).split(/\r?\n|\r(?!\n)/).slice(0, count);
  entries.forEach((entry, i) => {
    const m = /^(\d{10}) (\d{5}) ([nf])\s*$/.exec(entry);
    if (!m) return void problems.push(`xref entry ${first + i} is malformed: ${JSON.stringify(entry)}`);
    if (m[3] !== 'n') return;
    const n = first + i;
    const at = Number(m[1]);
    const found = pdf.subarray(at, at + 24).toString('latin1');
    if (!found.startsWith(`${n} 0 obj`)) problems.push(`object ${n}: the xref says ${at}, where the file has ${JSON.stringify(found.slice(0, 16))}`);
  });
  if (entries.length !== count) problems.push(`the xref table lists ${entries.length} of ${count} entries`);
  const size = Number(/\/Size (\d+)/.exec(table)?.[1]);
  if (size !== first + count) problems.push(`the trailer's /Size ${size} is not ${first + count}`);
  return problems;
}
