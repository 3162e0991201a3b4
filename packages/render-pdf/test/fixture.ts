/**
 * Report models for the PDF tests, validated with the core's schema. The agreement texts, KPIs and
 * the revision diff are the core's data for the 2025 version (getAgreement, diffAgreements); projects, funding, assessments and rejected
 * rows are invented, with amounts chosen so the headline figures are known:
 * EU and state 1 310 000,50 €, local 802 903,53 €, share 62,0 %, deviation +2,0 %-yks.
 */
import {
  diffAgreements,
  getAgreement,
  reportModelSchema,
  type Language,
  type ProjectSummary,
  type ReportModel,
  type TargetStatus,
} from '@ekoraportti/core';
const agreement = getAgreement('2025');
/** The core's own agreement data, so the fixture follows it when it changes. */
const data = {
  ...agreement,
  areas: agreement.priorityAreas,
  revision: {
    fi: diffAgreements(getAgreement('2021'), agreement, 'fi'),
    en: diffAgreements(getAgreement('2021'), agreement, 'en'),
  },
};

type L = { fi: string; en: string };

/** The amounts the tests look for. */
export const KNOWN = {
  euState: 1_310_000.5,
  local: 802_903.53,
  private: 95_000,
  planned: 240_000,
  eakr: 812_000.5,
} as const;

interface TargetPlan {
  status: TargetStatus;
  why: L;
  kpiValues?: Record<string, number | null>;
  assessments?: Array<{ status: Exclude<TargetStatus, 'no_data'>; date: string; evidence: string; by: string }>;
}

