// What tagging the PDF costs (issue 17: at most 15 % of the PDF's render time at the 300-project scale).
// One report model is drawn untagged (pdfmake alone: the process never loads the tagging engine) and
// tagged, each in processes of its own, in pairs run back to back (alternating which goes first), so
// that a shared machine's drift hits both sides of a pair alike. Each process draws the PDF once to
// warm up, then `renders` times; a pair's ratio is the ratio of its two processes' medians.
//
// Child: node --import tsx _tagging.ts MODEL.json on|off RENDERS → JSON on stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Side {
  /** Wall and CPU (all threads, user + system) milliseconds of each timed render. */
  wall: number[];
  cpu: number[];
  sha256: string;
  bytes: number;
}

export interface TaggingCost {
  off: { wall: number; cpu: number; bytes: number };
  on: { wall: number; cpu: number; bytes: number };
  /** Each pair's tagged / untagged ratio of median wall time, and of median CPU time. */
  wallRatios: number[];
  cpuRatios: number[];
  /** Whether every process drew the same bytes (per side). */
  identical: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function child(modelPath: string, tagged: boolean, renders: number, hooked = false): Promise<void> {
  const { reportModelSchema } = await import('@ekoraportti/core');
  const { renderPdf } = await import('@ekoraportti/render-pdf');
  const model = reportModelSchema.parse(JSON.parse(readFileSync(modelPath, 'utf8')));
  // `hooked`: untagged, but after a tagged warm-up (the engine's hooks in place, passing through).
  const first = await renderPdf(model, { tagged: tagged || hooked });
  const side: Side = { wall: [], cpu: [], sha256: createHash('sha256').update(first).digest('hex'), bytes: first.length };
  for (let i = 0; i < renders; i++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await renderPdf(model, { tagged });
    side.wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu);
    side.cpu.push((used.user + used.system) / 1000);
  }
  process.stdout.write(JSON.stringify(side));
}

function run(modelPath: string, tagged: boolean, renders: number): Side {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const r = spawnSync(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url), modelPath, tagged ? 'on' : 'off', String(renders)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`the tagging bench's child exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as Side;
}

/** Draws the model at `modelPath` untagged and tagged in `pairs` pairs of processes, `renders` timed renders each. */
export function measureTagging(modelPath: string, pairs: number, renders: number): TaggingCost {
  const off: Side[] = [];
  const on: Side[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      off.push(run(modelPath, false, renders));
      on.push(run(modelPath, true, renders));
    } else {
      on.push(run(modelPath, true, renders));
      off.push(run(modelPath, false, renders));
    }
  }
  const all = (sides: Side[], k: 'wall' | 'cpu') => median(sides.flatMap((s) => s[k]));
  return {
    off: { wall: all(off, 'wall'), cpu: all(off, 'cpu'), bytes: off[0]?.bytes ?? 0 },
    on: { wall: all(on, 'wall'), cpu: all(on, 'cpu'), bytes: on[0]?.bytes ?? 0 },
    wallRatios: on.map((s, i) => median(s.wall) / median((off[i] as Side).wall)),
    cpuRatios: on.map((s, i) => median(s.cpu) / median((off[i] as Side).cpu)),
    identical: [off, on].every((sides) => sides.every((s) => s.sha256 === sides[0]?.sha256)),
  };
}

/** The lines `pnpm bench` prints for a measurement. */
export function taggingLines(c: TaggingCost, pairs: number, renders: number): string[] {
  const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
  const spread = (rs: number[]) => `${pct(Math.min(...rs))} … ${pct(Math.max(...rs))}`;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `  before: untagged (pdfmake alone)          ${ms(c.off.wall)}   CPU ${ms(c.off.cpu)}   ${(c.off.bytes / 1024).toFixed(0)} KiB`,
    `  after: tagged                             ${ms(c.on.wall)}   CPU ${ms(c.on.cpu)}   ${(c.on.bytes / 1024).toFixed(0)} KiB`,
    `  cost of tagging, median of ${pairs} pairs      ${pct(median(c.wallRatios))} wall (pairs ${spread(c.wallRatios)}), ${pct(median(c.cpuRatios))} CPU (pairs ${spread(c.cpuRatios)})   (target ≤ +15 %)`,
    `    (each side: a process of its own, one warm-up render, then the median of ${renders}; the same bytes from every process: ${c.identical ? 'yes' : 'NO'})`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [modelPath, mode, renders] = process.argv.slice(2);
  if (!modelPath || (mode !== 'on' && mode !== 'off' && mode !== 'hooked')) {
    // Run by hand: node --import tsx bench/_tagging.ts MODEL.json [pairs] [renders]
    const model = modelPath ?? '';
    const pairs = Number(mode ?? 5);
    const n = Number(renders ?? 3);
    if (!model) throw new Error('usage: _tagging.ts MODEL.json [pairs] [renders]');
    for (const line of taggingLines(measureTagging(model, pairs, n), pairs, n)) console.log(line);
  } else {
    await child(modelPath, mode === 'on', Number(renders), mode === 'hooked');
  }
}
