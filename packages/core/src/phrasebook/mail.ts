// The e-mail `ekoraportti distribute` sends: subject and plain-text body, Finnish and English side by side.
import type { Language } from '../_agreement.ts';

/** What the message says, already formatted for its language (dates, counts, sizes). */
export interface MailWords {
  reportType: string;
  /** The as-of date, formatted. */
  date: string;
  city: string | null;
  agreementVersion: string;
  exampleData: boolean;
  /** "saavutettu 2, etenee 5, …" */
  counts: string;
  /** `- name (size)` lines. */
  files: readonly string[];
  pipeline: string;
}

interface MailPhrases {
  subject(w: MailWords): string;
  body(w: MailWords): readonly string[];
  /** Byte units: bytes, kilobytes, megabytes. */
  units: readonly [string, string, string];
}

const fi: MailPhrases = {
  subject: (w) => `${w.exampleData ? '[Esimerkkiaineisto] ' : ''}${w.reportType} ${w.date}`,
  body: (w) => [
    'Hei,',
    '',
    `liitteenä ${w.reportType}, tilanne ${w.date} (${w.city !== null ? `${w.city}, ` : ''}sopimusversio ${w.agreementVersion}).`,
    '',
    `Tavoitteiden tila: ${w.counts}.`,
    '',
    ...(w.exampleData ? ['Esimerkkiaineisto: raportti on laadittu esimerkkiaineistosta, ei todellisista seurantatiedoista.', ''] : []),
    'Liitteet:',
    ...w.files,
    '',
    `Tämä viesti on lähetetty automaattisesti: ekoraportti --pipeline ${w.pipeline}.`,
    '',
  ],
  units: ['t', 'kt', 'Mt'],
};

const en: MailPhrases = {
  subject: (w) => `${w.exampleData ? '[Example data] ' : ''}${w.reportType} ${w.date}`,
  body: (w) => [
    'Hello,',
    '',
    `attached is the ${w.reportType}, situation as of ${w.date} (${w.city !== null ? `${w.city}, ` : ''}agreement version ${w.agreementVersion}).`,
    '',
    `Targets: ${w.counts}.`,
    '',
    ...(w.exampleData ? ['Example data: this report was built from the example data set, not from real monitoring data.', ''] : []),
    'Attachments:',
    ...w.files,
    '',
    `This message was sent automatically by ekoraportti --pipeline ${w.pipeline}.`,
    '',
  ],
  units: ['B', 'kB', 'MB'],
};

/** The e-mail's words, by language: a language missing here is a compile error. */
export const MAIL_PHRASES: Readonly<Record<Language, MailPhrases>> = { fi, en };
