import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownData, run, tmp } from './helpers.ts';

/** Every file of a folder with its modification time: an up-to-date run touches none. */
const snapshot = (dir: string) => readdirSync(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`).sort();

describe('a run whose inputs equal those in the output folder’s manifest', () => {
  it('is up to date: nothing read, nothing written; any change rebuilds', async () => {
    const data = ownData();
    const out = tmp();
    const options = { dataDir: data, outDir: out, asOf: '2025-06-30' };
    const first = await run(options);
    expect(first.status).toBe('built');
    const before = snapshot(out);

    const again = await run(options);
    expect(again.status).toBe('upToDate');
    expect(again.lines.join('\n')).toContain(`up to date: ${out}`);
    expect(again.lines.join('\n')).not.toMatch(/^read /m);
    expect(snapshot(out)).toEqual(before);
    // --force builds it all the same.
    expect((await run({ ...options, force: true })).status).toBe('built');

    // One byte of one data file: rebuilt, and the new figure is in the report.
    const funding = join(data, 'funding.csv');
    const text = readFileSync(funding, 'latin1');
    expect(text).toContain('131\u00a0626,15');
    writeFileSync(funding, text.replace('131\u00a0626,15', '131\u00a0626,16'), 'latin1');
    const changed = await run(options);
    expect(changed.status).toBe('built');
    expect(changed.model?.funding.bySource.AKKE).toBeCloseTo((first.model?.funding.bySource.AKKE ?? 0) + 0.01, 2);
    expect((await run(options)).status).toBe('upToDate');

    // Options, agreement version and tools are part of what must be equal.
    expect((await run({ ...options, lang: 'fi' })).status).toBe('built');
    expect((await run({ ...options, lang: 'fi' }, { code: 'edited' })).status).toBe('built');
    expect((await run({ ...options, lang: 'fi' }, { code: 'edited' })).status).toBe('upToDate');
    // Another agreement version is never up to date: its reports do not go into this folder at all.
    const other = await run({ ...options, lang: 'fi', agreement: '2021' }, { code: 'edited' }).catch((e: { problem?: { code: string } }) => e.problem?.code);
    expect(other).toBe('E_OUT_OTHER_REPORTS');
  }, 600_000);

  it('is rebuilt when an output it lists was changed or removed, or a data file grew', async () => {
    const data = ownData();
    const out = tmp();
    const options = { dataDir: data, outDir: out, asOf: '2025-06-30' };
    await run(options);
    writeFileSync(join(out, 'jyvaskyla-quarterly-2025-06-30-en.html'), 'edited by hand');
    expect((await run(options)).status).toBe('built');
    expect(readFileSync(join(out, 'jyvaskyla-quarterly-2025-06-30-en.html'), 'utf8')).toContain('<html');
    appendFileSync(join(data, 'assessments.csv'), '\r\n');
    expect((await run(options)).status).toBe('built');
  }, 600_000);
});
