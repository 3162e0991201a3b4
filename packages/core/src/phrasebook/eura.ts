// Every sentence the coordinator reads about an Excel workbook (.xlsx): the EURA 2021 project export
// and the contract files saved as workbooks. Finnish and English side by side; each names the file
// (and the sheet and row where there is one), says what is wrong and what to do, in plain words.
// The reading code (@ekoraportti/ingest-eura) carries codes and data; the words are here.

import type { Language } from '../_agreement.ts';
import { formatNumber } from '../_format.ts';

/**
 * What is broken in a damaged workbook: the index of its parts, the packed data of a part, a part
 * whose checksum or size does not match the index, a part that is encrypted, or packed in a way no
 * spreadsheet program uses.
 */
export type ZipDamage = 'index' | 'data' | 'checksum' | 'size' | 'encrypted' | 'method';

/** Why a workbook cannot be read at all: the code says what, the data says where. */
export type XlsxProblem =
  | { code: 'E_XLSX_NOT_ZIP'; file: string; looksLike: 'xls' | 'text' | 'other' }
  | { code: 'E_XLSX_TRUNCATED'; file: string }
  | { code: 'E_XLSX_CORRUPT'; file: string; part: string | null; damage: ZipDamage }
  | { code: 'E_XLSX_TOO_MANY_PARTS'; file: string; count: number; limit: number }
  | { code: 'E_XLSX_TOO_LARGE'; file: string; part: string | null; bytes: number; limit: number }
  | { code: 'E_XLSX_BOMB'; file: string; part: string; ratio: number; limit: number }
  | { code: 'E_XLSX_XML'; file: string; part: string; line: number | null; kind: 'entity' | 'syntax' }
  | { code: 'E_XLSX_DOCTYPE'; file: string; part: string }
  | { code: 'E_XLSX_NO_SHEET'; file: string }
  | { code: 'E_XLSX_UNSUPPORTED_CELLS'; file: string; sheet: string; kind: 'isoDate' | 'richInline' | 'noReference' }
  | { code: 'E_XLSX_EMPTY'; file: string; sheet: string }
  | { code: 'E_EURA_MISSING_COLUMNS'; file: string; sheet: string; row: number; missing: readonly string[]; found: readonly string[] };

export type XlsxProblemCode = XlsxProblem['code'];

/** Why one row of the EURA export, of a project listed in projects.csv, was not used. */
export type EuraRowProblem =
  | { code: 'E_MISSING'; column: string }
  | { code: 'E_NOT_A_NUMBER'; column: string; shown: string }
  | { code: 'E_NOT_A_DATE'; column: string; shown: string }
  | { code: 'E_SUB_CENT'; column: string; shown: string }
  | { code: 'E_NEGATIVE'; column: string; shown: string }
  | { code: 'E_END_BEFORE_START'; start: string; end: string }
  | { code: 'E_PARTS_EXCEED_WHOLE'; part: string; whole: string }
  | { code: 'E_DUPLICATE_ID'; value: string; firstRow: number };

export type EuraRowProblemCode = EuraRowProblem['code'];

/** What the coordinator should know about a used row or the export as a whole. */
export type EuraNotice =
  | { code: 'W_EURA_UNKNOWN_STATUS'; value: string; known: readonly string[] }
  | { code: 'W_EURA_ROWS_NOT_DATA'; count: number; firstRow: number };

export type EuraNoticeCode = EuraNotice['code'];

type ProblemWords = { readonly [C in XlsxProblemCode]: (p: Extract<XlsxProblem, { code: C }>) => string };
type RowWords = { readonly [C in EuraRowProblemCode]: (p: Extract<EuraRowProblem, { code: C }>) => string };
type NoticeWords = { readonly [C in EuraNoticeCode]: (p: Extract<EuraNotice, { code: C }>) => string };

export interface EuraPhrases {
  problem: ProblemWords;
  row: RowWords;
  notice: NoticeWords;
}

