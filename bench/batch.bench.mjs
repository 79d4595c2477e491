/**
 * `levelfit batch` at workforce scale: generates a staff CSV of PEOPLE seeded people (default 1,600,000, about
 * England's adult social care workforce; one column per item of clinical-homecare, 67 rating columns) in a
 * temporary folder, then runs, each as its own process with its output piped back here:
 *  - the plain streaming reader (bench/plain-csv-reader.mjs: line by line, split at commas, one line per
 *    person, nothing checked or assessed), the floor any streaming batch sits on;
 *  - `levelfit batch FILE` in each of FORMATS (default "text,csv").
 * For each it reports people/s, wall and CPU time (the CPU ratio is the steadier one on a shared machine), peak RSS (the process's own maxRSS) and the time from starting the process to
 * its first byte of output, and the ratio to the plain reader. Prints a markdown table and writes
 * bench/batch-results.json. Run with `npm run bench:batch` (builds the engine first).
 *
 * Environment: PEOPLE (default 1600000), FORMATS (default "text,csv"), KEEP=1 keeps the generated CSV.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePeople } from './people.mjs';

const PEOPLE = Number(process.env.PEOPLE ?? 1_600_000);
const FORMATS = (process.env.FORMATS ?? 'text,csv').split(',').filter(Boolean);
const FRAMEWORK = 'clinical-homecare';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = `${ROOT}packages/engine/lib/cli/index.js`;
const PEAK_RSS = `${ROOT}bench/support/peak-rss.mjs`;
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------------------------- data
const fw = JSON.parse(readFileSync(`${ROOT}data/frameworks/${FRAMEWORK}.json`, 'utf8'));
const dir = mkdtempSync(join(os.tmpdir(), 'levelfit-batch-bench-'));
const file = join(dir, 'staff.csv');

async function generate() {
  const out = createWriteStream(file);
  const ids = fw.items.map((i) => i.id);
  out.write(`person,${ids.join(',')}\n`);
  const CHUNK = 10_000;
  for (let from = 0; from < PEOPLE; from += CHUNK) {
    const people = makePeople(fw, Math.min(CHUNK, PEOPLE - from), 20261202 + from);
    let text = '';
    people.forEach((p, k) => {
      const cells = ids.map((id) => (p.ratings[id] === undefined ? '' : p.ratings[id]));
      text += `Person ${String(from + k + 1).padStart(7, '0')},${cells.join(',')}\n`;
    });
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

let t = performance.now();
await generate();
const bytes = statSync(file).size;
log(`${PEOPLE.toLocaleString('en')} people × ${fw.items.length} rating columns: ${(bytes / 1e6).toFixed(0)} MB of CSV in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------- runs
/** Runs `args` under node with the peak-RSS hook; resolves with its figures. Output is counted, not kept. */
function run(name, args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK_RSS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = null;
    let outBytes = 0;
    let lines = 0;
    child.stdout.on('data', (b) => {
      if (first === null) first = performance.now() - start;
      outBytes += b.length;
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    });
    let errTail = '';
    child.stderr.on('data', (b) => (errTail = (errTail + b.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /peak-rss-kb (\d+) cpu-us (\d+)/.exec(errTail);
      if (!rss) return reject(new Error(`${name}: no peak RSS reported (exit ${code}): ${errTail}`));
      resolve({ name, exit: code, seconds, peoplePerSecond: PEOPLE / seconds, cpuSeconds: Number(rss[2]) / 1e6, peakRssMb: Number(rss[1]) / 1024, firstOutputMs: first, outBytes, lines });
    });
  });
}

const runs = [];
log('plain streaming reader …');
runs.push(await run('plain streaming reader (lines, split, no assessment)', [`${ROOT}bench/plain-csv-reader.mjs`, file]));
for (const format of FORMATS) {
  log(`levelfit batch --format ${format} …`);
  runs.push(await run(`levelfit batch --format ${format}`, [CLI, 'batch', file, '--format', format]));
}
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
else log(`kept ${file}`);

for (const r of runs) {
  if (r.exit !== 0) throw new Error(`${r.name} exited ${r.exit}`);
}
const base = runs[0];
const rows = runs.map(
  (r) =>
    `| ${r.name} | ${Math.round(r.peoplePerSecond).toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${(r.seconds / base.seconds).toFixed(1)}× | ${r.cpuSeconds.toFixed(1)} | ${(r.cpuSeconds / base.cpuSeconds).toFixed(1)}× | ${r.peakRssMb.toFixed(0)} | ${r.firstOutputMs === null ? '-' : r.firstOutputMs.toFixed(0)} |`,
);
const table = [
  `${PEOPLE.toLocaleString('en')} people, ${fw.items.length} rating columns (${FRAMEWORK}), ${(bytes / 1e6).toFixed(0)} MB CSV; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
  '',
  '| run | people/s | time s | vs plain reader | CPU s | CPU vs plain | peak RSS MB | first output ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');
console.log(table);
writeFileSync(`${ROOT}bench/batch-results.json`, `${JSON.stringify({ date: new Date().toISOString(), people: PEOPLE, csvBytes: bytes, node: process.version, runs, table }, null, 2)}\n`);
