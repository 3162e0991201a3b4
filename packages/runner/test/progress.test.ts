import { describe, expect, it } from 'vitest';
import { createProgress, progressBar } from '../src/index.ts';
import { thousands } from '../src/_progress.ts';

function sink(isTTY: boolean, quiet = false, colour = false) {
  let out = '';
  let t = 0;
  const p = createProgress({ write: (s) => void (out += s), isTTY, quiet, colour, now: () => (t += 500) });
  return { p, out: () => out };
}

describe('progress on stderr', () => {
  it('writes plain lines, one per stage, when stderr is a log file', () => {
    const { p, out } = sink(false);
    p.tick('reading indicators.csv: 50,000 rows', 0.4);
    p.stage('read indicators.csv: 1000 rows, 1000 used, 0 rejected');
    p.done();
    expect(out()).toBe('[ekoraportti 0.5s] read indicators.csv: 1000 rows, 1000 used, 0 rejected\n');
  });
  it('draws a bar on a terminal and clears it before the next line', () => {
    const { p, out } = sink(true);
    p.tick('reading indicators.csv', 0.5);
    p.stage('done');
    expect(out()).toContain('[████████████░░░░░░░░░░░░]  50% reading indicators.csv');
    expect(out()).toContain('\r\x1b[2K[ekoraportti 1.0s] done\n');
  });
  it('colours only when asked (NO_COLOR unset on a terminal) and says nothing with --quiet', () => {
    expect(sink(true, false, true).p).toBeDefined();
    const coloured = sink(true, false, true);
    coloured.p.stage('x');
    expect(coloured.out()).toContain('\x1b[2m');
    const quiet = sink(true, true);
    quiet.p.stage('x');
    quiet.p.tick('y', 0.1);
    expect(quiet.out()).toBe('');
  });
  it('keeps the bar within 0 and 100 %', () => {
    expect(progressBar(-1)).toBe(`[${'░'.repeat(24)}]   0%`);
    expect(progressBar(2)).toBe(`[${'█'.repeat(24)}] 100%`);
  });
});

describe('thousands', () => {
  it('groups digits in threes with commas, as progress lines show row and byte counts', () => {
    expect([0, 999, 1000, 50_000, 171_420, 1_000_000, 1_234_567_890].map(thousands)).toEqual([
      '0',
      '999',
      '1,000',
      '50,000',
      '171,420',
      '1,000,000',
      '1,234,567,890',
    ]);
  });
});
