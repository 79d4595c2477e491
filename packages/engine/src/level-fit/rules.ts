/**
 * The rules: a framework's json-rules-engine rules run for one level's facts, giving whether the level is
 * attained and whether it is an overlap, with the conditions that decided each. Rules only read the facts
 * named in them and the built-in operators are pure, so an outcome is computed once per level and set of
 * fact values, and kept in a cache bounded by size.
 */
import type { RuleEvent } from '../constants.js';
import type { CompiledFramework } from '../framework/compile.js';
import type { LevelFacts } from './facts.js';

/** One leaf condition as json-rules-engine evaluated it. `passed` already accounts for enclosing `not`s. */
export interface ConditionOutcome {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  factResult: unknown;
  passed: boolean;
}

export interface LevelOutcome {
  attained: boolean;
  overlap: boolean;
  /** The leaves that decided each event: those that passed when it fired, those that failed when it did not. */
  reasons: Record<RuleEvent, ConditionOutcome[]>;
}


/**
 * Rule outcomes, keyed level by level on the values the rules read: `root` maps the level index to a map
 * keyed by the first reference's value, and so on; the last map holds the outcome. No key is built per call.
 */
export interface OutcomeCache {
  root: Map<unknown, unknown>;
  /** An estimate of the memory the cache holds, kept under CACHE_BYTES. */
  bytes: number;
}

/**
 * The cache is bounded by an estimate of its memory, not by a count of outcomes: a framework whose rules read
 * 2,000 per-item facts adds 2,000 maps per outcome, and an outcome that failed 2,000 conditions lists them.
 * The estimates are V8's sizes, rounded up: a small Map with one entry, one condition outcome object.
 */
export const CACHE_BYTES = 32 * 2 ** 20;
const MAP_BYTES = 200;
const CONDITION_BYTES = 160;
const outcomeBytes = (o: LevelOutcome) => 200 + (o.reasons.attained.length + o.reasons.overlap.length) * CONDITION_BYTES;
const hasOwn = Object.prototype.hasOwnProperty;

/** The value a rule reference reads from a level's facts (the same walk as `resolveDotPath`). */
function refValue(facts: LevelFacts, fact: string, keys: string[] | undefined): unknown {
  let current = (facts as unknown as Record<string, unknown>)[fact];
  if (keys === undefined) return current;
  for (let k = 0; k < keys.length; k++) {
    if (typeof current !== 'object' || current === null || !hasOwn.call(current, keys[k]!)) return undefined;
    current = (current as Record<string, unknown>)[keys[k]!];
  }
  return current;
}

/** The cached rule outcome for these facts, if any (no rule runs). */
export function cached(c: CompiledFramework, facts: LevelFacts): LevelOutcome | undefined {
  const refs = c.refs;
  let node = c.cache.root.get(facts.levelIndex) as Map<unknown, unknown> | LevelOutcome | undefined;
  for (let k = 0; k < refs.length && node !== undefined; k++) {
    node = (node as Map<unknown, unknown>).get(refValue(facts, refs[k]!.fact, refs[k]!.keys)) as Map<unknown, unknown> | LevelOutcome | undefined;
  }
  return node as LevelOutcome | undefined;
}

function store(c: CompiledFramework, facts: LevelFacts, outcome: LevelOutcome): void {
  const refs = c.refs;
  const path: unknown[] = [facts.levelIndex, ...refs.map((r) => refValue(facts, r.fact, r.keys))];
  // The most this entry can add: a map per key on its path, the outcome and the conditions it lists.
  const most = path.length * MAP_BYTES + outcomeBytes(outcome);
  if (most > CACHE_BYTES) return; // larger than the whole cache: not worth keeping
  if (c.cache.bytes + most > CACHE_BYTES) {
    c.cache.root.clear();
    c.cache.bytes = 0;
  }
  let node = c.cache.root;
  for (let k = 0; k < path.length - 1; k++) {
    let next = node.get(path[k]) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(path[k], next);
      c.cache.bytes += MAP_BYTES;
    }
    node = next;
  }
  if (!node.has(path[path.length - 1])) c.cache.bytes += outcomeBytes(outcome);
  node.set(path[path.length - 1], outcome);
}

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
}

/** Leaves json-rules-engine evaluated (it short-circuits, so some have no result), with `not` folded in. */
function leaves(cond: EvaluatedCondition, negated: boolean, out: ConditionOutcome[]): void {
  if (cond.all) cond.all.forEach((c) => leaves(c, negated, out));
  else if (cond.any) cond.any.forEach((c) => leaves(c, negated, out));
  else if (cond.not) leaves(cond.not, !negated, out);
  else if (cond.fact !== undefined && typeof cond.result === 'boolean') {
    const outcome: ConditionOutcome = {
      fact: cond.fact,
      operator: negated ? `not:${cond.operator}` : String(cond.operator),
      value: cond.value,
      factResult: cond.factResult,
      passed: cond.result !== negated,
    };
    if (cond.path !== undefined) outcome.path = cond.path;
    out.push(outcome);
  }
}

interface EngineRuleResult {
  event?: { type?: string };
  conditions: EvaluatedCondition;
}

function reasonsFor(type: RuleEvent, fired: boolean, results: EngineRuleResult[], failures: EngineRuleResult[]): ConditionOutcome[] {
  const out: ConditionOutcome[] = [];
  for (const r of fired ? results : failures) {
    if (r.event?.type !== type) continue;
    const all: ConditionOutcome[] = [];
    leaves(r.conditions, false, all);
    out.push(...all.filter((o) => o.passed === fired));
  }
  return out;
}


/**
 * Runs the framework's rules for one level through json-rules-engine. Rules only read the facts named in
 * them and built-in operators are pure, so the outcome for a given level and set of fact values is computed
 * once and reused: batch scoring then costs about what a hand-written loop costs.
 */
export function evaluateLevel(c: CompiledFramework, facts: LevelFacts): LevelOutcome | Promise<LevelOutcome> {
  const hit = cached(c, facts);
  if (hit) return hit;
  return c.engine.run(facts as unknown as Record<string, unknown>).then((res) => {
    const types = new Set(res.events.map((e) => e.type));
    const results = res.results as unknown as EngineRuleResult[];
    const failures = res.failureResults as unknown as EngineRuleResult[];
    const attained = types.has('attained');
    const overlap = types.has('overlap');
    const outcome: LevelOutcome = {
      attained,
      overlap,
      reasons: {
        attained: reasonsFor('attained', attained, results, failures),
        overlap: reasonsFor('overlap', overlap, results, failures),
      },
    };
    store(c, facts, outcome);
    return outcome;
  });
}


/** Rule outcomes for every level: from the cache without waiting when every one is there (the usual case). */
export function evaluateAll(c: CompiledFramework, facts: readonly LevelFacts[]): LevelOutcome[] | Promise<LevelOutcome[]> {
  const n = facts.length;
  const outcomes: LevelOutcome[] = new Array(n);
  for (let l = 0; l < n; l++) {
    const hit = cached(c, facts[l]!);
    if (hit === undefined) return Promise.all(facts.map((f) => evaluateLevel(c, f)));
    outcomes[l] = hit;
  }
  return outcomes;
}
