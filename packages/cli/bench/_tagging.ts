// What tagging the PDF costs (issue 17: at most 15 % of the PDF's render time at the 300-project scale).
// One report model is drawn untagged (pdfmake alone: the process never loads the tagging engine; the
// chart-size reading of render-pdf's `_svg-size.ts` is in both sides) and tagged, each in processes of
// its own, in pairs run back to back (alternating which goes first), so that a shared machine's drift
// hits both sides of a pair alike. Each process times two things:
// - its first render, cold, as the command draws its one PDF: pdfmake loaded beforehand, as the
//   command's PDF thread loads it while the data is read, but nothing compiled or warmed up yet;
// - after two more renders to warm up, the mean of `renders` renders. The mean, not the median: most of
//   what tagging costs is garbage collection, which falls on some renders and not on others, and a
//   median of a few renders counts the ones without a major collection.
//
// Child: node --import tsx _tagging.ts MODEL.json on|off RENDERS → JSON on stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Renders before the timed warm ones, after the cold one. */
const WARM_UP = 2;

interface Side {
  /** Wall milliseconds of the first render. */
  cold: number;
  /** Wall and CPU (all threads, user + system) milliseconds of each timed warm render. */
  wall: number[];
  cpu: number[];
  sha256: string;
  bytes: number;
}

interface Figures {
  cold: number;
  wall: number;
  cpu: number;
  bytes: number;
}

export interface TaggingCost {
  off: Figures;
  on: Figures;
  /** Each pair's tagged / untagged ratio: of the cold renders, of the mean warm wall time, of the mean warm CPU time. */
  coldRatios: number[];
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
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function child(modelPath: string, tagged: boolean, renders: number, hooked = false): Promise<void> {
  const { reportModelSchema } = await import('@ekoraportti/core');
  const { loadPdfmake, renderPdf } = await import('@ekoraportti/render-pdf');
  const model = reportModelSchema.parse(JSON.parse(readFileSync(modelPath, 'utf8')));
  // As the command's PDF thread does before its model is ready: pdfmake and the fonts loaded, not timed.
  loadPdfmake(tagged || hooked);
  // `hooked`: untagged, but after a tagged warm-up (the engine's hooks in place, passing through).
  const t0 = performance.now();
  const first = await renderPdf(model, { tagged: tagged || hooked });
  const side: Side = { cold: performance.now() - t0, wall: [], cpu: [], sha256: createHash('sha256').update(first).digest('hex'), bytes: first.length };
  for (let i = 0; i < WARM_UP; i++) await renderPdf(model, { tagged });
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
  const figures = (sides: Side[]): Figures => ({
    cold: median(sides.map((s) => s.cold)),
    wall: median(sides.map((s) => mean(s.wall))),
    cpu: median(sides.map((s) => mean(s.cpu))),
    bytes: sides[0]?.bytes ?? 0,
  });
  const ratios = (of: (s: Side) => number) => on.map((s, i) => of(s) / of(off[i] as Side));
  return {
    off: figures(off),
    on: figures(on),
    coldRatios: ratios((s) => s.cold),
    wallRatios: ratios((s) => mean(s.wall)),
    cpuRatios: ratios((s) => mean(s.cpu)),
    identical: [off, on].every((sides) => sides.every((s) => s.sha256 === sides[0]?.sha256)),
  };
}

/** The lines `pnpm bench` prints for a measurement. */
export function taggingLines(c: TaggingCost, pairs: number, renders: number): string[] {
  const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
  const cost = (rs: number[]) => `${pct(median(rs))} (pairs ${pct(Math.min(...rs))} … ${pct(Math.max(...rs))})`;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const side = (f: Figures) => `cold ${ms(f.cold)}, warm ${ms(f.wall)}   CPU ${ms(f.cpu)}   ${(f.bytes / 1024).toFixed(0)} KiB`;
  return [
    `  before: untagged (pdfmake alone)          ${side(c.off)}`,
    `  after: tagged                             ${side(c.on)}`,
    `  cost of tagging, median of ${pairs} pairs      cold ${cost(c.coldRatios)}; warm ${cost(c.wallRatios)}   (target ≤ +15 %)`,
    `                                            warm CPU ${cost(c.cpuRatios)}`,
    `    (each side: a process of its own; cold: its first render; warm: the mean of ${renders} renders after ${WARM_UP} more; the same bytes from every process: ${c.identical ? 'yes' : 'NO'})`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [modelPath, mode, renders] = process.argv.slice(2);
  if (!modelPath || (mode !== 'on' && mode !== 'off' && mode !== 'hooked')) {
    // Run by hand: node --import tsx bench/_tagging.ts MODEL.json [pairs] [renders]
    const model = modelPath ?? '';
    const pairs = Number(mode ?? 5);
    const n = Number(renders ?? 7);
    if (!model) throw new Error('usage: _tagging.ts MODEL.json [pairs] [renders]');
    for (const line of taggingLines(measureTagging(model, pairs, n), pairs, n)) console.log(line);
  } else {
    await child(modelPath, mode === 'on', Number(renders), mode === 'hooked');
  }
}
