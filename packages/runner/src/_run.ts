import { access, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import {
  AGREEMENT_VERSIONS,
  computeReport,
  DATA_ISSUES_KEPT,
  describeProgress,
  diffAgreements,
  getAgreement,
  INPUT_FILES,
  KpiTally,
  rowsLeftOutAll,
  targetDeadlines,
  type AgreementVersion,
  type CliProgress,
  type DataOrigin,
  type InputFile,
  type Language,
  type ReportModel,
} from '@ekoraportti/core';
import { readDataFolder } from '@ekoraportti/ingest';
import type { PdfThread } from '@ekoraportti/render-pdf';
import { acquireLock, removeStaleTemporaries, StagedWrite } from './_atomic.ts';
import { assertUnchanged, folderState, vanishedFrom } from './_data-guard.ts';
import { ProblemError } from './_errors.ts';
import { listHistory, namePrevious, type PreviousChoice } from './_history.ts';
import { manifestSchema, sha256, type Manifest } from './_manifest.ts';
import { checkOutDir, checkOutFolderHolds, writeProblem } from './_outdir.ts';
import type { PipelineDefinition } from './_pipeline.ts';
import { choosePrevious, runStamp } from './_prepare.ts';
import type { ProgressSink } from './_progress.ts';
import { RejectedCsvWriter } from './_rejected-csv.ts';
import { isUpToDate, readManifest } from './_uptodate.ts';

/** The share of the progress bar that reading the files fills. */
const READ_SHARE = 0.8;
/** Below this many bytes of data files, the PDF thread starts before the reading (far below where ingest reads in parts). */
const SMALL_FOLDER_BYTES = 4 * 1024 * 1024;

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
  /** The report to compare with: found in the output folder (`auto`), none, or the file `--previous` names. */
  previous: PreviousChoice;
  /** Where the data folder was named, for the message when it is missing. */
  dataOrigin: DataOrigin;
  /** The city the file names carry (from the settings file); default the agreement's. */
  city: string | null;
  /** Build even when the output folder already holds this report (`--force`). */
  force: boolean;
}

export interface RunContext {
  progress: ProgressSink;
  /**
   * Tool versions recorded in the manifest (with a digest of the code, so an edited checkout is a new
   * tool), asked for only when a manifest is compared or written: reading them takes ~10 ms.
   */
  tools: () => Record<string, string>;
  /** How long to wait for another run writing into the same folder. */
  lockWaitMs: number;
  /** The module a thread reading part of a large indicators.csv runs (the bundle's own); default ingest's source entry. */
  ingestWorker?: URL;
  /**
   * The processors the run may use; default all the machine has. With one, the PDF is drawn on this
   * thread and a large indicators.csv is read whole (the bytes are the same either way).
   */
  processors?: number;
}

