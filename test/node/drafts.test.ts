/**
 * The draft envelope is pure (no storage, DOM or clock), so `loadDraft` and the three-way merge are tested
 * exhaustively here: every outcome, every corrupt shape, and properties over arbitrary input (fast-check).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareFrameworkVersions,
  createDraft,
  DRAFT_VERSION,
  DRAFT_VERSIONS,
  isSetAsideKeyOf,
  loadDraft,
  mergeDraftAnswers,
  serializeDraft,
  setAsideKeyFor,
  SET_ASIDE_REASONS,
  type DraftAnswers,
  type DraftTarget,
} from '../../packages/elements/src/drafts/envelope.ts';

const TARGET: DraftTarget = {
  frameworkId: 'fw',
  frameworkVersion: '2.0',
  itemIds: ['a', 'b', 'c'],
  scale: [0, 1, 2, 3],
  roles: ['Nurse', 'Carer'],
};

function v2(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 2,
    frameworkId: 'fw',
    frameworkVersion: '2.0',
    savedAt: '2025-03-04T10:15:00.000Z',
    revision: 4,
    writer: 'tab-1',
    responses: { ratings: { a: 1, b: 2 } },
    step: 1,
    role: 'Nurse',
    ...overrides,
  };
}

function v1(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { revision: _r, writer: _w, ...rest } = v2({ v: 1 });
  return { ...rest, ...overrides };
}

const raw = (o: unknown): string => JSON.stringify(o);

describe('envelope versions', () => {
  test('the current version is the last known one', () => {
    assert.equal(DRAFT_VERSION, DRAFT_VERSIONS[DRAFT_VERSIONS.length - 1]);
    assert.deepEqual(SET_ASIDE_REASONS, ['corrupt', 'future-version', 'other-framework']);
  });

  test('createDraft writes the current version with revision and writer; serialise round-trips as loaded', () => {
    const draft = createDraft({ id: 'fw', version: '2.0' }, { ratings: { a: 3 }, step: 0, role: null }, new Date(0), { revision: 7, writer: 'w' });
    assert.equal(draft.v, DRAFT_VERSION);
    assert.equal(draft.revision, 7);
    assert.equal(draft.writer, 'w');
    assert.deepEqual(loadDraft(serializeDraft(draft), TARGET), { kind: 'loaded', draft });
  });

  test('set-aside keys carry the time and are recognisable', () => {
    assert.equal(setAsideKeyFor('levelfit:draft:fw', new Date(1700000000000)), 'levelfit:draft:fw:set-aside:1700000000000');
    assert.equal(setAsideKeyFor('k', 5), 'k:set-aside:5');
    assert.ok(isSetAsideKeyOf('k:set-aside:5', 'k'));
    assert.ok(!isSetAsideKeyOf('k2:set-aside:5', 'k'));
    assert.ok(!isSetAsideKeyOf('k', 'k'));
  });
});

describe('loadDraft outcomes', () => {
  test('empty: nothing saved', () => {
    assert.deepEqual(loadDraft(null, TARGET), { kind: 'empty' });
    assert.deepEqual(loadDraft(undefined, TARGET), { kind: 'empty' });
    assert.deepEqual(loadDraft('', TARGET), { kind: 'empty' });
  });

  test('loaded: current envelope, same framework and version, every answer usable', () => {
    const out = loadDraft(raw(v2()), TARGET);
    assert.equal(out.kind, 'loaded');
    assert.ok(out.kind === 'loaded');
    assert.deepEqual(out.draft, v2());
  });

  test('migrated: an older envelope version (1 → 2) keeps everything and says where it came from', () => {
    const out = loadDraft(raw(v1()), TARGET);
    assert.ok(out.kind === 'migrated');
    assert.deepEqual(out.dropped, []);
    assert.equal(out.droppedRole, null);
    assert.deepEqual(out.from, { envelopeVersion: 1, frameworkVersion: '2.0' });
    assert.deepEqual(out.draft, { ...v2(), revision: 0, writer: '' });
  });

  test('migrated: an older framework version keeps answers for items that exist with values on the scale', () => {
    const out = loadDraft(raw(v2({ frameworkVersion: '1.4', responses: { ratings: { a: 1, gone: 2, b: 9, c: 3 } } })), TARGET);
    assert.ok(out.kind === 'migrated');
    assert.deepEqual(out.draft.responses.ratings, { a: 1, c: 3 });
    assert.deepEqual(out.dropped, ['gone', 'b']);
    assert.deepEqual(out.from, { envelopeVersion: 2, frameworkVersion: '1.4' });
    assert.equal(out.draft.frameworkVersion, '1.4', 'the draft says what it was; the next save writes the new version');
  });

  test('migrated: an older framework in an older envelope', () => {
    const out = loadDraft(raw(v1({ frameworkVersion: '1.0', responses: { ratings: { a: 0, zz: 1 } } })), TARGET);
    assert.ok(out.kind === 'migrated');
    assert.deepEqual(out.dropped, ['zz']);
    assert.deepEqual(out.from, { envelopeVersion: 1, frameworkVersion: '1.0' });
  });

  test('migrated: versions that cannot be ordered are treated as older (answers kept, the rest listed)', () => {
    const target = { ...TARGET, frameworkVersion: 'Approved for delivery' };
    const out = loadDraft(raw(v2({ frameworkVersion: 'unstated' })), target);
    assert.ok(out.kind === 'migrated');
    assert.deepEqual(out.dropped, []);
  });

  test('migrated: same version but an answer the framework cannot take, or a role no longer listed', () => {
    const offScale = loadDraft(raw(v2({ responses: { ratings: { a: 1, b: 1.5 } } })), TARGET);
    assert.ok(offScale.kind === 'migrated');
    assert.deepEqual(offScale.dropped, ['b']);
    const role = loadDraft(raw(v2({ role: 'Astronaut' })), TARGET);
    assert.ok(role.kind === 'migrated');
    assert.equal(role.droppedRole, 'Astronaut');
    assert.equal(role.draft.role, null);
    // Without roles in the target the role is not checked.
    const { roles: _roles, ...noRoles } = TARGET;
    assert.equal(loadDraft(raw(v2({ role: 'Astronaut' })), noRoles).kind, 'loaded');
  });

  test('set-aside future-version: a newer envelope, or a newer framework version', () => {
    for (const input of [raw(v2({ v: DRAFT_VERSION + 1 })), raw(v2({ frameworkVersion: '2.1' })), raw(v2({ frameworkVersion: '10.0' }))]) {
      const out = loadDraft(input, TARGET);
      assert.ok(out.kind === 'set-aside', input);
      assert.equal(out.reason, 'future-version');
      assert.equal(out.raw, input);
      assert.equal(out.savedAt, '2025-03-04T10:15:00.000Z');
    }
    // A future envelope need not have a shape this code knows.
    const odd = raw({ v: 99, whatever: true });
    assert.deepEqual({ ...loadDraft(odd, TARGET), detail: '' }, { kind: 'set-aside', reason: 'future-version', raw: odd, savedAt: null, detail: '' });
  });

  test('set-aside other-framework', () => {
    const input = raw(v2({ frameworkId: 'another' }));
    const out = loadDraft(input, TARGET);
    assert.ok(out.kind === 'set-aside');
    assert.equal(out.reason, 'other-framework');
    assert.equal(out.raw, input);
  });

  const CORRUPT: Record<string, string> = {
    'truncated JSON': '{"v":2,"responses":',
    'not JSON': 'hello',
    'whitespace only': '   ',
    'JSON null': 'null',
    'an array': '[1,2]',
    'a string': '"text"',
    'a number': '42',
    'no version': raw({ ...v2(), v: undefined }),
    'version 0': raw(v2({ v: 0 })),
    'fractional version': raw(v2({ v: 1.5 })),
    'version as text': raw(v2({ v: '2' })),
    'no framework id': raw(v2({ frameworkId: 7 })),
    'no framework version': raw(v2({ frameworkVersion: null })),
    'bad save time': raw(v2({ savedAt: 'yesterday' })),
    'negative revision': raw(v2({ revision: -1 })),
    'fractional revision': raw(v2({ revision: 1.5 })),
    'no writer': raw(v2({ writer: 3 })),
    'v2 without revision': raw({ ...v2(), revision: undefined }),
    'no responses': raw(v2({ responses: null })),
    'ratings an array': raw(v2({ responses: { ratings: [1, 2] } })),
    'negative step': raw(v2({ step: -1 })),
    'step as text': raw(v2({ step: '1' })),
    'role a number': raw(v2({ role: 5 })),
    'v1 with bad ratings': raw(v1({ responses: {} })),
    'a lone surrogate and NUL': '\uD800{"v":2}\u0000',
  };
  // One answer that is not a number costs only that answer: the rest load, the bad one is listed as dropped.
  for (const [name, bad] of Object.entries({ 'rating as text': 'two', 'rating null': null, 'rating an object': { v: 1 } })) {
    test(`migrated: ${name} is dropped, the other answers kept`, () => {
      const out = loadDraft(raw(v2({ responses: { ratings: { a: bad, b: 2 } } })), TARGET);
      assert.ok(out.kind === 'migrated', `${name}: ${out.kind}`);
      assert.deepEqual(out.dropped, ['a']);
      assert.deepEqual({ ...out.draft.responses.ratings }, { b: 2 });
    });
  }
  for (const [name, input] of Object.entries(CORRUPT)) {
    test(`set-aside corrupt: ${name}, raw kept byte for byte`, () => {
      const out = loadDraft(input, TARGET);
      assert.ok(out.kind === 'set-aside', `${name}: ${out.kind}`);
      assert.equal(out.reason, 'corrupt');
      assert.equal(out.raw, input);
      assert.equal(typeof out.detail, 'string');
    });
  }

  test('saved "__proto__" and "constructor" keys stay plain data and are dropped as unknown items', () => {
    const input = '{"v":2,"frameworkId":"fw","frameworkVersion":"2.0","savedAt":"2025-01-01T00:00:00Z","revision":0,"writer":"","responses":{"ratings":{"__proto__":1,"constructor":2,"a":3}},"step":0,"role":null}';
    const out = loadDraft(input, TARGET);
    assert.ok(out.kind === 'migrated');
    assert.deepEqual(out.dropped, ['__proto__', 'constructor']);
    assert.deepEqual(Object.keys(out.draft.responses.ratings), ['a']);
    assert.equal(Object.getPrototypeOf(out.draft.responses.ratings), Object.prototype);
    assert.equal(({} as Record<string, unknown>).a, undefined);
  });

  test('the scale may be numbers, { value } objects or a framework scale', () => {
    const input = raw(v2());
    for (const scale of [[1, 2], [{ value: 1 }, { value: 2 }], { values: [{ value: 1 }, { value: 2 }] }] as DraftTarget['scale'][]) {
      assert.equal(loadDraft(input, { ...TARGET, scale }).kind, 'loaded');
    }
    assert.ok(loadDraft(input, { ...TARGET, scale: [1] }).kind === 'migrated');
  });

  test('never throws and never loses the raw string, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const out = loadDraft(input, TARGET);
        if (input === '') return out.kind === 'empty';
        return out.kind !== 'set-aside' || out.raw === input;
      }),
      { numRuns: 2000 },
    );
  });

  test('for any JSON value: a valid outcome, and loaded/migrated drafts only hold known items on the scale', () => {
    const envelopeLike = fc.record(
      {
        v: fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue()),
        frameworkId: fc.oneof(fc.constant('fw'), fc.jsonValue()),
        frameworkVersion: fc.oneof(fc.constantFrom('1.0', '2.0', '3.0', 'x'), fc.jsonValue()),
        savedAt: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), fc.jsonValue()),
        revision: fc.oneof(fc.nat(), fc.jsonValue()),
        writer: fc.oneof(fc.string(), fc.jsonValue()),
        responses: fc.oneof(
          fc.record({ ratings: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', '__proto__'), fc.oneof(fc.integer({ min: -1, max: 4 }), fc.jsonValue())) }),
          fc.jsonValue(),
        ),
        step: fc.oneof(fc.nat(5), fc.jsonValue()),
        role: fc.oneof(fc.constantFrom(null, 'Nurse', 'Astronaut'), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(envelopeLike, fc.jsonValue()), (value) => {
        const input = JSON.stringify(value) ?? '';
        const out = loadDraft(input, TARGET);
        if (out.kind === 'empty') return input === '';
        if (out.kind === 'set-aside') return out.raw === input && (SET_ASIDE_REASONS as readonly string[]).includes(out.reason);
        const { ratings } = out.draft.responses;
        const ok = Object.entries(ratings).every(([id, r]) => TARGET.itemIds.includes(id) && [0, 1, 2, 3].includes(r));
        return ok && out.draft.v === DRAFT_VERSION && (out.draft.role === null || TARGET.roles!.includes(out.draft.role));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('compareFrameworkVersions', () => {
  const cases: [string, string, -1 | 0 | 1][] = [
    ['1.0', '1.0', 0],
    ['1.1', '1.0', 1],
    ['1.0', '1.1', -1],
    ['1.10', '1.9', 1],
    ['2', '1.9.9', 1],
    ['1.0', '1', 0],
    ['4.5-draft', '4.5', 0],
    ['2025-03', '2024-12', 1],
    ['unstated', '1.0', 0],
    ['Approved for delivery', 'unstated', 0],
  ];
  for (const [a, b, want] of cases) test(`${a} vs ${b} → ${want}`, () => assert.equal(compareFrameworkVersions(a, b), want));
});

describe('mergeDraftAnswers (three-way)', () => {
  const A = (ratings: Record<string, number>, role: string | null = null): DraftAnswers => ({ ratings, role });

  test('takes what only the other side changed, keeps what only this side changed', () => {
    const r = mergeDraftAnswers(A({ a: 1 }), A({ a: 1, b: 2 }), A({ a: 1, c: 3 }));
    assert.deepEqual(r.merged.ratings, { a: 1, b: 2, c: 3 });
    assert.deepEqual(r.conflicts, { items: [], role: false });
    assert.deepEqual(r.fromTheirs, { items: ['c'], role: false });
  });

  test('the same change on both sides is no conflict', () => {
    const r = mergeDraftAnswers(A({ a: 1 }), A({ a: 2 }), A({ a: 2 }));
    assert.deepEqual(r.conflicts.items, []);
    assert.deepEqual(r.merged.ratings, { a: 2 });
  });

  test('different changes conflict and keep this side in merged', () => {
    const r = mergeDraftAnswers(A({ a: 1 }, 'Nurse'), A({ a: 2 }, 'Carer'), A({ a: 3 }, null));
    assert.deepEqual(r.conflicts, { items: ['a'], role: true });
    assert.deepEqual(r.merged, { ratings: { a: 2 }, role: 'Carer' });
  });

  test('with no base, any difference where both have a value conflicts', () => {
    const r = mergeDraftAnswers(null, A({ a: 1, b: 1 }), A({ a: 2, c: 1 }));
    assert.deepEqual(r.conflicts.items, ['a']);
    assert.deepEqual(r.merged.ratings, { a: 1, b: 1, c: 1 });
  });

  test('the other side losing an answer this side still has (it started again) is a conflict, not a silent loss', () => {
    const r = mergeDraftAnswers(A({ a: 1, b: 2 }), A({ a: 1, b: 2 }), A({ a: 1 }));
    assert.deepEqual(r.conflicts.items, ['b']);
    assert.deepEqual(r.merged.ratings, { a: 1, b: 2 });
  });

  test('the role: taken when only they changed it', () => {
    const r = mergeDraftAnswers(A({}, null), A({}, null), A({}, 'Nurse'));
    assert.equal(r.merged.role, 'Nurse');
    assert.equal(r.fromTheirs.role, true);
  });

  const answers = fc.record({
    ratings: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 3 })),
    role: fc.constantFrom(null, 'Nurse', 'Carer'),
  });

  test('properties: theirs unchanged → mine; mine unchanged and nothing lost → theirs; conflicts only where both moved', () => {
    fc.assert(
      fc.property(answers, answers, answers, (base, mine, theirs) => {
        const same = mergeDraftAnswers(base, mine, base);
        assert.deepEqual(same.merged, { ratings: { ...mine.ratings }, role: mine.role });
        assert.deepEqual(same.conflicts, { items: [], role: false });
        const superset = { ratings: { ...base.ratings, ...theirs.ratings }, role: theirs.role };
        const taken = mergeDraftAnswers(base, base, superset);
        assert.deepEqual(taken.merged, superset);
        assert.deepEqual(taken.conflicts, { items: [], role: false });
        const any = mergeDraftAnswers(base, mine, theirs);
        for (const id of any.conflicts.items) {
          assert.notEqual(mine.ratings[id], theirs.ratings[id]);
          assert.notEqual(theirs.ratings[id], base.ratings[id]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
