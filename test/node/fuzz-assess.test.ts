/**
 * Fuzzing `assess` / `safeAssess` / `assessMany` (issue #5) with hostile responses and options on valid
 * frameworks, and with valid responses on frameworks whose rule trees were fuzzed (so json-rules-engine runs
 * odd but accepted operators, decorators, fact references and paths).
 *
 * Properties: `safeAssess` never rejects; `assess` rejects only with an `AssessmentError`; they agree with
 * each other and with an independent check of the responses (fuzz-checks.ts `responsesProblem`); issues have
 * a code, a path into the responses/options and a message; a result keeps the LevelFit invariants (coverage in
 * 0..1, bestFit the highest attained level, overlap.to the level after bestFit, gaps.target and gap items
 * consistent). Metamorphic: shuffled key order (responses and framework JSON) and explicit lowest-point ratings
 * for unanswered items give the same result. No case over 2 s; `Object.prototype` untouched.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AssessmentError,
  assess,
  assessMany,
  frameworks,
  parseFramework,
  safeAssess,
  safeParseFramework,
  type Framework,
  type LevelFit,
} from '../../packages/engine/src/index.ts';
import { makeFramework } from '../support/factories.ts';
import { applyMutations, baseJson, hostile, mutatedRules, OBJECT_ONLY_BUILDERS, optionsArb, responsesArb, type MutatedCase } from '../support/arbitraries.ts';
import { assertIssues, assertLevelFit, responsesProblem } from '../support/fuzz-checks.ts';
import { runProperty, stopWatchdog, type CaseCounter } from '../support/fuzz-harness.ts';

after(stopWatchdog);

const FRAMEWORKS: Record<string, Framework> = {
  'clinical-homecare': frameworks['clinical-homecare'],
  'adult-care-pathway': frameworks['adult-care-pathway' as keyof typeof frameworks] ?? frameworks['clinical-homecare'],
  tiny: parseFramework(makeFramework()),
  'tiny-one-indicator': parseFramework(makeFramework({ indicatorsPerLevel: 1 })),
};

const rolesOf = (fw: Framework) => fw.levels.flatMap((l) => l.roles);
const scaleOf = (fw: Framework) => fw.scale.values.map((v) => v.value);

/** Where an issue path starts: `options.*` in the options, everything else in the responses. */
function assertIssuePaths(responses: unknown, options: unknown, issues: { code: string; path: (string | number)[] }[], what: string): void {
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    const inOptions = head === 'options';
    let node: unknown = inOptions ? options : responses;
    const segs = inOptions ? rest : issue.path;
    for (const seg of segs) {
      if (!(typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, seg))) {
        assert.fail(`${what}: the path of "${issue.code}" (${JSON.stringify(issue.path).slice(0, 200)}) names a value in the ${inOptions ? 'options' : 'responses'}`);
      }
      node = (node as Record<string | number, unknown>)[seg];
    }
  }
}

/** Own ratings of responses already known to be valid. */
function ratingsOf(responses: unknown): Record<string, number> {
  const r = (responses as { ratings?: Record<string, number> }).ratings ?? {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
  return out;
}

/** Runs assess and safeAssess on one payload; checks they agree with each other and with the oracle. */
async function checkAssess(fw: Framework, responses: unknown, options: unknown, what: string, count: CaseCounter): Promise<LevelFit | undefined> {
  count.payload();
  let safe: Awaited<ReturnType<typeof safeAssess>>;
  try {
    safe = await count.time(() => safeAssess(fw, responses, options as never));
  } catch (err) {
    assert.fail(`${what}: safeAssess rejected with ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
  }
  let thrown: unknown;
  let fit: LevelFit | undefined;
  try {
    fit = await count.time(() => assess(fw, responses, options as never));
  } catch (err) {
    thrown = err;
  }
  let batch: Awaited<ReturnType<typeof assessMany>>;
  try {
    batch = await count.time(() => assessMany(fw, [responses], options as never));
  } catch (err) {
    assert.fail(`${what}: assessMany rejected with ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
  }
  assert.deepEqual(batch, [safe], `${what}: assessMany gives what safeAssess gives`);
  const problem = responsesProblem(fw, responses, options);
  if (safe.success) {
    assert.equal(problem, null, `${what}: accepted responses the data contract rejects`);
    assert.equal(thrown, undefined, `${what}: assess agrees with safeAssess (success)`);
    assert.deepEqual(fit, safe.data, `${what}: assess and safeAssess give the same LevelFit`);
    const o = (typeof options === 'object' && options !== null ? options : {}) as { target?: string; role?: string };
    assertLevelFit(fw, ratingsOf(responses), o, safe.data, what);
    return safe.data;
  }
  assert.notEqual(problem, null, `${what}: rejected responses the data contract accepts (${safe.issues[0]?.message})`);
  assert.ok(thrown instanceof AssessmentError, `${what}: assess rejects only with AssessmentError (got ${(thrown as Error)?.name}: ${(thrown as Error)?.message?.slice(0, 300)})`);
  assertIssues(safe.issues, what);
  assert.equal(thrown.issues.length, safe.issues.length, `${what}: the error lists the same issues`);
  assertIssuePaths(responses, options, safe.issues, what);
  return undefined;
}

const frameworkName = fc.constantFrom(...Object.keys(FRAMEWORKS));

/** Fisher–Yates with fast-check's randomness, for key orders. */
function shuffleKeys<T>(value: T, rand: () => number): T {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rand)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rand)])) as T;
}

