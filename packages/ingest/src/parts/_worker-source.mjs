// The worker thread's entry when the TypeScript sources run as they are (tests, or the CLI without its
// prebuilt bundle): registers tsx in this thread, then runs the worker. The bundle has its own entry.
import { register } from 'tsx/esm/api';

register();
await import('./_worker.ts');
