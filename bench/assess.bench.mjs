/**
 * levelfit engine benchmark: assessments/second for single (`assess`, awaited one at a time) and batch
 * (`assessMany`, 100,000 people) scoring, beside a plain-loop baseline and a naive json-rules-engine usage,
 * all in the same run with the variant order rotated each round. Before any timing, every variant is checked
 * to give identical bestFit, overlap, attained and per-part coverage figures (the run fails otherwise). An "engine
 * core" row times the engine's validation, facts and cached rules with the plain loop's small result, to
 * separate rule evaluation from building the full LevelFit (lists, gaps, explanation).
 * Prints a markdown table (wall-clock and process CPU time) and writes bench/results.json.
 * Run with `npm run bench` (builds the engine first); about a minute and a half on 2 vCPUs.
 *
 * Environment: ROUNDS (default 5), SINGLE_MS (time box per single-mode sample, default 300),
 * BATCH (default 100000), NAIVE_BATCH (default 10000).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { assess, assessMany, parseFramework } from '../packages/engine/lib/index.js';
// internal modules, for the "engine core" row only (not the public API)
import { prepare } from '../packages/engine/lib/level-fit/responses.js';
import { compile } from '../packages/engine/lib/framework/compile.js';
import { evaluateLevel } from '../packages/engine/lib/level-fit/rules.js';
import { makeNaiveJre, makePlainScorer } from './baselines.mjs';
import { makePeople } from './people.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SINGLE_MS = Number(process.env.SINGLE_MS ?? 300);
const BATCH = Number(process.env.BATCH ?? 100_000);
const NAIVE_BATCH = Math.min(BATCH, Number(process.env.NAIVE_BATCH ?? 10_000));
const TARGET_RATIO = 3;
const FRAMEWORK = 'clinical-homecare';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const started = new Date();
const loadStart = os.loadavg();
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------------------------- data
const json = JSON.parse(readFileSync(`${ROOT}data/frameworks/${FRAMEWORK}.json`, 'utf8'));
const fw = parseFramework(json);
let t = performance.now();
const people = makePeople(json, BATCH);
log(`${BATCH.toLocaleString('en')} seeded people for ${FRAMEWORK} (${json.items.length} items) in ${(performance.now() - t).toFixed(0)} ms`);
const plain = makePlainScorer(json);
const naive = makeNaiveJre(json);

/**
 * The engine's scoring without the LevelFit: validation, facts computed once per level, cached rule outcomes,
 * then the same small result the plain loop returns. Shows what the rules cost apart from building results.
 */
const compiled = compile(fw);
function coreResult(p, outcomes) {
  const L = outcomes.length;
  let best = -1;
  for (let l = 0; l < L; l++) if (outcomes[l].attained) best = l;
  const next = best + 1;
  const plans = compiled.levels;
  const levels = new Array(L);
  for (let l = 0; l < L; l++) {
    const f = p.facts[l];
    levels[l] = { level: plans[l].id, attained: outcomes[l].attained, competenceCoverage: f.competenceCoverage, indicatorCoverage: f.indicatorCoverage, coverage: f.coverage };
  }
  const overlap = best >= 0 && next < L && outcomes[next].overlap ? { from: plans[best].id, to: plans[next].id } : null;
  return { bestFit: best >= 0 ? plans[best].id : null, overlap, levels };
}
async function engineCore(list) {
  const out = new Array(list.length);
  for (let n = 0; n < list.length; n++) {
    const r = prepare(compiled, list[n]);
    if (!r.success) throw new Error(`engine core rejected person ${n}`);
    const outcomes = new Array(r.data.facts.length);
    let waiting = false;
    for (let l = 0; l < outcomes.length; l++) {
      outcomes[l] = evaluateLevel(compiled, r.data.facts[l]);
      if (typeof outcomes[l].then === 'function') waiting = true;
    }
    out[n] = coreResult(r.data, waiting ? await Promise.all(outcomes) : outcomes);
  }
  return out;
}

