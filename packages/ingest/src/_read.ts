// readDataFolder, the story: check the folder, read each file (a large indicators.csv in parts, the
// others whole), then add up what the files said into one account of the folder.

import { join } from 'node:path';
import type { Assessment, DataAlert, DataWarning, FundingRow, InputCounts, InputFile, Project } from '@ekoraportti/core';
import type { Rejection, RejectionCode, RejectionCounts, WarningCode, WarningCounts } from '@ekoraportti/core';
import { INPUT_FILES, ROWS_NOT_READ_ALERT } from '@ekoraportti/core';
import { AcceptedRows } from './_accepted.ts';
import type { ReadConfig, ReadOptions } from './_config.ts';
import { readConfig } from './_config.ts';
import type { FileRead } from './_file.ts';
import { hashFile, readFileWhole } from './_file.ts';
import { checkFolder } from './_folder.ts';
import { worthCutting } from './parts/_plan.ts';
import { readInParts } from './parts/_read-in-parts.ts';
import type { PartReaders } from './parts/_threads.ts';
import { startPartWorkers } from './parts/_threads.ts';

export interface IngestResult {
  projects: Project[];
  funding: FundingRow[];
  assessments: Assessment[];
  /**
   * Per file: rowsRead = rowsUsed + rowsRejected (every record read is used or rejected); rowsNotRead
   * beside them counts the rows runaway quotes swallowed, so the file's rows are rowsRead + rowsNotRead.
   */
  inputs: Record<InputFile, InputCounts>;
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
  sha256(): Promise<Record<InputFile, string>>;
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
  const sizes = await checkFolder(dir, cfg.m);
  const accepted = new AcceptedRows();
  // Threads for the parts of a large indicators.csv start now, loading their code while the smaller
  // files before it are read; they are stopped if the file turns out not to be cut after all.
  const tally = cfg.kpiTally;
  const readers = tally && cfg.threads > 1 && worthCutting(sizes['indicators.csv'], cfg.minPartBytes) ? startReaders(cfg.threads - 1, cfg.partWorker) : null;
  const reads = {} as Record<InputFile, FileRead>;
  try {
    for (const file of INPUT_FILES) {
      const inParts = file === 'indicators.csv' && tally && readers ? await readInParts(dir, sizes[file], cfg, accepted, tally, readers) : null;
      reads[file] = inParts ?? (await readFileWhole(dir, file, cfg, accepted, sizes[file]));
    }
  } finally {
    readers?.close();
  }
  return folderResult(dir, cfg, accepted, reads);
}

const bump = <C extends string>(counts: Partial<Record<C, number>>, code: C, by = 1): void => {
  counts[code] = (counts[code] ?? 0) + by;
};

/** What the files said, added up: counts, the first rejected rows and warnings, codes counted, alerts. */
function folderResult(dir: string, cfg: ReadConfig, accepted: AcceptedRows, reads: Record<InputFile, FileRead>): IngestResult {
  const inputs = {} as Record<InputFile, InputCounts>;
  const rejected: Rejection[] = [];
  const rejectedByCode: RejectionCounts = {};
  const warnings: DataWarning[] = [];
  const warningsByCode: WarningCounts = {};
  const dataAlerts: DataAlert[] = [];
  for (const file of INPUT_FILES) {
    const { account, headerWarnings } = reads[file];
    inputs[file] = { ...account.counts };
    for (const r of account.rejected) if (rejected.length < cfg.keep) rejected.push(r);
    for (const [code, n] of Object.entries(account.rejectedByCode) as [RejectionCode, number][]) bump(rejectedByCode, code, n);
    // The file's own warnings; per-row warnings beyond the kept ones were counted, not kept.
    const summed = [
      ...headerWarnings,
      ...account.notes.toWarnings(file, cfg.m, cfg.asOf, cfg.agreement.kpis, cfg.lang),
      ...(file === 'projects.csv' ? noFunding(accepted, cfg) : []),
    ];
    for (const [code, n] of Object.entries(account.warningsByCode) as [WarningCode, number][]) bump(warningsByCode, code, n);
    for (const w of summed) bump(warningsByCode, w.code);
    const fileWarnings = [...account.warnings, ...summed];
    fileWarnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const w of fileWarnings) if (warnings.length < cfg.keep) warnings.push(w);
    const notRead = account.notRead;
    if (account.counts.rowsNotRead >= ROWS_NOT_READ_ALERT) {
      dataAlerts.push({ code: 'ROWS_NOT_READ', file, lines: notRead.map((s) => ({ from: s.from, to: s.to })), count: account.counts.rowsNotRead });
    }
  }
  let hashes: Promise<Record<InputFile, string>> | null = null;
  const hashAll = async (): Promise<Record<InputFile, string>> => {
    const out = {} as Record<InputFile, string>;
    for (const file of INPUT_FILES) out[file] = reads[file].sha256 ?? (await hashFile(join(dir, file)));
    return out;
  };
  const each = <T>(f: (r: FileRead) => T) => Object.fromEntries(INPUT_FILES.map((file) => [file, f(reads[file])])) as Record<InputFile, T>;
  return {
    projects: accepted.projects,
    funding: accepted.funding,
    assessments: accepted.assessments,
    inputs,
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

/** Accepted projects, not cancelled, without a funding row: they do not show in the funding figures. */
function noFunding(accepted: AcceptedRows, cfg: ReadConfig): DataWarning[] {
  return accepted.projects
    .filter((p) => p.status !== 'cancelled' && !accepted.funded.has(p.id))
    .map((p) => ({ file: 'projects.csv', line: p.line, column: 'project_id', message: cfg.m.noFunding(p.id), code: 'W_NO_FUNDING' as const }));
}
