// `pnpm build` (turbo task `build` of this package): bundles the CLI and every workspace package it
// uses into dist/, so a run starts without compiling TypeScript. Third-party packages stay external
// and resolve from this package's dependencies; code split at dynamic imports keeps pdfmake,
// handlebars and nodemailer out of start-up. The digest of the sources goes beside the bundle;
// bin/ekoraportti.mjs runs the bundle only while that digest still matches.
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { sourcesDigest } from '../bin/_sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
// The folder name may be given (tests build beside the real one, never over it).
const dist = join(here, '..', process.argv[2] ?? 'dist');
const staging = `${dist}.tmp-${process.pid}`;

const BUNDLED = ['zod', 'csv-parse'];

const digest: string = sourcesDigest(root);
const options = {
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [
    {
      // Workspace packages are bundled, and so are zod and csv-parse: both are plain ES modules spread
      // over many files, and loading them file by file was a third of the start-up. Every other
      // registry package (pdfmake and its fonts, handlebars, nodemailer, iconv-lite) stays an import.
      name: 'external-registry-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@ekoraportti/') || BUNDLED.some((p) => args.path === p || args.path.startsWith(`${p}/`))
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
    {
      // zod's namespace object carries its error messages in 40-odd languages, and a namespace cannot be
      // tree-shaken: bundled, they were half of the start-up chunk. ekoraportti writes its own messages
      // (fi/en) and never reads zod's, so only zod's English locale, its default, is bundled.
      name: 'zod-english-only',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
            ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
          contents: `export { default as en } from ${JSON.stringify(args.path)};`,
          resolveDir: dirname(args.path),
        }));
      },
    },
  ],
  logLevel: 'warning',
} satisfies BuildOptions;
await build({
  ...options,
  entryPoints: { ekoraportti: join(here, '..', 'src', 'index.ts') },
  splitting: true,
});
// The worker threads' code is bundled on its own, each file whole: in the split bundle a worker would
// share (and load) the main chunk with zod and all of core, where the part reader needs neither.
await build({
  ...options,
  entryPoints: {
    // The thread that reads a part of a large indicators.csv; src/index.ts passes it to the reading.
    'ingest-worker': join(root, 'packages', 'ingest', 'src', 'parts', '_worker.ts'),
    // The thread that draws the PDF while the main thread writes the HTML; render-pdf finds it likewise.
    'pdf-worker': join(root, 'packages', 'render-pdf', 'src', '_worker.ts'),
  },
});
await writeFile(join(staging, 'sources.sha256'), `${digest}\n`);
// Swap the whole folder: the bin sees the old bundle, no bundle (and falls back to the sources), or the new one.
await rm(dist, { recursive: true, force: true });
await rename(staging, dist);
process.stdout.write(`built dist/ for sources ${digest.slice(0, 12)}\n`);
