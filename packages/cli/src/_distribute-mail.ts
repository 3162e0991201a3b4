/**
 * The message the steering group receives: subject and plain-text body in the report's
 * language. Pure: the report's facts in, text out.
 */
import type { Language, TargetStatus } from '@ekoraportti/core';
import { TARGET_STATUSES } from '@ekoraportti/core';

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

const STATUS_LABELS: Record<Language, Record<TargetStatus, string>> = {
  fi: {
    achieved: 'saavutettu',
    on_track: 'etenee',
    at_risk: 'riskissä',
    off_track: 'ei etene',
    not_started: 'ei aloitettu',
    no_data: 'ei tietoa',
  },
  en: {
    achieved: 'achieved',
    on_track: 'on track',
    at_risk: 'at risk',
    off_track: 'off track',
    not_started: 'not started',
    no_data: 'no data',
  },
};

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2025-09-30` → `30.9.2025` (fi-FI) or `30 September 2025`. Written out rather than through
 * Intl so the text does not depend on the ICU data of the machine that sends.
 */
export function formatDate(iso: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match;
  const d = Number(day);
  const m = Number(month);
  return lang === 'fi' ? `${d}.${m}.${year}` : `${d} ${EN_MONTHS[m - 1] ?? month} ${year}`;
}

/** `saavutettu 2, etenee 5, riskissä 1, …` — every status, in the model's order. */
export function formatStatusCounts(counts: Partial<Record<TargetStatus, number>>, lang: Language): string {
  return TARGET_STATUSES.map((status) => `${STATUS_LABELS[lang][status]} ${counts[status] ?? 0}`).join(', ');
}

/** Bytes for a reader: fi `1,2 Mt` / `34 kt`, en `1.2 MB` / `34 kB`. */
export function formatSize(bytes: number, lang: Language): string {
  const [kb, mb, b] = lang === 'fi' ? ['kt', 'Mt', 't'] : ['kB', 'MB', 'B'];
  const decimal = (n: number) => (lang === 'fi' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (bytes < 1000) return `${bytes} ${b}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} ${kb}`;
  return `${decimal(bytes / 1_000_000)} ${mb}`;
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
