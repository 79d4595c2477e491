/**
 * build/replacements/jsonpath-plus.js stands in for jsonpath-plus, which json-rules-engine calls only from
 * its default path resolver. levelfit always hands the Engine its own resolver, so the call never happens:
 * this runs every built-in framework through the engine with the real jsonpath-plus watched, and checks
 * that the watch does see calls when an Engine has no resolver of its own.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
// @ts-expect-error: a plain .js build module without type declarations
import * as replacement from '../../build/replacements/jsonpath-plus.js';
import { assess, BUILTIN_IDS, frameworks } from '../../packages/engine/src/index.ts';
import { compile } from '../../packages/engine/src/framework/compile.ts';
import { resolveDotPath } from '../../packages/engine/src/level-fit/dot-path.ts';
import { loadJsonRulesEngine, originalDependency, runWorkload } from '../support/json-rules-engine.ts';

// The module object json-rules-engine's almanac reads `JSONPath` from at each call.
const jsonpath = originalDependency('jsonpath-plus') as { JSONPath: (...args: unknown[]) => unknown };
const real = jsonpath.JSONPath;
let calls = 0;
jsonpath.JSONPath = (...args: unknown[]) => {
  calls += 1;
  return real(...args);
};
after(() => {
  jsonpath.JSONPath = real;
});

test('the replacement fails loudly, with a code, if anything ever calls it', () => {
  assert.throws(() => (replacement as { JSONPath: () => unknown }).JSONPath(), /lf-no-jsonpath/);
});

test('the watch sees the calls an Engine without its own path resolver makes', async () => {
  calls = 0;
  await runWorkload(loadJsonRulesEngine(), { ratings: { care: 3, lead: 2 } });
  assert.ok(calls > 0);
});

test("levelfit's engine never calls jsonpath-plus, for any built-in framework and any answers", async () => {
  calls = 0;
  for (const id of BUILTIN_IDS) {
    const fw = frameworks[id];
    assert.equal((compile(fw).engine as unknown as { pathResolver: unknown }).pathResolver, resolveDotPath);
    const values = fw.scale.values.map((v) => v.value);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...values), { minLength: fw.items.length, maxLength: fw.items.length }), async (picked) => {
        await assess(fw, { ratings: Object.fromEntries(fw.items.map((item, i) => [item.id, picked[i]!])) });
      }),
      { seed: 0x1a, numRuns: 20 },
    );
  }
  assert.equal(calls, 0);
});
