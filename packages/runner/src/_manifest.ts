import { createHash } from 'node:crypto';
import { z } from 'zod';
import { agreementVersionSchema, isoDateSchema, languageSchema } from '@ekoraportti/core';

export const outputKindSchema = z.enum(['pdf', 'html', 'json', 'csv']);

/** `manifest.json`: what a run wrote and from what, so a reader can check nothing changed since. */
export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  pipeline: z.string(),
  city: z.string(),
  asOf: isoDateSchema,
  agreementVersion: agreementVersionSchema,
  lang: languageSchema,
  /** Paths relative to the manifest's folder. */
  outputs: z.array(z.object({ path: z.string(), kind: outputKindSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** Paths relative to the manifest's folder. */
  inputs: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  tools: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
