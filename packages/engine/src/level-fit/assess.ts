/**
 * The engine's entry points for level fit: `assess`, `safeAssess` and `assessMany`. Each reads the responses
 * (responses.ts), runs the framework's rules per level (rules.ts) and places the person (best-fit.ts).
 */
import { AssessmentError, FrameworkError, type SafeResult } from '../errors.js';
import { compile, type CompiledFramework } from '../framework/compile.js';
import { isParsedFramework, parseFramework } from '../framework/parse.js';
import { show } from '../framework/input-guard.js';
import type { Framework } from '../framework/schema.js';
import { buildLevelFit } from './best-fit.js';
import { neededAll } from './needed.js';
import { prepare, type Prepared } from './responses.js';
import { evaluateAll, type LevelOutcome } from './rules.js';
import type { AssessOptions, LevelFit } from './types.js';

function frameworkOf(framework: Framework): CompiledFramework {
  return compile(isParsedFramework(framework) ? framework : parseFramework(framework));
}

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as Promise<T>)?.then === 'function';

/** One person: synchronous when every rule outcome is cached (the usual case once a framework is warm). */
function assessOne(c: CompiledFramework, responses: unknown, options: AssessOptions | undefined): SafeResult<LevelFit> | Promise<SafeResult<LevelFit>> {
  const p = prepare(c, responses, options);
  if (!p.success) return p;
  const outcomes = evaluateAll(c, p.data.facts);
  if (!isPromise(outcomes)) return withNeeded(p.data, outcomes);
  return outcomes.then((o) => withNeeded(p.data, o));
}

/** The result once `needed` is known (a rule that has to be searched may wait for rule outcomes). */
function withNeeded(p: Prepared, outcomes: LevelOutcome[]): SafeResult<LevelFit> | Promise<SafeResult<LevelFit>> {
  const needed = neededAll(p, outcomes);
  if (!isPromise(needed)) return { success: true, data: buildLevelFit(p, outcomes, needed) };
  return needed.then((n) => ({ success: true, data: buildLevelFit(p, outcomes, n) }));
}

/**
 * Scores one person's responses against a framework. Rejects with an `AssessmentError` whose issues name
 * each unknown item id or off-scale rating; a missing rating counts as the lowest point of the scale.
 */
export async function assess(framework: Framework, responses: unknown, options?: AssessOptions): Promise<LevelFit> {
  const r = await assessOne(frameworkOf(framework), responses, options);
  if (!r.success) throw new AssessmentError(r.issues);
  return r.data;
}

/** `assess` without throwing for bad responses: `{ success, data | issues }`. */
export async function safeAssess(framework: Framework, responses: unknown, options?: AssessOptions): Promise<SafeResult<LevelFit>> {
  let c: CompiledFramework;
  try {
    c = frameworkOf(framework);
  } catch (err) {
    // an invalid framework: its issues, under "framework"
    if (err instanceof FrameworkError) return { success: false, issues: err.issues.map((i) => ({ ...i, path: ['framework', ...i.path] })) };
    throw err;
  }
  return assessOne(c, responses, options);
}

/**
 * Scores many people against one framework (a staff export, a batch job). Each entry is a result or the
 * issues for that person; one bad row never stops the batch.
 */
export async function assessMany(
  framework: Framework,
  people: readonly unknown[],
  options?: AssessOptions | ((index: number) => AssessOptions | undefined),
): Promise<SafeResult<LevelFit>[]> {
  if (!Array.isArray(people)) {
    throw new AssessmentError([{ code: 'invalid_type', path: [], message: `people must be a list of responses, not ${show(people)}` }]);
  }
  const c = frameworkOf(framework);
  const out: SafeResult<LevelFit>[] = new Array(people.length);
  for (let n = 0; n < people.length; n++) {
    const r = assessOne(c, people[n], typeof options === 'function' ? options(n) : options);
    out[n] = isPromise(r) ? await r : r;
  }
  return out;
}

