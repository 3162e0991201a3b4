import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolDigest } from '../bin/_sources.mjs';

/** What the command needs from its surroundings; tests pass their own. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths on the command line are taken from: where the user typed the command. */
  cwd: string;
  stderrIsTTY: boolean;
  /** Today's date (ISO) in Finland, for the steering group's "last full quarter" and `check`. */
  today: () => string;
  now: () => number;
  /** The checkout's root: `ekoraportti.config.json`, `seeds/example` and the default `out/` are here. */
  root?: string;
  /** Versions of the tools and a digest of the code, for the manifest and the up-to-date check. */
  tools?: () => Record<string, string>;
  /**
   * The module a thread reading part of a large indicators.csv runs: in the bundle, the worker bundle
   * beside it (scripts/build.ts names it); null from the sources, where ingest's own entry serves.
   */
  ingestWorker?: URL | null;
  /**
   * The processors a report run may use; default all the machine has. With one, the PDF is drawn on
   * the calling thread (tests that are not about the thread pass 1: a PDF thread costs seconds to start).
   */
  processors?: number;
}

/** The checkout this module runs from: the nearest folder above it with `pnpm-workspace.yaml`. */
export function checkoutRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

// The agreement's days are Finnish days, whatever zone the machine runs in: a batch server on UTC
// that starts the quarterly report at 00:30 on 1 April Finnish time (21:30 or 22:30 UTC on
// 31 March) must report on the quarter that has just ended, not on the one before.
const FINNISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (ISO) that `instant` falls on in Finland (Europe/Helsinki, summer time included). */
export function dateInFinland(instant: Date): string {
  const part = Object.fromEntries(FINNISH_DAY.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

export function processIo(): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    // pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command,
    // so relative --data and --out paths mean what the user meant.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    today: () => dateInFinland(new Date()),
    now: () => performance.now(),
  };
}

/**
 * The version of `name` as `fromPackage` loads it. Read from the package.json above its entry point:
 * a package whose `exports` leave out `./package.json` (csv-parse) cannot be asked for it directly.
 */
function packageVersion(fromPackage: string, name: string): string {
  try {
    const require = createRequire(fileURLToPath(import.meta.resolve(fromPackage)));
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
  } catch {
    // Not installed where fromPackage looks: said as 'unknown' below.
  }
  return 'unknown';
}

/** Tool versions for the manifest, with the digest of the code, templates and lockfile (`code`). */
export function toolVersions(root: string): Record<string, string> {
  return {
    code: toolDigest(root),
    csvParse: packageVersion('@ekoraportti/ingest', 'csv-parse'),
    ekoraportti: (createRequire(import.meta.url)('../package.json') as { version: string }).version,
    handlebars: packageVersion('@ekoraportti/render-html', 'handlebars'),
    node: process.version,
    pdfmake: packageVersion('@ekoraportti/render-pdf', 'pdfmake'),
  };
}

/** `io` with its optional parts filled in. */
/** The bundle's own worker for the parts of a large indicators.csv; from the sources, ingest's default. */
const INGEST_WORKER = import.meta.url.endsWith('.ts') ? null : new URL('./ingest-worker.mjs', import.meta.url);

export function completeIo(io: CliIo): Required<CliIo> {
  const root = io.root ?? checkoutRoot();
  return {
    ...io,
    root,
    tools: io.tools ?? (() => toolVersions(root)),
    ingestWorker: io.ingestWorker ?? INGEST_WORKER,
    processors: io.processors ?? availableParallelism(),
  };
}
