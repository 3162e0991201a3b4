import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A scheduled run can be killed at any moment (timeout, reboot, kill -9). Whatever the moment,
// the output folder must hold only complete reports: the previous ones or the new ones.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'ekoraportti.mjs');
const EXAMPLE = join(ROOT, 'seeds', 'example');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const args = (out: string, asOf: string) => [BIN, '--pipeline', 'steering-group', '--data', EXAMPLE, '--out', out, '--as-of', asOf, '--quiet'];

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => [f, sha(join(dir, f))]));
}

describe('a run killed with SIGKILL', () => {
  it('leaves only complete reports, at every point of the run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ekoraportti-kill-'));
    // Two complete generations of the same report folder: as of Q1 and as of Q2 (same file names
    // for report.json, rejected.csv and manifest.json, different contents).
    const complete = new Map<string, Set<string>>();
    // The faster of the two runs times the kills: on a loaded machine one slow run would put most kill
    // points after the end of the runs that follow.
    let runMs = Infinity;
    for (const asOf of ['2025-03-31', '2025-06-30']) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args(out, asOf), { encoding: 'utf8' });
      runMs = Math.min(runMs, performance.now() - t0);
      expect(r.status, r.stderr).toBe(0);
      for (const [f, h] of snapshot(out)) complete.set(f, (complete.get(f) ?? new Set()).add(h));
    }
    // Kill points spread over the whole run, from start-up to the final renames, whatever this machine's speed.
    // A run that finishes before its kill tells how long runs take now (a loaded machine speeds up when
    // other work ends): the later kill points are spread over that.
    const fractions = Array.from({ length: 14 }, (_, i) => 0.05 + (i * 1.05) / 13);
    let killedMidway = 0;
    for (const [i, fraction] of fractions.entries()) {
      const delay = Math.round(runMs * fraction);
      const started = performance.now();
      const child = spawn(process.execPath, args(out, i % 2 === 0 ? '2025-03-31' : '2025-06-30'), { stdio: 'ignore' });
      const exited = new Promise<number>((r) => child.once('exit', () => r(performance.now())));
      await new Promise((r) => setTimeout(r, delay));
      const killed = child.kill('SIGKILL');
      const endedAt = await exited;
      if (killed) killedMidway++;
      else runMs = Math.min(runMs, endedAt - started);
      for (const [f, h] of snapshot(out)) {
        expect(complete.get(f)?.has(h), `${f} after a kill at ${delay} ms is not a complete report`).toBe(true);
      }
    }
    expect(killedMidway).toBeGreaterThan(8);
    // The next run after all that succeeds, and its manifest matches the files
    const r = spawnSync(process.execPath, args(out, '2025-06-30'), { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
    for (const o of manifest.outputs) expect(sha(join(out, o.path))).toBe(o.sha256);
  }, 180_000);

  it('lets two runs into the same folder at once both finish with a consistent folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ekoraportti-twice-'));
    const run = () =>
      new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, args(out, '2025-06-30'), { stdio: 'ignore' });
        c.once('exit', resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
    for (const o of manifest.outputs) expect(sha(join(out, o.path))).toBe(o.sha256);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

describe('a run stopped with SIGTERM or SIGINT (a timeout, Ctrl-C)', () => {
  it('removes its temporaries and its lock, keeps the previous report, and dies of the signal', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ekoraportti-term-'));
    const first = spawnSync(process.execPath, args(out, '2025-03-31'), { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const before = snapshot(out);
    const staged = () => readdirSync(out).filter((f) => f.endsWith('.tmp')).length;
    // Stopped while rejected.csv alone is staged (reading), and again once the other outputs are staged too.
    let stopped = 0;
    for (const [signal, atLeast] of [['SIGTERM', 1], ['SIGTERM', 3], ['SIGINT', 1]] as const) {
      const child = spawn(process.execPath, args(out, '2025-06-30'), { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, s) => r(s)));
      let finished = false;
      void exited.then(() => (finished = true));
      while (!finished && staged() < atLeast) await new Promise((r) => setTimeout(r, 2));
      if (finished) continue; // the machine was quicker than the polling: nothing to stop
      child.kill(signal);
      const diedOf = await exited;
      if (diedOf === null) continue; // it finished between the last look and the signal
      expect(diedOf).toBe(signal);
      stopped++;
      expect(readdirSync(out).filter((f) => f.startsWith('.')), `after ${signal} with ${atLeast}+ staged`).toEqual([]);
      expect(snapshot(out)).toEqual(before);
    }
    expect(stopped).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
