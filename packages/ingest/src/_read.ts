// readDataFolder, the story: check the folder, read projects.csv, then the EURA export beside it (which
// decides the projects.csv rows that left their fields to EURA), then the other files (a large
// indicators.csv in parts, the others whole, each as CSV or as a workbook), then add up what the files
// said into one account of the folder.

import { join } from 'node:path';
import type { Assessment, DataAlert, DataWarning, EuraInput, FundingRow, InputCounts, InputFile, Project } from '@ekoraportti/core';
import type { Rejection, RejectionCode, RejectionCounts, WarningCode, WarningCounts } from '@ekoraportti/core';
import { INPUT_FILES, ROWS_NOT_READ_ALERT } from '@ekoraportti/core';
import { AcceptedRows } from './_accepted.ts';
import type { FileAccount } from './_account.ts';
import type { ReadConfig, ReadOptions } from './_config.ts';
import { readConfig } from './_config.ts';
import type { FileRead } from './_file.ts';
import { hashFile, readFileWhole } from './_file.ts';
import type { EuraRead } from './_eura.ts';
import { linkEura, readEura } from './_eura.ts';
import type { DataFolder } from './_folder.ts';
import { scanFolder } from './_folder.ts';
import { inWorkbook, readSheetWhole } from './_sheet.ts';
import { worthCutting } from './parts/_plan.ts';
import { readInParts } from './parts/_read-in-parts.ts';
import type { PartReaders } from './parts/_threads.ts';
import { startPartWorkers } from './parts/_threads.ts';

export interface IngestResult {
  projects: Project[];
  funding: FundingRow[];
  assessments: Assessment[];
  /**
   * Per file, by the name it has in the folder (`funding.csv` or `funding.xlsx`, and the EURA export
   * after projects.csv): rowsRead = rowsUsed + rowsRejected (every record read is used or rejected);
   * rowsNotRead beside them counts the rows runaway quotes swallowed, so the file's rows are rowsRead +
   * rowsNotRead. For the EURA export rowsRead = rowsUsed + rowsRejected + rowsLeftOut + rowsNotData.
   */
  inputs: Record<string, InputCounts>;
  /** The EURA export's money of the projects it gives, for core; null without an export. */
  eura: EuraInput | null;
  /** The contract files read from workbooks, with the sheet read. */
  workbooks: Partial<Record<InputFile, { file: string; sheet: string }>>;
  /** Every file of the folder that was read (or looked at: a workbook that is no export), in reading order. */
  files: string[];
  /** The first `keep` rejected rows, by file (projects, funding, indicators, assessments), then line. */
  rejected: Rejection[];
  /** Every rejected row, by code. */
  rejectedByCode: RejectionCounts;
  /** The first `keep` warnings, by file, then line. */
  warnings: DataWarning[];
  /** Every warning, by code. */
  warningsByCode: WarningCounts;
  /** Files that lost ROWS_NOT_READ_ALERT or more rows to runaway quotes: the report's first page says so. */
  dataAlerts: DataAlert[];
  /**
   * sha256 of each file's bytes (for the manifest). A file read whole was hashed as it streamed past;
   * a file read in parts is hashed on the first call, so the threads that read it spend no time on
   * it while the report waits for them (the caller asks once the report is under way).
   */
  sha256(): Promise<Record<string, string>>;
  /** How many parts each file was read in (1: whole, on this thread). */
  parts: Record<InputFile, number>;
  /** How many threads read each file's parts (1: this thread alone). */
  threads: Record<InputFile, number>;
}

/**
 * Reads projects.csv, funding.csv, indicators.csv and assessments.csv from `dir`, in that order (later
 * files refer to projects accepted earlier), in whichever dialect each is written. Every row after
 * the header is used, rejected with its file, line, column and a reason in `options.lang`, or — when a
 * runaway quote swallowed it — counted as not read. Throws IngestError only when a file cannot be
 * read at all. `startReaders` starts the threads for a large indicators.csv (tests pass their own).
 */
