/**
 * Bad input: frameworks that break the data contract and responses that do not fit a framework. Every problem is
 * an issue `{code, path, message}` (STYLE.md item 8); each case asserts the code and the path into the input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import {
  AssessmentError,
  FrameworkError,
  assess,
  assessMany,
  formatPath,
  frameworks,
  parseFramework,
  safeAssess,
  safeParseFramework,
  type Condition,
  type Issue,
} from '../../packages/engine/src/index.ts';
import { LIMITS } from '../../packages/engine/src/constants.ts';
import { zodMessage } from '../../packages/engine/src/framework/parse.ts';
import { makeFramework, ratingsFor, type FrameworkJson } from '../support/factories.ts';

type Path = (string | number)[];

/** A factory framework changed by `edit` (which may mutate it or return a replacement). */
function broken(edit: (fw: FrameworkJson & Record<string, unknown>) => unknown): unknown {
  const fw = makeFramework() as FrameworkJson & Record<string, unknown>;
  const out = edit(fw);
  return out === undefined ? fw : out;
}

const show = (issues: readonly Issue[]) => JSON.stringify(issues, null, 1);

/** safeParseFramework fails with an issue of this code at this path, and parseFramework throws the same issues. */
function frameworkIssues(input: unknown, code: Issue['code'], path: Path): Issue[] {
  const result = safeParseFramework(input);
  assert.equal(result.success, false, 'should not parse');
  if (result.success) throw new Error('unreachable');
  assert.ok(
    result.issues.some((i) => i.code === code && isDeepStrictEqual(i.path, path)),
    `expected ${code} at ${JSON.stringify(path)}, got ${show(result.issues)}`,
  );
  for (const issue of result.issues) {
    assert.equal(typeof issue.message, 'string');
    assert.ok(issue.message.length > 0);
    assert.notEqual(issue.message, 'Invalid input', `zod's default message at ${formatPath(issue.path)}`);
  }
  assert.throws(
    () => parseFramework(input),
    (err: unknown) => {
      assert.ok(err instanceof FrameworkError);
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'FrameworkError');
      assert.deepEqual(err.issues, result.issues);
      assert.ok(err.message.includes(formatPath(result.issues[0]!.path)), err.message);
      return true;
    },
  );
  return result.issues;
}

function expectFrameworkIssue(input: unknown, code: Issue['code'], path: Path): void {
  frameworkIssues(input, code, path);
}

const leaf = (over: Record<string, unknown>) => ({ fact: 'coverage', operator: 'greaterThanInclusive', value: 0.5, ...over });
/** A framework whose first rule is `{ all: [cond] }`; the issue path of `cond` is FIRST_LEAF. */
const withCondition = (cond: unknown) =>
  broken((fw) => {
    fw.rules[0]!.conditions = { all: [cond] };
  });
const FIRST_LEAF: Path = ['rules', 0, 'conditions', 'all', 0];

describe('parseFramework: valid input', () => {
  test('the factory framework parses, as an object and as JSON text', () => {
    const fw = parseFramework(makeFramework());
    assert.equal(fw.id, 'tiny');
    assert.deepEqual(parseFramework(JSON.stringify(makeFramework())), fw);
    assert.deepEqual(safeParseFramework(makeFramework()), { success: true, data: fw });
  });
});

describe('parseFramework: not a framework at all', () => {
  for (const [name, input] of [
    ['a number', 42],
    ['null', null],
    ['an array', []],
    ['a boolean', true],
  ] as const) {
    test(`${name} → invalid_type at the root`, () => expectFrameworkIssue(input, 'invalid_type', []));
  }
  test('JSON text that is not valid JSON → invalid_json at the root', () => {
    const issues = frameworkIssues('{"id": "tiny", ', 'invalid_json', []);
    assert.equal(issues.length, 1);
  });
  test('JSON text of a non-object → invalid_type at the root', () => expectFrameworkIssue('"tiny"', 'invalid_type', []));
});

