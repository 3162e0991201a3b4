// The EURA 2021 export beside projects.csv: which workbook of the folder is the export, its rows read
// against the projects projects.csv lists, and what follows for those projects. A projects.csv row that
// left name, owner, status or dates empty takes them from EURA, or is rejected as before when EURA does
// not have the project; a row that gives them is compared with EURA's, and a difference is warned
// about. The export's money goes to core as it is (decided and realised, in cents).

import { join } from 'node:path';
import type { DataWarning, EuraInput, InputCounts, Project, Rejection, RejectionCode } from '@ekoraportti/core';
import { formatDate, sheetSourceKey } from '@ekoraportti/core';
import type { EuraExport, EuraProject, EuraRejection } from '@ekoraportti/ingest-eura';
import type { AcceptedRows, PendingProject } from './_accepted.ts';
import type { FileAccount } from './_account.ts';
import type { ReadConfig } from './_config.ts';
import { IngestError } from './_errors.ts';

/** What the folder's EURA export gave: its account, and its money for core. */
export interface EuraRead {
  file: string;
  sheet: string;
  counts: InputCounts;
  rejected: Rejection[];
  warnings: DataWarning[];
  input: EuraInput;
}

/** The export's own row problems as the report's rejection codes. */
const CODES: Readonly<Record<EuraRejection['code'], RejectionCode>> = {
  E_MISSING: 'E_MISSING',
  E_NOT_A_NUMBER: 'E_BAD_NUMBER',
  E_NOT_A_DATE: 'E_BAD_DATE',
  E_SUB_CENT: 'E_BAD_NUMBER',
  E_NEGATIVE: 'E_NEGATIVE',
  E_END_BEFORE_START: 'E_END_BEFORE_START',
  E_PARTS_EXCEED_WHOLE: 'E_PARTS_EXCEED_WHOLE',
  E_DUPLICATE_ID: 'E_DUPLICATE_ID',
};

/** The projects.csv columns EURA can give, in contract order, and the EURA fields that give them. */
const GIVEN = [
  ['name', 'name'],
  ['owner', 'implementer'],
  ['status', 'status'],
  ['start_date', 'startDate'],
  ['end_date', 'endDate'],
] as const;
type GivenKey = keyof PendingProject['given'];
const KEY: Readonly<Record<(typeof GIVEN)[number][0], GivenKey>> = { name: 'name', owner: 'owner', status: 'status', start_date: 'startDate', end_date: 'endDate' };

/**
 * Reads the folder's workbooks that are not contract files: the one whose header row is EURA's is the
 * export (two are an IngestError: keep the newest); any other is warned about and not read. Returns
 * null when there is no export.
 */
export async function readEura(dir: string, workbooks: readonly { name: string }[], cfg: ReadConfig, accepted: AcceptedRows): Promise<{ exp: EuraExport | null; notRead: DataWarning[] }> {
  const { readEuraExport } = await import('@ekoraportti/ingest-eura');
  const codes = [...accepted.projects.map((p) => p.id), ...accepted.pending.map((p) => p.id)];
  const found: EuraExport[] = [];
  const notRead: DataWarning[] = [];
  for (const { name } of workbooks) {
    const exp = await readEuraExport(join(dir, name), { projectCodes: codes, lang: cfg.lang, file: name });
    if (exp === null) notRead.push({ file: name, line: null, column: null, code: 'W_WORKBOOK_NOT_READ', message: cfg.m.notAnExport(name) });
    else found.push(exp);
  }
  if (found.length > 1) throw new IngestError('E_TWO_EXPORTS', cfg.m.twoExports(found.map((e) => e.file)), found[1]?.file);
  return { exp: found[0] ?? null, notRead };
}

/**
 * Decides projects.csv's pending rows with the export (`exp` null: there is none), compares the rows
 * that gave every field with EURA's values, and returns what the export adds to the report. The
 * projects account is corrected for rows rejected now; accepted projects end in line order.
 */
