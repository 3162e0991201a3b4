// A worker thread that reads parts of indicators.csv (see `_part.ts`), one at a time, and sends back
// what each part found. It says when it is ready, so that no part waits for a thread still loading.
import { parentPort } from 'node:worker_threads';
import type { PartJob } from './_part.ts';
import { readPart } from './_part.ts';
import type { WorkerMessage } from './_threads.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
port.on('message', async (job: PartJob) => {
  const result = await readPart(job, (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes } satisfies WorkerMessage));
  // The row hashes are large typed arrays this thread no longer needs: moved, not copied.
  const h = result.ok ? result.account.hashes : null;
  port.postMessage({ kind: 'done', result } satisfies WorkerMessage, h ? [h.slots.buffer as ArrayBuffer, h.rows.buffer as ArrayBuffer] : []);
});
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
