/**
 * The message the steering group receives: subject and plain-text body in the report's
 * language. Pure: the report's facts in, text out.
 */
import type { Language, TargetStatus } from '@ekoraportti/core';
import { formatDate, formatNumber, statusLabel, TARGET_STATUSES } from '@ekoraportti/core';

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
  const [kb, mb, b] = lang === 'fi' ? ['kt', 'Mt', 't'] : ['kB', 'MB', 'B'];
  if (bytes < 1000) return `${bytes} ${b}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} ${kb}`;
  return `${formatNumber(bytes / 1_000_000, lang, 1)} ${mb}`;
}

export function composeMail(facts: MailFacts): MailText {
  const date = formatDate(facts.asOf, facts.lang);
  const counts = formatStatusCounts(facts.statusCounts, facts.lang);
  const files = facts.attachments.map((a) => `- ${a.filename} (${formatSize(a.bytes, facts.lang)})`);
  if (facts.lang === 'en') {
    const where = facts.city !== null ? `${facts.city}, ` : '';
    return {
      subject: `${facts.exampleData ? '[Example data] ' : ''}${facts.reportType} ${date}`,
      text: [
        'Hello,',
        '',
        `attached is the ${facts.reportType}, situation as of ${date} (${where}agreement version ${facts.agreementVersion}).`,
        '',
        `Targets: ${counts}.`,
        '',
        ...(facts.exampleData
          ? ['Example data: this report was built from the example data set, not from real monitoring data.', '']
          : []),
        'Attachments:',
        ...files,
        '',
        `This message was sent automatically by ekoraportti --pipeline ${facts.pipeline}.`,
        '',
      ].join('\n'),
    };
  }
  const where = facts.city !== null ? `${facts.city}, ` : '';
  return {
    subject: `${facts.exampleData ? '[Esimerkkiaineisto] ' : ''}${facts.reportType} ${date}`,
    text: [
      'Hei,',
      '',
      `liitteenä ${facts.reportType}, tilanne ${date} (${where}sopimusversio ${facts.agreementVersion}).`,
      '',
      `Tavoitteiden tila: ${counts}.`,
      '',
      ...(facts.exampleData
        ? ['Esimerkkiaineisto: raportti on laadittu esimerkkiaineistosta, ei todellisista seurantatiedoista.', '']
        : []),
      'Liitteet:',
      ...files,
      '',
      `Tämä viesti on lähetetty automaattisesti: ekoraportti --pipeline ${facts.pipeline}.`,
      '',
    ].join('\n'),
  };
}
