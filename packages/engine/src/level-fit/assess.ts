import { compile, type CompiledFramework } from '../framework/compile.js';
import { AssessmentError, FrameworkError, type Issue, type SafeResult } from '../errors.js';
import { explainCached } from './explain.js';
import { checkStructure, isPlainObject, isParsedFramework, parseFramework, show } from '../framework/parse.js';
import { cached, evaluateLevel, itemFacts, levelFacts, refillLevelFacts, type LevelFacts, type LevelOutcome } from './rules.js';
import type { Framework } from '../framework/schema.js';
import type { AssessOptions, FitItem, LevelFit, LevelResult } from './types.js';

/** Everything about one assessment that does not need the rules. */
export interface Prepared {
  c: CompiledFramework;
  ratings: Uint8Array;
  met: Uint8Array;
  facts: LevelFacts[];
  target: number | undefined;
  role: { title: string; level: string } | null;
}

function frameworkOf(framework: Framework): CompiledFramework {
  return compile(isParsedFramework(framework) ? framework : parseFramework(framework));
}

const EMPTY: Record<string, unknown> = Object.freeze({});

/**
 * The common case in one pass: `{ ratings: { [knownItemId]: onScaleNumber } }` and no options. Such input
 * can raise no issue (no nesting, no forbidden key, nothing unknown or off the scale), so the structural
 * walk is skipped. Returns undefined for anything else, and `prepare` then takes the checking path.
 */
function prepareWellFormed(c: CompiledFramework, responses: unknown, scratch: Prepared | undefined): Prepared | undefined {
  const table = c.scaleTable;
  if (!c.fastResponses || table === undefined || !isPlainObject(responses)) return undefined;
  let given: unknown = EMPTY;
  for (const key in responses) {
    if (key !== 'ratings' || !hasOwn.call(responses, key)) return undefined;
    given = responses.ratings;
  }
  if (!isPlainObject(given)) return undefined;
  const ids = c.ids;
  const n = ids.length;
  let ratings: Uint8Array;
  let met: Uint8Array;
  if (scratch === undefined) {
    ratings = new Uint8Array(n);
    met = new Uint8Array(n);
  } else {
    ratings = scratch.ratings.fill(0);
    met = scratch.met.fill(0);
  }
  const metAt = c.framework.scale.met;
  // Own enumerable keys and their values, in the order the checking path (Object.keys) reads them, without
  // a Map lookup per item: keys usually come in framework order, so most are matched by comparing with the
  // next id. for-in walks V8's enum cache without building the key and value arrays; an inherited key
  // (something enumerable on a prototype) sends the input to the checking path.
  let next = 0;
  for (const id in given) {
    if (!hasOwn.call(given, id)) return undefined;
    let i: number | undefined;
    if (next < n && ids[next] === id) i = next++;
    else {
      i = c.itemIndex.get(id);
      if (i === undefined) return undefined;
      next = i + 1;
    }
    const value = given[id];
    if (value === undefined) continue;
    // on the scale: an integer (so not NaN; -0 reads as 0, as Set.has sees it) whose table entry is 1
    if (typeof value !== 'number' || (value >>> 0) !== value || value >= table.length || table[value] !== 1) return undefined;
    ratings[i] = value;
    met[i] = value >= metAt ? 1 : 0;
  }
  const shared = c.needsItemFacts ? itemFacts(c, ratings, met) : undefined;
  const levels = c.levels;
  if (scratch !== undefined) {
    const facts = scratch.facts;
    for (let l = 0; l < levels.length; l++) refillLevelFacts(c, levels[l]!, met, shared, facts[l]!);
    scratch.target = undefined;
    scratch.role = null;
    return scratch;
  }
  const facts: LevelFacts[] = new Array(levels.length);
  for (let l = 0; l < levels.length; l++) facts[l] = levelFacts(c, levels[l]!, met, shared);
  return { c, ratings, met, facts, target: undefined, role: null };
}

/**
 * Per-person working memory a batch reuses (the typed arrays, the facts objects): the well-formed path writes
 * into it instead of allocating. What `buildLevelFit` returns holds none of it, and a batch only moves to the
 * next person once the rules for this one have settled.
 */
