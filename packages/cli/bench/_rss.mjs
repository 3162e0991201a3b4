// Preloaded into a benchmarked process: reports its peak resident set size and the CPU time of all its
// threads (user + system) when it exits. Worker threads inherit the preload; only the main thread reports.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeSync(2, `\n__maxrss_kb=${u.maxRSS}\n__cpu_us=${u.userCPUTime + u.systemCPUTime}\n`);
  });
}
