/**
 * build/replacements/hash-it.js against hash-it, for the call json-rules-engine makes:
 * `hash({ id, params })`, the key of its per-run cache of computed facts, compared only for equality. The
 * two must agree on which inputs are the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
// @ts-expect-error: a plain .js build module without type declarations
import * as replacement from '../../build/replacements/hash-it.js';
import { resolveDotPath } from '../../packages/engine/src/level-fit/dot-path.ts';
import { loadJsonRulesEngine, originalDependency, runWorkload } from '../support/json-rules-engine.ts';

const original = (originalDependency('hash-it') as { default: (v: unknown) => unknown }).default;
const hash = (replacement as { default: (v: unknown) => string }).default;

// Fact params come from rule JSON (or from code calling engine.addFact): JSON values, plus undefined.
const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double(), fc.constantFrom('', '1', 'a', 'b'));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', '0'), tie('value'), { maxKeys: 3 })),
}));
const key = fc.record({ id: fc.constantFrom('score', 'ratings', 'met'), params: value });

/** The same data with every object's keys in reverse order. */
function reordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reordered);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)]));
  return v;
}

test('the same data gives the same key in both, whatever the key order', () => {
  fc.assert(
    fc.property(key, (k) => {
      assert.equal(original(reordered(k)), original(k));
      assert.equal(hash(reordered(k)), hash(k));
    }),
    { seed: 0x4a5, numRuns: 500 },
  );
});

test('two inputs share a key in the replacement exactly when they share one in hash-it', () => {
  fc.assert(
    fc.property(key, key, (a, b) => {
      assert.equal(hash(a) === hash(b), original(a) === original(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }),
    { seed: 0x4a6, numRuns: 2000 },
  );
  // the distinctions hash-it makes that JSON text alone would lose
  const pairs: [unknown, unknown][] = [[{ a: undefined }, {}], [{ a: '1' }, { a: 1 }], [[], {}], [{ a: null }, { a: undefined }], [[1, 2], { 0: 1, 1: 2 }], [NaN, null]];
  for (const [a, b] of pairs) {
    assert.equal(hash(a) === hash(b), original(a) === original(b), `${String(a)} vs ${String(b)}`);
  }
});

test('json-rules-engine with the replacement computes each cached fact as often as with hash-it', async () => {
  const jreOriginal = loadJsonRulesEngine();
  const jreReplaced = loadJsonRulesEngine({ 'hash-it': replacement });
  for (const ratings of [{ care: 3, lead: 2 }, { care: 4 }, {}]) {
    const want = await runWorkload(jreOriginal, { ratings }, { pathResolver: resolveDotPath });
    const computed = want.filter((t) => Array.isArray(t) && t[0] === 'compute score').length;
    if (Object.keys(ratings).length) assert.equal(computed, 2, 'two distinct params, one of them asked for twice in another key order');
    assert.deepEqual(await runWorkload(jreReplaced, { ratings }, { pathResolver: resolveDotPath }), want);
  }
});
