import { chmodSync, existsSync, readdirSync, statSync, statfsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, mountTmpfs, ownData, STACK, tmp, unmountAll } from './helpers.ts';

// Issue 15's rows about options and the output folder: each ends in exit code 2 with a plain message
// in the report's language, before any work, never in exit code 3 or a stack trace.

afterAll(unmountAll);

describe('an output folder that cannot take the report', () => {
  it('a file, a folder under a file or a read-only folder: exit 2 at once, nothing read', async () => {
    const file = join(tmp(), 'out.txt');
    writeFileSync(file, 'x');
    const isFile = await cli(['--pipeline', 'steering-group', '--data', EXAMPLE, '--out', file]);
    expect(isFile.code).toBe(2);
    expect(isFile.stderr).toContain(`Tuloskansio ${file} on tiedosto eikä kansio.`);
    expect(isFile.stderr).not.toContain('luettu ');
    const under = await cli(['--pipeline', 'steering-group', '--data', EXAMPLE, '--out', join(file, 'q3'), '--lang', 'en']);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`cannot be made: ${file} is a file, not a folder.`);

    const ro = mountTmpfs('ro,size=64k');
    let readOnly: string;
    if (ro) {
      readOnly = ro.dir;
    } else {
      readOnly = tmp();
      chmodSync(readOnly, 0o555);
    }
    const denied = await cli(['--pipeline', 'steering-group', '--data', EXAMPLE, '--out', join(readOnly, 'out')]);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain(`Tuloskansioon ${join(readOnly, 'out')} ei voi kirjoittaa (vain luku).`);
    for (const r of [isFile, under, denied]) expect(r.stderr).not.toMatch(STACK);
  });

  const disk = mountTmpfs('size=2m');
  it.skipIf(disk === null)('a full disk: exit 2 "no space left in …", the previous report kept, no temporaries', async () => {
    if (disk === null) return;
    const out = join(disk.dir, 'steering-group');
    const args = ['--pipeline', 'steering-group', '--data', EXAMPLE, '--out', out, '--lang', 'en', '--quiet'];
    expect((await cli([...args, '--as-of', '2025-06-30'])).code).toBe(0);
    const before = readdirSync(out).sort();
    const free = statfsSync(disk.dir);
    writeFileSync(join(disk.dir, 'other-files'), Buffer.alloc(free.bavail * free.bsize - 40_000));
    const full = await cli([...args, '--as-of', '2025-09-30']);
    expect(full.code).toBe(2);
    expect(full.stderr).toBe(`ekoraportti: No space left in ${out}. The previous report is unchanged. Free some space and run again.\n`);
    expect(readdirSync(out).sort()).toEqual(before);
  }, 300_000);
});

describe('dates and previous reports that do not fit the run', () => {
  it('--as-of 1899-12-31 or 2204-12-31: exit 2 naming the agreement period (was a ZodError, exit 3)', async () => {
    for (const asOf of ['1899-12-31', '2204-12-31']) {
      const r = await cli(['--pipeline', 'final-review', '--data', EXAMPLE, '--as-of', asOf, '--out', tmp()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ekoraportti: --as-of ${asOf} on sopimuskauden ulkopuolella: anna päivä väliltä 1.1.2021–31.12.2030.\n`);
    }
  });

  it('--previous from the other agreement version or a later date: exit 2 saying why', async () => {
    const before = tmp();
    const data = ownData();
    expect((await cli(['--pipeline', 'steering-group', '--data', data, '--out', before, '--as-of', '2025-06-30', '--quiet'])).code).toBe(0);
    const previous = join(before, 'report.json');
    const otherVersion = await cli(['--pipeline', 'midterm-review', '--data', data, '--out', tmp(), '--previous', previous]);
    expect(otherVersion.code).toBe(2);
    expect(otherVersion.stderr).toContain(`Edellinen raportti ${previous} mittaa sopimusversiota 2025, tämä ajo versiota 2021`);
    const later = await cli(['--pipeline', 'steering-group', '--data', data, '--out', tmp(), '--as-of', '2025-03-31', '--previous', previous, '--lang', 'en']);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain(`is as of 2025-06-30, which is not before this report's 2025-03-31`);
    for (const r of [otherVersion, later]) expect(r.stderr).not.toContain('luettu ');
  }, 300_000);
});

describe('a workbook in the data folder that cannot be read', () => {
  it('a truncated EURA export: exit 2 with a plain message naming it, for a report and for check; nothing written', async () => {
    const data = ownData();
    const exported = join(data, 'eura2021-hankkeet-esimerkki.xlsx');
    truncateSync(exported, Math.floor(statSync(exported).size * 0.6));
    const out = join(tmp(), 'steering-group');
    const message = 'ekoraportti: eura2021-hankkeet-esimerkki.xlsx on katkennut: tiedoston loppu puuttuu (keskeytynyt lataus tai kopiointi?). Lataa tai tallenna tiedosto uudelleen.\n';
    const run = await cli(['--pipeline', 'steering-group', '--data', data, '--out', out, '--quiet']);
    expect([run.code, run.stderr]).toEqual([2, message]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const check = await cli(['check', '--data', data]);
    expect([check.code, check.stderr]).toEqual([2, message]);
  });
});

describe('no input or option makes the command exit 3 or print a stack trace', () => {
  const notJson = join(tmp(), 'report.json');
  writeFileSync(notJson, '{ "schemaVersion": 1 }');
  const dataFile = join(tmp(), 'data.csv');
  writeFileSync(dataFile, 'x');
  const cases: [string[], number][] = [
    [['--pipeline', 'steering-group', '--colour'], 2],
    [['--pipeline'], 2],
    [['--pipeline', 'steering-group', 'extra'], 2],
    [['--data', EXAMPLE], 2],
    [['--pipeline', 'steering-group', '--lang', 'sv'], 2],
    [['--pipeline', 'steering-group', '--agreement', '2030'], 2],
    [['--pipeline', 'steering-group', '--as-of', '2025-02-30'], 2],
    [['--pipeline', 'steering-group', '--as-of', '30.9.2025'], 2],
    [['--pipeline', 'steering-group', '--data', EXAMPLE, '--example'], 2],
    [['--pipeline', 'steering-group', '--data', dataFile], 2],
    [['--pipeline', 'steering-group', '--data', EXAMPLE, '--previous', notJson, '--out', '/tmp/never-written'], 2],
    [['--pipeline', 'steering-group', '--data', EXAMPLE, '--previous', '/nonexistent.json', '--out', '/tmp/never-written'], 2],
    [['check', '--format', 'xml'], 2],
    [['check', '--data', '/nonexistent'], 2],
    [['init'], 2],
    [['init', dataFile], 2],
    [['distribute'], 2],
    [['distribute', '--pipeline', 'annual', '--to', 'x', '--smtp', 'smtp://localhost:25'], 2],
  ];
  it.each(cases)('ekoraportti %j → exit %i', async (args, code) => {
    const r = await cli(args, { cwd: tmp() });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^ekoraportti: \S/m);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync('/tmp/never-written')).toBe(false);
  });
});
