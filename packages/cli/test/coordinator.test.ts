import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModelSchema, type ReportModel } from '@ekoraportti/core';
import { ROOT, tmp } from './helpers.ts';

// What a coordinator does, end to end, with her data outside the checkout: init → fill the files →
// check → pnpm report → change one amount → pnpm report → unchanged pnpm report → next quarter.
// It runs in a copy of this checkout (installed from pnpm's store, offline) so its out/, turbo cache
// and settings file are its own.

let checkout: string;

/** The environment of a shell a coordinator opens: none of the test runner's turbo or pnpm variables. */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TURBO_|npm_|PNPM_|INIT_CWD|VITEST|NODE_ENV)/.test(k)));
  return { ...env, NO_COLOR: '1', ...extra };
}

function pnpm(args: string[], extra: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync('pnpm', args, { cwd: checkout, env: shellEnv(extra), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const model = (dir: string, file = 'report.json'): ReportModel => reportModelSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
const htmlText = (path: string) => readFileSync(path, 'utf8').replace(/<[^>]+>/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ');
const mtimes = (dir: string, files: string[]) => files.map((f) => statSync(join(dir, f)).mtimeMs);

const HEADER = {
  projects: 'project_id;name;owner;measure;status;start_date;end_date',
  funding: 'project_id;source;year;amount_eur',
  indicators: 'kpi;date;value;project_id;source',
  assessments: 'target;date;status;evidence;assessed_by',
};
/** Writes a file as Finnish Excel saves "CSV UTF-8 (luetteloerotin)". */
const excel = (dir: string, file: keyof typeof HEADER, rows: string[]) =>
  writeFileSync(join(dir, `${file}.csv`), `\ufeff${[HEADER[file], ...rows].join('\r\n')}\r\n`);

/** The coordinator's first quarter: three projects, their money, two KPI observations and an assessment. */
function fill(dir: string, esr: string): void {
  excel(dir, 'projects', [
    'A80501;Hyvinvoinnin kaupunkiverkosto;Jyväskylän kaupunki;4.1.1;käynnissä;1.1.2025;31.12.2027',
    'S22173;Osaamisen polut yrityksiin;JAMK;4.1.3;käynnissä;1.3.2025;28.2.2027',
    'A80502;Vetylaboratorio;Jyväskylän yliopisto;4.2.2;suunniteltu;1.1.2026;31.12.2027',
  ]);
  excel(dir, 'funding', [
    'A80501;EAKR;2025;300 000,00',
    'A80501;kaupunki;2025;200 000,00',
    `S22173;ESR+;2025;${esr}`,
    'S22173;muu_julkinen;2025;100 000,00',
    'A80502;AKKE;2026;80 000,00',
  ]);
  excel(dir, 'indicators', ['partner_cities;31.1.2026;3;A80501;Verkostokokous', 'bilateral_collaborations;15.2.2026;2;S22173;Yhteistyösopimukset']);
  excel(dir, 'assessments', ['4.1.1/2023;31.1.2026;etenee;Kolme kaupunkia mukana verkostossa;Johtoryhmä']);
}

/** What is built or installed, not part of the checkout's sources. */
const BUILT = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage']);
const built = (path: string) => BUILT.has(basename(path)) || basename(path).startsWith('dist-test-');

/** Every file of the checkout that is not built or installed, relative to it. */
function sources(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (built(path)) return [];
    return e.isDirectory() ? sources(path, root) : [relative(root, path)];
  });
}

beforeAll(() => {
  checkout = tmp('ekoraportti-checkout-');
  cpSync(ROOT, checkout, { recursive: true, filter: (src) => !built(src) && src !== join(ROOT, 'out') });
  // A repository, so turbo hashes files as it does in a clone (its own logs in .turbo/ ignored).
  execFileSync('git', ['init', '-q'], { cwd: checkout });
  execFileSync('git', ['add', '-A'], { cwd: checkout });
  const install = pnpm(['install', '--offline', '--frozen-lockfile']);
  expect(install.status, install.out).toBe(0);
}, 300_000);

afterAll(() => {
  if (checkout) rmSync(checkout, { recursive: true, force: true });
});

describe('a coordinator’s quarter', () => {
  it('EKORAPORTTI_DATA: init → check → report → a changed amount rebuilt → unchanged is up to date → next quarter compares itself', () => {
    const before = new Set(sources(checkout));
    const data = join(tmp('ekodata-'), 'ekodata');
    const init = pnpm(['-s', 'ekoraportti', 'init', data]);
    expect(init.status, init.out).toBe(0);
    expect(pnpm(['-s', 'ekoraportti', 'check', '--data', data]).status).toBe(0);

    fill(data, '150 000,00');
    const check = pnpm(['-s', 'ekoraportti', 'check', '--data', data]);
    expect(check.status, check.out).toBe(0);
    expect(check.out).toContain('funding.csv: 5 riviä luettu, 5 käytetty, 0 hylätty');

    const env = { EKORAPORTTI_DATA: data };
    const q1 = pnpm(['report', '--', '--as-of', '2026-03-31'], env);
    expect(q1.status, q1.out).toBe(0);
    const out = join(checkout, 'out', 'steering-group');
    expect(model(out).funding.total).toBe(750_000);
    expect(model(out).report.exampleData).toBe(false);
    expect(model(join(checkout, 'out', 'midterm-review')).asOf).toBe('2026-03-31');

    // One amount changes: the next run has the new figure (turbo never replays this folder's report).
    fill(data, '175 000,00');
    const changed = pnpm(['report', '--', '--as-of', '2026-03-31'], env);
    expect(changed.status, changed.out).toBe(0);
    expect(model(out).funding.total).toBe(775_000);
    expect(htmlText(join(out, 'jyvaskyla-steering-group-2026-03-31.html'))).toContain('775 000');

    // Nothing changed: every pipeline says it is up to date and touches no file.
    const files = ['report.json', 'manifest.json', 'jyvaskyla-steering-group-2026-03-31.pdf'];
    const written = mtimes(out, files);
    const same = pnpm(['report', '--', '--as-of', '2026-03-31'], env);
    expect(same.status, same.out).toBe(0);
    expect(same.out.match(/ajan tasalla: /g)).toHaveLength(3);
    expect(mtimes(out, files)).toEqual(written);

    // The next quarter: money and a collaboration more. The report compares itself with the first quarter's
    // without any --previous.
    excel(data, 'indicators', [
      'partner_cities;31.1.2026;3;A80501;Verkostokokous',
      'bilateral_collaborations;15.2.2026;2;S22173;Yhteistyösopimukset',
      'bilateral_collaborations;15.5.2026;1;S22173;Uusi sopimus',
    ]);
    writeFileSync(join(data, 'funding.csv'), `${readFileSync(join(data, 'funding.csv'), 'utf8')}A80501;EAKR;2026;50 000,00\r\n`);
    const q2 = pnpm(['report', '--', '--as-of', '2026-06-30'], env);
    expect(q2.status, q2.out).toBe(0);
    const delta = model(out).delta;
    expect(delta?.previousAsOf).toBe('2026-03-31');
    expect(delta?.previousFile).toBe('jyvaskyla-steering-group-2026-03-31.json');
    expect(delta?.funding.total).toEqual({ previous: 775_000, current: 825_000, change: 50_000 });
    expect(delta?.kpis.bilateral_collaborations).toEqual({ previous: 2, current: 3, change: 1 });
    expect(model(out, 'jyvaskyla-steering-group-2026-03-31.json').funding.total).toBe(775_000);

    // --data after -- reaches only the report tasks: the build never sees it (it once wrote packages/cli/--data/).
    const flag = pnpm(['report', '--', '--pipeline', 'final-review', '--data', data, '--quiet']);
    expect(flag.status, flag.out).toBe(0);
    // Nothing was written outside out/ and the build folders.
    expect(sources(checkout).filter((f) => !before.has(f) && !f.startsWith(`out${'/'}`))).toEqual([]);

    // The example data is still turbo's to cache: a second unchanged run is a full cache hit. Its reports
    // have a folder of their own, so neither the run nor the cache's replay touches the real ones.
    expect(pnpm(['report', '--', '--quiet']).status).toBe(0);
    const cached = pnpm(['report', '--', '--quiet']);
    expect(cached.out).toContain('FULL TURBO');
    expect(model(join(checkout, 'out', 'example', 'steering-group')).report.exampleData).toBe(true);
    expect(model(out).report.exampleData).toBe(false);
    expect(model(out).funding.total).toBe(825_000);
  }, 900_000);

  it('ekoraportti.config.json: the data folder, the out root and two languages, rebuilt on change, else up to date', () => {
    const data = join(tmp('ekodata-'), 'kvartaali');
    expect(pnpm(['-s', 'ekoraportti', 'init', data]).status).toBe(0);
    fill(data, '150 000,00');
    writeFileSync(join(checkout, 'ekoraportti.config.json'), JSON.stringify({ data, out: 'raportit', lang: ['fi', 'en'] }, null, 2));
    try {
      const args = ['report', '--', '--pipeline', 'steering-group', '--as-of', '2026-03-31'];
      expect(pnpm(args).status).toBe(0);
      const fi = join(checkout, 'raportit', 'steering-group');
      const en = join(checkout, 'raportit', 'steering-group-en');
      expect([model(fi).lang, model(fi).funding.total, model(en).lang, model(en).funding.total]).toEqual(['fi', 750_000, 'en', 750_000]);

      fill(data, '175 000,00');
      expect(pnpm(args).status).toBe(0);
      expect([model(fi).funding.total, model(en).funding.total]).toEqual([775_000, 775_000]);

      const same = pnpm(args);
      expect(same.status, same.out).toBe(0);
      expect(same.out).toContain(`ajan tasalla: ${fi}`);
      expect(same.out).toContain(`up to date: ${en}`);
    } finally {
      rmSync(join(checkout, 'ekoraportti.config.json'));
    }
  }, 600_000);
});