export function linkEura(exp: EuraExport | null, cfg: ReadConfig, accepted: AcceptedRows, account: FileAccount): EuraRead | null {
  const m = cfg.m;
  const byId = new Map<string, EuraProject>((exp?.projects ?? []).map((p) => [p.code, p]));
  const rejectedRow = new Map<string, EuraRejection>((exp?.rejected ?? []).map((r) => [r.project, r]));
  for (const p of accepted.pending) {
    const e = byId.get(p.id);
    const decided = e ? fromEura(p, e, cfg) : notInEura(p, rejectedRow.get(p.id), cfg);
    if ('project' in decided) {
      accepted.projects.push(decided.project);
      continue;
    }
    account.unuse();
    account.reject(p.line, decided.column, decided.code, decided.reason);
    accepted.projectIds.revoke(p.id, p.line);
    byId.delete(p.id);
  }
  accepted.pending.length = 0;
  accepted.projects.sort((a, b) => a.line - b.line);
  if (exp === null) return null;

  for (const p of accepted.projects) {
    const e = byId.get(p.id);
    if (!e) continue;
    accepted.euraFunded.add(p.id);
    for (const [column, field] of GIVEN) {
      const given = shown(column, p[KEY[column]], cfg);
      const eura = shown(column, e[field], cfg);
      if (eura !== '' && !same(column, given, eura)) {
        account.warn({ file: 'projects.csv', line: p.line, column, code: 'W_EURA_MISMATCH', message: m.euraMismatch(p.id, column, given, eura, exp.file) });
      }
    }
  }
  accepted.euraFile = exp.file;
  const where = { file: exp.file, sheet: exp.sheet };
  return {
    ...where,
    counts: { rowsRead: exp.counts.rowsRead, rowsUsed: exp.counts.rowsUsed, rowsRejected: exp.counts.rowsRejected, rowsNotRead: 0, rowsLeftOut: exp.counts.rowsLeftOut, rowsNotData: exp.counts.rowsNotData, footerRows: exp.counts.footerRows, sheet: exp.sheet },
    rejected: exp.rejected.map((r) => ({ file: r.file, sheet: r.sheet, line: r.row, column: r.column, reason: r.reason, code: CODES[r.code] })),
    warnings: exp.warnings.map((w) => ({ ...where, line: w.row, column: null, message: w.message, code: w.code })),
    input: {
      ...where,
      projects: exp.projects
        .filter((e) => accepted.euraFunded.has(e.code))
        .map((e) => ({
          projectId: e.code,
          groupCode: e.groupCode,
          fund: e.fund,
          decided: { euStateCents: e.decided.euStateCents, otherPublicCents: e.decided.otherPublicCents, privateCents: e.decided.privateCents },
          realised: { euStateCents: e.realised.euStateCents, otherPublicCents: e.realised.otherPublicCents, privateCents: e.realised.privateCents, euCents: e.realised.euCents },
          row: e.source.row,
          cells: Object.fromEntries(Object.entries(exp.columns).map(([field, c]) => [field, `${c.letter}${e.source.row}`])),
        })),
    },
  };
}

type Decided = { project: Project } | { column: string; code: RejectionCode; reason: string };

/** A pending row with its EURA row: the row's own values where it gives them, EURA's where it does not. */
function fromEura(p: PendingProject, e: EuraProject, cfg: ReadConfig): Decided {
  const g = p.given;
  const status = g.status ?? e.status;
  if (status === null) return { column: 'status', code: 'E_MISSING', reason: cfg.m.euraStatusUnknown(e.statusWord ?? '', e.source.file) };
  const startDate = g.startDate ?? e.startDate;
  const endDate = g.endDate ?? e.endDate;
  if (endDate < startDate) return { column: 'end_date', code: 'E_END_BEFORE_START', reason: cfg.m.endBeforeStart(startDate, endDate) };
  return { project: { id: p.id, name: g.name ?? e.name, owner: g.owner ?? e.implementer, measure: p.measure, status, startDate, endDate, line: p.line } };
}

/** A pending row EURA does not have: rejected as a row missing its first empty column, as without an export. */
function notInEura(p: PendingProject, rejected: EuraRejection | undefined, cfg: ReadConfig): Decided {
  const column = GIVEN.find(([c]) => p.given[KEY[c]] === null)?.[0] ?? 'name';
  if (rejected) return { column, code: 'E_EURA_ROW_REJECTED', reason: cfg.m.euraRowRejected(p.id, sheetSourceKey(rejected.file, rejected.sheet), rejected.row) };
  return { column, code: 'E_MISSING', reason: cfg.m.missing(column) };
}

/** A value as the warning shows it: dates in the report's format, a status as its English word. */
function shown(column: string, v: string | null, cfg: ReadConfig): string {
  if (v === null) return '';
  return column === 'start_date' || column === 'end_date' ? formatDate(v, cfg.lang) : v;
}

/** Names and organisations compare without case and runs of white space; dates and statuses exactly. */
function same(column: string, a: string, b: string): boolean {
  if (column !== 'name' && column !== 'owner') return a === b;
  const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fi');
  return fold(a) === fold(b);
}
