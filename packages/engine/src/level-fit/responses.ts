/**
 * A person's responses: reading and checking their ratings against a framework. Every unknown item id, rating
 * off the scale, unknown target level or role is an issue with a path; nothing throws. What passes becomes
 * the ratings and the met/not met bitmap by item index, and the facts for each level.
 */
import { LIMITS } from '../constants.js';
import type { Issue, IssuePath, SafeResult } from '../errors.js';
import type { CompiledFramework } from '../framework/compile.js';
import { checkStructure, isForbiddenKey, isPlainObject, show } from '../framework/input-guard.js';
import { itemFacts, levelFacts, type LevelFacts } from './facts.js';
import type { AssessOptions } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;
const forbiddenKey = (path: IssuePath): Issue => ({ code: 'forbidden_key', path, message: `the key "${path[path.length - 1]}" is not allowed` });

/** Everything about one assessment that does not need the rules. */
export interface Prepared {
  c: CompiledFramework;
  /** The rating per item index (0 when unanswered). */
  ratings: Uint8Array;
  /** 1 where the rating reaches the scale's `met`. */
  met: Uint8Array;
  facts: LevelFacts[];
  /** The level index gaps are listed against, when the caller chose one. */
  target: number | undefined;
  role: { title: string; level: string } | null;
}

/** The item index of `id`: usually the next one, as answers tend to come in framework order. */
function indexOf(c: CompiledFramework, id: string, next: number): number | undefined {
  return next < c.ids.length && c.ids[next] === id ? next : c.itemIndex.get(id);
}

/**
 * Validates responses and options against the framework; returns issues with paths rather than throwing.
 * One pass over the keys; a value that is itself an object or array (never a valid rating) goes through the
 * input guard, and when the guard finds forbidden keys or hostile nesting, those are the issues reported.
 */
export function prepare(c: CompiledFramework, responses: unknown, options: AssessOptions | null = {}): SafeResult<Prepared> {
  try {
    return read(c, responses, options);
  } catch {
    return unreadable();
  }
}

/** Responses (or options) whose getters or Proxy traps threw: the thrown value is never read, it may be hostile too. */
const unreadable = (): { success: false; issues: Issue[] } => ({
  success: false,
  issues: [{ code: 'invalid_value', path: [], message: 'the responses could not be read (a getter or proxy threw an error)' }],
});

function read(c: CompiledFramework, responses: unknown, options: AssessOptions | null): SafeResult<Prepared> {
  options ??= {}; // JavaScript callers pass null for "no options"
  if (!isPlainObject(responses)) {
    const structural = checkStructure(responses);
    if (structural.length) return { success: false, issues: structural };
    return { success: false, issues: [{ code: 'invalid_type', path: [], message: 'responses must be an object { ratings: { [itemId]: rating } }' }] };
  }
  const structural: Issue[] = [];
  const issues: Issue[] = [];
  const guard = (value: unknown, path: IssuePath) => {
    if (typeof value === 'object' && value !== null) structural.push(...checkStructure(value, LIMITS.depth - path.length, path));
  };
  for (const key of Object.keys(responses)) {
    if (isForbiddenKey(key)) structural.push(forbiddenKey([key]));
    else if (key !== 'ratings') {
      issues.push({ code: 'unrecognized_keys', path: [key], message: `unexpected key "${key}"` });
      guard(responses[key], [key]);
    }
  }
  const ratings = new Uint8Array(c.items.length);
  const met = new Uint8Array(c.items.length);
  const given = hasOwn.call(responses, 'ratings') && responses.ratings !== undefined ? responses.ratings : {};
  if (!isPlainObject(given)) {
    guard(given, ['ratings']);
    issues.push({ code: 'invalid_type', path: ['ratings'], message: 'ratings must be an object of item id → rating' });
  } else {
    const metAt = c.framework.scale.met;
    let next = 0;
    for (const id of Object.keys(given)) {
      const i = indexOf(c, id, next);
      const value = given[id];
      if (isForbiddenKey(id)) {
        structural.push(forbiddenKey(['ratings', id]));
      } else if (i === undefined) {
        issues.push({ code: 'unknown_item', path: ['ratings', id], message: `no item in ${c.framework.id} has the id "${id}"` });
        guard(value, ['ratings', id]);
      } else if (value === undefined) {
        next = i + 1;
      } else if (typeof value !== 'number' || !c.scaleValues.has(value)) {
        const allowed = c.framework.scale.values.map((v) => v.value);
        issues.push({
          code: 'rating_off_scale',
          path: ['ratings', id],
          message: `the rating for "${id}" is ${typeof value === 'number' ? `${value}${Number.isFinite(value) ? '' : ' (not a finite number)'}` : show(value)}; it must be one of ${allowed.join(', ')}`,
        });
        guard(value, ['ratings', id]);
      } else {
        ratings[i] = value;
        met[i] = value >= metAt ? 1 : 0;
        next = i + 1;
      }
    }
  }
  if (structural.length) return { success: false, issues: structural.slice(0, 50) };
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
