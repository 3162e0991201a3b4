import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '../src/index.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLE = join(ROOT, 'seeds', 'example');

export const tmp = (prefix = 'ekoraportti-cli-') => mkdtempSync(join(tmpdir(), prefix));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ekoraportti ARGS` in this process, its output captured. `root` is the checkout (settings file, default out/). */
export async function cli(args: string[], o: { cwd?: string; root?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { NO_COLOR: '1', ...o.env },
    cwd: o.cwd ?? ROOT,
    stderrIsTTY: false,
    today: () => '2026-11-24',
    now: () => 0,
    root: o.root ?? ROOT,
    tools: () => ({ code: 'test' }),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The example's four CSV files without the example-data marker: a coordinator's own data. */
export function ownData(): string {
  const dir = tmp('ekoraportti-data-');
  for (const f of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv']) copyFileSync(join(EXAMPLE, f), join(dir, f));
  return dir;
}

/** A small tmpfs at a new folder, or null where this process may not mount (not root). */
export function mountTmpfs(options: string): { dir: string; unmount: () => void } | null {
  if (process.getuid?.() !== 0) return null;
  const dir = tmp('ekoraportti-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return { dir, unmount: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}

/** A stack trace line: no input may make the command print one. */
export const STACK = /\n\s+at .+:\d+:\d+/;
