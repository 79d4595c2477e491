// Loaded with `node --import` into each process the batch benchmark runs: on exit, it writes the process's
// peak resident set size and CPU time to standard error, where the benchmark reads it.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\npeak-rss-kb ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\n`);
});
