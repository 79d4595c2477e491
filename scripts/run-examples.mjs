#!/usr/bin/env node
/**
 * Runs every examples/*.mjs in order, each as its own node process from the repository root, and prints pass or
 * fail per file (with the output of a failing one). Each example asserts its own output with node:assert, so a
 * change in behaviour fails here. The examples import '@levelfit/engine', so `npm run build:lib` must have built
 * packages/engine/lib first. Exits 1 when any example fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}examples/`;

if (!existsSync(`${root}packages/engine/lib/index.js`)) {
  console.error('run-examples: packages/engine/lib is not built; run "npm run build:lib" first');
  process.exit(1);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();
if (files.length === 0) {
  console.error('run-examples: no examples/*.mjs');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [`${dir}${file}`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const ms = Date.now() - started;
  if (run.status === 0) {
    console.log(`pass  ${file} (${ms} ms)`);
    continue;
  }
  failed++;
  const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
  console.log(`FAIL  ${file} (${why})`);
  for (const line of `${run.stdout}${run.stderr}`.trimEnd().split('\n')) console.log(`      ${line}`);
}
console.log(`\n${files.length - failed} of ${files.length} examples passed`);
process.exitCode = failed ? 1 : 0;