describe('parseFramework: missing fields and wrong types', () => {
  const cases: [string, (fw: FrameworkJson & Record<string, unknown>) => unknown, Issue['code'], Path][] = [
    ['no id', (fw) => void delete (fw as Partial<FrameworkJson>).id, 'invalid_type', ['id']],
    ['no levels', (fw) => void delete (fw as Partial<FrameworkJson>).levels, 'invalid_type', ['levels']],
    ['no rules', (fw) => void delete (fw as Partial<FrameworkJson>).rules, 'invalid_type', ['rules']],
    ['an item without a title', (fw) => void delete (fw.items[2] as Partial<FrameworkJson['items'][0]>).title, 'invalid_type', ['items', 2, 'title']],
    ['a scale without met', (fw) => void delete (fw.scale as Partial<FrameworkJson['scale']>).met, 'invalid_type', ['scale', 'met']],
    ['a rule without an event', (fw) => void delete (fw.rules[1] as Partial<FrameworkJson['rules'][0]>).event, 'invalid_type', ['rules', 1, 'event']],
    ['a number for the title', (fw) => void (fw.title = 5 as unknown as string), 'invalid_type', ['title']],
    ['a string for levels', (fw) => void (fw.levels = 'foundation' as unknown as []), 'invalid_type', ['levels']],
    ['a string for an item\'s levels', (fw) => void (fw.items[1]!.levels = 'foundation' as unknown as []), 'invalid_type', ['items', 1, 'levels']],
    ['a string for scale.met', (fw) => void (fw.scale.met = '2' as unknown as number), 'invalid_type', ['scale', 'met']],
    ['a fraction for scale.met', (fw) => void (fw.scale.met = 1.5), 'invalid_type', ['scale', 'met']],
    ['a string for a descriptor', (fw) => void (fw.levels[0]!.descriptor = 'x' as unknown as []), 'invalid_type', ['levels', 0, 'descriptor']],
    ['an unknown item kind', (fw) => void (fw.items[0]!.kind = 'talent' as 'skill'), 'invalid_value', ['items', 0, 'kind']],
    ['an unknown event type', (fw) => void (fw.rules[0]!.event.type = 'passed'), 'invalid_value', ['rules', 0, 'event', 'type']],
    ['an item id with capitals and underscores', (fw) => void (fw.items[3]!.id = 'Mentor_Others'), 'invalid_format', ['items', 3, 'id']],
    ['an empty title', (fw) => void (fw.title = ''), 'too_small', ['title']],
    ['no items', (fw) => void (fw.items = []), 'too_small', ['items']],
    ['no rules at all', (fw) => void (fw.rules = []), 'too_small', ['rules']],
    ['an item required by no level', (fw) => void (fw.items[0]!.levels = []), 'too_small', ['items', 0, 'levels']],
    ['an unknown top-level key', (fw) => void (fw.colour = 'blue'), 'unrecognized_keys', []],
    ['an unknown key in an item', (fw) => void ((fw.items[0] as unknown as Record<string, unknown>).weight = 2), 'unrecognized_keys', ['items', 0]],
  ];
  for (const [name, edit, code, path] of cases) {
    test(`${name} → ${code} at ${formatPath(path)}`, () => expectFrameworkIssue(broken(edit), code, path));
  }
  test('an unknown key is named by its issue (path or message), so a reader can find it', () => {
    const result = safeParseFramework(broken((fw) => void (fw.colour = 'blue')));
    assert.equal(result.success, false);
    if (result.success) return;
    assert.ok(
      result.issues.some((i) => i.path.includes('colour') || i.message.includes('colour')),
      `no issue names the key "colour": ${show(result.issues)}`,
    );
  });
});

describe('parseFramework: references between ids', () => {
  test('a duplicate item id → duplicate_id at the second use', () => {
    const issues = frameworkIssues(
      broken((fw) => void (fw.items[4]!.id = fw.items[1]!.id)),
      'duplicate_id',
      ['items', 4, 'id'],
    );
    assert.ok(!issues.some((i) => isDeepStrictEqual(i.path, ['items', 1, 'id'])));
  });
  test('a duplicate level id → duplicate_id at the second use', () =>
    expectFrameworkIssue(
      broken((fw) => {
        fw.levels[2]!.id = 'practitioner';
      }),
      'duplicate_id',
      ['levels', 2, 'id'],
    ));
  test('an item naming an unknown level → unknown_level at that entry', () =>
    expectFrameworkIssue(
      broken((fw) => void fw.items[3]!.levels.push('master')),
      'unknown_level',
      ['items', 3, 'levels', 2],
    ));
  test('an item naming a level twice → duplicate_id at the second entry', () =>
    expectFrameworkIssue(
      broken((fw) => void fw.items[2]!.levels.push('foundation')),
      'duplicate_id',
      ['items', 2, 'levels', 1],
    ));
  test('a level that no item requires → too_small at that level', () =>
    expectFrameworkIssue(
      broken((fw) => void fw.levels.push({ id: 'master', title: 'Master', descriptor: [], roles: [] })),
      'too_small',
      ['levels', 3],
    ));
  test('every reference problem is reported, not just the first', () => {
    const result = safeParseFramework(
      broken((fw) => {
        fw.items[4]!.id = fw.items[1]!.id;
        fw.items[3]!.levels.push('master');
      }),
    );
    assert.equal(result.success, false);
    if (result.success) return;
    assert.deepEqual(
      result.issues.map((i) => [i.code, i.path]),
      [
        ['unknown_level', ['items', 3, 'levels', 2]],
        ['duplicate_id', ['items', 4, 'id']],
      ],
    );
  });
});

