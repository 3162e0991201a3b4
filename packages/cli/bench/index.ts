// `pnpm bench`: speed and memory at national scale, measured side by side with the floor.
// Prints figures; asserts nothing (targets are reported against, never enforced in tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportModelSchema, type ReportModel } from '@ekoraportti/core';
import { BENCH_SCALE, generateDataFolder } from './_generate.ts';
import { measureTagging, taggingLines } from './_tagging.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', 'bin', 'ekoraportti.mjs');
const ROOT = join(HERE, '..', '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = BENCH_SCALE;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Timed {
  ms: number;
  maxRssKb: number | null;
  /** CPU time of all the process's threads, user + system. */
  cpuMs: number | null;
  stderr: string;
}

function timeProcess(cmd: string, args: string[]): Timed {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = /__maxrss_kb=(\d+)/.exec(r.stderr);
  const cpu = /__cpu_us=(\d+)/.exec(r.stderr);
  return { ms, maxRssKb: rss ? Number(rss[1]) : null, cpuMs: cpu ? Number(cpu[1]) / 1000 : null, stderr: r.stderr };
}

function summary(runs: Timed[]): Timed {
  const rss = runs.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return {
    ms: median(runs.map((r) => r.ms)),
    maxRssKb: rss.length ? Math.max(...rss) : null,
    cpuMs: cpu.length ? median(cpu) : null,
    stderr: runs.at(-1)?.stderr ?? '',
  };
}

function repeat(n: number, f: () => Timed): Timed {
  return summary(Array.from({ length: n }, f));
}

/**
 * Runs `a` and `b` back to back, `n` times: on a shared machine whose speed drifts, the ratio of each
 * pair is steadier than the ratio of two medians taken minutes apart. Returns both summaries and the
 * median of the pairs' ratios.
 */
function paired(n: number, a: () => Timed, b: () => Timed): { a: Timed; b: Timed; ratio: number } {
  const pairs = Array.from({ length: n }, () => {
    const x = a();
    const y = b();
    return { x, y, ratio: x.ms / y.ms };
  });
  return { a: summary(pairs.map((p) => p.x)), b: summary(pairs.map((p) => p.y)), ratio: median(pairs.map((p) => p.ratio)) };
}

const cpuOf = (t: Timed) => (t.cpuMs === null ? '' : `   CPU ${secs(t.cpuMs)}`);

function cliRun(pipeline: string, data: string, out: string, asOf: string): Timed {
  return timeProcess(process.execPath, [
    '--import',
    join(HERE, '_rss.mjs'),
    CLI,
    '--pipeline',
    pipeline,
    '--data',
    data,
    '--out',
    out,
    '--as-of',
    asOf,
    // Every repetition builds: an unchanged run into the same folder would only say it is up to date.
    '--force',
  ]);
}

