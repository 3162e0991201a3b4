import { describe, expect, it } from 'vitest';
import { KpiTally, getAgreement, targetDeadlines } from '../src/index.ts';
import { wholeMonthsBetween } from '../src/_freshness.ts';
import { assessment, build, funding, observation, project } from './_builders.ts';

describe('a KPI series', () => {
  it('is the used observations, one point a date in date order, a sum KPI as its running total', () => {
    const rows = [
      observation({ kpi: 'bilateral_collaborations', date: '2024-03-31', value: 2, line: 7 }),
      observation({ kpi: 'bilateral_collaborations', date: '2022-06-30', value: 1, line: 3 }),
      observation({ kpi: 'bilateral_collaborations', date: '2024-03-31', value: 1, line: 9 }),
      // After the as-of date: read, not used, not in the series.
      observation({ kpi: 'bilateral_collaborations', date: '2025-09-30', value: 5, line: 11 }),
    ];
    const m = build({ observations: rows, asOf: '2025-06-30' });
    const k = m.kpis.bilateral_collaborations!;
    expect(k.series).toEqual([
      { date: '2022-06-30', value: 1, observed: 1, provenance: { 'indicators.csv': '3' } },
      { date: '2024-03-31', value: 4, observed: 3, provenance: { 'indicators.csv': '7,9' } },
    ]);
    expect(k.series.at(-1)?.value).toBe(k.value);
    expect(k.series.reduce((n, p) => n + p.observed, 0)).toBe(k.value);
  });

  it('gives a latest KPI its level on each date, the later row winning on the same date', () => {
    const rows = [
      observation({ kpi: 'partner_cities', date: '2023-06-30', value: 4, line: 5 }),
      observation({ kpi: 'partner_cities', date: '2022-06-30', value: 2, line: 4 }),
      observation({ kpi: 'partner_cities', date: '2023-06-30', value: 3, line: 8 }),
    ];
    const k = build({ observations: rows, asOf: '2025-06-30' }).kpis.partner_cities!;
    expect(k.series.map((p) => [p.date, p.value, p.provenance['indicators.csv']])).toEqual([
      ['2022-06-30', 2, '4'],
      ['2023-06-30', 3, '8'],
    ]);
    expect(k.value).toBe(3);
  });

  it('comes out the same from a file read in two parts and merged', () => {
    const a = getAgreement('2025');
    const whole = new KpiTally(a.kpis, '2025-06-30', targetDeadlines(a));
    const first = new KpiTally(a.kpis, '2025-06-30', targetDeadlines(a));
    const second = new KpiTally(a.kpis, '2025-06-30', targetDeadlines(a));
    const dates = ['2022-03-31', '2023-03-31', '2022-03-31', '2024-12-31', '2023-03-31', '2022-03-31'];
    dates.forEach((date, i) => {
      const o = observation({ kpi: 'bilateral_collaborations', date, value: i + 1, line: i + 2 });
      whole.add(o);
      // The second part counts its lines from 1 and is shifted into place before the merge.
      if (i < 3) first.add(o);
      else second.add({ ...o, line: o.line - 4 });
    });
    const moved = KpiTally.fromState(structuredClone(second.toState()));
    moved.shiftLines(4);
    first.merge(moved);
    expect(first.toState().entries).toEqual(whole.toState().entries);
    expect(first.entry('bilateral_collaborations')?.points.size).toBe(3);
  });
});

const assessed = (date: string, target = '4.2.1/2027') => assessment({ target, date, status: 'on_track' });

