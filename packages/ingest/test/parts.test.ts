import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INGEST_PHRASES, KpiTally, targetDeadlines } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';
import { FileNotes } from '../src/_notes.ts';
import { readHeader } from '../src/_records.ts';
import type { PartJob, PartProgress, PartResult, SplitPart } from '../src/parts/_part.ts';
import { readPart } from '../src/parts/_part.ts';
import type { PartReaders } from '../src/parts/_threads.ts';
import { startPartWorkers } from '../src/parts/_threads.ts';
import { agreement2025, HEADERS, tempFolder } from './_helpers.ts';

// A large indicators.csv read in parts on real worker threads (the property tests read parts on this
// thread, interleaved, to try many folders).

const PROJECT = 'A1;Hanke;JYU;4.1.1;käynnissä;1.1.2024;31.12.2026';
const FUNDING = 'A1;EAKR;2024;1000';
/** The worker thread's entry when the sources run as they are, as the reading uses by default. */
const WORKER = new URL('../src/parts/_worker-source.mjs', import.meta.url);

/** `31.12.2024`-style date `days` after an ISO date. */
function dayAfter(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;
}

describe('a large indicators.csv read in parts on worker threads', () => {
  // 40 000 rows in the Finnish Excel dialect, with bad rows, rows after the as-of date, a quoted
  // value spanning lines and unknown projects scattered through the file.
  const rows = Array.from({ length: 40_000 }, (_, i) => {
    const kpi = ['partner_cities', 'research_institutes', 'daas_pilots', 'hippos_city_investment_meur'][i % 4];
    const date = dayAfter('2022-01-01', Math.floor(i / 4)); // (KPI, date) never repeats: no repeated rows
    if (i % 997 === 0) return `${kpi};${date};kolme;A1;raportti`;
    if (i % 1499 === 0) return `${kpi};${date};1;EI-OLE;raportti`;
    if (i % 2011 === 0) return `${kpi};${date};2,5;A1;"kaksi\r\nriviä"`;
    return `${kpi};${date};${i % 10},${i % 7};${i % 3 === 0 ? 'a1' : ''};Seurantaraportti`;
  });
  const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADERS.indicators}\r\n${rows.join('\r\n')}\r\n`)]);

  test('give the same counts, rejections, warnings, hash and KPI figures as reading it whole', async () => {
    const { dir, cleanup } = tempFolder({ projects: `${HEADERS.projects}\n${PROJECT}\n`, funding: `${HEADERS.funding}\n${FUNDING}\n`, indicators: file });
    try {
      // The worker thread is started and ready before the reading, so it surely takes parts.
      const readers = startPartWorkers(1, WORKER);
      await readers.threads[0]?.ready;
      const read = async (threads: number) => {
        const kpiTally = new KpiTally(agreement2025.kpis, '2024-06-30', targetDeadlines(agreement2025));
        const progress: number[] = [];
        const options = {
          agreement: agreement2025,
          asOf: '2024-06-30',
          lang: 'fi' as const,
          kpiTally,
          threads,
          minPartBytes: 64 * 1024,
          onProgress: (e: { file: string; rows: number }) => {
            if (e.file === 'indicators.csv') progress.push(e.rows);
          },
        };
        const r = await readDataFolder(dir, options, () => readers);
        return { r, tally: kpiTally.toState(), progress, sha256: await r.sha256() };
      };
      const whole = await read(1);
      const parts = await read(2);
      expect(whole.r.parts['indicators.csv']).toBe(1);
      // Two parts, or more when one thread was so far behind that the other split off its rest.
      expect(parts.r.parts['indicators.csv']).toBeGreaterThanOrEqual(2);
      expect(parts.r.threads['indicators.csv']).toBe(2);
      expect(parts.r.inputs['indicators.csv']).toEqual({ rowsRead: 40_000, rowsUsed: whole.r.inputs['indicators.csv']?.rowsUsed, rowsRejected: 41 + 26, rowsNotRead: 0 });
      const comparable = (r: typeof whole.r) => ({ ...r, parts: null, threads: null, sha256: null });
      expect(comparable(parts.r)).toEqual(comparable(whole.r));
      expect(parts.sha256).toEqual(whole.sha256);
      expect(parts.sha256['indicators.csv']).toBe(createHash('sha256').update(file).digest('hex'));
      expect(parts.tally).toEqual(whole.tally);
      expect(whole.r.warnings.map((w) => w.code)).toContain('W_AFTER_AS_OF');
      // Progress adds up the parts and ends at every row.
      expect(parts.progress.at(-1)).toBe(40_000);
    } finally {
      cleanup();
    }
  }, 60_000);

  test('a worker thread that fails rejects its part and every later one; the reading goes on without it', async () => {
    const readers = startPartWorkers(1, WORKER);
    const thread = readers.threads[0]!;
    await thread.ready;
    const { header } = readHeader('indicators.csv', ['kpi', 'date', 'value', 'project_id', 'source'], 1, { delimiter: ';', encoding: 'utf8' }, INGEST_PHRASES.fi, new FileNotes());
    const job: PartJob = {
      path: '/nonexistent/ekoraportti/indicators.csv',
      range: { start: 0, end: 100, firstLine: 1, dialect: { encoding: 'utf8', bom: 0, delimiter: ';', sepLine: false } },
      header,
      lang: 'fi',
      asOf: '2024-06-30',
      kpiLimits: [['partner_cities', 5000]],
      projectIds: { accepted: [], rejected: [] },
      keep: Number.POSITIVE_INFINITY,
      tally: new KpiTally(agreement2025.kpis, '2024-06-30').config(),
    };
    try {
      await expect(thread.run(job, () => {})).rejects.toThrow(/ENOENT/);
      await expect(thread.run(job, () => {})).rejects.toThrow();
    } finally {
      readers.close();
    }
  }, 60_000);

  test('are read whole, on this thread, when the header is quoted (the started threads are stopped)', async () => {
    const quoted = Buffer.from(`"kpi";"date";"value";"project_id";"source"\r\n${rows.join('\r\n')}\r\n`);
    const { dir, cleanup } = tempFolder({ projects: `${HEADERS.projects}\n${PROJECT}\n`, funding: `${HEADERS.funding}\n${FUNDING}\n`, indicators: quoted });
    try {
      const kpiTally = new KpiTally(agreement2025.kpis, '2024-06-30');
      const r = await readDataFolder(dir, { agreement: agreement2025, asOf: '2024-06-30', lang: 'fi', kpiTally, threads: 2, minPartBytes: 64 * 1024 });
      expect(r.parts['indicators.csv']).toBe(1);
      expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 40_000, rowsUsed: 40_000 - 67, rowsRejected: 67, rowsNotRead: 0 });
    } finally {
      cleanup();
    }
  }, 60_000);

  test('a file where every row is rejected is read whole and in parts (160 000 rejections, more than a call takes arguments)', async () => {
    const bad = Buffer.from(`${HEADERS.indicators}\n${'no_such_kpi;1.1.2024;1;;\n'.repeat(160_000)}`);
    const { dir, cleanup } = tempFolder({ projects: `${HEADERS.projects}\n${PROJECT}\n`, funding: `${HEADERS.funding}\n${FUNDING}\n`, indicators: bad });
    try {
      for (const threads of [1, 2]) {
        const kpiTally = new KpiTally(agreement2025.kpis, '2024-06-30');
        const r = await readDataFolder(dir, { agreement: agreement2025, asOf: '2024-06-30', lang: 'en', kpiTally, threads, minPartBytes: 64 * 1024 });
        // In parts: two, or three when one thread split off the rest of the other's.
        expect(r.parts['indicators.csv'] > 1).toBe(threads > 1);
        expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 160_000, rowsUsed: 0, rowsRejected: 160_000, rowsNotRead: 0 });
        expect(r.rejected.filter((x) => x.code === 'E_UNKNOWN_KPI')).toHaveLength(160_000);
        expect(r.rejected.at(-1)?.line).toBe(160_001);
      }
    } finally {
      cleanup();
    }
  }, 60_000);

  // The part thread's job for the whole body of `file` (after its one-line header).
  const bodyJob = (path: string): PartJob => {
    const start = file.indexOf(0x0a) + 1;
    const { header } = readHeader('indicators.csv', ['kpi', 'date', 'value', 'project_id', 'source'], 1, { delimiter: ';', encoding: 'utf8' }, INGEST_PHRASES.fi, new FileNotes());
    return {
      path,
      range: { start, end: file.length, firstLine: 2, dialect: { encoding: 'utf8', bom: 0, delimiter: ';', sepLine: false } },
      header,
      lang: 'fi',
      asOf: '2024-06-30',
      kpiLimits: [],
      projectIds: { accepted: [['A1', 'A1']], rejected: [] },
      keep: Number.POSITIVE_INFINITY,
      tally: new KpiTally(agreement2025.kpis, '2024-06-30').config(),
    };
  };
  const rowsOf = (r: PartResult) => (r.ok ? r.account.counts.rowsRead : Number.NaN);

  test('a part split while it is read ends at the line start the split names; the rest, read as a part of its own, holds the other rows', async () => {
    const { dir, cleanup } = tempFolder({ indicators: file });
    try {
      const job = bodyJob(join(dir, 'indicators.csv'));
      let split: SplitPart | null = null;
      const reading = readPart(job, undefined, undefined, (s) => {
        split = s;
      });
      // Asked before the first bytes are parsed: the part's end moves to the line start after its middle.
      const at = await (split as unknown as SplitPart)(64 * 1024);
      const first = await reading;
      expect(at).not.toBeNull();
      expect(file[(at as number) - 1]).toBe(0x0a);
      expect(Math.abs((at as number) - (job.range.start + job.range.end) / 2)).toBeLessThan(200);
      const rest = await readPart({ ...job, range: { ...job.range, start: at as number, firstLine: 1 } });
      expect(first.ok && rest.ok).toBe(true);
      expect(rowsOf(first) + rowsOf(rest)).toBe(40_000);
      const bodyLines = file.subarray(job.range.start).filter((b) => b === 0x0a).length; // quoted values span two lines
      expect(first.ok && rest.ok && first.lines + rest.lines).toBe(bodyLines);
      // A part that is read, or whose halves would be smaller than asked, is not split.
      expect(await (split as unknown as SplitPart)(1)).toBeNull();
      let unsplittable: SplitPart | null = null;
      const whole = readPart(job, undefined, undefined, (s) => {
        unsplittable = s;
      });
      expect(await (unsplittable as unknown as SplitPart)(file.length)).toBeNull();
      expect(rowsOf(await whole)).toBe(40_000);
    } finally {
      cleanup();
    }
  }, 60_000);

  test('a worker thread asked to split the part it reads says where it ends, and reads no further', async () => {
    const { dir, cleanup } = tempFolder({ indicators: file });
    const readers = startPartWorkers(1, WORKER);
    try {
      const thread = readers.threads[0]!;
      await thread.ready;
      const job = bodyJob(join(dir, 'indicators.csv'));
      const reading = thread.run(job, () => {});
      const at = await thread.split?.(64 * 1024);
      const first = await reading;
      expect(typeof at).toBe('number');
      const rest = await readPart({ ...job, range: { ...job.range, start: at as number, firstLine: 1 } });
      expect(rowsOf(first) + rowsOf(rest)).toBe(40_000);
      expect(rowsOf(rest)).toBeGreaterThan(1000);
      // Between parts there is nothing to split.
      expect(await thread.split?.(1)).toBeNull();
    } finally {
      readers.close();
      cleanup();
    }
  }, 60_000);

  test('when a thread falls behind, this thread splits off the rest of its part: three parts, the same result as reading whole', async () => {
    const { dir, cleanup } = tempFolder({ projects: `${HEADERS.projects}\n${PROJECT}\n`, funding: `${HEADERS.funding}\n${FUNDING}\n`, indicators: file });
    // A thread that starts its part only when asked to split it (or after 10 s, so that a reading that
    // never asks fails the test instead of hanging it): then it reads up to the split and leaves the rest.
    let asked = 0;
    const behind = (): PartReaders => {
      let waiting: { job: PartJob; progress: PartProgress; done(r: Promise<PartResult>): void } | null = null;
      const start = (job: PartJob) => {
        const w = waiting;
        waiting = null;
        w?.done(readPart(job, w.progress));
      };
      return {
        threads: [
          {
            ready: Promise.resolve(),
            run: (job, progress) =>
              new Promise<PartResult>((resolve) => {
                waiting = { job, progress, done: (r) => void r.then(resolve) };
                setTimeout(() => start(job), 10_000).unref();
              }),
            split: async (minBytes) => {
              asked++;
              const w = waiting;
              if (w === null) return null;
              const { start: from, end } = w.job.range;
              const at = file.indexOf(0x0a, from + Math.floor((end - from) / 2)) + 1;
              if (at - from < minBytes || end - at < minBytes) return null;
              start({ ...w.job, range: { ...w.job.range, end: at } });
              return at;
            },
          },
        ],
        close() {},
      };
    };
    try {
      const read = async (threads: number) => {
        const kpiTally = new KpiTally(agreement2025.kpis, '2024-06-30', targetDeadlines(agreement2025));
        const progress: number[] = [];
        const r = await readDataFolder(
          dir,
          {
            agreement: agreement2025,
            asOf: '2024-06-30',
            lang: 'fi',
            kpiTally,
            threads,
            minPartBytes: 64 * 1024,
            onProgress: (e) => {
              if (e.file === 'indicators.csv') progress.push(e.rows);
            },
          },
          behind,
        );
        return { r, tally: kpiTally.toState(), progress };
      };
      const whole = await read(1);
      const parts = await read(2);
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(parts.r.parts['indicators.csv']).toBe(3);
      expect(parts.r.threads['indicators.csv']).toBe(2);
      const comparable = (r: typeof whole.r) => ({ ...r, parts: null, threads: null, sha256: null });
      expect(comparable(parts.r)).toEqual(comparable(whole.r));
      expect(parts.tally).toEqual(whole.tally);
      expect(parts.progress.at(-1)).toBe(40_000);
    } finally {
      cleanup();
    }
  }, 60_000);
});
