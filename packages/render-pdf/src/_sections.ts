import type {
  DataQualityView,
  DeltaView,
  FundingView,
  ListBlock,
  ProjectsView,
  RevisionView,
  SummaryView,
} from '@ekoraportti/presentation';
import type { Builders } from './_builders.ts';
import type { Content } from './_types.ts';

/** The one page a steering group reads first: every target's status and why, the key figures beside the status counts. */
export function summary(v: SummaryView, b: Builders): Content[] {
  return [
    b.heading(v.heading),
    b.small(v.intro),
    ...(v.freshness === null ? [] : [b.paragraph(v.freshness, { fontSize: 8.5, bold: true, margin: [0, 0, 0, 4] })]),
    b.dataTable(v.targets, { widths: [48, 100, 82, '*'], fontSize: 7.5, boldFirst: true }),
    {
      columns: [
        { width: '*', stack: [b.heading(v.figures.heading, { keep: false }), b.factTable(v.figures.facts, { margin: [0, 0, 0, 0] })] },
        { width: 150, stack: [b.heading(v.statusCounts.heading, { keep: false }), b.badgeCounts(v.statusCounts.items)] },
      ],
      columnGap: 18,
    },
    b.small(v.note, { margin: [0, 6, 0, 0] }),
  ];
}

function list(l: ListBlock, b: Builders): Content[] {
  return [b.heading(l.heading), l.items.length > 0 ? b.list(l.items) : b.paragraph(l.empty, { fontSize: 8.5 })];
}

/** What the 2025 revision changed: targets side by side, themes, partners, the R&D baseline, KPIs. */
export function revision(v: RevisionView, b: Builders): Content[] {
  return [
    b.heading(v.heading),
    b.paragraph(v.intro, { fontSize: 9 }),
    // Roboto has no → glyph.
    b.paragraph(`${v.versions.label}: ${v.versions.before} – ${v.versions.after}`, { fontSize: 9 }),
    b.heading(v.changedTargets.heading),
    b.dataTable(v.changedTargets.table, { widths: [44, '*', '*'], fontSize: 7.5, boldFirst: true }),
    b.heading(v.unchangedTargets.heading),
    b.small(v.unchangedTargets.text, { margin: [0, 0, 0, 6] }),
    b.heading(v.addedThemes.heading),
    b.dataTable(v.addedThemes.table, { widths: [150, '*'], boldFirst: true }),
    b.heading(v.removedThemes.heading),
    b.dataTable(v.removedThemes.table, { widths: [150, '*'], boldFirst: true }),
    b.heading(v.renamedPartners.heading),
    b.dataTable(v.renamedPartners.table, { widths: ['*', '*'] }),
    b.heading(v.rdBaseline.heading),
    b.dataTable(v.rdBaseline.table, { widths: [120, 120, '*'], fontSize: 11 }),
    ...list(v.addedKpis, b),
    ...list(v.removedKpis, b),
  ];
}

/** Change since the previous report: target statuses, KPI values, funding figures. */
export function delta(v: DeltaView, b: Builders): Content[] {
  if (v.note !== null) return [b.heading(v.heading), b.paragraph(v.note, { fontSize: 9 })];
  return [
    b.heading(v.heading),
    ...(v.previousAsOf ? [b.paragraph(`${v.previousAsOf.label}: ${v.previousAsOf.value.text}`, { fontSize: 9 })] : []),
    b.heading(v.targets.heading),
    b.dataTable(v.targets.table, { widths: [56, 80, 80, '*'], fontSize: 7.5, boldFirst: true }),
    b.heading(v.kpis.heading),
    b.dataTable(v.kpis.table, { widths: ['*', 80, 80, 64], fontSize: 7.5 }),
    b.heading(v.funding.heading),
    b.dataTable(v.funding.table, { widths: ['*', 88, 88, 80], fontSize: 7.5 }),
  ];
}

/** Funding by source, by year and by measure entity, and the 40/60 split against the indicative share. */
export function funding(v: FundingView, b: Builders): Content[] {
  return [
    b.heading(v.heading),
    b.paragraph(v.note, { fontSize: 9 }),
    b.factTable(v.figures),
    b.heading(v.bySource.heading),
    b.dataTable(v.bySource.table, { widths: ['*', 90, 48, 90] }),
    ...(v.bySource.chart ? [b.figure(v.bySource.chart)] : []),
    b.heading(v.byYear.heading),
    b.dataTable(v.byYear.table, { widths: [40, '*', '*', '*', '*'] }),
    ...(v.byYear.note === null ? [] : [b.small(v.byYear.note, { margin: [0, 0, 0, 6] })]),
    ...(v.byYear.chart ? [b.figure(v.byYear.chart)] : []),
    b.heading(v.byMeasure.heading),
    b.dataTable(v.byMeasure.table, { widths: ['*', 62, 62, 62, 36, 56, 56], fontSize: 7 }),
    b.heading(v.split.heading),
    b.figure(v.split.chart),
    b.factTable(v.split.facts, { fontSize: 9, layout: 'lightHorizontalLines', margin: [0, 4, 0, 6] }),
    b.small(v.split.rule),
    ...(v.eura
      ? [
          b.heading(v.eura.heading),
          b.small(v.eura.note, { margin: [0, 0, 0, 4] }),
          b.factTable(v.eura.facts),
          b.heading(v.eura.byMeasure.heading),
          b.dataTable(v.eura.byMeasure.table, { widths: ['*', 34, 60, 60, 60, 60, 56], fontSize: 7 }),
        ]
      : []),
  ];
}

/** Appendix: projects by status, then every project by measure entity. */
export function projects(v: ProjectsView, b: Builders): Content[] {
  return [
    b.heading(v.heading),
    b.heading(v.byStatus.heading),
    b.dataTable(v.byStatus.table, { widths: [150, 70] }),
    ...v.groups.flatMap((g) => [b.heading(g.heading), b.dataTable(g.table, { widths: [40, '*', 90, 46, 82, 70], fontSize: 7 })]),
    ...(v.empty === null ? [] : [b.paragraph(v.empty)]),
  ];
}

/** Appendix: rows read, used and rejected per file; the rejected rows shown; the warnings. */
export function dataQuality(v: DataQualityView, b: Builders): Content[] {
  const problems = { widths: [74, 30, 60, '*', 110], fontSize: 7 };
  return [
    b.heading(v.heading),
    b.paragraph(v.intro, { fontSize: 9 }),
    b.heading(v.inputs.heading),
    b.dataTable(v.inputs.table, { widths: ['*', ...v.inputs.table.columns.slice(1).map(() => 48)] }),
    ...(v.inputs.note === null ? [] : [b.small(v.inputs.note, { margin: [0, 0, 0, 6] })]),
    b.heading(v.rejected.heading),
    ...(v.rejected.note === null ? [] : [b.paragraph(v.rejected.note, { fontSize: 8.5 })]),
    b.dataTable(v.rejected.table, problems),
    b.heading(v.warnings.heading),
    ...(v.warnings.note === null ? [] : [b.paragraph(v.warnings.note, { fontSize: 8.5 })]),
    b.dataTable(v.warnings.table, problems),
  ];
}
