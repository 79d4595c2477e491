/**
 * The fuzz suites' harness (issue #5): fixed seeds, a per-case wall-clock guard, a watchdog for true hangs,
 * an `Object.prototype` snapshot, and the totals written to `test/fuzz-totals.json` for the README.
 *
 *  - `runProperty` runs one fast-check property with a fixed seed (logged), counts the cases and payloads,
 *    and records a violation when fast-check finds a counterexample (then fails the test with it).
 *  - Each case's calls into the code under test are timed (`count.time(() => …)`): over `CASE_BUDGET_MS`
 *    in all fails the property with that case as the counterexample. That catches anything slow that still
 *    finishes; an async case pending for 10 s fails too. A case that never finishes (a synchronous infinite loop
 *    cannot be interrupted from its own thread) is caught by a watchdog thread, which prints the property and
 *    case number and kills the process after `HANG_KILL_MS`, so CI fails instead of hanging.
 *  - After every case, `Object.prototype` must have exactly the own properties it had before, and no global
 *    sentinel a script path could set (`globalThis.__lfPwned`) may exist.
 *
 * To debug a case: LEVELFIT_FUZZ_TRACE=1 prints every case before it runs; LEVELFIT_FUZZ_ONLY='<property>#<n>'
 * runs only case n of that property (the watchdog's message names both).
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

/**
 * A case whose calls into the code under test take longer than this in all fails the property (a guard
 * against hangs and blow-ups, not a speed target). The harness's own checks are not counted.
 */
export const CASE_BUDGET_MS = 2000;
/** A whole case (checks included) still pending after this long fails the property (async hangs). */
const CASE_TIMEOUT_MS = 10_000;
/** A case still running after this long is a hang: the watchdog kills the test process. */
export const HANG_KILL_MS = 15_000;

const TOTALS_PATH = fileURLToPath(new URL('../fuzz-totals.json', import.meta.url));
const LOCK_PATH = `${TOTALS_PATH}.lock`;

// --- Object.prototype and global sentinels -------------------------------------------------------------

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join('\n');
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype).sort().join('\n');
const FUNCTION_PROTO_KEYS = Object.getOwnPropertyNames(Function.prototype).sort().join('\n');
const SENTINELS = ['__lfPwned', 'polluted', 'pwned'] as const;

/** Throws when `Object.prototype` (or Array/Function prototypes, or a global sentinel) changed. */
export function assertPrototypesUntouched(): void {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join('\n');
  if (now !== PROTO_KEYS) throw new Error(`Object.prototype changed: ${now.split('\n').filter((k) => !PROTO_KEYS.split('\n').includes(k)).join(', ')}`);
  if (Object.getOwnPropertyNames(Array.prototype).sort().join('\n') !== ARRAY_PROTO_KEYS) throw new Error('Array.prototype changed');
  if (Object.getOwnPropertyNames(Function.prototype).sort().join('\n') !== FUNCTION_PROTO_KEYS) throw new Error('Function.prototype changed');
  const probe = {} as Record<string, unknown>;
  for (const key of SENTINELS) {
    if (key in probe) throw new Error(`every object now has "${key}" (Object.prototype polluted)`);
    if (key in globalThis) throw new Error(`globalThis.${key} was set by a payload`);
  }
}

// --- Watchdog ---------------------------------------------------------------------------------------------

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const state = new Int32Array(workerData.state);
const started = new Float64Array(workerData.started);
const label = new Uint8Array(workerData.label);
setInterval(() => {
  if (Atomics.load(state, 0) !== 1) return;
  const ms = Date.now() - started[0];
  if (ms < workerData.killMs) return;
  const end = label.indexOf(0);
  const text = Buffer.from(label.slice(0, end < 0 ? label.length : end)).toString('utf8');
  writeSync(2, '\\nfuzz watchdog: case ' + text + ' has run for ' + ms + ' ms: a hang; killing the test process\\n');
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

const state = new Int32Array(new SharedArrayBuffer(4));
const started = new Float64Array(new SharedArrayBuffer(8));
const label = new Uint8Array(new SharedArrayBuffer(512));
const encoder = new TextEncoder();
let watchdog: Worker | undefined;

function startWatchdog(): void {
  if (watchdog) return;
  watchdog = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // A plain CommonJS script: no tsx loader in the watchdog thread.
    execArgv: [],
    workerData: { state: state.buffer, started: started.buffer, label: label.buffer, killMs: HANG_KILL_MS },
  });
  watchdog.unref();
}

function enterCase(text: string): void {
  label.fill(0);
  encoder.encodeInto(text.slice(0, 500), label);
  started[0] = Date.now();
  Atomics.store(state, 0, 1);
}

function leaveCase(): void {
  Atomics.store(state, 0, 0);
}

/** Stops the watchdog thread (call from `after`). */
export async function stopWatchdog(): Promise<void> {
  const w = watchdog;
  watchdog = undefined;
  if (w) await w.terminate();
}

// --- Per-case guard ---------------------------------------------------------------------------------------

export interface CaseCounter {
  /** Counts one hostile payload handed to the code under test. */
  payload(n?: number): void;
  /** Runs a call into the code under test (sync or async), adding its wall time to the case's budget. */
  time<T>(fn: () => T): T;
}

interface PropertyStats {
  seed: number;
  numRuns: number;
  cases: number;
  payloads: number;
  violations: number;
  slowestCaseMs: number;
  /** Time spent in the code under test by the current case. */
  caseMs: number;
}

const stats = new Map<string, PropertyStats>();

