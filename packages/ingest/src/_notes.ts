// Warnings that sum up many rows: one per KPI, target or column, with a count and the first line, so a
// million rows with the same small problem make one warning, not a million. A part of a file read on
// its own keeps its notes as plain data; the parts' notes merge into the file's.

import type { DataWarning, IngestPhrases, InputFile, Kpi, Language } from '@ekoraportti/core';
import { codePointLabel, unitAfter } from '@ekoraportti/core';

/** What a note is about. */
export type NoteKind = 'afterAsOf' | 'implausible' | 'hidden' | 'control' | 'mixedEncoding' | 'euraRepeat' | 'splitDecimal';

/** One summed-up note: its subject (a KPI, a target or a column), how often, and the first time. */
export interface Note {
  kind: NoteKind;
  subject: string;
  count: number;
  /** Line of the first occurrence. */
  line: number;
  /** The characters removed (`hidden`, `control`), or the funding sources (`euraRepeat`), each once. */
  chars: string[];
  /**
   * What the first occurrence held: the value as written (`hidden`), a sample (`mixedEncoding`), the EURA
   * export (`euraRepeat`), the value and the source that may be its decimals (`splitDecimal`, split by NUL).
   */
  example: string;
  /** The first implausible value. */
  value: number;
}

/** A file's notes (or a part's), keyed by kind and subject. */
export class FileNotes {
  readonly #notes = new Map<string, Note>();

  /** Counts one occurrence, at `line`. */
  add(kind: NoteKind, subject: string, line: number, detail: { chars?: readonly string[]; example?: string; value?: number } = {}): void {
    const key = `${kind}\u0000${subject}`;
    let n = this.#notes.get(key);
    if (!n) {
      n = { kind, subject, count: 0, line, chars: [], example: detail.example ?? '', value: detail.value ?? 0 };
      this.#notes.set(key, n);
    }
    n.count++;
    for (const c of detail.chars ?? []) if (!n.chars.includes(c)) n.chars.push(c);
  }

  get size(): number {
    return this.#notes.size;
  }

  /** The notes as plain data, for a part read on another thread to send back. */
  toState(): Note[] {
    return [...this.#notes.values()];
  }

  /** Adds the notes of a later part whose lines are `offset` lines further down the file. */
  merge(notes: readonly Note[], offset: number): void {
    for (const theirs of notes) {
      const key = `${theirs.kind}\u0000${theirs.subject}`;
      const mine = this.#notes.get(key);
      if (!mine) {
        this.#notes.set(key, { ...theirs, chars: [...theirs.chars], line: theirs.line + offset });
        continue;
      }
      mine.count += theirs.count;
      for (const c of theirs.chars) if (!mine.chars.includes(c)) mine.chars.push(c);
    }
  }

  /** The notes as warnings, in the report language, ordered by kind and subject. */
  toWarnings(file: InputFile, m: IngestPhrases, asOf: string, kpis: readonly Kpi[], lang: Language): DataWarning[] {
    const sorted = [...this.#notes.values()].sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
    return sorted.map((n): DataWarning => {
      const labels = n.chars.map(codePointLabel);
      switch (n.kind) {
        case 'afterAsOf':
          return {
            file,
            line: n.line,
            column: 'date',
            code: 'W_AFTER_AS_OF',
            message: file === 'assessments.csv' ? m.assessmentsAfterAsOf(n.subject, n.count, asOf, n.line) : m.afterAsOf(n.subject, n.count, asOf, n.line),
          };
        case 'implausible': {
          const kpi = kpis.find((k) => k.id === n.subject);
          const unit = kpi === undefined ? '' : unitAfter(String(kpi.threshold), { unit: kpi.unit[lang], unitOne: kpi.unitOne[lang] });
          const message = m.implausibleValue(n.subject, n.value, kpi?.threshold ?? 0, unit, n.line, n.count);
          return { file, line: n.line, column: 'value', code: 'W_IMPLAUSIBLE_VALUE', message };
        }
        case 'hidden':
          return { file, line: n.line, column: n.subject, code: 'W_INVISIBLE_CHARACTERS', message: m.hiddenCharacters(n.subject, labels, n.count, n.line, n.example) };
        case 'control':
          // A subject '' is a line of nothing but controls, skipped (a trailing Ctrl-Z).
          return n.subject === ''
            ? { file, line: n.line, column: null, code: 'W_CONTROL_CHARACTERS', message: m.controlLines(labels, n.count, n.line) }
            : { file, line: n.line, column: n.subject, code: 'W_CONTROL_CHARACTERS', message: m.controlCharacters(n.subject, labels, n.count, n.line) };
        case 'mixedEncoding':
          return { file, line: n.line, column: null, code: 'W_MIXED_ENCODING', message: m.mixedEncoding(n.line, n.example, n.count) };
        case 'euraRepeat':
          return { file, line: n.line, column: 'source', code: 'W_EURA_FUNDING_REPEATED', message: m.euraFundingRepeated(n.subject, n.chars, n.count, n.line, n.example) };
        case 'splitDecimal': {
          const [whole = '', decimals = ''] = n.example.split('\u0000');
          return { file, line: n.line, column: 'value', code: 'W_SPLIT_DECIMAL', message: m.splitDecimal(whole, decimals, n.line, n.count) };
        }
      }
    });
  }
}
