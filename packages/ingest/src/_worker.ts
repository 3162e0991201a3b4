// A worker thread that reads one part of indicators.csv (see `_parts.ts`) and sends back what it found.
import { parentPort, workerData } from 'node:worker_threads';
import type { PartJob } from './_parts.ts';
import { readPart } from './_parts.ts';

const port = parentPort;
if (port === null) throw new Error('_worker.ts runs only as a worker thread');
const { result } = await readPart(workerData as PartJob, {
  progress: (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes }),
});
port.postMessage({ kind: 'done', result });
