// Every sentence the command line says (its problems, progress lines, `check` and `init`), in
// Finnish and English side by side. The command's code carries codes and data; the words are here.
import type { Language } from '../_agreement.ts';
import { formatDate, formatNumber } from '../_format.ts';
import { EXAMPLE_MARKS } from './ingest.ts';

/** Where a run's data folder came from: `--data`, `EKORAPORTTI_DATA`, `ekoraportti.config.json`, or the embedded example. */
export type DataOrigin = 'flag' | 'env' | 'config' | 'example';

/** What is wrong with one field of a JSON file the command reads (its config, a previous report). */
export type FieldProblem =
  | { kind: 'type'; expected: string }
  | { kind: 'value'; allowed: readonly string[] }
  | { kind: 'unknown' }
  | { kind: 'other'; detail: string };

/** A row that is the first of several rejected ones, as `--strict` names it. */
export interface RowRef {
  file: string;
  line: number;
  column: string;
  reason: string;
}

/**
 * Why the command stops with exit code 1 or 2: the code says what, the data says where. The CLI maps
 * each code to its exit code in one table and writes the words from this phrasebook.
 */
export type CliProblem =
  | { code: 'E_UNKNOWN_OPTION'; option: string }
  | { code: 'E_OPTION_VALUE'; option: string }
  | { code: 'E_UNEXPECTED_ARGUMENT'; argument: string }
  | { code: 'E_MISSING_OPTION'; option: string; what: 'pipeline' | 'data' | 'dir' }
  | { code: 'E_UNKNOWN_PIPELINE'; name: string; known: readonly string[] }
  | { code: 'E_BAD_VALUE'; option: string; value: string; allowed: readonly string[] }
  | { code: 'E_BAD_DATE'; option: string; value: string; problem: 'format' | 'nonexistent' }
  | { code: 'E_AS_OF_RANGE'; value: string; min: string; max: string }
  | { code: 'E_CONFLICTING_OPTIONS'; options: readonly string[] }
  | { code: 'E_OUT_WITH_SEVERAL'; several: 'pipelines' | 'languages' }
  | { code: 'E_CONFIG_JSON'; path: string; detail: string }
  | { code: 'E_CONFIG_FIELD'; path: string; field: string; problem: FieldProblem }
  | { code: 'E_NO_DATA'; dir: string; origin: DataOrigin }
  | { code: 'E_DATA_CHANGED'; dir: string; file: string }
  | { code: 'E_OUT_IS_FILE'; dir: string }
  | { code: 'E_OUT_UNDER_FILE'; dir: string; file: string }
  | { code: 'E_OUT_READ_ONLY'; dir: string }
  | { code: 'E_NO_SPACE'; dir: string }
  | { code: 'E_OUT_FAILED'; dir: string; reason: string }
  | { code: 'E_LOCKED'; dir: string; pid: number }
  | { code: 'E_OUT_OTHER_REPORTS'; dir: string; found: OutFolderReports; expected: OutFolderReports }
  | { code: 'E_STRICT'; count: number; first: RowRef | null; notRead: { file: string; count: number; from: number | null } | null }
  | { code: 'E_PREVIOUS_UNREADABLE'; path: string }
  | { code: 'E_PREVIOUS_NOT_REPORT'; path: string; field: string | null; problem: FieldProblem | null }
  | { code: 'E_PREVIOUS_VERSION'; path: string; version: string; expected: string }
  | { code: 'E_PREVIOUS_NOT_EARLIER'; path: string; asOf: string; current: string }
  | { code: 'E_PREVIOUS_EXAMPLE'; path: string; previousIsExample: boolean }
  | { code: 'E_INIT_EXISTS'; dir: string; files: readonly string[] }
  | { code: 'E_INIT_NOT_DIR'; dir: string }
  /** `ekoraportti distribute`'s own messages (English; they move into this phrasebook next). */
  | { code: 'E_DISTRIBUTE'; message: string };

export type CliProblemCode = CliProblem['code'];