function scratchFor(c: CompiledFramework): Prepared {
  const n = c.ids.length;
  const ratings = new Uint8Array(n);
  const met = new Uint8Array(n);
  const facts = c.levels.map((plan) => levelFacts(c, plan, met, undefined));
  return { c, ratings, met, facts, target: undefined, role: null };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Responses (or options) whose getters or Proxy traps threw: the thrown value is never read, it may be hostile too. */
const unreadable = (): { success: false; issues: Issue[] } => ({
  success: false,
  issues: [{ code: 'invalid_value', path: [], message: 'the responses could not be read (a getter or proxy threw an error)' }],
});

/** Validates responses and options against the framework; returns issues with paths rather than throwing. */
export function prepare(c: CompiledFramework, responses: unknown, options: AssessOptions = {}, scratch?: Prepared): SafeResult<Prepared> {
  try {
    options ??= {}; // JavaScript callers pass null for "no options"
    if (options.target === undefined && options.role === undefined) {
      const data = prepareWellFormed(c, responses, scratch);
      if (data) return { success: true, data };
    }
    return prepareChecked(c, responses, options);
  } catch {
    return unreadable();
  }
}

/** `prepare` by the checking path: the structural walk, then each key and value with an issue for each fault. */
function prepareChecked(c: CompiledFramework, responses: unknown, options: AssessOptions): SafeResult<Prepared> {
  const issues: Issue[] = checkStructure(responses);
  if (issues.length) return { success: false, issues };
  const ratings = new Uint8Array(c.items.length);
  const met = new Uint8Array(c.items.length);
  if (!isPlainObject(responses)) {
    return { success: false, issues: [{ code: 'invalid_type', path: [], message: 'responses must be an object { ratings: { [itemId]: rating } }' }] };
  }
  for (const key of Object.keys(responses)) {
    if (key !== 'ratings') issues.push({ code: 'unrecognized_keys', path: [key], message: `unexpected key "${key}"` });
  }
  const given = responses.ratings === undefined ? {} : responses.ratings;
  if (!isPlainObject(given)) {
    issues.push({ code: 'invalid_type', path: ['ratings'], message: 'ratings must be an object of item id → rating' });
  } else {
    const allowed = c.framework.scale.values.map((v) => v.value);
    const metAt = c.framework.scale.met;
    for (const id of Object.keys(given)) {
      const i = c.itemIndex.get(id);
      const value = given[id];
      if (i === undefined) {
        issues.push({ code: 'unknown_item', path: ['ratings', id], message: `no item in ${c.framework.id} has the id "${id}"` });
      } else if (value === undefined) {
        continue;
      } else if (typeof value !== 'number' || !c.scaleValues.has(value)) {
        issues.push({
          code: 'rating_off_scale',
          path: ['ratings', id],
          message: `the rating for "${id}" is ${typeof value === 'number' ? `${value}${Number.isFinite(value) ? '' : ' (not a finite number)'}` : show(value)}; it must be one of ${allowed.join(', ')}`,
        });
      } else {
        ratings[i] = value;
        met[i] = value >= metAt ? 1 : 0;
      }
    }
  }
  let target: number | undefined;
  if (options.target !== undefined) {
    target = c.levelIndex.get(options.target);
    if (target === undefined) {
      issues.push({ code: 'unknown_level', path: ['options', 'target'], message: `no level has the id ${show(options.target)}` });
    }
  }
  let role: Prepared['role'] = null;
  if (options.role !== undefined) {
    role = (typeof options.role === 'string' && c.roleLevels.get(options.role.trim().toLowerCase())) || null;
    if (!role) {
      issues.push({
        code: 'unknown_role',
        path: ['options', 'role'],
        message: `${show(options.role)} is not an indicative role in ${c.framework.id}`,
      });
    }
  }
  if (issues.length) return { success: false, issues };
  const shared = c.needsItemFacts ? itemFacts(c, ratings, met) : undefined;
  const facts = c.levels.map((plan) => levelFacts(c, plan, met, shared));
  return { success: true, data: { c, ratings, met, facts, target, role } };
}

/*
 * `buildLevelFit` turns the rule outcomes for each level into a LevelFit. Pure: same inputs, same result.
 *
 * It is written twice, character for character but for the names (`buildLevelFitForBatch`, `fitItemForBatch`,
 * used by `assessMany`; test/node/assess-cache.test.ts checks the two texts are the same). V8 keeps allocation
 * feedback per place in the source, and allocates straight into the old generation from a place whose objects
 * mostly survive (allocation-site pretenuring). A batch keeps every result, so its places get pretenured; a
 * single `assess` sharing them would then put its short-lived results in the old generation too, which made
 * `assess` about twice as slow in a process that had run a batch (14-16 µs against 6.5-8 µs per assessment,
 * measured; the same with --no-allocation-site-pretenuring). Two copies keep the two patterns apart.
 */

function fitItem(c: CompiledFramework, p: Prepared, i: number): FitItem {
  return { id: c.ids[i]!, title: c.titles[i]!, kind: c.kinds[i]!, rating: p.ratings[i]! };
}

export function buildLevelFit(p: Prepared, outcomes: LevelOutcome[]): LevelFit {
  const { c, met } = p;
  const plans = c.levels;
  let best = -1;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i]!.attained) best = i;
  const next = best + 1;
  const overlapTo = best >= 0 && next < plans.length && outcomes[next]!.overlap ? next : -1;
  const target = p.target ?? (next < plans.length ? next : -1);
  const ids = c.ids;
  // Lists are allocated at their final length: the facts already counted what is met.
  const levels: LevelResult[] = new Array(plans.length);
  for (let li = 0; li < plans.length; li++) {
    const plan = plans[li]!;
    const f = p.facts[li]!;
    const required = plan.required;
    const metIds: string[] = new Array(f.competencesMet + f.indicatorsMet);
    const missing: string[] = new Array(required.length - metIds.length);
    for (let k = 0, m = 0, x = 0; k < required.length; k++) {
      const i = required[k]!;
      if (met[i]) metIds[m++] = ids[i]!;
      else missing[x++] = ids[i]!;
    }
    levels[li] = {
      level: plan.id,
      attained: outcomes[li]!.attained,
      competenceCoverage: f.competenceCoverage,
      indicatorCoverage: f.indicatorCoverage,
      coverage: f.coverage,
      competences: { required: f.competencesRequired, met: f.competencesMet },
      indicators: { required: f.indicatorsRequired, met: f.indicatorsMet },
      met: metIds,
      missing,
    };
  }
  let gapItems: FitItem[] = [];
  if (target >= 0) {
    const list = plans[target]!.required;
    gapItems = new Array(levels[target]!.missing.length);
    for (let k = 0, x = 0; k < list.length; k++) if (!met[list[k]!]) gapItems[x++] = fitItem(c, p, list[k]!);
  }
  let overlapItems: FitItem[] = [];
  if (overlapTo >= 0) {
    const list = plans[overlapTo]!.overlapItems;
    const f = p.facts[overlapTo]!;
    overlapItems = new Array(f.addedCompetencesMet + f.indicatorsMet);
    for (let k = 0, x = 0; k < list.length; k++) if (met[list[k]!]) overlapItems[x++] = fitItem(c, p, list[k]!);
  }
  return {
    frameworkId: c.framework.id,
    frameworkVersion: c.framework.version,
    bestFit: best >= 0 ? plans[best]!.id : null,
    overlap: overlapTo >= 0 ? { from: plans[best]!.id, to: plans[overlapTo]!.id, items: overlapItems } : null,
    levels,
    gaps: { target: target >= 0 ? plans[target]!.id : null, items: gapItems },
    // a copy: `p.role` is the compiled framework's own entry, and results are the caller's to change
    role: p.role === null ? null : { title: p.role.title, level: p.role.level },
    explanation: explainCached(c, p.facts, outcomes, met, best, overlapTo, target, p.target !== undefined, p.role),
  };
}

