// The tagged PDF (issue 17) of every report the pipelines build: the example data in Finnish and in
// English for all three pipelines, and the 300-project data `pnpm bench` generates, read back the way
// a screen reader gets it (pdf.js, the reader of Firefox's viewer; poppler for what pdf.js does not
// show). Each PDF is built once, by the command as a user runs it, and read once; the assertions share
// what was read.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModelSchema, type ReportModel } from '@ekoraportti/core';
import { buildReportView, type ReportView } from '@ekoraportti/presentation';
import { renderPdf } from '@ekoraportti/render-pdf';
import {
  allElements,
  checkStructure,
  parseStructText,
  structText,
  unmarkedDrawing,
  xrefProblems,
  type PopplerElement,
  type StructureReport,
} from '@ekoraportti/render-pdf/testing';
import { manifestSchema } from '@ekoraportti/runner';
import { BENCH_SCALE, generateDataFolder } from '../bench/_generate.ts';
import { midtermStructureDump, STRUCTURE_DUMP } from '../scripts/_structure.ts';
import { cli, tmp } from './helpers.ts';

interface Case {
  name: string;
  args: (benchData: string) => string[];
}

const PIPELINES = ['midterm-review', 'steering-group', 'final-review'] as const;
const CASES: Case[] = [
  ...PIPELINES.flatMap((p) =>
    (['fi', 'en'] as const).map((lang) => ({ name: `${p} ${lang}, example data`, args: () => ['--pipeline', p, '--example', '--lang', lang] })),
  ),
  // As `pnpm bench` builds it, and the longest report (every section, the 300-project appendix).
  { name: 'steering-group fi, 300 projects', args: (data) => ['--pipeline', 'steering-group', '--data', data, '--as-of', '2025-12-31'] },
  { name: 'midterm-review fi, 300 projects', args: (data) => ['--pipeline', 'midterm-review', '--data', data] },
];

interface Built {
  path: string;
  bytes: Buffer;
  model: ReportModel;
  view: ReportView;
  report: StructureReport;
  elements: PopplerElement[];
}

const work = tmp('ekoraportti-pdf-structure-');
const built = new Map<string, Built>();
const get = (name: string): Built => built.get(name) ?? expect.fail(`${name} was not built`);

beforeAll(async () => {
  const data = join(work, 'bench-data');
  // The bench's 300 projects, funding rows and assessments; a 50th of its KPI observations, which change
  // KPI figures only, not what the PDF is made of (reading a million rows twice cost 20 s of CPU).
  await generateDataFolder(data, { ...BENCH_SCALE, observations: 20_000 });
  for (const [i, c] of CASES.entries()) {
    const out = join(work, `out-${i}`);
    const run = await cli([...c.args(data), '--out', out, '--quiet']);
    if (run.code !== 0) throw new Error(`${c.name}: exit ${run.code}\n${run.stderr}`);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const path = join(out, manifest.outputs.find((o) => o.kind === 'pdf')?.path ?? '');
    const model = reportModelSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const bytes = readFileSync(path);
    built.set(c.name, {
      path,
      bytes,
      model,
      view: buildReportView(model),
      report: await checkStructure(bytes),
      elements: allElements(parseStructText(structText(path, false))),
    });
  }
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim();
/**
 * Text as compared with what was drawn: the checker reads a line end as a space, and a line that
 * ends in a hyphen ("TKI-" | "yksiköiden") then reads "TKI- yksiköiden"; so no space after a hyphen.
 */
const norm = (s: string) => squash(s).replace(/- /g, '-');

/** The table of contents the view lists: sections (H2) and, under a priority area, its measure entities (H3). */
function tocOf(view: ReportView): Array<{ level: number; text: string }> {
  return view.toc.flatMap((e) => [{ level: 2, text: norm(e.label) }, ...e.children.map((c) => ({ level: 3, text: norm(c.label) }))]);
}

/** The alt texts of the view's charts, in reading order. */
function chartAlts(view: ReportView): string[] {
  const alts: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n !== null && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o['svg'] === 'string' && typeof o['alt'] === 'string') alts.push(squash(o['alt']));
      else Object.values(o).forEach(walk);
    }
  };
  walk(view.sections);
  return alts;
}

