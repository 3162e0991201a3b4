import type { ReportView } from '@ekoraportti/presentation';
import type { Builders } from './_builders.ts';
import type { Content } from './_types.ts';

/** The cover: the example-data banner, who and what, as of when, against which agreement version; the contents. */
export function cover(view: ReportView, b: Builders): Content[] {
  const c = view.cover;
  const banner: Content[] = view.exampleData
    ? [
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [
                    { text: view.exampleData.label.toUpperCase(), fontSize: 20, bold: true, alignment: 'center', characterSpacing: 1 },
                    { text: view.exampleData.note, fontSize: 10, alignment: 'center', margin: [0, 4, 0, 0] },
                  ],
                  fillColor: '#fff3cd',
                  margin: [8, 8, 8, 8],
                },
              ],
            ],
          },
          layout: { hLineWidth: () => 2, vLineWidth: () => 2, hLineColor: () => '#8a6d00', vLineColor: () => '#8a6d00' },
          margin: [0, 0, 0, 24],
          // A frame around the banner's two lines: a layout table, its text paragraphs.
          role: 'Div',
        },
      ]
    : [];
  // What the reader must know before trusting any figure: a red-ruled box on the first page.
  const alerts: Content[] = c.alerts.map((a) => ({
    table: { widths: ['*'], body: [[{ text: b.text(a), bold: true, color: '#5c1010', fillColor: '#fbe3e3', margin: [6, 4, 6, 4] }]] },
    layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => '#8b1a1a' },
    margin: [0, 0, 0, 12],
  }));
  return [
    ...banner,
    ...alerts,
    { text: c.issuer, fontSize: 12, color: '#555555', margin: [0, 0, 0, 4] },
    { text: c.agreementTitle, fontSize: 22, bold: true, color: '#1d4f7c', margin: [0, 0, 0, 10] },
    b.heading(c.title),
    b.factTable([...c.facts, ...c.parties], {
      fontSize: 11,
      alignValues: 'left',
      layout: 'noBorders',
      widths: ['auto', '*'],
      boldLabels: true,
      margin: [0, 0, 0, 10],
    }),
    b.paragraph(c.measuredAgainst, { fontSize: 11 }),
    b.small(c.generatedBy, { margin: [0, 0, 0, 24] }),
    { toc: { title: { text: view.labels.contents, role: 'H2', fontSize: 13, bold: true, color: '#1d4f7c', margin: [0, 10, 0, 5] }, textStyle: { fontSize: 10 }, numberStyle: { fontSize: 10 } } },
  ];
}
