// Preloaded into a benchmarked process: reports its peak resident set size when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\n__maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
