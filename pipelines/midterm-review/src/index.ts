import { definePipeline } from '@ekoraportti/runner';
import definition from './pipeline.json' with { type: 'json' };

/**
 * The TEM midterm review (väliarviointi): where the original agreement's targets stood, the
 * 2023 targets at their deadline, and what the 2025 revision changed. It measures the agreement as
 * signed in 2021 (`defaultAgreement` in pipeline.json); the revision is its outcome.
 */
export const pipeline = definePipeline(definition);