// ---- the batch's copy of the two functions above (keep identical but for the names) ----

function fitItemForBatch(c: CompiledFramework, p: Prepared, i: number): FitItem {
  return { id: c.ids[i]!, title: c.titles[i]!, kind: c.kinds[i]!, rating: p.ratings[i]! };
}

function buildLevelFitForBatch(p: Prepared, outcomes: LevelOutcome[]): LevelFit {
  const { c, met } = p;
  const plans = c.levels;
  let best = -1;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i]!.attained) best = i;
  const next = best + 1;
  const overlapTo = best >= 0 && next < plans.length && outcomes[next]!.overlap ? next : -1;
  const target = p.target ?? (next < plans.length ? next : -1);
  const ids = c.ids;
  // Lists are allocated at their final length: the facts already counted what is met.
  const levels: LevelResult[] = new Array(plans.length);
  for (let li = 0; li < plans.length; li++) {
    const plan = plans[li]!;
    const f = p.facts[li]!;
    const required = plan.required;
    const metIds: string[] = new Array(f.competencesMet + f.indicatorsMet);
    const missing: string[] = new Array(required.length - metIds.length);
    for (let k = 0, m = 0, x = 0; k < required.length; k++) {
      const i = required[k]!;
      if (met[i]) metIds[m++] = ids[i]!;
      else missing[x++] = ids[i]!;
    }
    levels[li] = {
      level: plan.id,
      attained: outcomes[li]!.attained,
      competenceCoverage: f.competenceCoverage,
      indicatorCoverage: f.indicatorCoverage,
      coverage: f.coverage,
      competences: { required: f.competencesRequired, met: f.competencesMet },
      indicators: { required: f.indicatorsRequired, met: f.indicatorsMet },
      met: metIds,
      missing,
    };
  }
  let gapItems: FitItem[] = [];
  if (target >= 0) {
    const list = plans[target]!.required;
    gapItems = new Array(levels[target]!.missing.length);
    for (let k = 0, x = 0; k < list.length; k++) if (!met[list[k]!]) gapItems[x++] = fitItemForBatch(c, p, list[k]!);
  }
  let overlapItems: FitItem[] = [];
  if (overlapTo >= 0) {
    const list = plans[overlapTo]!.overlapItems;
    const f = p.facts[overlapTo]!;
    overlapItems = new Array(f.addedCompetencesMet + f.indicatorsMet);
    for (let k = 0, x = 0; k < list.length; k++) if (met[list[k]!]) overlapItems[x++] = fitItemForBatch(c, p, list[k]!);
  }
  return {
    frameworkId: c.framework.id,
    frameworkVersion: c.framework.version,
    bestFit: best >= 0 ? plans[best]!.id : null,
    overlap: overlapTo >= 0 ? { from: plans[best]!.id, to: plans[overlapTo]!.id, items: overlapItems } : null,
    levels,
    gaps: { target: target >= 0 ? plans[target]!.id : null, items: gapItems },
    // a copy: `p.role` is the compiled framework's own entry, and results are the caller's to change
    role: p.role === null ? null : { title: p.role.title, level: p.role.level },
    explanation: explainCached(c, p.facts, outcomes, met, best, overlapTo, target, p.target !== undefined, p.role),
  };
}

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as Promise<T>)?.then === 'function';

