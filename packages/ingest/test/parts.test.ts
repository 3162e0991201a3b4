import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { INGEST_PHRASES, KpiTally, targetDeadlines } from '@ekoraportti/core';
import { readDataFolder } from '../src/index.ts';
import { FileNotes } from '../src/_notes.ts';
import { readHeader } from '../src/_records.ts';
import type { PartJob } from '../src/parts/_part.ts';
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
      expect(parts.r.parts['indicators.csv']).toBe(2);
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
        expect(r.parts['indicators.csv']).toBe(threads);
        expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 160_000, rowsUsed: 0, rowsRejected: 160_000, rowsNotRead: 0 });
        expect(r.rejected.filter((x) => x.code === 'E_UNKNOWN_KPI')).toHaveLength(160_000);
        expect(r.rejected.at(-1)?.line).toBe(160_001);
      }
    } finally {
      cleanup();
    }
  }, 60_000);
});