const timeout = (ms: number, what: string) =>
  new Promise<never>((_, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms (a hang)`)), ms);
    t.unref();
  });

/**
 * Runs `check` for one generated case with the hang guards: watchdog armed, wall clock measured (and raced,
 * for async checks), prototypes checked afterwards.
 */
async function guarded(name: string, index: number, s: PropertyStats, check: () => void | Promise<void>): Promise<void> {
  enterCase(`${name} (seed 0x${s.seed.toString(16)}, case ${index}; rerun with LEVELFIT_FUZZ_ONLY=${name}#${index})`);
  s.caseMs = 0;
  try {
    const r = check();
    if (r && typeof (r as Promise<void>).then === 'function') await Promise.race([r, timeout(CASE_TIMEOUT_MS, name)]);
  } finally {
    leaveCase();
  }
  const ms = s.caseMs;
  s.slowestCaseMs = Math.max(s.slowestCaseMs, ms);
  if (ms > CASE_BUDGET_MS) throw new Error(`the code under test took ${ms.toFixed(0)} ms on one case (budget ${CASE_BUDGET_MS} ms): a hang or a blow-up`);
  assertPrototypesUntouched();
}

export interface RunOptions<T> {
  seed: number;
  numRuns: number;
  /** Regression counterexamples (fast-check `examples`), run before the random cases. */
  examples?: [T][];
}

/**
 * Runs an async property with a fixed seed and the per-case guards, records its totals under `name`, and
 * throws fast-check's report (with the counterexample and seed) on a violation.
 */
export async function runProperty<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  check: (value: T, count: CaseCounter) => void | Promise<void>,
  options: RunOptions<T>,
): Promise<void> {
  startWatchdog();
  const s: PropertyStats = { seed: options.seed, numRuns: options.numRuns, cases: 0, payloads: 0, violations: 0, slowestCaseMs: 0, caseMs: 0 };
  stats.set(name, s);
  const counter: CaseCounter = {
    payload: (n = 1) => {
      s.payloads += n;
    },
    time: <T>(fn: () => T): T => {
      const t0 = performance.now();
      const add = () => {
        s.caseMs += performance.now() - t0;
      };
      let r: T;
      try {
        r = fn();
      } catch (err) {
        add();
        throw err;
      }
      if (r && typeof (r as { then?: unknown }).then === 'function') {
        return (r as unknown as Promise<unknown>).then(
          (v) => (add(), v),
          (e: unknown) => {
            add();
            throw e;
          },
        ) as T;
      }
      add();
      return r;
    },
  };
  const property = fc.asyncProperty(arb, async (value) => {
    const index = s.cases++;
    // LEVELFIT_FUZZ_ONLY=<name>#<case> runs one case (to debug it); LEVELFIT_FUZZ_TRACE=1 prints every case first
    const only = process.env.LEVELFIT_FUZZ_ONLY;
    if (only && only !== `${name}#${index}`) return;
    if (process.env.LEVELFIT_FUZZ_TRACE) console.error(`${name} #${index}: ${fc.stringify(value).slice(0, 2000)}`);
    await guarded(name, index, s, () => check(value, counter));
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    examples: options.examples ?? [],
    endOnFailure: false,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (details.failed) s.violations += 1;
  console.log(
    `fuzz ${name}: seed 0x${options.seed.toString(16)}, ${s.cases} cases, ${s.payloads} payloads, ${s.violations} violations, ` +
      `${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (slowest case in the code under test ${s.slowestCaseMs.toFixed(0)} ms)`,
  );
  writeTotals();
  if (details.failed) {
    const cause = details.errorInstance as Error | undefined;
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new Error(`${fc.defaultReportMessage(details) ?? `fuzz ${name} failed`}\nViolation: ${why.slice(0, 2000)}`, { cause });
  }
}

// --- Totals -----------------------------------------------------------------------------------------------

function withLock(fn: () => void): void {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(LOCK_PATH);
      break;
    } catch {
      if (Date.now() > deadline) {
        rmdirSync(LOCK_PATH); // a lock left by a killed run
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(LOCK_PATH);
  }
}

interface TotalsFile {
  note: string;
  caseBudgetMs: number;
  properties: Record<string, Omit<PropertyStats, 'slowestCaseMs' | 'caseMs'>>;
  totals: { properties: number; cases: number; payloads: number; violations: number };
}

/**
 * Merges this file's properties into test/fuzz-totals.json (test files run in separate processes, so the
 * write is locked). Only deterministic numbers are written (fixed seeds), so the file changes only when the
 * suites do.
 */
function writeTotals(): void {
  withLock(() => {
    let file: TotalsFile | undefined;
    try {
      file = JSON.parse(readFileSync(TOTALS_PATH, 'utf8')) as TotalsFile;
    } catch {
      file = undefined;
    }
    const properties = { ...(file?.properties ?? {}) };
    for (const [name, s] of stats) {
      const { slowestCaseMs: _slowest, caseMs: _case, ...rest } = s;
      properties[name] = rest;
    }
    const sorted = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));
    const values = Object.values(sorted);
    const out: TotalsFile = {
      note: 'Written by test/node/fuzz-*.test.ts (npm run test:node): fast-check runs with fixed seeds. Do not edit.',
      caseBudgetMs: CASE_BUDGET_MS,
      properties: sorted,
      totals: {
        properties: values.length,
        cases: values.reduce((n, p) => n + p.cases, 0),
        payloads: values.reduce((n, p) => n + p.payloads, 0),
        violations: values.reduce((n, p) => n + p.violations, 0),
      },
    };
    const tmp = `${TOTALS_PATH}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(out, null, 2)}\n`);
    renameSync(tmp, TOTALS_PATH);
  });
}
