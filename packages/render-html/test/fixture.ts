import {
  FUNDING_CATEGORY,
  FUNDING_SOURCES,
  reportModelSchema,
  type FundingSource,
  type Language,
  type ReportModel,
} from '@ekoraportti/core';

/**
 * Report models for the tests: a midterm review of the revised (2025) agreement as of 30.6.2025,
 * with two priority areas, five measures, ten targets in every status, KPIs, funding rows turned
 * into totals by a small builder (so every total is the sum of its rows), rejected rows, warnings,
 * the revision diff and the change since the previous report. Validated with the real schema.
 */

export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '" onmouseover="window.__pwned=1',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '=HYPERLINK("http://x")',
] as const;

export interface FixtureOptions {
  lang?: Language;
  /** Put hostile strings in every text field that comes from a CSV file. */
  hostile?: boolean;
  exampleData?: boolean;
  sections?: string[];
  withDelta?: boolean;
}

export const ALL_SECTIONS = ['summary', 'revision', 'delta', 'areas', 'funding', 'projects', 'dataQuality'];

/** Compact line ranges, as core's LineSet writes them: [2,3,4,7] → "2-4,7". */
export function ranges(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

// The agreement's funding sources and their 40/60 categories, as core defines them.
type Source = FundingSource;
const SOURCES = FUNDING_SOURCES;
const CATEGORY = FUNDING_CATEGORY;

interface P {
  id: string;
  name: string;
  owner: string;
  measure: string;
  status: 'planned' | 'ongoing' | 'completed' | 'cancelled';
  startDate: string;
  endDate: string;
  line: number;
}

const MEASURES = [
  { id: '4.1.1', area: '4.1', fi: 'Kansallinen ja kansainvälinen verkosto', en: 'National and international network' },
  { id: '4.1.2', area: '4.1', fi: 'Osaamis- ja innovaatioympäristöt', en: 'Competence and innovation environments' },
  { id: '4.1.3', area: '4.1', fi: 'Kasvuliiketoiminta', en: 'Growth business' },
  {
    id: '4.2.1',
    area: '4.2',
    fi: 'Arvoverkosto ja yritysten innovaatiokyvykkyyden lisääminen',
    en: "Value network and increasing companies' innovation capability",
  },
  {
    id: '4.2.2',
    area: '4.2',
    fi: 'Materiaaliteknologian ja valmistuksen TKI-infrastruktuurin vahvistaminen',
    en: 'Strengthening the RDI infrastructure of materials technology and manufacturing',
  },
];

const TARGET_TEXTS: Record<string, { fi: string; en: string }> = {
  '4.1.1/2023': {
    fi: 'Verkosto kokoaa hyvinvoinnin ja terveyden edistämistyöhön ja yhteiskehittämiseen muita teemaan erikoistuvia kaupunkeja Suomessa (erityisesti Turku, Kuopio, Lahti + Kajaani ja Kokkola) ja tutkimuslaitoksia mm. VTT.',
    en: 'The network brings together other Finnish cities specialising in the theme (in particular Turku, Kuopio, Lahti + Kajaani and Kokkola) and research institutes such as VTT for health and wellbeing promotion work and co-development.',
  },
  '4.1.1/2027': {
    fi: 'Arvoverkostotavoite laajenee kansallisesta pohjoismaiseksi, ekosysteemi eurooppalaisella ajatusjohtajuudella on rakentumassa.',
    en: 'The value network goal expands from national to Nordic; an ecosystem with European thought leadership is being built.',
  },
  '4.1.2/2023': {
    fi: 'Hyvinvointiin ja suorituskykyyn liittyvälle dataliiketoiminnalle on luotu alustatalouden malli, joka synnyttää eri kokoisten yritysten yhteisen skaalautuva kasvualustan. DAAS-palvelumallin pilotointi käynnissä.',
    en: 'A platform economy model has been created for data business related to wellbeing and performance. Piloting of the DaaS model under way.',
  },
  '4.1.2/2027': {
    fi: 'Hippoksen ja Kukkulan yhteinen osaamisen ja oppimisen innovaatioympäristö, ytimenään liikuntatieteellisen ja KIHUn laboratoriot ja JAMKin hyvinvointiyksikkö, sekä sairaala Nova.',
    en: "A joint competence and learning innovation environment of Hippos and Kukkula, with the laboratories of the Faculty of Sport and Health Sciences and of KIHU and JAMK's wellbeing unit at its core, together with Nova hospital.",
  },
  '4.1.3/2023': {
    fi: 'Synnyttää vähintään 5-7 kahdenvälistä kansallista yhteistyötä hyvinvoinnin ja suorituskyvyn arvoverkostojen uusissa kasvuohjelmissa.',
    en: 'To create at least 5–7 bilateral national collaborations in new growth programmes of the wellbeing and performance value networks.',
  },
  '4.1.3/2027': {
    fi: 'Synnyttää kansallisia, pitkäjänteisiä (3-5 v.), ja/tai monenvälisiä yhteistyösopimuksia kasvuohjelmien välisestä yhteistuotannosta sekä kansainvälisiä ekosysteemikumppanuuksia Suomeen.',
    en: 'To create national, long-term (3–5 years) and/or multilateral cooperation agreements on co-production between growth programmes, and international ecosystem partnerships for Finland.',
  },
  '4.2.1/2023': {
    fi: 'Keski-Suomen alueen uudistuva pk-yrityssektori ja sen osaaminen kartoitettu ja avoimen, yhteisen tuotekehitysalustan kehittäminen käynnissä. Eteläportin digitaalinen kaksonen toiminnassa.',
    en: 'The renewing SME sector of the Central Finland region and its competences mapped, and development of an open, shared product development platform under way. The Eteläportti digital twin in operation.',
  },
  '4.2.1/2027': {
    fi: 'Kansainväliset kumppanuudet, esimerkiksi korkeakoulujen verkostot; The European Factories of the Future Research Association (EFFRA) ja E3UDRES² tuovat paikallisten yritysten arvoverkkoon hyödyllisiä kumppanuuksia ja mahdollisuuksia.',
    en: 'International partnerships, for example networks of higher education institutions — EFFRA and E3UDRES² — bring useful partnerships and opportunities to the value network of local companies.',
  },
  '4.2.2/2023': {
    fi: 'Tutkimusympäristön kehitys ja suunnittelu, tki-infrastruktuurin hyödyntämiseen tehostetut kumppanuusmalleja pilotoidaan.',
    en: 'Development and design of the research environment; enhanced partnership models for using the RDI infrastructure are piloted.',
  },
  '4.2.2/2027': {
    fi: 'Ensimmäiset uudet (sopimuskaudella synnytetyt) TKI- ja pilotointiympäristöt ovat toiminnassa ja niiden toimintaan on kytkeytynyt useiden toimijoiden muodostama tutkimus- ja yritysverkosto, jolla on kansainvälinen ulottuvuus.',
    en: 'The first new RDI and piloting environments (created during the agreement period) are in operation, and a research and business network of several actors with an international dimension has joined their work.',
  },
};

/** Builds a report model; `hostile` fills every CSV text field with {@link HOSTILE} strings. */
export function fixtureModel(options: FixtureOptions = {}): ReportModel {
  const lang = options.lang ?? 'fi';
  const L = (fi: string, en: string) => (lang === 'fi' ? fi : en);
  let h = 0;
  /** A CSV text field: the realistic value, or the next hostile string. */
  const csv = (value: string): string => (options.hostile ? `${HOSTILE[h++ % HOSTILE.length]} ${value}` : value);

  const projects: P[] = [
    { id: 'A80123', name: 'Hyvinvoinnin datatalouden alusta (HyDa)', owner: 'Jyväskylän yliopisto', measure: '4.1.2', status: 'ongoing', startDate: '2023-01-01', endDate: '2026-12-31', line: 2 },
    { id: 'A80456', name: 'Hippos-innovaatioympäristö', owner: 'Jyväskylän kaupunki', measure: '4.1.2', status: 'ongoing', startDate: '2022-03-01', endDate: '2027-06-30', line: 3 },
    { id: 'A80789', name: 'Kasvuohjelma Wellbeing Growth Jyväskylä', owner: 'JAMK', measure: '4.1.3', status: 'completed', startDate: '2021-09-01', endDate: '2024-08-31', line: 4 },
    { id: 'A81002', name: 'Kansallinen hyvinvointikaupunkien verkosto', owner: 'Jyväskylän kaupunki', measure: '4.1.1', status: 'ongoing', startDate: '2022-01-01', endDate: '2025-12-31', line: 5 },
    { id: 'A81150', name: 'Eteläportin digitaalinen kaksonen', owner: 'JAMK', measure: '4.2.1', status: 'completed', startDate: '2021-06-01', endDate: '2023-11-30', line: 6 },
    { id: 'A81277', name: 'Vetylaakso – avoin TKI-ympäristö', owner: 'Jyväskylän yliopisto', measure: '4.2.2', status: 'planned', startDate: '2025-09-01', endDate: '2027-12-31', line: 7 },
    { id: 'A81310', name: 'Kuitu- ja biotalouden pilottialusta', owner: 'JAMK', measure: '4.2.2', status: 'ongoing', startDate: '2024-02-01', endDate: '2027-01-31', line: 8 },
    { id: 'A81422', name: 'Puolustusteollisuuden arvoverkko', owner: 'Business Jyväskylä', measure: '4.2.1', status: 'cancelled', startDate: '2024-05-01', endDate: '2026-04-30', line: 10 },
  ].map((p) => ({ ...p, status: p.status as P['status'], id: csv(p.id), name: csv(p.name), owner: csv(p.owner) }));
  const byIndex = (i: number) => projects[i] as P;

  // funding.csv rows: [project index, source, year, euros]; line = position + 2, line 9 was rejected.
  const rows: [number, Source, number, number][] = [
    [0, 'EAKR', 2023, 240000], [0, 'EAKR', 2024, 310000.5], [0, 'muu_julkinen', 2023, 90000], [0, 'muu_julkinen', 2024, 110000],
    [1, 'kaupunki', 2022, 4500000], [1, 'kaupunki', 2023, 6200000], [1, 'AKKE', 2023, 1310000.5],
    [1, 'yksityinen', 2024, 750000], [2, 'ESR+', 2021, 180000], [2, 'ESR+', 2022, 220000], [2, 'kaupunki', 2022, 95000],
    [3, 'valtio', 2022, 150000], [3, 'kaupunki', 2022, 100000], [4, 'EAKR', 2021, 420000], [4, 'muu_julkinen', 2021, 180000],
    [5, 'JTF', 2026, 900000], [5, 'muu_julkinen', 2026, 300000], [6, 'EAKR', 2024, 520000], [6, 'RRF', 2025, 260000],
    [6, 'muu_julkinen', 2024, 240000], [6, 'yksityinen', 2025, 120000], [7, 'EAKR', 2024, 80000],
  ];
  const funding = rows.map(([pi, source, year, amount], i) => ({ project: byIndex(pi), source, year, amount, line: i + 2 >= 9 ? i + 3 : i + 2 }));

  const zero = () => Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>;
  const bySource = zero();
  const plannedBySource = zero();
  const sourceLines = new Map<Source, number[]>();
  const plannedLines: number[] = [];
  const byYear: Record<string, { euState: number; local: number; private: number }> = {};
  const cents = (e: number) => Math.round(e * 100);
  type C = { euState: number; local: number; private: number; planned: number };
  const byMeasureC = new Map<string, C>(MEASURES.map((m) => [m.id, { euState: 0, local: 0, private: 0, planned: 0 }]));
  const totalC: C = { euState: 0, local: 0, private: 0, planned: 0 };
  const projectC = new Map<string, number>();
  const projectLines = new Map<string, number[]>();
  for (const r of funding) {
    projectC.set(r.project.id, (projectC.get(r.project.id) ?? 0) + cents(r.amount));
    projectLines.set(r.project.id, [...(projectLines.get(r.project.id) ?? []), r.line]);
    const m = byMeasureC.get(r.project.measure) as C;
    if (r.project.status === 'planned') {
      plannedBySource[r.source] += cents(r.amount);
      totalC.planned += cents(r.amount);
      m.planned += cents(r.amount);
      plannedLines.push(r.line);
      continue;
    }
    if (r.project.status === 'cancelled') continue;
    const cat = CATEGORY[r.source];
    bySource[r.source] += cents(r.amount);
    totalC[cat] += cents(r.amount);
    m[cat] += cents(r.amount);
    const y = (byYear[String(r.year)] ??= { euState: 0, local: 0, private: 0 });
    y[cat] += cents(r.amount);
    sourceLines.set(r.source, [...(sourceLines.get(r.source) ?? []), r.line]);
  }
  const eur = (c: number) => c / 100;
  const totals = (c: C) => ({
    euState: eur(c.euState),
    local: eur(c.local),
    private: eur(c.private),
    planned: eur(c.planned),
    total: eur(c.euState + c.local),
    euStateShare: c.euState + c.local === 0 ? null : c.euState / (c.euState + c.local),
  });
  const fundingTotals = totals(totalC);
  const mapEur = (r: Record<Source, number>) => Object.fromEntries(SOURCES.map((s) => [s, eur(r[s])])) as Record<Source, number>;

  const kpi = (
    target: string,
    kind: 'sum' | 'latest',
    fi: string,
    en: string,
    unitFi: string,
    unitEn: string,
    threshold: number,
    stretch: number | null,
    value: number | null,
    used: number,
    lastObserved: string | null,
    lines: number[],
    afterAsOf = 0,
  ) => ({
    target,
    kind,
    label: L(fi, en),
    unit: L(unitFi, unitEn),
    value,
    threshold,
    stretch,
    progress: value === null ? null : value / threshold,
    met: value !== null && value >= threshold,
    observationsUsed: used,
    observationsAfterAsOf: afterAsOf,
    lastObserved,
    lastSource: lastObserved === null ? null : csv('Seurantaraportti'),
    metByDeadline: null,
    provenance: lines.length ? { 'indicators.csv': ranges(lines) } : {},
  });
  const kpis = {
    partner_cities: kpi('4.1.1/2023', 'latest', 'Kumppanikaupungit verkostossa', 'Partner cities in the network', 'kaupunkia', 'cities', 5, null, 5, 3, '2023-10-15', [4]),
    research_institutes: kpi('4.1.1/2023', 'latest', 'Tutkimuslaitokset verkostossa', 'Research institutes in the network', 'tutkimuslaitosta', 'research institutes', 1, null, 2, 2, '2023-06-01', [6]),
    nordic_partners: kpi('4.1.1/2027', 'latest', 'Pohjoismaiset kumppanit arvoverkostossa', 'Nordic partners in the value network', 'kumppania', 'partners', 1, null, null, 0, null, []),
    daas_pilots: kpi('4.1.2/2023', 'latest', 'Käynnissä olevat DAAS-pilotit', 'DaaS pilots under way', 'pilottia', 'pilots', 1, null, 0, 1, '2023-12-01', [9]),
    hippos_city_investment_meur: kpi('4.1.2/2027', 'sum', 'Kaupungin investointi Hippokseen', "The city's investment in Hippos", 'M€', 'M€', 30, null, 10.7, 2, '2024-12-31', [10, 11], 1),
    bilateral_collaborations: kpi('4.1.3/2023', 'sum', 'Kahdenväliset kansalliset yhteistyöt', 'Bilateral national collaborations', 'yhteistyötä', 'collaborations', 5, 7, 6, 6, '2023-11-20', [12, 13, 14, 15, 16, 18]),
    etelaportti_digital_twin: kpi('4.2.1/2023', 'latest', 'Eteläportin digitaalinen kaksonen toiminnassa', 'Eteläportti digital twin in operation', 'kaksonen', 'digital twin', 1, null, 1, 1, '2023-11-30', [19]),
    new_rdi_environments: kpi('4.2.2/2027', 'sum', 'Uudet TKI- ja pilotointiympäristöt toiminnassa', 'New RDI and piloting environments in operation', 'ympäristöä', 'environments', 1, null, 0, 1, '2025-03-31', [20]),
  };

  const assess = (status: 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_started', date: string, evidenceFi: string, evidenceEn: string, by: string, line: number) => ({
    status,
    date,
    // Evidence is CSV text: the same whatever the report language, as the coordinator wrote it.
    evidence: csv(lang === 'fi' ? evidenceFi : evidenceEn),
    assessedBy: csv(by),
    provenance: { 'assessments.csv': String(line) },
  });

  type TS = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_started' | 'no_data';
  const target = (id: string, status: TS, whyFi: string, whyEn: string, kpiIds: string[], history: ReturnType<typeof assess>[]) => {
    const [measure = '', year = '2023'] = id.split('/');
    return [
      id,
      {
        measure,
        year: Number(year),
        deadline: `${year}-12-31`,
        text: (TARGET_TEXTS[id] as { fi: string }).fi,
        translation: (TARGET_TEXTS[id] as { en: string }).en,
        kpis: kpiIds,
        status,
        why: L(whyFi, whyEn),
        assessment: history[0] ?? null,
        history,
        assessmentCount: history.length,
        deadlinePassed: `${year}-12-31` < '2025-06-30',
      },
    ] as const;
  };
  const targets = Object.fromEntries([
    target('4.1.1/2023', 'achieved', "5 / 5 kaupunkia; 2 / 1 tutkimuslaitosta; viimeisin arvio 'saavutettu' 30.11.2023", "5 / 5 cities; 2 / 1 research institutes; latest assessment 'achieved' 30 Nov 2023", ['partner_cities', 'research_institutes'], [
      assess('achieved', '2023-11-30', 'Yhteistyösopimukset Turun, Kuopion, Lahden, Kajaanin ja Kokkolan kanssa allekirjoitettu; VTT mukana.', 'Cooperation agreements signed with Turku, Kuopio, Lahti, Kajaani and Kokkola; VTT on board.', 'Ohjausryhmä', 5),
      assess('on_track', '2022-11-30', 'Kolme kaupunkia mukana, kaksi neuvotteluvaiheessa.', 'Three cities on board, two in negotiation.', 'Koordinaattori', 3),
    ]),
    target('4.1.1/2027', 'on_track', "Pohjoismaiset kumppanit arvoverkostossa: ei havaintoja; viimeisin arvio 'etenee' 15.5.2025", "Nordic partners in the value network: no observations; latest assessment 'on track' 15 May 2025", ['nordic_partners'], [
      assess('on_track', '2025-05-15', 'Neuvottelut Tampereen ja Uumajan verkostojen kanssa käynnissä.', 'Talks with networks in Tampere and Umeå under way.', 'Business Jyväskylä', 14),
    ]),
    target('4.1.2/2023', 'off_track', "0 / 1 pilottia; viimeisin arvio 'riskissä' 30.9.2023; määräaika 31.12.2023 umpeutunut", "0 / 1 pilots; latest assessment 'at risk' 30 Sep 2023; deadline 31 Dec 2023 passed", ['daas_pilots'], [
      assess('at_risk', '2023-09-30', 'DAAS-pilotin rahoituspäätös viivästyi.', 'The funding decision for the DaaS pilot was delayed.', 'Jyväskylän yliopisto', 6),
    ]),
    target('4.1.2/2027', 'at_risk', "10,7 / 30 M€; viimeisin arvio 'etenee' 31.3.2025", "10.7 / 30 M€; latest assessment 'on track' 31 Mar 2025", ['hippos_city_investment_meur'], [
      assess('on_track', '2025-03-31', 'Hippoksen toinen rakennusvaihe alkoi aikataulussa.', 'The second construction phase of Hippos began on schedule.', 'Jyväskylän kaupunki', 11),
    ]),
    target('4.1.3/2023', 'achieved', "6 / 5 yhteistyötä (tavoitetaso 7); viimeisin arvio 'saavutettu' 15.12.2023", "6 / 5 collaborations (stretch 7); latest assessment 'achieved' 15 Dec 2023", ['bilateral_collaborations'], [
      assess('achieved', '2023-12-15', 'Kuusi kahdenvälistä yhteistyösopimusta kasvuohjelmissa.', 'Six bilateral cooperation agreements in the growth programmes.', 'JAMK', 8),
    ]),
    target('4.1.3/2027', 'not_started', "viimeisin arvio 'ei aloitettu' 28.2.2025", "latest assessment 'not started' 28 Feb 2025", [], [
      assess('not_started', '2025-02-28', 'Monenvälisten sopimusten valmistelu alkaa syksyllä 2025.', 'Preparation of multilateral agreements starts in autumn 2025.', 'Koordinaattori', 10),
    ]),
    target('4.2.1/2023', 'achieved', "1 / 1 kaksonen; viimeisin arvio 'saavutettu' 30.11.2023", "1 / 1 digital twin; latest assessment 'achieved' 30 Nov 2023", ['etelaportti_digital_twin'], [
      assess('achieved', '2023-11-30', 'Eteläportin digitaalinen kaksonen otettu käyttöön.', 'The Eteläportti digital twin taken into use.', 'JAMK', 7),
    ]),
    target('4.2.1/2027', 'on_track', "viimeisin arvio 'etenee' 30.4.2025", "latest assessment 'on track' 30 Apr 2025", [], [
      assess('on_track', '2025-04-30', 'EFFRA-jäsenyys voimassa, E3UDRES²-yhteistyö käynnissä.', 'EFFRA membership in force, E3UDRES² cooperation under way.', 'Jyväskylän yliopisto', 12),
    ]),
    target('4.2.2/2023', 'no_data', 'ei arviota', 'no assessment', [], []),
    target('4.2.2/2027', 'at_risk', "0 / 1 ympäristöä; viimeisin arvio 'riskissä' 31.5.2025", "0 / 1 environments; latest assessment 'at risk' 31 May 2025", ['new_rdi_environments'], [
      assess('at_risk', '2025-05-31', 'Vetylaakson rahoitus on vasta suunnitteilla.', 'Funding for the hydrogen valley is only at the planning stage.', 'Ohjausryhmä', 15),
    ]),
  ]);

  const statusCounts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, not_started: 0, no_data: 0 };
  for (const t of Object.values(targets)) statusCounts[t.status]++;

  const byStatusOf = (list: P[]) => {
    const r = { planned: 0, ongoing: 0, completed: 0, cancelled: 0 };
    for (const p of list) r[p.status]++;
    return r;
  };
  const sortedProjects = [...projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const measureResult = (m: (typeof MEASURES)[number]) => {
    const ps = sortedProjects.filter((p) => p.measure === m.id);
    const ts = Object.keys(targets).filter((id) => id.startsWith(`${m.id}/`));
    return {
      id: m.id,
      title: L(m.fi, m.en),
      description: L(
        `Toimenpidekokonaisuuden ${m.id} kuvaus sopimuksen mukaan.`,
        `Description of measure entity ${m.id} as the agreement states it.`,
      ),
      targets: ts,
      kpis: Object.entries(kpis).filter(([, k]) => ts.includes(k.target)).map(([id]) => id),
      projects: { count: ps.length, byStatus: byStatusOf(ps), ids: ps.map((p) => p.id) },
      funding: totals(byMeasureC.get(m.id) as C),
    };
  };
  const area = (id: string, fi: string, en: string, summaryFi: string, summaryEn: string) => {
    const ms = MEASURES.filter((m) => m.area === id);
    const c: C = { euState: 0, local: 0, private: 0, planned: 0 };
    for (const m of ms) {
      const x = byMeasureC.get(m.id) as C;
      c.euState += x.euState;
      c.local += x.local;
      c.private += x.private;
      c.planned += x.planned;
    }
    const ps = sortedProjects.filter((p) => ms.some((m) => m.id === p.measure));
    return {
      id,
      title: L(fi, en),
      summary: L(summaryFi, summaryEn),
      measures: ms.map(measureResult),
      projects: { count: ps.length, byStatus: byStatusOf(ps) },
      funding: totals(c),
    };
  };

  const model = {
    schemaVersion: 1,
    agreement: {
      version: '2025',
      title: L(
        'Innovaatiotoiminnan ekosysteemisopimus (tarkistettu sopimus 2025–2027)',
        'Innovation ecosystem agreement (revised agreement 2025–2027)',
      ),
      city: 'Jyväskylä',
      signed: null,
      periodEnd: '2027-12-31',
      parties: ['Jyväskylän kaupunki', 'työ- ja elinkeinoministeriö'],
      partners: ['Opetus- ja kulttuuriministeriö', 'Jyväskylän yliopisto', 'Jyväskylän ammattikorkeakoulu', 'Keski-Suomen maakuntaliitto', 'Keski-Suomen elinvoimakeskus'],
      sourceFile: 'sopimus-2025-tarkistettu.txt',
    },
    asOf: '2025-06-30',
    lang,
    report: {
      pipeline: 'midterm-review',
      type: L('Väliarviointi', 'Midterm review'),
      exampleData: options.exampleData ?? true,
      sections: options.sections ?? ALL_SECTIONS,
    },
    inputs: {
      'projects.csv': { rowsRead: 9, rowsUsed: 8, rowsRejected: 1 },
      'funding.csv': { rowsRead: 23, rowsUsed: 22, rowsRejected: 1 },
      'indicators.csv': { rowsRead: 20, rowsUsed: 19, rowsRejected: 1 },
      'assessments.csv': { rowsRead: 14, rowsUsed: 13, rowsRejected: 1 },
    },
    rejectedTotal: 4,
    warningsTotal: 2,
    rejected: [
      { file: 'projects.csv', line: 9, column: csv('end_date'), reason: csv(L('Päättymispäivä 1.1.2023 on ennen alkamispäivää 1.6.2024. Korjaa päivämäärät.', 'End date 1 Jan 2023 precedes start date 1 Jun 2024. Fix the dates.')), code: 'E_END_BEFORE_START' },
      { file: 'funding.csv', line: 9, column: csv('amount_eur'), reason: csv(L('Summa −5 000 on negatiivinen. Kirjoita summa, joka on vähintään 0.', 'Amount −5,000 is negative. Enter an amount of at least 0.')), code: 'E_NEGATIVE' },
      { file: 'indicators.csv', line: 7, column: csv('kpi'), reason: csv(L("Tuntematon mittari 'partner_citys'. Tarkista mittarin tunnus.", "Unknown indicator 'partner_citys'. Check the indicator id.")), code: 'E_UNKNOWN_KPI' },
      { file: 'assessments.csv', line: 4, column: csv('status'), reason: csv(L("Tuntematon tila 'valmis'. Sallitut: saavutettu, etenee, riskissä, ei_etene, ei_aloitettu.", "Unknown status 'valmis'. Allowed: achieved, on_track, at_risk, off_track, not_started.")), code: 'E_UNKNOWN_VALUE' },
    ],
    warnings: [
      { file: 'projects.csv', line: null, column: csv('budjetti'), message: csv(L("Tuntematon sarake 'budjetti' ohitettiin.", "Unknown column 'budjetti' was ignored.")), code: 'W_UNKNOWN_COLUMN' },
      { file: 'funding.csv', line: 23, column: null, message: csv(L('Hanke A81422 on peruttu; sen rahoitusta ei lasketa.', 'Project A81422 is cancelled; its funding is not counted.')), code: 'W_NO_FUNDING' },
    ],
    projects: {
      count: projects.length,
      byMeasure: Object.fromEntries(MEASURES.map((m) => [m.id, projects.filter((p) => p.measure === m.id).length])),
      byStatus: byStatusOf(projects),
      list: sortedProjects.map((p) => ({
        id: p.id,
        name: p.name,
        owner: p.owner,
        measure: p.measure,
        status: p.status,
        startDate: p.startDate,
        endDate: p.endDate,
        funding: eur(projectC.get(p.id) ?? 0),
        provenance: {
          'projects.csv': String(p.line),
          ...(projectLines.has(p.id) ? { 'funding.csv': ranges(projectLines.get(p.id) as number[]) } : {}),
        },
      })),
    },
    funding: {
      bySource: mapEur(bySource),
      euState: fundingTotals.euState,
      local: fundingTotals.local,
      private: fundingTotals.private,
      planned: fundingTotals.planned,
      euStateShare: fundingTotals.euStateShare,
      total: fundingTotals.total,
      indicativeEuStateShare: 0.6,
      deviationPp: fundingTotals.euStateShare === null ? null : Math.round((fundingTotals.euStateShare - 0.6) * 100 * 1e9) / 1e9,
      plannedBySource: mapEur(plannedBySource),
      byYear: Object.fromEntries(
        Object.keys(byYear)
          .sort()
          .map((y) => {
            const c = byYear[y] as { euState: number; local: number; private: number };
            return [y, { euState: eur(c.euState), local: eur(c.local), private: eur(c.private) }];
          }),
      ),
      byMeasure: Object.fromEntries(MEASURES.map((m) => [m.id, totals(byMeasureC.get(m.id) as C)])),
      provenance: {
        bySource: Object.fromEntries(SOURCES.map((s) => [s, sourceLines.has(s) ? { 'funding.csv': ranges(sourceLines.get(s) as number[]) } : {}])),
        planned: plannedLines.length ? { 'funding.csv': ranges(plannedLines) } : {},
      },
    },
    kpis,
    targets,
    statusCounts,
    priorityAreas: [
      area('4.1', 'Liikunnan, terveyden edistämisen ja hyvinvoinnin ekosysteemi', 'Ecosystem of sport, health promotion and wellbeing',
        'Visiona on luoda liikunnan, terveyden edistämisen ja hyvinvoinnin kasvuliiketoiminnalle parempia edellytyksiä Suomessa.',
        'The vision is to create better conditions in Finland for growth business in sport, health promotion and wellbeing.'),
      area('4.2', 'Uudistuvan teollisuuden ekosysteemi', 'Ecosystem of renewing industry',
        'Keski-Suomen uudistuvan teollisuuden ekosysteemi osallistuu aktiivisesti kansallisen ja kansainvälisen teollisuusympäristön kehittämiseen.',
        'The renewing industry ecosystem of Central Finland takes an active part in developing the national and international industrial environment.'),
    ],
    revision: {
      from: '2021',
      to: '2025',
      changedTargets: [
        {
          id: '4.2.1/2027',
          before: L('Kansainväliset kumppanuudet tuovat paikallisten yritysten arvoverkkoon hyödyllisiä kumppanuuksia.', 'International partnerships bring useful partnerships to the value network of local companies.'),
          after: L((TARGET_TEXTS['4.2.1/2027'] as { fi: string }).fi, (TARGET_TEXTS['4.2.1/2027'] as { en: string }).en),
        },
        {
          id: '4.2.2/2027',
          before: L('Ensimmäinen uusi kansainvälisen yrityksen TKI-keskus on sijoittunut alueelle.', "The first new international company's R&D centre has located in the region."),
          after: L((TARGET_TEXTS['4.2.2/2027'] as { fi: string }).fi, (TARGET_TEXTS['4.2.2/2027'] as { en: string }).en),
        },
      ],
      unchangedTargets: ['4.1.1/2023', '4.1.1/2027', '4.1.2/2023', '4.1.2/2027', '4.1.3/2023', '4.1.3/2027', '4.2.1/2023', '4.2.2/2023'],
      addedThemes: [
        { id: 'hydrogen', label: L('Vety', 'Hydrogen'), evidence: 'vetyinnovaatioita edistävän avoimen TKI- ja kehitysympäristön' },
        { id: 'defence', label: L('Puolustus ja kaksikäyttöteknologiat', 'Defence and dual-use technologies'), evidence: 'Puolustuksen ja kaksikäyttöteknologisten ratkaisujen' },
        { id: 'mobility_foundation', label: 'Central Finland Mobility Foundation', evidence: 'Central Finland Mobility Foundation' },
      ],
      removedThemes: [],
      renamedPartners: [{ before: 'Keski-Suomen ELY-keskus', after: 'Keski-Suomen elinvoimakeskus' }],
      addedKpis: ['nordic_partners', 'new_rdi_environments'],
      removedKpis: ['intl_rd_centres'],
      rdBaselinePercent: { before: 2.7, after: 3.1 },
    },
    delta:
      options.withDelta === false
        ? null
        : {
            previousAsOf: '2024-12-31',
            kpis: Object.fromEntries(
              Object.entries(kpis).map(([id, k]) => {
                const previous = id === 'hippos_city_investment_meur' ? 8.2 : id === 'bilateral_collaborations' ? 4 : k.value;
                return [id, { previous, current: k.value, change: previous === null || k.value === null ? null : Math.round((k.value - previous) * 1e6) / 1e6 }];
              }),
            ),
            funding: {
              total: { previous: 14000000, current: fundingTotals.total, change: Math.round((fundingTotals.total - 14000000) * 100) / 100 },
              euStateShare: { previous: 0.21, current: fundingTotals.euStateShare, change: fundingTotals.euStateShare === null ? null : Math.round((fundingTotals.euStateShare - 0.21) * 1e6) / 1e6 },
            },
            targets: Object.fromEntries(
              Object.entries(targets).map(([id, t]) => {
                const previous = id === '4.1.2/2027' ? 'on_track' : id === '4.1.3/2023' ? 'on_track' : t.status;
                return [id, { previous, current: t.status, changed: previous !== t.status }];
              }),
            ),
          },
  };
  return reportModelSchema.parse(model);
}
