import type { ReportModel } from '@ekoraportti/core';
import { agreementVersionText } from '@ekoraportti/presentation';
import { areas, projectList } from './_areas.ts';
import { dataQuality, delta, revision } from './_appendix.ts';
import { makeFmt, type Fmt } from './_blocks.ts';
import { funding } from './_funding.ts';
import { cover, summary } from './_summary.ts';
import type { Content, NodeInfo, PageBreakHelpers, TDocumentDefinitions, TextNode } from './_types.ts';

/** Fixed so the same model gives the same bytes; no version number that would change them between builds. */
export const PDF_CREATOR = 'ekoraportti';
export const PDF_PRODUCER = 'ekoraportti (pdfmake, pdfkit)';

const SECTIONS: Readonly<Record<string, (model: ReportModel, f: Fmt) => Content[]>> = {
  summary,
  revision,
  delta,
  areas,
  funding,
  projects: projectList,
  dataQuality,
};

/** The as-of date at 12:00 UTC: a creation date that is the same on every run and in every time zone. */
function asOfInstant(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`);
}

/**
 * A heading is never the last thing on its page: it moves to the next page when nothing but
 * headings follows it on its page, or when it starts in the bottom tenth of the page.
 */
export function keepHeadingWithNext(node: NodeInfo, helpers: PageBreakHelpers): boolean {
  if (node.headlineLevel === undefined) return false;
  const page = node.startPosition.pageNumber;
  if (node.startPosition.verticalRatio > 0.9) {
    return helpers.getPreviousNodesOnPage().some((n) => n.headlineLevel === undefined && !n.stack);
  }
  const following = helpers.getFollowingNodesOnPage();
  const content = following.some((n) => n.headlineLevel === undefined && !n.stack && n.pageNumbers[0] === page);
  if (content) return false;
  // Only headings follow here: break, unless the heading already leads its page (it would not help).
  return helpers.getPreviousNodesOnPage().some((n) => n.headlineLevel === undefined && !n.stack);
}

/** Above this many rows a table is allowed to start right under its heading and break across pages. */
const MAX_KEPT_TABLE_ROWS = 25;

type Node = Exclude<Content, string | Content[]>;

function isObject(c: Content): c is Node {
  return typeof c === 'object' && !Array.isArray(c);
}

/** A heading that can end up last on a page: h2–h4 (an h1 always starts a page). */
function isKeptHeading(c: Content): boolean {
  return isObject(c) && 'headlineLevel' in c && c.headlineLevel !== undefined && !('pageBreak' in c && c.pageBreak === 'before');
}

function fitsWithHeading(c: Content): boolean {
  if (!isObject(c)) return true;
  if ('table' in c) return c.table.body.length <= MAX_KEPT_TABLE_ROWS;
  return true;
}

/**
 * A heading is never the last thing on its page. Each heading (with any headings right after it)
 * goes into one unbreakable block with the block that follows it: that costs nothing extra, where
 * pdfmake's `pageBreakBefore` lays the whole document out again for every heading it moves
 * (docs/performance.md). Only a heading before a long table, which must be free to break across
 * pages, is left to `keepHeadingWithNext`.
 */
export function keepHeadingsWithNext(content: readonly Content[]): Content[] {
  const flat = (content as Content[]).flat(Infinity as 1) as Content[];
  const out: Content[] = [];
  for (let i = 0; i < flat.length; ) {
    if (!isKeptHeading(flat[i] as Content)) {
      out.push(flat[i] as Content);
      i++;
      continue;
    }
    let j = i;
    while (j < flat.length && isKeptHeading(flat[j] as Content)) j++;
    if (j < flat.length && fitsWithHeading(flat[j] as Content)) {
      // Inside the block the headings need no page-break check of their own: a break forced inside
      // an unbreakable block would leave an empty page behind.
      const headings = flat.slice(i, j).map((h) => {
        const { headlineLevel: _, ...rest } = h as TextNode;
        return rest;
      });
      out.push({ stack: [...headings, flat[j] as Content], unbreakable: true });
      i = j + 1;
    } else {
      out.push(...flat.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** The pdfmake document definition of the report: pure, no I/O. */
export function buildPdfDoc(model: ReportModel): TDocumentDefinitions {
  const f = makeFmt(model.lang);
  const example = model.report.exampleData;
  const when = asOfInstant(model.asOf);

  const content: Content[] = [...cover(model, f)];
  for (const name of model.report.sections) {
    const section = SECTIONS[name];
    if (!section) continue; // unknown section names are another renderer's business
    content.push(...section(model, f));
  }

  const runningHead = [model.report.type, `${f.t('asOf')} ${f.date(model.asOf)}`, ...(example ? [f.t('exampleData')] : [])];
  return {
    version: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    language: model.lang === 'fi' ? 'fi-FI' : 'en-GB',
    displayTitle: true,
    compress: true,
    pageSize: 'A4',
    pageMargins: [50, 56, 50, 50],
    info: {
      title: `${model.agreement.title} – ${model.report.type} ${f.date(model.asOf)}`,
      author: f.t('city'),
      subject: `${model.report.type}: ${f.t('agreementTitle')}, ${f.t('agreementVersion').toLowerCase()} ${agreementVersionText(model.agreement.version, model.lang)}, ${f.t('asOf').toLowerCase()} ${f.date(model.asOf)}`,
      keywords: [
        f.t('agreementTitle'),
        model.report.type,
        model.agreement.city,
        'TEM',
        `${f.t('agreementVersion')} ${model.agreement.version}`,
        ...(example ? [f.t('exampleData')] : []),
      ].join(', '),
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
              { width: '*', text: runningHead.join(' · '), fontSize: 7.5, color: '#555555' },
              ...(example
                ? [{ width: 'auto', text: f.t('exampleData').toUpperCase(), fontSize: 7.5, bold: true, color: '#8a6d00' }]
                : []),
            ],
            margin: [50, 24, 50, 0],
          },
    footer: (page, pages) => ({
      columns: [
        { width: '*', text: f.t('city'), fontSize: 7.5, color: '#555555' },
        { width: 'auto', text: `${f.t('page')} ${page} / ${pages}`, fontSize: 8 },
      ],
      margin: [50, 16, 50, 0],
    }),
    pageBreakBefore: keepHeadingWithNext,
    content: keepHeadingsWithNext(content),
    styles: {
      h1: { fontSize: 17, bold: true, color: '#1d4f7c', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, color: '#1d4f7c', margin: [0, 10, 0, 5] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      h4: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true, fontSize: 7.5 },
      small: { fontSize: 7.5, color: '#444444', margin: [0, 0, 0, 4] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
  };
}
