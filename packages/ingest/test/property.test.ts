import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import type { FundingRow, Observation } from '@ekoraportti/core';
import { KpiTally } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';
import { readPart } from '../src/parts/_part.ts';
import type { PartJob, PartProgress, SplitPart } from '../src/parts/_part.ts';
import { lineStartFrom } from '../src/parts/_plan.ts';
import type { PartReaders } from '../src/parts/_threads.ts';
import { agreement2025 } from './_helpers.ts';

// Generated data folders: random valid and invalid rows in random dialects. For every folder:
// the read never throws, rows read = used + rejected, every valid row comes back with the value
// it was written with (on its physical line), and every invalid row is rejected on its line with
// the expected code.

type Enc = 'utf8' | 'utf8bom' | 'win1252';
interface Dialect {
  enc: Enc;
  delim: ',' | ';';
  eol: '\n' | '\r\n';
  quoteAll: boolean;
}

const dialectArb: fc.Arbitrary<Dialect> = fc.record({
  enc: fc.constantFrom<Enc>('utf8', 'utf8bom', 'win1252'),
  delim: fc.constantFrom<',' | ';'>(',', ';'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  quoteAll: fc.boolean(),
});

const PROJECT_IDS = ['A80100', 'A80101', 'EURA-7'];
const KPIS = agreement2025.kpis.map((k) => k.id);

// Letters whose Windows-1252 bytes can never be mistaken for UTF-8 (each is a lead byte followed
// by a non-continuation byte); the € case is covered by a fixed test.
// A quoted value whose later line holds a separator may fit a row, and is then read as a runaway quote
// by design (see `runaway` in _records.ts): such values are tried in the runaway-quote tests, not here.
const textArb = fc
  .array(fc.constantFrom('a', 'x', '1', ' ', 'Ä', 'ö', 'å', 'é', ';', ',', '"', '\n', '-'), { maxLength: 12 })
  .map((cs) => cs.join(''))
  .filter((t) => t.split('\n').slice(1).every((l) => !/[;,]/.test(l)));

const dateArb = fc
  .record({
    d: fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    fmt: fc.constantFrom('iso', 'fi', 'fiPadded'),
  })
  .map(({ d, fmt }) => {
    const iso = d.toISOString().slice(0, 10);
    const [y, m, day] = iso.split('-') as [string, string, string];
    const text = fmt === 'iso' ? iso : fmt === 'fi' ? `${Number(day)}.${Number(m)}.${y}` : `${day}.${m}.${y}`;
    return { iso, text };
  });

const groupSepArb = (d: Dialect): fc.Arbitrary<string> =>
  d.enc === 'win1252' ? fc.constantFrom(' ', '\u00a0') : fc.constantFrom(' ', '\u00a0', '\u202f');

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const numberArb = (d: Dialect, maxFrac: number) =>
  fc
    .record({
      int: fc.integer({ min: 0, max: 2_000_000_000 }),
      frac: fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: maxFrac }),
      fmt: fc.constantFrom('dot', 'comma', 'grouped'),
      sep: groupSepArb(d),
    })
    .map(({ int, frac, fmt, sep }) => {
      const i = String(int);
      const dec = fmt === 'dot' ? '.' : ',';
      const head = fmt === 'grouped' ? group(i, sep) : i;
      return { text: frac === '' ? head : `${head}${dec}${frac}`, int: i, frac };
    });

interface Row {
  fields: Record<string, string>;
  /** undefined for a valid row, else [code, column]. */
  bad?: [string, string];
  dropField?: boolean;
  extraField?: boolean;
  blankBefore: boolean;
}

