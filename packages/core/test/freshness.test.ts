import { describe, expect, it } from 'vitest';
import { getAgreement, KpiTally, RowBuilder, targetDeadlines, type Observation } from '../src/index.ts';
import { wholeMonthsBetween } from '../src/_freshness.ts';

/** Rows of the given files, then their report: `rows` adds them in file order (lines from 2). */
const report = (add: (r: RowBuilder) => void, o: Parameters<RowBuilder['report']>[0] = {}) => {
  const r = new RowBuilder();
  add(r);
  return r.report(o);
};
const observation = (o: Partial<Observation> & Pick<Observation, 'kpi'>): Observation => ({
  date: '2023-06-30',
  value: 1,
  projectId: null,
  source: null,
  line: 2,
  ...o,
});

describe('a KPI series', () => {
  it('is the used observations, one point a date in date order, a sum KPI as its running total', () => {
    const m = report((r) => {
      r.observe('bilateral_collaborations', '2024-03-31', 2); // line 2
      r.observe('bilateral_collaborations', '2022-06-30', 1); // line 3
      r.observe('partner_cities', '2024-03-31', 4); // line 4
      r.observe('bilateral_collaborations', '2024-03-31', 1); // line 5
      // After the as-of date: read, not used, not in the series.
      r.observe('bilateral_collaborations', '2025-09-30', 5);
    });
    const k = m.kpis.bilateral_collaborations!;
    expect(k.series).toEqual([
      { date: '2022-06-30', value: 1, observed: 1, provenance: { 'indicators.csv': '3' } },
      { date: '2024-03-31', value: 4, observed: 3, provenance: { 'indicators.csv': '2,5' } },
    ]);
    expect(k.series.at(-1)?.value).toBe(k.value);
    expect(k.series.reduce((n, p) => n + p.observed, 0)).toBe(k.value);
  });

  it('gives a latest KPI its level on each date, the later row winning on the same date', () => {
    const k = report((r) => {
      r.observe('partner_cities', '2023-06-30', 4); // line 2
      r.observe('partner_cities', '2022-06-30', 2); // line 3
      r.observe('partner_cities', '2023-06-30', 3); // line 4: the same date, a later row
    }).kpis.partner_cities!;
    expect(k.series.map((p) => [p.date, p.value, p.provenance['indicators.csv']])).toEqual([
      ['2022-06-30', 2, '3'],
      ['2023-06-30', 3, '4'],
    ]);
    expect(k.value).toBe(3);
  });

  it('keeps every date, whatever order and span they come in (the oldest and latest a reading accepts, a leap day)', () => {
    const dates = ['2024-02-29', '2100-12-31', '1900-01-01', '2024-03-01', '1999-12-31', '2024-02-28', '1900-01-01'];
    const k = report((r) => {
      dates.forEach((d, i) => r.observe('bilateral_collaborations', d, i + 1));
    }, { asOf: '2100-12-31' }).kpis.bilateral_collaborations!;
    expect(k.series.map((p) => [p.date, p.observed, p.provenance['indicators.csv']])).toEqual([
      ['1900-01-01', 3 + 7, '4,8'],
      ['1999-12-31', 5, '6'],
      ['2024-02-28', 6, '7'],
      ['2024-02-29', 1, '2'],
      ['2024-03-01', 4, '5'],
      ['2100-12-31', 2, '3'],
    ]);
    expect(k.value).toBe(28);
  });

  it('says when the threshold was first reached and what the straight-line pace expects at the as-of date', () => {
    const m = report(
      (r) => {
        r.observe('partner_cities', '2022-06-30', 2);
        r.observe('partner_cities', '2024-06-30', 5);
        r.observe('bilateral_collaborations', '2022-06-30', 2);
      },
      { asOf: '2023-06-30' },
    );
    // partner_cities: 2 on 30.6.2022; the 5 of 2024 lies after the as-of date.
    expect(m.kpis.partner_cities?.metOn).toBeNull();
    // 4.1.1/2023: from 8.2.2021 to 31.12.2023 (1 056 days), 872 days gone by 30.6.2023: 5 × 872 / 1 056.
    expect(m.kpis.partner_cities?.pace).toBeCloseTo((5 * 872) / 1056, 9);
    const later = report((r) => {
      r.observe('partner_cities', '2022-06-30', 2);
      r.observe('partner_cities', '2024-06-30', 5);
    }, { asOf: '2025-06-30' });
    expect(later.kpis.partner_cities?.metOn).toBe('2024-06-30');
    // The deadline 31.12.2023 has passed: no pace to keep any more.
    expect(later.kpis.partner_cities?.pace).toBeNull();
    expect(later.agreement.periodStart).toBe('2021-02-08');
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
    expect(first.entry('bilateral_collaborations')?.series.points).toBe(3);
  });
});