/** One target of each status at least; 4.1.3/2023 has a passed deadline. */
const PLAN: Record<string, TargetPlan> = {
  '4.1.1/2023': {
    status: 'achieved',
    why: { fi: '5 / 5 kaupunkia; 2 / 1 tutkimuslaitosta; viimeisin arvio \'saavutettu\' 15.3.2025', en: '5 / 5 cities; 2 / 1 research institutes; latest assessment \'achieved\' 15 Mar 2025' },
    kpiValues: { partner_cities: 5, research_institutes: 2 },
    assessments: [
      { status: 'achieved', date: '2025-03-15', evidence: 'Yhteistyösopimukset Turun, Kuopion, Lahden, Kajaanin ja Kokkolan kanssa allekirjoitettu; VTT mukana.', by: 'Ohjausryhmä' },
      { status: 'on_track', date: '2024-06-10', evidence: 'Neljä kaupunkia mukana verkostossa.', by: 'Ohjausryhmä' },
      { status: 'at_risk', date: '2023-05-02', evidence: 'Verkoston kokoaminen viivästynyt.', by: 'Koordinaattori' },
    ],
  },
  '4.1.1/2027': {
    status: 'on_track',
    why: { fi: 'Pohjoismaiset kumppanit arvoverkostossa: ei havaintoja; viimeisin arvio \'etenee\' 2.6.2025', en: 'Nordic partners in the value network: no observations; latest assessment \'on track\' 2 Jun 2025' },
    kpiValues: { nordic_partners: null },
    assessments: [{ status: 'on_track', date: '2025-06-02', evidence: 'Neuvottelut Uumajan ja Tampereen kanssa käynnissä.', by: 'Business Jyväskylä' }],
  },
  '4.1.2/2023': {
    status: 'at_risk',
    why: { fi: '0 / 1 pilottia; viimeisin arvio \'riskissä\' 20.1.2025', en: '0 / 1 pilots; latest assessment \'at risk\' 20 Jan 2025' },
    kpiValues: { daas_pilots: 0 },
    assessments: [{ status: 'at_risk', date: '2025-01-20', evidence: 'DAAS-pilotin rahoitus ei vielä varmistunut.', by: 'JAMK' }],
  },
  '4.1.2/2027': {
    status: 'on_track',
    why: { fi: '18,5 / 30 M€; viimeisin arvio \'etenee\' 30.4.2025', en: '18.5 / 30 M€; latest assessment \'on track\' 30 Apr 2025' },
    kpiValues: { hippos_city_investment_meur: 18.5 },
    assessments: [{ status: 'on_track', date: '2025-04-30', evidence: 'Hippoksen toinen rakennusvaihe aikataulussa.', by: 'Jyväskylän kaupunki' }],
  },
  '4.1.3/2023': {
    status: 'off_track',
    why: { fi: '3 / 5 yhteistyötä (tavoitetaso 7); viimeisin arvio \'etenee\' 1.9.2023; määräaika 31.12.2023 umpeutunut', en: '3 / 5 collaborations (stretch 7); latest assessment \'on track\' 1 Sep 2023; deadline 31 Dec 2023 passed' },
    kpiValues: { bilateral_collaborations: 3 },
    assessments: [{ status: 'on_track', date: '2023-09-01', evidence: 'Kolme kahdenvälistä yhteistyötä käynnistetty.', by: 'Ohjausryhmä' }],
  },
  '4.1.3/2027': {
    status: 'not_started',
    why: { fi: 'viimeisin arvio \'ei aloitettu\' 2.6.2025', en: 'latest assessment \'not started\' 2 Jun 2025' },
    assessments: [{ status: 'not_started', date: '2025-06-02', evidence: 'Kasvuohjelmien yhteistuotanto alkaa 2026.', by: 'Ohjausryhmä' }],
  },
  '4.2.1/2023': {
    status: 'achieved',
    why: { fi: '1 / 1 kaksonen; viimeisin arvio \'saavutettu\' 12.12.2023', en: '1 / 1 digital twin; latest assessment \'achieved\' 12 Dec 2023' },
    kpiValues: { etelaportti_digital_twin: 1 },
    assessments: [{ status: 'achieved', date: '2023-12-12', evidence: 'Eteläportin digitaalinen kaksonen otettu käyttöön.', by: 'JYU' }],
  },
  '4.2.1/2027': {
    status: 'no_data',
    why: { fi: 'ei arviota', en: 'no assessment' },
  },
  '4.2.2/2023': {
    status: 'achieved',
    why: { fi: 'viimeisin arvio \'saavutettu\' 1.12.2023', en: 'latest assessment \'achieved\' 1 Dec 2023' },
    assessments: [{ status: 'achieved', date: '2023-12-01', evidence: 'Kumppanuusmallin pilotti toteutettu materiaalilaboratoriossa.', by: 'JYU' }],
  },
  '4.2.2/2027': {
    status: 'at_risk',
    why: { fi: '0 / 1 ympäristöä; viimeisin arvio \'riskissä\' 2.6.2025', en: '0 / 1 environments; latest assessment \'at risk\' 2 Jun 2025' },
    kpiValues: { new_rdi_environments: 0 },
    assessments: [{ status: 'at_risk', date: '2025-06-02', evidence: 'Pilotointiympäristön investointipäätös siirtyi syksyyn.', by: 'Ohjausryhmä' }],
  },
};

const OWNERS = ['Jyväskylän kaupunki', 'Jyväskylän yliopisto', 'JAMK', 'Business Jyväskylä', 'KIHU', 'Keski-Suomen liitto', 'Valmet Oyj'];
const NAMES = [
  'Hyvinvointidatan alusta',
  'Hippos Living Lab',
  'Eteläportin digitaalinen kaksonen',
  'Materiaalilaboratorion yhteiskäyttö',
  'Kasvuohjelma Nordic Wellbeing',
  'Valmistuksen TKI-pilotit',
  'Kiertotalouden demonstraatio',
  'Kyberturvallisuuden harjoitusympäristö',
  'Vetytalouden esiselvitys',
  'Liikuntateknologian yrityskiihdyttämö',
  'Kuituteknologian pilotointi',
  'Urheiluakatemian data',
];
const MEASURES = ['4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2'];
const STATUSES: ProjectSummary['status'][] = ['ongoing', 'completed', 'planned', 'cancelled', 'ongoing', 'completed'];