describe('parseFramework: rules', () => {
  test('the factory conditions are accepted (so each case below fails for its own reason)', () => {
    assert.ok(safeParseFramework(withCondition(leaf({}))).success);
    assert.ok(safeParseFramework(withCondition(leaf({ operator: 'not:greaterThan' }))).success);
    assert.ok(safeParseFramework(withCondition({ fact: 'met', path: 'work-safely', operator: 'equal', value: true })).success);
    assert.ok(safeParseFramework(withCondition({ fact: 'kinds', path: 'indicator.coverage', operator: 'lessThan', value: 1 })).success);
    assert.ok(safeParseFramework(withCondition({ fact: 'level', operator: 'in', value: ['foundation', 'expert'] })).success);
  });
  test('an unknown fact → unknown_fact', () => expectFrameworkIssue(withCondition(leaf({ fact: 'age' })), 'unknown_fact', [...FIRST_LEAF, 'fact']));
  test('an unknown operator → unknown_operator', () =>
    expectFrameworkIssue(withCondition(leaf({ operator: 'regex' })), 'unknown_operator', [...FIRST_LEAF, 'operator']));
  test('an unknown operator decorator → unknown_operator', () =>
    expectFrameworkIssue(withCondition(leaf({ operator: 'perhaps:equal' })), 'unknown_operator', [...FIRST_LEAF, 'operator']));
  test('a JSONPath-looking path ($.x[?(@.y)]) → invalid_path', () =>
    expectFrameworkIssue(
      withCondition({ fact: 'kinds', path: '$.x[?(@.y)]', operator: 'equal', value: 1 }),
      'invalid_path',
      [...FIRST_LEAF, 'path'],
    ));
  test('a JSONPath-looking path on met → invalid_path', () =>
    expectFrameworkIssue(
      withCondition({ fact: 'met', path: '$..work-safely', operator: 'equal', value: true }),
      'invalid_path',
      [...FIRST_LEAF, 'path'],
    ));
  test('a met path naming an unknown item → unknown_item', () =>
    expectFrameworkIssue(
      withCondition({ fact: 'met', path: 'fly-a-plane', operator: 'equal', value: true }),
      'unknown_item',
      [...FIRST_LEAF, 'path'],
    ));
  test('a kinds path that is not <kind>.<required|met|coverage> → invalid_path', () =>
    expectFrameworkIssue(
      withCondition({ fact: 'kinds', path: 'talent.coverage', operator: 'equal', value: 1 }),
      'invalid_path',
      [...FIRST_LEAF, 'path'],
    ));
  test('an object fact without a path → invalid_path; a number fact with one → invalid_path', () => {
    expectFrameworkIssue(withCondition({ fact: 'met', operator: 'equal', value: true }), 'invalid_path', [...FIRST_LEAF, 'path']);
    expectFrameworkIssue(withCondition(leaf({ path: 'x' })), 'invalid_path', [...FIRST_LEAF, 'path']);
  });
  test('a level fact compared with an unknown level → unknown_level at that value', () =>
    expectFrameworkIssue(
      withCondition({ fact: 'level', operator: 'in', value: ['foundation', 'master'] }),
      'unknown_level',
      [...FIRST_LEAF, 'value', 1],
    ));
  test('a shared condition reference → invalid_rule at "condition"', () => {
    expectFrameworkIssue(withCondition({ condition: 'isSenior' }), 'invalid_rule', [...FIRST_LEAF, 'condition']);
    expectFrameworkIssue(
      broken((fw) => void (fw.rules[0]!.conditions = { condition: 'isSenior' })),
      'invalid_rule',
      ['rules', 0, 'conditions', 'condition'],
    );
  });
  test('an empty "all" → invalid_rule', () =>
    expectFrameworkIssue(withCondition({ all: [] }), 'invalid_rule', [...FIRST_LEAF, 'all']));
  test('a condition with a fact and "all" → invalid_rule', () =>
    expectFrameworkIssue(withCondition({ ...leaf({}), all: [leaf({})] }), 'invalid_rule', FIRST_LEAF));
  test(`conditions nest at most ${LIMITS.conditionDepth} levels below the root; one more → too_deep at the too-deep one`, () => {
    const nest = (n: number) => {
      let c: unknown = leaf({});
      for (let i = 0; i < n; i++) c = { all: [c] };
      return c;
    };
    // the root plus LIMITS.conditionDepth wrappers: the leaf is at depth conditionDepth
    assert.ok(safeParseFramework(broken((fw) => void (fw.rules[0]!.conditions = nest(LIMITS.conditionDepth)))).success);
    const tooDeep: Path = ['rules', 0, 'conditions'];
    for (let i = 0; i < LIMITS.conditionDepth + 1; i++) tooDeep.push('all', 0);
    expectFrameworkIssue(
      broken((fw) => void (fw.rules[0]!.conditions = nest(LIMITS.conditionDepth + 1))),
      'too_deep',
      tooDeep,
    );
  });
  test('no rule fires "attained" → invalid_rule at rules', () =>
    expectFrameworkIssue(
      broken((fw) => void (fw.rules = fw.rules.filter((r) => r.event.type !== 'attained'))),
      'invalid_rule',
      ['rules'],
    ));
});

