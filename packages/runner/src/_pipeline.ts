import { z } from 'zod';
import { agreementVersionSchema, isoDateSchema, localizedTextSchema, sectionSchema } from '@ekoraportti/core';

// The sections are core's (one list that the report model, the view and both renderers switch on).
export { sectionSchema };
export type { Section } from '@ekoraportti/core';

/** The one rule for a pipeline's name: lower-case words joined by `-` (it names folders, files and turbo packages). */
export const pipelineNameSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'lower-case words joined by -');

/** How a pipeline picks its as-of date when `--as-of` is not given. */
export const defaultAsOfSchema = z.discriminatedUnion('kind', [
  /** A fixed date, e.g. the final review's 2027-12-31. */
  z.object({ kind: z.literal('fixed'), date: isoDateSchema }),
  /** The last day of the last full quarter before today (the steering group's quarterly report). */
  z.object({ kind: z.literal('lastFullQuarter') }),
]);
export type DefaultAsOf = z.infer<typeof defaultAsOfSchema>;

/** A pipeline: one report people need, with its defaults. Validated when the pipeline package loads. */
export const pipelineDefinitionSchema = z.object({
  name: pipelineNameSchema,
  /** Report type as printed on the cover. */
  title: localizedTextSchema,
  description: localizedTextSchema,
  defaultAgreement: agreementVersionSchema,
  defaultAsOf: defaultAsOfSchema,
  /**
   * The as-of date of its report on the embedded example data (`--example`, or no data folder named
   * anywhere), so the example reports are the same on every machine and every day.
   */
  exampleAsOf: isoDateSchema,
  sections: z.array(sectionSchema).min(1),
  /** Compute what the 2025 revision changed (shown when `revision` is among the sections). */
  showRevision: z.boolean(),
  /**
   * A report made every quarter: its first page says when the data holds nothing dated in the
   * quarter it reports on (a folder that was not updated).
   */
  quarterly: z.boolean(),
});
export type PipelineDefinition = z.infer<typeof pipelineDefinitionSchema>;

/**
 * Validates a pipeline definition (a pipeline package's `pipeline.json`, or a literal in a test); a bad
 * one is a bug in the pipeline package, so it throws.
 */
export function definePipeline(definition: unknown): PipelineDefinition {
  return pipelineDefinitionSchema.parse(definition);
}