export interface RunResult {
  /** `upToDate`: the folder already held this report; nothing was read or written. */
  status: 'built' | 'upToDate';
  /** The report model, when the run built one. */
  model: ReportModel | null;
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

/**
 * Runs one pipeline: read the data folder, compute the model, render PDF and HTML, and write
 * them with report.json, rejected.csv and manifest.json atomically into the output folder.
 */
export async function runPipeline(options: RunOptions, ctx: RunContext): Promise<RunResult> {
  const { pipeline, dataDir, outDir, asOf, lang } = options;
  const say = (e: CliProgress) => ctx.progress.stage(describeProgress(e, lang));
  const dataStat = await stat(dataDir).catch(() => null);
  if (!dataStat?.isDirectory()) throw new ProblemError({ code: 'E_NO_DATA', dir: dataDir, origin: options.dataOrigin });
  await checkOutDir(outDir);
  const agreement = getAgreement(options.agreement);
  const citySlug = slug(options.city ?? agreement.city);
  const exampleData = await access(join(dataDir, EXAMPLE_DATA_MARKER)).then(
    () => true,
    () => false,
  );
  // The folder's manifest, read once: what the folder holds (checked first), and whether it is this report already.
  const folderManifest = await readManifest(outDir);
  checkOutFolderHolds(outDir, folderManifest, { pipeline: pipeline.name, agreement: options.agreement, exampleData });
  const previous = await choosePrevious(options, citySlug, exampleData, say);
  // report.json, rejected.csv and manifest.json describe the folder's newest report: a run for an earlier
  // date (a quarter made again after a later one) writes only its dated files beside them.
  const newest = (await listHistory(outDir, citySlug, pipeline.name)).at(-1);
  const newer = newest !== undefined && newest.asOf > asOf ? newest : null;
  const stamp = () => runStamp(options, citySlug, exampleData, previous, ctx.tools());
  const current = options.force ? null : await isUpToDate(folderManifest, outDir, dataDir, stamp);
  if (current) {
    // Nothing to build, but what a killed run left behind still goes.
    await removeStaleTemporaries(outDir);
    say({ kind: 'upToDate', dir: outDir });
    return { status: 'upToDate', model: null, manifest: current, outDir };
  }

  const t0 = performance.now();
  // Reading is most of a run: the bar follows the bytes read over all four files.
  const sizes = await Promise.all(INPUT_FILES.map((f) => stat(join(dataDir, f)).then((s) => s.size, () => 0)));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const bytesBefore = (file: string) => sizes.slice(0, INPUT_FILES.indexOf(file as (typeof INPUT_FILES)[number])).reduce((a, b) => a + b, 0);
  const tally = new KpiTally(agreement.kpis, asOf, targetDeadlines(agreement));
  // With a second processor the PDF is drawn on a thread of its own. It is started before the reading
  // when the folder is small, else as soon as indicators.csv has been read (its parts' threads are
  // done then), so it loads pdfmake while the rest is read and the model is computed; while it draws,
  // this thread writes the HTML, JSON and CSV and stages them. Renderers load lazily: a run that fails
  // on its input never draws (a started PDF thread is closed unused).
  const [{ renderPdfView, startPdfThread }, { buildReportView }] = await Promise.all([
    import('@ekoraportti/render-pdf'),
    import('@ekoraportti/presentation'),
  ]);
  const drawer: { thread: PdfThread | null } = { thread: null };
  const processors = ctx.processors ?? availableParallelism();
  const startPdf = () => {
    if (drawer.thread === null && processors > 1) drawer.thread = startPdfThread();
  };
  // The folder as it is now, before any thread starts or file is staged: the report is made from this state
  // or not at all (see _data-guard.ts).
  const before = await folderState(dataDir).catch((e: unknown) => {
    throw vanishedFrom(dataDir, e) ?? e;
  });
  // A small folder has no part threads to share the processors with (the example: 2.18 → 2.09 s, 6 pairs).
  if (totalBytes < SMALL_FOLDER_BYTES) startPdf();
  // rejected.csv is written as the rows are rejected (a file can reject a million), staged like the
  // other outputs and renamed into place with them, or removed if the run fails.
  const staged = new StagedWrite(outDir);
  const rejectedOut = new RejectedCsvWriter(newer ? { write: () => {}, close: () => {} } : staged.open('rejected.csv'), lang);
  let ingest;
  try {
    ingest = await readDataFolder(dataDir, {
      agreement,
      asOf,
      lang,
      // Folded into the tally; a large indicators.csv is read in parts on worker threads.
      kpiTally: tally,
      ...(ctx.ingestWorker ? { partWorker: ctx.ingestWorker } : {}),
      threads: processors,
      // One data folder serves both versions: the other version's KPIs are read, warned about, not counted.
      knownKpis: new Set(AGREEMENT_VERSIONS.flatMap((v) => getAgreement(v).kpis.map((k) => k.id))),
      onRejected: (r) => rejectedOut.add(r),
      // report.json lists the first rejected rows and warnings and counts them all.
      keep: DATA_ISSUES_KEPT,
      onProgress: (e) => {
        const done = bytesBefore(e.file) + e.bytes;
        ctx.progress.tick(describeProgress({ kind: 'reading', file: e.file, rows: e.rows }, lang), READ_SHARE * (totalBytes > 0 ? done / totalBytes : 1));
        if (e.done && e.file === 'indicators.csv') startPdf();
      },
    });
  } catch (e) {
    drawer.thread?.close();
    await staged.abort();
    throw vanishedFrom(dataDir, e) ?? e;
  }
  const rejectedSha256 = rejectedOut.finish();
  for (const [file, c] of Object.entries(ingest.inputs)) {
    const role = file as InputFile; // parts and threads: only indicators.csv is ever read in parts
    // An export's footer rows are left out too: the line adds up as `check`'s does (read = used + rejected + left out).
    const leftOut = rowsLeftOutAll(c);
    say({ kind: 'read', file, ...c, ...(leftOut === undefined ? {} : { rowsLeftOut: leftOut }), parts: ingest.parts[role] ?? 1, threads: ingest.threads[role] ?? 1 });
  }
  const rejectedCount = Object.values(ingest.inputs).reduce((n, c) => n + c.rowsRejected, 0);
  // Rows a runaway quote swallowed were never read: --strict fails on them as on rejected rows.
  const lost = ingest.dataAlerts[0];
  if (options.strict && (rejectedCount > 0 || lost)) {
    drawer.thread?.close();
    await staged.abort();
    const first = ingest.rejected[0];
    throw new ProblemError({
      code: 'E_STRICT',
      count: rejectedCount,
      first: first ? { ...first } : null,
      notRead: lost ? { file: lost.file, count: lost.count, from: lost.lines[0]?.from ?? null } : null,
    });
  }

  startPdf();
  const pdfThread = drawer.thread;
  try {
    const revision = pipeline.showRevision ? diffAgreements(getAgreement('2021'), getAgreement('2025'), lang) : null;
    const model = computeReport({
      agreement,
      asOf,
      lang,
      request: { pipeline: pipeline.name, type: pipeline.title, exampleData, sections: pipeline.sections, quarterly: pipeline.quarterly },
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
      previous: previous?.model ?? null,
      revision,
      eura: ingest.eura,
      workbooks: ingest.workbooks,
    });
    namePrevious(model, previous);
    say({ kind: 'computed', seconds: (performance.now() - t0) / 1000 });

    ctx.progress.tick(describeProgress({ kind: 'rendering', pdfThread: pdfThread !== null }, lang), 0.85);
    // One view for both layouts: the PDF thread is sent a copy of it.
    const view = buildReportView(model);
    const drawing = pdfThread ? pdfThread.render(view, model.asOf) : renderPdfView(view, model.asOf);
    drawing.catch(() => {}); // awaited below; not an unhandled rejection while the HTML is written
    const { loadTemplates, renderHtmlView } = await import('@ekoraportti/render-html');
    const html = renderHtmlView(view, await loadTemplates());
    say({ kind: 'rendered', format: 'HTML', bytes: Buffer.byteLength(html) });

    const base = reportBaseName(citySlug, pipeline.name, asOf, lang);
    // Encoded once: written twice and hashed twice (7.7 MB at national scale; each use of the string
    // encoded it again).
    const json = Buffer.from(`${JSON.stringify(model, null, 2)}\n`, 'utf8');
    const outputs: { name: string; kind: Manifest['outputs'][number]['kind']; data: Uint8Array | string }[] = [
      { name: `${base}.html`, kind: 'html', data: html },
      ...(newer ? [] : [{ name: 'report.json', kind: 'json' as const, data: json }]),
      // The history: this run's model under its own name, found by later runs as their previous report.
      { name: `${base}.json`, kind: 'json', data: json },
    ];
    const lock = await acquireLock(outDir, ctx.lockWaitMs, (holder) => say({ kind: 'waiting', dir: outDir, pid: holder })).catch(
      (e: unknown) => {
        throw asWriteProblem(e, outDir);
      },
    );
    if ('heldBy' in lock) throw new ProblemError({ code: 'E_LOCKED', dir: outDir, pid: lock.heldBy });
    let manifest: Manifest;
    try {
      await removeStaleTemporaries(outDir);
      for (const o of outputs) await staged.stage(o.name, o.data);
      // While the PDF is still being drawn: a file read in parts is hashed only now, and everything the
      // manifest says besides the PDF's own hash is gathered.
      const inputHashes = await ingest.sha256();
      // Every hash is taken: they are the bytes that were read only if no file changed since the reading began.
      const inputSizes = await assertUnchanged(dataDir, before, ingest.files);
      // Every file read, the EURA export and any other workbook too: a change to any of them makes the report stale.
      const inputs = ingest.files.map((f) => ({ path: relative(outDir, join(dataDir, f)), sha256: inputHashes[f], bytes: inputSizes.get(f) as number }));
      const history = await listHistory(outDir, citySlug, pipeline.name);
      if (!history.some((h) => h.path === `${base}.json`)) history.push({ path: `${base}.json`, asOf, lang });
      const { run, tools, ...facts } = stamp();
      const entry = (o: (typeof outputs)[number]) => ({ path: o.name, kind: o.kind, sha256: sha256(o.data) });
      const written = outputs.map(entry);
      const pdf = await drawing;
      say({ kind: 'rendered', format: 'PDF', bytes: pdf.byteLength });
      const pdfOutput = { name: `${base}.pdf`, kind: 'pdf' as const, data: pdf };
      outputs.unshift(pdfOutput);
      await staged.stage(pdfOutput.name, pdf);
      manifest = manifestSchema.parse({
        schemaVersion: 1,
        ...facts,
        outputs: [
          entry(pdfOutput),
          ...written,
          ...(newer ? [] : [{ path: 'rejected.csv', kind: 'csv' as const, sha256: rejectedSha256 }]),
        ],
        inputs,
        tools,
        run,
        history: history.sort((a, b) => (a.asOf === b.asOf ? (a.lang < b.lang ? -1 : 1) : a.asOf < b.asOf ? -1 : 1)),
      });
      // Not written for an earlier date: the folder's manifest stays the newest report's (this one lists what the run wrote).
      if (!newer) await staged.stage('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      staged.commit();
    } finally {
      lock.release();
    }
    if (newer) say({ kind: 'keptNewest', asOf: newer.asOf });
    say({ kind: 'wrote', files: [...outputs.map((o) => o.name), ...(newer ? [] : ['rejected.csv', 'manifest.json'])], dir: outDir });
    return { status: 'built', model, manifest, outDir };
  } catch (e) {
    // Nothing half-written stays behind: the staged files (rejected.csv among them) are removed.
    await staged.abort();
    throw vanishedFrom(dataDir, e) ?? asWriteProblem(e, outDir);
  } finally {
    pdfThread?.close();
  }
}

/** A file-system error while writing into `dir` as the problem it is (full disk, read-only); anything else as it was. */
function asWriteProblem(e: unknown, dir: string): unknown {
  const problem = writeProblem(e, dir);
  return problem ? new ProblemError(problem) : e;
}
