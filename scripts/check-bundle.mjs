#!/usr/bin/env node
// Checks dist/levelfit.min.js after `rollup -c`: prints raw / min / gzip sizes and what makes them up, and
// fails (exit 1) when the bundle contains eval / new Function / Function( / a string timer / document.write /
// unsafeHTML / an HTML sink other than lit's template (scripts/bundle-scan.mjs), or is over the gzip budget.
//
//   node scripts/check-bundle.mjs            check and print the summary
//   node scripts/check-bundle.mjs --detail   also list the 25 largest modules
//
// Sizes: "raw" is the unminified rendered code of every module (rollup's renderedLength, after tree-shaking),
// "min" is the file as written (terser), "gzip" is `gzip -9` of that file. The per-group gzip figures
// minify and compress each group on its own, so they add up to more than the whole (gzip shares a window).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { formatFindings, scanBundle } from './bundle-scan.mjs';

// 45 kB gzip: the embed budget agreed for one <script> on an intranet page. LEVELFIT_BUDGET_KB overrides it
// for one run (say, to serve the demo while a decision on the budget is pending); the default never changes
// silently.
const DEFAULT_BUDGET_KB = 45;
const budgetKb = Number(process.env.LEVELFIT_BUDGET_KB ?? DEFAULT_BUDGET_KB);
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error(`check-bundle: LEVELFIT_BUDGET_KB must be a positive number of kB, not "${process.env.LEVELFIT_BUDGET_KB}"`);
  process.exit(1);
}
const BUDGET_GZIP = budgetKb * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const bundlePath = `${root}dist/levelfit.min.js`;
const modulesPath = `${root}dist/levelfit.min.modules.json`;
const detail = process.argv.includes('--detail');

if (!existsSync(bundlePath) || !existsSync(modulesPath)) {
  console.error('check-bundle: dist/levelfit.min.js is missing; run `npm run build` (or `rollup -c`) first.');
  process.exit(1);
}

const code = readFileSync(bundlePath);
const text = code.toString('utf8');

function gzipSize(buf) {
  try {
    return execFileSync('gzip', ['-9', '-c'], { input: buf, maxBuffer: 64 * 1024 * 1024 }).length;
  } catch {
    return gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length; // no gzip binary: zlib, same deflate level
  }
}

/** Which part of levelfit (or which dependency) a module belongs to. */
function groupOf(id) {
  if (id.startsWith('build/replacements/')) return 'replacements (eventemitter2, hash-it, clone, jsonpath-plus)';
  if (id.startsWith('build/entries/')) return 'entry';
  if (id.includes('commonjsHelpers') || id.includes('?commonjs')) return 'rollup commonjs helpers';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (nm) {
    const pkg = nm[1];
    if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)) return 'lit';
    if (pkg.startsWith('@lit/')) return pkg;
    return pkg;
  }
  if (/packages\/engine\/lib\/framework\/builtin(-default)?\.generated/.test(id)) return 'engine: built-in frameworks (data)';
  if (id.includes('packages/engine/')) return 'engine: code';
  const el = /packages\/elements\/lib\/([^/]+)\//.exec(id);
  if (el) return `elements: ${el[1]}`;
  if (id.includes('packages/elements/')) return 'elements: entry files';
  return 'other';
}

const modules = JSON.parse(readFileSync(modulesPath, 'utf8'));
const groups = new Map();
for (const m of modules) {
  const g = groupOf(m.id);
  const entry = groups.get(g) ?? { name: g, raw: 0, code: [], modules: 0 };
  entry.raw += m.renderedLength;
  entry.modules += 1;
  if (m.code) entry.code.push(m.code);
  groups.set(g, entry);
}
// Module code as rendered has no exports, so top-level names must be kept or terser would drop them as unused.
const terserOptions = { ecma: 2020, module: false, toplevel: false, compress: { passes: 2, unused: false }, format: { comments: false } };
for (const g of groups.values()) {
  const source = g.code.join('\n');
  if (!source.trim()) {
    g.min = 0;
    g.gzip = 0;
    continue;
  }
  let min;
  try {
    min = (await minify(source, terserOptions)).code ?? source;
  } catch {
    min = source; // a group that does not parse on its own (never expected): count it unminified
  }
  g.min = Buffer.byteLength(min);
  g.gzip = gzipSync(min, { level: 9 }).length;
}

