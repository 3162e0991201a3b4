// Every sentence the coordinator reads from this package, in Finnish and English.
// Each one names the problem and says what to fix, in plain words.

import type { Language } from '@ekoraportti/core';
import type { DateProblem, NumberProblem } from './_values.ts';

/** ISO date as the report language writes it: `31.3.2025` or `2025-03-31`. */
export function showDate(iso: string, lang: Language): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

const q = (v: string): string => `'${v.length > 60 ? v.slice(0, 57) + '…' : v}'`;

const list = (items: readonly string[], lang: Language): string => {
  if (items.length <= 1) return items.join('');
  const and = lang === 'fi' ? ' ja ' : ' and ';
  return items.slice(0, -1).join(', ') + and + items[items.length - 1];
};

/** What each message needs; one object per language keeps fi and en side by side and complete. */
export interface Messages {
  noFolder(dir: string): string;
  missingFiles(dir: string, files: readonly string[], all: readonly string[]): string;
  unreadable(file: string, detail: string): string;
  emptyFile(file: string, columns: readonly string[]): string;
  missingColumns(file: string, missing: readonly string[], found: readonly string[]): string;
  recordTooLong(file: string, line: number): string;
  missing(column: string): string;
  badNumber(value: string, problem: NumberProblem, kind: 'amount' | 'kpi'): string;
  badYear(value: string): string;
  badDate(value: string, problem: DateProblem): string;
  unknownValue(value: string, column: string, allowed: string): string;
  unknownMeasure(value: string, version: string, allowed: readonly string[]): string;
  unknownTarget(value: string, allowed: readonly string[]): string;
  unknownKpi(value: string, allowed: readonly string[]): string;
  unknownProject(value: string): string;
  rejectedProject(value: string, line: number): string;
  negative(value: string, kind: 'amount' | 'kpi'): string;
  endBeforeStart(start: string, end: string): string;
  duplicateId(value: string, firstLine: number): string;
  fewerFields(got: number, expected: number, delimiter: string): string;
  moreFields(got: number, expected: number, delimiter: string): string;
  extraColumnName(index: number): string;
  quoteNotClosed(start: number): string;
  unknownColumn(column: string, file: string): string;
  duplicateColumn(column: string): string;
  noFunding(projectId: string): string;
  afterAsOf(kpi: string, count: number, asOf: string, firstLine: number): string;
}

const fi: Messages = {
  noFolder: (dir) => `Datakansiota ${dir} ei löydy. Tarkista kansion nimi ja polku.`,
  missingFiles: (dir, files, all) =>
    `Kansiosta ${dir} ${files.length === 1 ? 'puuttuu tiedosto' : 'puuttuvat tiedostot'} ${list(files, 'fi')}. ` +
    `Datakansiossa pitää olla ${list(all, 'fi')}.`,
  unreadable: (file, detail) => `Tiedostoa ${file} ei voi lukea: ${detail}`,
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
  badYear: (value) => `Vuosi ${q(value)} ei kelpaa. Kirjoita vuosi neljällä numerolla väliltä 2000–2100, esim. 2025.`,
  badDate: (value, problem) =>
    problem === 'nonexistent'
      ? `Päivämäärä ${q(value)} ei ole olemassa. Käytä muotoa 31.3.2025 tai 2025-03-31.`
      : problem === 'range'
        ? `Päivämäärän ${q(value)} vuosi ei ole väliltä 1900–2100. Tarkista vuosi.`
        : `${q(value)} ei ole päivämäärä. Käytä muotoa 31.3.2025 tai 2025-03-31.`,
  unknownValue: (value, column, allowed) =>
    `Arvo ${q(value)} ei kelpaa sarakkeeseen ${column}. Sallitut arvot: ${allowed}.`,
  unknownMeasure: (value, version, allowed) =>
    `Toimenpidekokonaisuutta ${q(value)} ei ole sopimuksessa (versio ${version}). Käytä jotakin näistä: ${allowed.join(', ')}.`,
  unknownTarget: (value, allowed) =>
    `Tavoitetta ${q(value)} ei ole sopimuksessa. Kirjoita tavoite muodossa toimenpide/vuosi, esim. ${allowed[0] ?? '4.1.1/2023'}; sallitut: ${allowed.join(', ')}.`,
  unknownKpi: (value, allowed) =>
    `Mittaria ${q(value)} ei ole määritelty sopimuksen tiedoissa. Sallitut mittarit: ${allowed.join(', ')}.`,
  unknownProject: (value) =>
    `Hanketta ${q(value)} ei ole tiedostossa projects.csv. Lisää hanke sinne tai korjaa hanketunnus.`,
  rejectedProject: (value, line) =>
    `Hankkeen ${q(value)} rivi hylättiin tiedostossa projects.csv (rivi ${line}). Korjaa ensin se rivi.`,
  negative: (value, kind) =>
    kind === 'amount'
      ? `Summa ${q(value)} on negatiivinen. Rahoitus kirjataan nollana tai positiivisena summana.`
      : `Arvo ${q(value)} on negatiivinen. Mittarien arvot ovat lukumääriä tai euroja; korjaa virheellinen rivi negatiivisen oikaisun sijaan.`,
  endBeforeStart: (start, end) =>
    `Loppupäivä ${showDate(end, 'fi')} on ennen alkupäivää ${showDate(start, 'fi')}. Korjaa hankkeen päivämäärät.`,
  duplicateId: (value, firstLine) =>
    `Hanketunnus ${q(value)} on jo rivillä ${firstLine}. Jokaisella hankkeella on yksi rivi: poista toistuva rivi tai korjaa tunnus.`,
  fewerFields: (got, expected, d) =>
    `Rivillä on ${got} ${got === 1 ? 'kenttä' : 'kenttää'}, otsikkorivillä ${expected}. Tarkista erottimet (${d}) ja lainausmerkit.`,
  moreFields: (got, expected, d) =>
    `Rivillä on ${got} kenttää, otsikkorivillä ${expected}. Arvossa on luultavasti erotin (${d}) ilman lainausmerkkejä; lisää lainausmerkit arvon ympärille.`,
  extraColumnName: (index) => `sarake ${index}`,
  quoteNotClosed: (start) =>
    `Rivillä ${start} avattu lainausmerkki (") jää sulkematta, joten kaikki siitä tiedoston loppuun luettiin yhdeksi arvoksi eikä niitä voitu käyttää. Lisää puuttuva lainausmerkki.`,
  unknownColumn: (column, file) =>
    `Tiedostossa ${file} on sarake ${q(column)}, jota sopimus ei tunne; sen arvot ohitetaan. Tarkista sarakkeen nimi, jos sen piti olla jokin sopimuksen sarakkeista.`,
  duplicateColumn: (column) => `Sarake ${q(column)} on otsikkorivillä kahdesti; vain ensimmäistä käytetään.`,
  noFunding: (projectId) =>
    `Hankkeella ${q(projectId)} ei ole yhtään riviä tiedostossa funding.csv, joten se ei näy rahoitusluvuissa.`,
  afterAsOf: (kpi, count, asOf, firstLine) =>
    `Mittarilla ${kpi} on ${count} ${count === 1 ? 'havainto' : 'havaintoa'} tarkastelupäivän ${showDate(asOf, 'fi')} jälkeen ` +
    `(ensimmäinen rivillä ${firstLine}). Ne ovat kelvollisia, mutta eivät ole mukana tämän raportin luvuissa.`,
};

