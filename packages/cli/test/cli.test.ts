import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '@ekoraportti/runner';
import { reportModelSchema, type ReportModel } from '@ekoraportti/core';
import { runCli, type CliIo } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = join(ROOT, 'seeds', 'example');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ekoraportti ARGS` in this process; the PDF is drawn on this thread unless `processors` says otherwise. */
async function cli(args: string[], cwd = ROOT, processors = 1): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { NO_COLOR: '1' },
    cwd,
    stderrIsTTY: false,
    today: () => '2026-11-24',
    now: () => 0,
    root: ROOT,
    processors,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'ekoraportti-cli-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const readModel = (dir: string): ReportModel => reportModelSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const htmlText = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

describe('usage errors exit 2 and write nothing', () => {
  it('prints help with every pipeline and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['midterm-review', 'steering-group', 'final-review']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('distribute');
  });
  it('rejects an unknown pipeline', async () => {
    const out = tmp();
    const r = await cli(['--pipeline', 'annual', '--data', EXAMPLE, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Tuntematon raportti 'annual'. Vaihtoehdot: midterm-review, steering-group, final-review.");
    expect(readdirSync(out)).toEqual([]);
  });
  it('rejects a missing data folder', async () => {
    const r = await cli(['--pipeline', 'midterm-review', '--data', '/nonexistent/data', '--out', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Datakansiota /nonexistent/data (annettu valitsimella --data) ei löydy.');
  });
  it('rejects an impossible as-of date and an unknown option', async () => {
    const impossible = await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--as-of', '2025-02-30']);
    expect(impossible.code).toBe(2);
    // Written in the right form, so the message says what is wrong with it: the day does not exist.
    expect(impossible.stderr).toContain("--as-of '2025-02-30': päivää ei ole kalenterissa.");
    expect((await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--as-of', '30.2.2025'])).stderr).toContain('ei ole päivämäärä muodossa VVVV-KK-PP');
    expect((await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--agreement', '2030'])).code).toBe(2);
    expect((await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--colour'])).code).toBe(2);
  });
});

describe('a run on the example data (Finnish Excel dialects, some bad rows)', () => {
  let out: string;
  let run: Run;
  let model: ReportModel;
  beforeAll(async () => {
    out = tmp();
    // As the command runs on this machine: the PDF on a thread of its own where there are two processors.
    run = await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--out', out], ROOT, availableParallelism());
    model = readModel(out);
  }, 60_000);

  it('writes the PDF, HTML, report.json (and its copy in the history), rejected.csv and manifest with people-friendly names', () => {
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'jyvaskyla-midterm-review-2024-12-31.html',
      'jyvaskyla-midterm-review-2024-12-31.json',
      'jyvaskyla-midterm-review-2024-12-31.pdf',
      'manifest.json',
      'rejected.csv',
      'report.json',
    ]);
    // The run's own messages are in the report's language (Finnish by default).
    expect(run.stderr).toMatch(/luettu projects\.csv: \d+ riviä, \d+ käytetty, \d+ hylätty/);
    expect(run.stderr).not.toMatch(/\b(rows|read|wrote)\b/);
  });

  it('accounts for every row: read = used + rejected, per file (an EURA export: + left out + not data)', () => {
    for (const [file, c] of Object.entries(model.inputs)) {
      expect(c.rowsRead, file).toBe(c.rowsUsed + c.rowsRejected + (c.rowsLeftOut ?? 0) + (c.rowsNotData ?? 0));
      expect(model.rejected.filter((r) => r.file === file)).toHaveLength(c.rowsRejected);
    }
    expect(model.rejected.length).toBeGreaterThanOrEqual(5);
  });

  it('names every rejected row by file, line and column in report.json, the PDF, the HTML and rejected.csv', () => {
    const pdf = squash(pdfText(join(out, 'jyvaskyla-midterm-review-2024-12-31.pdf')));
    const html = htmlText(join(out, 'jyvaskyla-midterm-review-2024-12-31.html'));
    const csv = readFileSync(join(out, 'rejected.csv'), 'utf8');
    for (const r of model.rejected) {
      expect(r.line).toBeGreaterThan(1);
      expect(csv).toContain(`${r.file};${r.line};${r.column};`);
      expect(html).toContain(squash(r.reason));
      // pdftotext may hyphenate or wrap long reasons: check the start of each
      expect(pdf).toContain(squash(r.reason).slice(0, 30));
    }
    expect(model.rejected).toContainEqual(expect.objectContaining({ file: 'projects.csv', line: 34, column: 'measure' }));
    expect(model.rejected).toContainEqual(expect.objectContaining({ file: 'indicators.csv', column: 'date', code: 'E_BAD_DATE' }));
  });

  it('reads the multi-line quoted project name and Windows-1252 amounts', () => {
    const hippos = model.projects.list.find((p) => p.id === 'A80201');
    expect(hippos?.name).toBe('Hippos-kaupunkikehityshanke;\nTKI-ympäristö ja "Hippos-data"');
    expect(model.funding.total).toBeGreaterThan(1_000_000);
    expect(model.funding.bySource.yksityinen).toBeGreaterThan(0);
  });

  it('measures against the 2021 agreement, lists its ten targets and shows the revision', () => {
    expect(model.agreement.version).toBe('2021');
    expect(Object.keys(model.targets)).toHaveLength(10);
    expect(model.targets['4.2.2/2027']?.text).toContain('kansainvälisen yrityksen tki-keskus');
    expect(model.revision?.changedTargets.map((t) => t.id)).toEqual(['4.2.1/2027', '4.2.2/2027']);
    const pdf = squash(pdfText(join(out, 'jyvaskyla-midterm-review-2024-12-31.pdf')));
    expect(pdf).toContain('Esimerkkiaineisto');
    expect(pdf).not.toMatch(/TKl|Nana Science|lnnovation/);
  });

  it('records every output and input with a sha256 that matches the file', () => {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.outputs.map((o) => o.kind).sort()).toEqual(['csv', 'html', 'json', 'json', 'pdf']);
    for (const o of manifest.outputs) expect(sha(join(out, o.path)), o.path).toBe(o.sha256);
    // The four contract files and the example EURA export.
    expect(manifest.inputs.map((i) => i.path.split('/').at(-1)).sort()).toEqual([
      'assessments.csv',
      'eura2021-hankkeet-esimerkki.xlsx',
      'funding.csv',
      'indicators.csv',
      'projects.csv',
    ]);
    for (const i of manifest.inputs) expect(sha(join(out, i.path)), i.path).toBe(i.sha256);
    expect(manifest.asOf).toBe('2024-12-31');
    expect(manifest.tools.pdfmake).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.tools.csvParse).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gives byte-identical PDF, HTML and JSON for the same inputs, whichever thread draws the PDF', async () => {
    // This run draws its PDF on the calling thread (processors: 1); the first one used the machine's.
    const again = tmp();
    expect((await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--out', again, '--quiet'])).code).toBe(0);
    for (const f of readdirSync(out)) expect(sha(join(again, f)), f).toBe(sha(join(out, f)));
  }, 60_000);

  it('--strict exits 1 and writes nothing when rows were rejected', async () => {
    const strictOut = join(tmp(), 'never');
    const r = await cli(['--pipeline', 'midterm-review', '--data', EXAMPLE, '--out', strictOut, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict: \d+ riviä hylättiin, joten mitään ei kirjoitettu\. Ensimmäinen: projects\.csv rivi \d+/);
    expect(existsSync(strictOut)).toBe(false);
  });
});

describe('other pipelines and options', () => {
  it('builds the steering group report in English against 2025, with the change since a previous report', async () => {
    const before = tmp();
    expect((await cli(['--pipeline', 'steering-group', '--data', EXAMPLE, '--out', before, '--as-of', '2025-03-31', '--quiet'])).code).toBe(0);
    const out = tmp();
    const r = await cli([
      '--pipeline', 'steering-group', '--data', EXAMPLE, '--out', out, '--lang', 'en', '--quiet',
      '--previous', join(before, 'report.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const m = readModel(out);
    // no --as-of: the last full quarter before "today" (2026-11-24)
    expect(m.asOf).toBe('2026-09-30');
    expect(m.agreement.version).toBe('2025');
    expect(m.lang).toBe('en');
    expect(m.delta?.previousAsOf).toBe('2025-03-31');
    expect(m.delta?.previousFile).toBe('report.json');
    expect(m.delta?.kpis.new_rdi_environments).toEqual({ previous: 0, current: 1, change: 1 });
    expect(m.targets['4.2.2/2027']?.text).toContain('pilotointiympäristöt ovat toiminnassa');
    const html = readFileSync(join(out, 'jyvaskyla-steering-group-2026-09-30-en.html'), 'utf8');
    expect(html).toMatch(/<html[^>]*lang="en"/);
  }, 60_000);

  it('builds the final review as of 2027-12-31 by default', async () => {
    const out = tmp();
    expect((await cli(['--pipeline', 'final-review', '--data', EXAMPLE, '--out', out, '--quiet'])).code).toBe(0);
    expect(readModel(out).asOf).toBe('2027-12-31');
  }, 60_000);

  it('resolves relative --data and --out against the directory the command was typed in', async () => {
    const cwd = tmp();
    const r = await cli(['--pipeline', 'final-review', '--data', relative(cwd, EXAMPLE), '--out', 'here', '--quiet'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(cwd, 'here', 'report.json'))).toBe(true);
    expect(r.stdout).toContain(join(cwd, 'here', 'report.json'));
  }, 60_000);
});
