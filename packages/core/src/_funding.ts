// The funding figures: funding.csv's rows by source, year, measure and project, and the EURA 2021
// export's decided and realised money beside them. All sums in integer cents; euros only at the end.
//
// Which projects count: ongoing and completed ones; planned ones are shown apart; cancelled ones count
// nowhere (DOMAIN.md). An EURA project's decided money (`Suunniteltu …`) counts as its funding: EU and
// state as EU and state, other public as local own share, private as private, so the 40/60 split is
// checked on decided money. funding.csv rows that repeat EURA's money never reach here (ingest warns
// about them and leaves them out); funding.csv keeps what EURA does not carry (AKKE, RRF, projects
// outside EURA).

import { FUNDING_CATEGORY } from './_agreement.ts';
import type { EuraCents, EuraInput, EuraProjectMoney, FundingRow, Project } from './_input.ts';
import type { EuraFunding, EuraMoney, EuraProjectResult, EuraTotals, FundingTotals, ReportModel } from './_model.ts';
import { LineSet, sheetSourceKey } from './_provenance.ts';
import { FUNDING_SOURCES, type FundingSource, type ProjectStatus } from './_vocabulary.ts';

/** Funding totals count ongoing and completed projects; planned ones are shown apart; cancelled count nowhere. */
const COUNTED: ReadonlySet<ProjectStatus> = new Set(['ongoing', 'completed']);

/** Decided and realised EURA money of some projects, in cents, with the export rows they came from. */
interface EuraSum {
  decided: EuraCents;
  realised: EuraCents;
  projects: number;
  rows: LineSet;
}

/** What a measure, an area or the whole adds up, in cents. */
export interface CentsTotals {
  euState: number;
  local: number;
  private: number;
  planned: number;
  /** Null when the report has no EURA export. */
  eura: EuraSum | null;
}

const noCents = (): EuraCents => ({ euStateCents: 0, otherPublicCents: 0, privateCents: 0 });
const emptyEura = (): EuraSum => ({ decided: noCents(), realised: noCents(), projects: 0, rows: new LineSet() });

/** Cents → euros, exact for any sum under 2^53 cents. */
const euros = (cents: number): number => cents / 100;
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function addCents(to: EuraCents, c: EuraCents): void {
  to.euStateCents += c.euStateCents;
  to.otherPublicCents += c.otherPublicCents;
  to.privateCents += c.privateCents;
}

const totalOf = (c: EuraCents): number => c.euStateCents + c.otherPublicCents + c.privateCents;

function money(c: EuraCents): EuraMoney {
  return { euState: euros(c.euStateCents), otherPublic: euros(c.otherPublicCents), private: euros(c.privateCents), total: euros(totalOf(c)) };
}

/** Decided and realised money, and the realisation rates (realised ÷ decided), of some EURA cents. */
function euraFunding(decided: EuraCents, realised: EuraCents): EuraFunding {
  return {
    decided: money(decided),
    realised: money(realised),
    realisationRate: ratio(totalOf(realised), totalOf(decided)),
    euStateRealisationRate: ratio(realised.euStateCents, decided.euStateCents),
  };
}

export class FundingTally {
  readonly bySource: Record<FundingSource, number>;
  readonly plannedBySource: Record<FundingSource, number>;
  readonly sourceLines = new Map<FundingSource, LineSet>();
  readonly plannedLines = new LineSet();
  readonly total: CentsTotals;
  readonly byYear = new Map<number, CentsTotals>();
  readonly byMeasure: Map<string, CentsTotals>;
  /** Project → cents of its funding rows (every status) and EURA's decided total. */
  readonly projectCents = new Map<string, number>();
  readonly projectLines = new Map<string, LineSet>();
  /** Measure → the newest budget year (not after the as-of year) of its projects' funding rows. */
  readonly newestYear = new Map<string, number>();
  /** Project → its EURA figures. */
  readonly euraProjects = new Map<string, EuraProjectResult>();
  readonly #hasEura: boolean;
  readonly #euraPlanned = { cents: 0 };