describe('parseFramework: hostile structure', () => {
  test(`JSON nested deeper than ${LIMITS.depth} levels → too_deep where it gets too deep`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const path: Path = ['rules', 0, 'conditions'];
    while (path.length <= LIMITS.depth) path.push('a');
    expectFrameworkIssue(
      broken((fw) => void (fw.rules[0]!.conditions = deep)),
      'too_deep',
      path,
    );
  });
  test('very deep nesting (100 000 levels) is rejected without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = safeParseFramework({ id: 'x', items: deep });
    assert.equal(result.success, false);
    if (!result.success) assert.equal(result.issues[0]!.code, 'too_deep');
  });
  test('an own "__proto__" key (from JSON.parse) → forbidden_key, and Object.prototype is untouched', () => {
    const text = JSON.stringify(makeFramework());
    const atRoot = JSON.parse(`{"__proto__": {"polluted": "yes"}, ${text.slice(1)}`);
    assert.ok(Object.prototype.hasOwnProperty.call(atRoot, '__proto__'), 'JSON.parse made an own key');
    expectFrameworkIssue(atRoot, 'forbidden_key', ['__proto__']);
    const inItem = JSON.parse(text.replace('{"id":"communicate-clearly"', '{"__proto__":{"polluted":"yes"},"id":"communicate-clearly"'));
    expectFrameworkIssue(inItem, 'forbidden_key', ['items', 0, '__proto__']);
    expectFrameworkIssue(JSON.stringify(atRoot).replace('"polluted"', '"isAdmin"'), 'forbidden_key', ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.ok(!Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'));
  });
  test('"constructor" and "prototype" keys → forbidden_key', () => {
    expectFrameworkIssue(
      broken((fw) => void ((fw.levels[0] as unknown as Record<string, unknown>)['constructor'] = { name: 'x' })),
      'forbidden_key',
      ['levels', 0, 'constructor'],
    );
    expectFrameworkIssue(
      broken((fw) => void (fw.rules[0]!.event.params = { prototype: 'x' })),
      'forbidden_key',
      ['rules', 0, 'event', 'params', 'prototype'],
    );
  });
  test('an item whose id is a forbidden key ("constructor") is either rejected or can be rated', async () => {
    const input = broken((fw) => void (fw.items[0]!.id = 'constructor'));
    const parsed = safeParseFramework(input);
    if (!parsed.success) {
      assert.ok(parsed.issues.some((i) => isDeepStrictEqual(i.path, ['items', 0, 'id'])), show(parsed.issues));
      return;
    }
    // Accepted: then a person must be able to meet it, or the levels requiring it can never be attained.
    const fw = parsed.data;
    const r = await safeAssess(fw, ratingsFor(fw, { meetLevels: ['foundation'], indicatorShare: 1 }));
    assert.ok(r.success, `framework accepted, but the item "constructor" cannot be rated: ${r.success ? '' : show(r.issues)}`);
    assert.equal(r.data.bestFit, 'foundation');
  });
  test('parsing neither freezes nor changes the caller\'s object', () => {
    const input = makeFramework();
    const copy = structuredClone(input);
    parseFramework(input);
    assert.deepEqual(input, copy);
    assert.ok(!Object.isFrozen(input.rules[0]!.conditions), 'the caller\'s rules[0].conditions was frozen');
    assert.doesNotThrow(() => {
      (input.rules[0]!.conditions as { all: { value: unknown }[] }).all[1]!.value = 0.5;
    });
  });
});

