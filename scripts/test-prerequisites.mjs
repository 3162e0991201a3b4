#!/usr/bin/env node
// `pnpm test` runs this first. The tests read PDFs back with poppler's pdftotext, open the HTML in
// Chromium, make throwaway certificates with openssl and copy the checkout into a git repository of its
// own. On a fresh machine that has only Node and npm these are missing: as root with apt-get they are
// installed here; otherwise the test command stops at once with the exact command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian package → the program the tests run from it. */
const NEEDS = [
  { pkg: 'chromium', program: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { pkg: 'poppler-utils', program: 'pdftotext' },
  { pkg: 'openssl', program: 'openssl' },
  { pkg: 'git', program: 'git' },
];

function found(program) {
  const candidates = program.includes('/') ? [program] : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, program));
  return candidates.some((p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const missing = NEEDS.filter((n) => !found(n.program)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const root = process.getuid?.() === 0;
if (root && found('apt-get')) {
  process.stderr.write(`pnpm test: installing what the tests need: ${missing.join(', ')} (apt-get)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      process.stderr.write(`pnpm test: apt-get ${args[0]} failed (exit ${r.status}); run it yourself: ${install}\n`);
      process.exit(1);
    }
  }
  const still = NEEDS.filter((n) => missing.includes(n.pkg) && !found(n.program)).map((n) => n.program);
  if (still.length > 0) {
    process.stderr.write(`pnpm test: after apt-get, still not found: ${still.join(', ')}\n`);
    process.exit(1);
  }
  process.exit(0);
}
process.stderr.write(
  `pnpm test needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Run:\n\n` +
    `  ${found('apt-get') ? `sudo ${install}` : `install ${missing.join(', ')} with your system's package manager`}\n\n` +
    `then pnpm test again.${missing.includes('chromium') ? ' (A Chromium elsewhere: set CHROMIUM_PATH to its binary.)' : ''}\n`,
);
process.exit(1);
