// A worker thread that reads parts of indicators.csv (see `_part.ts`), one at a time, and sends back
// what each part found. It says when it is ready, so that no part waits for a thread still loading.
import { parentPort } from 'node:worker_threads';
import type { SplitPart } from './_part.ts';
import { readPart } from './_part.ts';
import type { WorkerMessage, WorkerRequest } from './_threads.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
/** How to split the part being read; null between parts. */
let split: SplitPart | null = null;
port.on('message', async (request: WorkerRequest) => {
  if (request.kind === 'split') {
    // Answered before the part's result whenever the part was split: both are sent from this thread, in order.
    const at = split ? await split(request.minBytes) : null;
    port.postMessage({ kind: 'split', at } satisfies WorkerMessage);
    return;
  }
  const result = await readPart(
    request.job,
    (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes } satisfies WorkerMessage),
    undefined,
    (s) => {
      split = s;
    },
  );
  split = null;
  // The row hashes are large typed arrays this thread no longer needs: moved, not copied.
  const h = result.ok ? result.account.hashes : null;
  port.postMessage({ kind: 'done', result } satisfies WorkerMessage, h ? [h.slots.buffer as ArrayBuffer, h.rows.buffer as ArrayBuffer] : []);
});
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
