import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { InputCounts } from '@ekoraportti/core';
import { IngestError } from '../src/index.ts';
import type { Read } from './_example.ts';
import { allText, editorLines, read, readText, withExample, writeText } from './_example.ts';

// Issue 15's table, row by row, on copies of seeds/example: each defect now ends in the right figures,
// or in a rejection or warning that names the file, the line and what to do.

let original: Read;
beforeAll(async () => {
  original = await withExample((dir) => read(dir));
});

const kpiValues = (r: Read) => Object.fromEntries([...original.tally.config().kpis].map((k) => [k.id, r.tally.value(k.id)]));

describe('line ends', () => {
  test('rows appended with `echo >>` (LF) to the Excel-saved CRLF funding.csv are read row by row, on the lines an editor shows', async () => {
    await withExample(async (dir) => {
      const before = readText(dir, 'funding.csv');
      expect(before.endsWith('\r\n')).toBe(true);
      appendFileSync(join(dir, 'funding.csv'), 'A80101;EAKR;2026;1000\nA80105;EAKR;2026;2000,50\nA80103;valtio;2026;300\n');
      const r = await read(dir);
      const last = editorLines(before).length - 1; // the line after the file's last CRLF
      expect(r.inputs['funding.csv']).toEqual({ ...original.inputs['funding.csv'], rowsRead: 125 + 3, rowsUsed: 123 + 3 });
      expect(r.funding.slice(-3).map((f) => [f.line, f.amountCents])).toEqual([
        [last + 1, 100_000],
        [last + 2, 200_050],
        [last + 3, 30_000],
      ]);
      expect(r.fundingCents).toBe(original.fundingCents + 330_050);
      expect(r.rejected.filter((x) => x.file === 'funding.csv')).toEqual(original.rejected.filter((x) => x.file === 'funding.csv'));
    });
  });

  test('line ends that change from CRLF to LF after row 49 change nothing', async () => {
    await withExample(async (dir) => {
      const lines = editorLines(readText(dir, 'funding.csv'));
      writeText(dir, 'funding.csv', `${lines.slice(0, 50).join('\r\n')}\r\n${lines.slice(50).join('\n')}`);
      const r = await read(dir);
      expect(r.inputs).toEqual(original.inputs);
      expect(r.fundingCents).toBe(original.fundingCents);
      expect(r.funding).toEqual(original.funding);
      expect(r.rejected).toEqual(original.rejected);
    });
  });

  test('old Mac CR line ends mixed into the other two are read too', async () => {
    await withExample(async (dir) => {
      const lines = editorLines(readText(dir, 'funding.csv'));
      const ends = ['\r\n', '\n', '\r'];
      writeText(dir, 'funding.csv', lines.map((l, i) => (i === lines.length - 1 ? l : l + ends[i % 3])).join(''));
      const r = await read(dir);
      expect(r.funding).toEqual(original.funding);
      expect(r.rejected).toEqual(original.rejected);
    });
  });
});

describe('the same export pasted twice', () => {
  test('counts every euro and KPI once; the repeats are rejected naming the first line', async () => {
    await withExample(async (dir) => {
      for (const file of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv']) {
        const text = readText(dir, file).replace(/^\uFEFF/, '');
        const [header, ...rows] = editorLines(text.replace(/\r?\n$/, ''));
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        writeText(dir, file, `${header}${eol}${rows.join(eol)}${eol}${rows.join(eol)}${eol}`);
      }
      const r = await read(dir);
      expect(r.fundingCents).toBe(original.fundingCents);
      expect(kpiValues(r)).toEqual(kpiValues(original));
      expect(r.projects).toEqual(original.projects);
      expect(r.assessments).toEqual(original.assessments);
      const repeats = r.rejected.filter((x) => x.code === 'E_DUPLICATE_ROW' && x.file === 'funding.csv');
      expect(repeats).toHaveLength(123);
      expect(repeats[0]).toMatchObject({ line: 127, column: 'project_id' });
      expect(repeats[0]?.reason).toContain('Rivi on sama kuin rivi 2');
      expect(r.rejected.filter((x) => x.file === 'projects.csv' && x.code === 'E_DUPLICATE_ID').length).toBeGreaterThan(30);
      for (const c of Object.values(r.inputs)) expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected + (c.rowsLeftOut ?? 0) + (c.rowsNotData ?? 0));
    });
  });

  test('a row with the key of an earlier one but another amount is used, and warned about with both lines', async () => {
    await withExample(async (dir) => {
      appendFileSync(join(dir, 'funding.csv'), 'A80101;AKKE;2021;1 000,00\r\n');
      const r = await read(dir, 'en');
      expect(r.fundingCents).toBe(original.fundingCents + 100_000);
      expect(r.warnings.find((w) => w.code === 'W_SAME_KEY')).toMatchObject({ file: 'funding.csv', line: 127, column: 'amount_eur' });
      expect(r.warnings.find((w) => w.code === 'W_SAME_KEY')?.message).toContain("('A80101', AKKE, 2021) as line 2 but a different amount");
    });
  });
});

