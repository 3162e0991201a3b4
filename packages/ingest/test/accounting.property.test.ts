import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { InputCounts, Observation } from '@ekoraportti/core';
import { KpiTally } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';
import { readPart } from '../src/parts/_part.ts';
import type { PartReaders } from '../src/parts/_threads.ts';
import { agreement2025, HEADERS } from './_helpers.ts';

// Files as they really arrive: random line-end mixes (CRLF, LF and CR, changing from line to line),
// rows appended at the end, blocks of rows pasted again, and now and then two stray quotes that
// swallow the rows between them. For every file: rows read = used + rejected, the file's rows are
// read + not read, every used row is on its line, and the funding total is the sum of the rows used.

const PROJECTS = ['A1', 'A2', 'A3'];
const SOURCES = ['EAKR', 'kaupunki', 'valtio'];
const KPIS = ['partner_cities', 'daas_pilots', 'bilateral_collaborations'];
const eolArb = fc.constantFrom('\r\n', '\n', '\r');

/** A data row as its fields; `a` and `b` make the key, `value` the rest. */
interface Row {
  a: string;
  b: string;
  key: string;
  value: number;
}

const rowArb = (as: string[], bs: string[], keys: string[]): fc.Arbitrary<Row> =>
  fc.record({ a: fc.constantFrom(...as), b: fc.constantFrom(...bs), key: fc.constantFrom(...keys), value: fc.integer({ min: 0, max: 99_999 }) });

const fileArb = (as: string[], bs: string[], keys: string[]) =>
  fc
    .record({
      rows: fc.array(rowArb(as, bs, keys), { minLength: 1, maxLength: 40 }),
      appended: fc.array(rowArb(as, bs, keys), { maxLength: 5 }),
      // A block [from, from + length) of the rows pasted again at the end.
      paste: fc.option(fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }), { nil: null }),
      // Two stray quotes: one opens a value on a row, the other closes it `span` rows later.
      stray: fc.option(fc.record({ at: fc.nat(), span: fc.integer({ min: 1, max: 8 }) }), { nil: null }),
      eols: fc.array(eolArb, { minLength: 1, maxLength: 7 }),
      appendedEol: eolArb,
    })
    .map((g) => {
      const pasted = g.paste ? g.rows.slice(g.paste.from % g.rows.length, (g.paste.from % g.rows.length) + g.paste.length) : [];
      return { ...g, all: [...g.rows, ...pasted, ...g.appended] };
    });
type File = typeof fileArb extends (...a: never[]) => fc.Arbitrary<infer T> ? T : never;

/** What a reader must make of a file: which rows (by index) are used, rejected or not read. */
function expected(f: File): { used: number[]; rejected: number[]; notRead: number[] } {
  const n = f.all.length;
  const stray = f.stray && n >= 2 ? { open: f.stray.at % (n - 1), close: Math.min(n - 1, (f.stray.at % (n - 1)) + f.stray.span) } : null;
  const seen = new Set<string>();
  const out = { used: [] as number[], rejected: [] as number[], notRead: [] as number[] };
  for (let i = 0; i < n; i++) {
    if (stray && i === stray.open) out.rejected.push(i);
    else if (stray && i > stray.open && i <= stray.close) out.notRead.push(i);
    else {
      const r = f.all[i] as Row;
      const id = `${r.a};${r.b};${r.key};${r.value}`;
      if (seen.has(id)) out.rejected.push(i);
      else out.used.push(i), seen.add(id);
    }
  }
  return out;
}

/** Renders a file: line i + 2 holds row i; line ends from the mix, the appended rows with theirs. */
function render(f: File, header: string, fields: (r: Row) => [string, string, string, string]): string {
  const n = f.all.length;
  const stray = f.stray && n >= 2 ? { open: f.stray.at % (n - 1), close: Math.min(n - 1, (f.stray.at % (n - 1)) + f.stray.span) } : null;
  const appendedFrom = n - f.appended.length;
  let text = `${header}${f.eols[0]}`;
  f.all.forEach((r, i) => {
    const [a, b, c, d] = fields(r);
    const line = stray?.open === i ? `${a};"${b};${c};${d}` : stray?.close === i ? `${a};${b}";${c};${d}` : `${a};${b};${c};${d}`;
    text += line + (i >= appendedFrom ? f.appendedEol : (f.eols[(i + 1) % f.eols.length] as string));
  });
  return text;
}

const fundingFields = (r: Row): [string, string, string, string] => [r.a, r.b, r.key, `${r.value},50`];
const indicatorFields = (r: Row): [string, string, string, string] => [r.b, r.key, String(r.value), r.a];