const seeded = (seed: number) => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
};

describe('fuzz: assess and safeAssess', () => {
  test('hostile responses and options on valid frameworks', async () => {
    const arb = frameworkName.chain((name) => {
      const fw = FRAMEWORKS[name]!;
      const refs = { itemIds: fw.items.map((i) => i.id), levelIds: fw.levels.map((l) => l.id) };
      return fc.record({
        name: fc.constant(name),
        responses: responsesArb(refs, scaleOf(fw), true),
        options: optionsArb(refs, rolesOf(fw), true),
      });
    });
    await runProperty(
      'assess/hostile-responses',
      arb,
      async ({ name, responses, options }, count) => {
        await checkAssess(FRAMEWORKS[name]!, responses.build(), options.build(), name, count);
      },
      {
        seed: 0x5eed11,
        numRuns: 700,
        examples: [
          [{ name: 'tiny', responses: { desc: 'empty', build: () => ({ ratings: {} }) }, options: { desc: 'null', build: () => null } }],
          [{ name: 'tiny', responses: { desc: 'empty', build: () => ({}) }, options: { desc: 'null-proto target', build: () => ({ target: Object.create(null) }) } }],
          [{ name: 'tiny', responses: { desc: 'empty', build: () => ({}) }, options: { desc: 'null-proto role', build: () => ({ role: Object.create(null) }) } }],
          [{ name: 'tiny', responses: { desc: 'bigint rating', build: () => ({ ratings: { 'work-safely': 2n } }) }, options: { desc: 'none', build: () => ({}) } }],
          [{ name: 'tiny', responses: { desc: 'proto', build: () => JSON.parse('{"ratings":{"__proto__":{"polluted":1}}}') }, options: { desc: 'none', build: () => ({}) } }],
          // regression: the message for an unknown role quoted it with JSON.stringify, which never ends on shared references
          [{ name: 'tiny', responses: { desc: 'empty', build: () => ({}) }, options: { desc: 'dag role', build: () => ({ role: OBJECT_ONLY_BUILDERS.dag() }) } }],
        ],
      },
    );
  });

  test('valid responses on frameworks with fuzzed rule trees (json-rules-engine runs them)', async () => {
    let ran = 0;
    const arb = fc.record({
      c: mutatedRules(false),
      people: fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 }),
    });
    await runProperty(
      'assess/fuzzed-rules',
      arb,
      async ({ c, people }, count) => {
        const doc = applyMutations(baseJson(c.base), c.mutations);
        count.payload();
        const parsed = count.time(() => safeParseFramework(doc));
        if (!parsed.success) return;
        const fw = parsed.data;
        const scale = scaleOf(fw);
        for (const [seed, share] of people) {
          const rand = seeded(seed);
          const ratings: Record<string, number> = {};
          for (const item of fw.items) if (rand() < share) ratings[item.id] = scale[Math.floor(rand() * scale.length)]!;
          ran++;
          await checkAssess(fw, { ratings }, {}, `${c.base} fuzzed rules`, count);
        }
      },
      {
        seed: 0x5eed12,
        numRuns: 300,
        examples: [
          // regression: a lone condition at the root parsed, then json-rules-engine threw building the rule
          [{ c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { fact: 'coverage', operator: 'equal', value: 1 } }] }, people: [[1, 0.5]] }],
          // regression: a chain of 20 000 decorators parsed, then overflowed the stack (one closure per decorator)
          [
            {
              c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { all: [{ fact: 'coverage', operator: `${'not:'.repeat(20_000)}equal`, value: 1 }] } }] },
              people: [[1, 0.5]],
            },
          ],
          [
            {
              c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { any: [{ fact: 'ratings', operator: 'equal', value: 1, path: hostile({ v: '$..[?(@.constructor)]' }) }] } }] },
              people: [[1, 0.5]],
            },
          ],
          // regression: json-rules-engine wrote `priority` into the parsed (frozen) condition and threw
          [{ c: { base: 'tiny-kinds', mutations: [{ op: 'rule-conditions', rule: 0, conditions: { all: [{ fact: 'indicatorsMet', operator: 'equal', value: 0, priority: 1 }] } }] }, people: [[0, 0]] }],
          // regression: `in`/`notIn` called value.indexOf and `someValue`/`everyValue` value.some on a number
          [{ c: { base: 'tiny-kinds', mutations: [{ op: 'rule-conditions', rule: 0, conditions: { all: [{ fact: 'indicatorsMet', operator: 'notIn', value: 0 }] } }] }, people: [[0, 0]] }],
          [{ c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { any: [{ fact: 'level', operator: 'in', value: { fact: 'levelIndex' } }] } }] }, people: [[2, 1]] }],
          [{ c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { any: [{ fact: 'coverage', operator: 'someValue:equal', value: 1 }] } }] }, people: [[3, 1]] }],
          [{ c: { base: 'tiny', mutations: [{ op: 'add-rule', event: 'overlap', conditions: { all: [{ fact: 'coverage', operator: 'swap:in', value: [1] }] } }] }, people: [[4, 1]] }],
        ] as [{ c: MutatedCase; people: [number, number][] }][],
      },
    );
    assert.ok(ran > 50, `enough fuzzed rule sets parse and run (${ran})`);
  });

  test('metamorphic: key order, explicit lowest ratings and batch scoring change nothing', async () => {
    const arb = frameworkName.chain((name) => {
      const fw = FRAMEWORKS[name]!;
      return fc.record({
        name: fc.constant(name),
        ratings: fc.dictionary(fc.constantFrom(...fw.items.map((i) => i.id)), fc.constantFrom(...scaleOf(fw)), { maxKeys: fw.items.length }),
        target: fc.option(fc.constantFrom(...fw.levels.map((l) => l.id)), { nil: undefined }),
        shuffleSeed: fc.nat(),
      });
    });
    const reparsed = new Map<string, Framework>();
    await runProperty(
      'assess/metamorphic',
      arb,
      async ({ name, ratings, target, shuffleSeed }, count) => {
        const fw = FRAMEWORKS[name]!;
        const options = target === undefined ? {} : { target };
        const rand = seeded(shuffleSeed);
        const key = `${name}:${shuffleSeed % 4}`;
        let shuffledFw = reparsed.get(key);
        if (!shuffledFw) reparsed.set(key, (shuffledFw = parseFramework(JSON.parse(JSON.stringify(shuffleKeys(JSON.parse(JSON.stringify(fw)), seeded(shuffleSeed % 4)))))));
        const base = await checkAssess(fw, { ratings }, options, `${name} base`, count);
        assert.ok(base, `${name}: valid responses assess`);
        const shuffledResponses = shuffleKeys({ ratings }, rand);
        const shuffled = await count.time(() => assess(fw, shuffledResponses, options));
        const onShuffledFw = await count.time(() => assess(shuffledFw, { ratings }, options));
        const lowest = Math.min(...scaleOf(fw));
        const explicit: Record<string, number> = { ...ratings };
        for (const item of fw.items) if (!(item.id in explicit) && lowest === 0) explicit[item.id] = lowest;
        const withLowest = await count.time(() => assess(fw, { ratings: explicit }, options));
        const [batched] = await count.time(() => assessMany(fw, [{ ratings }], options));
        count.payload(4);
        assert.deepEqual(shuffled, base, `${name}: shuffled response key order`);
        assert.deepEqual(onShuffledFw, base, `${name}: shuffled framework key order`);
        assert.deepEqual(withLowest, base, `${name}: unanswered = explicitly the lowest point`);
        assert.ok(batched?.success, `${name}: assessMany succeeds`);
        assert.deepEqual(batched.data, base, `${name}: assessMany gives the same LevelFit`);
      },
      { seed: 0x5eed13, numRuns: 250 },
    );
  });
});
