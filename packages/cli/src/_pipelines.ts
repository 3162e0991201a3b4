import { pipeline as finalReview } from '@ekoraportti/pipeline-final-review';
import { pipeline as midtermReview } from '@ekoraportti/pipeline-midterm-review';
import { pipeline as steeringGroup } from '@ekoraportti/pipeline-steering-group';
import type { Language, UsagePipeline } from '@ekoraportti/core';
import { renderUsageText } from '@ekoraportti/core';
import { ProblemError, type PipelineDefinition } from '@ekoraportti/runner';

/** Every pipeline the command knows, by name. */
export const PIPELINES: readonly PipelineDefinition[] = [midtermReview, steeringGroup, finalReview];

/** The pipeline called `name`; any other name is a problem that lists the known ones. */
export function findPipeline(name: string | undefined): PipelineDefinition {
  if (name === undefined) throw new ProblemError({ code: 'E_MISSING_OPTION', option: '--pipeline', what: 'pipeline' });
  const found = PIPELINES.find((p) => p.name === name);
  if (!found) throw new ProblemError({ code: 'E_UNKNOWN_PIPELINE', name, known: PIPELINES.map((p) => p.name) });
  return found;
}

/** The `--help` text, in `lang`. */
export function renderUsage(lang: Language): string {
  const pipelines: UsagePipeline[] = PIPELINES.map((p) => ({
    name: p.name,
    description: p.description[lang],
    agreement: p.defaultAgreement,
    asOf: p.defaultAsOf.kind === 'fixed' ? p.defaultAsOf.date : null,
  }));
  return renderUsageText(pipelines, lang);
}
