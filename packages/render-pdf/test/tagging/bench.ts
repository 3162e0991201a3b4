// What tagging costs: render time of a large synthetic document (five 2 000-row tables with repeated
// headers, headings, figures, lists; a few hundred pages) in three modes, each in processes of its own
// (the engine, once enabled, is on for its process), alternating so that a noisy machine hits all alike:
//   plain     pdfmake alone, tagged: false
//   flag      pdfmake alone, tagged: true (pdfkit's empty structure tree: what the report had before)
//   tagged    the engine, tagged: true
// Usage (from packages/render-pdf): pnpm exec tsx test/tagging/bench.ts [rounds] [renders]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { renderDoc, syntheticDoc } from './synthetic.ts';

const MODES = ['plain', 'flag', 'tagged'] as const;
type Mode = (typeof MODES)[number];
const ROWS = 2000;
const CHAPTERS = 5;

async function child(mode: Mode, renders: number): Promise<void> {
  const doc = () => ({ ...syntheticDoc({ rows: ROWS, chapters: CHAPTERS }), tagged: mode !== 'plain' });
  const tagging = mode === 'tagged';
  const first = await renderDoc(doc(), tagging); // warm-up: fonts, code
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < renders; i++) {
    const d = doc();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await renderDoc(d, tagging);
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const pages = (Buffer.from(first).toString('latin1').match(/\/Type \/Page\n/g) ?? []).length;
  process.stdout.write(JSON.stringify({ times, cpu, bytes: first.length, pages }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const [flag, a, b] = process.argv.slice(2);
  if (flag === '--child') return child(a as Mode, Number(b));
  const rounds = Number(flag ?? 3);
  const renders = Number(a ?? 3);
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const self = fileURLToPath(import.meta.url);
  type Result = { times: number[]; cpu: number[]; bytes: number; pages: number };
  const results = new Map<Mode, Result>();
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) {
      const out = JSON.parse(
        execFileSync(process.execPath, ['--import', tsx, self, '--child', mode, String(renders)], { encoding: 'utf8', maxBuffer: 1 << 26 }),
      ) as Result;
      const r = results.get(mode) ?? { times: [], cpu: [], bytes: out.bytes, pages: out.pages };
      r.times.push(...out.times);
      r.cpu.push(...out.cpu);
      results.set(mode, r);
      const ms = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');
      process.stderr.write(`round ${round + 1} ${mode}: wall ${ms(out.times)} ms, cpu ${ms(out.cpu)} ms\n`);
    }
  }
  console.log(`${ROWS}-row tables × ${CHAPTERS}, ${rounds} rounds × ${renders} renders per mode (after one warm-up render per process)`);
  for (const what of ['times', 'cpu'] as const) {
    const base = median(results.get('flag')?.[what] ?? []);
    for (const mode of MODES) {
      const r = results.get(mode);
      if (!r) continue;
      const xs = r[what];
      const m = median(xs);
      console.log(
        `${what === 'times' ? 'wall' : 'cpu '} ${mode.padEnd(7)} median ${m.toFixed(0)} ms  min ${Math.min(...xs).toFixed(0)}  max ${Math.max(...xs).toFixed(0)}` +
          `  ${r.pages} pages  ${(r.bytes / 1024).toFixed(0)} KiB${mode === 'flag' ? '' : `  ${(((m - base) / base) * 100).toFixed(1)} % vs flag`}`,
      );
    }
  }
}

await main();