/** Rule outcomes for every level: synchronous when all are cached, so a batch only awaits on a miss. */
function evaluateAll(p: Prepared): LevelOutcome[] | Promise<LevelOutcome[]> {
  const n = p.facts.length;
  const pending: (LevelOutcome | Promise<LevelOutcome>)[] = new Array(n);
  let waiting = false;
  for (let l = 0; l < n; l++) {
    const o = evaluateLevel(p.c, p.facts[l]!);
    if (isPromise(o)) waiting = true;
    pending[l] = o;
  }
  return waiting ? Promise.all(pending) : (pending as LevelOutcome[]);
}


/**
 * Scratch for `assess`/`safeAssess`, one per framework, lent to one call at a time (a call made while it is
 * lent, say from a getter on the responses, gets none and allocates). It is only used while the call runs
 * synchronously: when a rule outcome is not cached the engine reads the facts after the call has returned,
 * so the prepared data is first copied out of the scratch.
 */
const singleScratch = new WeakMap<CompiledFramework, { scratch: Prepared; busy: boolean }>();

function detach(p: Prepared): Prepared {
  return {
    c: p.c,
    ratings: p.ratings.slice(),
    met: p.met.slice(),
    facts: p.facts.map((f) => ({ ...f })),
    target: p.target,
    role: p.role,
  };
}