describe('parseFramework: scale', () => {
  test('met that is not one of the values → invalid_scale at scale.met', () =>
    expectFrameworkIssue(broken((fw) => void (fw.scale.met = 5)), 'invalid_scale', ['scale', 'met']));
  test('met at the lowest value (everything would be met) → invalid_scale at scale.met', () =>
    expectFrameworkIssue(broken((fw) => void (fw.scale.met = 0)), 'invalid_scale', ['scale', 'met']));
  test('values that do not rise → invalid_scale at the offending value', () =>
    expectFrameworkIssue(broken((fw) => void (fw.scale.values[2]!.value = 1)), 'invalid_scale', ['scale', 'values', 2, 'value']));
  test('a single value → too_small at scale.values', () =>
    expectFrameworkIssue(broken((fw) => void (fw.scale.values = [{ value: 2, label: 'Yes' }])), 'too_small', ['scale', 'values']));
  test('a negative or fractional value → at that value', () => {
    expectFrameworkIssue(broken((fw) => void (fw.scale.values[0]!.value = -1)), 'too_small', ['scale', 'values', 0, 'value']);
    expectFrameworkIssue(broken((fw) => void (fw.scale.values[1]!.value = 0.5)), 'invalid_type', ['scale', 'values', 1, 'value']);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const tiny = parseFramework(makeFramework());

async function expectAssessIssues(responses: unknown, expected: [Issue['code'], Path][], options?: { target?: string; role?: string }) {
  const safe = await safeAssess(tiny, responses, options);
  assert.equal(safe.success, false);
  if (safe.success) return;
  assert.deepEqual(
    safe.issues.map((i) => [i.code, i.path]),
    expected,
  );
  await assert.rejects(assess(tiny, responses, options), (err: unknown) => {
    assert.ok(err instanceof AssessmentError);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'AssessmentError');
    assert.deepEqual(err.issues, safe.issues);
    return true;
  });
}

describe('assess: responses that do not fit', () => {
  test('an unknown item id → AssessmentError naming the id, at ratings.<id>', async () => {
    await expectAssessIssues({ ratings: { 'fly-a-plane': 2 } }, [['unknown_item', ['ratings', 'fly-a-plane']]]);
    await assert.rejects(assess(tiny, { ratings: { 'fly-a-plane': 2 } }), (err: Error) => {
      assert.match(err.message, /fly-a-plane/);
      assert.match((err as AssessmentError).issues[0]!.message, /fly-a-plane/);
      return true;
    });
  });
  for (const value of [5, -1, 1.5, '2', null, true, Number.NaN, 4]) {
    test(`a rating of ${typeof value === 'number' && Number.isNaN(value) ? 'NaN' : JSON.stringify(value)} is off the 0–3 scale → rating_off_scale`, () =>
      expectAssessIssues({ ratings: { 'work-safely': value } }, [['rating_off_scale', ['ratings', 'work-safely']]]));
  }
  test('a scale with gaps: only its values are on it', async () => {
    const gappy = parseFramework(makeFramework({ scale: { met: 5, values: [{ value: 0, label: 'No' }, { value: 5, label: 'Yes' }, { value: 10, label: 'Expert' }] } }));
    const bad = await safeAssess(gappy, { ratings: { 'work-safely': 3 } });
    assert.equal(bad.success, false);
    if (!bad.success) assert.deepEqual(bad.issues.map((i) => [i.code, i.path]), [['rating_off_scale', ['ratings', 'work-safely']]]);
    assert.ok((await safeAssess(gappy, { ratings: { 'work-safely': 10 } })).success);
  });
  for (const [name, value] of [
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ 'work-safely': 2 }]],
    ['a string', 'work-safely=2'],
    ['a number', 2],
  ] as const) {
    test(`responses that are ${name} → invalid_type at the root`, () => expectAssessIssues(value, [['invalid_type', []]]));
  }
  test('ratings that are not an object → invalid_type at ratings', async () => {
    await expectAssessIssues({ ratings: [2, 2] }, [['invalid_type', ['ratings']]]);
    await expectAssessIssues({ ratings: 'all' }, [['invalid_type', ['ratings']]]);
  });
  test('extra keys → unrecognized_keys at each key', () =>
    expectAssessIssues({ ratings: {}, comments: 'x', name: 'Sam' }, [
      ['unrecognized_keys', ['comments']],
      ['unrecognized_keys', ['name']],
    ]));
  test('an own "__proto__" key in ratings → forbidden_key, and Object.prototype is untouched', async () => {
    await expectAssessIssues(JSON.parse('{"ratings": {"__proto__": {"polluted": 2}}}'), [['forbidden_key', ['ratings', '__proto__']]]);
    await expectAssessIssues(JSON.parse('{"__proto__": {"polluted": 2}, "ratings": {}}'), [['forbidden_key', ['__proto__']]]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  test('every problem is reported at once, in input order', () =>
    expectAssessIssues({ ratings: { 'work-safely': 9, nope: 2, 'lead-change': '3' } }, [
      ['rating_off_scale', ['ratings', 'work-safely']],
      ['unknown_item', ['ratings', 'nope']],
      ['rating_off_scale', ['ratings', 'lead-change']],
    ]));
  test('options problems come with responses problems', () =>
    expectAssessIssues({ ratings: { nope: 1 } }, [['unknown_item', ['ratings', 'nope']], ['unknown_level', ['options', 'target']], ['unknown_role', ['options', 'role']]], {
      target: 'master',
      role: 'Pilot',
    }));
  test('an invalid framework handed to assess is a FrameworkError, not an AssessmentError', async () => {
    const bad = broken((fw) => void (fw.scale.met = 7)) as never;
    await assert.rejects(assess(bad, { ratings: {} }), (err: unknown) => err instanceof FrameworkError);
  });
});

describe('safeAssess and assessMany', () => {
  test('safeAssess returns the result or the issues, never throws for bad responses', async () => {
    const good = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 1 });
    const ok = await safeAssess(tiny, good);
    assert.deepEqual(ok, { success: true, data: await assess(tiny, good) });
    const bad = await safeAssess(tiny, { ratings: { nope: 2 } });
    assert.equal(bad.success, false);
    if (!bad.success) assert.deepEqual(bad.issues.map((i) => i.path), [['ratings', 'nope']]);
  });
  test('assessMany keeps going past bad rows, each row its own result', async () => {
    const good1 = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 1 });
    const good2 = ratingsFor(tiny, { meetLevels: ['foundation', 'practitioner'], indicatorShare: 1 });
    const rows = [good1, { ratings: { nope: 2 } }, null, { ratings: { 'work-safely': 7 } }, good2];
    const out = await assessMany(tiny, rows);
    assert.equal(out.length, rows.length);
    assert.deepEqual(
      out.map((r) => r.success),
      [true, false, false, false, true],
    );
    assert.deepEqual(out[0], { success: true, data: await assess(tiny, good1) });
    assert.deepEqual(out[4], { success: true, data: await assess(tiny, good2) });
    const paths = out.map((r) => (r.success ? null : r.issues.map((i) => [i.code, i.path])));
    assert.deepEqual(paths.slice(1, 4), [
      [['unknown_item', ['ratings', 'nope']]],
      [['invalid_type', []]],
      [['rating_off_scale', ['ratings', 'work-safely']]],
    ]);
  });
  test('assessMany takes options per row', async () => {
    const rows = [{ ratings: {} }, { ratings: {} }, { ratings: {} }];
    const out = await assessMany(tiny, rows, (i) => (i === 1 ? { role: 'Pilot' } : { role: 'Expert Worker' }));
    assert.deepEqual(
      out.map((r) => r.success),
      [true, false, true],
    );
    if (out[0]!.success) assert.deepEqual(out[0]!.data.role, { title: 'Expert Worker', level: 'expert' });
    if (!out[1]!.success) assert.deepEqual(out[1]!.issues.map((i) => i.path), [['options', 'role']]);
  });
  test('the built-in frameworks reject unknown ids the same way', async () => {
    const r = await safeAssess(frameworks['clinical-homecare'], { ratings: { 'communicate-effectively': 2, 'hand-washing': 2 } });
    assert.equal(r.success, false);
    if (!r.success) assert.deepEqual(r.issues.map((i) => [i.code, i.path]), [['unknown_item', ['ratings', 'hand-washing']]]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Ids that are property names, the caller's object, messages, ratings that are not objects or not numbers

/** Every name an object has through Object.prototype, and the keys the engine forbids. */
const RESERVED = [...new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)])];

describe('parseFramework: ids that name a property of every object', () => {
  for (const id of RESERVED) {
    test(`an item id "${id}" → an issue at items[0].id`, () => {
      const issues = frameworkIssues(
        broken((fw) => void (fw.items[0]!.id = id)),
        /^[a-z]+$/.test(id) ? 'invalid_value' : 'invalid_format',
        ['items', 0, 'id'],
      );
      if (/^[a-z]+$/.test(id)) assert.match(issues.find((i) => i.path[0] === 'items')!.message, new RegExp(`"${id}"`));
    });
    test(`a level id "${id}" → an issue at levels[1].id`, () =>
      expectFrameworkIssue(
        broken((fw) => {
          fw.levels[1]!.id = id;
          for (const item of fw.items) item.levels = item.levels.map((l) => (l === 'practitioner' ? id : l));
        }),
        /^[a-z]+$/.test(id) ? 'invalid_value' : 'invalid_format',
        ['levels', 1, 'id'],
      ));
  }
  test('ids that merely contain such a name are fine', () => {
    assert.ok(safeParseFramework(broken((fw) => void (fw.items[0]!.id = 'constructor-skills'))).success);
    assert.ok(safeParseFramework(broken((fw) => void (fw.items[0]!.id = 'prototypes'))).success);
  });
});

describe('assess: ratings keyed by property names', () => {
  for (const key of RESERVED) {
    test(`ratings.${key} → an AssessmentError naming "${key}", and Object.prototype is untouched`, async () => {
      const ratings = JSON.parse(`{${JSON.stringify(key)}: 2}`) as Record<string, unknown>;
      assert.ok(Object.prototype.hasOwnProperty.call(ratings, key));
      const forbidden = ['__proto__', 'constructor', 'prototype'].includes(key);
      await expectAssessIssues({ ratings }, [[forbidden ? 'forbidden_key' : 'unknown_item', ['ratings', key]]]);
      await assert.rejects(assess(tiny, { ratings }), (err: Error) => err.message.includes(`"${key}"`));
      assert.equal(typeof Object.prototype.hasOwnProperty, 'function');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf({}), Object.prototype);
    });
  }
});