// ------------------------------------------------------------------------------ identical results first
function sameResult(a, b, i, what) {
  const fail = (msg) => {
    throw new Error(`BASELINE MISMATCH (${what}) for person ${i}: ${msg}\n  person: ${JSON.stringify(people[i])}`);
  };
  if (a.bestFit !== b.bestFit) fail(`bestFit ${a.bestFit} vs ${b.bestFit}`);
  if ((a.overlap?.from ?? null) !== (b.overlap?.from ?? null) || (a.overlap?.to ?? null) !== (b.overlap?.to ?? null)) {
    fail(`overlap ${JSON.stringify(a.overlap)} vs ${JSON.stringify(b.overlap)}`);
  }
  const att = (r) => (r.attained ?? r.levels.map((l) => l.attained)).join();
  if (att(a) !== att(b)) fail(`attained ${att(a)} vs ${att(b)}`);
  if (a.levels && b.levels) {
    a.levels.forEach((l, k) => {
      const m = b.levels[k];
      for (const f of ['level', 'competenceCoverage', 'indicatorCoverage']) {
        if (l[f] !== m[f]) fail(`levels[${k}].${f} ${l[f]} vs ${m[f]}`);
      }
    });
  }
}

t = performance.now();
const reference = people.map(plain);
const engineBatch = await assessMany(fw, people);
engineBatch.forEach((r, i) => {
  if (!r.success) throw new Error(`assessMany rejected person ${i}: ${JSON.stringify(r.issues)}`);
  sameResult(reference[i], r.data, i, 'plain loop vs assessMany');
});
(await engineCore(people)).forEach((r, i) => sameResult(reference[i], r, i, 'plain loop vs engine core'));
const CHECK_SINGLE = Math.min(BATCH, 4096);
for (let i = 0; i < CHECK_SINGLE; i++) {
  sameResult(reference[i], await assess(fw, people[i]), i, 'plain loop vs assess');
  sameResult(reference[i], await naive(people[i]), i, 'plain loop vs naive json-rules-engine');
}
const histogram = {};
let overlaps = 0;
for (const r of reference) {
  histogram[r.bestFit ?? 'none'] = (histogram[r.bestFit ?? 'none'] ?? 0) + 1;
  if (r.overlap) overlaps++;
}
log(
  `identical bestFit/overlap/attained/coverage: plain loop = assessMany = engine core on all ${BATCH.toLocaleString('en')}; ` +
    `= assess = naive json-rules-engine on the first ${CHECK_SINGLE} (${(performance.now() - t).toFixed(0)} ms)`,
);
log(`best fit: ${Object.entries(histogram).map(([k, v]) => `${k} ${v}`).join(', ')}; overlap ${overlaps}`);
reference.length = 0;
engineBatch.length = 0;

// ---------------------------------------------------------------------------------------------- timing
let sink = 0;
const consume = (r) => {
  if (r.bestFit !== null) sink++;
};

/** CPU time of this process (all threads: main, GC helpers) since `c0`, in ms. */
const cpuMs = (c0) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

/** Single mode: one person per call, awaited when the API is async, until SINGLE_MS has elapsed. */
function single(name, fn, isAsync) {
  let cursor = 0;
  return {
    name,
    mode: 'single',
    async run() {
      let n = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let t1 = t0;
      while (t1 - t0 < SINGLE_MS) {
        for (let k = 0; k < 128; k++) {
          const r = isAsync ? await fn(people[cursor]) : fn(people[cursor]);
          consume(r);
          cursor = (cursor + 1) % people.length;
        }
        n += 128;
        t1 = performance.now();
      }
      return { n, ms: t1 - t0, cpuMs: cpuMs(c0) };
    },
  };
}

