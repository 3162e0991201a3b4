import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import type { Observation } from '@ekoraportti/core';
import { IngestError, readDataFolder } from '../src/index.ts';
import { agreement2025, HEADERS, readAll, tempFolder } from './_helpers.ts';

const PROJECT = 'A1;Hanke;JYU;4.1.1;käynnissä;1.1.2024;31.12.2026';
const FUNDING = 'A1;EAKR;2024;1000';

async function withFolder<T>(files: Parameters<typeof tempFolder>[0], fn: (dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = tempFolder(files);
  try {
    return await fn(dir);
  } finally {
    cleanup();
  }
}

async function ingestError(p: Promise<unknown>): Promise<IngestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('file-level failures are IngestErrors in plain words', () => {
  test('a missing data folder', async () => {
    const err = await ingestError(readAll('/nonexistent/ekoraportti-data'));
    expect(err.code).toBe('E_NO_FOLDER');
    expect(err.message).toBe('Datakansiota /nonexistent/ekoraportti-data ei löydy. Tarkista kansion nimi ja polku.');
  });

  test('missing files are all named at once; indicators.csv and assessments.csv are required too', async () => {
    const { dir, cleanup } = tempFolder({});
    try {
      rmSync(join(dir, 'indicators.csv'));
      rmSync(join(dir, 'assessments.csv'));
      const fi = await ingestError(readAll(dir));
      expect(fi.code).toBe('E_MISSING_FILE');
      expect(fi.file).toBe('indicators.csv');
      expect(fi.message).toContain('puuttuvat tiedostot indicators.csv ja assessments.csv');
      const en = await ingestError(readAll(dir, { lang: 'en' }));
      expect(en.message).toContain('has no indicators.csv and assessments.csv');
    } finally {
      cleanup();
    }
  });

  test('a missing required column names the file and the column, in the report language', async () => {
    await withFolder({ funding: 'project_id;source;amount_eur\n' }, async (dir) => {
      const fi = await ingestError(readAll(dir));
      expect(fi.code).toBe('E_MISSING_COLUMN');
      expect(fi.file).toBe('funding.csv');
      expect(fi.message).toContain('Tiedostosta funding.csv puuttuu sarake year.');
      const en = await ingestError(readAll(dir, { lang: 'en' }));
      expect(en.message).toContain('The file funding.csv has no column year.');
    });
  });

  test('a runaway quote in a big file fails the file instead of swallowing it whole', async () => {
    const indicators = `${HEADERS.indicators}\npartner_cities;1.1.2024;1;;"alkaa tästä\n${'partner_cities;1.1.2024;1;;\n'.repeat(45_000)}`;
    await withFolder({ indicators }, async (dir) => {
      const err = await ingestError(readAll(dir));
      expect(err.code).toBe('E_UNREADABLE');
      expect(err.file).toBe('indicators.csv');
      expect(err.message).toContain('rivillä 2 alkava arvo on yli miljoona merkkiä pitkä');
    });
  });

  test('an empty file', async () => {
    await withFolder({ assessments: '\r\n\r\n' }, async (dir) => {
      const err = await ingestError(readAll(dir));
      expect(err.code).toBe('E_EMPTY_FILE');
      expect(err.message).toContain('assessments.csv on tyhjä');
    });
  });
});

describe('headers', () => {
  test('trimmed, case-folded, BOM stripped, any column order, optional columns may be absent', async () => {
    const indicators = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(' VALUE ;Kpi;DATE\r\n3;partner_cities;2024-06-30\r\n'),
    ]);
    await withFolder({ indicators }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations).toEqual([{ kpi: 'partner_cities', date: '2024-06-30', value: 3, projectId: null, source: null, line: 2 }]);
      expect(r.warnings).toEqual([]);
    });
  });

  test('a column named twice: the first is used, with a warning', async () => {
    await withFolder({ indicators: 'kpi;date;value;value\npartner_cities;1.1.2024;3;4\n' }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations.map((o) => o.value)).toEqual([3]);
      expect(r.warnings.map((w) => [w.code, w.column])).toEqual([['W_DUPLICATE_COLUMN', 'value']]);
    });
  });

  test('an unknown extra column warns once per file, however many rows', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `partner_cities;1.${(i % 12) + 1}.2024;${i};;;huom ${i}`);
    await withFolder({ indicators: [HEADERS.indicators + ';Huomautus', ...rows].join('\n') }, async (dir) => {
      const r = await readAll(dir);
      expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 50, rowsUsed: 50, rowsRejected: 0, rowsNotRead: 0 });
      expect(r.warnings.filter((w) => w.code === 'W_UNKNOWN_COLUMN')).toEqual([
        expect.objectContaining({ file: 'indicators.csv', line: 1, column: 'Huomautus' }),
      ]);
    });
  });
});

