import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeReport,
  FUNDING_SOURCES,
  getAgreement,
  KpiTally,
  reportModelSchema,
  tallyObservations,
  targetDeadlines,
  type FundingRow,
  type Observation,
} from '../src/index.ts';
import { agreement, assessment, build, funding, observation, project } from './_build.ts';
import { kpiSeries } from '../src/_kpi.ts';

describe('funding', () => {
  it('counts ongoing and completed projects, shows planned apart and cancelled nowhere', () => {
    const ongoing = project({ status: 'ongoing' });
    const completed = project({ status: 'completed', measure: '4.2.2' });
    const planned = project({ status: 'planned' });
    const cancelled = project({ status: 'cancelled' });
    const m = build({
      projects: [ongoing, completed, planned, cancelled],
      funding: [
        funding({ projectId: ongoing.id, source: 'EAKR', amountCents: 600_000_00, year: 2022 }),
        funding({ projectId: ongoing.id, source: 'kaupunki', amountCents: 300_000_00, year: 2022 }),
        funding({ projectId: completed.id, source: 'AKKE', amountCents: 30_000_50, year: 2023 }),
        funding({ projectId: completed.id, source: 'muu_julkinen', amountCents: 100_000_00, year: 2023 }),
        funding({ projectId: completed.id, source: 'yksityinen', amountCents: 50_000_00, year: 2023 }),
        funding({ projectId: planned.id, source: 'EAKR', amountCents: 999_00, year: 2026 }),
        funding({ projectId: cancelled.id, source: 'EAKR', amountCents: 12_345_00, year: 2023 }),
      ],
    });
    expect(m.funding.bySource.EAKR).toBe(600_000);
    expect(m.funding.bySource.AKKE).toBe(30_000.5);
    expect(m.funding.euState).toBe(630_000.5);
    expect(m.funding.local).toBe(400_000);
    expect(m.funding.private).toBe(50_000);
    expect(m.funding.planned).toBe(999);
    expect(m.funding.plannedBySource.EAKR).toBe(999);
    expect(m.funding.total).toBe(1_030_000.5);
    expect(m.funding.euStateShare).toBeCloseTo(630_000.5 / 1_030_000.5, 12);
    expect(m.funding.deviationPp).toBeCloseTo((630_000.5 / 1_030_000.5 - 0.6) * 100, 6);
    expect(m.funding.byYear).toEqual({
      '2022': { euState: 600_000, local: 300_000, private: 0 },
      '2023': { euState: 30_000.5, local: 100_000, private: 50_000 },
    });
    expect(m.funding.byMeasure['4.1.1']).toMatchObject({ euState: 600_000, local: 300_000, planned: 999 });
    // projects.count counts every accepted project, of every status
    expect(m.projects.count).toBe(4);
    expect(m.projects.byStatus).toEqual({ planned: 1, ongoing: 1, completed: 1, cancelled: 1 });
    expect(m.projects.byMeasure).toMatchObject({ '4.1.1': 3, '4.2.2': 1, '4.1.2': 0 });
  });

  it('has no share when there is no EU, state or local funding', () => {
    const m = build({});
    expect(m.funding.euStateShare).toBeNull();
    expect(m.funding.deviationPp).toBeNull();
  });

  it('sums a million 0,10 € rows to exactly 100 000,00 €', () => {
    const p = project({ status: 'ongoing' });
    const rows: FundingRow[] = [];
    for (let i = 0; i < 1_000_000; i++) rows.push({ projectId: p.id, source: 'kaupunki', year: 2024, amountCents: 10, line: i + 2 });
    const m = build({ projects: [p], funding: rows });
    expect(m.funding.local).toBe(100_000);
    expect(m.funding.provenance.bySource.kaupunki).toEqual({ 'funding.csv': '2-1000001' });
  });

  it('names the funding rows each source total came from', () => {
    const p = project();
    const a = funding({ projectId: p.id, source: 'EAKR', line: 7 });
    const b = funding({ projectId: p.id, source: 'EAKR', line: 8 });
    const c = funding({ projectId: p.id, source: 'EAKR', line: 12 });
    const m = build({ projects: [p], funding: [c, a, b] });
    expect(m.funding.provenance.bySource.EAKR).toEqual({ 'funding.csv': '7-8,12' });
  });
});

