// The digest of every workspace source file a CLI bundle is built from. The build records it beside
// the bundle; the bin uses the bundle only when the sources still have this digest, so a stale
// bundle can never run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.isFile()) out.push(path);
  }
}

/** sha256 over the relative path and content of every file in packages/*\/src and pipelines/*\/src, and their package.json. */
export function sourcesDigest(root) {
  const files = [];
  for (const group of ['packages', 'pipelines']) {
    for (const pkg of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!pkg.isDirectory()) continue;
      walk(join(root, group, pkg.name, 'src'), files);
      files.push(join(root, group, pkg.name, 'package.json'));
    }
  }
  return digest(root, files);
}

/**
 * What a report depends on besides its data and options: the sources, the templates the HTML is drawn
 * from and the locked versions of every library. A run whose tool digest differs from the manifest's is
 * not up to date, whatever its version number says.
 */
export function toolDigest(root) {
  const files = [join(root, 'pnpm-lock.yaml')];
  walk(join(root, 'templates'), files);
  return createHash('sha256').update(sourcesDigest(root)).update(digest(root, files)).digest('hex');
}

function digest(root, files) {
  files.sort();
  const hash = createHash('sha256');
  for (const f of files) {
    let content;
    try {
      content = readFileSync(f);
    } catch {
      continue;
    }
    hash.update(relative(root, f)).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}