describe('EURA 2021 style: comma, LF, ISO dates, dot decimals', () => {
  test('reads the same values as the Finnish dialect', async () => {
    await withFolder(
      {
        projects: 'project_id,name,owner,measure,status,start_date,end_date\nA80123,"Hippos, osaamiskeskus",Jyväskylän kaupunki,4.1.2,ongoing,2023-01-01,2027-12-31\n',
        funding: 'amount_eur,year,source,project_id\n1234567.50,2024,EAKR,A80123\n',
        indicators: 'kpi,date,value,project_id,source\nhippos_city_investment_meur,2024-12-31,12.5,A80123,"budget, 2024"\n',
        assessments: 'target,date,status,evidence,assessed_by\n4.1.2/2027,2025-05-31,on_track,"Rakentaminen ""aikataulussa""",Steering group\n',
      },
      async (dir) => {
        const r = await readAll(dir);
        expect(r.rejected).toEqual([]);
        expect(r.projects[0]?.name).toBe('Hippos, osaamiskeskus');
        expect(r.funding[0]).toEqual({ projectId: 'A80123', source: 'EAKR', year: 2024, amountCents: 123456750, line: 2 });
        expect(r.observations[0]).toMatchObject({ value: 12.5, source: 'budget, 2024' });
        expect(r.assessments[0]?.evidence).toBe('Rakentaminen "aikataulussa"');
      },
    );
  });
});

describe('a decimal comma in a comma-separated file', () => {
  test('that may have split a value into the source column is warned about, naming the line and how to write it', async () => {
    const indicators = [
      'kpi,date,value,source,project_id',
      'hippos_city_investment_meur,2024-12-31,10,5,', // 10,5 without quotes: value 10, source 5
      'hippos_city_investment_meur,2024-11-30,"10,5",,', // quoted: 10.5
      'hippos_city_investment_meur,2024-10-31,10.5,,', // a decimal point: 10.5
      'hippos_city_investment_meur,2024-09-30,7,2024 talousarvio,', // a source that is not a bare number
      'hippos_city_investment_meur,2024-08-31,7,2024,', // a four-digit number is a year, not decimals
      'hippos_city_investment_meur,2024-07-31,3,25,', // another one that may be split: 3,25
    ].join('\n');
    await withFolder({ indicators: `${indicators}\n` }, async (dir) => {
      const r = await readAll(dir, { lang: 'en' });
      // The contract takes any source: every row is used, as written.
      expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 6, rowsUsed: 6, rowsRejected: 0, rowsNotRead: 0 });
      expect(r.observations.map((o) => [o.value, o.source])).toEqual([
        [10, '5'],
        [10.5, null],
        [10.5, null],
        [7, '2024 talousarvio'],
        [7, '2024'],
        [3, '25'],
      ]);
      expect(r.warnings.filter((w) => w.code === 'W_SPLIT_DECIMAL')).toEqual([
        {
          file: 'indicators.csv',
          line: 2,
          column: 'value',
          code: 'W_SPLIT_DECIMAL',
          message:
            "On line 2 and 1 other line(s) the value '10' is followed by the source '5': in a comma-separated file the number 10,5 without quotes " +
            'is split into two fields. The row is counted with the value 10. If 10,5 was meant, write it in quotes ("10,5") or with a ' +
            'decimal point (10.5), or save the file separated by semicolons.',
        },
      ]);
    });
  });

  test('leaves semicolon files alone: there a comma is a decimal mark and 10;5 are two fields meant as such', async () => {
    const indicators = ['kpi;date;value;source', 'hippos_city_investment_meur;31.12.2024;10;5'].join('\r\n');
    await withFolder({ indicators: `${indicators}\r\n` }, async (dir) => {
      const r = await readAll(dir);
      expect(r.warnings.filter((w) => w.code === 'W_SPLIT_DECIMAL')).toEqual([]);
      expect(r.observations.map((o) => [o.value, o.source])).toEqual([[10, '5']]);
    });
  });
});