describe('parseFramework: the caller\'s object', () => {
  test('is never frozen or changed, at any depth; the result is a frozen copy', () => {
    const input = makeFramework();
    const copy = structuredClone(input);
    const fw = parseFramework(input);
    assert.deepEqual(input, copy);
    const objects: unknown[] = [input];
    for (let k = 0; k < objects.length; k++) {
      const o = objects[k];
      if (typeof o !== 'object' || o === null) continue;
      assert.ok(!Object.isFrozen(o), 'an object of the input was frozen');
      objects.push(...Object.values(o));
    }
    assert.ok(objects.length > 100);
    assert.ok(Object.isFrozen(fw) && Object.isFrozen(fw.rules[0]!.conditions));
    assert.notEqual(fw.rules[0]!.conditions, input.rules[0]!.conditions);
    input.title = 'Changed';
    input.items[0]!.levels.push('expert');
    assert.equal(fw.title, 'Tiny Test Framework');
    assert.deepEqual(fw.items[0]!.levels, copy.items[0]!.levels);
  });
  test('keeps the caller\'s key order (conditions are passed through as written)', () => {
    const input = makeFramework();
    input.rules[0]!.conditions = { all: [{ value: 0, operator: 'equal', fact: 'competencesMissing' }] };
    const fw = parseFramework(input);
    assert.deepEqual(Object.keys((fw.rules[0]!.conditions as { all: object[] }).all[0]!), ['value', 'operator', 'fact']);
  });
  test('a frozen input (or an already parsed framework) parses again', () => {
    const frozen = Object.freeze(makeFramework());
    const fw = parseFramework(frozen);
    assert.deepEqual(parseFramework(fw), fw);
  });
  test('a cycle is too_deep, not a hang', () => {
    const input = makeFramework() as FrameworkJson & Record<string, unknown>;
    const cond: Record<string, unknown> = { all: [] };
    (cond.all as unknown[]).push(cond);
    input.rules[0]!.conditions = cond;
    const result = safeParseFramework(input);
    assert.equal(result.success, false);
    if (!result.success) assert.equal(result.issues[0]!.code, 'too_deep');
  });
  test('shared references that would multiply the walk → too_big, quickly', () => {
    let shared: unknown = [1];
    for (let i = 0; i < 30; i++) shared = [shared, shared]; // 2^30 paths, 31 objects
    const started = Date.now();
    const result = safeParseFramework({ ...makeFramework(), rules: shared });
    assert.equal(result.success, false);
    if (!result.success) assert.ok(result.issues.some((i) => i.code === 'too_big' || i.code === 'too_deep'), show(result.issues));
    assert.ok(Date.now() - started < 5000);
  });
});

