import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportModelSchema, type ReportModel } from '@ekoraportti/core';
import { manifestSchema, ProblemError } from '../src/index.ts';
import { ownData, run, tmp } from './helpers.ts';

const model = (dir: string, file = 'report.json'): ReportModel => reportModelSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));

describe('the history of an output folder', () => {
  it('keeps every run as <city>-<pipeline>-<as-of>[-en].json, compares with the newest earlier one, never a later one', async () => {
    const data = ownData();
    const out = tmp();
    const q1 = await run({ dataDir: data, outDir: out, asOf: '2025-03-31' });
    expect(q1.model?.delta).toBeNull();
    expect(q1.lines.join('\n')).toContain('no earlier report');

    // Next quarter, one more collaboration reported: the delta says which report it compares with.
    writeFileSync(join(data, 'indicators.csv'), `${readFileSync(join(data, 'indicators.csv'), 'utf8')}new_rdi_environments,2025-05-15,1,,\n`);
    const q2 = await run({ dataDir: data, outDir: out, asOf: '2025-06-30' });
    expect(q2.model?.delta?.previousAsOf).toBe('2025-03-31');
    expect(q2.model?.delta?.previousFile).toBe('jyvaskyla-quarterly-2025-03-31-en.json');
    expect(q2.lines.join('\n')).toContain('comparing with the previous report jyvaskyla-quarterly-2025-03-31-en.json');

    // report.json is the latest; each run's model stays under its own name beside its PDF and HTML.
    expect(model(out).asOf).toBe('2025-06-30');
    expect(model(out, 'jyvaskyla-quarterly-2025-03-31-en.json').asOf).toBe('2025-03-31');
    expect(readdirSync(out).filter((f) => f.startsWith('jyvaskyla-')).sort()).toEqual([
      'jyvaskyla-quarterly-2025-03-31-en.html',
      'jyvaskyla-quarterly-2025-03-31-en.json',
      'jyvaskyla-quarterly-2025-03-31-en.pdf',
      'jyvaskyla-quarterly-2025-06-30-en.html',
      'jyvaskyla-quarterly-2025-06-30-en.json',
      'jyvaskyla-quarterly-2025-06-30-en.pdf',
    ]);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.history).toEqual([
      { path: 'jyvaskyla-quarterly-2025-03-31-en.json', asOf: '2025-03-31', lang: 'en' },
      { path: 'jyvaskyla-quarterly-2025-06-30-en.json', asOf: '2025-06-30', lang: 'en' },
    ]);
    expect(manifest.run?.previous?.path).toBe('jyvaskyla-quarterly-2025-03-31-en.json');

    // A run for an earlier date finds only later reports: it compares with none.
    const manifestBefore = readFileSync(join(out, 'manifest.json'), 'utf8');
    const rejectedBefore = readFileSync(join(out, 'rejected.csv'), 'utf8');
    const q0 = await run({ dataDir: data, outDir: out, asOf: '2024-12-31' });
    expect(q0.model?.delta).toBeNull();
    // An earlier date made after a later one: its dated files are written, and the folder's latest stays the latest.
    expect(model(out, 'jyvaskyla-quarterly-2024-12-31-en.json').asOf).toBe('2024-12-31');
    expect(readdirSync(out)).toContain('jyvaskyla-quarterly-2024-12-31-en.pdf');
    expect(model(out).asOf).toBe('2025-06-30');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(readFileSync(join(out, 'rejected.csv'), 'utf8')).toBe(rejectedBefore);
    expect(q0.lines.join('\n')).toContain('the folder holds a later report (as of 2025-06-30)');
    expect(q0.manifest.outputs.map((o) => o.path)).toEqual(['jyvaskyla-quarterly-2024-12-31-en.pdf', 'jyvaskyla-quarterly-2024-12-31-en.html', 'jyvaskyla-quarterly-2024-12-31-en.json']);
    // --previous none compares with nothing.
    expect((await run({ dataDir: data, outDir: out, asOf: '2025-12-31', previous: { kind: 'none' } })).model?.delta).toBeNull();
  }, 600_000);

  it('compares only with a report whose own date is earlier, whatever its file is called', async () => {
    const data = ownData();
    const out = tmp();
    await run({ dataDir: data, outDir: out, asOf: '2025-03-31' });
    await run({ dataDir: data, outDir: out, asOf: '2025-09-30' });
    // A later report saved under an earlier date's name (a copy, a rename) is no earlier report.
    writeFileSync(join(out, 'jyvaskyla-quarterly-2025-06-30-en.json'), readFileSync(join(out, 'jyvaskyla-quarterly-2025-09-30-en.json')));
    const q = await run({ dataDir: data, outDir: out, asOf: '2025-08-31' });
    expect(q.model?.delta?.previousAsOf).toBe('2025-03-31');
  }, 600_000);

  it('keeps a folder to one pipeline, agreement version and kind of data: another run stops before writing, an example run never replaces real reports', async () => {
    const data = ownData();
    const out = tmp();
    await run({ dataDir: data, outDir: out, asOf: '2025-06-30' });
    const before = readdirSync(out).map((f) => `${f} ${readFileSync(join(out, f)).length}`).sort();
    const refused = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as ProblemError).problem;
    const real = { pipeline: 'quarterly', agreement: '2025', exampleData: false };
    // The same date in another agreement version: it would have replaced this folder's report of that date.
    expect(await refused(run({ dataDir: data, outDir: out, asOf: '2025-06-30', agreement: '2021' }))).toEqual({
      code: 'E_OUT_OTHER_REPORTS',
      dir: out,
      found: real,
      expected: { ...real, agreement: '2021' },
    });
    // The example data (its marker file) into a folder of real reports.
    expect(await refused(run({ outDir: out, asOf: '2025-06-30' }))).toEqual({ code: 'E_OUT_OTHER_REPORTS', dir: out, found: real, expected: { ...real, exampleData: true } });
    expect(readdirSync(out).map((f) => `${f} ${readFileSync(join(out, f)).length}`).sort()).toEqual(before);
    // Real reports may replace the example's.
    const exampleOut = tmp();
    await run({ outDir: exampleOut, asOf: '2025-06-30' });
    expect((await run({ dataDir: data, outDir: exampleOut, asOf: '2025-06-30' })).model?.report.exampleData).toBe(false);
  }, 600_000);

  it('does not compare the example data with earlier reports unless --previous names one', async () => {
    const out = tmp();
    await run({ outDir: out, asOf: '2025-03-31' });
    const later = await run({ outDir: out, asOf: '2025-06-30' });
    expect(later.model?.delta).toBeNull();
    expect(later.lines.join('\n')).toContain('example data: no comparison');
  }, 600_000);
});