/** What an output folder's reports are: the pipeline, the agreement version and the kind of data. */
export type OutFolderReports = { pipeline: string; agreement: string; exampleData: boolean };

const reportsFi = (r: OutFolderReports) => `${r.pipeline}-raportteja (sopimusversio ${r.agreement}, ${r.exampleData ? 'esimerkkiaineisto' : 'oma aineisto'})`;
const reportsEn = (r: OutFolderReports) => `${r.pipeline} reports (agreement version ${r.agreement}, ${r.exampleData ? 'example data' : 'real data'})`;

type ProblemWords = { readonly [C in CliProblemCode]: (p: Extract<CliProblem, { code: C }>) => string };

/** One progress line of a run, as data. */
export type CliProgress =
  | { kind: 'start'; pipeline: string; dataDir: string; asOf: string; agreement: string; lang: Language }
  | { kind: 'reading'; file: string; rows: number }
  | { kind: 'read'; file: string; rowsRead: number; rowsUsed: number; rowsRejected: number; parts: number; threads: number; rowsLeftOut?: number; rowsNotRead?: number }
  | { kind: 'computed'; seconds: number }
  | { kind: 'rendering'; pdfThread: boolean }
  | { kind: 'rendered'; format: 'PDF' | 'HTML'; bytes: number }
  | { kind: 'waiting'; dir: string; pid: number }
  | { kind: 'wrote'; files: readonly string[]; dir: string }
  | { kind: 'keptNewest'; asOf: string }
  | { kind: 'previous'; file: string; asOf: string; found: boolean }
  | { kind: 'noPrevious'; why: 'none' | 'notFound' | 'example' }
  | { kind: 'skippedCandidate'; file: string }
  | { kind: 'upToDate'; dir: string }
  | { kind: 'rejectedRows'; count: number; notRead: number }
  | { kind: 'uncached'; dir: string; origin: DataOrigin };

type ProgressWords = { readonly [K in CliProgress['kind']]: (p: Extract<CliProgress, { kind: K }>) => string };

/** What `ekoraportti check` prints. */
export interface CheckWords {
  heading(dir: string, agreement: string): string;
  /** `leftOut`: an EURA export's rows of other projects and rows that are no project (its footer). */
  file(file: string, read: number, used: number, rejected: number, warnings: number, leftOut: number | undefined, notRead: number): string;
  rejected(file: string, line: number, column: string, reason: string): string;
  warning(file: string, line: number | null, column: string | null, message: string): string;
  clean(): string;
  rejectedTotal(count: number): string;
  /** Rows `init` wrote as examples, still in the folder: never counted, to be replaced. */
  exampleRows(count: number, othersValid: boolean): string;
}

/** What `ekoraportti init` prints. */
export interface InitWords {
  wrote(dir: string, files: readonly string[]): string;
  next(dir: string): string;
  /** The word that marks an illustrative row, in ids and names: `ESIMERKKI`. */
  exampleMark: string;
}

export interface CliPhrases {
  problem: ProblemWords;
  progress: ProgressWords;
  check: CheckWords;
  init: InitWords;
  /** A bug: the run stopped on something it did not expect. */
  internal(detail: string): string;
}

/** A workbook's rows are rows; a CSV file's are lines. */
const rowWord = (file: string): string => (/\.xlsx\b/i.test(file) ? 'row' : 'line');
const num = (n: number, lang: Language) => formatNumber(n, lang, 0, { spacing: 'space' });
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
const ORIGIN_FI: Record<DataOrigin, string> = {
  flag: 'valitsimella --data',
  env: 'ympäristömuuttujassa EKORAPORTTI_DATA',
  config: 'tiedostossa ekoraportti.config.json',
  example: 'esimerkkiaineistona',
};
const ORIGIN_EN: Record<DataOrigin, string> = {
  flag: 'by --data',
  env: 'by EKORAPORTTI_DATA',
  config: 'in ekoraportti.config.json',
  example: 'as the example data',
};