const inline = (): PartReaders => ({
  threads: [{ ready: Promise.resolve(), run: (job, progress) => readPart(job, progress) }],
  close() {},
});

describe('files as they arrive', () => {
  test('rows read = used + rejected, rows = read + not read, and the funding total is the sum of the rows used', async () => {
    const tried = { notRead: 0, repeats: 0, cut: 0, crMix: 0 };
    await fc.assert(
      fc.asyncProperty(
        fileArb(PROJECTS, SOURCES, ['2021', '2022', '2023']),
        fileArb(PROJECTS, KPIS, ['2024-01-01', '2024-02-01']),
        fc.integer({ min: 1, max: 300 }),
        async (fun, ind, minPartBytes) => {
          const dir = mkdtempSync(join(tmpdir(), 'ingest-arrive-'));
          try {
            writeFileSync(join(dir, 'projects.csv'), `${HEADERS.projects}\n${PROJECTS.map((p) => `${p};Hanke;JYU;4.1.1;käynnissä;1.1.2023;31.12.2027`).join('\n')}\n`);
            writeFileSync(join(dir, 'funding.csv'), render(fun, HEADERS.funding, fundingFields));
            // indicators.csv with the same four columns the other way round: kpi;date;value;project_id
            writeFileSync(join(dir, 'indicators.csv'), render(ind, 'kpi;date;value;project_id', indicatorFields));
            writeFileSync(join(dir, 'assessments.csv'), `${HEADERS.assessments}\r\n`);
            const seen: Observation[] = [];
            const base = { agreement: agreement2025, asOf: '2030-12-31', lang: 'en' as const };
            const r = await readDataFolder(dir, { ...base, onObservation: (o) => seen.push(o) });

            for (const [file, f] of [['funding.csv', fun], ['indicators.csv', ind]] as const) {
              const c = r.inputs[file] as InputCounts;
              const e = expected(f);
              expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected);
              expect(c.rowsRead + c.rowsNotRead).toBe(f.all.length);
              expect([c.rowsUsed, c.rowsRejected, c.rowsNotRead]).toEqual([e.used.length, e.rejected.length, e.notRead.length]);
              expect(r.rejected.filter((x) => x.file === file).map((x) => x.line)).toEqual(e.rejected.map((i) => i + 2));
            }
            const e = expected(fun);
            expect(r.funding.map((x) => x.line)).toEqual(e.used.map((i) => i + 2));
            const cents = (rows: readonly { amountCents: number }[]) => rows.reduce((s, x) => s + x.amountCents, 0);
            expect(cents(r.funding)).toBe(e.used.reduce((s, i) => s + (fun.all[i] as Row).value * 100 + 50, 0));
            expect(seen.map((o) => o.line)).toEqual(expected(ind).used.map((i) => i + 2));

            // Read in parts, the same: cut at line feeds whatever the mix, merged, or read whole when a
            // part cannot tell (a repeat across parts, a cut inside the stray quotes).
            const tally = new KpiTally(agreement2025.kpis, base.asOf);
            const parts = await readDataFolder(dir, { ...base, kpiTally: tally, threads: 2, minPartBytes }, inline);
            const whole = new KpiTally(agreement2025.kpis, base.asOf);
            for (const o of seen) whole.add(o);
            const comparable = (x: typeof r) => ({ ...x, parts: null, threads: null, sha256: null });
            expect(comparable(parts)).toEqual(comparable(r));
            if ((r.inputs['funding.csv']?.rowsNotRead ?? 0) > 0) tried.notRead++;
            if (r.rejectedByCode.E_DUPLICATE_ROW) tried.repeats++;
            if (parts.parts['indicators.csv'] > 1) tried.cut++;
            if (fun.eols.includes('\r') && fun.eols.length > 1) tried.crMix++;
            expect(tally.toState()).toEqual(whole.toState());
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      // 250: the checks below need each case to come up often enough. About one file in nine is read in
      // parts (the others share a key across parts, or are too small to cut): at 150 runs that was 12–23
      // cut files, and one clean-clone run in about twenty drew 10 or fewer and failed.
      { numRuns: Number(process.env.INGEST_PROPERTY_RUNS ?? 250) },
    );
    // The cases the property is about really came up.
    expect(tried.notRead).toBeGreaterThan(10);
    expect(tried.repeats).toBeGreaterThan(10);
    expect(tried.cut).toBeGreaterThan(10);
    expect(tried.crMix).toBeGreaterThan(10);
  }, 120_000);
});
