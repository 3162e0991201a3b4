import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test helper: read an agreement source text and normalise it so that quotes of the
 * agreement can be checked against it.
 *
 * The source texts are plain-text extractions of PDFs. A faithful quote differs from them
 * only by whitespace, by words split at line ends, and by the known OCR slips listed below.
 * Anything else (a changed word, a dropped sentence) must make the comparison fail.
 */

/** `seeds/agreement/` at the repo root, three levels up from packages/core/test. */
export const AGREEMENT_DIR = fileURLToPath(new URL('../../../seeds/agreement/', import.meta.url));

export function readSourceText(sourceFile: string): string {
  return readFileSync(`${AGREEMENT_DIR}${sourceFile}`, 'utf8');
}

export interface KnownSlip {
  /** The file whose extraction contains the slip (each slip must occur there, see quotes.test.ts). */
  file: string;
  pattern: RegExp;
  replacement: string;
  why: string;
}

/**
 * Extraction slips the project corrects when it quotes the agreement.
 * Applied before line-end hyphens are joined, so that `TKl-` is recognised as the acronym `TKI-`.
 */
export const KNOWN_SLIPS: readonly KnownSlip[] = [
  {
    file: 'sopimus-2025-tarkistettu.txt',
    pattern: /TKl/g,
    replacement: 'TKI',
    why: 'OCR read the capital I of the acronym TKI (tutkimus, kehitys, innovaatio) as a lower-case l.',
  },
  {
    file: 'sopimus-2025-tarkistettu.txt',
    pattern: /Nana Science Center/g,
    replacement: 'Nano Science Center',
    why: "OCR slip in the name of JYU's Nano Science Center (the 2021 text spells it right).",
  },
  {
    file: 'sopimus-2025-tarkistettu.txt',
    pattern: /\blnnovation/g,
    replacement: 'Innovation',
    why: 'OCR read the capital I of "European Digital Innovation Hub" as a lower-case l.',
  },
  {
    file: 'sopimus-2025-tarkistettu.txt',
    pattern: /E3UDRES2\s*\)/g,
    replacement: 'E3UDRES²)',
    why:
      'The alliance is E3UDRES² (superscript 2). The extraction flattened the superscript to a plain 2 and ' +
      'put a line break before the closing parenthesis, so that it reads like a stray footnote marker. ' +
      'We render it "E3UDRES²)": the 3 stayed on the line in the PDF, only the 2 was raised.',
  },
  {
    file: 'sopimus-2025-tarkistettu.txt',
    pattern: /kiinteistö\s+kehityshankkeeseen/g,
    replacement: 'kiinteistökehityshankkeeseen',
    why:
      'The 2021 text splits this word at a line end ("kiinteistö-" / "kehityshankkeeseen"); the 2025 ' +
      'extraction lost the hyphen and left a space, which would read as two words.',
  },
];

/**
 * Join a word split at a line end.
 *
 * Decided per case, by one rule that holds for every split in both texts:
 * - the hyphen is kept where it is a real compound hyphen: after an acronym in capitals
 *   (`TKI-` + `yksiköiden` → `TKI-yksiköiden`, `JYFL-` + `ACCLAB`) or before a capital
 *   (`Keski-` + `Suomen` → `Keski-Suomen`);
 * - otherwise it is a hyphenation hyphen and is dropped (`vah-` + `vuudet` → `vahvuudet`,
 *   `kiinteistö-` + `kehityshankkeeseen` → `kiinteistökehityshankkeeseen`).
 */
function joinLineEndHyphens(text: string): string {
  return text.replace(/(\S*?)(\p{L})-[ \t]*\r?\n\s*(\p{L})/gu, (_match, before: string, last: string, next: string) => {
    const word = `${before}${last}`;
    const isAcronym = /^\p{Lu}{2,}$/u.test(word.replace(/^\P{L}+/u, ''));
    const nextIsCapital = /\p{Lu}/u.test(next);
    return isAcronym || nextIsCapital ? `${word}-${next}` : `${word}${next}`;
  });
}

/**
 * Normalise agreement text for comparison: fix the known slips, join line-end hyphens,
 * collapse all whitespace (including non-breaking spaces) to single spaces.
 * Applied to both the source file and the quote, so a clean quote is left unchanged
 * except for whitespace.
 */
export function normaliseSourceText(text: string): string {
  let out = text.normalize('NFC');
  for (const slip of KNOWN_SLIPS) out = out.replace(slip.pattern, slip.replacement);
  out = joinLineEndHyphens(out);
  return out.replace(/\s+/gu, ' ').trim();
}

/** True when `quote` occurs in `source`, modulo whitespace, line-end hyphenation and the known slips. */
export function quoteOccursIn(source: string, quote: string): boolean {
  return normaliseSourceText(source).includes(normaliseSourceText(quote));
}
