// Every sentence the coordinator reads about her data files, in Finnish and English side by side:
// why a folder or file cannot be read, why a row was rejected, what a warning is about. Each names the
// problem and says what to fix, in plain words. Values from the files are quoted through `quoted`, so
// nothing raw (line breaks, controls, invisible characters, binary bytes) reaches a message.

import type { Language } from '../_agreement.ts';
import { formatDate, formatQuantity } from '../_format.ts';
import { quoted as q, showValue } from './_shown.ts';

/**
 * The word `ekoraportti init` marks its illustrative rows with, in the language it wrote them in: project
 * ids `ESIMERKKI-1`, names and texts `ESIMERKKI`. Ingest rejects rows that carry it, so rows left in by
 * mistake never count beside real ones.
 */
export const EXAMPLE_MARKS: Readonly<Record<Language, string>> = { fi: 'ESIMERKKI', en: 'EXAMPLE' };

/** Why a number could not be read. */
export type NumberProblem = 'format' | 'exponent' | 'decimals' | 'too_large' | 'negative';
/** Why a date could not be read. */
export type DateProblem = 'format' | 'nonexistent' | 'range';
/** A file of the folder whose name is close to a missing one (`Funding.CSV`, `funding.xlsx`). */
export interface NearMiss {
  missing: string;
  found: string;
  /** `workbook`: an Excel workbook to save as CSV; `name`: a CSV file to rename. */
  kind: 'name' | 'workbook';
}
/** The key columns two rows share, with the values as written on the later row. */
export type SameKey = { file: 'funding.csv'; project: string; source: string; year: number } | { file: 'indicators.csv'; kpi: string; date: string; project: string | null };

/** What each message needs; one object per language keeps fi and en side by side and complete. */
export interface IngestPhrases {
  noFolder(dir: string): string;
  missingFiles(dir: string, files: readonly string[], all: readonly string[], near: readonly NearMiss[]): string;
  unreadable(file: string, detail: string): string;
  workbook(file: string): string;
  notText(file: string): string;
  emptyFile(file: string, columns: readonly string[]): string;
  missingColumns(file: string, missing: readonly string[], found: readonly string[]): string;
  recordTooLong(file: string, line: number): string;
  missing(column: string): string;
  badNumber(value: string, problem: NumberProblem, kind: 'amount' | 'kpi'): string;
  /** Rows of a comma-separated file that may be a `10,5` without quotes: read as the value 10 and the source 5. */
  splitDecimal(whole: string, decimals: string, line: number, count: number): string;
  /** A row `ekoraportti init` wrote as an example (`mark`: ESIMERKKI or EXAMPLE). */
  exampleRow(mark: string): string;
  badYear(value: string): string;
  badDate(value: string, problem: DateProblem): string;
  unknownValue(value: string, column: string, allowed: string): string;
  unknownMeasure(value: string, version: string, allowed: readonly string[]): string;
  unknownTarget(value: string, allowed: readonly string[]): string;
  unknownKpi(value: string, allowed: readonly string[]): string;
  unknownProject(value: string, projectsFile?: string): string;
  rejectedProject(value: string, line: number, projectsFile?: string): string;
  negative(value: string, kind: 'amount' | 'kpi'): string;
  endBeforeStart(start: string, end: string): string;
  duplicateId(value: string, firstLine: number): string;
  duplicateRow(firstLine: number): string;
  fewerFields(got: number, expected: number, delimiter: string): string;
  moreFields(got: number, expected: number, delimiter: string): string;
  extraColumnName(index: number): string;
  quoteNotClosed(start: number, notRead: number): string;
  runawayQuote(column: string, start: number, end: number, notRead: number): string;
  unknownColumn(column: string, file: string): string;
  duplicateColumn(column: string): string;
  noFunding(projectId: string, fundingFile?: string): string;
  afterAsOf(kpi: string, count: number, asOf: string, firstLine: number): string;
  assessmentsAfterAsOf(target: string, count: number, asOf: string, firstLine: number): string;
  otherVersionKpi(kpi: string, version: string, count: number): string;
  sameKey(key: SameKey, firstLine: number): string;
  hiddenCharacters(column: string, labels: readonly string[], count: number, firstLine: number, example: string): string;
  controlCharacters(column: string, labels: readonly string[], count: number, firstLine: number): string;
  controlLines(labels: readonly string[], count: number, firstLine: number): string;
  mixedEncoding(line: number, sample: string, count: number): string;
  implausibleValue(kpi: string, value: number, threshold: number, unit: string, line: number, count: number): string;
  /** Both forms of a contract file: `funding.csv` and `funding.xlsx`. */
  bothForms(csv: string, workbook: string): string;
  /** Two workbooks of the folder are EURA exports. */
  twoExports(files: readonly string[]): string;
  /** A workbook that is neither a contract file nor an EURA export. */
  notAnExport(file: string): string;
  /** projects.csv and the EURA export give a project different values. */
  euraMismatch(projectId: string, column: string, given: string, eura: string, exportFile: string): string;
  /** funding.csv rows repeat money the EURA export gives for the project. */
  euraFundingRepeated(projectId: string, sources: readonly string[], count: number, firstLine: number, exportFile: string): string;
  /** A projects.csv row relies on EURA for its fields, and its EURA row was rejected. */
  euraRowRejected(projectId: string, exportSheet: string, row: number): string;
  /** A projects.csv row leaves status empty and the export's state word is not a known one. */
  euraStatusUnknown(word: string, exportFile: string): string;
}