describe('runaway quotes', () => {
  test('two stray quotes 30 lines apart: the value is named with its span, the 30 rows are counted as not read, and the file is flagged', async () => {
    await withExample(async (dir) => {
      const lines = editorLines(readText(dir, 'funding.csv'));
      lines[10] = (lines[10] as string).replace(/^(A\d+);/, '$1;"'); // line 11
      lines[40] = (lines[40] as string).replace(/^(A\d+;[^;]+);/, '$1";'); // line 41
      writeText(dir, 'funding.csv', lines.join('\r\n'));
      const r = await read(dir);
      const c = r.inputs['funding.csv'] as InputCounts;
      expect(c).toEqual({ rowsRead: 125 - 30, rowsUsed: 123 - 31, rowsRejected: 3, rowsNotRead: 30 });
      expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected);
      const runaway = r.rejected.find((x) => x.code === 'E_RUNAWAY_QUOTE');
      expect(runaway).toMatchObject({ file: 'funding.csv', line: 11, column: 'source' });
      expect(runaway?.reason).toBe(
        'Sarakkeen source arvo alkaa rivillä 11 lainausmerkillä (") ja jatkuu riville 41 asti, joten 30 riviä jäi lukematta. Poista ylimääräinen lainausmerkki tai sulje se samalla rivillä.',
      );
      expect(r.dataAlerts).toEqual([{ code: 'ROWS_NOT_READ', file: 'funding.csv', lines: [{ from: 11, to: 41 }], count: 30 }]);
      for (const text of allText(r)) expect(text).not.toMatch(/[\r\n]/);
      // The rows after the span are read on their own lines again.
      expect(r.funding.find((f) => f.line === 42)).toBeDefined();
    });
  });

  test('in English too', async () => {
    await withExample(async (dir) => {
      const lines = editorLines(readText(dir, 'funding.csv'));
      lines[10] = (lines[10] as string).replace(/^(A\d+);/, '$1;"');
      lines[40] = (lines[40] as string).replace(/^(A\d+;[^;]+);/, '$1";');
      writeText(dir, 'funding.csv', lines.join('\r\n'));
      const r = await read(dir, 'en');
      expect(r.rejected.find((x) => x.code === 'E_RUNAWAY_QUOTE')?.reason).toBe(
        'The value of source that starts with a quote (") on line 11 runs to line 41: 30 rows were not read. Remove the stray quote or close it on the same line.',
      );
    });
  });

  test('a value of several lines (a note with line breaks) is a value, not a runaway quote', async () => {
    await withExample(async (dir) => {
      const r = await read(dir);
      expect(r.projects.find((p) => p.id === 'A80201')?.name).toContain('\n');
      expect(r.inputs['projects.csv']).toEqual(original.inputs['projects.csv']);
      expect(r.dataAlerts).toEqual([]);
    });
  });
});

