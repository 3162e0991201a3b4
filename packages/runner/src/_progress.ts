/** Where progress goes: plain lines for logs, one rewritten line on a terminal. */
export interface ProgressSink {
  /** A finished stage: always a line of its own. */
  stage(message: string): void;
  /** A running count (rows read so far); drawn only on a terminal. */
  tick(message: string): void;
  done(): void;
}

export interface ProgressOptions {
  write: (s: string) => void;
  isTTY: boolean;
  quiet: boolean;
  colour: boolean;
  now: () => number;
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
    tick(message) {
      if (!o.isTTY) return;
      clear();
      o.write(`${dim(`[ekoraportti ${stamp()}]`)} ${message}`);
      live = true;
    },
    done() {
      clear();
    },
  };
}
