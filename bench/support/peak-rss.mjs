// Loaded with `node --import` into each process the batch benchmark runs. It notes the first write to standard
// output (milliseconds since the process started, and the CPU time used by then: on a shared machine the CPU
// figure is the steadier one) and, on exit, writes that and the process's peak resident set size and CPU time
// to standard error, where the benchmark reads them.
import { writeSync } from 'node:fs';

let first = null;
const write = process.stdout.write;
process.stdout.write = function (...args) {
  if (first === null) {
    const cpu = process.cpuUsage();
    first = { ms: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 };
    process.stdout.write = write;
  }
  return write.apply(this, args);
};

process.on('exit', () => {
  const u = process.resourceUsage();
  const f = first ? `first-output-ms ${first.ms.toFixed(0)} first-output-cpu-ms ${first.cpuMs.toFixed(0)}` : 'first-output-ms - first-output-cpu-ms -';
  writeSync(2, `\npeak-rss-kb ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime} ${f}\n`);
});