function projects(n: number): ProjectSummary[] {
  const out: ProjectSummary[] = [];
  for (let i = 0; i < n; i++) {
    const startYear = 2021 + (i % 5);
    out.push({
      id: `A${String(80100 + i * 7)}`,
      name: `${NAMES[i % NAMES.length]}${n > NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`,
      owner: OWNERS[i % OWNERS.length] as string,
      measure: MEASURES[i % MEASURES.length] as string,
      status: STATUSES[i % STATUSES.length] as ProjectSummary['status'],
      startDate: `${startYear}-0${1 + (i % 9)}-01`,
      endDate: `${Math.min(startYear + 2, 2027)}-12-31`,
      funding: Math.round((120_000 + ((i * 37_813) % 410_000)) * 100 + (i % 3) * 50) / 100,
      provenance: { 'projects.csv': String(i + 2), 'funding.csv': `${i * 3 + 2}-${i * 3 + 4}` },
    });
  }
  return out;
}

const REJECTION_KINDS = [
  { file: 'funding.csv', column: 'amount_eur', code: 'E_NEGATIVE' as const, fi: 'Summa on negatiivinen (-5 000,00). Korjaa summa nollaksi tai positiiviseksi.', en: 'The amount is negative (-5,000.00). Make it zero or positive.' },
  { file: 'projects.csv', column: 'measure', code: 'E_UNKNOWN_MEASURE' as const, fi: 'Toimenpidekokonaisuutta 4.3.1 ei ole sopimusversiossa 2025.', en: 'Measure entity 4.3.1 is not in agreement version 2025.' },
  { file: 'indicators.csv', column: 'date', code: 'E_BAD_DATE' as const, fi: 'Päivämäärä 31.2.2025 ei ole kelvollinen. Käytä muotoa 31.3.2025 tai 2025-03-31.', en: 'The date 31.2.2025 is not valid. Use 31.3.2025 or 2025-03-31.' },
  { file: 'assessments.csv', column: 'status', code: 'E_UNKNOWN_VALUE' as const, fi: 'Tila "valmis" ei ole sallittu. Sallitut: saavutettu, etenee, riskissä, ei_etene, ei_aloitettu.', en: 'Status "valmis" is not allowed. Allowed: achieved, on_track, at_risk, off_track, not_started.' },
  { file: 'funding.csv', column: 'project_id', code: 'E_UNKNOWN_PROJECT' as const, fi: 'Hanketta A99999 ei löydy tiedostosta projects.csv.', en: 'Project A99999 is not in projects.csv.' },
];

function rejected(n: number, lang: Language): ReportModel['rejected'] {
  return Array.from({ length: n }, (_, i) => {
    const k = REJECTION_KINDS[i % REJECTION_KINDS.length] as (typeof REJECTION_KINDS)[number];
    return { file: k.file, line: 3 + i * 4, column: k.column, reason: k[lang], code: k.code };
  });
}

export interface FixtureOptions {
  lang?: Language;
  exampleData?: boolean;
  projects?: number;
  rejected?: number;
  sections?: string[];
}

export const ALL_SECTIONS = ['summary', 'revision', 'delta', 'areas', 'funding', 'projects', 'dataQuality'];