describe('line numbers and counting', () => {
  test('a CRLF inside a quoted value does not shift the lines of later rows', async () => {
    // csv-parse's own counter counts the quoted CRLF twice; we must not.
    const indicators =
      HEADERS.indicators +
      '\r\n' +
      'partner_cities;1.1.2024;1;;"rivi yksi\r\nrivi kaksi\r\nrivi kolme"\r\n' + // lines 2–4
      '\r\n' + // line 5, blank
      'partner_cities;31.2.2024;1;;\r\n' + // line 6, bad date
      'partner_cities;1.2.2024;2;;"a\nb"\r\n' + // lines 7–8
      'partner_cities;1.3.2024;x;;\r\n'; // line 9, bad number
    await withFolder({ indicators }, async (dir) => {
      const r = await readAll(dir);
      expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
        [6, 'E_BAD_DATE'],
        [9, 'E_BAD_NUMBER'],
      ]);
      expect(r.observations.map((o) => [o.line, o.source])).toEqual([
        [2, 'rivi yksi\nrivi kaksi\nrivi kolme'],
        [7, 'a\nb'],
      ]);
    });
  });

  test('old Mac CR line endings are read too', async () => {
    await withFolder({ indicators: `${HEADERS.indicators}\rpartner_cities;1.1.2024;1;;\rpartner_cities;1.1.2024;-1;;\r` }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations.map((o) => o.line)).toEqual([2]);
      expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[3, 'E_NEGATIVE']]);
    });
  });

  test('a row with the wrong number of fields is rejected with its line; trailing empty fields are fine', async () => {
    const funding = [HEADERS.funding, FUNDING, 'A1;EAKR;2023;1000;;', 'A1;EAKR;2024;1 000;extra', 'A1;EAKR', 'A1;kaupunki;2024;1000'].join('\r\n');
    await withFolder({ projects: `${HEADERS.projects}\n${PROJECT}\n`, funding }, async (dir) => {
      const r = await readAll(dir, { lang: 'en' });
      expect(r.inputs['funding.csv']).toEqual({ rowsRead: 5, rowsUsed: 3, rowsRejected: 2, rowsNotRead: 0 });
      expect(r.rejected.map((x) => [x.line, x.column, x.code, x.reason])).toEqual([
        [4, 'column 5', 'E_FIELD_COUNT', 'The row has 5 fields, the header has 4. A value probably contains the separator (;) without quotes; put quotes around that value.'],
        [5, 'year', 'E_FIELD_COUNT', 'The row has 2 fields, the header has 4. Check the separators (;) and quotes.'],
      ]);
    });
  });

  test('a quote that is never closed rejects its row, naming its first line; the rows after it are not read', async () => {
    const indicators = [HEADERS.indicators, 'partner_cities;1.1.2024;1;;ok', 'partner_cities;1.2.2024;2;;"auki', 'partner_cities;1.3.2024;3;;', ''].join('\n');
    await withFolder({ indicators }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations.map((o) => o.line)).toEqual([2]);
      expect(r.inputs['indicators.csv']).toEqual({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1, rowsNotRead: 1 });
      expect(r.rejected).toEqual([
        expect.objectContaining({ file: 'indicators.csv', line: 3, code: 'E_QUOTE_NOT_CLOSED' }),
      ]);
      expect(r.rejected[0]?.reason).toContain('Rivillä 3 avattu lainausmerkki (") jää sulkematta');
      expect(r.rejected[0]?.reason).toContain('1 riviä sen jälkeen jäi lukematta');
    });
  });

  test('a quote inside an unquoted value is kept as text', async () => {
    await withFolder({ indicators: `${HEADERS.indicators}\npartner_cities;1.1.2024;1;;Raportti "Verkosto 2024"\n` }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations[0]?.source).toBe('Raportti "Verkosto 2024"');
    });
  });
});