/** One person: synchronous when every rule outcome is cached (the usual case once a framework is warm). */
function assessOne(framework: Framework, responses: unknown, options: AssessOptions | undefined): SafeResult<LevelFit> | Promise<SafeResult<LevelFit>> {
  const c = frameworkOf(framework);
  let lent = singleScratch.get(c);
  if (lent === undefined) {
    lent = { scratch: scratchFor(c), busy: false };
    singleScratch.set(c, lent);
  }
  const own = !lent.busy;
  if (own) lent.busy = true;
  try {
    const p = prepare(c, responses, options, own ? lent.scratch : undefined);
    if (!p.success) return p;
    let data = p.data;
    const n = data.facts.length;
    const outcomes: LevelOutcome[] = new Array(n);
    let l = 0;
    for (; l < n; l++) {
      const o = cached(c, data.facts[l]!);
      if (o === undefined) break;
      outcomes[l] = o;
    }
    if (l === n) return { success: true, data: buildLevelFit(data, outcomes) };
    if (own && data === lent.scratch) data = detach(data);
    const prepared = data;
    return evaluateAllAsync(prepared).then((o) => ({ success: true, data: buildLevelFit(prepared, o) }));
  } finally {
    if (own) lent.busy = false;
  }
}

async function evaluateAllAsync(p: Prepared): Promise<LevelOutcome[]> {
  const o = evaluateAll(p);
  return isPromise(o) ? await o : o;
}

/**
 * Scores one person's responses against a framework. Rejects with an `AssessmentError` whose issues name
 * each unknown item id or off-scale rating; a missing rating counts as the lowest point of the scale.
 */
export async function assess(framework: Framework, responses: unknown, options?: AssessOptions): Promise<LevelFit> {
  // no inner async call: a cached assessment settles with one promise
  const r = assessOne(framework, responses, options);
  const done = isPromise(r) ? await r : r;
  if (!done.success) throw new AssessmentError(done.issues);
  return done.data;
}

/** `assess` without throwing for bad responses: `{ success, data | issues }`. */
export async function safeAssess(framework: Framework, responses: unknown, options?: AssessOptions): Promise<SafeResult<LevelFit>> {
  try {
    const r = assessOne(framework, responses, options);
    return isPromise(r) ? await r : r;
  } catch (err) {
    // an invalid framework: its issues, under "framework"
    if (err instanceof FrameworkError) return { success: false, issues: err.issues.map((i) => ({ ...i, path: ['framework', ...i.path] })) };
    throw err;
  }
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
  const scratch = scratchFor(c);
  const L = c.levels.length;
  const hits: LevelOutcome[] = new Array(L);
  for (let n = 0; n < people.length; n++) {
    const o = typeof options === 'function' ? options(n) : options;
    // the common row (no options, well-formed) straight into the scratch; anything else through `prepare`
    let data: Prepared | undefined;
    try {
      data = o == null ? prepareWellFormed(c, people[n], scratch) : undefined;
    } catch {
      out[n] = unreadable();
      continue;
    }
    if (data === undefined) {
      const p = o == null ? prepare(c, people[n], {}) : prepare(c, people[n], o, scratch);
      if (!p.success) {
        out[n] = p;
        continue;
      }
      data = p.data;
    }
    let l = 0;
    for (; l < L; l++) {
      const hit = cached(c, data.facts[l]!);
      if (hit === undefined) break;
      hits[l] = hit;
    }
    // buildLevelFit keeps no reference to the outcome list, so the batch reuses one
    const outcomes = l === L ? hits : await evaluateAllAsync(data);
    out[n] = { success: true, data: buildLevelFitForBatch(data, outcomes) };
  }
  return out;
}