export async function readDataFolder(
  dir: string,
  options: ReadOptions,
  startReaders: (count: number, entry: URL) => PartReaders = startPartWorkers,
): Promise<IngestResult> {
  const cfg = readConfig(options);
  const folder = await scanFolder(dir, cfg.m);
  const accepted = new AcceptedRows();
  for (const file of INPUT_FILES) accepted.names.set(file, folder.files[file].name);
  // Threads for the parts of a large indicators.csv start now, loading their code while the smaller
  // files before it are read; they are stopped if the file turns out not to be cut after all.
  const tally = cfg.kpiTally;
  const indicators = folder.files['indicators.csv'];
  const cut = tally && cfg.threads > 1 && indicators.kind === 'csv' && worthCutting(indicators.size, cfg.minPartBytes);
  const readers = cut ? startReaders(cfg.threads - 1, cfg.partWorker) : null;
  // With a workbook that may be an EURA export in the folder, projects.csv rows may leave fields to it.
  const euraPossible = folder.workbooks.length > 0;
  const read = (file: InputFile, c: ReadConfig): Promise<FileRead> => {
    const src = folder.files[file];
    return src.kind === 'xlsx'
      ? readSheetWhole(dir, file, src.name, c, accepted, euraPossible)
      : readFileWhole(dir, file, c, accepted, src.size, euraPossible);
  };
  const reads = {} as Record<InputFile, FileRead>;
  let eura: EuraRead | null = null;
  const notExports: DataWarning[] = [];
  try {
    // The rows of projects.csv left to EURA are decided once the export is read: its rejected rows wait
    // till then, so they still come in line order.
    const held = euraPossible ? holdRejected(cfg) : null;
    reads['projects.csv'] = await read('projects.csv', held?.cfg ?? cfg);
    if (held) {
      const { exp, notRead } = await readEura(dir, folder.workbooks, cfg, accepted);
      notExports.push(...notRead);
      eura = linkEura(exp, cfg, accepted, reads['projects.csv'].account);
      held.release(reads['projects.csv'].account);
      for (const r of eura?.rejected ?? []) cfg.onRejected?.(r);
    }
    for (const file of INPUT_FILES.slice(1)) {
      const inParts = file === 'indicators.csv' && tally && readers ? await readInParts(dir, indicators.size, cfg, accepted, tally, readers) : null;
      reads[file] = inParts ?? (await read(file, cfg));
    }
  } finally {
    readers?.close();
  }
  return folderResult(dir, cfg, accepted, reads, { folder, eura, notExports });
}

/**
 * A configuration whose rejected rows are held, not streamed on, until `release`: then they go on in
 * line order, and the account keeps the first `keep` of them. For projects.csv, whose rows may be
 * decided late (a file of one row per project: holding its rejected rows costs little).
 */
function holdRejected(cfg: ReadConfig): { cfg: ReadConfig; release(account: FileAccount): void } {
  const held: Rejection[] = [];
  return {
    cfg: Object.freeze({ ...cfg, onRejected: (r: Rejection) => void held.push(r), keep: Number.POSITIVE_INFINITY }),
    release(account) {
      const byLine = (a: Rejection, b: Rejection) => a.line - b.line;
      for (const r of held.sort(byLine)) cfg.onRejected?.(r);
      account.rejected.sort(byLine);
      if (account.rejected.length > cfg.keep) account.rejected.length = cfg.keep;
    },
  };
}

const bump = <C extends string>(counts: Partial<Record<C, number>>, code: C, by = 1): void => {
  counts[code] = (counts[code] ?? 0) + by;
};

