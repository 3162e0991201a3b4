import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, removeStaleTemporaries, StagedWrite } from '../src/index.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'ekoraportti-atomic-'));

describe('staged writes', () => {
  it('leave the previous files untouched until commit, then replace them all', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    const w = new StagedWrite(dir);
    await w.stage('a.txt', 'new a');
    await w.stage('b.txt', 'new b');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(existsSync(join(dir, 'b.txt'))).toBe(false);
    w.commit();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('new b');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('abort removes the staged files and keeps the old ones', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    const w = new StagedWrite(dir);
    await w.stage('a.txt', 'new a');
    await w.abort();
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
  });

  it('cleans temporaries left by a killed process, not those of a live one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '.ekoraportti-999999999-0-x.pdf.tmp'), 'half');
    writeFileSync(join(dir, `.ekoraportti-${process.pid}-0-y.pdf.tmp`), 'mine');
    expect(await removeStaleTemporaries(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([`.ekoraportti-${process.pid}-0-y.pdf.tmp`]);
  });
});

describe('the output folder lock', () => {
  it('makes a second run wait, and tells it who holds the lock', async () => {
    const dir = tmp();
    const first = await acquireLock(dir, 0, () => {});
    expect('release' in first).toBe(true);
    let waitedFor = 0;
    const second = await acquireLock(dir, 200, (holder) => (waitedFor = holder));
    expect(second).toEqual({ heldBy: process.pid });
    expect(waitedFor).toBe(process.pid);
    if ('release' in first) first.release();
    const third = await acquireLock(dir, 0, () => {});
    expect('release' in third).toBe(true);
    if ('release' in third) third.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a killed run’s lock whose PID is now another process’s, or this run’s own (a container restarted)', async () => {
    const dir = tmp();
    // A lock that names a live PID with another start time: written by a run of an earlier boot or container.
    for (const pid of [process.pid, 1]) {
      writeFileSync(join(dir, '.ekoraportti.lock'), `${pid} 1`);
      const lock = await acquireLock(dir, 0, () => {});
      expect('release' in lock, `lock of PID ${pid}`).toBe(true);
      if ('release' in lock) lock.release();
      expect(readdirSync(dir)).toEqual([]);
    }
    // The same PID with its real start time is a run that still holds the folder: waited for, not taken.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(dir, '.ekoraportti.lock'), `${process.pid} ${started}`);
    expect(await acquireLock(dir, 0, () => {})).toEqual({ heldBy: process.pid });
  });

  it('takes over the lock of a run that was killed', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    await new Promise((r) => child.once('spawn', r));
    writeFileSync(join(dir, '.ekoraportti.lock'), String(child.pid));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const lock = await acquireLock(dir, 0, () => {});
    expect('release' in lock).toBe(true);
    if ('release' in lock) lock.release();
  });
});
