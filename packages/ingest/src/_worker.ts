// A worker thread that reads parts of indicators.csv (see `_parts.ts`), one at a time, and sends back
// what each part found. It is started before the parts are known and says when it is ready, so its
// start-up overlaps other work and no part waits for a thread still loading its code.
//
// Loaded as a module on the main thread (no parent port), it only lends its `readPart`: the bundle's
// copy of the part reader, new to that thread (see `partReaderHere` in `_parts.ts`).
import { parentPort } from 'node:worker_threads';
import type { PartJob } from './_parts.ts';
import { readPart } from './_parts.ts';

export { readPart };

const port = parentPort;
if (port !== null) {
  port.on('message', async (job: PartJob) => {
    const result = await readPart(job, (rows, bytes) => port.postMessage({ kind: 'progress', rows, bytes }));
    port.postMessage({ kind: 'done', result });
  });
  port.postMessage({ kind: 'ready' });
}
