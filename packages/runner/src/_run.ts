import { access, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import {
  AGREEMENT_VERSIONS,
  computeReport,
  DATA_ISSUES_KEPT,
  diffAgreements,
  getAgreement,
  INPUT_FILES,
  KpiTally,
  reportModelSchema,
  targetDeadlines,
  type AgreementVersion,
  type Language,
  type ReportModel,
} from '@ekoraportti/core';
import { IngestError, readDataFolder } from '@ekoraportti/ingest';
import type { PdfThread } from '@ekoraportti/render-pdf';
import { acquireLock, removeStaleTemporaries, StagedWrite } from './_atomic.ts';
import { StrictRejectionError, UsageError } from './_errors.ts';
import { manifestSchema, sha256, type Manifest } from './_manifest.ts';
import type { PipelineDefinition } from './_pipeline.ts';
import type { ProgressSink } from './_progress.ts';
import { thousands } from './_progress.ts';
import { RejectedCsvWriter } from './_rejected-csv.ts';

/** The share of the progress bar that reading the files fills. */
const READ_SHARE = 0.8;

/** A data folder that holds this file is the embedded example data: every report says so. */
export const EXAMPLE_DATA_MARKER = 'example-data.txt';

export interface RunOptions {
  pipeline: PipelineDefinition;
  dataDir: string;
  outDir: string;
  asOf: string;
  agreement: AgreementVersion;
  lang: Language;
  strict: boolean;
  /** `report.json` of an earlier run, for the change since then. */
  previousPath: string | null;
}

export interface RunContext {
  progress: ProgressSink;
  /**
   * Tool versions recorded in the manifest, asked for when it is written: reading the tools'
   * package.json files takes ~10 ms that the start of the run would otherwise wait for.
   */
  tools: () => Record<string, string>;
  /** How long to wait for another run writing into the same folder. */
  lockWaitMs: number;
  /** The module a thread reading part of a large indicators.csv runs (the CLI bundle passes its own). */
  ingestWorker?: URL | undefined;
}

export interface RunResult {
  model: ReportModel;
  manifest: Manifest;
  outDir: string;
}

/** `Jyväskylä` → `jyvaskyla`, for file names people can type. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `<city>-<pipeline>-<as-of>[-en]`: the base name of the PDF and HTML a person opens. */
export function reportBaseName(city: string, pipeline: string, asOf: string, lang: Language): string {
  return `${slug(city)}-${pipeline}-${asOf}${lang === 'fi' ? '' : `-${lang}`}`;
}

async function readPrevious(path: string): Promise<ReportModel> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new UsageError('E_PREVIOUS', `Cannot read the previous report ${path}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new UsageError('E_PREVIOUS', `The previous report ${path} is not valid JSON.`);
  }
  const parsed = reportModelSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError('E_PREVIOUS', `The previous report ${path} is not a report.json of ekoraportti: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

/**
 * Runs one pipeline: read the data folder, compute the model, render PDF and HTML, and write
 * them with report.json, rejected.csv and manifest.json atomically into the output folder.
 */
export async function runPipeline(options: RunOptions, ctx: RunContext): Promise<RunResult> {
  const { pipeline, dataDir, outDir, asOf, lang } = options;
  const dataStat = await stat(dataDir).catch(() => null);
  if (!dataStat?.isDirectory()) throw new UsageError('E_NO_DATA', `The data folder ${dataDir} does not exist.`);
  const previous = options.previousPath ? await readPrevious(options.previousPath) : null;
  const agreement = getAgreement(options.agreement);

  const t0 = performance.now();
  // Reading is most of a run: the bar follows the bytes read over all four files.
  const sizes = await Promise.all(INPUT_FILES.map((f) => stat(join(dataDir, f)).then((s) => s.size, () => 0)));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const bytesBefore = (file: string) => sizes.slice(0, INPUT_FILES.indexOf(file as (typeof INPUT_FILES)[number])).reduce((a, b) => a + b, 0);
  const tally = new KpiTally(agreement.kpis, asOf, targetDeadlines(agreement));
  // With a second processor the PDF is drawn on a thread of its own. It is started as soon as
  // indicators.csv has been read, so it loads pdfmake while the last file is read and the model is
  // computed; while it draws, this thread writes the HTML, JSON and CSV and stages them. Renderers
  // load lazily: a run that fails on its input never pays for pdfmake or handlebars.
  const { renderPdf, startPdfThread } = await import('@ekoraportti/render-pdf');
  const drawer: { thread: PdfThread | null } = { thread: null };
  const startPdf = () => {
    if (drawer.thread === null && availableParallelism() > 1) drawer.thread = startPdfThread();
  };
  // rejected.csv is written as the rows are rejected (a file can reject a million), staged like the
  // other outputs and renamed into place with them, or removed if the run fails.
  const staged = new StagedWrite(outDir);
  const rejectedOut = new RejectedCsvWriter(staged.open('rejected.csv'), lang);
  let ingest;
  try {
    ingest = await readDataFolder(dataDir, {
      agreement,
      asOf,
      lang,
      // Folded into the tally; a large indicators.csv is read in parts on worker threads.
      kpiTally: tally,
      ...(ctx.ingestWorker ? { partWorker: ctx.ingestWorker } : {}),
      // One data folder serves both versions: the other version's KPIs are read, warned about, not counted.
      knownKpis: new Set(AGREEMENT_VERSIONS.flatMap((v) => getAgreement(v).kpis.map((k) => k.id))),
      onRejected: (r) => rejectedOut.add(r),
      // report.json lists the first rejected rows and warnings and counts them all.
      keep: DATA_ISSUES_KEPT,
      onProgress: (e) => {
        const done = bytesBefore(e.file) + e.bytes;
        ctx.progress.tick(`reading ${e.file}: ${thousands(e.rows)} rows`, READ_SHARE * (totalBytes > 0 ? done / totalBytes : 1));
        if (e.done && e.file === 'indicators.csv') startPdf();
      },
    });
  } catch (e) {
    drawer.thread?.close();
    await staged.abort();
    if (e instanceof IngestError) throw new UsageError(e.code, e.message);
    throw e;
  }
  const rejectedSha256 = rejectedOut.finish();
  for (const file of INPUT_FILES) {
    const c = ingest.inputs[file];
    const parts = ingest.parts[file] > 1 ? ` (in ${ingest.parts[file]} parts on ${ingest.threads[file]} thread(s))` : '';
    ctx.progress.stage(`read ${file}: ${c.rowsRead} rows, ${c.rowsUsed} used, ${c.rowsRejected} rejected${parts}`);
  }
  const rejectedCount = INPUT_FILES.reduce((n, f) => n + ingest.inputs[f].rowsRejected, 0);
  const lost = ingest.dataAlerts[0];
  if (options.strict && (rejectedCount > 0 || lost)) {
    drawer.thread?.close();
    await staged.abort();
    throw new StrictRejectionError(
      rejectedCount,
      lost && rejectedCount === 0
        ? `--strict: ${lost.count} row(s) of ${lost.file} were not read (a quote runs from line ${lost.lines[0]?.from ?? ''}); nothing was written.`
        : `--strict: ${rejectedCount} row(s) were rejected${lost ? `, and ${lost.count} row(s) of ${lost.file} were not read` : ''}; nothing was written. First: ${describeFirst(ingest.rejected[0])}`,
    );
  }

  startPdf();
  const pdfThread = drawer.thread;
  try {
    const revision = pipeline.showRevision ? diffAgreements(getAgreement('2021'), getAgreement('2025'), lang) : null;
    const exampleData = await access(join(dataDir, EXAMPLE_DATA_MARKER)).then(
      () => true,
      () => false,
    );
    const model = computeReport({
      agreement,
      asOf,
      lang,
      request: { pipeline: pipeline.name, type: pipeline.title, exampleData, sections: pipeline.sections },
      projects: ingest.projects,
      funding: ingest.funding,
      assessments: ingest.assessments,
      kpiTally: tally,
      inputs: ingest.inputs,
      rejected: ingest.rejected,
      rejectedByCode: ingest.rejectedByCode,
      warnings: ingest.warnings,
      warningsByCode: ingest.warningsByCode,
      dataAlerts: ingest.dataAlerts,
      previous,
      revision,
    });
    ctx.progress.stage(`computed the report model (${((performance.now() - t0) / 1000).toFixed(1)}s since start of reading)`);

    ctx.progress.tick(pdfThread ? 'rendering the PDF (on a second thread) and the HTML' : 'rendering the PDF', 0.85);
    const drawing = pdfThread ? pdfThread.render(model) : renderPdf(model);
    drawing.catch(() => {}); // awaited below; not an unhandled rejection while the HTML is written
    const { loadTemplates, renderHtml } = await import('@ekoraportti/render-html');
    const html = renderHtml(model, await loadTemplates());
    ctx.progress.stage(`rendered HTML (${thousands(Buffer.byteLength(html))} bytes)`);

    const base = reportBaseName(agreement.city, pipeline.name, asOf, lang);
    const outputs: { name: string; kind: Manifest['outputs'][number]['kind']; data: Uint8Array | string }[] = [
      { name: `${base}.html`, kind: 'html', data: html },
      { name: 'report.json', kind: 'json', data: `${JSON.stringify(model, null, 2)}\n` },
    ];
    const lock = await acquireLock(outDir, ctx.lockWaitMs, (holder) =>
      ctx.progress.stage(`waiting for another run (process ${holder}) writing into ${outDir}`),
    );
    if ('heldBy' in lock) {
      throw new UsageError('E_LOCKED', `Another run (process ${lock.heldBy}) is writing into ${outDir}; try again when it has finished.`);
    }
    let manifest: Manifest;
    try {
      await removeStaleTemporaries(outDir);
      for (const o of outputs) await staged.stage(o.name, o.data);
      // While the PDF is still being drawn: a file read in parts is hashed only now.
      const inputHashes = await ingest.sha256();
      const pdf = await drawing;
      ctx.progress.stage(`rendered PDF (${thousands(pdf.byteLength)} bytes)`);
      outputs.unshift({ name: `${base}.pdf`, kind: 'pdf', data: pdf });
      await staged.stage(`${base}.pdf`, pdf);
      const inputs = INPUT_FILES.map((f) => ({ path: relative(outDir, join(dataDir, f)), sha256: inputHashes[f] }));
      manifest = manifestSchema.parse({
        schemaVersion: 1,
        pipeline: pipeline.name,
        city: slug(agreement.city),
        asOf,
        agreementVersion: agreement.version,
        lang,
        outputs: [
          ...outputs.map((o) => ({ path: o.name, kind: o.kind, sha256: sha256(o.data) })),
          { path: 'rejected.csv', kind: 'csv' as const, sha256: rejectedSha256 },
        ],
        inputs,
        tools: ctx.tools(),
      });
      await staged.stage('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      staged.commit();
    } finally {
      lock.release();
    }
    ctx.progress.stage(`wrote ${outputs.map((o) => o.name).join(', ')}, rejected.csv, manifest.json into ${outDir}`);
    return { model, manifest, outDir };
  } catch (e) {
    // Nothing half-written stays behind: the staged files (rejected.csv among them) are removed.
    await staged.abort();
    throw e;
  } finally {
    pdfThread?.close();
  }
}

function describeFirst(r: { file: string; line: number; column: string; reason: string } | undefined): string {
  return r ? `${r.file} line ${r.line}, column ${r.column}: ${r.reason}` : '';
}
