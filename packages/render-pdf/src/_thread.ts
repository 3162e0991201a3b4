// Drawing the PDF on a second thread, while the main thread writes the HTML and JSON.
//
// The thread is started before the report model is computed: it loads pdfmake meanwhile, and then
// draws the report view it is sent (the view the HTML is laid out from: a copy of it is much smaller
// than the model, whose provenance lists run to megabytes, and the thread need not build it again).
// The bytes are those `renderPdf` gives on the main thread (the same function runs on the same data).
// When the thread cannot run, the PDF is drawn on this thread.

import { Worker } from 'node:worker_threads';
import type { ReportView } from '@ekoraportti/presentation';
import { renderPdfView } from './_render.ts';

/** What the thread is sent: the view to draw, and the as-of date (ISO) that dates the document. */
export interface PdfJob {
  view: ReportView;
  asOf: string;
}

/** A PDF renderer on its own thread, for one report. */
export interface PdfThread {
  /** Draws the view's PDF (dated `asOf`, ISO); on the thread when it is running, else here. */
  render(view: ReportView, asOf: string): Promise<Uint8Array>;
  /** Stops the thread if it was never used (a run that fails before its PDF); resolves when it has stopped. */
  close(): Promise<void>;
}

/** Where the thread's code is: beside the bundle's chunks, or the TypeScript source run through tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./_worker-source.mjs', import.meta.url)
    : new URL('./pdf-worker.mjs', import.meta.url);
}

type Reply = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

/** Starts the thread now (its code at `entry`); `render` later hands it the model. */
export function startPdfThread(entry: URL = workerEntry()): PdfThread {
  let failure: unknown = null;
  let worker: Worker | null = null;
  try {
    worker = new Worker(entry);
    // Listening from the start: a thread that fails before it is used must not crash the process.
    worker.on('error', (err) => {
      failure ??= err;
    });
  } catch (err) {
    failure = err;
  }
  let used = false;
  return {
    render(view, asOf) {
      if (used) return Promise.reject(new Error('a PdfThread draws one report'));
      used = true;
      const w = worker;
      if (w === null || failure !== null) return renderPdfView(view, asOf);
      return new Promise<Uint8Array>((resolve, reject) => {
        let settled = false;
        const fallBack = () => {
          if (settled) return;
          settled = true;
          renderPdfView(view, asOf).then(resolve, reject);
        };
        w.once('message', (reply: Reply) => {
          if (settled) return;
          settled = true;
          if (reply.ok) resolve(reply.pdf);
          else reject(new Error(`drawing the PDF failed: ${reply.message}`));
        });
        // The thread itself failed (not the drawing): draw here instead.
        w.once('error', fallBack);
        w.once('exit', fallBack);
        w.postMessage({ view, asOf } satisfies PdfJob);
      });
    },
    async close() {
      if (!used && worker !== null) await worker.terminate();
    },
  };
}
