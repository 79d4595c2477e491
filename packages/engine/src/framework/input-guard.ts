/**
 * The input guard: what every piece of untrusted JSON (a framework, a bank, responses, quiz answers) passes
 * before any schema or check reads it. It rejects the keys that reach a prototype (`__proto__`,
 * `constructor`, `prototype`), nesting deeper than a limit (so also cycles) and inputs with too many objects,
 * without recursion, so hostile input cannot overflow the stack or pollute `Object.prototype`.
 */
import { FORBIDDEN_KEYS, LIMITS } from '../constants.js';
import type { Issue, IssuePath } from '../errors.js';

/** A non-null, non-array object: what JSON calls an object. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const forbidden: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

/** Whether a key is one `__proto__`/`constructor`/`prototype` (never allowed in framework or response JSON). */
export const isForbiddenKey = (key: string): boolean => forbidden.has(key);

/**
 * Ids become keys of `ratings` and of the rule facts `met` and `ratings`, so an id may not be the name of a
 * property every object has (`constructor`, `toString`, …) nor a forbidden key.
 */
const reservedNames: ReadonlySet<string> = new Set([...FORBIDDEN_KEYS, ...Object.getOwnPropertyNames(Object.prototype)]);

export const isReservedName = (id: string): boolean => reservedNames.has(id);

/** Past this many objects and arrays an input is rejected (shared references could otherwise multiply the walk). */
const MAX_NODES = 250_000;

/** Where a value sits: its parent's place and its key. Paths are only spelled out for an issue. */
interface Place {
  parent: Place | undefined;
  key: string | number;
  depth: number;
}

function pathOf(place: Place | undefined, root: IssuePath): IssuePath {
  const keys: (string | number)[] = [];
  for (let p = place; p !== undefined; p = p.parent) keys.push(p.key);
  return [...root, ...keys.reverse()];
}

/**
 * Walks untrusted JSON once, iteratively. With `copy`, it also returns a fresh copy made of plain objects and
 * arrays (own enumerable keys only), so parsing never freezes or changes the caller's objects.
 */
function walk(input: unknown, maxDepth: number, root: IssuePath, copy: boolean): { issues: Issue[]; value: unknown } {
  const issues: Issue[] = [];
  const out: { value?: unknown } = {};
  const stack: [unknown, Place | undefined, Record<string | number, unknown>, string | number][] = [[input, undefined, out, 'value']];
  let nodes = 0;
  while (stack.length > 0 && issues.length < 50) {
    const [value, place, parent, at] = stack.pop()!;
    if (typeof value !== 'object' || value === null) {
      if (copy) parent[at] = value;
      continue;
    }
    const depth = place === undefined ? 0 : place.depth;
    if (depth > maxDepth) {
      issues.push({ code: 'too_deep', path: pathOf(place, root), message: `nesting is deeper than ${maxDepth} levels` });
      continue;
    }
    if (++nodes > MAX_NODES) {
      issues.push({ code: 'too_big', path: pathOf(place, root), message: `more than ${MAX_NODES} objects and arrays` });
      break;
    }
    const isArray = Array.isArray(value);
    const target = copy ? ((parent[at] = isArray ? [] : {}) as Record<string | number, unknown>) : undefined;
    // Scalars are copied where they are met; only objects and arrays go on the stack (so a flat object,
    // such as a person's ratings, costs one pass over its keys).
    if (isArray) {
      if (target) (target as unknown as unknown[]).length = value.length;
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) stack.push([v, { parent: place, key: i, depth: depth + 1 }, target!, i]);
        else if (target) target[i] = v;
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (forbidden.has(key)) {
        issues.push({ code: 'forbidden_key', path: pathOf({ parent: place, key, depth: depth + 1 }, root), message: `the key "${key}" is not allowed` });
        continue;
      }
      const v = (value as Record<string, unknown>)[key];
      if (target) target[key] = v; // in the caller's key order; an object is replaced by its copy when walked
      if (typeof v === 'object' && v !== null) stack.push([v, { parent: place, key, depth: depth + 1 }, target!, key]);
    }
  }
  return { issues, value: out.value };
}

/** The structural checks without copying: used for responses and answers. */
export function checkStructure(input: unknown, maxDepth: number = LIMITS.depth, root: IssuePath = []): Issue[] {
  return walk(input, maxDepth, root, false).issues;
}

/** The structural checks and a fresh copy of plain objects and arrays (what parsers validate and freeze). */
export function copyStructure(input: unknown, maxDepth: number = LIMITS.depth): { issues: Issue[]; value: unknown } {
  return walk(input, maxDepth, [], true);
}

/** What a value is, as a message says it: `1.5`, `NaN`, `null`, `a list`, `a string`. */
export function received(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return Number.isFinite(v) ? `${v}` : String(v);
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * An untrusted value as a message quotes it: a string quoted and cut to 80 characters, a number or boolean as
 * is, anything else by what it is. Never JSON.stringify an untrusted object (it throws on a BigInt, never ends
 * on shared references) nor String() it (throws without a prototype).
 */
export function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 80 ? `${JSON.stringify(v.slice(0, 79)).slice(0, -1)}…"` : JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === undefined) return 'undefined';
  return received(v);
}
