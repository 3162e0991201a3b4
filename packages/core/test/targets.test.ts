import { describe, expect, it } from 'vitest';
import { getAgreement } from '../src/index.ts';
import { agreement, assessment, build, observation } from './_build.ts';

describe('targets', () => {
  it('takes the latest assessment not after the as-of date', () => {
    const m = build({
      asOf: '2024-12-31',
      assessments: [
        assessment({ target: '4.1.2/2027', date: '2023-06-30', status: 'at_risk' }),
        assessment({ target: '4.1.2/2027', date: '2024-11-30', status: 'on_track' }),
        assessment({ target: '4.1.2/2027', date: '2025-01-01', status: 'off_track' }),
      ],
    });
    const t = m.targets['4.1.2/2027'];
    expect(t?.assessment).toMatchObject({ status: 'on_track', date: '2024-11-30' });
    expect(t?.history.map((h) => h.date)).toEqual(['2024-11-30', '2023-06-30']);
  });

  it('explains the status in one line', () => {
    const m = build({
      asOf: '2023-06-30',
      observations: [
        observation({ kpi: 'partner_cities', date: '2023-01-31', value: 3 }),
        observation({ kpi: 'research_institutes', date: '2023-01-31', value: 1 }),
      ],
      assessments: [assessment({ target: '4.1.1/2023', date: '2022-11-30', status: 'on_track' })],
    });
    const t = m.targets['4.1.1/2023'];
    expect(t?.why).toBe("3 / 5 kaupunkia; 1 / 1 tutkimuslaitos; viimeisin arvio 'etenee' 30.11.2022");
    // 3 of 5 with 2.4 of 2.9 years gone (pace 4.1) is behind: the worse of KPI and assessment wins
    expect(t?.status).toBe('at_risk');
  });

  it('is achieved when every KPI is met and the assessment agrees', () => {
    const m = build({
      observations: [
        observation({ kpi: 'partner_cities', value: 5 }),
        observation({ kpi: 'research_institutes', value: 1 }),
      ],
      assessments: [assessment({ target: '4.1.1/2023', date: '2023-11-30', status: 'achieved' })],
    });
    expect(m.targets['4.1.1/2023']?.status).toBe('achieved');
  });

  it('is off track once the deadline passed without the target being met', () => {
    const m = build({
      asOf: '2024-03-31',
      assessments: [assessment({ target: '4.2.1/2023', date: '2023-12-15', status: 'on_track' })],
    });
    const t = m.targets['4.2.1/2023'];
    expect(t?.status).toBe('off_track');
    expect(t?.deadlinePassed).toBe(true);
    expect(t?.why).toContain('määräaika 31.12.2023 umpeutunut');
  });

  it('says no data when there is neither an observation nor an assessment', () => {
    const m = build({ lang: 'en' });
    expect(m.targets['4.2.1/2027']?.status).toBe('no_data');
    expect(m.targets['4.2.1/2027']?.why).toBe('no assessment');
    expect(Object.values(m.statusCounts).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('lists exactly the ten targets of the version measured against', () => {
    expect(Object.keys(build({ version: '2021' }).targets)).toEqual(getAgreement('2021').targets.map((t) => t.id));
    const m2021 = build({ version: '2021' });
    expect(m2021.targets['4.2.2/2027']?.text).toContain('kansainvälisen yrityksen tki-keskus');
    expect(build({}).targets['4.2.2/2027']?.text).toContain('pilotointiympäristöt');
  });
});

describe('KPIs of the other agreement version', () => {
  it('are read but not counted, with a warning that says so', () => {
    const m = build({
      version: '2025',
      observations: [observation({ kpi: 'intl_rd_centres', value: 1 }), observation({ kpi: 'intl_rd_centres', value: 1 })],
    });
    expect(m.kpis.intl_rd_centres).toBeUndefined();
    expect(m.warnings).toEqual([
      {
        file: 'indicators.csv',
        line: null,
        column: 'kpi',
        code: 'W_OTHER_VERSION_KPI',
        message: 'Mittari intl_rd_centres ei kuulu sopimusversioon 2025: sen 2 havaintoa luettiin, mutta niitä ei lasketa tämän raportin lukuihin.',
      },
    ]);
  });
});

describe('assessment history', () => {
  it('keeps the newest assessments and counts them all', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      assessment({ target: '4.1.3/2027', date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String(Math.floor(i / 12) + 10)}` }),
    );
    const t = build({ assessments: many }).targets['4.1.3/2027'];
    expect(t?.assessmentCount).toBe(30);
    expect(t?.history).toHaveLength(12);
    expect(t?.history[0]?.date).toBe('2024-12-11');
    expect(t?.history.map((h) => h.date)).toEqual([...(t?.history.map((h) => h.date) ?? [])].sort().reverse());
  });
});

describe('KPI evidence', () => {
  it('names the source of the most recent observation counted', () => {
    const m = build({
      asOf: '2024-06-30',
      observations: [
        observation({ kpi: 'bilateral_collaborations', date: '2024-01-01', source: 'Sopimus Turku' }),
        observation({ kpi: 'bilateral_collaborations', date: '2024-03-01', source: 'Sopimus Kuopio' }),
        observation({ kpi: 'bilateral_collaborations', date: '2024-08-01', source: 'Myöhemmin' }),
        observation({ kpi: 'partner_cities', date: '2024-03-01', source: null }),
      ],
    });
    expect(m.kpis.bilateral_collaborations?.lastSource).toBe('Sopimus Kuopio');
    expect(m.kpis.partner_cities?.lastSource).toBeNull();
    expect(m.kpis.research_institutes?.lastSource).toBeNull();
  });
});

describe('after a target deadline', () => {
  const collab = (date: string) => observation({ kpi: 'bilateral_collaborations', date });
  const fiveBy = (last: string) => [collab('2022-03-01'), collab('2022-09-01'), collab('2023-02-01'), collab('2023-10-01'), collab(last)];

  it('a KPI met only after the deadline makes the target achieved, and the why line says it was late', () => {
    const m = build({
      asOf: '2024-12-31',
      observations: fiveBy('2024-05-01'),
      assessments: [assessment({ target: '4.1.3/2023', date: '2023-12-15', status: 'on_track' })],
    });
    const t = m.targets['4.1.3/2023'];
    expect(m.kpis.bilateral_collaborations).toMatchObject({ value: 5, met: true, metByDeadline: false });
    // the 'etenee' of December 2023 is out of date: the numbers speak
    expect(t?.status).toBe('achieved');
    expect(t?.why).toBe("5 / 5 yhteistyötä (venytystavoite 7), täyttyi määräajan jälkeen; viimeisin arvio 'etenee' 15.12.2023");
  });

  it('a KPI met by the deadline carries no lateness note', () => {
    const m = build({ asOf: '2024-12-31', observations: fiveBy('2023-12-31') });
    expect(m.kpis.bilateral_collaborations?.metByDeadline).toBe(true);
    expect(m.targets['4.1.3/2023']?.why).toBe('5 / 5 yhteistyötä (venytystavoite 7); ei arviota');
    expect(m.targets['4.1.3/2023']?.status).toBe('achieved');
  });

  it('a KPI still short of its threshold is off track, whatever an old assessment said', () => {
    const m = build({
      asOf: '2024-12-31',
      observations: [collab('2022-03-01')],
      assessments: [assessment({ target: '4.1.3/2023', date: '2023-06-30', status: 'on_track' })],
    });
    expect(m.targets['4.1.3/2023']?.status).toBe('off_track');
  });

  it('an assessment made after the deadline counts, and short of achieved it is off track', () => {
    const m = build({
      asOf: '2024-12-31',
      observations: fiveBy('2023-06-01'),
      assessments: [assessment({ target: '4.1.3/2023', date: '2024-06-30', status: 'at_risk' })],
    });
    expect(m.targets['4.1.3/2023']?.status).toBe('off_track');
  });

  it('keeps no deadline figure before the deadline, and knows when nothing was observed by it', () => {
    expect(build({ asOf: '2023-06-30', observations: [collab('2023-01-01')] }).kpis.bilateral_collaborations?.metByDeadline).toBeNull();
    const late = build({ asOf: '2024-12-31', observations: [observation({ kpi: 'partner_cities', date: '2024-06-30', value: 5 })] });
    expect(late.kpis.partner_cities).toMatchObject({ met: true, metByDeadline: false });
    expect(late.kpis.research_institutes?.metByDeadline).toBeNull();
  });
});
