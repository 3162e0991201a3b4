import { ROOT } from '@ekoraportti/runner/testing';
import { runCli, type CliIo } from '../src/index.ts';

export { EXAMPLE, mountTmpfs, ownData, ROOT, tmp, unmountAll } from '@ekoraportti/runner/testing';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `ekoraportti ARGS` in this process, its output captured. `root` is the checkout (settings file, default out/).
 * The PDF is drawn on this thread unless `processors` says otherwise (see CliIo.processors).
 */
export async function cli(args: string[], o: { cwd?: string; root?: string; env?: Record<string, string>; processors?: number } = {}): Promise<Run> {
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
    processors: o.processors ?? 1,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A stack trace line: no input may make the command print one. */
export const STACK = /\n\s+at .+:\d+:\d+/;
