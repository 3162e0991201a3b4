import type { AreaView, Figure, Labels, MeasureView, Row, TargetView } from '@ekoraportti/presentation';
import { MUTED, type Builders } from './_builders.ts';
import type { Content, TextNode } from './_types.ts';

/** A KPI: its name, its progress chart beside its figures (the KPI table's row as label / value pairs). */
function kpiBlock(row: Row, columns: readonly string[], chart: Figure, b: Builders): Content {
  const [name, ...figures] = row.cells;
  const facts = figures.map((value, i) => ({ label: columns[i + 1] ?? '', value }));
  return b.stack(
    [
      {
        text: [{ text: b.text(name?.text ?? ''), bold: true }, ...(name?.note ? [{ text: `  ${name.note}`, color: MUTED }] : [])],
        fontSize: 8.5,
      },
      {
        columns: [
          { width: 240, stack: [b.figure(chart, 240)] },
          { width: '*', ...b.factTable(facts, { fontSize: 7.5, alignValues: 'left', layout: 'noBorders', widths: ['auto', '*'], margin: [0, 0, 0, 0] }) },
        ],
        columnGap: 10,
        margin: [0, 2, 0, 4],
      },
    ],
    true,
  );
}

function targetBlock(t: TargetView, labels: Labels, b: Builders): Content[] {
  const quote: TextNode[] =
    t.translation === null
      ? [b.quote(t.text, { margin: [10, 0, 10, 4] })]
      : [
          { text: `“${b.text(t.translation)}”`, italics: true, margin: [10, 0, 10, 2] },
          { text: [{ text: `${labels.originalText}: `, bold: true }, b.quote(t.text)], fontSize: 7.5, margin: [10, 0, 10, 4] },
        ];
  // The heading, the quote and the status with its reason stay together.
  const head = b.stack(
    [
      b.heading(t.heading, { keep: false }),
      ...quote,
      {
        columns: [
          { width: 'auto', stack: [b.inlineBadge(t.badge)] },
          { width: '*', text: [{ text: `${t.deadline}\n`, color: MUTED }, { text: `${labels.why}: `, bold: true }, b.text(t.why)], fontSize: 8, margin: [0, 1, 0, 0] },
        ],
        columnGap: 8,
        margin: [0, 0, 0, 4],
      },
    ],
    true,
  );
  const k = t.kpis;
  const kpis: Content[] = k
    ? [b.heading(k.heading), ...k.table.rows.map((r, i) => kpiBlock(r, k.table.columns.map((c) => c.label), k.charts[i] as Figure, b))]
    : [];
  const a = t.assessment;
  const latest: Content = a.latest
    ? {
        text: [
          { text: `${a.latest.badge.symbol} ${a.latest.badge.label}`, bold: true },
          { text: `  ${a.latest.date} · ${labels.assessedBy}: ${b.text(a.latest.assessedBy)}\n`, color: MUTED },
          { text: `${labels.evidence}: `, bold: true },
          b.text(a.latest.evidence),
        ],
        fontSize: 8,
        margin: [0, 0, 0, 4],
      }
    : b.paragraph(a.empty, { fontSize: 8, italics: true, margin: [0, 0, 0, 4] });
  const history: Content[] = a.history
    ? [b.small(a.history.caption, { bold: true }), b.dataTable(a.history, { widths: [50, 62, '*', 90], fontSize: 7 })]
    : [];
  return [head, ...kpis, b.heading(a.heading), latest, ...history];
}

function measureBlock(m: MeasureView, labels: Labels, b: Builders): Content[] {
  return [
    b.heading(m.heading),
    b.small(m.description, { margin: [0, 0, 0, 6] }),
    ...m.targets.flatMap((t) => targetBlock(t, labels, b)),
    b.heading(m.projects.heading),
    b.dataTable(m.projects.table, { widths: [40, '*', 90, 46, 82, 70], fontSize: 7 }),
    b.heading(m.funding.heading),
    b.factRow(m.funding.facts),
  ];
}

/** A priority area: its summary, projects and funding, then each measure entity with its targets, KPIs, assessments, projects and funding. */
export function area(v: AreaView, b: Builders, labels: Labels): Content[] {
  return [
    b.heading(v.heading),
    b.paragraph(v.summary, { fontSize: 9 }),
    b.small(v.projects),
    b.heading(v.funding.heading),
    b.factRow(v.funding.facts),
    ...v.measures.flatMap((m) => measureBlock(m, labels, b)),
  ];
}
