import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { hashFile, listDataFiles } from '@ekoraportti/ingest';
import { manifestSchema, sha256, type Manifest } from './_manifest.ts';

/** What a run would write into its manifest besides outputs and history: if the folder's manifest says the same, the run is up to date. */
export type RunStamp = Omit<Manifest, 'outputs' | 'history' | 'inputs' | 'schemaVersion'>;

/**
 * `manifest` (the folder's, read by the caller) when `outDir` holds a complete report built from exactly these inputs: the same
 * bytes in every data file, the same options, agreement version and tools (`stamp`), and every output
 * the manifest lists still as it was written; otherwise null. Cheap checks come first: the stamp is
 * asked for only when there is a manifest, the data files are hashed only when their sizes match.
 */
export async function isUpToDate(manifest: Manifest | null, outDir: string, dataDir: string, stamp: () => RunStamp): Promise<Manifest | null> {
  if (manifest === null) return null;
  const { schemaVersion: _v, outputs, history: _h, inputs, ...recorded } = manifest;
  if (!isDeepStrictEqual(recorded, stamp())) return null;
  // The files a reading would read now: the same names, sizes and bytes as the manifest's.
  const files = await listDataFiles(dataDir);
  if (inputs.length !== files.length) return null;
  for (const [i, file] of files.entries()) {
    const input = inputs[i];
    const path = join(dataDir, file);
    if (input?.path !== relative(outDir, path)) return null;
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size !== input.bytes) return null;
  }
  for (const [i, file] of files.entries()) {
    if ((await hashFile(join(dataDir, file)).catch(() => '')) !== inputs[i]?.sha256) return null;
  }
  for (const o of outputs) {
    const data = await readFile(join(outDir, o.path)).catch(() => null);
    if (data === null || sha256(data) !== o.sha256) return null;
  }
  return manifest;
}

/** The manifest in `dir`, or null when there is none or it is not one. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
