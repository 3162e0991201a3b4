import type { Language } from './_agreement.ts';
import type { AssessmentStatus, ProjectStatus, TargetStatus } from './_vocabulary.ts';

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
