import type {
  FundingTotals,
  KpiResult,
  MeasureResult,
  PriorityAreaResult,
  ProjectSummary,
  ReportModel,
  TargetResult,
} from '@ekoraportti/core';
import { progressChart, projectStatusLabel, statusLabel } from '@ekoraportti/presentation';
import {
  chart,
  dataTable,
  h1,
  h2,
  h3,
  h4,
  headerCell,
  num,
  para,
  small,
  statusBadge,
  statusCell,
  TABLE_LAYOUT,
  type Fmt,
} from './_blocks.ts';
import type { Content, TableNode, TextNode } from './_types.ts';

/** Funding totals of an area or measure as one compact table. */
export function fundingFacts(ft: FundingTotals, f: Fmt): TableNode {
  const cells: Array<[string, string]> = [
    [f.t('euState'), f.eur(ft.euState)],
    [f.t('local'), f.eur(ft.local)],
    [f.t('private'), f.eur(ft.private)],
    [f.t('planned'), f.eur(ft.planned)],
    [f.t('euStateShare'), f.pct(ft.euStateShare)],
  ];
  return {
    table: {
      widths: cells.map(() => '*'),
      body: [cells.map(([label]) => headerCell(label, true)), cells.map(([, value]) => num(value))],
    },
    layout: TABLE_LAYOUT,
    fontSize: 7.5,
    margin: [0, 2, 0, 8],
  };
}

/** The projects table: id, name, owner, status, period, funding. */
export function projectsTable(projects: readonly ProjectSummary[], f: Fmt): TableNode {
  const header = [
    headerCell(f.t('projectId')),
    headerCell(f.t('projectName')),
    headerCell(f.t('owner')),
    headerCell(f.t('status')),
    headerCell(f.t('period')),
    headerCell(f.t('funding'), true),
  ];
  const rows = projects.map((p): TextNode[] => [
    { text: p.id, noWrap: true },
    { text: p.name },
    { text: p.owner },
    { text: projectStatusLabel(p.status, f.lang) },
    { text: `${f.date(p.startDate)}–${f.date(p.endDate)}`, noWrap: true },
    num(f.eur(p.funding)),
  ]);
  return dataTable([40, '*', 90, 46, 82, 70], header, rows, 7);
}

function kpiBlock(id: string, kpi: KpiResult, f: Fmt): Content {
  const threshold = `${f.t('threshold').toLowerCase()} ${f.qty(kpi.threshold)}`;
  const stretch = kpi.stretch === null ? null : `${f.t('stretch').toLowerCase()} ${f.qty(kpi.stretch)}`;
  const value = kpi.value === null ? f.t('noObservations') : `${f.qty(kpi.value)} ${kpi.unit}`;
  const description = `${kpi.label}: ${value}; ${threshold}${stretch ? `; ${stretch}` : ''}`;
  const c = progressChart({
    value: kpi.value,
    threshold: kpi.threshold,
    stretch: kpi.stretch,
    valueText: value,
    thresholdText: threshold,
    stretchText: stretch,
    description,
    width: 230,
  });
  const facts: Array<[string, string]> = [
    [f.t('value'), kpi.value === null ? '–' : `${f.qty(kpi.value)} ${kpi.unit}`],
    [f.t('threshold'), `${f.qty(kpi.threshold)} ${kpi.unit}`],
    ...(kpi.stretch !== null ? ([[f.t('stretch'), `${f.qty(kpi.stretch)} ${kpi.unit}`]] as Array<[string, string]>) : []),
    [f.t('progress'), f.pct(kpi.progress)],
    [f.t('observations'), String(kpi.observationsUsed)],
    [f.t('lastObserved'), f.date(kpi.lastObserved)],
    ...(kpi.lastSource !== null ? ([[f.t('source'), kpi.lastSource]] as Array<[string, string]>) : []),
  ];
  return {
    stack: [
      { text: [{ text: kpi.label, bold: true }, { text: `  (${id}, ${kpi.kind === 'sum' ? f.t('kindSum') : f.t('kindLatest')})`, color: '#555555' }], fontSize: 8.5 },
      {
        columns: [
          { width: 240, stack: [chart(c, 240)] },
          {
            width: '*',
            table: {
              widths: ['auto', '*'],
              body: facts.map(([k, v]) => [
                { text: k, color: '#555555' },
                { text: v, noWrap: true },
              ]),
            },
            layout: 'noBorders',
            fontSize: 7.5,
          },
        ],
        columnGap: 10,
      },
    ],
    unbreakable: true,
    margin: [0, 2, 0, 4],
  };
}