const MIB = 1024 * 1024;
const mib = (bytes: number, lang: Language): string => `${formatNumber(bytes / MIB, lang, 0, { spacing: 'space' })} MiB`;
const num = (n: number, lang: Language): string => formatNumber(n, lang, 0, { spacing: 'space' });
const list = (items: readonly string[], and: string): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
/** A value from the workbook inside a sentence: quoted, without controls or line breaks, at most 60 characters. */
const q = (value: string): string => {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return `”${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
};
const names = (items: readonly string[], and: string): string => list(items.map(q), and);

const DAMAGE_FI: Readonly<Record<ZipDamage, string>> = {
  index: 'sen osien hakemisto on rikki',
  data: 'pakattu sisältö on rikki',
  checksum: 'sisällön tarkistussumma ei täsmää',
  size: 'sisällön koko ei täsmää hakemistoon',
  encrypted: 'sisältö on salattu',
  method: 'sisältö on pakattu tavalla, jota taulukko-ohjelmat eivät käytä',
};
const DAMAGE_EN: Readonly<Record<ZipDamage, string>> = {
  index: 'the index of its parts is broken',
  data: 'the packed content is broken',
  checksum: 'the checksum of the content does not match',
  size: 'the size of the content does not match the index',
  encrypted: 'the content is encrypted',
  method: 'the content is packed in a way spreadsheet programs do not use',
};

const fi: EuraPhrases = {
  problem: {
    E_XLSX_NOT_ZIP: (p) =>
      p.looksLike === 'xls'
        ? `${p.file} ei ole .xlsx-työkirja vaan vanha Excel 97–2003 -tiedosto tai salasanalla suojattu työkirja. Avaa se Excelissä, poista suojaus ja tallenna muodossa Excel-työkirja (.xlsx).`
        : p.looksLike === 'text'
          ? `${p.file} on tekstitiedosto, ei Excel-työkirja. Jos se on CSV-tiedosto, anna sille pääte .csv.`
          : `${p.file} ei ole Excel-työkirja (.xlsx). Tallenna tiedosto Excelissä muodossa Excel-työkirja (.xlsx).`,
    E_XLSX_TRUNCATED: (p) =>
      `${p.file} on katkennut: tiedoston loppu puuttuu (keskeytynyt lataus tai kopiointi?). Lataa tai tallenna tiedosto uudelleen.`,
    E_XLSX_CORRUPT: (p) =>
      `${p.file} on vioittunut${p.part === null ? '' : ` (osa ${p.part})`}: ${DAMAGE_FI[p.damage]}. Lataa tai tallenna tiedosto uudelleen.`,
    E_XLSX_TOO_MANY_PARTS: (p) =>
      `${p.file} sisältää ${num(p.count, 'fi')} osaa; työkirjassa saa olla enintään ${num(p.limit, 'fi')}. Tiedosto ei ole tavallinen taulukko; tallenna tiedot uuteen työkirjaan.`,
    E_XLSX_TOO_LARGE: (p) =>
      `${p.file}: ${p.part === null ? 'luettavat osat ovat yhteensä' : `osa ${p.part} on`} purettuna ${mib(p.bytes, 'fi')}, enemmän kuin sallitut ${mib(p.limit, 'fi')}. Jaa tiedot pienempiin tiedostoihin tai tallenna ne CSV-muodossa.`,
    E_XLSX_BOMB: (p) =>
      `${p.file}: osa ${p.part} on pakattu ${num(p.ratio, 'fi')}-kertaisesti, enemmän kuin taulukolle mahdolliset ${num(p.limit, 'fi')} kertaa; tiedosto on tehty kuormittamaan lukijaa eikä sitä lueta. Tallenna tiedot uudelleen Excelissä.`,
    E_XLSX_XML: (p) =>
      `${p.file}: osaa ${p.part} ei voi lukea: ${p.kind === 'entity' ? 'siinä viitataan määrittelemättömään XML-entiteettiin' : 'sen XML-rakenne on rikki'}${p.line === null ? '' : ` (rivi ${p.line})`}. Avaa ja tallenna työkirja uudelleen Excelissä.`,
    E_XLSX_DOCTYPE: (p) =>
      `${p.file}: osassa ${p.part} on DOCTYPE-määrittely, jota mikään taulukko-ohjelma ei kirjoita (XML-entiteettihyökkäys?); tiedostoa ei lueta. Tallenna tiedot uuteen työkirjaan Excelissä.`,
    E_XLSX_NO_SHEET: (p) => `${p.file} ei sisällä yhtään taulukkoa (välilehteä).`,
    E_XLSX_UNSUPPORTED_CELLS: (p) =>
      p.kind === 'isoDate'
        ? `${p.file}, taulukko ${q(p.sheet)}: päivämäärät on tallennettu ISO-tekstisoluina (t="d"), joita lukija ei tue. Avaa ja tallenna työkirja Excelissä, joka tallentaa päivämäärät tavallisina päivämääräsoluina.`
        : p.kind === 'richInline'
          ? `${p.file}, taulukko ${q(p.sheet)}: solussa on muotoiltua tekstiä upotettuna (inline rich text), jota lukija ei tue. Avaa ja tallenna työkirja Excelissä.`
          : `${p.file}, taulukko ${q(p.sheet)}: riveiltä tai soluilta puuttuu osoite (r="A1"), jonka Excel aina kirjoittaa ja jota lukija tarvitsee. Avaa ja tallenna työkirja Excelissä.`,
    E_XLSX_EMPTY: (p) => `${p.file}: ensimmäisessä taulukossa ${q(p.sheet)} ei ole otsikkoriviä.`,
    E_EURA_MISSING_COLUMNS: (p) =>
      `${p.file}, taulukko ${q(p.sheet)}, rivi ${p.row}: EURA 2021 -otsikkoriviltä puuttuu ${p.missing.length === 1 ? 'sarake' : 'sarakkeet'} ${names(p.missing, 'ja')}. Otsikkorivillä on ${names(p.found, 'ja')}. Lataa hanketietopalvelun Excel-tiedosto uudelleen sellaisenaan.`,
  },
  row: {
    E_MISSING: (p) => `Sarake ${q(p.column)} on tyhjä.`,
    E_NOT_A_NUMBER: (p) => `Sarakkeessa ${q(p.column)} on ${q(p.shown)}, ei lukua. Rahasummien pitää olla lukusoluja.`,
    E_NOT_A_DATE: (p) => `Sarakkeessa ${q(p.column)} on ${q(p.shown)}, ei päivämäärää. Päivämäärien pitää olla päivämääräsoluja.`,
    E_SUB_CENT: (p) => `Sarakkeen ${q(p.column)} summassa ${q(p.shown)} on sentin osia; rahasumma pyöristetään senteiksi siellä, missä se lasketaan.`,
    E_NEGATIVE: (p) => `Sarakkeen ${q(p.column)} summa ${q(p.shown)} on negatiivinen.`,
    E_END_BEFORE_START: (p) => `Hanke päättyy (${p.end}) ennen kuin se alkaa (${p.start}).`,
    E_PARTS_EXCEED_WHOLE: (p) => `Sarakkeen ${q(p.part)} summa on suurempi kuin sarakkeen ${q(p.whole)} summa, vaikka se on osa sitä.`,
    E_DUPLICATE_ID: (p) => `Hankekoodi ${q(p.value)} on jo rivillä ${p.firstRow}; vain ensimmäinen rivi luetaan.`,
  },
  notice: {
    W_EURA_UNKNOWN_STATUS: (p) =>
      `Toiminnan tila ${q(p.value)} ei ole tuttu (tunnetut: ${list(p.known, 'ja')}); hankkeen tilaa ei oteta EURA-tiedostosta.`,
    W_EURA_ROWS_NOT_DATA: (p) =>
      `${num(p.count, 'fi')} ${p.count === 1 ? 'rivi' : 'riviä'} (ensimmäinen rivi ${p.firstRow}) ei ole hankerivejä: niiltä puuttuu hankekoodi (esimerkiksi tiedoston alatunniste). Niitä ei lueta.`,
  },
};

const en: EuraPhrases = {
  problem: {
    E_XLSX_NOT_ZIP: (p) =>
      p.looksLike === 'xls'
        ? `${p.file} is not an .xlsx workbook but an old Excel 97–2003 file or a password-protected workbook. Open it in Excel, remove the protection and save it as Excel Workbook (.xlsx).`
        : p.looksLike === 'text'
          ? `${p.file} is a text file, not an Excel workbook. If it is a CSV file, give it the extension .csv.`
          : `${p.file} is not an Excel workbook (.xlsx). Save the file in Excel as Excel Workbook (.xlsx).`,
    E_XLSX_TRUNCATED: (p) =>
      `${p.file} is cut short: the end of the file is missing (an interrupted download or copy?). Download or save the file again.`,
    E_XLSX_CORRUPT: (p) =>
      `${p.file} is damaged${p.part === null ? '' : ` (part ${p.part})`}: ${DAMAGE_EN[p.damage]}. Download or save the file again.`,
    E_XLSX_TOO_MANY_PARTS: (p) =>
      `${p.file} holds ${num(p.count, 'en')} parts; a workbook may hold at most ${num(p.limit, 'en')}. It is not an ordinary spreadsheet; copy the data into a new workbook.`,
    E_XLSX_TOO_LARGE: (p) =>
      `${p.file}: ${p.part === null ? 'the parts to read unpack together' : `part ${p.part} unpacks`} to ${mib(p.bytes, 'en')}, more than the ${mib(p.limit, 'en')} allowed. Split the data into smaller files or save it as CSV.`,
    E_XLSX_BOMB: (p) =>
      `${p.file}: part ${p.part} is compressed ${num(p.ratio, 'en')} to 1, more than the ${num(p.limit, 'en')} to 1 a spreadsheet can reach; the file is made to overload a reader and is not read. Save the data again in Excel.`,
    E_XLSX_XML: (p) =>
      `${p.file}: part ${p.part} cannot be read: ${p.kind === 'entity' ? 'it refers to an undefined XML entity' : 'its XML structure is broken'}${p.line === null ? '' : ` (line ${p.line})`}. Open the workbook in Excel and save it again.`,
    E_XLSX_DOCTYPE: (p) =>
      `${p.file}: part ${p.part} declares a DOCTYPE, which no spreadsheet program writes (an XML entity attack?); the file is not read. Copy the data into a new workbook in Excel.`,
    E_XLSX_NO_SHEET: (p) => `${p.file} holds no worksheet.`,
    E_XLSX_UNSUPPORTED_CELLS: (p) =>
      p.kind === 'isoDate'
        ? `${p.file}, sheet ${q(p.sheet)}: dates are stored as ISO text cells (t="d"), which the reader does not support. Open the workbook in Excel and save it again; Excel stores dates as ordinary date cells.`
        : p.kind === 'richInline'
          ? `${p.file}, sheet ${q(p.sheet)}: a cell holds inline rich text, which the reader does not support. Open the workbook in Excel and save it again.`
          : `${p.file}, sheet ${q(p.sheet)}: rows or cells lack their reference (r="A1"), which Excel always writes and the reader needs. Open the workbook in Excel and save it again.`,
    E_XLSX_EMPTY: (p) => `${p.file}: the first sheet ${q(p.sheet)} has no header row.`,
    E_EURA_MISSING_COLUMNS: (p) =>
      `${p.file}, sheet ${q(p.sheet)}, row ${p.row}: the EURA 2021 header row lacks the column${p.missing.length === 1 ? '' : 's'} ${names(p.missing, 'and')}. The header row has ${names(p.found, 'and')}. Download the project service's Excel file again and use it as it is.`,
  },
  row: {
    E_MISSING: (p) => `Column ${q(p.column)} is empty.`,
    E_NOT_A_NUMBER: (p) => `Column ${q(p.column)} holds ${q(p.shown)}, not a number. Amounts must be number cells.`,
    E_NOT_A_DATE: (p) => `Column ${q(p.column)} holds ${q(p.shown)}, not a date. Dates must be date cells.`,
    E_SUB_CENT: (p) => `The amount ${q(p.shown)} in column ${q(p.column)} has fractions of a cent; round it to cents where it is computed.`,
    E_NEGATIVE: (p) => `The amount ${q(p.shown)} in column ${q(p.column)} is negative.`,
    E_END_BEFORE_START: (p) => `The project ends (${p.end}) before it starts (${p.start}).`,
    E_PARTS_EXCEED_WHOLE: (p) => `The amount in column ${q(p.part)} is larger than the amount in column ${q(p.whole)}, of which it is a part.`,
    E_DUPLICATE_ID: (p) => `Project code ${q(p.value)} is already on row ${p.firstRow}; only the first row is read.`,
  },
  notice: {
    W_EURA_UNKNOWN_STATUS: (p) =>
      `State of activity ${q(p.value)} is not a known one (known: ${list(p.known, 'and')}); the project's status is not taken from the EURA file.`,
    W_EURA_ROWS_NOT_DATA: (p) =>
      `${num(p.count, 'en')} row${p.count === 1 ? '' : 's'} (the first is row ${p.firstRow}) ${p.count === 1 ? 'is' : 'are'} not project rows: no project code (a footer, for example). ${p.count === 1 ? 'It is' : 'They are'} not read.`,
  },
};

export const EURA_PHRASES: Readonly<Record<Language, EuraPhrases>> = { fi, en };

/** The sentence for a workbook that cannot be read, in `lang`. */
export function describeXlsxProblem(problem: XlsxProblem, lang: Language): string {
  return (EURA_PHRASES[lang].problem[problem.code] as (p: XlsxProblem) => string)(problem);
}

/** The reason a row of the EURA export was not used, in `lang`. */
export function describeEuraRowProblem(problem: EuraRowProblem, lang: Language): string {
  return (EURA_PHRASES[lang].row[problem.code] as (p: EuraRowProblem) => string)(problem);
}

/** A notice about the EURA export, in `lang`. */
export function describeEuraNotice(notice: EuraNotice, lang: Language): string {
  return (EURA_PHRASES[lang].notice[notice.code] as (p: EuraNotice) => string)(notice);
}