describe('--previous FILE', () => {
  const problem = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as ProblemError).problem;

  it('must be a report of the same agreement version as of an earlier date, else the run stops saying why', async () => {
    const first = await run({ asOf: '2025-06-30' });
    const previous = join(first.outDir, 'report.json');
    expect(await problem(run({ asOf: '2025-09-30', agreement: '2021', previous: { kind: 'file', path: previous } }))).toEqual({
      code: 'E_PREVIOUS_VERSION',
      path: previous,
      version: '2025',
      expected: '2021',
    });
    for (const asOf of ['2025-06-30', '2025-03-31']) {
      expect(await problem(run({ asOf, previous: { kind: 'file', path: previous } }))).toEqual({
        code: 'E_PREVIOUS_NOT_EARLIER',
        path: previous,
        asOf: '2025-06-30',
        current: asOf,
      });
    }
    const ok = await run({ asOf: '2025-09-30', previous: { kind: 'file', path: previous } });
    expect(ok.model?.delta?.previousFile).toBe('report.json');
    // Real data against the example's report: the changes would be invented.
    expect(await problem(run({ dataDir: ownData(), asOf: '2025-09-30', previous: { kind: 'file', path: previous } }))).toEqual({
      code: 'E_PREVIOUS_EXAMPLE',
      path: previous,
      previousIsExample: true,
    });
  }, 600_000);

  it('names the field that makes a file not a report', async () => {
    const path = join(tmp(), 'report.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, agreement: { version: '2025' }, asOf: 20250630 }));
    expect(await problem(run({ previous: { kind: 'file', path } }))).toMatchObject({ code: 'E_PREVIOUS_NOT_REPORT', field: 'agreement.title' });
    writeFileSync(path, '{ not json');
    expect(await problem(run({ previous: { kind: 'file', path } }))).toMatchObject({ code: 'E_PREVIOUS_NOT_REPORT', field: null });
    expect(await problem(run({ previous: { kind: 'file', path: join(tmp(), 'missing.json') } }))).toMatchObject({ code: 'E_PREVIOUS_UNREADABLE' });
  });
});
