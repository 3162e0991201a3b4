// What the files accepted so far: the rows a report is computed from, and the project ids later files
// refer to. It grows as the files are read in order (projects.csv first); the read configuration,
// which never changes, is apart (`_config.ts`).

import type { Assessment, FundingRow, Project, ProjectStatus } from '@ekoraportti/core';

/** The project ids of projects.csv, as the other files look them up (a part on another thread gets a copy). */
export interface ProjectIdsState {
  /** Accepted projects: lower-cased id → the id as projects.csv writes it. */
  accepted: [key: string, id: string][];
  /** Ids whose (first) row was rejected: lower-cased id → that line. */
  rejected: [key: string, line: number][];
}

/** How a reference to a project resolved: the project's id, the line its rejected row is on, or nothing. */
export type ProjectRef = { id: string } | { rejectedLine: number } | null;

/** The project ids projects.csv gave, for the files that refer to them. */
export class ProjectIds {
  /** Accepted ids as written: most references match exactly, without folding. */
  readonly #exact = new Map<string, string>();
  /** Accepted ids by lower-cased id, so `a80123` finds `A80123`. */
  readonly #byKey = new Map<string, string>();
  readonly #rejectedLine = new Map<string, number>();
  /** First line of every id seen in projects.csv, accepted or not. */
  readonly #firstLine = new Map<string, number>();

  static fromState(state: ProjectIdsState): ProjectIds {
    const ids = new ProjectIds();
    for (const [key, id] of state.accepted) {
      ids.#byKey.set(key, id);
      ids.#exact.set(id, id);
    }
    for (const [key, line] of state.rejected) ids.#rejectedLine.set(key, line);
    return ids;
  }

  toState(): ProjectIdsState {
    return { accepted: [...this.#byKey], rejected: [...this.#rejectedLine] };
  }

  /** The accepted id written exactly as `raw`, if any: the fast path, with no cleaning. */
  exact(raw: string): string | undefined {
    return this.#exact.get(raw);
  }

  /** What a cleaned reference names. */
  find(cleaned: string): ProjectRef {
    const key = cleaned.toLowerCase();
    const id = this.#byKey.get(key);
    if (id !== undefined) return { id };
    const line = this.#rejectedLine.get(key);
    return line === undefined ? null : { rejectedLine: line };
  }

  /** The line where projects.csv first gave this id, accepted or not. */
  firstLine(id: string): number | undefined {
    return this.#firstLine.get(id.toLowerCase());
  }

  accept(id: string, line: number): void {
    const key = id.toLowerCase();
    this.#firstLine.set(key, line);
    this.#byKey.set(key, id);
    this.#exact.set(id, id);
  }

  /** An accepted id whose row turned out to be rejected (it relied on an EURA export that lacks the project). */
  revoke(id: string, line: number): void {
    const key = id.toLowerCase();
    this.#byKey.delete(key);
    this.#exact.delete(id);
    this.#rejectedLine.set(key, line);
  }

  /** A row of projects.csv with this id was rejected; the first such line is the one references name. */
  reject(id: string, line: number): void {
    const key = id.toLowerCase();
    if (this.#firstLine.has(key)) return;
    this.#firstLine.set(key, line);
    this.#rejectedLine.set(key, line);
  }
}

/**
 * A projects.csv row that leaves name, owner, status or dates to the EURA export: valid otherwise, and
 * decided once the export is read (accepted with EURA's values, or rejected as a row missing them).
 */
export interface PendingProject {
  id: string;
  measure: string;
  line: number;
  /** What the row gives; null where it leaves the field to EURA. */
  given: { name: string | null; owner: string | null; status: ProjectStatus | null; startDate: string | null; endDate: string | null };
}

/** The rows accepted so far, in file order. */
export class AcceptedRows {
  readonly projects: Project[] = [];
  /** projects.csv rows waiting for the EURA export. */
  readonly pending: PendingProject[] = [];
  /** Projects whose money the EURA export gives: their funding.csv rows of EURA's sources repeat it. */
  readonly euraFunded = new Set<string>();
  /** The EURA export's file name, once one is read. */
  euraFile: string | null = null;
  /** How the files are named in messages: `projects.xlsx (Taul1)` when read from a workbook. */
  readonly names = new Map<string, string>();
  readonly funding: FundingRow[] = [];
  readonly assessments: Assessment[] = [];
  readonly projectIds = new ProjectIds();
  /** Projects with at least one accepted funding row. */
  readonly funded = new Set<string>();

  addProject(p: Project): void {
    this.projects.push(p);
    this.projectIds.accept(p.id, p.line);
  }

  addPending(p: PendingProject): void {
    this.pending.push(p);
    this.projectIds.accept(p.id, p.line);
  }

  addFunding(f: FundingRow): void {
    this.funding.push(f);
    this.funded.add(f.projectId);
  }

  addAssessment(a: Assessment): void {
    this.assessments.push(a);
  }
}
