import {
  computeReport,
  getAgreement,
  RowBuilder,
  tallyObservations,
  targetDeadlines,
  type Assessment,
  type FundingRow,
  type Observation,
  type Project,
  type ReportInput,
} from '../src/index.ts';

// Builders: small literal inputs, every field overridable.
export const agreement = getAgreement('2025');
let nextLine = 2;
const rows = new RowBuilder();
export const project = (p: Partial<Project> = {}): Project => rows.project({ id: `P${nextLine}`, line: nextLine++, ...p });
export const funding = (f: Partial<FundingRow> & Pick<FundingRow, 'projectId'>): FundingRow => ({
  source: 'EAKR',
  year: 2023,
  amountCents: 100_00,
  line: nextLine++,
  ...f,
});
export const observation = (o: Partial<Observation> & Pick<Observation, 'kpi'>): Observation => ({
  date: '2023-06-30',
  value: 1,
  projectId: null,
  source: null,
  line: nextLine++,
  ...o,
});
export const assessment = (a: Partial<Assessment> & Pick<Assessment, 'target'>): Assessment => ({
  date: '2023-06-30',
  status: 'on_track',
  evidence: 'Näyttö',
  assessedBy: 'Johtoryhmä',
  line: nextLine++,
  ...a,
});

export function build(parts: {
  projects?: Project[];
  funding?: FundingRow[];
  observations?: Observation[];
  assessments?: Assessment[];
  asOf?: string;
  lang?: 'fi' | 'en';
  version?: '2021' | '2025';
}) {
  const a = getAgreement(parts.version ?? '2025');
  const asOf = parts.asOf ?? '2025-06-30';
  const input: ReportInput = {
    agreement: a,
    asOf,
    lang: parts.lang ?? 'fi',
    request: { pipeline: 'test', type: { fi: 'Testiraportti', en: 'Test report' }, exampleData: false, sections: ['summary'] },
    projects: parts.projects ?? [],
    funding: parts.funding ?? [],
    assessments: parts.assessments ?? [],
    kpiTally: tallyObservations(a.kpis, asOf, parts.observations ?? [], targetDeadlines(a)),
    inputs: {},
    rejected: [],
    warnings: [],
  };
  return computeReport(input);
}
