/**
 * json-rules-engine beside the browser build's replacements of its dependencies (build/replacements/). The
 * build swaps those modules by alias; here `loadJsonRulesEngine` loads a fresh copy of json-rules-engine's
 * CommonJS build whose `require(name)` returns a given module instead, and `runWorkload` drives it through
 * every path that reaches those dependencies (rule events and listeners, named conditions, cached dynamic
 * facts with params, fact paths), recording what happens so two copies can be compared.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);
const JRE_DIR = dirname(require.resolve('json-rules-engine/package.json'));
const jreRequire = createRequire(join(JRE_DIR, 'dist', 'index.js'));

/** The part of json-rules-engine the tests drive (it ships its own types, but this copy is loaded by path). */
export interface JsonRulesEngine {
  Engine: new (rules?: unknown[], options?: Record<string, unknown>) => {
    addRule(rule: unknown): void;
    addFact(id: string, fn: (params: Record<string, unknown>) => unknown, options?: Record<string, unknown>): void;
    setCondition(name: string, conditions: unknown): void;
    on(type: string, fn: (...args: unknown[]) => unknown): void;
    run(facts: Record<string, unknown>): Promise<{ results: RuleResult[]; failureResults: RuleResult[]; events: unknown[]; failureEvents: unknown[] }>;
  };
}
interface RuleResult {
  toJSON(stringify: false): unknown;
}

/** The module `require(name)` returns inside json-rules-engine. */
export const originalDependency = (name: string): unknown => jreRequire(name);

/** A fresh copy of json-rules-engine in which `require(name)` of each listed dependency returns `deps[name]`. */
export function loadJsonRulesEngine(deps: Record<string, unknown> = {}): JsonRulesEngine {
  const cache = require.cache as Record<string, NodeJS.Module | undefined>;
  const saved = new Map<string, NodeJS.Module | undefined>();
  const dist = join(JRE_DIR, 'dist') + sep;
  for (const key of Object.keys(cache).filter((k) => k.startsWith(dist))) {
    saved.set(key, cache[key]);
    delete cache[key];
  }
  for (const [name, exports] of Object.entries(deps)) {
    const path = jreRequire.resolve(name);
    saved.set(path, cache[path]);
    const stand = new Module(path);
    stand.loaded = true;
    stand.exports = exports;
    cache[path] = stand;
  }
  try {
    return jreRequire('./index.js') as JsonRulesEngine;
  } finally {
    for (const key of Object.keys(cache).filter((k) => k.startsWith(dist))) delete cache[key];
    for (const [key, mod] of saved) {
      if (mod) cache[key] = mod;
      else delete cache[key];
    }
  }
}

/** What one rules run did, in order: listener calls, fact computations, and the results. */
export async function runWorkload(
  jre: JsonRulesEngine,
  facts: Record<string, unknown>,
  options: { pathResolver?: (value: unknown, path: string) => unknown } = {},
): Promise<unknown[]> {
  const trace: unknown[] = [];
  const engine = new jre.Engine([], { allowUndefinedFacts: true, ...options });
  engine.setCondition('caresWell', { all: [{ fact: 'ratings', path: 'care', operator: 'greaterThanInclusive', value: 3 }] });
  engine.addFact(
    'score',
    (params) => {
      trace.push(['compute score', params]);
      return Number(params.base) * 2;
    },
    { cache: true },
  );
  engine.addRule({
    name: 'attained',
    priority: 10,
    conditions: {
      all: [
        { condition: 'caresWell' },
        // the same params in another key order: hash-it gives the same cache key, so `score` is computed once
        { fact: 'score', params: { base: 2, tag: { b: 1, a: 2 } }, operator: 'equal', value: 4 },
        { fact: 'score', params: { tag: { a: 2, b: 1 }, base: 2 }, operator: 'equal', value: 4 },
        { fact: 'score', params: { base: 3 }, operator: 'greaterThan', value: 1 },
      ],
    },
    event: { type: 'attained', params: { level: 'two' } },
    onSuccess: (...args: unknown[]) => trace.push(['rule onSuccess', args[0]]),
    onFailure: (...args: unknown[]) => trace.push(['rule onFailure', args[0]]),
  });
  engine.addRule({
    name: 'overlap',
    priority: 5,
    conditions: { any: [{ not: { condition: 'caresWell' } }, { fact: 'ratings', path: 'lead', operator: 'in', value: [2, 4] }] },
    event: { type: 'overlap', params: { level: 'three', share: 0.25 } },
  });
  for (const type of ['success', 'failure', 'attained', 'overlap']) {
    engine.on(type, function (this: unknown, ...args: unknown[]) {
      trace.push([`engine ${type}`, args[0], this === engine]);
      return type;
    });
  }
  const out = await engine.run(facts);
  trace.push(['results', out.results.map((r) => r.toJSON(false)), out.failureResults.map((r) => r.toJSON(false))]);
  trace.push(['events', out.events, out.failureEvents]);
  return trace;
}
