import { PROJECT_STATUSES, projectStatusLabel, type ProjectSummary, type ReportModel } from '@ekoraportti/core';
import { projectsHeading, projectsTable } from './_areas.ts';
import { cols, figure, heading, measureTitles, numCols, row, table, text, type Words } from './_parts.ts';
import type { ProjectsView, TableBlock } from './_view.ts';

/** Appendix: projects by status, then every project by measure entity in the agreement's order (then any of an unknown measure). */
export function projectsView(model: ReportModel, w: Words): ProjectsView {
  const titles = measureTitles(model);
  const groups = new Map<string, ProjectSummary[]>([...titles.keys()].map((id) => [id, []]));
  for (const p of model.projects.list) groups.set(p.measure, [...(groups.get(p.measure) ?? []), p]);
  const byMeasure: TableBlock[] = [...groups]
    .filter(([, projects]) => projects.length > 0)
    .map(([id, projects]) => {
      const title = `${id} ${titles.get(id) ?? ''}`.trim();
      return { heading: projectsHeading(3, title, projects.length, w), table: projectsTable(`${w.t('projects')}: ${id}`, projects, w, true) };
    });
  return {
    kind: 'projects',
    heading: heading(2, w.t('projectList'), 'projects', true),
    byStatus: {
      heading: heading(3, w.t('projectsByStatus')),
      table: table(
        w.t('projectsByStatus'),
        [...cols(w, 'status'), ...numCols(w, 'projectCount')],
        PROJECT_STATUSES.map((s) => row([text(projectStatusLabel(s, w.lang)), figure(w.quantity(model.projects.byStatus[s] ?? 0))])),
        { total: row([text(w.t('total')), figure(w.quantity(model.projects.count))]) },
      ),
    },
    groups: byMeasure,
    empty: model.projects.list.length === 0 ? w.t('noProjects') : null,
  };
}