describe('KPIs', () => {
  it('adds a sum KPI and takes the last value of a latest KPI', () => {
    const m = build({
      observations: [
        observation({ kpi: 'bilateral_collaborations', date: '2022-01-01', value: 2 }),
        observation({ kpi: 'bilateral_collaborations', date: '2023-01-01', value: 1 }),
        observation({ kpi: 'partner_cities', date: '2023-01-01', value: 4 }),
        observation({ kpi: 'partner_cities', date: '2022-01-01', value: 2 }),
      ],
    });
    expect(m.kpis.bilateral_collaborations).toMatchObject({ value: 3, threshold: 5, stretch: 7, observationsUsed: 2 });
    expect(m.kpis.partner_cities).toMatchObject({ value: 4, lastObserved: '2023-01-01', progress: 0.8, met: false });
  });

  it('counts an observation on the as-of date and not one the day after', () => {
    const m = build({
      asOf: '2024-06-30',
      observations: [
        observation({ kpi: 'bilateral_collaborations', date: '2024-06-30', value: 5 }),
        observation({ kpi: 'bilateral_collaborations', date: '2024-07-01', value: 10 }),
        observation({ kpi: 'partner_cities', date: '2024-06-30', value: 5 }),
        observation({ kpi: 'partner_cities', date: '2024-07-01', value: 1 }),
      ],
    });
    expect(m.kpis.bilateral_collaborations).toMatchObject({ value: 5, met: true, observationsAfterAsOf: 1 });
    expect(m.kpis.partner_cities).toMatchObject({ value: 5, met: true, observationsAfterAsOf: 1 });
  });

  it('sums KPI values without floating-point drift', () => {
    const tally = new KpiTally(agreement.kpis, '2025-12-31');
    for (let i = 0; i < 100_000; i++) tally.add(observation({ kpi: 'hippos_city_investment_meur', value: 0.1, line: i + 2 }));
    expect(tally.value('hippos_city_investment_meur')).toBe(10_000);
  });

  it('merges tallies of a file read in parts into the tally of the whole file', () => {
    // Observations in file order, cut into consecutive parts: same-date ties, dates after the as-of
    // date and around a deadline, KPIs of no version, runs of consecutive lines across the cut.
    const kpis = ['partner_cities', 'bilateral_collaborations', 'hippos_city_investment_meur', 'no_such_kpi'];
    const all = Array.from({ length: 600 }, (_, i) =>
      observation({
        kpi: kpis[Math.floor(i / 3) % 4] as string,
        date: `202${3 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
        value: (i % 13) / 10,
        line: 2 + i + (i > 300 ? 5 : 0),
      }),
    );
    const deadlines = targetDeadlines(agreement);
    const whole = new KpiTally(agreement.kpis, '2025-06-30', deadlines);
    for (const o of all) whole.add(o);
    for (const cuts of [[1], [299, 300], [151, 301, 450], [599]]) {
      const merged = new KpiTally(agreement.kpis, '2025-06-30', deadlines);
      let from = 0;
      for (const cut of [...cuts, all.length]) {
        // A part counts its lines from 1, as a worker reading it does; shiftLines puts them back.
        const part = KpiTally.fromConfig(merged.config());
        const offset = (all[from]?.line ?? 1) - 1;
        for (const o of all.slice(from, cut)) part.add({ ...o, line: o.line - offset });
        const received = KpiTally.fromState(structuredClone(part.toState()));
        received.shiftLines(offset);
        merged.merge(received);
        from = cut;
      }
      expect(merged.toState()).toEqual(whole.toState());
      for (const k of agreement.kpis) {
        expect(merged.provenance(k.id)).toEqual(whole.provenance(k.id));
        // Each day's point of the course, with the lines it rests on.
        expect(kpiSeries(merged, k.id)).toEqual(kpiSeries(whole, k.id));
      }
    }
  });

  it('has no value for a latest KPI that was never observed, and 0 for a sum KPI', () => {
    const m = build({});
    expect(m.kpis.partner_cities?.value).toBeNull();
    expect(m.kpis.bilateral_collaborations?.value).toBe(0);
  });

  it('keeps the row a latest KPI came from, and every row a sum KPI came from', () => {
    const m = build({
      observations: [
        observation({ kpi: 'partner_cities', line: 40, value: 3 }),
        observation({ kpi: 'partner_cities', line: 41, value: 4, date: '2024-01-01' }),
        observation({ kpi: 'bilateral_collaborations', line: 42 }),
        observation({ kpi: 'bilateral_collaborations', line: 43 }),
      ],
    });
    expect(m.kpis.partner_cities?.provenance).toEqual({ 'indicators.csv': '41' });
    expect(m.kpis.bilateral_collaborations?.provenance).toEqual({ 'indicators.csv': '42-43' });
  });
});

describe('the model', () => {
  it('is valid against its schema, JSON-serialisable and the same for the same inputs in any order', () => {
    const ps = [project(), project({ status: 'completed', measure: '4.2.1' }), project({ status: 'planned' })];
    const fs = ps.flatMap((p) => FUNDING_SOURCES.map((source, i) => funding({ projectId: p.id, source, year: 2021 + i })));
    const os = [observation({ kpi: 'partner_cities' }), observation({ kpi: 'bilateral_collaborations' })];
    const as = [assessment({ target: '4.1.1/2023' }), assessment({ target: '4.1.1/2023', date: '2023-06-30' })];
    const a = build({ projects: ps, funding: fs, observations: os, assessments: as });
    const b = build({ projects: [...ps].reverse(), funding: [...fs].reverse(), observations: os, assessments: [...as].reverse() });
    expect(reportModelSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('carries the change since a previous report', () => {
    const p = project({ status: 'ongoing' });
    const before = build({
      projects: [p],
      funding: [funding({ projectId: p.id, amountCents: 100_00 })],
      observations: [observation({ kpi: 'bilateral_collaborations', date: '2023-01-01' })],
      asOf: '2023-06-30',
    });
    const a = getAgreement('2025');
    const after = computeReport({
      agreement: a,
      asOf: '2024-06-30',
      lang: 'fi',
      request: { pipeline: 'test', type: { fi: 'T', en: 'T' }, exampleData: false, sections: [] },
      projects: [p],
      funding: [funding({ projectId: p.id, amountCents: 100_00 }), funding({ projectId: p.id, amountCents: 50_00, source: 'kaupunki' })],
      assessments: [assessment({ target: '4.1.3/2027', date: '2024-01-01', status: 'at_risk' })],
      kpiTally: tallyObservations(a.kpis, '2024-06-30', [
        observation({ kpi: 'bilateral_collaborations', date: '2023-01-01' }),
        observation({ kpi: 'bilateral_collaborations', date: '2024-01-01', value: 2 }),
      ]),
      inputs: {},
      rejected: [],
      warnings: [],
      previous: before,
    });
    expect(after.delta?.previousAsOf).toBe('2023-06-30');
    expect(after.delta?.kpis.bilateral_collaborations).toEqual({ previous: 1, current: 3, change: 2 });
    expect(after.delta?.funding.local).toEqual({ previous: 0, current: 50, change: 50 });
    expect(after.delta?.targets['4.1.3/2027']).toEqual({ previous: 'no_data', current: 'at_risk', changed: true });
    expect(after.delta?.targets['4.2.1/2027']?.changed).toBe(false);
  });

  it('group totals add up to the whole, for any funding rows', () => {
    const statuses = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
    const measures = agreement.measures.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(...statuses), measure: fc.constantFrom(...measures) }), { minLength: 1, maxLength: 8 }),
        fc.array(
          fc.record({
            p: fc.nat(),
            source: fc.constantFrom(...FUNDING_SOURCES),
            year: fc.integer({ min: 2021, max: 2027 }),
            cents: fc.integer({ min: 0, max: 5_000_000_00 }),
          }),
          { maxLength: 40 },
        ),
        (projectSpecs, rows) => {
          const ps = projectSpecs.map((s, i) => ({ ...project(s), id: `X${i}` }));
          const fs = rows.map((r, i) => ({
            projectId: `X${r.p % ps.length}`,
            source: r.source,
            year: r.year,
            amountCents: r.cents,
            line: i + 2,
          }));
          const m = build({ projects: ps, funding: fs });
          const cents = (x: number) => Math.round(x * 100);
          const sum = (xs: number[]) => xs.reduce((a, b) => a + cents(b), 0);
          expect(sum(Object.values(m.funding.bySource))).toBe(cents(m.funding.euState) + cents(m.funding.local) + cents(m.funding.private));
          expect(sum(Object.values(m.funding.byMeasure).map((f) => f.euState))).toBe(cents(m.funding.euState));
          expect(sum(Object.values(m.funding.byMeasure).map((f) => f.planned))).toBe(cents(m.funding.planned));
          expect(sum(Object.values(m.funding.byYear).map((y) => y.local))).toBe(cents(m.funding.local));
          expect(sum(m.priorityAreas.map((a) => a.funding.private))).toBe(cents(m.funding.private));
          expect(m.priorityAreas.reduce((n, a) => n + a.projects.count, 0)).toBe(m.projects.count);
          const expected = fs
            .filter((f) => ['ongoing', 'completed'].includes(ps.find((p) => p.id === f.projectId)?.status ?? ''))
            .reduce((a, f) => a + f.amountCents, 0);
          expect(cents(m.funding.euState) + cents(m.funding.local) + cents(m.funding.private)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
