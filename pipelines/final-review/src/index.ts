import { definePipeline } from '@ekoraportti/runner';
import definition from './pipeline.json' with { type: 'json' };

/** The final review (loppuarviointi) against the 2027 targets of the revised agreement. */
export const pipeline = definePipeline(definition);