describe('parseFramework: messages say what is wrong in English', () => {
  const message = (edit: (fw: FrameworkJson & Record<string, unknown>) => unknown, path: Path): string => {
    const result = safeParseFramework(broken(edit));
    assert.equal(result.success, false);
    if (result.success) throw new Error('unreachable');
    const issue = result.issues.find((i) => isDeepStrictEqual(i.path, path));
    assert.ok(issue, `no issue at ${formatPath(path)}: ${show(result.issues)}`);
    return issue.message;
  };
  test('invalid_type: expected and received', () => {
    assert.equal(message((fw) => void (fw.title = 5 as unknown as string), ['title']), 'expected a string, received 5');
    assert.equal(message((fw) => void (fw.levels = 'x' as unknown as []), ['levels']), 'expected a list, received a string');
    assert.equal(message((fw) => void (fw.scale.met = 1.5), ['scale', 'met']), 'expected a whole number, received 1.5');
    assert.equal(message((fw) => void (fw.scale.met = Number.NaN), ['scale', 'met']), 'expected a number, received NaN');
    assert.equal(message((fw) => void (fw.source = null as never), ['source']), 'expected an object, received null');
  });
  test('invalid_type for a missing field: required', () => {
    assert.equal(message((fw) => void delete (fw as Partial<FrameworkJson>).id, ['id']), 'required: expected a string');
  });
  test('invalid_value: the allowed values', () => {
    assert.equal(
      message((fw) => void (fw.items[0]!.kind = 'talent' as 'skill'), ['items', 0, 'kind']),
      'must be one of: competence, indicator, knowledge, skill, behaviour, performance',
    );
    assert.equal(message((fw) => void (fw.rules[0]!.event.type = 'passed'), ['rules', 0, 'event', 'type']), 'must be one of: attained, overlap');
  });
  test('unrecognized_keys: the keys', () => {
    assert.equal(message((fw) => void (fw.colour = 'blue'), []), 'unknown key "colour"');
    assert.equal(
      message((fw) => void Object.assign(fw.items[0]!, { weight: 2, colour: 'red' }), ['items', 0]),
      'unknown keys "weight", "colour"',
    );
  });
  test('too_small and too_big: strings, lists and numbers', () => {
    assert.equal(message((fw) => void (fw.title = ''), ['title']), 'must not be empty');
    assert.equal(message((fw) => void (fw.items = []), ['items']), 'must have at least 1 entry');
    assert.equal(message((fw) => void (fw.scale.values = [{ value: 2, label: 'Yes' }]), ['scale', 'values']), 'must have at least 2 entries');
    assert.equal(message((fw) => void (fw.scale.values[0]!.value = -1), ['scale', 'values', 0, 'value']), 'must be at least 0');
    assert.equal(message((fw) => void (fw.scale.values[3]!.value = 101), ['scale', 'values', 3, 'value']), 'must be at most 100');
    assert.equal(message((fw) => void (fw.version = 'x'.repeat(41)), ['version']), 'must have at most 40 characters');
  });
  test('invalid_format: the schema\'s own words', () => {
    assert.match(message((fw) => void (fw.items[3]!.id = 'Mentor_Others'), ['items', 3, 'id']), /lower-case letters, digits and single dashes/);
    assert.equal(message((fw) => void (fw.source.url = 'http://example.org'), ['source', 'url']), 'url must be an https address');
    assert.equal(message((fw) => void (fw.source.date = '27.11.24'), ['source', 'date']), 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
  });
  test('invalid_union: the types allowed', () => {
    assert.equal(
      message((fw) => void (fw.rules[0]!.event.params = { level: {} as never }), ['rules', 0, 'event', 'params', 'level']),
      'expected a string, a number or a boolean, received an object',
    );
  });
  test('every zod code has a message of its own (zodMessage)', () => {
    const cases: [Parameters<typeof zodMessage>[0], string][] = [
      [{ code: 'invalid_type', expected: 'boolean', input: [] }, 'expected a boolean, received a list'],
      [{ code: 'invalid_value', values: ['yes'] }, 'must be yes'],
      [{ code: 'invalid_format', format: 'regex' }, 'is not in the expected format'],
      [{ code: 'invalid_format', format: 'url' }, 'must be a valid url'],
      [{ code: 'too_small', origin: 'number', minimum: 0, inclusive: false }, 'must be greater than 0'],
      [{ code: 'too_big', origin: 'array', maximum: 3, exact: true }, 'must have exactly 3 entries'],
      [{ code: 'too_small', origin: 'string', minimum: 3 }, 'must have at least 3 characters'],
      [{ code: 'not_multiple_of', divisor: 5 }, 'must be a multiple of 5'],
      [{ code: 'invalid_union', errors: [[{ code: 'too_small' }]] }, 'does not match any of the allowed forms'],
      [{ code: 'invalid_key' }, 'has an invalid key'],
      [{ code: 'custom' }, 'is not valid'],
    ];
    for (const [iss, expected] of cases) assert.equal(zodMessage(iss), expected, JSON.stringify(iss));
  });
});

describe('assess: ratings that are not an object, ratings that are not numbers', () => {
  test('{ratings: null} and {ratings: []} are the same invalid_type issue at ratings', async () => {
    await expectAssessIssues({ ratings: null }, [['invalid_type', ['ratings']]]);
    await expectAssessIssues({ ratings: [] }, [['invalid_type', ['ratings']]]);
    const a = await safeAssess(tiny, { ratings: null });
    const b = await safeAssess(tiny, { ratings: [] });
    assert.ok(!a.success && !b.success);
    assert.deepEqual(a.issues, b.issues);
  });
  test('no ratings at all, or {}, is a person who has rated nothing', async () => {
    const none = await safeAssess(tiny, {});
    const empty = await safeAssess(tiny, { ratings: {} });
    assert.ok(none.success && empty.success);
    assert.deepEqual(none.data, empty.data);
    assert.equal(none.data.bestFit, null);
  });
  for (const [name, value] of [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ] as const) {
    test(`a rating of ${name} says so (not "null")`, async () => {
      const r = await safeAssess(tiny, { ratings: { 'work-safely': value } });
      assert.ok(!r.success);
      assert.equal(r.issues[0]!.message, `the rating for "work-safely" is ${name} (not a finite number); it must be one of 0, 1, 2, 3`);
    });
  }
  test('a string rating shows it is a string', async () => {
    const r = await safeAssess(tiny, { ratings: { 'work-safely': '2' } });
    assert.ok(!r.success);
    assert.equal(r.issues[0]!.message, 'the rating for "work-safely" is "2"; it must be one of 0, 1, 2, 3');
  });
});

describe('Condition: params', () => {
  test('the exported Condition type has params, and parseFramework accepts a leaf with params', () => {
    const cond: Condition = { fact: 'coverage', operator: 'greaterThanInclusive', value: 0.5, params: { note: 'ignored' } };
    const fw = parseFramework(withCondition(cond));
    assert.deepEqual((fw.rules[0]!.conditions as { all: Condition[] }).all[0], cond);
  });
  test('params that are not an object → invalid_rule at params', () =>
    expectFrameworkIssue(withCondition(leaf({ params: 'x' })), 'invalid_rule', [...FIRST_LEAF, 'params']));
});
