/**
 * The input guard: what every piece of untrusted JSON (a framework, a bank, responses, quiz answers) passes
 * before any schema or check reads it. It rejects the keys that reach a prototype (`__proto__`,
 * `constructor`, `prototype`), nesting deeper than a limit (so also cycles) and inputs with too many objects,
 * without recursion, so hostile input cannot overflow the stack or pollute `Object.prototype`. Text and keys
 * longer than the documented limits are rejected here, before any regular expression reads them, and a
 * getter or Proxy that throws is reported as an unreadable value, never rethrown.
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

/**
 * Walks untrusted JSON once before any schema sees it: rejects `__proto__`/`constructor`/`prototype` keys,
 * nesting deeper than `maxDepth` (so also cycles) and inputs of more than MAX_NODES objects. Iterative, so
 * hostile depth cannot overflow the stack. With `copy`, it also returns a fresh copy made of plain objects and
 * arrays (own enumerable keys only), so parsing never freezes or changes the caller's objects.
 */
function walk(input: unknown, maxDepth: number, root: IssuePath, copy: boolean): { issues: Issue[]; value: unknown } {
  const issues: Issue[] = [];
  const out: { value?: unknown } = {};
  const stack: WalkStack = [[input, root, out, 'value']];
  let nodes = 0;
  while (stack.length > 0 && issues.length < 50) {
    const [value, path, parent, at] = stack.pop()!;
    if (typeof value === 'string' && value.length > LIMITS.stringLength) {
      issues.push({ code: 'too_big', path, message: `text longer than ${LIMITS.stringLength} characters (${value.length})` });
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      if (copy) parent[at] = value;
      continue;
    }
    if (path.length - root.length > maxDepth) {
      issues.push({ code: 'too_deep', path, message: `nesting is deeper than ${maxDepth} levels` });
      continue;
    }
    if (++nodes > MAX_NODES) {
      issues.push({ code: 'too_big', path, message: `more than ${MAX_NODES} objects and arrays` });
      break;
    }
    // A getter or a Proxy trap may throw (or a revoked Proxy, on Array.isArray): the input is then reported
    // as unreadable at that path; the thrown value itself is never read, since it may be hostile too.
    try {
      readNode(value, path, copy ? parent : undefined, at, stack, issues);
    } catch {
      issues.push({ code: 'invalid_value', path, message: 'this value could not be read (a getter or proxy threw an error)' });
    }
  }
  return { issues, value: out.value };
}

type WalkStack = [unknown, IssuePath, Record<string | number, unknown>, string | number][];

/** One object or array of `walk`: its entries onto the stack (and, when copying, an empty copy into `parent`). */
function readNode(
  value: object,
  path: IssuePath,
  parent: Record<string | number, unknown> | undefined,
  at: string | number,
  stack: WalkStack,
  issues: Issue[],
): void {
  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = [];
  if (isArray) {
    for (let i = 0; i < value.length; i++) entries.push([i, value[i]]);
  } else {
    for (const key of Object.keys(value)) {
      if (key.length > LIMITS.keyLength) {
        issues.push({ code: 'too_big', path, message: `a key longer than ${LIMITS.keyLength} characters (${key.length})` });
        continue;
      }
      if (forbidden.has(key)) {
        issues.push({ code: 'forbidden_key', path: [...path, key], message: `the key "${key}" is not allowed` });
        continue;
      }
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        issues.push({ code: 'invalid_value', path: [...path, key], message: 'this value could not be read (a getter or proxy threw an error)' });
        continue;
      }
      entries.push([key, v]);
    }
  }
  // everything is read before anything is kept, so a getter that throws half-way leaves no partial copy
  const target = parent ? ((parent[at] = isArray ? new Array(entries.length) : {}) as Record<string | number, unknown>) : undefined;
  if (target && !isArray) for (const [key] of entries) target[key] = undefined; // keeps the caller's key order
  for (let i = entries.length - 1; i >= 0; i--) {
    const [key, v] = entries[i]!;
    stack.push([v, [...path, key], target!, key]);
  }
}

/** The structural checks without copying: used for responses and answers. */
export function checkStructure(input: unknown, maxDepth: number = LIMITS.depth, root: IssuePath = []): Issue[] {
  return walk(input, maxDepth, root, false).issues;
}

/** The structural checks and a fresh copy of plain objects and arrays (what parsers validate and freeze). */
export function copyStructure(input: unknown, maxDepth: number = LIMITS.depth): { issues: Issue[]; value: unknown } {
  return walk(input, maxDepth, [], true);
}

/** Freezes a parser's own fresh copy, all the way down (never the caller's object: parsers copy first). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