/** Batch mode: a whole array scored, results kept until the clock stops. */
function batch(name, n, fn) {
  return {
    name,
    mode: `batch ${n.toLocaleString('en')}`,
    async run() {
      const input = n === people.length ? people : people.slice(0, n);
      gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = await fn(input);
      const ms = performance.now() - t0;
      const cpu = cpuMs(c0);
      if (out.length !== n) throw new Error(`${name}: ${out.length} results for ${n} people`);
      sink += out.length;
      return { n, ms, cpuMs: cpu };
    },
  };
}

const variants = [
  single('plain loop', plain, false),
  single('assess()', (p) => assess(fw, p), true),
  single('naive json-rules-engine', naive, true),
  batch('plain loop', BATCH, (list) => {
    const out = new Array(list.length);
    for (let i = 0; i < list.length; i++) out[i] = plain(list[i]);
    return out;
  }),
  batch('assessMany()', BATCH, (list) => assessMany(fw, list)),
  batch('engine core (validate + facts + rules, no LevelFit)', BATCH, engineCore),
  batch('naive json-rules-engine', NAIVE_BATCH, async (list) => {
    const out = new Array(list.length);
    for (let i = 0; i < list.length; i++) out[i] = await naive(list[i]);
    return out;
  }),
];

// warm-up: every single-mode variant briefly (the batch variants were warmed by the check above)
for (const v of variants.filter((x) => x.mode === 'single')) await v.run();

const samples = new Map(variants.map((v) => [v, []]));
const cpuSamples = new Map(variants.map((v) => [v, []]));
const benchStart = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  const order = variants.map((_, k) => variants[(k + round) % variants.length]);
  if (round % 2 === 1) order.reverse();
  for (const v of order) {
    const { n, ms, cpuMs: cpu } = await v.run();
    samples.get(v).push((ms * 1000) / n);
    cpuSamples.get(v).push((cpu * 1000) / n);
  }
  log(`round ${round + 1}/${ROUNDS} done (${((performance.now() - benchStart) / 1000).toFixed(1)} s)`);
}

// ---------------------------------------------------------------------------------------------- report
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rows = variants.map((v) => {
  const us = samples.get(v);
  const cpu = cpuSamples.get(v);
  return {
    variant: v.name,
    mode: v.mode,
    usPerAssessment: median(us),
    perSecond: 1e6 / median(us),
    minUs: Math.min(...us),
    maxUs: Math.max(...us),
    roundsUs: us,
    cpuUsPerAssessment: median(cpu),
    roundsCpuUs: cpu,
  };
});
for (const r of rows) {
  const base = rows.find((b) => b.variant === 'plain loop' && (b.mode === 'single') === (r.mode === 'single'));
  r.vsPlainLoop = r.usPerAssessment / base.usPerAssessment;
  r.cpuVsPlainLoop = r.cpuUsPerAssessment / base.cpuUsPerAssessment;
}
const fmtInt = (x) => Math.round(x).toLocaleString('en');
const fmtUs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtX = (x) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
const table = [
  '| variant | mode | assessments/s | µs/assessment (min–max) | vs plain loop | CPU µs/assessment | CPU vs plain |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.variant} | ${r.mode} | ${fmtInt(r.perSecond)} | ${fmtUs(r.usPerAssessment)} (${fmtUs(r.minUs)}–${fmtUs(r.maxUs)}) | ` +
      `${fmtX(r.vsPlainLoop)} | ${fmtUs(r.cpuUsPerAssessment)} | ${fmtX(r.cpuVsPlainLoop)} |`,
  ),
];
const batchRow = rows.find((r) => r.variant === 'assessMany()');
const coreRow = rows.find((r) => r.variant.startsWith('engine core'));
const singleRow = rows.find((r) => r.variant === 'assess()');
const naiveRow = rows.find((r) => r.variant === 'naive json-rules-engine' && r.mode === 'single');
const verdict = (r) => (r.vsPlainLoop <= TARGET_RATIO ? `within ${TARGET_RATIO}× target: met` : `within ${TARGET_RATIO}× target: MISSED`);
const cpus = os.cpus();
const machine = {
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpuCount: cpus.length,
  availableParallelism: os.availableParallelism?.() ?? cpus.length,
  cpuModel: cpus[0]?.model ?? 'unknown',
  totalMemGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  loadAvgStart: loadStart.map((x) => +x.toFixed(2)),
  loadAvgEnd: os.loadavg().map((x) => +x.toFixed(2)),
};

