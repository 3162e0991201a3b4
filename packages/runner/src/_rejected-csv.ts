import { createHash } from 'node:crypto';
import type { Language, Rejection } from '@ekoraportti/core';
import type { StagedFile } from './_atomic.ts';

/**
 * A cell safe to open in Excel: a value that starts like a formula (= + - @, tab, CR) gets a
 * leading apostrophe so Excel shows it as text instead of running it (CSV/formula injection).
 */
export function spreadsheetSafe(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const HEADERS: Record<Language, readonly string[]> = {
  fi: ['tiedosto', 'rivi', 'sarake', 'syy', 'koodi'],
  en: ['file', 'line', 'column', 'reason', 'code'],
};

const row = (r: Rejection): string => [r.file, String(r.line), r.column, r.reason, r.code].map(spreadsheetSafe).join(';');

/** Text gathered before each write: large enough that a million rows take few system calls. */
const BUFFER_CHARS = 64 * 1024;

/**
 * `rejected.csv` as Finnish Excel opens it (UTF-8 with BOM, `;` delimiter, CRLF), one row per rejected
 * input row in the order of the report, written as the rows are rejected: a file with a million
 * rejected rows never sits in memory. Its sha256 is taken as it is written.
 */
export class RejectedCsvWriter {
  readonly #file: StagedFile;
  readonly #hash = createHash('sha256');
  #buffer: string;

  constructor(file: StagedFile, lang: Language) {
    this.#file = file;
    this.#buffer = `\ufeff${HEADERS[lang].join(';')}\r\n`;
  }

  add(r: Rejection): void {
    this.#buffer += `${row(r)}\r\n`;
    if (this.#buffer.length >= BUFFER_CHARS) this.#flush();
  }

  /** Writes what is left and closes the staged file (fsynced); returns the file's sha256. */
  finish(): string {
    this.#flush();
    this.#file.close();
    return this.#hash.digest('hex');
  }

  #flush(): void {
    if (this.#buffer === '') return;
    const bytes = Buffer.from(this.#buffer, 'utf8');
    this.#buffer = '';
    this.#hash.update(bytes);
    this.#file.write(bytes);
  }
}
