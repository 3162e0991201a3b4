// A worker thread that draws one report's PDF (see `_thread.ts`). It loads pdfmake as soon as it
// starts, so that cost is paid while the main thread is still computing the report model.
import { parentPort } from 'node:worker_threads';
import type { PdfJob } from './_thread.ts';
import { loadPdfmake, renderPdfView } from './_render.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
port.once('message', async (job: PdfJob) => {
  try {
    port.postMessage({ ok: true, pdf: await renderPdfView(job.view, job.asOf) });
  } catch (err) {
    port.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
// pdfmake, the tagging engine and the fonts now; renderPdf finds them loaded.
loadPdfmake();
