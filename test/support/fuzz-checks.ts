/**
 * Oracles for the fuzz suites: what an issue, a parse result and a LevelFit must look like, written from the
 * data contract (data/README.md) rather than from the engine's code.
 */
import assert from 'node:assert/strict';
import { FORBIDDEN_KEYS, LIMITS } from '../../packages/engine/src/constants.ts';
import { isParsedFramework } from '../../packages/engine/src/internal.ts';
import {
  ISSUE_CODES,
  type Framework,
  type Issue,
  type LevelFit,
  type SafeResult,
} from '../../packages/engine/src/index.ts';

const codes: ReadonlySet<string> = new Set(ISSUE_CODES);

/** Every issue has a known code, a path of strings and numbers, and a message. */
export function assertIssues(issues: unknown, what: string): asserts issues is Issue[] {
  assert.ok(Array.isArray(issues) && issues.length > 0, `${what}: a failure lists at least one issue`);
  for (const issue of issues as unknown[]) {
    assert.ok(typeof issue === 'object' && issue !== null, `${what}: an issue is an object`);
    const { code, path, message } = issue as Record<string, unknown>;
    assert.ok(typeof code === 'string' && codes.has(code), `${what}: issue code ${String(code)} is one of ISSUE_CODES`);
    assert.ok(Array.isArray(path), `${what}: issue path is an array`);
    for (const seg of path as unknown[]) {
      assert.ok(
        typeof seg === 'string' || (typeof seg === 'number' && Number.isInteger(seg) && seg >= 0),
        `${what}: path segments are strings or array indices (${String(seg)})`,
      );
    }
    assert.ok(typeof message === 'string' && message.length > 0, `${what}: issue message is non-empty text`);
  }
}

/** The container a path's parent segments reach in `root`, or undefined when some segment is not there. */
export function parentOf(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Every issue's path leads into the input: all but its last segment name existing containers. */
export function assertPathsInto(root: unknown, issues: readonly Issue[], what: string): void {
  for (const issue of issues) {
    if (issue.path.length === 0) continue;
    const parent = parentOf(root, issue.path);
    if (typeof parent !== 'object' || parent === null) {
      assert.fail(`${what}: the path of "${issue.code}" (${JSON.stringify(issue.path).slice(0, 200)}) leads into the input`);
    }
  }
}

/** A successful parse is a frozen, recognised framework whose JSON parses again to the same framework. */
export function assertParsedFramework(fw: Framework, reparse: (text: string) => SafeResult<Framework>, what: string): void {
  assert.ok(isParsedFramework(fw), `${what}: the result is recognised as parsed`);
  assert.ok(Object.isFrozen(fw) && Object.isFrozen(fw.items) && Object.isFrozen(fw.rules[0]), `${what}: the result is frozen`);
  const text = JSON.stringify(fw);
  const again = reparse(text);
  assert.ok(again.success, `${what}: the parsed framework's JSON parses again`);
  assert.equal(JSON.stringify(again.data), text, `${what}: parsing is idempotent`);
}

/** Independent check of responses and options against a framework: null when valid, else why not. */
export function responsesProblem(fw: Framework, responses: unknown, options: unknown): string | null {
  // a getter or Proxy that throws makes the input unreadable: the engine must report it, not throw
  try {
    return readableResponsesProblem(fw, responses, options);
  } catch {
    return 'unreadable (a getter or proxy threw)';
  }
}

function readableResponsesProblem(fw: Framework, responses: unknown, options: unknown): string | null {
  const forbidden: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);
  let nodes = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (typeof v === 'string' && v.length > LIMITS.stringLength) return 'text too long';
    if (typeof v !== 'object' || v === null) return null;
    if (depth > LIMITS.depth) return 'too deep';
    // shared references: 31 objects can hold 2^30 paths; any input that large is refused
    if (++nodes > 250_000) return 'too many objects';
    for (const key of Object.keys(v)) {
      if (key.length > LIMITS.keyLength) return 'key too long';
      if (forbidden.has(key)) return `forbidden key ${key}`;
      const p = walk((v as Record<string, unknown>)[key], depth + 1);
      if (p) return p;
    }
    return null;
  };
  const deep = walk(responses, 0);
  if (deep) return deep;
  if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) return 'responses are not an object';
  for (const key of Object.keys(responses)) if (key !== 'ratings') return `unexpected key ${key}`;
  const ratings = (responses as { ratings?: unknown }).ratings;
  if (ratings !== undefined) {
    if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) return 'ratings are not an object';
    const ids = new Set(fw.items.map((i) => i.id));
    const scale = new Set(fw.scale.values.map((v) => v.value));
    for (const [id, value] of Object.entries(ratings)) {
      if (!ids.has(id)) return `unknown item ${id}`;
      if (value !== undefined && (typeof value !== 'number' || !scale.has(value))) return `off-scale rating for ${id}`;
    }
  }
  const opts = typeof options === 'object' && options !== null ? (options as { target?: unknown; role?: unknown }) : {};
  if (opts.target !== undefined && !fw.levels.some((l) => l.id === opts.target)) return 'unknown target';
  if (opts.role !== undefined) {
    const role = opts.role;
    if (typeof role !== 'string' || !fw.levels.some((l) => l.roles.some((r) => r.trim().toLowerCase() === role.trim().toLowerCase()))) {
      return 'unknown role';
    }
  }
  return null;
}

