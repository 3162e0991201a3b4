import { agreementVersionText, freshnessPhrases, getAgreement, type ReportModel, type Section } from '@ekoraportti/core';
import { areaViews } from './_areas.ts';
import { dataQualityView } from './_data-quality.ts';
import { deltaView } from './_delta.ts';
import { fundingView } from './_funding.ts';
import { fact, heading, text, wordsFor, type Words } from './_parts.ts';
import { projectsView } from './_projects.ts';
import { revisionView } from './_revision.ts';
import { summaryView } from './_summary.ts';
import type { ReportView, SectionView, TocEntry } from './_view.ts';

/**
 * The views of one section the pipeline asked for. Exhaustive: a section added to core's list does
 * not compile until it has a view here (and a layout in each renderer).
 */
function sectionViews(section: Section, model: ReportModel, w: Words): SectionView[] {
  switch (section) {
    case 'summary':
      return [summaryView(model, w)];
    case 'revision': {
      const r = revisionView(model, w);
      return r ? [r] : [];
    }
    case 'delta':
      return [deltaView(model, w)];
    case 'areas':
      return areaViews(model, w);
    case 'funding':
      return [fundingView(model, w)];
    case 'projects':
      return [projectsView(model, w)];
    case 'dataQuality':
      return [dataQualityView(model, w)];
    default:
      return unknownSection(section);
  }
}

function unknownSection(section: never): never {
  throw new Error(`no view for the report section "${String(section)}"`);
}

/** Sections, and the measure entities of each priority area, as the table of contents lists them. */
function toc(sections: readonly SectionView[]): TocEntry[] {
  return sections.map((s) => ({
    id: s.heading.id,
    label: s.heading.text,
    children: s.kind === 'areas' ? s.measures.map((m) => ({ id: m.heading.id, label: m.heading.text })) : [],
  }));
}

/** What the first page must say before any figure is trusted. */
function coverAlerts(model: ReportModel, w: Words): string[] {
  const f = model.freshness;
  const phrases = freshnessPhrases(w.lang);
  // Rows a runaway quote swallowed are missing from every figure: the reader must know before reading on.
  const lost = model.dataAlerts.map((a) =>
    phrases.rowsNotRead(a.file, w.quantity(a.count), a.lines.map((l) => `${l.from}–${l.to}`).join(', ')),
  );
  const notUpdated =
    model.report.quarterly && !f.updatedThisQuarter
      ? [freshnessPhrases(w.lang).notUpdated(w.date(f.quarterStart), f.newestEvidence === null ? null : w.date(f.newestEvidence))]
      : [];
  return [...lost, ...notUpdated];
}

/**
 * The report view of a model: every section the pipeline asked for, in its order, with every word
 * and figure both renderers show. Pure: the same model gives the same view, chart SVGs included.
 */
export function buildReportView(model: ReportModel): ReportView {
  const agreement = getAgreement(model.agreement.version);
  const w = wordsFor(model.lang, [...agreement.parties, ...agreement.partners, ...agreement.bodies]);
  const asOf = w.date(model.asOf);
  const version = agreementVersionText(model.agreement.version, w.lang);
  const example = model.report.exampleData ? { label: w.t('exampleData'), note: w.t('exampleDataNote') } : null;
  const sections = model.report.sections.flatMap((s) => sectionViews(s, model, w));
  return {
    lang: model.lang,
    title: `${model.report.type} – ${model.agreement.title} – ${model.agreement.city} – ${asOf}`,
    meta: {
      author: w.t('city'),
      subject: `${model.report.type}: ${w.t('agreementTitle')}, ${w.t('agreementVersion').toLowerCase()} ${version}, ${w.t('asOf').toLowerCase()} ${asOf}`,
      keywords: [
        w.t('agreementTitle'),
        model.report.type,
        model.agreement.city,
        'TEM',
        `${w.t('agreementVersion')} ${model.agreement.version}`,
        ...(example ? [example.label] : []),
      ],
    },
    runningHead: [model.report.type, `${w.t('asOf')} ${asOf}`, ...(example ? [example.label] : [])].join(' · '),
    exampleData: example,
    cover: {
      title: heading(1, model.report.type),
      issuer: w.t('city'),
      agreementTitle: model.agreement.title,
      city: model.agreement.city,
      facts: [
        fact(w.t('asOf'), asOf),
        fact(w.t('agreementVersion'), text(version)),
        fact(w.t('periodEnd'), w.date(model.agreement.periodEnd)),
      ],
      parties: [
        fact(w.t('parties'), text(model.agreement.parties.join(', '))),
        fact(w.t('partners'), text(model.agreement.partners.join(', '))),
      ],
      measuredAgainst: `${w.t('measuredAgainst')} ${version}.`,
      generatedBy: w.t('generatedBy'),
      alerts: coverAlerts(model, w),
    },
    toc: toc(sections),
    sections,
    labels: {
      skipToContent: w.t('skipToContent'),
      contents: w.t('contents'),
      page: w.t('page'),
      why: w.t('why'),
      originalText: w.t('originalText'),
      assessedBy: w.t('assessedBy'),
      evidence: w.t('evidence'),
      provenance: w.t('provenance'),
      statusCounts: w.t('statusCounts'),
      cut: w.t('cutNote'),
    },
  };
}
