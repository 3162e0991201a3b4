/** Where progress goes: plain lines for logs, one rewritten line on a terminal. */
export interface ProgressSink {
  /** A finished stage: always a line of its own. */
  stage(message: string): void;
  /** Where the run is (0..1) and what it is doing; drawn as a bar, only on a terminal. */
  tick(message: string, fraction: number): void;
  done(): void;
}

export interface ProgressOptions {
  write: (s: string) => void;
  isTTY: boolean;
  quiet: boolean;
  colour: boolean;
  now: () => number;
}

const BAR_WIDTH = 24;

/** `[██████░░░░░░]  50%`: a bar that reads without colour. */
export function progressBar(fraction: number): string {
  const f = Math.min(Math.max(fraction, 0), 1);
  const filled = Math.round(f * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`;
}

/** Progress on stderr: `[ekoraportti 1.2s] stage`; a live line on a TTY; nothing with --quiet. */
export function createProgress(o: ProgressOptions): ProgressSink {
  const start = o.now();
  const stamp = () => `${((o.now() - start) / 1000).toFixed(1)}s`;
  const dim = (s: string) => (o.colour ? `\x1b[2m${s}\x1b[22m` : s);
  let live = false;
  const clear = () => {
    if (live) o.write('\r\x1b[2K');
    live = false;
  };
  if (o.quiet) return { stage() {}, tick() {}, done() {} };
  return {
    stage(message) {
      clear();
      o.write(`${dim(`[ekoraportti ${stamp()}]`)} ${message}\n`);
    },
    tick(message, fraction) {
      if (!o.isTTY) return;
      clear();
      o.write(`${dim(`[ekoraportti ${stamp()}]`)} ${progressBar(fraction)} ${message}`);
      live = true;
    },
    done() {
      clear();
    },
  };
}
