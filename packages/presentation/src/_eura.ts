import { projectStatusLabel, sheetSourceKey, type EuraFunding, type EuraTotals, type ProjectSummary, type ReportModel } from '@ekoraportti/core';
import { cols, fact, figure, heading, measureTitles, numCols, provenanceView, row, table, text, type Words } from './_parts.ts';
import type { Cell, Fact, FundingView, Row, Table } from './_view.ts';

/**
 * The EURA 2021 export's money as the reports show it: decided (`Suunniteltu …`) and realised
 * (`Toteutunut …`) EU and state money and totals, and the realisation rate (realised ÷ decided), per
 * project, per measure entity, per priority area and for the whole agreement.
 */

/** Decided and realised money and the realisation rate, as facts (a measure's, an area's, the whole's). */
export function euraFacts(e: EuraFunding, w: Words): Fact[] {
  return [
    fact(w.t('decidedEuState'), w.euro(e.decided.euState)),
    fact(w.t('realisedEuState'), w.euro(e.realised.euState)),
    fact(w.t('decidedTotal'), w.euro(e.decided.total)),
    fact(w.t('realisedTotal'), w.euro(e.realised.total)),
    fact(w.t('realisationRate'), w.percent(e.realisationRate)),
  ];
}

const euraCells = (e: EuraFunding, w: Words): Cell[] => euraFacts(e, w).map((f) => f.value);
const euraColumns = (w: Words) => numCols(w, 'decidedEuState', 'realisedEuState', 'decidedTotal', 'realisedTotal', 'realisationRate');

/** Projects in code order, the sub-projects of a group together where the group's first one stands. */
function byGroup(projects: readonly ProjectSummary[]): { group: string | null; projects: ProjectSummary[] }[] {
  const out: { group: string | null; projects: ProjectSummary[] }[] = [];
  const groups = new Map<string, ProjectSummary[]>();
  for (const p of [...projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const g = p.eura?.groupCode ?? null;
    if (g === null) out.push({ group: null, projects: [p] });
    else if (groups.has(g)) groups.get(g)?.push(p);
    else {
      const members = [p];
      groups.set(g, members);
      out.push({ group: g, projects: members });
    }
  }
  return out;
}

/**
 * Each EURA project of `projects` with its decided and realised money and realisation rate, the
 * sub-projects of a group project under a row naming their group, and `total` (the ongoing and
 * completed ones') under them. Null when none of the projects is in the export.
 */
export function euraProjectsTable(caption: string, projects: readonly ProjectSummary[], total: EuraFunding | null, w: Words): Table | null {
  const listed = projects.filter((p) => p.eura !== null);
  if (listed.length === 0 || total === null) return null;
  const rows: Row[] = [];
  for (const { group, projects: members } of byGroup(listed)) {
    if (group !== null) rows.push(row([text(group), text(`${w.t('groupProject')}: ${w.t('subProjects')} ${members.map((p) => p.id).join(', ')}`), ...euraColumns(w).map(() => text(''))]));
    for (const p of members) {
      const e = p.eura as NonNullable<ProjectSummary['eura']>;
      // Planned and cancelled projects are not in the total: their status says why.
      const status = p.status === 'planned' || p.status === 'cancelled' ? projectStatusLabel(p.status, w.lang) : null;
      rows.push(
        row(
          [text(p.id, { note: group === null ? null : `${w.t('groupProject')} ${group}` }), text(p.name, { note: status }), ...euraCells(e, w)],
          provenanceView({ [sheetSourceKey(e.source.file, e.source.sheet)]: String(e.source.row) }, w.lang),
        ),
      );
    }
  }
  return table(caption, [...cols(w, 'projectId', 'projectName'), ...euraColumns(w)], rows, {
    total: row([text(w.t('total')), text(''), ...euraCells(total, w)]),
    provenance: true,
  });
}

/** The funding section's EURA part: where the money comes from, the whole's figures, and each measure entity's. */
export function euraFundingBlock(model: ReportModel, w: Words): FundingView['eura'] {
  const e = model.funding.eura;
  if (e === null) return null;
  const titles = measureTitles(model);
  const measures = Object.entries(model.funding.byMeasure).filter(([, t]) => (t.eura?.projects ?? 0) > 0);
  return {
    heading: heading(3, w.t('euraFunding')),
    note: `${w.t('euraFundingNote')} ${sheetSourceKey(e.file, e.sheet)}.`,
    facts: euraFacts(e, w),
    byMeasure: {
      heading: heading(4, w.t('euraByMeasure')),
      table: table(
        w.t('euraByMeasure'),
        [...cols(w, 'measureColumn'), ...numCols(w, 'projectCount'), ...euraColumns(w)],
        measures.map(([id, t]) => {
          const m = t.eura as EuraTotals;
          return row([text(`${id} ${titles.get(id) ?? ''}`.trim()), figure(w.quantity(m.projects)), ...euraCells(m, w)], provenanceView(m.provenance, w.lang));
        }),
        { total: row([text(w.t('total')), figure(w.quantity(e.projects)), ...euraCells(e, w)]), provenance: true },
      ),
    },
  };
}