describe('freshness', () => {
  it('marks an open target stale at 184 days without newer evidence, not at 183', () => {
    // 2025-06-30 + 183 days = 2025-12-30.
    const fresh = build({ assessments: [assessed('2025-06-30')], asOf: '2025-12-30' }).targets['4.2.1/2027']!;
    expect(fresh.evidenceAgeDays).toBe(183);
    expect(fresh.stale).toBe(false);
    const stale = build({ assessments: [assessed('2025-06-30')], asOf: '2025-12-31' }).targets['4.2.1/2027']!;
    expect(stale.evidenceAgeDays).toBe(184);
    expect(stale.stale).toBe(true);
    expect(stale.evidenceAsOf).toBe('2025-06-30');
  });

  it('keeps a target assessed on 30.6.2025 fresh in the report of 30.9.2025, and calls it 15 months old on 30.9.2026', () => {
    const q3 = build({ assessments: [assessed('2025-06-30', '4.1.2/2027')], asOf: '2025-09-30' }).targets['4.1.2/2027']!;
    expect(q3.stale).toBe(false);
    expect(q3.evidenceAgeMonths).toBe(3);
    const later = build({ assessments: [assessed('2025-06-30', '4.1.2/2027')], asOf: '2026-09-30' }).targets['4.1.2/2027']!;
    expect(later.stale).toBe(true);
    expect(later.evidenceAgeMonths).toBe(15);
  });

  it('rests on the newest of its KPI observations and its assessment', () => {
    const m = build({
      observations: [observation({ kpi: 'hippos_city_investment_meur', date: '2025-05-31', value: 4 })],
      assessments: [assessed('2024-12-31', '4.1.2/2027')],
      asOf: '2025-06-30',
    });
    expect(m.targets['4.1.2/2027']?.evidenceAsOf).toBe('2025-05-31');
    expect(m.targets['4.1.2/2027']?.stale).toBe(false);
  });

  it('calls an open target without any evidence stale, and a closed target never', () => {
    const m = build({ asOf: '2025-06-30' });
    const open = m.targets['4.1.1/2027']!;
    expect([open.evidenceAsOf, open.evidenceAgeDays, open.stale]).toEqual([null, null, true]);
    // The 2023 targets closed on 31.12.2023: their status is final.
    for (const t of Object.values(m.targets).filter((x) => x.year === 2023)) expect(t.stale).toBe(false);
    expect(m.freshness.openTargets).toBe(5);
    expect(m.freshness.staleTargets).toBe(5);
  });

  it('says whether any evidence is dated in the quarter of the as-of date', () => {
    const old = build({ assessments: [assessed('2025-03-31')], asOf: '2025-09-30' });
    expect(old.freshness).toMatchObject({ quarterStart: '2025-07-01', newestEvidence: '2025-03-31', updatedThisQuarter: false });
    const current = build({ assessments: [assessed('2025-07-01')], asOf: '2025-09-30' });
    expect(current.freshness.updatedThisQuarter).toBe(true);
    expect(build({ asOf: '2025-09-30' }).freshness.newestEvidence).toBeNull();
  });

  it('counts whole calendar months, a shorter month ending on its last day', () => {
    expect(wholeMonthsBetween('2025-06-30', '2026-09-30')).toBe(15);
    expect(wholeMonthsBetween('2025-06-30', '2026-09-29')).toBe(14);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(wholeMonthsBetween('2025-03-15', '2025-03-31')).toBe(0);
  });
});

describe("a measure's newest data", () => {
  it('gives per file the newest date up to the as-of date, so a file not updated shows', () => {
    const p = project({ measure: '4.1.2', startDate: '2023-01-01', endDate: '2026-12-31' });
    const m = build({
      projects: [p],
      funding: [funding({ projectId: p.id, year: 2024 }), funding({ projectId: p.id, year: 2026 })],
      observations: [
        observation({ kpi: 'daas_pilots', date: '2024-09-30' }),
        observation({ kpi: 'hippos_city_investment_meur', date: '2025-03-31' }),
        observation({ kpi: 'hippos_city_investment_meur', date: '2025-12-31' }),
      ],
      assessments: [assessed('2025-06-30', '4.1.2/2023'), assessed('2024-06-30', '4.1.2/2027')],
      asOf: '2025-06-30',
    });
    const measure = m.priorityAreas.flatMap((a) => a.measures).find((x) => x.id === '4.1.2')!;
    // The planned end (2026) and the 2026 budget year are not data yet on 30.6.2025.
    expect(measure.dataAsOf).toEqual({ projects: '2023-01-01', funding: 2024, indicators: '2025-03-31', assessments: '2025-06-30' });
    const empty = m.priorityAreas.flatMap((a) => a.measures).find((x) => x.id === '4.2.1')!;
    expect(empty.dataAsOf).toEqual({ projects: null, funding: null, indicators: null, assessments: null });
  });
});

describe('party names', () => {
  it('are English in an English report and Finnish in a Finnish one', () => {
    expect(build({ lang: 'en' }).agreement.parties).toEqual(['City of Jyväskylä', 'Ministry of Economic Affairs and Employment']);
    expect(build({ lang: 'fi' }).agreement.parties).toEqual(['Jyväskylän kaupunki', 'työ- ja elinkeinoministeriö']);
    const partners = build({ lang: 'en', version: '2025' }).agreement.partners.join(', ');
    expect(partners).not.toMatch(/yliopisto|ammattikorkeakoulu|maakuntaliitto|ministeriö|keskus/);
  });
});