const inUnit = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;

/** A LevelFit's invariants, for valid responses (rating per item id; missing = unanswered). */
export function assertLevelFit(fw: Framework, ratings: Readonly<Record<string, number>>, options: { target?: string; role?: string }, fit: LevelFit, what: string): void {
  const rating = (id: string) => (Object.prototype.hasOwnProperty.call(ratings, id) && ratings[id] !== undefined ? ratings[id]! : undefined);
  const isMet = (id: string) => (rating(id) ?? -Infinity) >= fw.scale.met;
  assert.equal(fit.frameworkId, fw.id, `${what}: frameworkId`);
  assert.equal(fit.frameworkVersion, fw.version, `${what}: frameworkVersion`);
  assert.deepEqual(
    fit.levels.map((l) => l.level),
    fw.levels.map((l) => l.id),
    `${what}: one result per level, in order`,
  );
  fit.levels.forEach((l) => {
    // an optional indicator that is not met is not required: neither met nor missing, not counted
    const required = fw.items.filter((i) => i.levels.includes(l.level) && (i.optional !== true || isMet(i.id)));
    const core = required.filter((i) => i.kind !== 'indicator');
    const indicators = required.filter((i) => i.kind === 'indicator');
    assert.ok(inUnit(l.competenceCoverage) && inUnit(l.indicatorCoverage), `${what}: ${l.level} coverages in 0..1`);
    assert.deepEqual(l.met, required.filter((i) => isMet(i.id)).map((i) => i.id), `${what}: ${l.level} met`);
    assert.deepEqual(l.missing, required.filter((i) => !isMet(i.id)).map((i) => i.id), `${what}: ${l.level} missing`);
    assert.deepEqual(l.competences, { required: core.length, met: core.filter((i) => isMet(i.id)).length }, `${what}: ${l.level} competences`);
    assert.deepEqual(l.indicators, { required: indicators.length, met: indicators.filter((i) => isMet(i.id)).length }, `${what}: ${l.level} indicators`);
    assert.ok(!('coverage' in l), `${what}: ${l.level} has no blended coverage`);
  });
  const attained = fit.levels.map((l, i) => (l.attained ? i : -1)).filter((i) => i >= 0);
  const best = attained.length ? attained[attained.length - 1]! : -1;
  assert.equal(fit.bestFit, best >= 0 ? fw.levels[best]!.id : null, `${what}: bestFit is the highest attained level`);
  if (fit.overlap) {
    assert.ok(best >= 0 && best + 1 < fw.levels.length, `${what}: an overlap needs a best fit below the top`);
    assert.deepEqual([fit.overlap.from, fit.overlap.to], [fw.levels[best]!.id, fw.levels[best + 1]!.id], `${what}: overlap is best fit → next level`);
    for (const item of fit.overlap.items) {
      assert.ok(isMet(item.id), `${what}: overlap items are met`);
      assert.ok(fw.items.find((i) => i.id === item.id)!.levels.includes(fit.overlap.to), `${what}: overlap items belong to the next level`);
    }
  }
  const expectedTarget =
    options.target !== undefined ? options.target : best + 1 < fw.levels.length ? fw.levels[best + 1]!.id : null;
  assert.equal(fit.gaps.target, expectedTarget, `${what}: gaps.target`);
  const gapIds = expectedTarget === null ? [] : fit.levels.find((l) => l.level === expectedTarget)!.missing;
  assert.deepEqual(fit.gaps.items.map((i) => i.id), gapIds, `${what}: gaps are the target's missing items`);
  for (const item of [...fit.gaps.items, ...(fit.overlap?.items ?? [])]) {
    assert.equal(item.rating, rating(item.id) ?? 0, `${what}: FitItem rating for ${item.id}`);
  }
  if (options.role === undefined) assert.equal(fit.role, null, `${what}: no role asked`);
  else {
    assert.ok(fit.role, `${what}: the role is named`);
    const level = fw.levels.find((l) => l.id === fit.role!.level)!;
    assert.ok(level.roles.some((r) => r.trim().toLowerCase() === options.role!.trim().toLowerCase()), `${what}: role level lists the role`);
  }
  assert.ok(Array.isArray(fit.explanation) && fit.explanation.every((s) => typeof s === 'string' && s.length > 0), `${what}: explanation sentences`);
}
