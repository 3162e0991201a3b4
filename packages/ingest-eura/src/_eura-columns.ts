// The EURA 2021 export's vocabulary: its column headers (matched leniently), its state-of-activity
// words, its funds and its project codes.

import type { ProjectStatus } from '@ekoraportti/core';
import type { EuraField, EuraFund } from './_schemas.ts';

/**
 * A header as compared: Unicode NFC, lower case, `_` and runs of white space (NBSP too) as one space,
 * a hyphen before a space dropped (`EU- ja` ~ `EU_ja`), trimmed. `Hankekoodi ` (EURA's trailing
 * space), `HANKEKOODI` and `Myönnetty_EU_ja_valtion_rahoitus` all compare as written in the export.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[_\s\u00a0\u202f]+/g, ' ')
    .replace(/-(?= )/g, '')
    .trim();
}

interface ColumnSpec {
  /** The header as the current export writes it (what a message names). */
  header: string;
  /** Other spellings seen or documented, besides what `headerKey` already folds. */
  variants: readonly string[];
  required: boolean;
}

/**
 * The columns read, from DOMAIN.md's list of the export's columns. `Myönnetty_EU_ja_valtion_rahoitus`
 * is the one variant seen in an export version; the `Myönnetty` forms of the other two decided
 * columns are its siblings by analogy (an export that renamed one renamed the set).
 */
export const EURA_COLUMNS: Readonly<Record<EuraField, ColumnSpec>> = {
  code: { header: 'Hankekoodi', variants: [], required: true },
  groupCode: { header: 'Ryhmähanketunnus', variants: [], required: false },
  fund: { header: 'Rahasto', variants: [], required: false },
  name: { header: 'Hankkeen nimi', variants: [], required: true },
  implementer: { header: 'Toteuttajan nimi', variants: [], required: true },
  status: { header: 'Toiminnan tila', variants: [], required: true },
  startDate: { header: 'Aloituspvm', variants: [], required: true },
  endDate: { header: 'Päättymispvm', variants: [], required: true },
  decidedEuState: { header: 'Suunniteltu EU- ja valtion rahoitus', variants: ['Myönnetty EU- ja valtion rahoitus'], required: true },
  decidedPublic: { header: 'Suunniteltu julkinen rahoitus', variants: ['Myönnetty julkinen rahoitus'], required: true },
  decidedTotal: { header: 'Suunniteltu rahoitus yhteensä', variants: ['Myönnetty rahoitus yhteensä'], required: true },
  realisedEuState: { header: 'Toteutunut EU- ja valtion rahoitus', variants: [], required: true },
  realisedPublic: { header: 'Toteutunut julkinen rahoitus', variants: [], required: true },
  realisedTotal: { header: 'Toteutunut rahoitus yhteensä', variants: [], required: true },
  realisedEu: { header: 'Toteutunut EU-rahoituksen määrä', variants: [], required: false },
};

const FIELD_BY_KEY: ReadonlyMap<string, EuraField> = new Map(
  (Object.entries(EURA_COLUMNS) as [EuraField, ColumnSpec][]).flatMap(([field, spec]) =>
    [spec.header, ...spec.variants].map((h) => [headerKey(h), field] as const),
  ),
);