/** What the files said, added up: counts, the first rejected rows and warnings, codes counted, alerts. */
function folderResult(
  dir: string,
  cfg: ReadConfig,
  accepted: AcceptedRows,
  reads: Record<InputFile, FileRead>,
  more: { folder: DataFolder; eura: EuraRead | null; notExports: DataWarning[] },
): IngestResult {
  const inputs: Record<string, InputCounts> = {};
  const rejected: Rejection[] = [];
  const rejectedByCode: RejectionCounts = {};
  const warnings: DataWarning[] = [];
  const warningsByCode: WarningCounts = {};
  const dataAlerts: DataAlert[] = [];
  /** One file's rejected rows (counted by code already, or counted here) and warnings, in line order. */
  const add = (rows: readonly Rejection[], byCode: RejectionCounts | null, fileWarnings: DataWarning[]): void => {
    for (const r of rows) if (rejected.length < cfg.keep) rejected.push(r);
    if (byCode === null) for (const r of rows) bump(rejectedByCode, r.code);
    else for (const [code, n] of Object.entries(byCode) as [RejectionCode, number][]) bump(rejectedByCode, code, n);
    fileWarnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const w of fileWarnings) if (warnings.length < cfg.keep) warnings.push(w);
  };
  const { eura } = more;
  for (const file of INPUT_FILES) {
    const { account, headerWarnings, workbook } = reads[file];
    inputs[workbook?.file ?? file] = { ...account.counts, ...(workbook ? { sheet: workbook.sheet } : {}) };
    // The file's own warnings; per-row warnings beyond the kept ones were counted, not kept.
    const summed = [
      ...headerWarnings,
      ...account.notes.toWarnings(file, cfg.m, cfg.asOf, cfg.agreement.kpis, cfg.lang),
      ...(file === 'projects.csv' ? noFunding(accepted, cfg) : []),
    ];
    for (const [code, n] of Object.entries(account.warningsByCode) as [WarningCode, number][]) bump(warningsByCode, code, n);
    for (const w of summed) bump(warningsByCode, w.code);
    add(
      account.rejected.map((r) => inWorkbook(r, workbook)),
      account.rejectedByCode,
      [...account.warnings, ...summed].map((w) => inWorkbook(w, workbook)),
    );
    const notRead = account.notRead;
    if (account.counts.rowsNotRead >= ROWS_NOT_READ_ALERT) {
      dataAlerts.push({ code: 'ROWS_NOT_READ', file, lines: notRead.map((s) => ({ from: s.from, to: s.to })), count: account.counts.rowsNotRead });
    }
    if (file !== 'projects.csv') continue;
    // The EURA export, and the workbooks that are none, after projects.csv: they were read then.
    if (eura) inputs[eura.file] = { ...eura.counts };
    const euraWarnings = [...(eura?.warnings ?? []), ...more.notExports];
    for (const w of euraWarnings) bump(warningsByCode, w.code);
    add(eura?.rejected ?? [], null, euraWarnings);
  }
  const files = [...INPUT_FILES.map((f) => reads[f].workbook?.file ?? f), ...more.folder.workbooks.map((w) => w.name)];
  let hashes: Promise<Record<string, string>> | null = null;
  const hashAll = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const file of INPUT_FILES) out[reads[file].workbook?.file ?? file] = reads[file].sha256 ?? (await hashFile(join(dir, file)));
    for (const w of more.folder.workbooks) out[w.name] = await hashFile(join(dir, w.name));
    return out;
  };
  const each = <T>(f: (r: FileRead) => T) => Object.fromEntries(INPUT_FILES.map((file) => [file, f(reads[file])])) as Record<InputFile, T>;
  const workbooks: IngestResult['workbooks'] = {};
  for (const file of INPUT_FILES) if (reads[file].workbook) workbooks[file] = { ...(reads[file].workbook as { file: string; sheet: string }) };
  return {
    projects: accepted.projects,
    funding: accepted.funding,
    assessments: accepted.assessments,
    inputs,
    eura: eura?.input ?? null,
    workbooks,
    files,
    rejected,
    rejectedByCode,
    warnings,
    warningsByCode,
    dataAlerts,
    sha256: () => (hashes ??= hashAll()),
    parts: each((r) => r.parts),
    threads: each((r) => r.threads),
  };
}

/** Accepted projects, not cancelled, with neither a funding row nor EURA money: they do not show in the funding figures. */
function noFunding(accepted: AcceptedRows, cfg: ReadConfig): DataWarning[] {
  const fundingFile = accepted.names.get('funding.csv');
  return accepted.projects
    .filter((p) => p.status !== 'cancelled' && !accepted.funded.has(p.id) && !accepted.euraFunded.has(p.id))
    .map((p) => ({ file: 'projects.csv', line: p.line, column: 'project_id', message: cfg.m.noFunding(p.id, fundingFile), code: 'W_NO_FUNDING' as const }));
}