describe('encodings', () => {
  test('a file that turns Windows-1252 after 64 KiB of plain ASCII still decodes "käynnissä"', async () => {
    const ascii = Array.from({ length: 1500 }, (_, i) => `P${i};Project number ${i} with a long enough name;JYU;4.1.1;ongoing;1.1.2024;31.12.2026`);
    const text = [HEADERS.projects, ...ascii, 'A1;Kivijärven hanke;Jyväskylän yliopisto;4.1.2;käynnissä;1.1.2024;31.12.2026', ''].join('\r\n');
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.length).toBeGreaterThan(64 * 1024 + 100);
    await withFolder({ projects: bytes }, async (dir) => {
      const r = await readAll(dir);
      expect(r.inputs['projects.csv']).toEqual({ rowsRead: 1501, rowsUsed: 1501, rowsRejected: 0, rowsNotRead: 0 });
      expect(r.projects.at(-1)).toMatchObject({ id: 'A1', name: 'Kivijärven hanke', owner: 'Jyväskylän yliopisto', status: 'ongoing', line: 1502 });
    });
  });

  test('Windows-1252 € and ä in a comma file', async () => {
    const indicators = iconv.encode(`kpi,date,value,source\r\nhippos_city_investment_meur,31.12.2024,"12,5","Hippos: 12,5 M€ käytetty"\r\n`, 'win1252');
    await withFolder({ indicators }, async (dir) => {
      const r = await readAll(dir);
      expect(r.observations[0]).toMatchObject({ value: 12.5, source: 'Hippos: 12,5 M€ käytetty' });
    });
  });
});

describe('streaming and callbacks', () => {
  test('onProgress reports every 50 000 rows and the final count of each file', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `partner_cities;${(i % 28) + 1}.1.2024;${i}`);
    await withFolder({ indicators: ['kpi;date;value', ...rows].join('\n') }, async (dir) => {
      const progress: string[] = [];
      const bytes: [string, number][] = [];
      let n = 0;
      const r = await readDataFolder(dir, {
        agreement: agreement2025,
        asOf: '2025-06-30',
        lang: 'fi',
        onObservation: () => n++,
        onProgress: (e) => {
          progress.push(`${e.file}:${e.rows}`);
          bytes.push([e.file, e.bytes]);
        },
      });
      expect(n).toBe(120_000);
      // bytes grow within a file and end at the file's size
      const ind = bytes.filter(([f]) => f === 'indicators.csv').map(([, b]) => b);
      expect(ind).toEqual([...ind].sort((x, y) => x - y));
      expect(ind.at(-1)).toBe(statSync(join(dir, 'indicators.csv')).size);
      expect(r.inputs['indicators.csv']?.rowsUsed).toBe(120_000);
      expect(progress).toEqual([
        'projects.csv:0',
        'funding.csv:0',
        'indicators.csv:50000',
        'indicators.csv:100000',
        'indicators.csv:120000',
        'assessments.csv:0',
      ]);
    });
    // 120 000 rows: well under a second alone, but the whole suite runs beside it on two processors.
  }, 30_000);

  test('an error thrown by onObservation surfaces as that error, not as a crash or a lost row', async () => {
    await withFolder({ indicators: `${HEADERS.indicators}\npartner_cities;1.1.2024;1;;\n` }, async (dir) => {
      const boom = new Error('consumer failed');
      const p = readDataFolder(dir, {
        agreement: agreement2025,
        asOf: '2025-06-30',
        lang: 'fi',
        onObservation: (_o: Observation) => {
          throw boom;
        },
      });
      await expect(p).rejects.toBe(boom);
    });
  });

  test('invalid options are a programming error, not an IngestError', async () => {
    await withFolder({}, async (dir) => {
      const p = readDataFolder(dir, { agreement: agreement2025, asOf: '30.6.2025', lang: 'fi', onObservation: () => {} });
      await expect(p).rejects.not.toBeInstanceOf(IngestError);
      await expect(p).rejects.toThrow();
    });
  });
});

