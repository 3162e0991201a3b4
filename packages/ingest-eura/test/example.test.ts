import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readEuraExport } from '../src/index.ts';
import { EXAMPLE_EXPORT, exampleExport } from '../scripts/example-export.ts';

const projectsCsv = new URL('../../../seeds/example/projects.csv', import.meta.url);

describe('the example EURA export in seeds/example', () => {
  it('is what the committed generator writes, byte for byte', async () => {
    expect((await exampleExport()).equals(await readFile(EXAMPLE_EXPORT))).toBe(true);
  });

  it('reads against the example projects.csv: eight projects with decided and realised money, other cities left out, the note and footer apart', async () => {
    const rows = parse(await readFile(projectsCsv), { delimiter: ';', bom: true, columns: true }) as { project_id: string }[];
    const exp = await readEuraExport(EXAMPLE_EXPORT, { projectCodes: rows.map((r) => r.project_id), lang: 'fi' });
    expect(exp?.counts).toEqual({ rowsRead: 15, rowsUsed: 8, rowsRejected: 0, rowsLeftOut: 5, rowsNotData: 2, footerRows: 2, rowsAboveHeader: 1 });
    expect(exp?.projects.map((p) => p.code)).toEqual(['A80102', 'A80104', 'A80202', 'A80302', 'A80401', 'A80402', 'A80403', 'A80503']);
    expect(exp?.projects.every((p) => p.name.endsWith('(esimerkki)'))).toBe(true);
    const a80401 = exp?.projects.find((p) => p.code === 'A80401');
    expect(a80401?.decided).toEqual({ euStateCents: 35_098_645, otherPublicCents: 24_001_430, privateCents: 16_700_000, publicCents: 59_100_075, totalCents: 75_800_075 });
    expect(a80401?.realised.totalCents).toBe(75_800_075);
    const a80102 = exp?.projects.find((p) => p.code === 'A80102');
    expect(a80102?.realised.euStateCents).toBeLessThan(a80102?.decided.euStateCents ?? 0);
    expect(exp?.groups).toEqual({ A80400: ['A80402', 'A80403'] });
    expect(exp?.warnings).toEqual([]);
  });
});
