import { definePipeline } from '@ekoraportti/runner';
import definition from './pipeline.json' with { type: 'json' };

/** The steering group's quarterly report (johtoryhmän neljännesvuosiraportti), against the revised agreement. */
export const pipeline = definePipeline(definition);
