import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { reportModelSchema, type AgreementVersion, type Language, type ReportModel } from '@ekoraportti/core';
import { ProblemError } from './_errors.ts';
import { sha256 } from './_manifest.ts';
import { firstIssue } from './_zod-issue.ts';

/**
 * The history of an output folder: every run keeps its report model as `<city>-<pipeline>-<as-of>[-en].json`
 * beside its PDF and HTML (`report.json` is only the latest), so a later run can find the one before it.
 */
export interface HistoryEntry {
  path: string;
  asOf: string;
  lang: string;
}

/** A previous report: its model, the file it came from and that file's sha256 (for the up-to-date check). */
export interface PreviousReport {
  model: ReportModel;
  path: string;
  sha256: string;
}

/** How a run picks the report it compares with. */
export type PreviousChoice = { kind: 'auto' } | { kind: 'none' } | { kind: 'file'; path: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The history files of one city's pipeline in `dir`, oldest first (then by language). */
export async function listHistory(dir: string, citySlug: string, pipeline: string): Promise<HistoryEntry[]> {
  const pattern = new RegExp(`^${escape(citySlug)}-${escape(pipeline)}-(\\d{4}-\\d{2}-\\d{2})(?:-([a-z]{2}))?\\.json$`);
  const entries: HistoryEntry[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = pattern.exec(name);
    if (m) entries.push({ path: name, asOf: m[1] as string, lang: m[2] ?? 'fi' });
  }
  return entries.sort((a, b) => (a.asOf === b.asOf ? (a.lang < b.lang ? -1 : 1) : a.asOf < b.asOf ? -1 : 1));
}

async function parseReport(path: string): Promise<{ model: ReportModel; sha256: string } | ProblemError> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch {
    return new ProblemError({ code: 'E_PREVIOUS_UNREADABLE', path });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return new ProblemError({ code: 'E_PREVIOUS_NOT_REPORT', path, field: null, problem: null });
  }
  const parsed = reportModelSchema.safeParse(json);
  if (!parsed.success) {
    const { field, problem } = firstIssue(parsed.error);
    return new ProblemError({ code: 'E_PREVIOUS_NOT_REPORT', path, field, problem });
  }
  return { model: parsed.data, sha256: sha256(raw) };
}

/**
 * The report `--previous FILE` names, checked: an ekoraportti report of the same agreement version and
 * the same kind of data (example or real), as of a date before this run's. Anything else would compare unlike things, so it stops the run.
 */
export async function readGivenPrevious(path: string, asOf: string, agreement: AgreementVersion, exampleData: boolean): Promise<PreviousReport> {
  const read = await parseReport(path);
  if (read instanceof ProblemError) throw read;
  const { model } = read;
  if (model.agreement.version !== agreement) {
    throw new ProblemError({ code: 'E_PREVIOUS_VERSION', path, version: model.agreement.version, expected: agreement });
  }
  if (model.asOf >= asOf) throw new ProblemError({ code: 'E_PREVIOUS_NOT_EARLIER', path, asOf: model.asOf, current: asOf });
  // Real figures compared with the example's invented ones (or the other way round) would be changes that never happened.
  if (model.report.exampleData !== exampleData) throw new ProblemError({ code: 'E_PREVIOUS_EXAMPLE', path, previousIsExample: model.report.exampleData });
  return { model, path, sha256: read.sha256 };
}

export interface PreviousQuery {
  citySlug: string;
  pipeline: string;
  asOf: string;
  lang: Language;
  agreement: AgreementVersion;
  exampleData: boolean;
}

/**
 * The newest report in `dir` of the same pipeline and agreement version, as of a date before `q.asOf`
 * (never a later one, by the file's name and by the report's own date), built from the same kind of data
 * (example or real); of two for the same date,
 * the one in the run's language. Files that are not report models are skipped and named to `onSkip`.
 */
export async function findPrevious(dir: string, q: PreviousQuery, onSkip: (file: string) => void): Promise<PreviousReport | null> {
  const candidates = (await listHistory(dir, q.citySlug, q.pipeline))
    .filter((h) => h.asOf < q.asOf)
    .sort((a, b) => (a.asOf !== b.asOf ? (a.asOf < b.asOf ? 1 : -1) : Number(b.lang === q.lang) - Number(a.lang === q.lang)));
  for (const c of candidates) {
    const read = await parseReport(join(dir, c.path));
    if (read instanceof ProblemError) {
      onSkip(c.path);
      continue;
    }
    const m = read.model;
    // The model's own date, not only its file name's: a copy saved under another date is no earlier report.
    if (m.asOf < q.asOf && m.agreement.version === q.agreement && m.report.pipeline === q.pipeline && m.report.exampleData === q.exampleData) {
      return { model: m, path: join(dir, c.path), sha256: read.sha256 };
    }
  }
  return null;
}

/** `model.delta` with the previous report's file name beside its as-of date. */
export function namePrevious(model: ReportModel, previous: PreviousReport | null): void {
  if (model.delta === null || previous === null) return;
  const { previousAsOf, ...rest } = model.delta;
  model.delta = { previousAsOf, previousFile: basename(previous.path), ...rest };
}
