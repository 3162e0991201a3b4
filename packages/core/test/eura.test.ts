import { describe, expect, it } from 'vitest';
import { computeReport, reportModelSchema, RowBuilder } from '../src/index.ts';

// EURA 2021 money in the model: decided and realised per project, per measure, per area and in total,
// the realisation rate at each level, the 40/60 split on decided money, and provenance down to the cell.

function euraRows(): RowBuilder {
  const rows = new RowBuilder();
  rows.project({ id: 'A1', measure: '4.1.1', status: 'ongoing' });
  rows.project({ id: 'A2', measure: '4.1.1', status: 'completed' });
  rows.project({ id: 'A3', measure: '4.2.1', status: 'ongoing' });
  rows.project({ id: 'A4', measure: '4.2.1', status: 'planned' });
  rows.project({ id: 'A5', measure: '4.2.1', status: 'cancelled' });
  rows.project({ id: 'C1', measure: '4.1.1', status: 'ongoing' }); // outside EURA
  rows.euraMoney('A1', [600_000, 300_000, 100_000], [300_000, 150_000, 0]);
  rows.euraMoney('A2', [120_000.5, 80_000, 0], [120_000.5, 80_000, 0], { groupCode: 'A0' });
  rows.euraMoney('A3', [60_000, 40_000, 20_000], [0, 0, 0], { groupCode: 'A0', fund: 'JTF', realisedEu: 0 });
  rows.euraMoney('A4', [50_000, 50_000, 0], [0, 0, 0]);
  rows.euraMoney('A5', [10_000, 10_000, 0], [5_000, 0, 0]);
  rows.fund('C1', 'AKKE', 2023, 60_000);
  rows.fund('C1', 'kaupunki', 2023, 40_000);
  rows.fund('A1', 'RRF', 2024, 1_000); // money EURA does not carry
  return rows;
}

describe('EURA money in the report model', () => {
  const model = euraRows().report();

  it('gives each EURA project its decided and realised money, realisation rates and the cells they came from', () => {
    const a1 = model.projects.list.find((p) => p.id === 'A1');
    expect(a1?.eura).toMatchObject({
      decided: { euState: 600_000, otherPublic: 300_000, private: 100_000, total: 1_000_000 },
      realised: { euState: 300_000, otherPublic: 150_000, private: 0, total: 450_000 },
      realisationRate: 0.45,
      euStateRealisationRate: 0.5,
      source: { file: 'eura.xlsx', sheet: 'Hankkeet', row: 2 },
      cells: { decidedEuState: 'N2', realisedEuState: 'Q2' },
    });
    // Its funding: EURA's decided total and its funding.csv row EURA does not carry (RRF).
    expect(a1?.funding).toBe(1_001_000);
    expect(a1?.provenance).toEqual({ 'projects.csv': '2', 'funding.csv': '4', 'eura.xlsx (Hankkeet)': '2' });
    expect(model.projects.list.find((p) => p.id === 'A3')?.eura).toMatchObject({ groupCode: 'A0', fund: 'JTF', realisedEu: 0, realisationRate: 0 });
    expect(model.projects.list.find((p) => p.id === 'C1')?.eura).toBeNull();
  });

  it('adds up ongoing and completed EURA projects per measure and in total; planned apart, cancelled nowhere', () => {
    const e = model.funding.eura;
    expect(e?.decided).toEqual({ euState: 780_000.5, otherPublic: 420_000, private: 120_000, total: 1_320_000.5 });
    expect(e?.realised).toEqual({ euState: 420_000.5, otherPublic: 230_000, private: 0, total: 650_000.5 });
    expect(e?.realisationRate).toBeCloseTo(650_000.5 / 1_320_000.5, 12);
    expect(e?.euStateRealisationRate).toBeCloseTo(420_000.5 / 780_000.5, 12);
    expect(e).toMatchObject({ projects: 3, planned: 100_000, file: 'eura.xlsx', sheet: 'Hankkeet', groups: { A0: ['A2', 'A3'] } });
    expect(e?.provenance).toEqual({ 'eura.xlsx (Hankkeet)': '2-4' });
    expect(model.funding.byMeasure['4.1.1']?.eura).toMatchObject({ projects: 2, decided: { euState: 720_000.5, total: 1_200_000.5 }, realised: { euState: 420_000.5 } });
    expect(model.funding.byMeasure['4.2.1']?.eura).toMatchObject({ projects: 1, decided: { total: 120_000 }, realisationRate: 0 });
    expect(model.funding.byMeasure['4.2.2']?.eura).toMatchObject({ projects: 0, realisationRate: null, euStateRealisationRate: null });
    const area = model.priorityAreas.find((a) => a.id === '4.1');
    expect(area?.funding.eura?.decided).toEqual(model.funding.byMeasure['4.1.1']?.eura?.decided);
    expect(model.priorityAreas.find((a) => a.id === '4.1')?.measures.find((m) => m.id === '4.1.1')?.funding.eura?.projects).toBe(2);
  });

  it('checks the 40/60 split on decided money: EURA other public counts as local own share, private apart', () => {
    const f = model.funding;
    expect(f.euState).toBe(780_000.5 + 60_000 + 1_000);
    expect(f.local).toBe(420_000 + 40_000);
    expect(f.private).toBe(120_000);
    expect(f.planned).toBe(100_000);
    expect(f.euStateShare).toBeCloseTo((780_000.5 + 61_000) / (780_000.5 + 61_000 + 460_000), 12);
    // bySource and byYear stay funding.csv's: EURA has no per-year split.
    expect(f.bySource.AKKE).toBe(60_000);
    expect(f.bySource.EAKR).toBe(0);
    expect(Object.keys(f.byYear)).toEqual(['2023', '2024']);
  });

  it('is a valid report model, and without an export every EURA figure is null', () => {
    expect(() => reportModelSchema.parse(model)).not.toThrow();
    const plain = new RowBuilder();
    plain.project({ id: 'C1' });
    plain.fund('C1', 'EAKR', 2023, 100);
    const m = plain.report();
    expect(m.funding.eura).toBeNull();
    expect(m.funding.byMeasure['4.1.1']?.eura).toBeNull();
    expect(m.projects.list[0]?.eura).toBeNull();
  });

  it('names a contract file read from a workbook, with its sheet, in provenance', () => {
    const rows = euraRows();
    const m = computeReport({ ...rows.input({}), workbooks: { 'funding.csv': { file: 'funding.xlsx', sheet: 'Taul1' } } });
    expect(m.projects.list.find((p) => p.id === 'C1')?.provenance).toEqual({ 'projects.csv': '7', 'funding.xlsx (Taul1)': '2-3' });
    expect(m.funding.provenance.bySource.AKKE).toEqual({ 'funding.xlsx (Taul1)': '2' });
  });
});