/** A complete report model: 2 areas, 5 measures, 10 targets of every status, revision and delta. */
export function buildFixture(options: FixtureOptions = {}): ReportModel {
  const lang = options.lang ?? 'fi';
  const exampleData = options.exampleData ?? true;
  const projectList = projects(options.projects ?? 12);
  const rejectedRows = rejected(options.rejected ?? 4, lang);
  const asOf = '2025-06-30';

  const kpis: ReportModel['kpis'] = {};
  for (const k of data.kpis) {
    const plan = PLAN[k.target];
    const value = plan?.kpiValues && k.id in plan.kpiValues ? (plan.kpiValues[k.id] ?? null) : k.kind === 'sum' ? 0 : null;
    const observed = value !== null && !(k.kind === 'sum' && value === 0 && !(plan?.kpiValues && k.id in plan.kpiValues));
    kpis[k.id] = {
      target: k.target,
      kind: k.kind as 'sum' | 'latest',
      label: k.label[lang],
      unit: k.unit[lang],
      value,
      threshold: k.threshold,
      stretch: k.stretch,
      progress: value === null ? null : value / k.threshold,
      met: value !== null && value >= k.threshold,
      observationsUsed: observed ? 3 : 0,
      observationsAfterAsOf: k.id === 'hippos_city_investment_meur' ? 1 : 0,
      lastObserved: observed ? '2025-05-31' : null,
      lastSource: observed ? 'Seurantaraportti 5/2025' : null,
      metByDeadline: null,
      provenance: observed ? { 'indicators.csv': '4-6' } : {},
    };
  }

  const targets: ReportModel['targets'] = {};
  const statusCounts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, not_started: 0, no_data: 0 };
  for (const t of data.targets) {
    const plan = PLAN[t.id] as TargetPlan;
    const history = (plan.assessments ?? []).map((a, i) => ({
      status: a.status as Exclude<TargetStatus, 'no_data'>,
      date: a.date,
      evidence: a.evidence,
      assessedBy: a.by,
      provenance: { 'assessments.csv': String(10 + i) },
    }));
    targets[t.id] = {
      measure: t.measure,
      year: t.year,
      deadline: t.deadline,
      text: t.text.fi,
      translation: t.text.en,
      kpis: data.kpis.filter((k) => k.target === t.id).map((k) => k.id),
      status: plan.status,
      why: plan.why[lang],
      assessment: history[0] ?? null,
      history,
      assessmentCount: history.length,
      deadlinePassed: asOf > t.deadline,
    };
    statusCounts[plan.status]++;
  }

  const fundingTotals = (scale: number) => {
    const euState = Math.round(KNOWN.euState * scale * 100) / 100;
    const local = Math.round(KNOWN.local * scale * 100) / 100;
    return {
      euState,
      local,
      private: Math.round(KNOWN.private * scale * 100) / 100,
      planned: Math.round(KNOWN.planned * scale * 100) / 100,
      total: Math.round((euState + local) * 100) / 100,
      euStateShare: euState / (euState + local),
    };
  };
  const measureScale: Record<string, number> = { '4.1.1': 0.3, '4.1.2': 0.25, '4.1.3': 0.1, '4.2.1': 0.2, '4.2.2': 0.15 };

  const priorityAreas: ReportModel['priorityAreas'] = data.areas.map((area) => {
    const measures = data.measures
      .filter((m) => m.priorityArea === area.id)
      .map((m) => {
        const ps = projectList.filter((p) => p.measure === m.id);
        const byStatus: Record<string, number> = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
        for (const p of ps) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
        const measureTargets = data.targets.filter((t) => t.measure === m.id).map((t) => t.id);
        return {
          id: m.id,
          title: m.title[lang],
          description: m.description[lang],
          targets: measureTargets,
          kpis: data.kpis.filter((k) => measureTargets.includes(k.target)).map((k) => k.id),
          projects: { count: ps.length, byStatus, ids: ps.map((p) => p.id) },
          funding: fundingTotals(measureScale[m.id] ?? 0),
        };
      });
    const scale = measures.reduce((s, m) => s + (measureScale[m.id] ?? 0), 0);
    const byStatus: Record<string, number> = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
    for (const m of measures) for (const [s, c] of Object.entries(m.projects.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + c;
    return {
      id: area.id,
      title: area.title[lang],
      summary: area.summary[lang],
      measures,
      projects: { count: measures.reduce((s, m) => s + m.projects.count, 0), byStatus },
      funding: fundingTotals(scale),
    };
  });

  const byMeasureCount: Record<string, number> = {};
  const byStatusCount: Record<string, number> = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
  for (const p of projectList) {
    byMeasureCount[p.measure] = (byMeasureCount[p.measure] ?? 0) + 1;
    byStatusCount[p.status] = (byStatusCount[p.status] ?? 0) + 1;
  }

  const share = KNOWN.euState / (KNOWN.euState + KNOWN.local);
  const revision = data.revision[lang];
  const previousStatus: Record<string, TargetStatus | null> = {
    '4.1.1/2023': 'on_track',
    '4.1.2/2023': 'on_track',
    '4.2.1/2027': null,
  };

  const model = {
    schemaVersion: 1,
    agreement: {
      version: '2025',
      title: data.title[lang],
      city: 'Jyväskylä',
      signed: data.signed,
      periodEnd: data.period.end,
      parties: data.parties,
      partners: data.partners,
      sourceFile: data.sourceFile,
    },
    asOf,
    lang,
    report: {
      pipeline: 'midterm-review',
      type: lang === 'fi' ? 'Väliarviointi' : 'Midterm review',
      exampleData,
      sections: options.sections ?? ALL_SECTIONS,
    },
    inputs: {
      'projects.csv': { rowsRead: projectList.length + 1, rowsUsed: projectList.length, rowsRejected: 1 },
      'funding.csv': { rowsRead: projectList.length * 3 + 2, rowsUsed: projectList.length * 3, rowsRejected: 2 },
      'indicators.csv': { rowsRead: 25, rowsUsed: 24, rowsRejected: 1 },
      'assessments.csv': { rowsRead: 12, rowsUsed: 11, rowsRejected: Math.max(rejectedRows.length - 4, 0) + 1 },
    },
    rejected: rejectedRows,
    rejectedTotal: rejectedRows.length,
    warningsTotal: 2,
    warnings: [
      {
        file: 'projects.csv',
        line: null,
        column: 'kommentti',
        message: lang === 'fi' ? 'Tuntematon sarake "kommentti" ohitettiin.' : 'Unknown column "kommentti" was ignored.',
        code: 'W_UNKNOWN_COLUMN',
      },
      {
        file: 'projects.csv',
        line: 9,
        column: null,
        message: lang === 'fi' ? 'Hankkeella A80149 ei ole rahoitusrivejä.' : 'Project A80149 has no funding rows.',
        code: 'W_NO_FUNDING',
      },
    ],
    projects: { count: projectList.length, byMeasure: byMeasureCount, byStatus: byStatusCount, list: projectList },
    funding: {
      bySource: {
        EAKR: KNOWN.eakr,
        'ESR+': 200_000,
        JTF: 0,
        AKKE: 150_000,
        RRF: 0,
        valtio: 148_000,
        kaupunki: 600_000,
        muu_julkinen: 202_903.53,
        yksityinen: KNOWN.private,
      },
      euState: KNOWN.euState,
      local: KNOWN.local,
      private: KNOWN.private,
      planned: KNOWN.planned,
      euStateShare: share,
      total: Math.round((KNOWN.euState + KNOWN.local) * 100) / 100,
      indicativeEuStateShare: 0.6,
      deviationPp: Math.round((share - 0.6) * 100 * 1e9) / 1e9,
      plannedBySource: { EAKR: 140_000, 'ESR+': 0, JTF: 0, AKKE: 0, RRF: 0, valtio: 0, kaupunki: 100_000, muu_julkinen: 0, yksityinen: 0 },
      byYear: {
        '2022': { euState: 210_000, local: 150_000, private: 10_000 },
        '2023': { euState: 380_000.5, local: 240_000, private: 25_000 },
        '2024': { euState: 420_000, local: 252_903.53, private: 30_000 },
        '2025': { euState: 300_000, local: 160_000, private: 30_000 },
      },
      byMeasure: Object.fromEntries(MEASURES.map((id) => [id, fundingTotals(measureScale[id] ?? 0)])),
      provenance: { bySource: { EAKR: { 'funding.csv': '2-40' } }, planned: { 'funding.csv': '41-44' } },
    },
    kpis,
    targets,
    statusCounts,
    priorityAreas,
    revision,
    delta: {
      previousAsOf: '2024-12-31',
      kpis: {
        partner_cities: { previous: 4, current: 5, change: 1 },
        hippos_city_investment_meur: { previous: 12, current: 18.5, change: 6.5 },
        nordic_partners: { previous: null, current: null, change: null },
      },
      funding: {
        euState: { previous: 1_100_000, current: KNOWN.euState, change: 210_000.5 },
        local: { previous: 760_000, current: KNOWN.local, change: 42_903.53 },
        euStateShare: { previous: 1_100_000 / 1_860_000, current: share, change: share - 1_100_000 / 1_860_000 },
        'bySource.EAKR': { previous: 700_000, current: KNOWN.eakr, change: 112_000.5 },
      },
      targets: Object.fromEntries(
        Object.entries(targets).map(([id, t]) => {
          const previous = id in previousStatus ? (previousStatus[id] ?? null) : t.status;
          return [id, { previous, current: t.status, changed: previous !== t.status }];
        }),
      ),
    },
  };
  return reportModelSchema.parse(model);
}