const en: Messages = {
  noFolder: (dir) => `The data folder ${dir} does not exist. Check the folder name and path.`,
  missingFiles: (dir, files, all) =>
    `The folder ${dir} has no ${list(files, 'en')}. A data folder must hold ${list(all, 'en')}.`,
  unreadable: (file, detail) => `The file ${file} cannot be read: ${detail}`,
  emptyFile: (file, columns) =>
    `The file ${file} is empty. Its first line must be the header with the columns ${list(columns, 'en')}.`,
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
  badYear: (value) => `The year ${q(value)} is not valid. Write a four-digit year from 2000 to 2100, e.g. 2025.`,
  badDate: (value, problem) =>
    problem === 'nonexistent'
      ? `The date ${q(value)} does not exist. Write dates as 2025-03-31 or 31.3.2025.`
      : problem === 'range'
        ? `The year of the date ${q(value)} is not between 1900 and 2100. Check the year.`
        : `${q(value)} is not a date. Write dates as 2025-03-31 or 31.3.2025.`,
  unknownValue: (value, column, allowed) =>
    `${q(value)} is not a valid value for ${column}. Allowed values: ${allowed}.`,
  unknownMeasure: (value, version, allowed) =>
    `The measure ${q(value)} does not exist in the agreement (version ${version}). Use one of: ${allowed.join(', ')}.`,
  unknownTarget: (value, allowed) =>
    `The target ${q(value)} does not exist in the agreement. Write it as measure/year, e.g. ${allowed[0] ?? '4.1.1/2023'}; allowed: ${allowed.join(', ')}.`,
  unknownKpi: (value, allowed) =>
    `The KPI ${q(value)} is not defined in the agreement data. Allowed KPIs: ${allowed.join(', ')}.`,
  unknownProject: (value) =>
    `The project ${q(value)} is not in projects.csv. Add the project there or correct the project id.`,
  rejectedProject: (value, line) =>
    `The row of project ${q(value)} was rejected in projects.csv (line ${line}). Fix that row first.`,
  negative: (value, kind) =>
    kind === 'amount'
      ? `The amount ${q(value)} is negative. Funding is recorded as zero or a positive amount.`
      : `The value ${q(value)} is negative. KPI values are counts or euros; correct the wrong row instead of adding a negative correction.`,
  endBeforeStart: (start, end) =>
    `The end date ${showDate(end, 'en')} is before the start date ${showDate(start, 'en')}. Correct the project's dates.`,
  duplicateId: (value, firstLine) =>
    `The project id ${q(value)} is already used on line ${firstLine}. Each project has one row: delete the repeated row or correct the id.`,
  fewerFields: (got, expected, d) =>
    `The row has ${got} ${got === 1 ? 'field' : 'fields'}, the header has ${expected}. Check the separators (${d}) and quotes.`,
  moreFields: (got, expected, d) =>
    `The row has ${got} fields, the header has ${expected}. A value probably contains the separator (${d}) without quotes; put quotes around that value.`,
  extraColumnName: (index) => `column ${index}`,
  quoteNotClosed: (start) =>
    `The quote (") opened on line ${start} is never closed, so everything from there to the end of the file was read as one value and could not be used. Add the missing quote.`,
  unknownColumn: (column, file) =>
    `The file ${file} has a column ${q(column)} that the contract does not define; its values are ignored. Check its name if it was meant to be one of the contract's columns.`,
  duplicateColumn: (column) => `The column ${q(column)} appears twice in the header; only the first is used.`,
  noFunding: (projectId) =>
    `The project ${q(projectId)} has no rows in funding.csv, so it does not show in the funding figures.`,
  afterAsOf: (kpi, count, asOf, firstLine) =>
    `The KPI ${kpi} has ${count} ${count === 1 ? 'observation' : 'observations'} dated after the as-of date ${showDate(asOf, 'en')} ` +
    `(the first on line ${firstLine}). They are valid but do not count in this report.`,
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { fi, en };