describe.each(CASES.map((c) => c.name))('the tagged PDF: %s', (name) => {
  it('leaves no text outside the structure tree or an artifact, and draws nothing outside marked content', () => {
    const { report, bytes } = get(name);
    expect(report.untagged).toEqual([]);
    expect(report.taggedRuns).toBeGreaterThan(500);
    expect(unmarkedDrawing(bytes)).toEqual([]);
    // …and is a well-formed file: every object where the cross-reference table says (readers repair a
    // wrong table without a word, so reading it back does not show this).
    expect(xrefProblems(bytes)).toEqual([]);
  });

  it('has one H1 (the report type), then the contents, then H2 and H3 headings that follow the table of contents in text and order', () => {
    const { report, view } = get(name);
    const top = report.headings.filter((h) => h.level <= 3).map((h) => ({ level: h.level, text: norm(h.text) }));
    expect(top.slice(0, 2)).toEqual([
      { level: 1, text: norm(view.cover.title.text) },
      { level: 2, text: norm(view.labels.contents) },
    ]);
    expect(top.filter((h) => h.level === 1)).toHaveLength(1);
    const toc = tocOf(view);
    expect(toc.length).toBeGreaterThan(3);
    // Every TOC entry is a heading of its level, in the TOC's order; every section heading (H2) is in the TOC.
    const rest = top.slice(2);
    let at = 0;
    for (const entry of toc) {
      const found = rest.findIndex((h, i) => i >= at && h.level === entry.level && h.text === entry.text);
      expect(found, `${entry.text} (H${entry.level}) after heading ${at}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(rest.filter((h) => h.level === 2)).toEqual(toc.filter((e) => e.level === 2));
    // No level is skipped on the way down (an H4 comes under an H3, never straight under an H2).
    report.headings.forEach((h, i) => {
      if (i > 0) expect(h.level, h.text).toBeLessThanOrEqual((report.headings[i - 1] as { level: number }).level + 1);
    });
  });

  it('lists every TOC entry in the TOC element with a link to the page it prints, and as a bookmark', () => {
    const { report, view } = get(name);
    const toc = tocOf(view);
    expect(report.toc.map((t) => norm(t.text.replace(/\s*\d+$/, '')))).toEqual(toc.map((e) => e.text));
    for (const t of report.toc) expect(t.target, t.text).toBe(Number(/(\d+)$/.exec(t.text)?.[1]));
    expect(report.outline.map((o) => ({ level: o.level + 1, text: norm(o.title) }))).toEqual(toc);
    expect(report.outline.map((o) => o.page)).toEqual(report.toc.map((t) => t.target));
    expect(report.links.outsideStructure).toBe(0);
    expect(report.links.withoutContents).toBe(0);
    expect(report.links.annotations).toBeGreaterThanOrEqual(report.toc.length);
  });

  it('gives every table header cells, each with a Scope', () => {
    const { report, elements } = get(name);
    expect(report.tables.length).toBeGreaterThan(8);
    for (const table of report.tables) expect(table.th, table.firstRow.join(' | ')).toBeGreaterThan(0);
    const th = elements.filter((e) => e.role === 'TH');
    expect(th.length).toBeGreaterThan(20);
    for (const cell of th) expect(['Column', 'Row'], cell.text).toContain(cell.attributes['Scope']);
  });

  it("makes every chart a Figure with the view's alt text, which says what it shows with its figures", () => {
    const { report, view } = get(name);
    const alts = report.figures.map((f) => squash(f.alt ?? ''));
    expect(alts.length).toBeGreaterThan(2);
    expect(alts).toEqual(chartAlts(view));
    for (const alt of alts) expect(alt).toMatch(/\d/);
  });

  it('says its language and title, shows the title, and identifies itself as PDF/UA-1', () => {
    const { report, view } = get(name);
    expect(report).toMatchObject({ lang: view.lang === 'fi' ? 'fi-FI' : 'en-GB', title: view.title, displayTitle: true, marked: true, pdfuaPart: '1' });
  });

  it("marks the agreement's Finnish quotations as Finnish in an English report, and nothing else", () => {
    const { report, view } = get(name);
    if (view.lang === 'fi') return expect(report.languages).toEqual([]);
    expect(report.languages.length).toBeGreaterThan(0);
    for (const l of report.languages) expect(l).toMatchObject({ lang: 'fi' });
    const quoted = report.languages.map((l) => norm(l.text)).join('\n');
    const targets = view.sections.flatMap((s) => (s.kind === 'areas' ? s.measures.flatMap((m) => m.targets) : []));
    for (const t of targets) expect(quoted).toContain(`”${norm(t.text)}”`);
  });

  it('draws the page header (with the example-data label), footer and page number of every page as artifacts', () => {
    const { report, view } = get(name);
    for (let page = 1; page <= report.pages; page++) {
      const artifacts = squash(
        report.artifacts
          .filter((a) => a.page === page)
          .map((a) => a.text)
          .join(' '),
      );
      expect(artifacts, `page ${page}`).toContain(`${view.labels.page} ${page} / ${report.pages}`);
      if (page > 1) expect(artifacts, `page ${page}`).toContain(squash(view.runningHead));
      if (page > 1 && view.exampleData) expect(artifacts, `page ${page}`).toContain(view.exampleData.label.toUpperCase());
    }
  });
});

describe('the tagged PDF as a file', () => {
  it('is the same, byte for byte, drawn again in this thread from the same model', async () => {
    for (const name of ['midterm-review fi, example data', 'steering-group fi, 300 projects']) {
      const { bytes, model } = get(name);
      expect(Buffer.from(await renderPdf(model)).equals(bytes), name).toBe(true);
    }
  }, 120_000);

  it(`has its structure, as poppler reads it, kept up to date in docs/pdf-structure (run \`pnpm pdf-structure\` when this fails)`, () => {
    const dump = midtermStructureDump(get('midterm-review fi, example data').path);
    expect(dump).toContain('TOCI');
    expect(readFileSync(STRUCTURE_DUMP, 'utf8')).toBe(dump);
  }, 180_000);
});