const indicatorRowArb = (d: Dialect): fc.Arbitrary<{ row: Row; expected: Omit<Observation, 'line'> | null }> =>
  fc
    .record({
      kpi: fc.constantFrom(...KPIS),
      kpiCase: fc.constantFrom('as-is', 'upper', 'spaced'),
      date: dateArb,
      value: numberArb(d, 3),
      project: fc.option(fc.constantFrom(...PROJECT_IDS), { nil: null }),
      source: textArb,
      mutation: fc.option(
        fc.constantFrom(
          'unknownKpi',
          'missingKpi',
          'badDay',
          'badMonth',
          'missingDate',
          'word',
          'negative',
          'missingValue',
          'twoDecimalSeps',
          'unknownProject',
          'dropField',
          'extraField',
        ),
        { nil: null, freq: 3 },
      ),
      blankBefore: fc.boolean(),
    })
    .map(({ kpi, kpiCase, date, value, project, source, mutation, blankBefore }) => {
      const fields: Record<string, string> = {
        kpi: kpiCase === 'upper' ? kpi.toUpperCase() : kpiCase === 'spaced' ? ` ${kpi} ` : kpi,
        date: date.text,
        value: value.text,
        project_id: project === null ? '' : project.toLowerCase(),
        source,
        huom: 'x',
      };
      const row: Row = { fields, blankBefore };
      const set = (col: string, v: string, code: string): void => {
        fields[col] = v;
        row.bad = [code, col];
      };
      switch (mutation) {
        case 'unknownKpi': set('kpi', 'no_such_kpi', 'E_UNKNOWN_KPI'); break;
        case 'missingKpi': set('kpi', '', 'E_MISSING'); break;
        case 'badDay': set('date', '31.2.2025', 'E_BAD_DATE'); break;
        case 'badMonth': set('date', '2025-13-01', 'E_BAD_DATE'); break;
        case 'missingDate': set('date', '', 'E_MISSING'); break;
        case 'word': set('value', 'kolme', 'E_BAD_NUMBER'); break;
        case 'negative': set('value', '-3', 'E_NEGATIVE'); break;
        case 'missingValue': set('value', ' ', 'E_MISSING'); break;
        case 'twoDecimalSeps': set('value', '1,5.0', 'E_BAD_NUMBER'); break;
        case 'unknownProject': set('project_id', 'X999', 'E_UNKNOWN_PROJECT'); break;
        case 'dropField': row.dropField = true; row.bad = ['E_FIELD_COUNT', '']; break;
        case 'extraField': row.extraField = true; row.bad = ['E_FIELD_COUNT', '']; break;
        default: break;
      }
      const trimmed = source.trim();
      const expected =
        row.bad === undefined
          ? {
              kpi,
              date: date.iso,
              value: Number(value.frac === '' ? value.int : `${value.int}.${value.frac}`),
              projectId: project,
              source: trimmed === '' ? null : trimmed,
            }
          : null;
      return { row, expected };
    });

const SOURCES = ['EAKR', 'ESR+', 'JTF', 'AKKE', 'RRF', 'valtio', 'kaupunki', 'muu_julkinen', 'yksityinen'] as const;

const fundingRowArb = (d: Dialect): fc.Arbitrary<{ row: Row; expected: Omit<FundingRow, 'line'> | null }> =>
  fc
    .record({
      project: fc.constantFrom(...PROJECT_IDS),
      source: fc.constantFrom(...SOURCES),
      upper: fc.boolean(),
      year: fc.integer({ min: 2000, max: 2100 }),
      amount: numberArb(d, 2),
      euro: fc.boolean(),
      mutation: fc.option(fc.constantFrom('unknownProject', 'unknownSource', 'badYear', 'negative', 'threeDecimals', 'dropField'), { nil: null, freq: 3 }),
      blankBefore: fc.boolean(),
    })
    .map(({ project, source, upper, year, amount, euro, mutation, blankBefore }) => {
      const fields: Record<string, string> = {
        project_id: project,
        source: upper ? source.toUpperCase() : source,
        year: String(year),
        amount_eur: euro ? `${amount.text} €` : amount.text,
      };
      const row: Row = { fields, blankBefore };
      const set = (col: string, v: string, code: string): void => {
        fields[col] = v;
        row.bad = [code, col];
      };
      switch (mutation) {
        case 'unknownProject': set('project_id', 'EI-OLE', 'E_UNKNOWN_PROJECT'); break;
        case 'unknownSource': set('source', 'EU', 'E_UNKNOWN_VALUE'); break;
        case 'badYear': set('year', '1999', 'E_BAD_NUMBER'); break;
        case 'negative': set('amount_eur', `-${group(String(Number(amount.int) + 1), ' ')},50`, 'E_NEGATIVE'); break;
        case 'threeDecimals': set('amount_eur', '10,125', 'E_BAD_NUMBER'); break;
        case 'dropField': row.dropField = true; row.bad = ['E_FIELD_COUNT', '']; break;
        default: break;
      }
      const cents = Number(amount.int) * 100 + Number(amount.frac.padEnd(2, '0'));
      const expected = row.bad === undefined ? { projectId: project, source, year, amountCents: cents } : null;
      return { row, expected };
    });

