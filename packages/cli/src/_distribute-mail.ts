/**
 * The message the steering group receives: subject and plain-text body in the report's
 * language. Pure: the report's facts in, text out.
 */
import type { Language, TargetStatus } from '@ekoraportti/core';
import { formatDate, formatNumber, MAIL_PHRASES, statusLabel, TARGET_STATUSES } from '@ekoraportti/core';

export interface MailFacts {
  lang: Language;
  /** Report type in the report language, e.g. "Johtoryhmän neljännesvuosiraportti". */
  reportType: string;
  pipeline: string;
  asOf: string;
  city: string | null;
  agreementVersion: string;
  exampleData: boolean;
  statusCounts: Partial<Record<TargetStatus, number>>;
  attachments: { filename: string; bytes: number }[];
}

export interface MailText {
  subject: string;
  text: string;
}

/** "saavutettu 2, etenee 5, …": every status, in the order of the report's summary. */
export function formatStatusCounts(counts: Partial<Record<TargetStatus, number>>, lang: Language): string {
  return TARGET_STATUSES.map((status) => `${statusLabel(status, lang)} ${counts[status] ?? 0}`).join(', ');
}

/** Bytes for a reader: fi `1,2 Mt` / `34 kt`, en `1.2 MB` / `34 kB`. */
export function formatSize(bytes: number, lang: Language): string {
  const [b, kb, mb] = MAIL_PHRASES[lang].units;
  if (bytes < 1000) return `${bytes} ${b}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} ${kb}`;
  return `${formatNumber(bytes / 1_000_000, lang, 1)} ${mb}`;
}

/** The message for `facts`, its words from core's phrasebook. */
export function composeMail(facts: MailFacts): MailText {
  const words = {
    reportType: facts.reportType,
    date: formatDate(facts.asOf, facts.lang),
    city: facts.city,
    agreementVersion: facts.agreementVersion,
    exampleData: facts.exampleData,
    counts: formatStatusCounts(facts.statusCounts, facts.lang),
    files: facts.attachments.map((a) => `- ${a.filename} (${formatSize(a.bytes, facts.lang)})`),
    pipeline: facts.pipeline,
  };
  const phrases = MAIL_PHRASES[facts.lang];
  return { subject: phrases.subject(words), text: phrases.body(words).join('\n') };
}