const list = (items: readonly string[], lang: Language): string => {
  if (items.length <= 1) return items.join('');
  const and = lang === 'fi' ? ' ja ' : ' and ';
  return items.slice(0, -1).join(', ') + and + items[items.length - 1];
};

const n = (v: number, lang: Language): string => formatQuantity(v, lang);
const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

const nearFi = (x: NearMiss): string =>
  x.kind === 'workbook'
    ? `Kansiossa on ${q(x.found)}: se on Excel-työkirja; tallenna se Excelissä muodossa CSV UTF-8 nimellä ${x.missing}.`
    : `Kansiossa on ${q(x.found)}: nimeä se uudelleen nimelle ${x.missing}.`;
const nearEn = (x: NearMiss): string =>
  x.kind === 'workbook'
    ? `The folder has ${q(x.found)}, an Excel workbook: save it in Excel as CSV UTF-8 under the name ${x.missing}.`
    : `The folder has ${q(x.found)}: rename it to ${x.missing}.`;

const fi: IngestPhrases = {
  noFolder: (dir) => `Datakansiota ${showValue(dir)} ei löydy. Tarkista kansion nimi ja polku.`,
  missingFiles: (dir, files, all, near) =>
    `Kansiosta ${showValue(dir)} ${files.length === 1 ? 'puuttuu tiedosto' : 'puuttuvat tiedostot'} ${list(files, 'fi')}. ` +
    near.map((x) => `${nearFi(x)} `).join('') +
    `Datakansiossa pitää olla ${list(all, 'fi')}.`,
  unreadable: (file, detail) => `Tiedostoa ${file} ei voi lukea: ${showValue(detail)}`,
  workbook: (file) =>
    `Tiedosto ${file} on Excel-työkirja eikä CSV-tiedosto. Avaa se Excelissä ja tallenna muodossa CSV UTF-8 (pilkuin eroteltu), erottimena puolipiste (;).`,
  notText: (file) =>
    `Tiedosto ${file} ei ole tekstitiedosto (siinä on binääritavuja). Tallenna tiedot Excelissä muodossa CSV UTF-8 (pilkuin eroteltu), erottimena puolipiste (;).`,
  emptyFile: (file, columns) =>
    `Tiedosto ${file} on tyhjä. Ensimmäisellä rivillä pitää olla sarakkeet ${list(columns, 'fi')}.`,
  missingColumns: (file, missing, found) =>
    `Tiedostosta ${file} ${missing.length === 1 ? 'puuttuu sarake' : 'puuttuvat sarakkeet'} ${list(missing, 'fi')}. ` +
    `Otsikkorivillä on nyt: ${found.length ? found.map(q).join(', ') : '(ei mitään)'}. ` +
    `Lisää puuttuvat sarakkeet ensimmäiselle riville; sarakkeet erotetaan puolipisteellä (;) tai pilkulla (,).`,
  recordTooLong: (file, line) =>
    `Tiedoston ${file} rivillä ${line} alkava arvo on yli miljoona merkkiä pitkä; siitä puuttuu luultavasti ` +
    `sulkeva lainausmerkki ("). Korjaa lainausmerkit ja tallenna tiedosto uudelleen.`,
  missing: (column) => `Pakollinen sarake ${column} on tyhjä. Täytä arvo tälle riville.`,
  badNumber: (value, problem, kind) => {
    const example = kind === 'amount' ? '1 234 567,50' : '12 tai 3,5';
    switch (problem) {
      case 'exponent':
        return `Luku ${q(value)} on tieteellisessä muodossa, jolloin numeroita on voinut kadota. Muotoile solu Excelissä luvuksi ja vie tiedosto uudelleen.`;
      case 'decimals':
        return `Summassa ${q(value)} on yli kaksi desimaalia. Kirjoita euromäärä sentin tarkkuudella, esim. 1 234,50.`;
      case 'too_large':
        return `Luku ${q(value)} on liian suuri. Tarkista arvo.`;
      default:
        return `${q(value)} ei ole luku. Kirjoita luku muodossa ${example} (desimaalipilkku, välilyönti tuhaterottimena).`;
    }
  },
  exampleRow: (mark) =>
    `Rivi on ekoraportti init -komennon kirjoittama esimerkkirivi (${mark}), ei todellista aineistoa. ` +
    'Korvaa se omilla tiedoillasi tai poista se.',
  splitDecimal: (whole, decimals, line, count) =>
    `Rivillä ${line}${count > 1 ? ` ja ${n(count - 1, 'fi')} muulla rivillä` : ''} arvoa ${q(whole)} seuraa lähde ${q(decimals)}: ` +
    `pilkuin erotetussa tiedostossa luku ${whole},${decimals} ilman lainausmerkkejä jakautuu kahdeksi kentäksi. ` +
    `Rivi on laskettu arvolla ${whole}. Jos tarkoitettiin ${whole},${decimals}, kirjoita luku lainausmerkeissä ` +
    `("${whole},${decimals}") tai desimaalipisteellä (${whole}.${decimals}), tai tallenna tiedosto puolipisteellä erotettuna.`,
  badYear: (value) => `Vuosi ${q(value)} ei kelpaa. Kirjoita vuosi neljällä numerolla väliltä 2000–2100, esim. 2025.`,
  badDate: (value, problem) =>
    problem === 'nonexistent'
      ? `Päivämäärä ${q(value)} ei ole olemassa. Käytä muotoa 31.3.2025 tai 2025-03-31.`
      : problem === 'range'
        ? `Päivämäärän ${q(value)} vuosi ei ole väliltä 1900–2100. Tarkista vuosi.`
        : `${q(value)} ei ole päivämäärä. Käytä muotoa 31.3.2025 tai 2025-03-31.`,
  unknownValue: (value, column, allowed) => `Arvo ${q(value)} ei kelpaa sarakkeeseen ${column}. Sallitut arvot: ${allowed}.`,
  unknownMeasure: (value, version, allowed) =>
    `Toimenpidekokonaisuutta ${q(value)} ei ole sopimuksessa (versio ${version}). Käytä jotakin näistä: ${allowed.join(', ')}.`,
  unknownTarget: (value, allowed) =>
    `Tavoitetta ${q(value)} ei ole sopimuksessa. Kirjoita tavoite muodossa toimenpide/vuosi, esim. ${allowed[0] ?? '4.1.1/2023'}; sallitut: ${allowed.join(', ')}.`,
  unknownKpi: (value, allowed) => `Mittaria ${q(value)} ei ole määritelty sopimuksen tiedoissa. Sallitut mittarit: ${allowed.join(', ')}.`,
  unknownProject: (value, file = 'projects.csv') => `Hanketta ${q(value)} ei ole tiedostossa ${file}. Lisää hanke sinne tai korjaa hanketunnus.`,
  rejectedProject: (value, line, file = 'projects.csv') => `Hankkeen ${q(value)} rivi hylättiin tiedostossa ${file} (rivi ${line}). Korjaa ensin se rivi.`,
  negative: (value, kind) =>
    kind === 'amount'
      ? `Summa ${q(value)} on negatiivinen. Rahoitus kirjataan nollana tai positiivisena summana.`
      : `Arvo ${q(value)} on negatiivinen. Mittarien arvot ovat lukumääriä tai euroja; korjaa virheellinen rivi negatiivisen oikaisun sijaan.`,
  endBeforeStart: (start, end) =>
    `Loppupäivä ${formatDate(end, 'fi')} on ennen alkupäivää ${formatDate(start, 'fi')}. Korjaa hankkeen päivämäärät.`,
  duplicateId: (value, firstLine) =>
    `Hanketunnus ${q(value)} on jo rivillä ${firstLine}. Jokaisella hankkeella on yksi rivi: poista toistuva rivi tai korjaa tunnus.`,
  duplicateRow: (firstLine) =>
    `Rivi on sama kuin rivi ${firstLine} kaikissa raportin lukemissa sarakkeissa (onko vienti liitetty kahdesti?). Sitä ei lasketa toiseen kertaan; poista toistuva rivi.`,
  fewerFields: (got, expected, d) =>
    `Rivillä on ${got} ${got === 1 ? 'kenttä' : 'kenttää'}, otsikkorivillä ${expected}. Tarkista erottimet (${d}) ja lainausmerkit.`,
  moreFields: (got, expected, d) =>
    `Rivillä on ${got} kenttää, otsikkorivillä ${expected}. Arvossa on luultavasti erotin (${d}) ilman lainausmerkkejä; lisää lainausmerkit arvon ympärille.`,
  extraColumnName: (index) => `sarake ${index}`,
  quoteNotClosed: (start, notRead) =>
    `Rivillä ${start} avattu lainausmerkki (") jää sulkematta, joten kaikki siitä tiedoston loppuun luettiin yhdeksi arvoksi` +
    (notRead > 0 ? `: ${n(notRead, 'fi')} ${plural(notRead, 'riviä', 'riviä')} sen jälkeen jäi lukematta.` : '.') +
    ` Lisää puuttuva lainausmerkki.`,
  runawayQuote: (column, start, end, notRead) =>
    `Sarakkeen ${column} arvo alkaa rivillä ${start} lainausmerkillä (") ja jatkuu riville ${end} asti, joten ` +
    `${n(notRead, 'fi')} ${plural(notRead, 'rivi', 'riviä')} jäi lukematta. Poista ylimääräinen lainausmerkki tai sulje se samalla rivillä.`,
  unknownColumn: (column, file) =>
    `Tiedostossa ${file} on sarake ${q(column)}, jota sopimus ei tunne; sen arvot ohitetaan. Tarkista sarakkeen nimi, jos sen piti olla jokin sopimuksen sarakkeista.`,
  duplicateColumn: (column) => `Sarake ${q(column)} on otsikkorivillä kahdesti; vain ensimmäistä käytetään.`,
  noFunding: (projectId, file = 'funding.csv') => `Hankkeella ${q(projectId)} ei ole yhtään riviä tiedostossa ${file} eikä se ole EURA-viennissä, joten se ei näy rahoitusluvuissa.`,
  afterAsOf: (kpi, count, asOf, firstLine) =>
    `Mittarilla ${kpi} on ${n(count, 'fi')} ${plural(count, 'havainto', 'havaintoa')} tilannepäivän ${formatDate(asOf, 'fi')} jälkeen ` +
    `(${plural(count, 'rivillä', 'ensimmäinen rivillä')} ${firstLine}). ${plural(count, 'Se on kelvollinen, mutta ei ole', 'Ne ovat kelvollisia, mutta eivät ole')} mukana tämän raportin luvuissa.`,
  assessmentsAfterAsOf: (target, count, asOf, firstLine) =>
    `Tavoitteella ${target} on ${n(count, 'fi')} ${plural(count, 'arvio', 'arviota')} tilannepäivän ${formatDate(asOf, 'fi')} jälkeen ` +
    `(${plural(count, 'rivillä', 'ensimmäinen rivillä')} ${firstLine}). ${plural(count, 'Se on kelvollinen, mutta ei ole', 'Ne ovat kelvollisia, mutta eivät ole')} mukana tämän raportin luvuissa.`,
  otherVersionKpi: (kpi, version, count) =>
    `Mittari ${kpi} ei kuulu sopimusversioon ${version}: sen ${n(count, 'fi')} ${plural(count, 'havainto luettiin, mutta sitä', 'havaintoa luettiin, mutta niitä')} ei lasketa tämän raportin lukuihin.`,
  sameKey: (key, firstLine) =>
    key.file === 'funding.csv'
      ? `Rivillä on sama hanke, lähde ja vuosi (${q(key.project)}, ${key.source}, ${key.year}) kuin rivillä ${firstLine}, mutta eri summa. ` +
        `Molemmat lasketaan mukaan; tarkista, onko toinen niistä korjaus toiseen.`
      : `Rivillä on sama mittari, päivä ja hanke (${key.kpi}, ${formatDate(key.date, 'fi')}, ${key.project === null ? 'ei hanketta' : q(key.project)}) kuin rivillä ${firstLine}, mutta eri arvo tai lähde. ` +
        `Molemmat luetaan; tarkista, onko toinen niistä korjaus toiseen.`,
  hiddenCharacters: (column, labels, count, firstLine, example) =>
    `Sarakkeen ${column} ${n(count, 'fi')} ${plural(count, 'arvosta', 'arvosta')} poistettiin näkymättömiä merkkejä (${labels.join(', ')}), ` +
    `ensimmäisen kerran rivillä ${firstLine} (${q(example)}). Ne tulevat usein verkkosivulta kopioidusta tekstistä; poista ne tiedostosta.`,
  controlCharacters: (column, labels, count, firstLine) =>
    `Sarakkeen ${column} ${n(count, 'fi')} ${plural(count, 'arvosta', 'arvosta')} poistettiin ohjausmerkkejä (${labels.join(', ')}), ensimmäisen kerran rivillä ${firstLine}. Tarkista, että tiedosto on tallennettu tekstinä.`,
  controlLines: (labels, count, firstLine) =>
    `${count === 1 ? `Rivillä ${firstLine} oli` : `${n(count, 'fi')} rivillä (ensimmäinen ${firstLine}) oli`} vain ohjausmerkkejä (${labels.join(', ')}; U+001A on DOSin tiedoston loppumerkki), joten ${count === 1 ? 'se ohitettiin' : 'ne ohitettiin'}.`,
  mixedEncoding: (line, sample, count) =>
    `Rivillä ${line} on ${q(sample)}, joka on UTF-8-tekstiä Windows-1252-merkistönä luettuna (esim. ä näkyy muodossa Ã¤)` +
    (count > 1 ? `; samoin ${n(count - 1, 'fi')} muulla rivillä` : '') +
    `. Tiedostossa on kahta merkistöä (kaksi vientiä yhdistetty?). Tallenna koko tiedosto muodossa CSV UTF-8.`,
  implausibleValue: (kpi, value, threshold, unit, line, count) =>
    `Mittarin ${kpi} arvo ${n(value, 'fi')} rivillä ${line} on yli tuhatkertainen raja-arvoon ${n(threshold, 'fi')} ${unit} nähden` +
    (count > 1 ? ` (samoin ${n(count - 1, 'fi')} muuta arvoa)` : '') +
    `. Onko yksikkö väärä, esim. euroja M€-sarakkeessa? Arvo on laskettu mukaan sellaisenaan.`,
  bothForms: (csv, workbook) =>
    `Kansiossa on sekä ${csv} että ${workbook}. Pidä vain toinen: siirrä vanhempi pois kansiosta, niin samoja rivejä ei lueta kahdesti.`,
  twoExports: (files) =>
    `Kansiossa on ${files.length} EURA 2021 -hankeluetteloa (${list(files.map(q), 'fi')}). Pidä kansiossa vain uusin vienti, niin samoja hankkeita ei lueta kahdesti.`,
  notAnExport: (file) =>
    `Työkirja ${q(file)} ei ole EURA 2021 -hankeluettelo (sen 30 ensimmäisellä rivillä ei ole EURAn otsikkoriviä) eikä mikään sopimuksen tiedostoista, joten sitä ei luettu.`,
  euraMismatch: (id, column, given, eura, file) =>
    `Hankkeen ${q(id)} sarakkeessa ${column} on tiedostossa projects.csv ${q(given)}, mutta EURA-viennissä ${file} ${q(eura)}. Raportissa käytetään projects.csv:n arvoa; jätä sarake tyhjäksi, niin arvo tulee EURAsta.`,
  euraFundingRepeated: (id, sources, count, firstLine, file) =>
    `Hankkeen ${q(id)} ${n(count, 'fi')} ${plural(count, 'rivi', 'riviä')} (${sources.join(', ')}; ${count === 1 ? '' : 'ensimmäinen '}rivillä ${firstLine}) ${plural(count, 'toistaa', 'toistavat')} rahoitusta, jonka EURA-vienti ${file} antaa hankkeelle. ` +
    `${plural(count, 'Sitä', 'Niitä')} ei lasketa toiseen kertaan; EURAn päätetty rahoitus on mukana. Pidä tiedostossa vain rahoitus, jota EURA ei kerro (AKKE, RRF).`,
  euraRowRejected: (id, sheet, row) =>
    `Hankkeen ${q(id)} tiedot puuttuvat tältä riviltä ja tulisivat EURAsta, mutta hankkeen rivi ${row} hylättiin EURA-viennissä ${sheet} (syy on hylättyjen rivien luettelossa). Korjaa se rivi tai täytä sarakkeet tähän.`,
  euraStatusUnknown: (word, file) =>
    `Pakollinen sarake status on tyhjä, eikä EURA-viennin ${file} toiminnan tila ${q(word)} ole tunnettu tila. Kirjoita tila tälle riville.`,
};

