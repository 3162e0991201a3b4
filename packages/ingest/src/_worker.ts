// A worker thread that reads parts of indicators.csv (see `_parts.ts`), one at a time, and sends back
// what each part found. It is started before the parts are known and says when it is ready, so its
// start-up overlaps other work and no part waits for a thread still loading its code.
import { parentPort } from 'node:worker_threads';
import type { PartJob } from './_parts.ts';
import { readPart } from './_parts.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
port.on('message', async (job: PartJob) => {
  const result = await readPart(job, (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes }));
  port.postMessage({ kind: 'done', result });
});
port.postMessage({ kind: 'ready' });
