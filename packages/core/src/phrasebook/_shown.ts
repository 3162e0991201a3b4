// How a value from a data file is shown inside a sentence: never raw. A value may hold line breaks
// (a runaway quote), controls (NUL, Ctrl-Z, bytes of a binary file read as text) or characters nobody
// can see (a zero-width space copied from a web page); none of them may reach a terminal or a report
// as they are.

/**
 * Characters that must not pass unseen: C0 and C1 controls and DEL (line breaks and tabs included: a
 * caller that keeps them in text handles them first), the no-break and other typographic spaces,
 * zero-width and bidirectional format characters, the soft hyphen, the BOM and the replacement
 * character U+FFFD (what undecodable bytes became).
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0\ufffd]/g;

/** Controls only (C0 but tab and line breaks, DEL, C1): what is removed from free text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Which characters `withoutHidden` removes: every hidden one (ids, words), or controls alone (free text). */
export type HiddenKind = 'hidden' | 'control';

/**
 * `s` without its hidden characters (or, for free text, its controls), and the ones removed, each once
 * in order of appearance. Ordinary spaces at either end are the caller's to trim.
 */
export function withoutHidden(s: string, kind: HiddenKind): { text: string; removed: string[] } {
  const pattern = kind === 'hidden' ? HIDDEN : CONTROL;
  const removed: string[] = [];
  const text = s.replace(pattern, (c) => {
    if (!removed.includes(c)) removed.push(c);
    return '';
  });
  return { text, removed };
}

/** Whether `s` holds a character `withoutHidden(s, kind)` would remove. */
export function hasHidden(s: string, kind: HiddenKind): boolean {
  const pattern = kind === 'hidden' ? HIDDEN : CONTROL;
  pattern.lastIndex = 0;
  const found = pattern.test(s);
  pattern.lastIndex = 0;
  return found;
}

/** `U+200B`: how a character is named in a message. */
export function codePointLabel(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const LONGEST_SHOWN = 60;

/**
 * A value as a message quotes it: line breaks become `↵`, tabs a space, every other hidden character
 * its `[U+200B]` name, and a long value is cut to its first 60 characters with `…`.
 */
export function showValue(v: string): string {
  const cut = v.length > LONGEST_SHOWN * 2 ? v.slice(0, LONGEST_SHOWN * 2) : v;
  const safe = cut
    .replace(/\r\n|\r|\n/g, '↵')
    .replace(/\t/g, ' ')
    .replace(HIDDEN, (c) => `[${codePointLabel(c)}]`);
  return safe.length > LONGEST_SHOWN ? `${safe.slice(0, LONGEST_SHOWN - 1)}…` : safe;
}

/** `'value'`, shown safely. */
export const quoted = (v: string): string => `'${showValue(v)}'`;
