import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourcesDigest } from '../bin/_sources.mjs';

const CLI = fileURLToPath(new URL('../', import.meta.url));
const ROOT = join(CLI, '..', '..');

/** A miniature workspace with the real bin, a fake bundle that exits 42 and fake sources that exit 7. */
function miniature(): { root: string; run: (env?: Record<string, string>) => number | null } {
  const root = mkdtempSync(join(tmpdir(), 'ekoraportti-bin-'));
  const cli = join(root, 'packages', 'cli');
  for (const d of ['bin', 'src', 'dist']) mkdirSync(join(cli, d), { recursive: true });
  mkdirSync(join(root, 'pipelines'));
  copyFileSync(join(CLI, 'bin', 'ekoraportti.mjs'), join(cli, 'bin', 'ekoraportti.mjs'));
  copyFileSync(join(CLI, 'bin', '_sources.mjs'), join(cli, 'bin', '_sources.mjs'));
  symlinkSync(join(CLI, 'node_modules'), join(cli, 'node_modules'));
  writeFileSync(join(cli, 'package.json'), '{ "type": "module" }');
  // Each exports what the bin calls: stopCleanlyOnSignals(), then runCli().
  writeFileSync(join(cli, 'src', 'index.ts'), 'export function stopCleanlyOnSignals(): void {}\nexport async function runCli(): Promise<number> { return 7; }\n');
  writeFileSync(join(cli, 'dist', 'ekoraportti.mjs'), 'export function stopCleanlyOnSignals() {}\nexport async function runCli() { return 42; }\n');
  writeFileSync(join(cli, 'dist', 'sources.sha256'), `${sourcesDigest(root)}\n`);
  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(cli, 'bin', 'ekoraportti.mjs')], { env: { ...process.env, ...env } }).status;
  return { root, run };
}

describe('the ekoraportti bin', () => {
  it('runs the bundle while it was built from the sources as they are', () => {
    expect(miniature().run()).toBe(42);
  });
  it('runs the sources once any of them changed since the build', () => {
    const m = miniature();
    writeFileSync(join(m.root, 'packages', 'cli', 'src', 'index.ts'), 'export function stopCleanlyOnSignals(): void {}\nexport async function runCli(): Promise<number> { return 7 ; }\n');
    expect(m.run()).toBe(7);
  });
  it('runs the sources without a bundle, or when asked to', () => {
    const m = miniature();
    expect(m.run({ EKORAPORTTI_FROM_SOURCE: '1' })).toBe(7);
    rmSync(join(m.root, 'packages', 'cli', 'dist'), { recursive: true });
    expect(m.run()).toBe(7);
  });
});

describe('the bundle', () => {
  it('builds, and gives byte-identical reports to the sources', () => {
    // Built into its own folder inside the package (so registry packages resolve), never over dist/,
    // which other tests' runs may be using.
    const folder = `dist-test-${process.pid}`;
    try {
      const b = spawnSync(process.execPath, ['--import', 'tsx', join(CLI, 'scripts', 'build.ts'), folder], { cwd: CLI, encoding: 'utf8' });
      expect(b.status, b.stderr).toBe(0);
      expect(readFileSync(join(CLI, folder, 'sources.sha256'), 'utf8').trim()).toBe(sourcesDigest(ROOT));
      const outs = ['bundle', 'source'].map((how) => {
        const out = mkdtempSync(join(tmpdir(), `ekoraportti-${how}-`));
        const argv = ['--pipeline', 'midterm-review', '--data', join(ROOT, 'seeds', 'example'), '--out', out, '--quiet'];
        const r =
          how === 'bundle'
            ? spawnSync(
                process.execPath,
                ['--input-type=module', '-e', `const { runCli } = await import(${JSON.stringify(pathToFileURL(join(CLI, folder, 'ekoraportti.mjs')).href)}); process.exitCode = await runCli(${JSON.stringify(argv)});`],
                { encoding: 'utf8', cwd: CLI },
              )
            : spawnSync(process.execPath, [join(CLI, 'bin', 'ekoraportti.mjs'), ...argv], {
                encoding: 'utf8',
                env: { ...process.env, EKORAPORTTI_FROM_SOURCE: '1' },
              });
        expect(r.status, r.stderr).toBe(0);
        return out;
      });
      const [bundled, source] = outs as [string, string];
      expect(readdirSync(bundled).sort()).toEqual(readdirSync(source).sort());
      for (const f of readdirSync(bundled)) expect(readFileSync(join(bundled, f)).equals(readFileSync(join(source, f))), f).toBe(true);
    } finally {
      rmSync(join(CLI, folder), { recursive: true, force: true });
    }
  }, 120_000);
});
