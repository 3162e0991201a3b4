import { fileURLToPath } from 'node:url';
import {
  AGREEMENT_VERSIONS,
  computeReport,
  diffAgreements,
  getAgreement,
  KpiTally,
  SECTIONS,
  targetDeadlines,
  type AgreementVersion,
  type Language,
  type ReportModel,
  type ReportRequest,
} from '@ekoraportti/core';
import { readDataFolder } from '@ekoraportti/ingest';
import { flatten } from './_pdf.ts';

// The example data as the pipelines read it, and the HTML's text as a reader sees it: for the tests that
// compare what the PDF and the HTML of one report say.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x3D': '=', '#x60': '`' };
/** The text a reader of the HTML sees (and a screen reader hears), flattened like the PDF's. */
export function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return flatten(body.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#x27|#x3D|#x60);/g, (_, e: string) => ENTITIES[e] ?? ''));
}

const EXAMPLE = fileURLToPath(new URL('../../../seeds/example/', import.meta.url));

/** The example data as a pipeline reads it: agreement version, as-of date, language, an optional previous report. */
export async function exampleReport(
  version: AgreementVersion,
  asOf: string,
  lang: Language,
  previous: ReportModel | null = null,
  request: Partial<ReportRequest> = {},
): Promise<ReportModel> {
  const agreement = getAgreement(version);
  const kpiTally = new KpiTally(agreement.kpis, asOf, targetDeadlines(agreement));
  const knownKpis = new Set(AGREEMENT_VERSIONS.flatMap((v) => getAgreement(v).kpis.map((k) => k.id)));
  const read = await readDataFolder(EXAMPLE, { agreement, asOf, lang, kpiTally, knownKpis });
  return computeReport({
    agreement,
    asOf,
    lang,
    request: { pipeline: 'example', type: { fi: 'Esimerkki', en: 'Example' }, exampleData: true, sections: SECTIONS, ...request },
    ...read,
    kpiTally,
    previous,
    revision: diffAgreements(getAgreement('2021'), getAgreement('2025'), lang),
  });
}