const FIELD_WORDS: Readonly<Record<Language, { expected: string; allowed: string; unknown: string }>> = {
  fi: { expected: 'odotettiin', allowed: 'sallitut arvot:', unknown: 'tuntematon kenttä, poista se' },
  en: { expected: 'expected', allowed: 'allowed values:', unknown: 'unknown field, remove it' },
};

/** What is wrong with a field, in words. */
function field(p: FieldProblem, lang: Language): string {
  const w = FIELD_WORDS[lang];
  if (p.kind === 'type') return `${w.expected} ${p.expected}`;
  if (p.kind === 'value') return `${w.allowed} ${p.allowed.join(', ')}`;
  return p.kind === 'unknown' ? w.unknown : p.detail;
}

const fi: CliPhrases = {
  problem: {
    E_UNKNOWN_OPTION: (p) => `Tuntematon valitsin ${p.option}.`,
    E_OPTION_VALUE: (p) => `Valitsimelta ${p.option} puuttuu arvo.`,
    E_UNEXPECTED_ARGUMENT: (p) => `Ylimääräinen argumentti '${p.argument}': valitsimet kirjoitetaan muodossa --nimi arvo.`,
    E_MISSING_OPTION: (p) =>
      p.what === 'dir'
        ? `Anna kansio, johon tiedostot kirjoitetaan: ekoraportti ${p.option} KANSIO.`
        : `Valitsin ${p.option} puuttuu${p.what === 'pipeline' ? ' (mikä raportti tehdään).' : ' (kansio, jossa CSV-tiedostot ovat).'}`,
    E_UNKNOWN_PIPELINE: (p) => `Tuntematon raportti '${p.name}'. Vaihtoehdot: ${p.known.join(', ')}.`,
    E_BAD_VALUE: (p) => `${p.option} '${p.value}' ei kelpaa: sallitut arvot ${list(p.allowed, 'ja')}.`,
    E_BAD_DATE: (p) =>
      p.problem === 'nonexistent'
        ? `${p.option} '${p.value}': päivää ei ole kalenterissa. Tarkista päivä ja kuukausi (esim. 2025-09-30).`
        : `${p.option} '${p.value}' ei ole päivämäärä muodossa VVVV-KK-PP (esim. 2025-09-30).`,
    E_AS_OF_RANGE: (p) =>
      `--as-of ${p.value} on sopimuskauden ulkopuolella: anna päivä väliltä ${formatDate(p.min, 'fi')}–${formatDate(p.max, 'fi')}.`,
    E_CONFLICTING_OPTIONS: (p) => `Valitsimia ${list(p.options, 'ja')} ei voi antaa yhdessä: valitse yksi.`,
    E_OUT_WITH_SEVERAL: (p) =>
      p.several === 'pipelines'
        ? 'pnpm report tekee kaikki raportit, joten yksi --out ei riitä: anna --pipeline NIMI tai aseta "out" tiedostoon ekoraportti.config.json.'
        : 'Raportti tehdään usealla kielellä, joten yksi --out ei riitä: anna myös --lang fi tai --lang en.',
    E_CONFIG_JSON: (p) => `Asetustiedosto ${p.path} ei ole kelvollista JSONia: ${p.detail}. Korjaa tiedosto tai poista se.`,
    E_CONFIG_FIELD: (p) => `Asetustiedoston ${p.path} kenttä "${p.field}" ei kelpaa: ${field(p.problem, 'fi')}.`,
    E_NO_DATA: (p) => `Datakansiota ${p.dir} (annettu ${ORIGIN_FI[p.origin]}) ei löydy. Tarkista kansion nimi ja polku.`,
    E_DATA_CHANGED: (p) =>
      `Datakansion ${p.dir} tiedosto ${p.file} muuttui tai poistui raportin teon aikana, joten mitään ei kirjoitettu ` +
      '(edellinen raportti jäi ennalleen). Aja raportti uudelleen, kun tiedostot ovat valmiit.',
    E_OUT_IS_FILE: (p) => `Tuloskansio ${p.dir} on tiedosto eikä kansio. Anna --out-valitsimella kansio.`,
    E_OUT_UNDER_FILE: (p) => `Tuloskansiota ${p.dir} ei voi luoda, koska ${p.file} on tiedosto eikä kansio.`,
    E_OUT_READ_ONLY: (p) => `Tuloskansioon ${p.dir} ei voi kirjoittaa (vain luku). Anna --out-valitsimella kansio, johon on kirjoitusoikeus.`,
    E_NO_SPACE: (p) => `Levytila loppui kansiossa ${p.dir}. Edellinen raportti jäi ennalleen. Vapauta tilaa ja aja uudelleen.`,
    E_OUT_FAILED: (p) => `Tuloskansioon ${p.dir} ei voitu kirjoittaa (${p.reason}). Edellinen raportti jäi ennalleen.`,
    E_LOCKED: (p) => `Toinen ajo (prosessi ${p.pid}) kirjoittaa kansioon ${p.dir}. Yritä uudelleen, kun se on valmis.`,
    E_OUT_OTHER_REPORTS: (p) =>
      `Tuloskansiossa ${p.dir} on ${reportsFi(p.found)}; tämä ajo tekee ${reportsFi(p.expected)} ja korvaisi kansion ` +
      'report.json-tiedoston ja saman päivän raportin. Mitään ei kirjoitettu; anna toinen kansio --out-valitsimella.',
    E_STRICT: (p) =>
      `--strict: ${num(p.count, 'fi')} riviä hylättiin` +
      (p.notRead ? ` ja ${num(p.notRead.count, 'fi')} tiedoston ${p.notRead.file} riviä jäi lukematta (lainausmerkki alkaa rivillä ${p.notRead.from ?? '?'})` : '') +
      ', joten mitään ei kirjoitettu.' +
      (p.first ? ` Ensimmäinen: ${p.first.file} rivi ${p.first.line}, sarake ${p.first.column}: ${p.first.reason}` : ''),
    E_PREVIOUS_UNREADABLE: (p) => `Edellistä raporttia ${p.path} ei voi lukea. Tarkista polku.`,
    E_PREVIOUS_NOT_REPORT: (p) =>
      `${p.path} ei ole ekoraportin report.json` +
      (p.field !== null ? ` (kenttä "${p.field}"${p.problem ? `: ${field(p.problem, 'fi')}` : ''})` : '') +
      '. Anna --previous-valitsimella aiemman ajon report.json tai sen kopio.',
    E_PREVIOUS_VERSION: (p) =>
      `Edellinen raportti ${p.path} mittaa sopimusversiota ${p.version}, tämä ajo versiota ${p.expected}: ` +
      'muutosta ei voi laskea eri tavoitteiden välillä. Anna saman sopimusversion raportti.',
    E_PREVIOUS_NOT_EARLIER: (p) =>
      `Edellisen raportin ${p.path} tilannepäivä ${formatDate(p.asOf, 'fi')} ei ole ennen tämän raportin päivää ` +
      `${formatDate(p.current, 'fi')}. Anna aiemman ajankohdan raportti.`,
    E_PREVIOUS_EXAMPLE: (p) =>
      `Edellinen raportti ${p.path} on tehty ${p.previousIsExample ? 'esimerkkiaineistosta, tämä ajo omasta aineistosta' : 'omasta aineistosta, tämä ajo esimerkkiaineistosta'}: ` +
      'muutokset niiden välillä eivät olisi todellisia. Anna saman aineiston aiempi raportti.',
    E_INIT_EXISTS: (p) => `Kansiossa ${p.dir} on jo ${list(p.files, 'ja')}. Mitään ei korvattu; valitse tyhjä kansio.`,
    E_INIT_NOT_DIR: (p) => `${p.dir} on tiedosto eikä kansio.`,
    E_DISTRIBUTE: (p) => p.message,
  },
  progress: {
    start: (p) =>
      `${p.pipeline}: aineisto ${p.dataDir}, tilanne ${formatDate(p.asOf, 'fi')}, sopimusversio ${p.agreement}, kieli ${p.lang}`,
    reading: (p) => `luetaan ${p.file}: ${num(p.rows, 'fi')} riviä`,
    read: (p) =>
      `luettu ${p.file}: ${num(p.rowsRead, 'fi')} riviä, ${num(p.rowsUsed, 'fi')} käytetty, ${num(p.rowsRejected, 'fi')} hylätty` +
      (p.rowsLeftOut === undefined ? '' : `, ${num(p.rowsLeftOut, 'fi')} jätetty pois (muut hankkeet, alatunnisteet)`) +
      (p.rowsNotRead ? `, ${num(p.rowsNotRead, 'fi')} jäi lukematta (lainausmerkki jäi sulkematta)` : '') +
      (p.parts > 1 ? ` (${p.parts} osassa, ${p.threads} säiettä)` : ''),
    computed: (p) => `raportin luvut laskettu (${p.seconds.toFixed(1).replace('.', ',')} s lukemisen alusta)`,
    rendering: (p) => (p.pdfThread ? 'piirretään PDF (toisessa säikeessä) ja HTML' : 'piirretään PDF'),
    rendered: (p) => `${p.format} valmis (${num(p.bytes, 'fi')} tavua)`,
    waiting: (p) => `odotetaan toista ajoa (prosessi ${p.pid}), joka kirjoittaa kansioon ${p.dir}`,
    wrote: (p) => `kirjoitettu ${p.files.join(', ')} kansioon ${p.dir}`,
    keptNewest: (p) => `kansiossa on uudempi raportti (tilanne ${formatDate(p.asOf, 'fi')}): report.json, rejected.csv ja manifest.json kuvaavat yhä sitä, tämä ajo kirjoitti vain omat päivätyt tiedostonsa`,
    previous: (p) =>
      `${p.found ? 'verrataan edelliseen raporttiin' : 'verrataan annettuun raporttiin'} ${p.file} (tilanne ${formatDate(p.asOf, 'fi')})`,
    noPrevious: (p) =>
      p.why === 'none'
        ? 'ei vertailua edelliseen raporttiin (--previous none)'
        : p.why === 'example'
          ? 'esimerkkiaineisto: ei vertailua edelliseen raporttiin ilman --previous-valitsinta'
          : 'ei aiempaa saman raportin ja sopimusversion raporttia tuloskansiossa: ei vertailua',
    skippedCandidate: (p) => `ohitettiin ${p.file}: ei ekoraportin raporttimalli`,
    upToDate: (p) => `ajan tasalla: ${p.dir} (aineisto, asetukset, sopimusversio ja ohjelma ennallaan; ei tehty uudelleen)`,
    rejectedRows: (p) =>
      [p.count > 0 ? `${num(p.count, 'fi')} riviä hylättiin` : '', p.notRead > 0 ? `${num(p.notRead, 'fi')} riviä jäi lukematta (lainausmerkki jäi sulkematta)` : '']
        .filter((s) => s !== '')
        .join(' ja ') + ': katso rejected.csv ja raportin liite aineiston laadusta.',
    uncached: (p) =>
      `aineisto ${p.dir} (annettu ${ORIGIN_FI[p.origin]}): raportit tehdään ilman turbon välimuistia; ` +
      'ajo ohittaa itse raportin, jonka aineisto ja asetukset eivät ole muuttuneet',
  },
  check: {
    heading: (dir, agreement) => `Tarkistetaan ${dir} (sopimusversio ${agreement})`,
    file: (file, read, used, rejected, warnings, leftOut, notRead) =>
      `${file}: ${num(read, 'fi')} riviä luettu, ${num(used, 'fi')} käytetty, ${num(rejected, 'fi')} hylätty, ` +
      (notRead > 0 ? `${num(notRead, 'fi')} jäi lukematta, ` : '') +
      (leftOut === undefined ? '' : `${num(leftOut, 'fi')} jätetty pois (muut hankkeet, alatunnisteet), `) +
      `${num(warnings, 'fi')} varoitusta`,
    rejected: (file, line, column, reason) => `  hylätty: ${file} rivi ${line}, sarake ${column}: ${reason}`,
    warning: (file, line, column, message) =>
      `  varoitus: ${file}${line !== null ? ` rivi ${line}` : ''}${column !== null ? `, sarake ${column}` : ''}: ${message}`,
    clean: () => 'Kaikki rivit kelpaavat.',
    rejectedTotal: (count) => `${num(count, 'fi')} riviä hylättiin. Korjaa ne ja aja tarkistus uudelleen.`,
    exampleRows: (count, othersValid) =>
      `${num(count, 'fi')} esimerkkiriviä (ESIMERKKI), joita raportti ei laske: korvaa ne omilla tiedoillasi.` +
      (othersValid ? ' Muut rivit kelpaavat.' : ''),
  },
  init: {
    wrote: (dir, files) => `Kirjoitettu kansioon ${dir}: ${files.join(', ')}`,
    next: (dir) =>
      `Korvaa ESIMERKKI-rivit omilla tiedoillasi (ohjeet: LUEMINUT.txt), tallenna EURA 2021 -hankeluettelo (.xlsx) samaan kansioon, ` +
      `tarkista: pnpm ekoraportti check --data ${dir}, ` +
      `ja tee raportit: EKORAPORTTI_DATA=${dir} pnpm report`,
    exampleMark: EXAMPLE_MARKS.fi,
  },
  internal: (detail) => `sisäinen virhe; ilmoita siitä ylläpitäjille: ${detail}`,
};