describe('invisible characters', () => {
  test('a zero-width space after a project id in funding.csv is removed with a warning naming it U+200B; the funding counts', async () => {
    await withExample(async (dir) => {
      const text = readText(dir, 'funding.csv').replace(/^A80101;AKKE;2021;/m, 'A80101\u200b;AKKE;2021;');
      writeText(dir, 'funding.csv', text, 'utf8'); // re-saved as CSV UTF-8: Windows-1252 has no U+200B
      const r = await read(dir);
      expect(r.fundingCents).toBe(original.fundingCents);
      expect(r.rejected).toEqual(original.rejected);
      const w = r.warnings.find((x) => x.code === 'W_INVISIBLE_CHARACTERS');
      expect(w).toMatchObject({ file: 'funding.csv', line: 2, column: 'project_id' });
      expect(w?.message).toContain('(U+200B)');
      expect(w?.message).toContain("'A80101[U+200B]'");
      for (const text of allText(r)) expect(text).not.toContain('\u200b');
    });
  });

  test('a hidden duplicate project id (the same id with a zero-width space) is a repeated id', async () => {
    await withExample(async (dir) => {
      appendFileSync(join(dir, 'projects.csv'), 'A80101\u200b;Toinen hanke;JYU;4.1.1;käynnissä;1.1.2024;31.12.2025\r\n');
      const r = await read(dir);
      expect(r.rejected.find((x) => x.code === 'E_DUPLICATE_ID')).toMatchObject({ file: 'projects.csv', line: 36, column: 'project_id' });
      expect(r.projects).toEqual(original.projects);
    });
  });

  test('NUL, other controls and a trailing Ctrl-Z never reach a row or a message', async () => {
    await withExample(async (dir) => {
      const text = readText(dir, 'assessments.csv').replace('Kolme kaupunkia', 'Kolme\u0000 kaupunkia\u0085');
      writeText(dir, 'assessments.csv', `${text.replace(/^4\.1\.1\/2023;30\.11\.2023/m, '4.1.1/2023\u00a0;30.11.2023')}\u001a`);
      const r = await read(dir);
      expect(r.assessments).toHaveLength(original.assessments.length);
      expect(r.assessments[0]?.evidence).toBe('Kolme kaupunkia mukana verkostossa');
      expect(r.inputs['assessments.csv']).toEqual(original.inputs['assessments.csv']);
      expect(r.warnings.filter((w) => w.file === 'assessments.csv').map((w) => [w.code, w.line, w.column])).toEqual([
        ['W_CONTROL_CHARACTERS', 2, 'evidence'],
        ['W_INVISIBLE_CHARACTERS', 3, 'target'],
        ...original.warnings.filter((w) => w.file === 'assessments.csv').map((w) => [w.code, w.line, w.column]),
        ['W_CONTROL_CHARACTERS', 18, null],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)));
      for (const text of allText(r)) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(allText(r).join(' ')).toContain('U+001A');
    });
  });
});

