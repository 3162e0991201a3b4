// A worker thread that waits for one part of indicators.csv (see `_parts.ts`), reads it and sends
// back what it found. It is started before the part is known, so its start-up overlaps other work.
import { parentPort } from 'node:worker_threads';
import type { PartJob } from './_parts.ts';
import { readPart } from './_parts.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
port.once('message', async (job: PartJob) => {
  const result = await readPart(job, (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes }));
  port.postMessage({ kind: 'done', result });
});