const en: CliPhrases = {
  problem: {
    E_UNKNOWN_OPTION: (p) => `Unknown option ${p.option}.`,
    E_OPTION_VALUE: (p) => `The option ${p.option} needs a value.`,
    E_UNEXPECTED_ARGUMENT: (p) => `Unexpected argument '${p.argument}': options are written as --name value.`,
    E_MISSING_OPTION: (p) =>
      p.what === 'dir'
        ? `Give the folder to write the files into: ekoraportti ${p.option} DIR.`
        : `Missing ${p.option}${p.what === 'pipeline' ? ' (which report to build).' : ' (the folder with the CSV files).'}`,
    E_UNKNOWN_PIPELINE: (p) => `Unknown pipeline '${p.name}'. Known: ${p.known.join(', ')}.`,
    E_BAD_VALUE: (p) => `${p.option} '${p.value}' is not allowed: use ${list(p.allowed, 'or')}.`,
    E_BAD_DATE: (p) =>
      p.problem === 'nonexistent'
        ? `${p.option} '${p.value}': there is no such day in the calendar. Check the day and the month (e.g. 2025-09-30).`
        : `${p.option} '${p.value}' is not a date of the form YYYY-MM-DD (e.g. 2025-09-30).`,
    E_AS_OF_RANGE: (p) =>
      `--as-of ${p.value} is outside the agreement period: give a date from ${p.min} to ${p.max}.`,
    E_CONFLICTING_OPTIONS: (p) => `The options ${list(p.options, 'and')} cannot be given together: choose one.`,
    E_OUT_WITH_SEVERAL: (p) =>
      p.several === 'pipelines'
        ? 'pnpm report builds every report, so one --out cannot serve them all: give --pipeline NAME, or set "out" in ekoraportti.config.json.'
        : 'The report is built in several languages, so one --out cannot serve them all: give --lang fi or --lang en as well.',
    E_CONFIG_JSON: (p) => `The settings file ${p.path} is not valid JSON: ${p.detail}. Fix it or remove it.`,
    E_CONFIG_FIELD: (p) => `The field "${p.field}" of the settings file ${p.path} is not valid: ${field(p.problem, 'en')}.`,
    E_NO_DATA: (p) => `The data folder ${p.dir} (named ${ORIGIN_EN[p.origin]}) does not exist. Check the folder's name and path.`,
    E_DATA_CHANGED: (p) =>
      `The file ${p.file} in the data folder ${p.dir} changed or went away while the report was being made, so nothing was ` +
      'written (the previous report is as it was). Run the report again once the files are in place.',
    E_OUT_IS_FILE: (p) => `The output folder ${p.dir} is a file, not a folder. Give a folder with --out.`,
    E_OUT_UNDER_FILE: (p) => `The output folder ${p.dir} cannot be made: ${p.file} is a file, not a folder.`,
    E_OUT_READ_ONLY: (p) => `The output folder ${p.dir} cannot be written to (read-only). Give a folder you may write to with --out.`,
    E_NO_SPACE: (p) => `No space left in ${p.dir}. The previous report is unchanged. Free some space and run again.`,
    E_OUT_FAILED: (p) => `Could not write into ${p.dir} (${p.reason}). The previous report is unchanged.`,
    E_LOCKED: (p) => `Another run (process ${p.pid}) is writing into ${p.dir}; try again when it has finished.`,
    E_OUT_OTHER_REPORTS: (p) =>
      `The output folder ${p.dir} holds ${reportsEn(p.found)}; this run makes ${reportsEn(p.expected)} and would replace the ` +
      "folder's report.json and the same date's report. Nothing was written; give another folder with --out.",
    E_STRICT: (p) =>
      `--strict: ${num(p.count, 'en')} row(s) were rejected` +
      (p.notRead ? ` and ${num(p.notRead.count, 'en')} row(s) of ${p.notRead.file} were not read (a quote runs from line ${p.notRead.from ?? '?'})` : '') +
      '; nothing was written.' +
      (p.first ? ` First: ${p.first.file} line ${p.first.line}, column ${p.first.column}: ${p.first.reason}` : ''),
    E_PREVIOUS_UNREADABLE: (p) => `Cannot read the previous report ${p.path}. Check the path.`,
    E_PREVIOUS_NOT_REPORT: (p) =>
      `${p.path} is not a report.json of ekoraportti` +
      (p.field !== null ? ` (field "${p.field}"${p.problem ? `: ${field(p.problem, 'en')}` : ''})` : '') +
      '. Give --previous the report.json of an earlier run, or a copy of it.',
    E_PREVIOUS_VERSION: (p) =>
      `The previous report ${p.path} measures agreement version ${p.version}, this run version ${p.expected}: ` +
      'a change cannot be computed between different targets. Give a report of the same agreement version.',
    E_PREVIOUS_NOT_EARLIER: (p) =>
      `The previous report ${p.path} is as of ${p.asOf}, which is not before this report's ${p.current}. Give an earlier report.`,
    E_PREVIOUS_EXAMPLE: (p) =>
      `The previous report ${p.path} was made from ${p.previousIsExample ? 'the example data, this run from real data' : 'real data, this run from the example data'}: ` +
      'changes between them would not be real. Give an earlier report of the same data.',
    E_INIT_EXISTS: (p) => `${p.dir} already holds ${list(p.files, 'and')}. Nothing was replaced; choose an empty folder.`,
    E_INIT_NOT_DIR: (p) => `${p.dir} is a file, not a folder.`,
    E_DISTRIBUTE: (p) => p.message,
  },
  progress: {
    start: (p) => `${p.pipeline}: data ${p.dataDir}, as of ${p.asOf}, agreement ${p.agreement}, language ${p.lang}`,
    reading: (p) => `reading ${p.file}: ${num(p.rows, 'en')} rows`,
    read: (p) =>
      `read ${p.file}: ${num(p.rowsRead, 'en')} rows, ${num(p.rowsUsed, 'en')} used, ${num(p.rowsRejected, 'en')} rejected` +
      (p.rowsLeftOut === undefined ? '' : `, ${num(p.rowsLeftOut, 'en')} left out (other projects, footer)`) +
      (p.rowsNotRead ? `, ${num(p.rowsNotRead, 'en')} not read (a quote left open)` : '') +
      (p.parts > 1 ? ` (in ${p.parts} parts on ${p.threads} thread(s))` : ''),
    computed: (p) => `computed the report model (${p.seconds.toFixed(1)}s since start of reading)`,
    rendering: (p) => (p.pdfThread ? 'rendering the PDF (on a second thread) and the HTML' : 'rendering the PDF'),
    rendered: (p) => `rendered ${p.format} (${num(p.bytes, 'en')} bytes)`,
    waiting: (p) => `waiting for another run (process ${p.pid}) writing into ${p.dir}`,
    wrote: (p) => `wrote ${p.files.join(', ')} into ${p.dir}`,
    keptNewest: (p) => `the folder holds a later report (as of ${p.asOf}): report.json, rejected.csv and manifest.json still describe it; this run wrote only its own dated files`,
    previous: (p) => `${p.found ? 'comparing with the previous report' : 'comparing with the given report'} ${p.file} (as of ${p.asOf})`,
    noPrevious: (p) =>
      p.why === 'none'
        ? 'no comparison with a previous report (--previous none)'
        : p.why === 'example'
          ? 'example data: no comparison with a previous report unless --previous is given'
          : 'no earlier report of this pipeline and agreement version in the output folder: no comparison',
    skippedCandidate: (p) => `skipped ${p.file}: not a report model of ekoraportti`,
    upToDate: (p) => `up to date: ${p.dir} (data, options, agreement version and tool unchanged; not rebuilt)`,
    rejectedRows: (p) =>
      [p.count > 0 ? `${num(p.count, 'en')} row(s) rejected` : '', p.notRead > 0 ? `${num(p.notRead, 'en')} row(s) not read (a quote left open)` : '']
        .filter((s) => s !== '')
        .join(' and ') + ": see rejected.csv and the report's data-quality appendix.",
    uncached: (p) =>
      `data ${p.dir} (named ${ORIGIN_EN[p.origin]}): the reports are built without turbo's cache; ` +
      'each run skips itself when its data and options have not changed',
  },
  check: {
    heading: (dir, agreement) => `Checking ${dir} (agreement version ${agreement})`,
    file: (file, read, used, rejected, warnings, leftOut, notRead) =>
      `${file}: ${num(read, 'en')} rows read, ${num(used, 'en')} used, ${num(rejected, 'en')} rejected, ` +
      (notRead > 0 ? `${num(notRead, 'en')} not read, ` : '') +
      (leftOut === undefined ? '' : `${num(leftOut, 'en')} left out (other projects, footer), `) +
      `${num(warnings, 'en')} warnings`,
    rejected: (file, line, column, reason) => `  rejected: ${file} ${rowWord(file)} ${line}, column ${column}: ${reason}`,
    warning: (file, line, column, message) =>
      `  warning: ${file}${line !== null ? ` ${rowWord(file)} ${line}` : ''}${column !== null ? `, column ${column}` : ''}: ${message}`,
    clean: () => 'Every row is valid.',
    rejectedTotal: (count) => `${num(count, 'en')} row(s) were rejected. Fix them and run the check again.`,
    exampleRows: (count, othersValid) =>
      `${num(count, 'en')} example row(s) (EXAMPLE) that no report counts: replace them with your own data.` + (othersValid ? ' Every other row is valid.' : ''),
  },
  init: {
    wrote: (dir, files) => `Wrote into ${dir}: ${files.join(', ')}`,
    next: (dir) =>
      `Replace the EXAMPLE rows with your own data (see README.txt), save the EURA 2021 project list (.xlsx) into the same folder, ` +
      `check them: pnpm ekoraportti check --data ${dir}, ` +
      `and build the reports: EKORAPORTTI_DATA=${dir} pnpm report`,
    exampleMark: EXAMPLE_MARKS.en,
  },
  internal: (detail) => `internal error, please report it: ${detail}`,
};

/** The command line's words, by language: a language missing here is a compile error. */
export const CLI_PHRASES: Readonly<Record<Language, CliPhrases>> = { fi, en };

/** The sentence for a problem, in `lang`. */
export function describeProblem(problem: CliProblem, lang: Language): string {
  return (CLI_PHRASES[lang].problem[problem.code] as (p: CliProblem) => string)(problem);
}

/** The line for a progress event, in `lang`. */
export function describeProgress(event: CliProgress, lang: Language): string {
  return (CLI_PHRASES[lang].progress[event.kind] as (p: CliProgress) => string)(event);
}