  constructor(
    measureIds: readonly string[],
    readonly eura: EuraInput | null,
  ) {
    const zero = () => Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
    this.bySource = zero();
    this.plannedBySource = zero();
    this.#hasEura = eura !== null;
    this.total = this.#empty();
    this.byMeasure = new Map(measureIds.map((id) => [id, this.#empty()]));
  }

  #empty(): CentsTotals {
    return { euState: 0, local: 0, private: 0, planned: 0, eura: this.#hasEura ? emptyEura() : null };
  }

  #measure(id: string): CentsTotals {
    let m = this.byMeasure.get(id);
    if (!m) this.byMeasure.set(id, (m = this.#empty()));
    return m;
  }

  /** One accepted funding.csv row (`file`: the provenance key of the file it came from). */
  addRow(row: FundingRow, project: Project, file: string, asOfYear: number): void {
    this.projectCents.set(project.id, (this.projectCents.get(project.id) ?? 0) + row.amountCents);
    let pl = this.projectLines.get(project.id);
    if (!pl) this.projectLines.set(project.id, (pl = new LineSet()));
    pl.add(file, row.line);
    if (row.year <= asOfYear && row.year > (this.newestYear.get(project.measure) ?? 0)) this.newestYear.set(project.measure, row.year);
    const measure = this.#measure(project.measure);
    if (project.status === 'planned') {
      this.plannedBySource[row.source] += row.amountCents;
      this.total.planned += row.amountCents;
      measure.planned += row.amountCents;
      this.plannedLines.add(file, row.line);
      return;
    }
    if (!COUNTED.has(project.status)) return;
    const category = FUNDING_CATEGORY[row.source];
    this.bySource[row.source] += row.amountCents;
    this.total[category] += row.amountCents;
    measure[category] += row.amountCents;
    let year = this.byYear.get(row.year);
    if (!year) this.byYear.set(row.year, (year = this.#empty()));
    year[category] += row.amountCents;
    let lines = this.sourceLines.get(row.source);
    if (!lines) this.sourceLines.set(row.source, (lines = new LineSet()));
    lines.add(file, row.line);
  }

  /** One EURA project's money: its decided money counts as its funding, as funding.csv rows would. */
  addEura(e: EuraProjectMoney, project: Project): void {
    const exp = this.eura as EuraInput;
    const key = sheetSourceKey(exp.file, exp.sheet);
    const decided = totalOf(e.decided);
    this.projectCents.set(project.id, (this.projectCents.get(project.id) ?? 0) + decided);
    this.euraProjects.set(project.id, {
      ...euraFunding(e.decided, e.realised),
      groupCode: e.groupCode,
      fund: e.fund,
      realisedEu: e.realised.euCents === null ? null : euros(e.realised.euCents),
      source: { file: exp.file, sheet: exp.sheet, row: e.row },
      cells: { ...e.cells },
    });
    const measure = this.#measure(project.measure);
    if (project.status === 'planned') {
      this.total.planned += decided;
      measure.planned += decided;
      this.#euraPlanned.cents += decided;
      return;
    }
    if (!COUNTED.has(project.status)) return;
    for (const t of [this.total, measure]) {
      t.euState += e.decided.euStateCents;
      t.local += e.decided.otherPublicCents;
      t.private += e.decided.privateCents;
      const sum = t.eura as EuraSum;
      addCents(sum.decided, e.decided);
      addCents(sum.realised, e.realised);
      sum.projects++;
      sum.rows.add(key, e.row);
    }
  }

  /** The totals of some measures (a priority area). */
  sumOf(measureIds: readonly string[]): CentsTotals {
    const out = this.#empty();
    for (const id of measureIds) {
      const c = this.byMeasure.get(id);
      if (!c) continue;
      out.euState += c.euState;
      out.local += c.local;
      out.private += c.private;
      out.planned += c.planned;
      if (out.eura && c.eura) {
        addCents(out.eura.decided, c.eura.decided);
        addCents(out.eura.realised, c.eura.realised);
        out.eura.projects += c.eura.projects;
        out.eura.rows.merge(c.eura.rows);
      }
    }
    return out;
  }

  /** The model's `funding`, apart from the share against the agreement's indicative one. */
  model(measureIds: readonly string[], indicative: number): ReportModel['funding'] {
    const totals = toFundingTotals(this.total);
    const years = [...this.byYear.keys()].sort((a, b) => a - b);
    const bySourceProvenance: Record<string, ReturnType<LineSet['toProvenance']>> = {};
    for (const source of FUNDING_SOURCES) bySourceProvenance[source] = this.sourceLines.get(source)?.toProvenance() ?? {};
    const exp = this.eura;
    const groups: Record<string, string[]> = {};
    for (const [id, p] of [...this.euraProjects].sort(([a], [b]) => (a < b ? -1 : 1))) if (p.groupCode !== null) (groups[p.groupCode] ??= []).push(id);
    return {
      bySource: mapValues(this.bySource, euros),
      euState: totals.euState,
      local: totals.local,
      private: totals.private,
      planned: totals.planned,
      euStateShare: totals.euStateShare,
      total: totals.total,
      indicativeEuStateShare: indicative,
      deviationPp: totals.euStateShare === null ? null : roundPp((totals.euStateShare - indicative) * 100),
      plannedBySource: mapValues(this.plannedBySource, euros),
      byYear: Object.fromEntries(
        years.map((y) => {
          const c = this.byYear.get(y) as CentsTotals;
          return [String(y), { euState: euros(c.euState), local: euros(c.local), private: euros(c.private) }];
        }),
      ),
      byMeasure: Object.fromEntries(measureIds.map((id) => [id, toFundingTotals(this.byMeasure.get(id) ?? this.#empty())])),
      eura:
        exp === null || totals.eura === null
          ? null
          : { ...totals.eura, file: exp.file, sheet: exp.sheet, planned: euros(this.#euraPlanned.cents), groups },
      provenance: { bySource: bySourceProvenance, planned: this.plannedLines.toProvenance() },
    };
  }
}

function euraTotals(s: EuraSum): EuraTotals {
  return { ...euraFunding(s.decided, s.realised), projects: s.projects, provenance: s.rows.toProvenance() };
}

export function toFundingTotals(c: CentsTotals): FundingTotals {
  const total = c.euState + c.local;
  return {
    euState: euros(c.euState),
    local: euros(c.local),
    private: euros(c.private),
    planned: euros(c.planned),
    total: euros(total),
    euStateShare: total === 0 ? null : c.euState / total,
    eura: c.eura === null ? null : euraTotals(c.eura),
  };
}

function mapValues<K extends string>(r: Record<K, number>, f: (n: number) => number): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(r) as K[]) out[k] = f(r[k]);
  return out;
}

/** Percentage points to 1e-9, so 62.0 − 60 prints as 2 and not 2.0000000000000036. */
function roundPp(pp: number): number {
  return Math.round(pp * 1e9) / 1e9;
}
