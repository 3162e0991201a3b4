import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeProblem } from '@ekoraportti/core';
import { ProblemError } from '../src/index.ts';
import { EXAMPLE, run, tmp } from './helpers.ts';

it('--strict fails on rows a runaway quote swallowed, says so, and writes nothing (no rejected.csv, no temporaries)', async () => {
  const work = tmp('runner-strict-');
  const data = join(work, 'data');
  cpSync(EXAMPLE, data, { recursive: true });
  // Windows-1252 bytes round-trip through latin1: only ASCII is edited.
  const lines = readFileSync(join(data, 'funding.csv')).toString('latin1').split('\r\n');
  lines[10] = (lines[10] as string).replace(/^(A\d+);/, '$1;"');
  lines[40] = (lines[40] as string).replace(/^(A\d+;[^;]+);/, '$1";');
  writeFileSync(join(data, 'funding.csv'), Buffer.from(lines.join('\r\n'), 'latin1'));
  const out = join(work, 'out');
  // On the machine's processors: the PDF thread that reading started is stopped too.
  const err = await run({ dataDir: data, outDir: out, strict: true }, undefined, availableParallelism()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProblemError);
  const problem = (err as ProblemError).problem;
  expect(problem).toMatchObject({ code: 'E_STRICT', notRead: { file: 'funding.csv', count: 30, from: 11 } });
  expect(describeProblem(problem, 'en')).toContain('30 row(s) of funding.csv were not read (a quote runs from line 11)');
  expect(describeProblem(problem, 'fi')).toContain('30 tiedoston funding.csv riviä jäi lukematta');
  expect(existsSync(out)).toBe(false);
}, 60_000);