describe('project references', () => {
  test('a repeated project id is rejected even when its first row was rejected; funding of it names that line', async () => {
    const projects = [HEADERS.projects, 'A1;Hanke;JYU;4.1.1;käynnissä;31.2.2024;31.12.2026', PROJECT].join('\n');
    await withFolder({ projects, funding: `${HEADERS.funding}\n${FUNDING}\n` }, async (dir) => {
      const r = await readAll(dir);
      expect(r.rejected.map((x) => [x.file, x.line, x.code])).toEqual([
        ['projects.csv', 2, 'E_BAD_DATE'],
        ['projects.csv', 3, 'E_DUPLICATE_ID'],
        ['funding.csv', 2, 'E_UNKNOWN_PROJECT'],
      ]);
      expect(r.rejected[2]?.reason).toContain('(rivi 2)');
    });
  });

  test('planned projects with funding need no warning; ongoing ones without funding get one', async () => {
    const projects = [HEADERS.projects, 'A1;Hanke;JYU;4.1.1;suunniteltu;1.1.2026;31.12.2026', 'A2;Toinen;JYU;4.1.1;ongoing;1.1.2024;31.12.2026'].join('\n');
    await withFolder({ projects, funding: `${HEADERS.funding}\n${FUNDING}\n` }, async (dir) => {
      const r = await readAll(dir);
      expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['W_NO_FUNDING', 3]]);
    });
  });
});

describe('KPIs of the other agreement version', () => {
  test('are rejected by default and accepted when the caller names them as known', async () => {
    const { dir, cleanup } = tempFolder({
      indicators: `${HEADERS.indicators}\nintl_rd_centres;31.12.2024;0;;\nnew_rdi_environments;15.9.2025;1;;\n`,
    });
    try {
      const strict = await readAll(dir);
      expect(strict.rejected.map((r) => [r.line, r.code])).toEqual([[2, 'E_UNKNOWN_KPI']]);
      const seen: Observation[] = [];
      const both = await readDataFolder(dir, {
        agreement: agreement2025,
        asOf: '2025-12-31',
        lang: 'fi',
        onObservation: (o) => seen.push(o),
        knownKpis: new Set(['intl_rd_centres', 'new_rdi_environments']),
      });
      expect(both.rejected).toEqual([]);
      expect(seen.map((o) => o.kpi)).toEqual(['intl_rd_centres', 'new_rdi_environments']);
    } finally {
      cleanup();
    }
  });
});

describe('file hashes', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  test('are taken while reading, equal to hashing each file on its own, also when a quote is never closed', async () => {
    const big = Array.from({ length: 30_000 }, (_, i) => `partner_cities;${(i % 28) + 1}.1.2024;${i % 9}`);
    const { dir, cleanup } = tempFolder({
      indicators: ['kpi;date;value', ...big].join('\r\n'),
      assessments: `${HEADERS.assessments}\n4.1.1/2023;1.6.2024;etenee;"never closed;Johtoryhmä\n4.1.1/2023;1.7.2024;etenee;x;y\n`,
    });
    try {
      const r = await readAll(dir);
      expect(r.rejected.map((x) => x.code)).toContain('E_QUOTE_NOT_CLOSED');
      const hashes = await r.sha256();
      for (const f of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv'] as const) {
        expect(hashes[f], f).toBe(sha(join(dir, f)));
      }
    } finally {
      cleanup();
    }
  });
});