function chromiumPrint(html: string, pdf: string): Timed {
  const profile = mkdtempSync(join(tmpdir(), 'ekoraportti-chromium-'));
  try {
    return timeProcess(CHROMIUM, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function readModel(out: string): ReportModel {
  return reportModelSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
}

function htmlOf(out: string): string {
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; kind: string }[] };
  return join(out, m.outputs.find((o) => o.kind === 'html')?.path ?? '');
}

async function timePdfBuild(model: ReportModel): Promise<number> {
  const { renderPdf } = await import('@ekoraportti/render-pdf');
  await renderPdf(model); // warm-up: font loading, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await renderPdf(model);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), 'ekoraportti-bench-'));
const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};
try {
  say(`ekoraportti benchmark — medians of ${RUNS} runs each (BENCH_RUNS to change), node ${process.version}, ${availableParallelism()} processors`);
  const data = join(work, 'scale');
  let t0 = performance.now();
  await generateDataFolder(data, SCALE);
  say(`generated ${SCALE.projects} projects, ${SCALE.fundingRows} funding rows, ${SCALE.observations.toLocaleString('en-US')} KPI observations, ${SCALE.assessments} assessments in ${secs(performance.now() - t0)} (Finnish Excel dialect)`);

  const scale = paired(
    RUNS,
    () => cliRun('steering-group', data, join(work, 'out-scale'), '2025-12-31'),
    () => timeProcess(process.execPath, ['--import', join(HERE, '_rss.mjs'), join(HERE, '_csv-floor.mjs'), data]),
  );
  const { a: full, b: floor } = scale;
  say('');
  say('At national scale');
  say(`  csv-parse alone, same files (the floor)   ${secs(floor.ms)}   peak RSS ${((floor.maxRssKb ?? 0) / 1024).toFixed(0)} MB${cpuOf(floor)}`);
  say(`  full CLI run (read, compute, PDF, HTML)   ${secs(full.ms)}   peak RSS ${((full.maxRssKb ?? 0) / 1024).toFixed(0)} MB${cpuOf(full)}`);
  say(`  ratio full / floor                        ${scale.ratio.toFixed(2)} ×   (target ≤ 1.5 ×; peak RSS target < 512 MB)`);
  say(`    (median of ${RUNS} back-to-back pairs; the ratio of the two medians is ${(full.ms / floor.ms).toFixed(2)} ×)`);
  // The progress line in either language: "(in 4 parts on 2 thread(s))" or "(4 osassa, 2 säiettä)".
  const split = /indicators\.csv: .*\((?:in )?(\d+) (?:parts on|osassa,) (\d+) (?:thread|säie)/.exec(full.stderr);
  say(`  indicators.csv was read in ${split?.[1] ?? 1} part(s) on ${split?.[2] ?? 1} thread(s); CPU counts the time of all threads`);

  const exampleOut = join(work, 'out-example');
  const exampleRun = () => cliRun('midterm-review', join(ROOT, 'seeds', 'example'), exampleOut, '2024-12-31');
  say('');
  say('Example data (seeds/example, midterm review)');
  if (existsSync(CHROMIUM)) {
    exampleRun(); // the HTML Chromium prints
    const pair = paired(RUNS, exampleRun, () => chromiumPrint(htmlOf(exampleOut), join(work, 'chromium-example.pdf')));
    say(`  full CLI run                              ${secs(pair.a.ms)}   peak RSS ${((pair.a.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
    say(`  Chromium printing its HTML to PDF         ${secs(pair.b.ms)}`);
    say(`  ratio full run / Chromium print           ${pair.ratio.toFixed(2)} ×   (target ≤ 0.5 ×; median of ${RUNS} back-to-back pairs)`);
  } else {
    const example = repeat(RUNS, exampleRun);
    say(`  full CLI run                              ${secs(example.ms)}   peak RSS ${((example.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
    say(`  Chromium not found at ${CHROMIUM}: install Debian's chromium to compare`);
  }

  say('');
  say('PDF build alone (renderPdf, in process, after a warm-up)');
  const exampleModel = readModel(exampleOut);
  const scaleModel = readModel(join(work, 'out-scale'));
  say(`  example data (${exampleModel.projects.count} projects)               ${secs(await timePdfBuild(exampleModel))}`);
  say(`  ${scaleModel.projects.count} projects                              ${secs(await timePdfBuild(scaleModel))}`);
  if (existsSync(CHROMIUM)) {
    const print300 = repeat(RUNS, () => chromiumPrint(htmlOf(join(work, 'out-scale')), join(work, 'chromium-scale.pdf')));
    say(`  Chromium printing the 300-project HTML    ${secs(print300.ms)}`);
  }

  // Issue 17: tagging may cost at most 15 % of the PDF's render time at this scale.
  say('');
  say(`Tagging the PDF (structure tree, artifacts, outline), ${scaleModel.projects.count} projects`);
  const scaleModelPath = join(work, 'scale-model.json');
  writeFileSync(scaleModelPath, JSON.stringify(scaleModel));
  for (const line of taggingLines(measureTagging(scaleModelPath, RUNS, 7), RUNS, 7)) say(line);
} finally {
  rmSync(work, { recursive: true, force: true });
}
