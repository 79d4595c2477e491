/**
 * build/replacements/clone.js against clone, for the calls json-rules-engine makes: a rule's conditions (a
 * tree of Condition instances), its event, priority and name into each RuleResult, and a named condition
 * into the rule that references it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
// @ts-expect-error: a plain .js build module without type declarations
import * as replacement from '../../build/replacements/clone.js';
import { resolveDotPath } from '../../packages/engine/src/level-fit/dot-path.ts';
import { loadJsonRulesEngine, originalDependency, runWorkload } from '../support/json-rules-engine.ts';

const original = originalDependency('clone') as (v: unknown) => unknown;
const clone = (replacement as { default: (v: unknown) => unknown }).default;
const require = createRequire(import.meta.url);
const Condition = (require('json-rules-engine/dist/condition.js') as { default: new (json: unknown) => object }).default;

const json = fc.jsonValue({ maxDepth: 3 });
const leafCondition = fc.record(
  {
    fact: fc.constantFrom('ratings', 'met', 'kinds'),
    path: fc.constantFrom('care', 'lead'),
    operator: fc.constantFrom('equal', 'in', 'greaterThanInclusive', 'someFact:equal'),
    value: json,
    params: fc.dictionary(fc.string({ maxLength: 3 }), json, { maxKeys: 2 }),
    priority: fc.integer({ min: 1, max: 9 }),
  },
  { requiredKeys: ['fact', 'operator', 'value'] },
);
const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small' },
    leafCondition,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
    fc.record({ condition: fc.constantFrom('caresWell', 'leads') }),
  ),
}));
const group = fc.oneof(fc.record({ all: fc.array(condition, { maxLength: 3 }) }), fc.record({ any: fc.array(condition, { maxLength: 3 }) }));

/** Both copies are equal to clone's (prototypes included) and share no object with the source. */
function assertSameCopy(source: unknown) {
  const want = original(source);
  const got = clone(source);
  assert.deepStrictEqual(got, want);
  const objects = (v: unknown, into = new Set<unknown>()): Set<unknown> => {
    if (v && typeof v === 'object') {
      into.add(v);
      Object.values(v).forEach((x) => objects(x, into));
    }
    return into;
  };
  const fromSource = objects(source);
  for (const o of objects(got)) assert.ok(!fromSource.has(o), 'the copy shares an object with its source');
}

test('Condition trees (as a rule and a named condition hold them) copy as clone copies them', () => {
  fc.assert(
    fc.property(group, (g) => assertSameCopy(new Condition(g))),
    { seed: 0xc1, numRuns: 300 },
  );
});

test('events, priorities and names copy as clone copies them', () => {
  const event = fc.record({ type: fc.constantFrom('attained', 'overlap'), params: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.double(), fc.boolean())) }, { requiredKeys: ['type'] });
  fc.assert(
    fc.property(fc.oneof(event, fc.integer(), fc.string(), fc.constant(undefined), json), (v) => assertSameCopy(v)),
    { seed: 0xc2, numRuns: 500 },
  );
});

test('json-rules-engine with the replacement gives the same rule results as with clone', async () => {
  const jreOriginal = loadJsonRulesEngine();
  const jreReplaced = loadJsonRulesEngine({ clone: replacement });
  for (const ratings of [{ care: 3, lead: 2 }, { care: 1, lead: 4 }, {}]) {
    const want = await runWorkload(jreOriginal, { ratings }, { pathResolver: resolveDotPath });
    assert.deepEqual(await runWorkload(jreReplaced, { ratings }, { pathResolver: resolveDotPath }), want);
  }
});
