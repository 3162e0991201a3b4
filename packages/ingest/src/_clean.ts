// Characters nobody can see, removed where they would change what a value means. A project id with a
// zero-width space copied from a web page looks like the id in projects.csv but is not; a NUL or a
// Ctrl-Z from a damaged export must never reach a report. Ids and enumeration words lose every hidden
// character (controls, no-break and zero-width spaces, BOMs, bidirectional marks); free text loses its
// controls. Each removal is noted, so the file gets one warning per column naming the characters.

import { hasHidden, withoutHidden } from '@ekoraportti/core';
import type { FileNotes } from './_notes.ts';

/** An id or enumeration word without hidden characters, trimmed; removals are noted against `column`. */
export function cleanWord(raw: string, column: string, line: number, notes: FileNotes): string {
  if (!hasHidden(raw, 'hidden')) return raw.trim();
  const { text, removed } = withoutHidden(raw, 'hidden');
  // Tabs and line breaks are ordinary whitespace, trimmed without a word; the rest is noted.
  const noted = removed.filter((c) => c !== '\t' && c !== '\r' && c !== '\n');
  if (noted.length > 0) notes.add('hidden', column, line, { chars: noted, example: raw });
  return text.trim();
}

/**
 * Free text (a name, evidence, a source): trimmed, line breaks inside a quoted value kept as `\n`
 * whatever the file's line ends, controls removed and noted.
 */
export function cleanText(raw: string, column: string, line: number, notes: FileNotes): string {
  let s = raw.trim();
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  if (!hasHidden(s, 'control')) return s;
  const { text, removed } = withoutHidden(s, 'control');
  notes.add('control', column, line, { chars: removed });
  return text.trim();
}
