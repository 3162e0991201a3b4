import type { AreaView, Fact, Figure, Labels, MeasureView, Row, TargetView } from '@ekoraportti/presentation';
import { MUTED, type Builders } from './_builders.ts';
import { CONTENT_WIDTH } from './_measure.ts';

/** A chart wider than this is drawn across the page, not beside its figures. */
const WIDE_CHART = 300;
import type { Content, TextNode } from './_types.ts';

/** A KPI: its name, its progress chart beside its figures (the KPI table's row as label / value pairs). */
function kpiBlock(row: Row, columns: readonly string[], chart: Figure, b: Builders): Content {
  const [name, ...figures] = row.cells;
  const facts = figures.map((value, i) => ({ label: columns[i + 1] ?? '', value }));
  const title: Content = {
    text: [{ text: b.text(name?.text ?? ''), bold: true }, ...(name?.note ? [{ text: `  ${name.note}`, color: MUTED }] : [])],
    fontSize: 8.5,
  };
  // A trend chart needs the page's width: the figures go beside each other above it.
  if (chart.width > WIDE_CHART) {
    return b.stack(
      [
        title,
        b.factRow(facts, 7),
        b.figure(chart, CONTENT_WIDTH),
      ],
      true,
    );
  }
  return b.stack(
    [
      title,
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

/** Funding facts side by side, six to a row (with EURA's figures they are eleven). */
function factRows(facts: readonly Fact[], b: Builders): Content[] {
  const rows: Content[] = [];
  for (let i = 0; i < facts.length; i += 6) rows.push(b.factRow(facts.slice(i, i + 6)));
  return rows;
}

function measureBlock(m: MeasureView, labels: Labels, b: Builders): Content[] {
  return [
    b.heading(m.heading),
    b.small(m.description, { margin: [0, 0, 0, 6] }),
    ...m.targets.flatMap((t) => targetBlock(t, labels, b)),
    b.heading(m.projects.heading),
    b.dataTable(m.projects.table, { widths: [40, '*', 90, 46, 82, 70], fontSize: 7 }),
    b.heading(m.funding.heading),
    ...factRows(m.funding.facts, b),
    ...(m.eura ? [b.heading(m.eura.heading), b.dataTable(m.eura.table, { widths: [40, '*', 60, 60, 60, 60, 56], fontSize: 7 })] : []),
    b.heading(m.dataAsOf.heading),
    b.dataTable(m.dataAsOf.table, { widths: [150, 80, '*'], fontSize: 7.5 }),
  ];
}

/** A priority area: its summary, projects and funding, then each measure entity with its targets, KPIs, assessments, projects and funding. */
export function area(v: AreaView, b: Builders, labels: Labels): Content[] {
  return [
    b.heading(v.heading),
    b.paragraph(v.summary, { fontSize: 9 }),
    b.small(v.projects),
    b.heading(v.funding.heading),
    ...factRows(v.funding.facts, b),
    ...v.measures.flatMap((m) => measureBlock(m, labels, b)),
  ];
}
