import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CliProblem, OutFolderReports } from '@ekoraportti/core';
import { ProblemError } from './_errors.ts';
import type { Manifest } from './_manifest.ts';

/**
 * Checks, before anything is read, that a report can be written into `dir`: it is a folder (or can be
 * made under a folder) that may be written to. Creates nothing: a run that stops later (`--strict`)
 * leaves no trace. A full disk is found when the files are written ({@link writeProblem}).
 */
export async function checkOutDir(dir: string): Promise<void> {
  let path = dir;
  for (;;) {
    const st = await stat(path).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) {
      if (st.code === 'ENOTDIR') {
        // A component above is a file: find which one.
        path = dirname(path);
        continue;
      }
      if (st.code !== 'ENOENT') throw new ProblemError({ code: 'E_OUT_FAILED', dir, reason: st.code ?? st.message });
      const parent = dirname(path);
      if (parent === path) throw new ProblemError({ code: 'E_OUT_FAILED', dir, reason: 'ENOENT' });
      path = parent;
      continue;
    }
    if (!st.isDirectory()) {
      throw new ProblemError(path === dir ? { code: 'E_OUT_IS_FILE', dir } : { code: 'E_OUT_UNDER_FILE', dir, file: path });
    }
    // The nearest existing folder must be writable: the report goes in it, or the folders that hold it do.
    const denied = await access(path, constants.W_OK | constants.X_OK).then(
      () => null,
      (e: NodeJS.ErrnoException) => e,
    );
    if (denied) throw new ProblemError({ code: 'E_OUT_READ_ONLY', dir });
    return;
  }
}

/**
 * Checks that the reports already in `dir` (as its manifest records the latest) are of the same pipeline
 * and agreement version as this run's, and not of real data when this run's is the example: a run
 * writes `report.json` and its dated report over theirs, and a folder's history compares like with like.
 * Example reports may be replaced by real ones; a manifest that does not say counts as real data. A folder
 * without a manifest (`null`) holds nothing to keep.
 */
export function checkOutFolderHolds(dir: string, manifest: Manifest | null, expected: OutFolderReports): void {
  if (manifest === null) return;
  const found: OutFolderReports = { pipeline: manifest.pipeline, agreement: manifest.agreementVersion, exampleData: manifest.run?.exampleData ?? false };
  if (found.pipeline !== expected.pipeline || found.agreement !== expected.agreement || (!found.exampleData && expected.exampleData)) {
    throw new ProblemError({ code: 'E_OUT_OTHER_REPORTS', dir, found, expected });
  }
}

/** The problem an error of the file system is while writing into `dir`; null when it is not one (a bug). */
export function writeProblem(e: unknown, dir: string): CliProblem | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'E_NO_SPACE', dir };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'E_OUT_READ_ONLY', dir };
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return { code: 'E_OUT_IS_FILE', dir };
    case 'EIO':
    case 'EFBIG':
    case 'EMFILE':
    case 'ENFILE':
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return { code: 'E_OUT_FAILED', dir, reason: code };
    default:
      return null;
  }
}