function targetBlock(id: string, t: TargetResult, model: ReportModel, f: Fmt): Content[] {
  const label = t.year === 2023 ? f.t('target2023') : t.year === 2027 ? f.t('target2027') : `${f.t('target')} ${t.year}`;
  const quote: Content[] =
    f.lang === 'fi'
      ? [{ text: `”${t.text}”`, italics: true, margin: [10, 0, 10, 4] }]
      : [
          { text: `“${t.translation}”`, italics: true, margin: [10, 0, 10, 2] },
          {
            text: [{ text: `${f.t('originalText')}: `, bold: true }, { text: `”${t.text}”`, italics: true }],
            style: 'small',
            margin: [10, 0, 10, 4],
          },
        ];
  const head: Content = {
    stack: [
      h4(`${label} (${id}) · ${f.t('deadline')} ${f.date(t.deadline)}`, false),
      ...quote,
      {
        columns: [
          { width: 'auto', stack: [statusBadge(t.status, f.lang)] },
          { width: '*', text: t.why, fontSize: 8, margin: [0, 1, 0, 0] },
        ],
        columnGap: 8,
        margin: [0, 0, 0, 4],
      },
    ],
    unbreakable: true,
  };

  const kpis = t.kpis.flatMap((kid) => {
    const k = model.kpis[kid];
    return k ? [kpiBlock(kid, k, f)] : [];
  });

  const assessment: Content[] = [];
  if (t.assessment) {
    const a = t.assessment;
    assessment.push({
      text: [
        { text: `${f.t('latestAssessment')}: `, bold: true },
        `${statusLabel(a.status, f.lang)}, ${f.date(a.date)} (${a.assessedBy}). `,
        { text: `${f.t('evidence')}: `, bold: true },
        a.evidence,
      ],
      fontSize: 8,
      margin: [0, 2, 0, 4],
    });
  } else {
    assessment.push({ text: f.t('noAssessment'), fontSize: 8, italics: true, margin: [0, 2, 0, 4] });
  }
  if (t.history.length > 1) {
    const shown = t.assessmentCount > t.history.length ? ` (${f.t('newestOf')} ${t.history.length} / ${t.assessmentCount})` : '';
    assessment.push(small(`${f.t('assessmentHistory')}${shown}`, { bold: true }));
    assessment.push(
      dataTable(
        [50, 62, '*', 90],
        [headerCell(f.t('date')), headerCell(f.t('status')), headerCell(f.t('evidence')), headerCell(f.t('assessedBy'))],
        t.history.map((h): TextNode[] => [
          { text: f.date(h.date), noWrap: true },
          statusCell(h.status, f.lang, 7),
          { text: h.evidence },
          { text: h.assessedBy },
        ]),
        7,
      ),
    );
  }
  return [head, ...kpis, ...assessment];
}

function measureBlock(m: MeasureResult, model: ReportModel, projectsById: Map<string, ProjectSummary>, f: Fmt): Content[] {
  const projects = m.projects.ids.flatMap((id) => {
    const p = projectsById.get(id);
    return p ? [p] : [];
  });
  return [
    h3(`${m.id} ${m.title}`, true),
    small(m.description, { margin: [0, 0, 0, 6] }),
    ...m.targets.flatMap((id) => {
      const t = model.targets[id];
      return t ? targetBlock(id, t, model, f) : [];
    }),
    h4(`${f.t('projects')} (${m.projects.count})`),
    projects.length > 0 ? projectsTable(projects, f) : para(f.t('noProjects'), { fontSize: 8 }),
    h4(f.t('measureFunding')),
    fundingFacts(m.funding, f),
  ];
}

function areaBlock(area: PriorityAreaResult, model: ReportModel, projectsById: Map<string, ProjectSummary>, f: Fmt, first: boolean): Content[] {
  const byStatus = Object.entries(area.projects.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${projectStatusLabel(s as ProjectSummary['status'], f.lang)} ${n}`)
    .join(', ');
  return [
    { ...h2(`${area.id} ${area.title}`, true), ...(first ? {} : { pageBreak: 'before' as const }) },
    para(area.summary, { fontSize: 9 }),
    small(`${f.t('projectCount')}: ${area.projects.count}${byStatus ? ` (${byStatus})` : ''}`),
    h4(f.t('areaFunding')),
    fundingFacts(area.funding, f),
    ...area.measures.flatMap((m) => measureBlock(m, model, projectsById, f)),
  ];
}

/** Per priority area and measure entity: target texts, statuses, KPI progress, assessments, projects, funding. */
export function areas(model: ReportModel, f: Fmt): Content[] {
  const projectsById = new Map(model.projects.list.map((p) => [p.id, p]));
  return [
    h1(f.t('areasSection')),
    ...model.priorityAreas.flatMap((a, i) => areaBlock(a, model, projectsById, f, i === 0)),
  ];
}

/** Appendix: every project, by measure entity in the agreement's order, then any of an unknown measure. */
export function projectList(model: ReportModel, f: Fmt): Content[] {
  const groups = new Map<string, { title: string; projects: ProjectSummary[] }>();
  for (const area of model.priorityAreas) for (const m of area.measures) groups.set(m.id, { title: `${m.id} ${m.title}`, projects: [] });
  for (const p of model.projects.list) {
    let g = groups.get(p.measure);
    if (!g) groups.set(p.measure, (g = { title: p.measure, projects: [] }));
    g.projects.push(p);
  }
  const byStatus = Object.entries(model.projects.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${projectStatusLabel(s as ProjectSummary['status'], f.lang)} ${n}`)
    .join(', ');
  return [
    h1(f.t('projectList')),
    small(`${f.t('projectCount')}: ${model.projects.count}${byStatus ? ` (${byStatus})` : ''}`, { margin: [0, 0, 0, 4] }),
    ...[...groups.values()]
      .filter((g) => g.projects.length > 0)
      .flatMap((g): Content[] => [h3(`${g.title} (${g.projects.length})`), projectsTable(g.projects, f)]),
    ...(model.projects.list.length === 0 ? [para(f.t('noProjects'))] : []),
  ];
}