describe("Excel's other formats", () => {
  const asUtf16 = (text: string, le: boolean, bom: boolean): Buffer => {
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
  };

  test.each([
    ['UTF-16 LE with BOM, tab-separated ("Unicode text")', true, true, '\t'],
    ['UTF-16 LE without BOM', true, false, ';'],
    ['UTF-16 BE with BOM', false, true, ';'],
  ])('%s is decoded and read with the same figures', async (_, le, bom, sep) => {
    await withExample(async (dir) => {
      writeFileSync(join(dir, 'funding.csv'), asUtf16(readText(dir, 'funding.csv').replaceAll(';', sep), le, bom));
      const r = await read(dir);
      expect(r.funding).toEqual(original.funding);
      expect(r.rejected).toEqual(original.rejected);
    });
  });

  test('an .xlsx saved under the CSV name says it is an Excel workbook and how to save it, without echoing its bytes', async () => {
    await withExample(async (dir) => {
      writeFileSync(join(dir, 'funding.csv'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.from('[Content_Types].xml\u0000\u0001\u0002')]));
      const err = await read(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect(err).toMatchObject({ code: 'E_WORKBOOK', file: 'funding.csv' });
      expect((err as Error).message).toBe(
        'Tiedosto funding.csv on Excel-työkirja eikä CSV-tiedosto. Avaa se Excelissä ja tallenna muodossa CSV UTF-8 (pilkuin eroteltu), erottimena puolipiste (;).',
      );
    });
  });

  test.each([
    ['Funding.CSV', "Kansiossa on 'Funding.CSV': nimeä se uudelleen nimelle funding.csv."],
    ['funding.csv.txt', "Kansiossa on 'funding.csv.txt': nimeä se uudelleen nimelle funding.csv."],
    ['funding.xls', "Kansiossa on 'funding.xls': se on Excel-työkirja; tallenna se Excelissä muodossa CSV UTF-8 nimellä funding.csv."],
  ])('a missing funding.csv next to %s names it', async (name, advice) => {
    await withExample(async (dir) => {
      renameSync(join(dir, 'funding.csv'), join(dir, name));
      const err = await read(dir).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'E_MISSING_FILE', file: 'funding.csv' });
      expect((err as Error).message).toContain(advice);
    });
  });

  test("Excel's `sep=;` first line is honoured; lines stay the editor's", async () => {
    await withExample(async (dir) => {
      writeText(dir, 'funding.csv', `sep=;\r\n${readText(dir, 'funding.csv')}`);
      const r = await read(dir);
      expect(r.funding.map((f) => ({ ...f, line: f.line - 1 }))).toEqual(original.funding);
      expect(r.rejected.filter((x) => x.file === 'funding.csv').map((x) => x.line)).toEqual([126, 127]);
    });
  });

  test('a Windows-1252 file that holds UTF-8 (two exports pasted together) is flagged with the line', async () => {
    await withExample(async (dir) => {
      const utf8Row = Buffer.from('A80101;kaupunki;2030;1 000,00;Jyväskylä\r\n', 'utf8');
      writeFileSync(join(dir, 'funding.csv'), Buffer.concat([readFileSync(join(dir, 'funding.csv')), utf8Row]));
      const r = await read(dir);
      const w = r.warnings.find((x) => x.code === 'W_MIXED_ENCODING');
      expect(w).toMatchObject({ file: 'funding.csv', line: 127 });
      expect(w?.message).toContain("Rivillä 127 on 'Ã¤'");
    });
  });
});

describe('KPI plausibility', () => {
  test('a value over 1 000 times its threshold is used, with a warning about its unit', async () => {
    await withExample(async (dir) => {
      appendFileSync(join(dir, 'indicators.csv'), 'hippos_city_investment_meur,2024-06-30,12000000,A80201,Talousarvio euroina\n');
      const r = await read(dir, 'en');
      const w = r.warnings.find((x) => x.code === 'W_IMPLAUSIBLE_VALUE');
      expect(w).toMatchObject({ file: 'indicators.csv', line: 27, column: 'value' });
      expect(w?.message).toContain('over 1,000 times its threshold of 30');
      expect(w?.message).toContain('euros in an M€ column?');
    });
  });

  test('a value too large to be a number (a non-finite one) is rejected', async () => {
    await withExample(async (dir) => {
      appendFileSync(join(dir, 'indicators.csv'), `partner_cities,2024-07-01,${'9'.repeat(400)},A80101,x\n`);
      const r = await read(dir);
      expect(r.rejected.find((x) => x.line === 27)).toMatchObject({ file: 'indicators.csv', column: 'value', code: 'E_BAD_NUMBER' });
    });
  });

  test('assessments dated after the as-of date get the same warning as observations', async () => {
    const w = original.warnings.find((x) => x.file === 'assessments.csv' && x.code === 'W_AFTER_AS_OF');
    expect(w).toMatchObject({ line: 6, column: 'date' });
    expect(w?.message).toBe(
      'Tavoitteella 4.1.1/2027 on 1 arvio tilannepäivän 31.12.2024 jälkeen (rivillä 6). Se on kelvollinen, mutta ei ole mukana tämän raportin luvuissa.',
    );
  });
});
