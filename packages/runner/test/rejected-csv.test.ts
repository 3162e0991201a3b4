import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rejection } from '@ekoraportti/core';
import { RejectedCsvWriter, spreadsheetSafe, StagedWrite } from '../src/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const outDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rejected-csv-'));
  dirs.push(d);
  return join(d, 'out'); // not made yet: the staged file makes it
};

describe('rejected.csv', () => {
  it('neutralises values Excel would run as formulas', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(spreadsheetSafe('+358401234')).toBe("'+358401234");
    expect(spreadsheetSafe('-12 000,00')).toBe("'-12 000,00");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('Hippos')).toBe('Hippos');
  });

  it('is a BOM-prefixed, semicolon-separated CRLF file with one row per rejection, staged until committed, with its sha256', () => {
    const dir = outDir();
    const staged = new StagedWrite(dir);
    const csv = new RejectedCsvWriter(staged.open('rejected.csv'), 'fi');
    csv.add({ file: 'funding.csv', line: 7, column: 'amount_eur', reason: 'Summa on negatiivinen; korjaa', code: 'E_NEGATIVE' });
    csv.add({ file: 'projects.csv', line: 3, column: 'measure', reason: '=cmd|x', code: 'E_UNKNOWN_MEASURE' });
    const hash = csv.finish();
    expect(readdirSync(dir)).not.toContain('rejected.csv');
    staged.commit();
    const bytes = readFileSync(join(dir, 'rejected.csv'));
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    const text = bytes.toString('utf8');
    expect(text.startsWith('\ufefftiedosto;rivi;sarake;syy;koodi\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('funding.csv;7;amount_eur;"Summa on negatiivinen; korjaa";E_NEGATIVE');
    expect(lines[2]).toBe("projects.csv;3;measure;'=cmd|x;E_UNKNOWN_MEASURE");
  });

  it('streams 300 000 rows to disk as they come, and a failed run leaves no temporary behind', async () => {
    const dir = outDir();
    const staged = new StagedWrite(dir);
    const csv = new RejectedCsvWriter(staged.open('rejected.csv'), 'en');
    const r: Rejection = { file: 'indicators.csv', line: 2, column: 'kpi', reason: "The KPI 'x' is not defined.", code: 'E_UNKNOWN_KPI' };
    for (let i = 0; i < 300_000; i++) csv.add({ ...r, line: i + 2 });
    const written = readdirSync(dir).map((n) => readFileSync(join(dir, n)).length);
    expect(written[0]).toBeGreaterThan(300_000 * 40); // on disk before the file is finished
    await staged.abort();
    expect(existsSync(dir)).toBe(false); // the folder the staged file made goes too
  }, 60_000); // 300 000 rows take well under a second alone; the suite runs beside it on two processors
});
