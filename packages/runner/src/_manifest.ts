import { createHash } from 'node:crypto';
import { z } from 'zod';
import { agreementVersionSchema, isoDateSchema, languageSchema } from '@ekoraportti/core';

export const outputKindSchema = z.enum(['pdf', 'html', 'json', 'csv']);

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** `manifest.json`: what a run wrote and from what, so a reader can check nothing changed since. */
export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  pipeline: z.string(),
  city: z.string(),
  asOf: isoDateSchema,
  agreementVersion: agreementVersionSchema,
  lang: languageSchema,
  /** Paths relative to the manifest's folder. */
  outputs: z.array(z.object({ path: z.string(), kind: outputKindSchema, sha256: sha256Schema })),
  /** Paths relative to the manifest's folder; `bytes` lets the up-to-date check skip hashing a file that changed size. */
  inputs: z.array(z.object({ path: z.string(), sha256: sha256Schema, bytes: z.number().int().min(0).optional() })),
  tools: z.record(z.string(), z.string()),
  /**
   * The options a run was built with beyond the fields above: with the inputs, the agreement version
   * and the tools, what the next run compares to decide it is up to date. Absent in older manifests.
   */
  run: z
    .object({
      strict: z.boolean(),
      exampleData: z.boolean(),
      /** The report compared with (`delta`), relative to the manifest's folder, and its sha256. */
      previous: z.object({ path: z.string(), sha256: sha256Schema }).nullable(),
    })
    .optional(),
  /** Every report model kept in the folder (`<city>-<pipeline>-<as-of>[-en].json`), oldest first. */
  history: z.array(z.object({ path: z.string(), asOf: isoDateSchema, lang: z.string() })).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
