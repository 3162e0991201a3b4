import { describe, expect, it } from 'vitest';
import { createProgress, progressBar } from '../src/index.ts';

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
  it('clears a live bar when the run ends, so the shell prompt starts on a clean line', () => {
    const { p, out } = sink(true);
    p.tick('rendering the PDF', 0.85);
    p.done();
    expect(out().endsWith('\r\x1b[2K')).toBe(true);
    p.done();
    expect(out().match(/\r\x1b\[2K/g)).toHaveLength(1);
  });
  it('colours only when asked (NO_COLOR unset on a terminal) and says nothing with --quiet', () => {
    const coloured = sink(true, false, true);
    coloured.p.stage('x');
    expect(coloured.out()).toBe('\x1b[2m[ekoraportti 0.5s]\x1b[22m x\n');
    const plain = sink(true, false, false);
    plain.p.stage('x');
    expect(plain.out()).not.toContain('\x1b[');
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