/** The export's columns in its order (DOMAIN.md), `Hankekoodi ` with its trailing space, as downloaded. */
export const EURA_EXPORT_HEADERS = [
  'Hankekoodi ', 'Ryhmähanketunnus', 'Rahasto', 'EAKR-/JTF-alatyyppi', 'Tl', 'Et', 'Hankkeen nimi', 'Toteuttajan nimi',
  'Toteuttajan Y-tunnus', 'Rahoittava viranomainen', 'Toiminnan tila', 'Aloituspvm', 'Päättymispvm',
  'Suunniteltu EU- ja valtion rahoitus', 'Suunniteltu julkinen rahoitus', 'Suunniteltu rahoitus yhteensä',
  'Toteutunut EU- ja valtion rahoitus', 'Toteutunut julkinen rahoitus', 'Toteutunut rahoitus yhteensä',
  'Toteutunut EU-rahoituksen määrä', 'Tukitoimen ala', 'Sijainti', 'Toteutuspaikan postinumero',
  'Toteutuspaikan postitoimipaikka', 'Tuensaajan postinumero', 'Tuensaajan postitoimipaikka', 'Tukimuoto',
  'Alueellinen täytäntöönpanomekanismi ja alueellinen painopiste', 'Taloudellinen toiminta',
  'Toissijainen teema, vain ESR+', 'Sukupuolten tasa-arvo', 'Itämeren alueen strategia',
  'Suunnitelman mukainen tiivistelmä hankkeen toteutuksesta', 'Hankekuvauksen osoite', 'Hankkeen kotisivun osoite',
] as const;

/** Every column of the export, read or not: they make a header row EURA's. */
const EXPORT_KEYS = new Set(EURA_EXPORT_HEADERS.map(headerKey));

/** The field a header names, or null. */
export const fieldOfHeader = (header: string): EuraField | null => FIELD_BY_KEY.get(headerKey(header)) ?? null;

/**
 * A header row is EURA's when it names the project code and at least four other columns of the
 * export, or eight other columns without the code: a coordinator's own sheet with a `Hankekoodi` column
 * is not mistaken for the export, and an export missing a needed column — the code's own header
 * renamed too ("Hankkeen koodi") — is still recognised, and then refused naming the column, instead of
 * being passed over as some other workbook with all its money left out.
 */
export function looksLikeEuraHeader(headers: readonly string[]): boolean {
  let code = false;
  let others = 0;
  for (const h of headers) {
    const key = headerKey(h);
    const field = FIELD_BY_KEY.get(key);
    if (field === 'code') code = true;
    else if (field !== undefined || EXPORT_KEYS.has(key)) others++;
  }
  return others >= (code ? 4 : 8);
}

/**
 * Toiminnan tila → the contract's status words. EURA 2021's own list of state words could not be
 * confirmed from the public sources searched (see the README), so only the contract's Finnish and
 * English words are mapped; any other word is kept as written, gets no status, and is warned about
 * with the word named, so the first real export shows what to add here.
 */
export const EURA_STATUS_WORDS: ReadonlyMap<string, ProjectStatus> = new Map([
  ['suunniteltu', 'planned'],
  ['planned', 'planned'],
  ['käynnissä', 'ongoing'],
  ['ongoing', 'ongoing'],
  ['päättynyt', 'completed'],
  ['completed', 'completed'],
  ['peruttu', 'cancelled'],
  ['cancelled', 'cancelled'],
]);

export const statusOf = (word: string): ProjectStatus | null => EURA_STATUS_WORDS.get(headerKey(word)) ?? null;

/** A project code: the fund's letter and digits (`A80123`, `S22173`, `J12345`). */
export const isProjectCode = (text: string): boolean => /^[A-Z]\d{4,7}$/.test(text.trim().toUpperCase());

const FUND_WORDS: ReadonlyMap<string, EuraFund> = new Map([
  ['eakr', 'EAKR'],
  ['erdf', 'EAKR'],
  ['esr+', 'ESR+'],
  ['esr', 'ESR+'],
  ['esf+', 'ESR+'],
  ['jtf', 'JTF'],
]);

/** The fund from the `Rahasto` cell, else from the code's first letter (A, S, J); null when neither tells. */
export function fundOf(cell: string, code: string): EuraFund | null {
  const word = FUND_WORDS.get(headerKey(cell));
  if (word) return word;
  const letter = code.trim().toUpperCase()[0];
  return letter === 'A' ? 'EAKR' : letter === 'S' ? 'ESR+' : letter === 'J' ? 'JTF' : null;
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
