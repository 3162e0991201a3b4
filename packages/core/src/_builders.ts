import type { Agreement, AgreementVersion, Language } from './_agreement.ts';
import { getAgreement } from './_agreements.ts';
import { computeReport, type ReportInput, type ReportRequest } from './_compute.ts';
import { targetDeadlines } from './_kpi-results.ts';
import type { Assessment, DataWarning, EuraProjectMoney, FundingRow, InputCounts, Observation, Project, Rejection, RejectionCode } from './_input.ts';
import { tallyObservations } from './_kpi.ts';
import type { ReportModel, RevisionDiff } from './_model.ts';
import { INPUT_FILES, type InputFile } from './_vocabulary.ts';

/**
 * Accepted and rejected rows as ingest hands them over, built from literals for tests: every field
 * has a default, and each file numbers its physical lines from 2 (line 1 is the header), in the order
 * its rows are added, so provenance and rejected rows point where a real file would.
 */
export class RowBuilder {
  readonly projects: Project[] = [];
  readonly funding: FundingRow[] = [];
  readonly observations: Observation[] = [];
  readonly assessments: Assessment[] = [];
  readonly rejected: Rejection[] = [];
  readonly warnings: DataWarning[] = [];
  /** EURA projects, on rows 2, 3, … of the sheet `Hankkeet` of `eura.xlsx`. */
  readonly eura: EuraProjectMoney[] = [];
  readonly #lastLine = new Map<InputFile, number>(INPUT_FILES.map((f) => [f, 1]));
  readonly #rejectedIn = new Map<InputFile, number>();

  /** The next physical line of a file. */
  line(file: InputFile): number {
    const next = (this.#lastLine.get(file) ?? 1) + 1;
    this.#lastLine.set(file, next);
    return next;
  }

  /** A project on the next line of projects.csv (or on `line`). */
  project(p: Partial<Project> = {}): Project {
    const line = p.line ?? this.line('projects.csv');
    const row: Project = {
      id: `P${String(line).padStart(4, '0')}`,
      name: 'Hanke',
      owner: 'JAMK',
      measure: '4.1.1',
      status: 'ongoing',
      startDate: '2022-01-01',
      endDate: '2024-12-31',
      ...p,
      line,
    };
    this.projects.push(row);
    return row;
  }

  /** A funding row; `euros` may have cents (`1310000.5`), stored as integer cents like ingest does. */
  fund(projectId: string, source: FundingRow['source'], year: number, euros: number): FundingRow {
    const row: FundingRow = { projectId, source, year, amountCents: Math.round(euros * 100), line: this.line('funding.csv') };
    this.funding.push(row);
    return row;
  }

  /**
   * An EURA project's money in euros: decided and realised as [EU and state, other public, private].
   * Its row is the next of the export; `more` sets the group code, fund or the realised EU money.
   */
  euraMoney(projectId: string, decided: readonly [number, number, number], realised: readonly [number, number, number], more: Partial<Pick<EuraProjectMoney, 'groupCode' | 'fund'>> & { realisedEu?: number } = {}): EuraProjectMoney {
    const c = (e: number) => Math.round(e * 100);
    const row = this.eura.length + 2;
    const e: EuraProjectMoney = {
      projectId,
      groupCode: more.groupCode ?? null,
      fund: more.fund ?? 'EAKR',
      decided: { euStateCents: c(decided[0]), otherPublicCents: c(decided[1]), privateCents: c(decided[2]) },
      realised: { euStateCents: c(realised[0]), otherPublicCents: c(realised[1]), privateCents: c(realised[2]), euCents: more.realisedEu === undefined ? null : c(more.realisedEu) },
      row,
      cells: { decidedEuState: `N${row}`, realisedEuState: `Q${row}` },
    };
    this.eura.push(e);
    return e;
  }

  observe(kpi: string, date: string, value: number, o: Partial<Pick<Observation, 'projectId' | 'source'>> = {}): Observation {
    const row: Observation = { kpi, date, value, projectId: null, source: null, ...o, line: this.line('indicators.csv') };
    this.observations.push(row);
    return row;
  }

  assess(target: string, date: string, status: Assessment['status'], a: Partial<Pick<Assessment, 'evidence' | 'assessedBy'>> = {}): Assessment {
    const row: Assessment = { target, date, status, evidence: 'Näyttö', assessedBy: 'Johtoryhmä', ...a, line: this.line('assessments.csv') };
    this.assessments.push(row);
    return row;
  }

  /** A rejected row on the next line of `file`. */
  reject(file: InputFile, column: string, reason: string, code: RejectionCode): Rejection {
    const row: Rejection = { file, line: this.line(file), column, reason, code };
    this.rejected.push(row);
    this.#rejectedIn.set(file, (this.#rejectedIn.get(file) ?? 0) + 1);
    return row;
  }

  warn(w: DataWarning): DataWarning {
    this.warnings.push(w);
    return w;
  }

  /** Rows read, used and rejected per file, as ingest counts them: every line after the header is a row. */
  inputs(): Record<InputFile, InputCounts> {
    const out = {} as Record<InputFile, InputCounts>;
    for (const file of INPUT_FILES) {
      const read = (this.#lastLine.get(file) ?? 1) - 1;
      const rejected = this.#rejectedIn.get(file) ?? 0;
      out[file] = { rowsRead: read, rowsUsed: read - rejected, rowsRejected: rejected, rowsNotRead: 0 };
    }
    return out;
  }

  /** Everything `computeReport` needs from these rows. */
  input(o: BuildOptions): ReportInput {
    const agreement: Agreement = getAgreement(o.version ?? '2025');
    const asOf = o.asOf ?? '2025-06-30';
    return {
      agreement,
      asOf,
      lang: o.lang ?? 'fi',
      request: {
        pipeline: 'test',
        type: { fi: 'Testiraportti', en: 'Test report' },
        exampleData: false,
        sections: ['summary'],
        ...o.request,
      },
      projects: this.projects,
      funding: this.funding,
      assessments: this.assessments,
      kpiTally: tallyObservations(agreement.kpis, asOf, this.observations, targetDeadlines(agreement)),
      inputs: this.inputs(),
      rejected: this.rejected,
      warnings: this.warnings,
      previous: o.previous ?? null,
      revision: o.revision ?? null,
      eura: this.eura.length > 0 ? { file: 'eura.xlsx', sheet: 'Hankkeet', projects: this.eura } : null,
    };
  }

  /** The report model of these rows. */
  report(o: BuildOptions = {}): ReportModel {
    return computeReport(this.input(o));
  }
}

/** What a built report is of; every field has a default (agreement 2025, as of 30.6.2025, Finnish, summary only). */
export interface BuildOptions {
  version?: AgreementVersion;
  asOf?: string;
  lang?: Language;
  request?: Partial<ReportRequest>;
  previous?: ReportModel | null;
  revision?: RevisionDiff | null;
}