function field(v: string, d: Dialect): string {
  const needs = d.quoteAll || v.includes(d.delim) || v.includes('"') || v.includes('\n') || v.includes('\r');
  return needs ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Renders header and rows; returns the text and the physical start line of every row. */
function render(columns: string[], rows: Row[], d: Dialect): { text: string; lines: number[] } {
  const out = [columns.map((c) => field(c, d)).join(d.delim)];
  const lines: number[] = [];
  let line = 2;
  for (const r of rows) {
    if (r.blankBefore) {
      out.push('');
      line++;
    }
    let values = columns.map((c) => field(r.fields[c] ?? '', d));
    if (r.dropField) values = values.slice(0, -1);
    if (r.extraField) values = [...values, 'ylimääräinen'];
    const rec = values.join(d.delim);
    lines.push(line);
    out.push(rec);
    line += 1 + (rec.match(/\n/g)?.length ?? 0);
  }
  return { text: out.join(d.eol) + d.eol, lines };
}

function encode(text: string, d: Dialect): Buffer {
  if (d.enc === 'win1252') return iconv.encode(text, 'win1252');
  const b = Buffer.from(text, 'utf8');
  return d.enc === 'utf8bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) : b;
}

const folderArb = fc
  .record({ ind: dialectArb, fun: dialectArb, prj: dialectArb, extraColumn: fc.boolean() })
  .chain(({ ind, fun, prj, extraColumn }) =>
    fc.record({
      ind: fc.constant(ind),
      fun: fc.constant(fun),
      prj: fc.constant(prj),
      indColumns: fc.shuffledSubarray(['kpi', 'date', 'value', 'project_id', 'source', ...(extraColumn ? ['huom'] : [])], {
        minLength: extraColumn ? 6 : 5,
        maxLength: extraColumn ? 6 : 5,
      }),
      funColumns: fc.shuffledSubarray(['project_id', 'source', 'year', 'amount_eur'], { minLength: 4, maxLength: 4 }),
      indicators: fc.array(indicatorRowArb(ind), { maxLength: 40 }),
      funding: fc.array(fundingRowArb(fun), { maxLength: 20 }),
    }),
  );

type Generated = typeof folderArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes a generated folder; returns the rendered indicators and funding files (text and row lines). */
function writeFolder(dir: string, g: Generated): { ind: ReturnType<typeof render>; fun: ReturnType<typeof render> } {
  const pd = g.prj;
  const projects = [
    ['project_id', 'name', 'owner', 'measure', 'status', 'start_date', 'end_date'].join(pd.delim),
    ...PROJECT_IDS.map((id, i) =>
      [id, `Hanke ${i}; "vaihe" ${i}`, 'Jyväskylän yliopisto', '4.1.1', ['käynnissä', 'ONGOING', 'Päättynyt'][i] ?? '', '1.1.2023', '2027-12-31']
        .map((v) => field(v, pd))
        .join(pd.delim),
    ),
  ].join(pd.eol);
  writeFileSync(join(dir, 'projects.csv'), encode(projects + pd.eol, pd));
  const fun = render(g.funColumns, g.funding.map((x) => x.row), g.fun);
  writeFileSync(join(dir, 'funding.csv'), encode(fun.text, g.fun));
  const ind = render(g.indColumns, g.indicators.map((x) => x.row), g.ind);
  writeFileSync(join(dir, 'indicators.csv'), encode(ind.text, g.ind));
  writeFileSync(join(dir, 'assessments.csv'), 'target;date;status;evidence;assessed_by\r\n');
  return { ind, fun };
}

describe('generated data folders in random dialects', () => {
  test('every row is used with its value or rejected at its line; counts add up; nothing throws', async () => {
    await fc.assert(
      fc.asyncProperty(folderArb, async (g) => {
        const dir = mkdtempSync(join(tmpdir(), 'ingest-prop-'));
        try {
          const { ind, fun } = writeFolder(dir, g);

          const observations: Observation[] = [];
          const r = await readDataFolder(dir, { agreement: agreement2025, asOf: '2030-12-31', lang: 'en', onObservation: (o) => observations.push(o) });

          for (const c of Object.values(r.inputs)) expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected);
          expect(r.inputs['projects.csv']).toEqual({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0, rowsNotRead: 0 });
          expect(r.projects.map((p) => p.name)).toEqual(PROJECT_IDS.map((_, i) => `Hanke ${i}; "vaihe" ${i}`));

          expect(r.inputs['indicators.csv']?.rowsRead).toBe(g.indicators.length);
          expect(observations).toEqual(
            g.indicators.flatMap((x, i) => (x.expected ? [{ ...x.expected, line: ind.lines[i] }] : [])),
          );
          const indRejected = r.rejected.filter((x) => x.file === 'indicators.csv');
          expect(indRejected.map((x) => [x.line, x.code])).toEqual(
            g.indicators.flatMap((x, i) => (x.row.bad ? [[ind.lines[i], x.row.bad[0]]] : [])),
          );
          for (const [i, x] of indRejected.entries()) {
            const bad = g.indicators.filter((y) => y.row.bad)[i]?.row.bad;
            if (bad && bad[1] !== '') expect(x.column).toBe(bad[1]);
            expect(x.reason.length).toBeGreaterThan(10);
          }

          expect(r.inputs['funding.csv']?.rowsRead).toBe(g.funding.length);
          expect(r.funding).toEqual(g.funding.flatMap((x, i) => (x.expected ? [{ ...x.expected, line: fun.lines[i] }] : [])));
          expect(r.rejected.filter((x) => x.file === 'funding.csv').map((x) => [x.line, x.code])).toEqual(
            g.funding.flatMap((x, i) => (x.row.bad ? [[fun.lines[i], x.row.bad[0]]] : [])),
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.INGEST_PROPERTY_RUNS ?? 150) },
    );
  }, 60_000);
});

describe('indicators.csv read in parts', () => {
  // Reading in parts must give exactly what reading whole gives: counts, rejections (lines, columns,
  // reasons), warnings, the input hashes and every KPI figure with its provenance. Parts run on this
  // thread here (interleaved at their awaits), so many folders can be tried; worker-thread runs are
  // in folder.test.ts.
  // 'slow': a thread that starts its part only after 20 turns of the event loop, unless it is asked to
  // split it first: then it reads up to the line start after the middle and leaves the rest.
  type Behaviour = 'reads' | 'slow' | 'fails' | 'dies before answering' | 'never ready';
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const inline = (behaviours: Behaviour[]) => (): PartReaders => ({
    threads: behaviours.map((b) => {
      let split: SplitPart | null = null;
      let unstarted: { job: PartJob; start(job: PartJob): void } | null = null;
      const read = (job: PartJob, progress: PartProgress) =>
        readPart(job, progress, undefined, (s) => {
          split = s;
        });
      return {
        ready: b === 'never ready' ? new Promise<void>(() => {}) : Promise.resolve(),
        run: (job, progress) => {
          if (b === 'fails') return Promise.reject(new Error('thread died'));
          if (b === 'slow') {
            return new Promise<PartJob>((resolve) => {
              unstarted = { job, start: resolve };
              void turns(20).then(() => unstarted?.start(job));
            }).then((j) => {
              unstarted = null;
              return read(j, progress);
            });
          }
          // The part is read, but the thread is gone before it says so: often after this thread is done.
          return b === 'dies before answering' ? read(job, progress).then(() => Promise.reject(new Error('thread died'))) : read(job, progress);
        },
        split: b !== 'slow' ? undefined : async (minBytes: number) => {
          const waiting = unstarted;
          if (waiting === null) return split ? split(minBytes) : null;
          const { start, end } = waiting.job.range;
          const handle = await open(waiting.job.path, 'r');
          const at = await lineStartFrom(handle, start + Math.floor((end - start) / 2), end).finally(() => handle.close());
          if (unstarted !== waiting || at === null || at - start < minBytes || end - at < minBytes) return null;
          waiting.start({ ...waiting.job, range: { ...waiting.job.range, end: at } });
          return at;
        },
      };
    }),
    close() {},
  });
  const asOf = '2024-06-30'; // some generated observations fall after it: the after-as-of warning is merged too
  const deadlines = new Map([['4.1.1/2023', '2023-12-31']]);
  const behaviourArb = fc.constantFrom<Behaviour>('reads', 'reads', 'slow', 'fails', 'dies before answering', 'never ready');

  test('whole and in parts give the same result, for random dialects, quotes and line breaks in values', async () => {
    let cut = 0;
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(
        folderArb,
        fc.array(behaviourArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 400 }),
        async (g, behaviours, minPartBytes) => {
          const dir = mkdtempSync(join(tmpdir(), 'ingest-parts-'));
          try {
            writeFolder(dir, g);
            const read = async (t: number, threads = behaviours) => {
              const kpiTally = new KpiTally(agreement2025.kpis, asOf, deadlines);
              const r = await readDataFolder(dir, { agreement: agreement2025, asOf, lang: 'fi', kpiTally, threads: t, minPartBytes }, inline(threads));
              return { r, tally: kpiTally.toState(), sha256: await r.sha256() };
            };
            const whole = await read(1);
            const parts = await read(behaviours.length + 1);
            expect(whole.r.parts['indicators.csv']).toBe(1);
            // A thread that fails or never starts costs no re-reading: its parts are read here, as cut.
            // With no thread ever ready, this thread reads every part of the plan and none is split off.
            const planned = (await read(behaviours.length + 1, behaviours.map(() => 'never ready'))).r.parts['indicators.csv'];
            const got = parts.r.parts['indicators.csv'];
            // A thread that reads may split off the rest of this thread's part, or not, as the reads
            // interleave: one more part each time, or the file read whole when the split's line start
            // falls inside a quoted value. (CI once had 3 parts where the same run had made 2.)
            if (behaviours.every((b) => b !== 'reads' && b !== 'slow')) expect(got).toBe(planned);
            else if (!behaviours.includes('slow')) expect(got === 1 || got >= planned).toBe(true);
            if (parts.r.parts['indicators.csv'] > 1) cut++;
            if (parts.r.threads['indicators.csv'] > 1) shared++;
            const comparable = (r: typeof whole.r) => ({ ...r, parts: null, threads: null, sha256: null });
            expect(comparable(parts.r)).toEqual(comparable(whole.r));
            expect(parts.sha256).toEqual(whole.sha256);
            expect(parts.tally).toEqual(whole.tally);
            const provenance = (t: KpiTally) => agreement2025.kpis.map((k) => t.provenance(k.id));
            expect(provenance(KpiTally.fromState(parts.tally))).toEqual(provenance(KpiTally.fromState(whole.tally)));
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: Number(process.env.INGEST_PROPERTY_RUNS ?? 150) },
    );
    // Most generated files have a plain header and enough bytes to cut: the parts path really ran,
    // and in many runs more than one reader took parts.
    expect(cut).toBeGreaterThan(10);
    expect(shared).toBeGreaterThan(5);
  }, 120_000);
});
