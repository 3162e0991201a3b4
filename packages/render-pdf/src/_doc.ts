import type { ReportModel, Section } from '@ekoraportti/core';
import { buildReportView, type Labels, type ReportView, type SectionView, type SectionViewOf } from '@ekoraportti/presentation';
import { MUTED, pdfBuilders, type Builders } from './_builders.ts';
import { area } from './_areas.ts';
import { cover } from './_cover.ts';
import { isKeptHeading, keepHeadingsWithNext, keepHeadingWithNext } from './_keep.ts';
import { dataQuality, delta, funding, projects, revision, summary } from './_sections.ts';
import type { Content, TDocumentDefinitions } from './_types.ts';

/** Fixed so the same model gives the same bytes; no version number that would change them between builds. */
export const PDF_CREATOR = 'ekoraportti';
export const PDF_PRODUCER = 'ekoraportti (pdfmake, pdfkit)';

/** The as-of date at 12:00 UTC: a creation date that is the same on every run and in every time zone. */
function asOfInstant(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`);
}

type Layout<S extends SectionView> = (s: S, b: Builders, labels: Labels) => Content[];

/** Each section's layout. A record over every section kind: a new kind does not compile until it has one. */
const LAYOUTS: { readonly [K in Section]: Layout<SectionViewOf<K>> } = {
  summary,
  revision,
  delta,
  areas: area,
  funding,
  projects,
  dataQuality,
};

function section(s: SectionView, b: Builders, labels: Labels): Content[] {
  // TypeScript cannot tie the record's key to its value's parameter type; `LAYOUTS` is checked above.
  return (LAYOUTS[s.kind] as Layout<SectionView>)(s, b, labels);
}

/** The pdfmake document definition of the report: the report view laid out. Pure, no I/O. */
export function buildPdfDoc(model: ReportModel): TDocumentDefinitions {
  return buildPdfDocFromView(buildReportView(model), model.asOf);
}

/** The pdfmake document definition of a report view; `asOf` (ISO) dates the document. */
export function buildPdfDocFromView(view: ReportView, asOf: string): TDocumentDefinitions {
  const b = pdfBuilders(view.labels, view.lang);
  const content = [...cover(view, b), ...view.sections.flatMap((s) => section(s, b, view.labels))];
  const kept = keepHeadingsWithNext(content);
  const when = asOfInstant(asOf);
  const small = { fontSize: 7.5, color: MUTED };
  return {
    version: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    language: view.lang === 'fi' ? 'fi-FI' : 'en-GB',
    displayTitle: true,
    compress: true,
    pageSize: 'A4',
    pageMargins: [50, 56, 50, 50],
    info: {
      title: view.title,
      author: view.meta.author,
      subject: view.meta.subject,
      keywords: view.meta.keywords.join(', '),
      creator: PDF_CREATOR,
      producer: PDF_PRODUCER,
      creationDate: when,
      modDate: when,
    },
    header: (page) =>
      page === 1
        ? ''
        : {
            columns: [
              { width: '*', text: view.runningHead, ...small },
              ...(view.exampleData
                ? [{ width: 'auto', text: view.exampleData.label.toUpperCase(), fontSize: 7.5, bold: true, color: '#8a6d00' }]
                : []),
            ],
            margin: [50, 24, 50, 0],
          },
    footer: (page, pages) => ({
      columns: [
        { width: '*', text: view.meta.author, ...small },
        { width: 'auto', text: `${view.labels.page} ${page} / ${pages}`, fontSize: 8 },
      ],
      margin: [50, 16, 50, 0],
    }),
    // Only a heading `keepHeadingsWithNext` could not keep with what follows is left to
    // `pageBreakBefore`; without one pdfmake skips that pass over every laid-out node.
    ...(kept.some(isKeptHeading) ? { pageBreakBefore: keepHeadingWithNext } : {}),
    content: kept,
    styles: {},
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
  };
}
