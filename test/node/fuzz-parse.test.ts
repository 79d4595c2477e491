/**
 * Fuzzing `parseFramework` / `safeParseFramework` (issue #5) with malformed and hostile frameworks: mutations of
 * valid frameworks (wrong types, deleted keys, ~1 MB strings, 10 000-deep nesting, `__proto__`/`constructor`/
 * `prototype` own keys, duplicate ids, dangling references, hostile rule trees with unknown operators, JSONPath
 * script paths and shared-condition cycles), non-JSON objects (cycles, shared-reference DAGs, BigInt, NaN) and
 * fully random values and text.
 *
 * Properties, for every payload: `safeParseFramework` never throws; `parseFramework` throws only a
 * `FrameworkError`; the two agree; every issue has a code, a path into the input and a message; a success is a
 * frozen framework that round-trips through JSON; the caller's object is neither frozen nor changed; no case
 * takes over 2 s; `Object.prototype` is untouched. Seeds are fixed; totals go to test/fuzz-totals.json.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameworkError, parseFramework, safeParseFramework, type Framework } from '../../packages/engine/src/index.ts';
import {
  applyMutations,
  baseJson,
  BUILDERS,
  hostile,
  hostileText,
  mutatedFramework,
  mutatedRules,
  mutationsJsonSafe,
  toJsonText,
  type BuilderName,
  type MutatedCase,
} from '../support/arbitraries.ts';
import { assertIssues, assertParsedFramework, assertPathsInto } from '../support/fuzz-checks.ts';
import { runProperty, stopWatchdog, type CaseCounter } from '../support/fuzz-harness.ts';

after(stopWatchdog);

/** Checks one payload through both entry points; returns the safe result. */
function checkParse(input: unknown, pathRoot: unknown, what: string, count: CaseCounter): ReturnType<typeof safeParseFramework> {
  count.payload();
  let safe: ReturnType<typeof safeParseFramework>;
  try {
    safe = count.time(() => safeParseFramework(input));
  } catch (err) {
    assert.fail(`${what}: safeParseFramework threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
  }
  let thrown: unknown;
  let parsed: Framework | undefined;
  try {
    parsed = count.time(() => parseFramework(input));
  } catch (err) {
    thrown = err;
  }
  if (safe.success) {
    assert.equal(thrown, undefined, `${what}: parseFramework agrees with safeParseFramework (success)`);
    assertParsedFramework(safe.data, safeParseFramework, what);
    assert.deepEqual(JSON.stringify(parsed), JSON.stringify(safe.data), `${what}: both entry points return the same framework`);
  } else {
    assert.ok(thrown instanceof FrameworkError, `${what}: parseFramework throws only FrameworkError (got ${(thrown as Error)?.name}: ${(thrown as Error)?.message?.slice(0, 300)})`);
    assertIssues(safe.issues, what);
    assertIssues(thrown.issues, `${what} (thrown)`);
    assert.equal(thrown.issues.length, safe.issues.length, `${what}: the thrown error lists the same issues`);
    if (pathRoot !== undefined) assertPathsInto(pathRoot, safe.issues, what);
  }
  return safe;
}

/** A fingerprint of an input (iterative: inputs nest 10 000 deep), to prove parsing does not change it. */
function fingerprint(root: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [root];
  let guard = 0;
  while (stack.length && guard++ < 2_000_000) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) {
      out.push(typeof v === 'string' ? `s${v.length}:${v}` : `${typeof v}:${String(v)}`);
      continue;
    }
    const keys = Object.keys(v);
    out.push(`${Array.isArray(v) ? 'a' : 'o'}${keys.length}:${keys.join('\u0001')}`);
    for (let i = keys.length - 1; i >= 0; i--) stack.push((v as Record<string, unknown>)[keys[i]!]);
  }
  return out.join('\u0002');
}

function frozenAnywhere(v: unknown, depth = 0): boolean {
  if (typeof v !== 'object' || v === null || depth > 40) return false;
  if (Object.isFrozen(v)) return true;
  return Object.values(v).some((c) => frozenAnywhere(c, depth + 1));
}

/** JSON text and the object JSON.parse makes of it (so `__proto__` keys are own keys), through both entry points. */
function checkJsonCase(c: MutatedCase, count: CaseCounter): void {
  const text = toJsonText(applyMutations(baseJson(c.base), c.mutations));
  const obj = JSON.parse(text) as unknown;
  const before = fingerprint(obj);
  const what = `${c.base} + ${c.mutations.map((m) => m.op).join(', ')}`;
  checkParse(text, obj, `${what} (text)`, count);
  checkParse(obj, obj, `${what} (object)`, count);
  assert.ok(fingerprint(obj) === before, `${what}: parsing leaves the caller's object unchanged`);
  assert.ok(!frozenAnywhere(obj), `${what}: parsing freezes nothing of the caller's`);
}

describe('fuzz: parseFramework and safeParseFramework', () => {
  test('mutated valid frameworks, as JSON text and as JSON.parse objects', async () => {
    await runProperty('parse/mutated-json', mutatedFramework(false), (c, count) => checkJsonCase(c, count), {
      seed: 0x5eed01,
      numRuns: 260,
      examples: [
        // one example per hostile builder, set as a whole rule's conditions and as the framework's title
        ...(Object.keys(BUILDERS) as BuilderName[]).map((build): [MutatedCase] => [
          {
            base: 'tiny',
            mutations: [
              { op: 'rule-conditions', rule: 0, conditions: hostile({ build }) },
              { op: 'set', path: [1], value: hostile({ build }) },
            ],
          },
        ]),
        [{ base: 'tiny', mutations: [{ op: 'add-key', path: [0], key: '__proto__', value: hostile({ build: 'proto-pollution' }) }] }],
        [{ base: 'clinical-homecare', mutations: [{ op: 'shared-condition-cycle', rule: 0 }] }],
        [{ base: 'tiny', mutations: [{ op: 'grow', list: 'items', times: 400 }] }],
      ],
    });
  });

  test('mutated frameworks with values JSON cannot carry (cycles, shared references, BigInt, NaN, symbols)', async () => {
    await runProperty(
      'parse/mutated-objects',
      mutatedFramework(true),
      (c, count) => {
        const obj = applyMutations(baseJson(c.base), c.mutations);
        const what = `${c.base} + ${c.mutations.map((m) => m.op).join(', ')}`;
        checkParse(obj, obj, `${what} (object)`, count);
        if (mutationsJsonSafe(c.mutations)) checkParse(toJsonText(obj), undefined, `${what} (text)`, count);
      },
      {
        seed: 0x5eed02,
        numRuns: 200,
        examples: [
          // 2^30 paths through 31 shared objects: a walk that follows every path never ends
          [{ base: 'tiny', mutations: [{ op: 'set', path: [7, 0, 1], value: hostile({ objectOnly: 'dag' }) }] }],
          [{ base: 'tiny', mutations: [{ op: 'rule-conditions', rule: 0, conditions: { any: [{ fact: 'coverage', operator: 'equal', value: 10n }] } }] }],
          [{ base: 'tiny', mutations: [{ op: 'rule-conditions', rule: 0, conditions: { fact: 10n, operator: Symbol('x'), value: 1, path: 10n } }] }],
          [{ base: 'tiny', mutations: [{ op: 'set', path: [0], value: hostile({ objectOnly: 'cycle-all' }) }] }],
        ],
      },
    );
  });

  test('mutated rule trees only (most parse, so the checks past the schema run)', async () => {
    let parsed = 0;
    await runProperty(
      'parse/mutated-rules',
      mutatedRules(true),
      (c, count) => {
        const obj = applyMutations(baseJson(c.base), c.mutations);
        if (checkParse(obj, obj, `${c.base} rules`, count).success) parsed++;
      },
      { seed: 0x5eed03, numRuns: 400 },
    );
    assert.ok(parsed > 20, `enough hostile rule trees parse to exercise the engine (${parsed})`);
  });

  test('random JSON values, random JS values and random text', async () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      maxDepth: 4,
    });
    await runProperty(
      'parse/random',
      fc.oneof(fc.jsonValue(), anything, hostileText(), fc.record({ id: fc.string(), levels: fc.jsonValue(), items: fc.jsonValue(), rules: fc.jsonValue() })),
      (value, count) => {
        checkParse(value, typeof value === 'string' ? undefined : value, 'random value', count);
      },
      { seed: 0x5eed04, numRuns: 600 },
    );
  });
});