/** A report of one on-track assessment of `target` made on `date`. */
const assessed = (date: string, asOf: string, target = '4.2.1/2027') =>
  report((r) => r.assess(target, date, 'on_track'), { asOf }).targets[target]!;

describe('freshness', () => {
  it('marks an open target stale at 184 days without newer evidence, not at 183', () => {
    // 2025-06-30 + 183 days = 2025-12-30.
    const fresh = assessed('2025-06-30', '2025-12-30');
    expect(fresh.evidenceAgeDays).toBe(183);
    expect(fresh.stale).toBe(false);
    const stale = assessed('2025-06-30', '2025-12-31');
    expect(stale.evidenceAgeDays).toBe(184);
    expect(stale.stale).toBe(true);
    expect(stale.evidenceAsOf).toBe('2025-06-30');
  });

  it('keeps a target assessed on 30.6.2025 fresh in the report of 30.9.2025, and calls it 15 months old on 30.9.2026', () => {
    const q3 = assessed('2025-06-30', '2025-09-30', '4.1.2/2027');
    expect(q3.stale).toBe(false);
    expect(q3.evidenceAgeMonths).toBe(3);
    const later = assessed('2025-06-30', '2026-09-30', '4.1.2/2027');
    expect(later.stale).toBe(true);
    expect(later.evidenceAgeMonths).toBe(15);
  });

  it('rests on the newest of its KPI observations and its assessment', () => {
    const m = report((r) => {
      r.observe('hippos_city_investment_meur', '2025-05-31', 4);
      r.assess('4.1.2/2027', '2024-12-31', 'on_track');
    });
    expect(m.targets['4.1.2/2027']?.evidenceAsOf).toBe('2025-05-31');
    expect(m.targets['4.1.2/2027']?.stale).toBe(false);
  });

  it('calls an open target without any evidence stale, and a closed target never', () => {
    const m = report(() => {});
    const open = m.targets['4.1.1/2027']!;
    expect([open.evidenceAsOf, open.evidenceAgeDays, open.stale]).toEqual([null, null, true]);
    // The 2023 targets closed on 31.12.2023: their status is final.
    for (const t of Object.values(m.targets).filter((x) => x.year === 2023)) expect(t.stale).toBe(false);
    expect(m.freshness.openTargets).toBe(5);
    expect(m.freshness.staleTargets).toBe(5);
  });

  it('says whether any evidence is dated in the quarter of the as-of date', () => {
    const old = report((r) => r.assess('4.2.1/2027', '2025-03-31', 'on_track'), { asOf: '2025-09-30' });
    expect(old.freshness).toMatchObject({ quarterStart: '2025-07-01', newestEvidence: '2025-03-31', updatedThisQuarter: false });
    const current = report((r) => r.assess('4.2.1/2027', '2025-07-01', 'on_track'), { asOf: '2025-09-30' });
    expect(current.freshness.updatedThisQuarter).toBe(true);
    expect(report(() => {}, { asOf: '2025-09-30' }).freshness.newestEvidence).toBeNull();
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
    const m = report((r) => {
      const p = r.project({ measure: '4.1.2', startDate: '2023-01-01', endDate: '2026-12-31' });
      r.fund(p.id, 'EAKR', 2024, 100);
      r.fund(p.id, 'EAKR', 2026, 100);
      r.observe('daas_pilots', '2024-09-30', 1);
      r.observe('hippos_city_investment_meur', '2025-03-31', 1);
      r.observe('hippos_city_investment_meur', '2025-12-31', 1);
      r.assess('4.1.2/2023', '2025-06-30', 'achieved');
      r.assess('4.1.2/2027', '2024-06-30', 'on_track');
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
    expect(report(() => {}, { lang: 'en' }).agreement.parties).toEqual(['City of Jyväskylä', 'Ministry of Economic Affairs and Employment']);
    expect(report(() => {}, { lang: 'fi' }).agreement.parties).toEqual(['Jyväskylän kaupunki', 'työ- ja elinkeinoministeriö']);
    const partners = report(() => {}, { lang: 'en', version: '2025' }).agreement.partners.join(', ');
    expect(partners).not.toMatch(/yliopisto|ammattikorkeakoulu|maakuntaliitto|ministeriö|keskus/);
  });
});