const raw = modules.reduce((n, m) => n + m.renderedLength, 0);
const min = code.length;
const gzip = gzipSize(code);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const pad = (s, n) => String(s).padStart(n);

console.log(`\nlevelfit embed bundle: dist/levelfit.min.js`);
if (budgetKb !== DEFAULT_BUDGET_KB) console.log(`  (budget overridden by LEVELFIT_BUDGET_KB=${budgetKb}; the agreed budget is ${DEFAULT_BUDGET_KB} kB)`);
console.log(`  raw ${kB(raw)} (${raw} B) · min ${kB(min)} (${min} B) · gzip -9 ${kB(gzip)} (${gzip} B) · budget ${kB(BUDGET_GZIP)} gzip`);
console.log(`\n  ${'part'.padEnd(38)} ${pad('modules', 7)} ${pad('raw', 10)} ${pad('min*', 10)} ${pad('gzip*', 9)}`);
const sorted = [...groups.values()].sort((a, b) => b.gzip - a.gzip || b.raw - a.raw);
for (const g of sorted) {
  console.log(`  ${g.name.padEnd(38)} ${pad(g.modules, 7)} ${pad(kB(g.raw), 10)} ${pad(kB(g.min), 10)} ${pad(kB(g.gzip), 9)}`);
}
console.log('  * each part minified and gzipped on its own: the parts add up to more than the whole.');
if (detail) {
  console.log('\n  largest modules (raw rendered bytes):');
  for (const m of modules.slice(0, 25)) console.log(`  ${pad(kB(m.renderedLength), 10)}  ${m.id}`);
}

// The static safety scan (scripts/bundle-scan.mjs): eval, new Function / Function(, string timers,
// document.write, unsafeHTML and HTML sinks other than lit-html's template element. Both bundles are scanned.
const problems = formatFindings(scanBundle(text, modules), 'dist/levelfit.min.js');
for (const name of ['levelfit.all.min', 'levelfit.lms.min']) {
  const file = `${root}dist/${name}.js`;
  if (!existsSync(file)) continue;
  const mods = existsSync(`${root}dist/${name}.modules.json`) ? JSON.parse(readFileSync(`${root}dist/${name}.modules.json`, 'utf8')) : undefined;
  problems.push(...formatFindings(scanBundle(readFileSync(file, 'utf8'), mods), `dist/${name}.js`));
}
// Size is a target, reported like a benchmark figure (DEVELOPERS.md: targets belong in benchmarks), and fails
// the run only with --strict; the safety scan above always fails it.
for (const [name, what] of [['levelfit.all.min', 'every element, built-in framework and question bank'], ['levelfit.lms.min', 'the LMS code: xAPI, LRS sender, SCORM, cmi5']]) {
  const file = `${root}dist/${name}.js`;
  if (!existsSync(file)) continue;
  const size = gzipSize(readFileSync(file));
  console.log(`\n  dist/${name}.js (${what}): gzip -9 ${kB(size)} (${size} B)`);
}
const ratio = (gzip / BUDGET_GZIP).toFixed(2);
if (gzip > BUDGET_GZIP) {
  const big = sorted.slice(0, 3).map((g) => `${g.name} ≈${kB(g.gzip)}`).join(', ');
  const msg = `gzip size ${kB(gzip)} is over the ${kB(BUDGET_GZIP)} budget by ${kB(gzip - BUDGET_GZIP)} (${ratio}× budget; largest parts: ${big})`;
  if (process.argv.includes('--strict')) problems.push(msg);
  else console.warn(`\ncheck-bundle: OVER BUDGET: ${msg}`);
} else {
  console.log(`\n  within budget: ${ratio}× of ${kB(BUDGET_GZIP)}`);
}
if (problems.length) {
  for (const p of problems) console.error(`\ncheck-bundle: FAIL: ${p}`);
  process.exit(1);
}
console.log(`\ncheck-bundle: OK (static scan clean: no eval / Function / string timers / document.write / unsafeHTML / non-lit HTML sinks)\n`);
