// Statuses in words, and the one line that says why a target's status is what it is, in Finnish and
// English side by side. core/_status.ts decides the status and formats the figures; the words are here.

import type { Language } from '../_agreement.ts';
import type { AssessmentStatus, ProjectStatus, TargetStatus } from '../_vocabulary.ts';

/** Target and assessment statuses as words, in the Finnish of the input contract and in English. */
export const STATUS_LABELS: Readonly<Record<TargetStatus, Record<Language, string>>> = {
  achieved: { fi: 'saavutettu', en: 'achieved' },
  on_track: { fi: 'etenee', en: 'on track' },
  at_risk: { fi: 'riskissä', en: 'at risk' },
  off_track: { fi: 'ei etene', en: 'off track' },
  not_started: { fi: 'ei aloitettu', en: 'not started' },
  no_data: { fi: 'ei tietoa', en: 'no data' },
};

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, Record<Language, string>>> = {
  planned: { fi: 'suunniteltu', en: 'planned' },
  ongoing: { fi: 'käynnissä', en: 'ongoing' },
  completed: { fi: 'päättynyt', en: 'completed' },
  cancelled: { fi: 'peruttu', en: 'cancelled' },
};

export function statusLabel(status: TargetStatus | AssessmentStatus, lang: Language): string {
  return STATUS_LABELS[status][lang];
}

export function projectStatusLabel(status: ProjectStatus, lang: Language): string {
  return PROJECT_STATUS_LABELS[status][lang];
}

/** One KPI's part of a why line, its figures already formatted. */
export interface KpiEvidence {
  value: string;
  threshold: string;
  unit: string;
  stretch: string | null;
  /** Met, but only after the target's deadline. */
  metLate: boolean;
}

/** The parts of a target's why line; `_status.ts` joins them with "; ". */
export interface WhyPhrases {
  kpi(e: KpiEvidence): string;
  noObservations(label: string): string;
  /** `status` is the assessment's word, `date` formatted. */
  assessment(status: string, date: string): string;
  noAssessment: string;
  deadlinePassed(date: string): string;
}

/** Each part in both languages side by side; a missing translation does not compile. */
const WHY: { readonly [K in keyof WhyPhrases]: Readonly<Record<Language, WhyPhrases[K]>> } = {
  kpi: {
    fi: (e) =>
      `${e.value} / ${e.threshold} ${e.unit}${e.stretch === null ? '' : ` (venytystavoite ${e.stretch})`}` +
      (e.metLate ? ', täyttyi määräajan jälkeen' : ''),
    en: (e) =>
      `${e.value} / ${e.threshold} ${e.unit}${e.stretch === null ? '' : ` (stretch ${e.stretch})`}` + (e.metLate ? ', met after the deadline' : ''),
  },
  noObservations: { fi: (label) => `${label}: ei havaintoja`, en: (label) => `${label}: no observations` },
  assessment: {
    fi: (status, date) => `viimeisin arvio '${status}' ${date}`,
    en: (status, date) => `latest assessment '${status}' ${date}`,
  },
  noAssessment: { fi: 'ei arviota', en: 'no assessment' },
  deadlinePassed: { fi: (date) => `määräaika ${date} umpeutunut`, en: (date) => `deadline ${date} passed` },
};

/** The why-line phrases of one language. */
export function whyPhrases(lang: Language): WhyPhrases {
  return {
    kpi: WHY.kpi[lang],
    noObservations: WHY.noObservations[lang],
    assessment: WHY.assessment[lang],
    noAssessment: WHY.noAssessment[lang],
    deadlinePassed: WHY.deadlinePassed[lang],
  };
}
