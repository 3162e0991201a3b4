// The fixed words of the domain, as plain lists: the zod schemas are built from them, and code that
// needs only the words (the PDF renderer on its own thread) gets them without loading zod.

/** The four files of the input contract (DOMAIN.md, "Input files"). */
export const INPUT_FILES = ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv'] as const;
export type InputFile = (typeof INPUT_FILES)[number];

/** Rahoituslähde, as written in `funding.csv`. */
export const FUNDING_SOURCES = ['EAKR', 'ESR+', 'JTF', 'AKKE', 'RRF', 'valtio', 'kaupunki', 'muu_julkinen', 'yksityinen'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** suunniteltu / käynnissä / päättynyt / peruttu. */
export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** saavutettu / etenee / riskissä / ei_etene / ei_aloitettu. */
export const ASSESSMENT_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_started'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** A target's combined status; `no_data` when neither a KPI observation nor an assessment exists. */
export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * The sections a report can have, in the order a pipeline lists them. Each has one view builder in
 * `@ekoraportti/presentation` and one layout in each renderer; a new one fails to compile until all have it.
 */
export const SECTIONS = ['summary', 'revision', 'delta', 'areas', 'funding', 'projects', 'dataQuality'] as const;
export type Section = (typeof SECTIONS)[number];