/** The English phrases; `L` is what a file's rows are called: a CSV file's lines, a workbook's rows. */
const enWith = (L: 'line' | 'row'): IngestPhrases => ({
  noFolder: (dir) => `The data folder ${showValue(dir)} does not exist. Check the folder name and path.`,
  missingFiles: (dir, files, all, near) =>
    `The folder ${showValue(dir)} has no ${list(files, 'en')}. ` + near.map((x) => `${nearEn(x)} `).join('') + `A data folder must hold ${list(all, 'en')}.`,
  unreadable: (file, detail) => `The file ${file} cannot be read: ${showValue(detail)}`,
  workbook: (file) => `The file ${file} is an Excel workbook, not a CSV file. Open it in Excel and save it as CSV UTF-8 with a semicolon (;) separator.`,
  notText: (file) => `The file ${file} is not a text file (it holds binary bytes). Save the data from Excel as CSV UTF-8 with a semicolon (;) separator.`,
  emptyFile: (file, columns) => `The file ${file} is empty. Its first line must be the header with the columns ${list(columns, 'en')}.`,
  missingColumns: (file, missing, found) =>
    `The file ${file} has no ${missing.length === 1 ? 'column' : 'columns'} ${list(missing, 'en')}. ` +
    `Its header line now reads: ${found.length ? found.map(q).join(', ') : '(nothing)'}. ` +
    `Add the missing columns to the first line; columns are separated by a semicolon (;) or a comma (,).`,
  recordTooLong: (file, line) =>
    `In ${file}, the value starting on line ${line} is over a million characters long; it probably lacks ` +
    `its closing quote ("). Fix the quotes and save the file again.`,
  missing: (column) => `The required column ${column} is empty. Fill in a value on this row.`,
  badNumber: (value, problem, kind) => {
    const example = kind === 'amount' ? '1234567.50 or 1 234 567,50' : '12 or 3.5';
    switch (problem) {
      case 'exponent':
        return `The number ${q(value)} is in scientific notation, so digits may have been lost. Format the cell as a number in Excel and export the file again.`;
      case 'decimals':
        return `The amount ${q(value)} has more than two decimals. Write euros to the cent, e.g. 1234.50.`;
      case 'too_large':
        return `The number ${q(value)} is too large. Check the value.`;
      default:
        return `${q(value)} is not a number. Write it like ${example}.`;
    }
  },
  exampleRow: (mark) =>
    `This is one of the example rows ekoraportti init wrote (${mark}), not real data. Replace it with your own data or delete it.`,
  splitDecimal: (whole, decimals, line, count) =>
    `On line ${line}${count > 1 ? ` and ${n(count - 1, 'en')} other line(s)` : ''} the value ${q(whole)} is followed by the source ${q(decimals)}: ` +
    `in a comma-separated file the number ${whole},${decimals} without quotes is split into two fields. The row is counted ` +
    `with the value ${whole}. If ${whole},${decimals} was meant, write it in quotes ("${whole},${decimals}") or with a ` +
    `decimal point (${whole}.${decimals}), or save the file separated by semicolons.`,
  badYear: (value) => `The year ${q(value)} is not valid. Write a four-digit year from 2000 to 2100, e.g. 2025.`,
  badDate: (value, problem) =>
    problem === 'nonexistent'
      ? `The date ${q(value)} does not exist. Write dates as 2025-03-31 or 31.3.2025.`
      : problem === 'range'
        ? `The year of the date ${q(value)} is not between 1900 and 2100. Check the year.`
        : `${q(value)} is not a date. Write dates as 2025-03-31 or 31.3.2025.`,
  unknownValue: (value, column, allowed) => `${q(value)} is not a valid value for ${column}. Allowed values: ${allowed}.`,
  unknownMeasure: (value, version, allowed) =>
    `The measure ${q(value)} does not exist in the agreement (version ${version}). Use one of: ${allowed.join(', ')}.`,
  unknownTarget: (value, allowed) =>
    `The target ${q(value)} does not exist in the agreement. Write it as measure/year, e.g. ${allowed[0] ?? '4.1.1/2023'}; allowed: ${allowed.join(', ')}.`,
  unknownKpi: (value, allowed) => `The KPI ${q(value)} is not defined in the agreement data. Allowed KPIs: ${allowed.join(', ')}.`,
  unknownProject: (value, file = 'projects.csv') => `The project ${q(value)} is not in ${file}. Add the project there or correct the project id.`,
  rejectedProject: (value, line, file = 'projects.csv') =>
    `The row of project ${q(value)} was rejected in ${file} (${/\.xlsx\b/.test(file) ? 'row' : 'line'} ${line}). Fix that row first.`,
  negative: (value, kind) =>
    kind === 'amount'
      ? `The amount ${q(value)} is negative. Funding is recorded as zero or a positive amount.`
      : `The value ${q(value)} is negative. KPI values are counts or euros; correct the wrong row instead of adding a negative correction.`,
  endBeforeStart: (start, end) =>
    `The end date ${formatDate(end, 'en')} is before the start date ${formatDate(start, 'en')}. Correct the project's dates.`,
  duplicateId: (value, firstLine) =>
    `The project id ${q(value)} is already used on ${L} ${firstLine}. Each project has one row: delete the repeated row or correct the id.`,
  duplicateRow: (firstLine) =>
    `This row repeats ${L} ${firstLine} in every column the report reads (was the export pasted twice?). It is not counted again; delete the repeated row.`,
  fewerFields: (got, expected, d) =>
    `The row has ${got} ${got === 1 ? 'field' : 'fields'}, the header has ${expected}. Check the separators (${d}) and quotes.`,
  moreFields: (got, expected, d) =>
    `The row has ${got} fields, the header has ${expected}. A value probably contains the separator (${d}) without quotes; put quotes around that value.`,
  extraColumnName: (index) => `column ${index}`,
  quoteNotClosed: (start, notRead) =>
    `The quote (") opened on line ${start} is never closed, so everything from there to the end of the file was read as one value` +
    (notRead > 0 ? `: the ${n(notRead, 'en')} ${plural(notRead, 'row', 'rows')} after it were not read.` : '.') +
    ` Add the missing quote.`,
  runawayQuote: (column, start, end, notRead) =>
    `The value of ${column} that starts with a quote (") on line ${start} runs to line ${end}: ` +
    `${n(notRead, 'en')} ${plural(notRead, 'row was', 'rows were')} not read. Remove the stray quote or close it on the same line.`,
  unknownColumn: (column, file) =>
    `The file ${file} has a column ${q(column)} that the contract does not define; its values are ignored. Check its name if it was meant to be one of the contract's columns.`,
  duplicateColumn: (column) => `The column ${q(column)} appears twice in the header; only the first is used.`,
  noFunding: (projectId, file = 'funding.csv') => `The project ${q(projectId)} has no rows in ${file} and is not in an EURA export, so it does not show in the funding figures.`,
  afterAsOf: (kpi, count, asOf, firstLine) =>
    `The KPI ${kpi} has ${n(count, 'en')} ${plural(count, 'observation', 'observations')} dated after the as-of date ${formatDate(asOf, 'en')} ` +
    `(${plural(count, '', 'the first ')}on ${L} ${firstLine}). ${plural(count, 'It is valid but does', 'They are valid but do')} not count in this report.`,
  assessmentsAfterAsOf: (target, count, asOf, firstLine) =>
    `The target ${target} has ${n(count, 'en')} ${plural(count, 'assessment', 'assessments')} dated after the as-of date ${formatDate(asOf, 'en')} ` +
    `(${plural(count, '', 'the first ')}on ${L} ${firstLine}). ${plural(count, 'It is valid but does', 'They are valid but do')} not count in this report.`,
  otherVersionKpi: (kpi, version, count) =>
    `The KPI ${kpi} is not part of agreement version ${version}: its ${n(count, 'en')} ${plural(count, 'observation was read but does', 'observations were read but do')} not count in this report.`,
  sameKey: (key, firstLine) =>
    key.file === 'funding.csv'
      ? `This row has the same project, source and year (${q(key.project)}, ${key.source}, ${key.year}) as ${L} ${firstLine} but a different amount. ` +
        `Both are counted; check whether one corrects the other.`
      : `This row has the same KPI, date and project (${key.kpi}, ${formatDate(key.date, 'en')}, ${key.project === null ? 'no project' : q(key.project)}) as ${L} ${firstLine} but a different value or source. ` +
        `Both are read; check whether one corrects the other.`,
  hiddenCharacters: (column, labels, count, firstLine, example) =>
    `Invisible characters (${labels.join(', ')}) were removed from ${n(count, 'en')} ${plural(count, 'value', 'values')} of ${column}, ` +
    `first on ${L} ${firstLine} (${q(example)}). They usually come with text copied from a web page; remove them from the file.`,
  controlCharacters: (column, labels, count, firstLine) =>
    `Control characters (${labels.join(', ')}) were removed from ${n(count, 'en')} ${plural(count, 'value', 'values')} of ${column}, first on ${L} ${firstLine}. Check that the file was saved as text.`,
  controlLines: (labels, count, firstLine) =>
    `${count === 1 ? `Line ${firstLine} held` : `${n(count, 'en')} lines (the first ${firstLine}) held`} nothing but control characters (${labels.join(', ')}; U+001A is DOS's end-of-file mark), so ${count === 1 ? 'it was' : 'they were'} skipped.`,
  mixedEncoding: (line, sample, count) =>
    `Line ${line} holds ${q(sample)}, which is UTF-8 text read as Windows-1252 (ä shows as Ã¤)` +
    (count > 1 ? `; so do ${n(count - 1, 'en')} other ${plural(count - 1, 'line', 'lines')}` : '') +
    `. The file mixes two encodings (two exports pasted together?). Save the whole file as CSV UTF-8.`,
  implausibleValue: (kpi, value, threshold, unit, line, count) =>
    `The value ${n(value, 'en')} of the KPI ${kpi} on ${L} ${line} is over 1,000 times its threshold of ${n(threshold, 'en')} ${unit}` +
    (count > 1 ? ` (so are ${n(count - 1, 'en')} other ${plural(count - 1, 'value', 'values')})` : '') +
    `. Is the unit wrong, e.g. euros in an M€ column? The value is counted as it is.`,
  bothForms: (csv, workbook) => `The folder holds both ${csv} and ${workbook}. Keep only one: move the older one out of the folder, so that no row is read twice.`,
  twoExports: (files) =>
    `The folder holds ${files.length} EURA 2021 project exports (${list(files.map(q), 'en')}). Keep only the newest export in the folder, so that no project is read twice.`,
  notAnExport: (file) =>
    `The workbook ${q(file)} is not an EURA 2021 project export (none of its first 30 rows is EURA's header row) nor one of the agreement's files, so it was not read.`,
  euraMismatch: (id, column, given, eura, file) =>
    `For project ${q(id)}, projects.csv gives ${column} ${q(given)} and the EURA export ${file} gives ${q(eura)}. The report uses projects.csv's value; leave the column empty to take EURA's.`,
  euraFundingRepeated: (id, sources, count, firstLine, file) =>
    `${n(count, 'en')} ${plural(count, L, `${L}s`)} of project ${q(id)} (${sources.join(', ')}; ${count === 1 ? '' : 'the first '}on ${L} ${firstLine}) ${plural(count, 'repeats', 'repeat')} money the EURA export ${file} gives for the project. ` +
    `${plural(count, 'It is', 'They are')} not counted twice; EURA's decided funding is counted. Keep only money EURA does not carry (AKKE, RRF) in the file.`,
  euraRowRejected: (id, sheet, row) =>
    `The project ${q(id)} leaves fields of this row to EURA, but its row ${row} in the EURA export ${sheet} was rejected (the reason is in the list of rejected rows). Fix that row or fill in the columns here.`,
  euraStatusUnknown: (word, file) =>
    `The required column status is empty, and the state ${q(word)} in the EURA export ${file} is not a known status. Write the status on this row.`,
});