console.log(`\n### levelfit engine throughput (${FRAMEWORK}, ${json.items.length} items, ${json.levels.length} levels)\n`);
console.log(table.join('\n'));
console.log(
  `\nMedians of ${ROUNDS} rounds, variant order rotated each round. Single = one person per call, awaited when async ` +
    `(time box ${SINGLE_MS} ms); batch = one call over the array, results kept. "vs plain loop" compares with the plain ` +
    `loop in the same mode. CPU = process CPU time (main thread and GC helpers), less sensitive to other load on a shared ` +
    `machine. The plain loop and the engine core return bestFit, overlap, attained and coverage only; assess()/assessMany() ` +
    `also build met/missing lists, what each level still needs, gaps, overlap items, the reasons and the explanation. Naive json-rules-engine: one Engine, an ` +
    `attained and an overlap rule per level, dynamic facts recounted from the runtime ratings fact. ` +
    `${machine.node}, ${machine.cpuCount} × ${machine.cpuModel}, load average ${machine.loadAvgStart[0]} at start and ` +
    `${machine.loadAvgEnd[0]} at end, ${started.toISOString().slice(0, 10)}.`,
);
console.log(`\n- assessMany() batch: ${fmtX(batchRow.vsPlainLoop)} the plain loop (${verdict(batchRow)})`);
console.log(`- engine core batch (same small result as the plain loop): ${fmtX(coreRow.vsPlainLoop)} the plain loop (${verdict(coreRow)})`);
console.log(`- assess() single: ${fmtX(singleRow.vsPlainLoop)} the plain loop (${verdict(singleRow)})`);
console.log(`- naive json-rules-engine single: ${fmtX(naiveRow.vsPlainLoop)} the plain loop; assess() is ${fmtX(naiveRow.usPerAssessment / singleRow.usPerAssessment)} faster than it`);

const results = {
  benchmark: 'bench/assess.bench.mjs',
  date: started.toISOString(),
  durationSeconds: +((Date.now() - started.getTime()) / 1000).toFixed(1),
  machine,
  config: { framework: FRAMEWORK, items: json.items.length, levels: json.levels.length, people: BATCH, naiveBatch: NAIVE_BATCH, rounds: ROUNDS, singleTimeBoxMs: SINGLE_MS, seed: 20261123 },
  population: { bestFit: histogram, overlap: overlaps },
  check: { identical: ['bestFit', 'overlap', 'attained', 'competenceCoverage', 'indicatorCoverage'], plainVsAssessManyAndEngineCore: BATCH, plainVsAssessAndNaive: CHECK_SINGLE },
  targetRatio: TARGET_RATIO,
  results: rows.map((r) => ({
    variant: r.variant,
    mode: r.mode,
    assessmentsPerSecond: Math.round(r.perSecond),
    usPerAssessment: +r.usPerAssessment.toFixed(3),
    vsPlainLoop: +r.vsPlainLoop.toFixed(2),
    cpuUsPerAssessment: +r.cpuUsPerAssessment.toFixed(3),
    cpuVsPlainLoop: +r.cpuVsPlainLoop.toFixed(2),
    roundsUs: r.roundsUs.map((x) => +x.toFixed(3)),
    roundsCpuUs: r.roundsCpuUs.map((x) => +x.toFixed(3)),
  })),
  table: table.join('\n'),
};
writeFileSync(`${ROOT}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
log(`\nwrote bench/results.json (${results.durationSeconds} s in all; sink ${sink})`);
