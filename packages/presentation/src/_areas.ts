import {
  freshnessPhrases,
  PROJECT_STATUSES,
  projectStatusLabel,
  type DataFile,
  type FundingTotals,
  type MeasureResult,
  type PriorityAreaResult,
  type ProjectSummary,
  type ReportModel,
} from '@ekoraportti/core';
import { anchor, col, cols, fact, figure, heading, numCol, numCols, provenanceView, row, table, text, type Words } from './_parts.ts';
import { euraFacts, euraProjectsTable } from './_eura.ts';
import { targetView } from './_target.ts';
import type { AreaView, Fact, Heading, MeasureView, Table, TableBlock } from './_view.ts';

/**
 * A measure's or area's funding: EU and state, local, their total and split, private, planned; and the
 * decided and realised money of its EURA projects, with the realisation rate, where it has any.
 */
export function fundingFacts(t: FundingTotals, w: Words): Fact[] {
  return [
    fact(w.t('euState'), w.euro(t.euState)),
    fact(w.t('local'), w.euro(t.local)),
    fact(w.t('total'), w.euro(t.total)),
    fact(w.t('euStateShare'), w.percent(t.euStateShare)),
    fact(w.t('private'), w.euro(t.private)),
    fact(w.t('planned'), w.euro(t.planned)),
    ...(t.eura && t.eura.projects > 0 ? euraFacts(t.eura, w) : []),
  ];
}

/** "Hankkeita: 18 (suunniteltu 3, käynnissä 8, päättynyt 6, peruttu 1)": every status, none left out for being zero. */
export function projectCountLine(count: number, byStatus: Record<string, number>, w: Words): string {
  const parts = PROJECT_STATUSES.map((s) => `${projectStatusLabel(s, w.lang)} ${w.quantity(byStatus[s] ?? 0)}`);
  return `${w.t('projectCount')}: ${w.quantity(count)} (${parts.join(', ')})`;
}

/** Projects as a table: code, name, lead organisation, status, period, funding; with their source rows when `provenance`. */
export function projectsTable(caption: string, projects: readonly ProjectSummary[], w: Words, provenance: boolean): Table {
  return table(
    caption,
    [...cols(w, 'projectId', 'projectName', 'owner', 'status', 'period'), ...numCols(w, 'funding')],
    projects.map((p) =>
      row(
        [
          text(p.id),
          text(p.name),
          text(w.organisation(p.owner)),
          text(projectStatusLabel(p.status, w.lang)),
          figure(`${w.date(p.startDate)}–${w.date(p.endDate)}`),
          figure(w.euro(p.funding)),
        ],
        provenanceView(p.provenance, w.lang),
      ),
    ),
    { provenance, empty: w.t('noProjects') },
  );
}

/** "Hankkeet (6)": a heading that says how many. */
export function projectsHeading(level: Heading['level'], title: string, count: number, w: Words): Heading {
  return heading(level, `${title} (${w.quantity(count)})`);
}

function measureView(m: PriorityAreaResult['measures'][number], model: ReportModel, byId: Map<string, ProjectSummary>, w: Words): MeasureView {
  const projects = m.projects.ids.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  return {
    heading: heading(3, `${m.id} ${m.title}`, anchor('m', m.id), true),
    description: m.description,
    targets: m.targets.flatMap((id) => {
      const t = model.targets[id];
      return t ? [targetView(id, t, model, w)] : [];
    }),
    projects: {
      heading: projectsHeading(4, w.t('projects'), m.projects.count, w),
      table: projectsTable(`${w.t('projects')}: ${m.id}`, projects, w, false),
    },
    funding: { heading: heading(4, w.t('measureFunding')), facts: fundingFacts(m.funding, w) },
    eura: euraBlock(m, projects, w),
    dataAsOf: dataAsOfBlock(m, model, w),
  };
}

/** A measure's EURA projects, decided and realised, under a heading; null when it has none. */
function euraBlock(m: MeasureResult, projects: readonly ProjectSummary[], w: Words): TableBlock | null {
  const t = euraProjectsTable(`${w.t('euraProjects')}: ${m.id}`, projects, m.funding.eura, w);
  return t === null ? null : { heading: heading(4, w.t('euraProjects')), table: t };
}

/**
 * The newest data date of each file that feeds a measure, each marked as from this quarter or not,
 * so a coordinator sees at a glance what was not updated.
 */
function dataAsOfBlock(m: MeasureResult, model: ReportModel, w: Words): TableBlock {
  const f = freshnessPhrases(w.lang);
  const start = model.freshness.quarterStart;
  const d = m.dataAsOf;
  const newest = (file: DataFile, shown: string | null, when: string) => row([text(f.dataFile[file]), figure(shown ?? f.noData), text(when)]);
  const dated = (file: DataFile, date: string | null) =>
    newest(file, date === null ? null : w.date(date), date === null ? '–' : date >= start ? f.thisQuarter : f.notThisQuarter);
  // A budget year cannot tell in which quarter its rows arrived: it is the current year or an earlier one.
  const year = d.funding;
  const budgetYear = year === null ? '–' : year >= Number(model.asOf.slice(0, 4)) ? f.currentBudgetYear : f.earlierBudgetYear;
  return {
    heading: heading(4, f.dataAsOfHeading),
    table: table(f.dataAsOfCaption(m.id), [col(f.dataColumn), numCol(f.newestData), col(f.quarterColumn)], [
      dated('projects', d.projects),
      newest('funding', year === null ? null : String(year), budgetYear),
      dated('indicators', d.indicators),
      dated('assessments', d.assessments),
    ]),
  };
}

/** One view per priority area: its measure entities with their targets, KPIs, assessments, projects and funding. */
export function areaViews(model: ReportModel, w: Words): AreaView[] {
  const byId = new Map(model.projects.list.map((p) => [p.id, p]));
  return model.priorityAreas.map((area) => ({
    kind: 'areas',
    heading: heading(2, `${w.t('priorityArea')} ${area.id}: ${area.title}`, anchor('area', area.id), true),
    summary: area.summary,
    projects: projectCountLine(area.projects.count, area.projects.byStatus, w),
    funding: { heading: heading(3, w.t('areaFunding')), facts: fundingFacts(area.funding, w) },
    measures: area.measures.map((m) => measureView(m, model, byId, w)),
  }));
}