/** The ingest phrases in both report languages. */
export const INGEST_PHRASES: Readonly<Record<Language, IngestPhrases>> = { fi, en: enWith('line') };

/** The Finnish words a workbook's rows and cells take where a CSV file's lines and separators would be named. */
const fiSheet: Partial<IngestPhrases> = {
  emptyFile: (file, columns) => `Työkirjan ${file} ensimmäinen taulukko on tyhjä. Sen ensimmäisellä rivillä pitää olla sarakkeet ${list(columns, 'fi')}.`,
  missingColumns: (file, missing, found) =>
    `Työkirjasta ${file} ${missing.length === 1 ? 'puuttuu sarake' : 'puuttuvat sarakkeet'} ${list(missing, 'fi')}. ` +
    `Ensimmäisen taulukon otsikkorivillä on nyt: ${found.length ? found.map(q).join(', ') : '(ei mitään)'}. Lisää puuttuvat sarakeotsikot ensimmäiselle riville.`,
  moreFields: (got, expected) => `Rivillä on arvoja ${got} sarakkeessa, otsikkorivillä ${expected} saraketta. Poista arvot otsikoimattomista sarakkeista tai lisää niille otsikot.`,
};
const enSheet: Partial<IngestPhrases> = {
  emptyFile: (file, columns) => `The first sheet of the workbook ${file} is empty. Its first row must be the header with the columns ${list(columns, 'en')}.`,
  missingColumns: (file, missing, found) =>
    `The workbook ${file} has no ${missing.length === 1 ? 'column' : 'columns'} ${list(missing, 'en')}. ` +
    `The header row of its first sheet now reads: ${found.length ? found.map(q).join(', ') : '(nothing)'}. Add the missing headers to the first row.`,
  moreFields: (got, expected) => `The row has values in ${got} columns, the header names ${expected}. Remove the values from columns without a header, or give them headers.`,
};

/** The phrases for a contract file saved as a workbook: rows instead of lines, cells instead of separators. */
export const SHEET_PHRASES: Readonly<Record<Language, IngestPhrases>> = { fi: { ...fi, ...fiSheet }, en: { ...enWith('row'), ...enSheet } };
