/**
 * Assessment records (issue 10): the record as data, confirmation rules, differences and unconfirmed items,
 * the content hash, bad records with their paths, records of another framework version, quiz evidence.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RecordError,
  assess,
  attachQuizEvidence,
  canonicalJson,
  confirmLevel,
  isSafeUrl,
  migrateRecord,
  parseFramework,
  parseRecord,
  returnRecord,
  reviewItem,
  safeConfirmLevel,
  safeParseRecord,
  scoreQuiz,
  signOffRecord,
  startReview,
  verifyRecord,
  type AssessmentRecord,
  type Framework,
  type Issue,
} from '../../packages/engine/src/index.ts';
import { makeFramework, ratingsFor } from '../support/factories.ts';
import { DECLARATION, PERSON, REVIEWER, SIGNED_AT, asJson, reviewed, signedOff, submitted } from '../support/records.ts';

const fw: Framework = parseFramework(makeFramework());
/** Meets foundation and practitioner in full: self-assessed best fit "practitioner". */
const practitioner = ratingsFor(fw, { meetLevels: ['foundation', 'practitioner'], indicatorShare: 1 }).ratings;

type Path = (string | number)[];
function issuesOf(input: unknown, code: Issue['code'], path: Path, framework: Framework | undefined = fw): Issue[] {
  const result = safeParseRecord(input, framework);
  assert.equal(result.success, false, 'should not parse');
  if (result.success) throw new Error('unreachable');
  assert.ok(
    result.issues.some((i) => i.code === code && JSON.stringify(i.path) === JSON.stringify(path)),
    `expected ${code} at ${JSON.stringify(path)}, got ${JSON.stringify(result.issues)}`,
  );
  assert.throws(() => parseRecord(input, framework), (err: unknown) => err instanceof RecordError && err.issues.length === result.issues.length);
  return result.issues;
}

/** A JSON copy of a record in review, changed by `edit`. */
function broken(edit: (r: Record<string, any>) => void, base?: AssessmentRecord): unknown {
  const r = asJson(base ?? reviewed(fw, practitioner, { 'work-safely': { agree: true } })) as Record<string, any>;
  edit(r);
  return r;
}

describe('a submitted record', () => {
  test('keeps the self-ratings, the person and the framework version', () => {
    const r = submitted(fw, practitioner, 'Practitioner Worker');
    assert.equal(r.status, 'self-submitted');
    assert.deepEqual(r.framework, { id: 'tiny', version: '1.0' });
    assert.deepEqual(r.person, PERSON);
    assert.deepEqual(r.self.ratings, practitioner);
    assert.equal(r.self.role, 'Practitioner Worker');
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r.self.ratings));
  });

  test('a rating off the scale or an unknown item cannot be submitted', () => {
    assert.throws(() => submitted(fw, { 'work-safely': 7 }), (e: unknown) => e instanceof RecordError && e.issues[0]!.code === 'rating_off_scale');
    assert.throws(() => submitted(fw, { 'no-such-item': 2 }), (e: unknown) => e instanceof RecordError && e.issues[0]!.code === 'unknown_item');
  });
});

describe('confirmLevel', () => {
  test('every item agreed: the confirmed level is the self-assessed level, nothing differs or is unconfirmed', async () => {
    const r = await signedOff(fw, practitioner);
    const c = await confirmLevel(fw, r);
    assert.equal(c.self.bestFit, 'practitioner');
    assert.deepEqual(c.confirmed, c.self);
    assert.deepEqual(c.differences, []);
    assert.deepEqual(c.unconfirmed, []);
    assert.deepEqual(c.notices, []);
  });

  test('no review yet: every item is unconfirmed and counts as not yet', async () => {
    const c = await confirmLevel(fw, submitted(fw, practitioner));
    assert.equal(c.self.bestFit, 'practitioner');
    assert.equal(c.confirmed.bestFit, null);
    assert.deepEqual(c.unconfirmed, fw.items.map((i) => i.id));
    assert.deepEqual(c.confirmed, await assess(fw, { ratings: {} }));
  });

  test('a lower rating on a competence the level adds confirms the level below, and is listed with its note', async () => {
    const agreed = Object.fromEntries(fw.items.map((i) => [i.id, { agree: true as const }]));
    const r = reviewed(fw, practitioner, { ...agreed, 'mentor-others': { rating: 1, note: 'Not seen mentoring yet.' } });
    const c = await confirmLevel(fw, r);
    assert.equal(c.self.bestFit, 'practitioner');
    assert.equal(c.confirmed.bestFit, 'foundation');
    assert.deepEqual(c.differences, [{ itemId: 'mentor-others', self: 2, confirmed: 1, note: 'Not seen mentoring yet.' }]);
    assert.deepEqual(c.unconfirmed, []);
  });

  test('differences come in framework order; a higher rating is a difference too', async () => {
    const r = reviewed(fw, practitioner, { 'lead-change': { rating: 3 }, 'communicate-clearly': { rating: 3 }, 'work-safely': { rating: 0 } });
    const c = await confirmLevel(fw, r);
    assert.deepEqual(
      c.differences.map((d) => [d.itemId, d.self, d.confirmed]),
      [
        ['communicate-clearly', 2, 3],
        ['work-safely', 2, 0],
        ['lead-change', null, 3],
      ],
    );
  });

  test('unrated by the person: "agree" confirms not yet, a rating of the lowest value is no difference', async () => {
    const r = reviewed(fw, {}, { 'lead-change': { agree: true }, 'lead-research': { rating: 0 } });
    const c = await confirmLevel(fw, r);
    assert.deepEqual(c.differences, []);
    assert.ok(!c.unconfirmed.includes('lead-change') && !c.unconfirmed.includes('lead-research'));
    assert.equal(c.unconfirmed.length, fw.items.length - 2);
  });

  test('a note or evidence alone leaves the item unconfirmed', async () => {
    const r = reviewed(fw, practitioner, {
      'work-safely': { note: 'Ask about manual handling.' },
      'mentor-others': { evidence: [{ kind: 'discussion', label: 'Supervision, 1 Dec', date: '2026-12-01' }] },
    });
    const c = await confirmLevel(fw, r);
    assert.ok(c.unconfirmed.includes('work-safely') && c.unconfirmed.includes('mentor-others'));
  });

  test('the confirmed fit is the engine\'s assess over the reviewer\'s ratings (an oracle built here)', async () => {
    const decisions: Record<string, { agree: true } | { rating: number }> = {};
    fw.items.forEach((item, n) => {
      if (n % 3 === 0) decisions[item.id] = { agree: true };
      else if (n % 3 === 1) decisions[item.id] = { rating: n % 4 };
    });
    const r = reviewed(fw, practitioner, decisions);
    const expected: Record<string, number> = {};
    for (const [id, d] of Object.entries(decisions)) {
      if ('rating' in d) expected[id] = d.rating;
      else if (id in practitioner) expected[id] = practitioner[id]!;
    }
    const c = await confirmLevel(fw, r);
    assert.deepEqual(c.confirmed, await assess(fw, { ratings: expected }));
    assert.deepEqual(c.unconfirmed, fw.items.filter((i) => !(i.id in decisions)).map((i) => i.id));
  });

  test('the role the person chose is used for both fits', async () => {
    const r = submitted(fw, practitioner, 'Expert Worker');
    const c = await confirmLevel(fw, r);
    assert.deepEqual(c.self.role, { title: 'Expert Worker', level: 'expert' });
    assert.deepEqual(c.confirmed.role, c.self.role);
  });

  test('safeConfirmLevel gives issues for a record that is not one', async () => {
    const result = await safeConfirmLevel(fw, { format: 1 });
    assert.equal(result.success, false);
    if (!result.success) assert.ok(result.issues.some((i) => i.path[0] === 'self'));
  });
});

describe('signing off and the content hash', () => {
  test('a signed-off record verifies, also after a trip through JSON with its keys in another order', async () => {
    const r = await signedOff(fw, practitioner);
    assert.equal(r.status, 'signed-off');
    assert.match(r.signOff!.hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(r.review!.reviewedAt, SIGNED_AT);
    assert.equal((await verifyRecord(r)).status, 'verified');
    const reversed = JSON.parse(JSON.stringify(r), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    assert.notEqual(JSON.stringify(reversed), JSON.stringify(r));
    assert.equal((await verifyRecord(reversed)).status, 'verified');
    assert.equal((await verifyRecord(JSON.stringify(r))).status, 'verified');
  });

  const tampering: [string, (r: Record<string, any>) => void][] = [
    ['a self-rating', (r) => (r.self.ratings['work-safely'] = 3)],
    ['a reviewer decision', (r) => (r.review.items['mentor-others'] = { rating: 3 })],
    ['a note', (r) => (r.review.items['work-safely'].note = 'added later')],
    ['the person', (r) => (r.person.name = 'Someone Else')],
    ['the reviewer', (r) => (r.review.reviewer.id = 'sup-999')],
    ['the framework version', (r) => (r.framework.version = '2.0')],
    ['the declaration', (r) => (r.signOff.declaration = 'I did not look.')],
    ['the sign-off time', (r) => (r.signOff.at = '2026-12-03T14:00:00Z')],
    ['evidence', (r) => (r.review.items['work-safely'].evidence = [{ kind: 'observation', label: 'Seen', date: '2026-12-01' }])],
    ['the submission time', (r) => (r.self.submittedAt = '2026-11-01T09:30:00Z')],
  ];
  for (const [what, edit] of tampering) {
    test(`changing ${what} after sign-off fails verifyRecord with a hash_mismatch issue`, async () => {
      const r = asJson(await signedOff(fw, practitioner)) as Record<string, any>;
      edit(r);
      const v = await verifyRecord(r);
      assert.equal(v.status, 'changed');
      assert.equal(v.valid, false);
      if (v.status === 'changed') assert.deepEqual(v.issues.map((i) => [i.code, i.path]), [['hash_mismatch', ['signOff', 'hash']]]);
    });
  }

  test('unsigned and non-records: nothing to verify, never a throw', async () => {
    assert.equal((await verifyRecord(submitted(fw, practitioner))).status, 'unsigned');
    for (const bad of [null, 42, '{', { format: 1 }, []]) assert.equal((await verifyRecord(bad)).status, 'invalid');
  });

  test('without Web Crypto (a plain-http page) the result says it cannot check, rather than throwing', async () => {
    const r = await signedOff(fw, practitioner);
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const v = await verifyRecord(r);
      assert.equal(v.status, 'unverifiable');
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
  });

  test('canonicalJson sorts keys at every depth and leaves out undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 'é' }], c: null } }), '{"a":{"c":null,"d":[2,{"x":"é","z":1}]},"b":1}');
  });

  test('a signed-off record cannot be reviewed, changed, returned or signed again', async () => {
    const r = await signedOff(fw, practitioner);
    assert.throws(() => startReview(r, REVIEWER), RecordError);
    assert.throws(() => reviewItem(r, 'work-safely', { agree: true }), RecordError);
    assert.throws(() => returnRecord(r, { by: REVIEWER, reason: 'x' }), RecordError);
    await assert.rejects(signOffRecord(r, { by: REVIEWER, declaration: DECLARATION }), RecordError);
  });

  test('returning a record keeps the review so far and the reason', () => {
    const r = returnRecord(reviewed(fw, practitioner, { 'work-safely': { rating: 1, note: 'Gloves' } }), {
      by: REVIEWER,
      reason: 'Please add what you did on the moving and handling course.',
      at: SIGNED_AT,
    });
    assert.equal(r.status, 'returned');
    assert.equal(r.returned!.reason, 'Please add what you did on the moving and handling course.');
    assert.deepEqual(r.review!.items['work-safely'], { rating: 1, note: 'Gloves' });
    // the person resubmits, the reviewer starts again: the return is cleared, the review kept
    const again = startReview(r, REVIEWER);
    assert.equal(again.status, 'in-review');
    assert.equal(again.returned, undefined);
    assert.deepEqual(again.review!.items['work-safely'], { rating: 1, note: 'Gloves' });
  });
});

describe('bad records give issues with their paths', () => {
  const at = (id: string): Path => ['review', 'items', id];
  test('evidence links: javascript:, hidden javascript:, data:, no address; text references pass', () => {
    const link = (ref: string | undefined, kind = 'link') => broken((r) => (r.review.items['work-safely'].evidence = [{ kind, label: 'A', date: '2026-12-01', ...(ref === undefined ? {} : { ref }) }]));
    for (const ref of ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' \u0001javascript:alert(1)', 'data:text/html,<script>1</script>', 'ftp://example.org/x', 'example.org/page']) {
      issuesOf(link(ref), 'unsafe_url', [...at('work-safely'), 'evidence', 0, 'ref']);
    }
    issuesOf(link('javascript: alert(1)', 'document'), 'unsafe_url', [...at('work-safely'), 'evidence', 0, 'ref']);
    issuesOf(link(undefined), 'invalid_type', [...at('work-safely'), 'evidence', 0, 'ref']);
    for (const [ref, kind] of [['https://example.org/cert.pdf', 'link'], ['mailto:ann@example.org', 'link'], ['Policy: medication, section 4', 'document'], ['clinical-homecare-core@1.0', 'quiz']]) {
      assert.equal(safeParseRecord(link(ref, kind), fw).success, true, `${kind} ${ref}`);
    }
    assert.equal(isSafeUrl('https://example.org'), true);
    assert.equal(isSafeUrl('https://'), false);
  });

  test('reviewer ratings off the scale, unknown item ids, self-ratings off the scale, an unknown role', () => {
    issuesOf(broken((r) => (r.review.items['work-safely'] = { rating: 4 })), 'rating_off_scale', [...at('work-safely'), 'rating']);
    issuesOf(broken((r) => (r.review.items['work-safely'] = { rating: 1.5 })), 'invalid_type', [...at('work-safely'), 'rating']);
    issuesOf(broken((r) => (r.review.items['no-such-item'] = { agree: true })), 'unknown_item', at('no-such-item'));
    issuesOf(broken((r) => (r.self.ratings['no-such-item'] = 1)), 'unknown_item', ['self', 'ratings', 'no-such-item']);
    issuesOf(broken((r) => (r.self.ratings['work-safely'] = 9)), 'rating_off_scale', ['self', 'ratings', 'work-safely']);
    issuesOf(broken((r) => (r.self.role = 'Astronaut')), 'unknown_role', ['self', 'role']);
    issuesOf(broken((r) => (r.framework.id = 'other')), 'invalid_value', ['framework', 'id']);
    // without the framework only the shape is checked
    assert.equal(safeParseRecord(broken((r) => (r.review.items['no-such-item'] = { rating: 9 })) as object).success, true);
  });

  test('agree and a rating together, status and its parts out of step', async () => {
    issuesOf(broken((r) => (r.review.items['work-safely'] = { agree: true, rating: 1 })), 'invalid_value', [...at('work-safely'), 'rating']);
    issuesOf(broken((r) => (r.review.items['work-safely'] = { agree: false })), 'invalid_value', [...at('work-safely'), 'agree']);
    issuesOf(broken((r) => (r.status = 'signed-off')), 'invalid_type', ['signOff']);
    issuesOf(broken((r) => (r.status = 'returned')), 'invalid_type', ['returned']);
    const signed = await signedOff(fw, practitioner);
    issuesOf(broken((r) => (r.status = 'in-review'), signed), 'invalid_value', ['signOff']);
    issuesOf(broken((r) => (r.signOff.hash = 'md5:abc'), signed), 'invalid_format', ['signOff', 'hash']);
    issuesOf(broken((r) => (r.status = 'done')), 'invalid_value', ['status']);
  });

  test('shape: format, dates, ids, unknown and forbidden keys, JSON text', () => {
    issuesOf(broken((r) => (r.format = 2)), 'invalid_value', ['format']);
    issuesOf(broken((r) => (r.self.submittedAt = 'yesterday')), 'invalid_format', ['self', 'submittedAt']);
    issuesOf(broken((r) => (r.review.items['work-safely'] = { evidence: [{ kind: 'observation', label: 'A', date: '2026-02-30' }] })), 'invalid_format', [...at('work-safely'), 'evidence', 0, 'date']);
    issuesOf(broken((r) => (r.review.items['work-safely'] = { evidence: [{ kind: 'rumour', label: 'A', date: '2026-02-01' }] })), 'invalid_value', [...at('work-safely'), 'evidence', 0, 'kind']);
    issuesOf(broken((r) => (r.person.id = '')), 'too_small', ['person', 'id']);
    issuesOf(broken((r) => (r.extra = 1)), 'unrecognized_keys', []);
    issuesOf(broken((r) => (r.self.ratings.constructor = 1)), 'forbidden_key', ['self', 'ratings', 'constructor']);
    issuesOf(broken((r) => (r.self.ratings.toString = 1)), 'invalid_value', ['self', 'ratings', 'toString']);
    issuesOf(JSON.parse('{"format":1,"__proto__":{"polluted":true}}'), 'forbidden_key', ['__proto__']);
    issuesOf('{"format": 1', 'invalid_json', []);
    const text = JSON.stringify(reviewed(fw, practitioner, {}));
    assert.equal(safeParseRecord(text, fw).success, true);
  });

  test('parsing neither freezes nor changes the caller\'s object', () => {
    const input = asJson(reviewed(fw, practitioner, { 'work-safely': { agree: true } }));
    const before = JSON.stringify(input);
    const r = parseRecord(input, fw);
    assert.ok(Object.isFrozen(r) && !Object.isFrozen(input) && !Object.isFrozen(input.self));
    assert.equal(JSON.stringify(input), before);
  });
});

describe('a record made with another version of the framework', () => {
  /** Version 1.1 drops the competence `lead-change` and adds `lead-quality`. */
  const v11 = parseFramework(
    makeFramework({
      version: '1.1',
      items: makeFramework().items.map((i) => (i.id === 'lead-change' ? { ...i, id: 'lead-quality', title: 'Lead quality' } : i)),
    }),
  );
  const ratings = { ...practitioner, 'lead-change': 2 };

  test('is migrated: ratings and decisions for items the new version lacks are kept aside, with notices', async () => {
    const r = reviewed(fw, ratings, { 'lead-change': { rating: 1, note: 'Kept' }, 'work-safely': { agree: true } });
    const m = migrateRecord(r, v11);
    assert.equal(m.migrated, true);
    assert.equal(m.record.framework.version, '1.1');
    assert.deepEqual(m.record.migrated?.fromVersion, '1.0');
    assert.deepEqual(m.record.migrated?.retired.ratings, { 'lead-change': 2 });
    assert.deepEqual(m.record.migrated?.retired.items, { 'lead-change': { rating: 1, note: 'Kept' } });
    assert.deepEqual(m.notices.map((n) => n.code), ['version_changed', 'items_retired']);
    assert.deepEqual(m.notices[1]!.items, ['lead-change']);
    // nothing dropped: every rating is in the record or kept aside
    assert.equal(Object.keys(m.record.self.ratings).length + Object.keys(m.record.migrated!.retired.ratings).length, Object.keys(ratings).length);
    const c = await confirmLevel(v11, r);
    assert.deepEqual(c.notices, m.notices);
    assert.equal(c.record.framework.version, '1.1');
    assert.ok(c.unconfirmed.includes('lead-quality'));
  });

  test('a signed-off record is kept as it was signed, with a notice, and still verifies', async () => {
    const r = await signedOff(fw, ratings);
    const m = migrateRecord(r, v11);
    assert.equal(m.migrated, false);
    assert.deepEqual(m.record, r);
    assert.deepEqual(m.notices.map((n) => n.code), ['signed_other_version']);
    assert.equal((await verifyRecord(m.record)).status, 'verified');
    const result = await safeConfirmLevel(v11, r);
    assert.equal(result.success, false);
    if (!result.success) assert.deepEqual(result.issues[0]!.path, ['framework', 'version']);
  });
});

describe('a quiz result as evidence', () => {
  const bank = {
    id: 'tiny-quiz',
    title: 'Tiny quiz',
    version: '1.0',
    framework: 'tiny',
    passMark: 0.5,
    questions: ['work-safely', 'mentor-others'].map((item, n) => ({
      id: `q${n + 1}`,
      type: 'single' as const,
      prompt: `About ${item}?`,
      options: [
        { id: 'a', text: 'Right', correct: true },
        { id: 'b', text: 'Wrong', correct: false },
      ],
      items: [item],
      feedback: { correct: 'Yes', incorrect: 'No' },
    })),
  };

  test('adds one quiz entry per item the quiz covers, to the review or to the person\'s own evidence', async () => {
    const score = await scoreQuiz(bank, { q1: ['a'], q2: ['b'] }, { framework: fw });
    const r = attachQuizEvidence(reviewed(fw, practitioner, { 'work-safely': { agree: true } }), score, { date: '2026-12-01' });
    assert.deepEqual(r.review!.items['work-safely'], {
      agree: true,
      evidence: [{ kind: 'quiz', label: 'Quiz tiny-quiz: 100% right on 1 question about this (passed overall, 50%)', date: '2026-12-01', ref: 'tiny-quiz@1.0' }],
    });
    assert.equal(r.review!.items['mentor-others']!.evidence![0]!.label, 'Quiz tiny-quiz: 0% right on 1 question about this (passed overall, 50%)');
    assert.equal(Object.keys(r.review!.items).length, 2);
    // evidence is not a decision: mentor-others is still unconfirmed
    assert.ok((await confirmLevel(fw, r)).unconfirmed.includes('mentor-others'));
    // attached twice on the same day: replaced, not repeated
    assert.equal(attachQuizEvidence(r, score, { date: '2026-12-01' }).review!.items['work-safely']!.evidence!.length, 1);
    const own = attachQuizEvidence(submitted(fw, practitioner), score, { date: '2026-12-01' });
    assert.deepEqual(Object.keys(own.self.evidence!), ['work-safely', 'mentor-others']);
  });

  test('a quiz for another framework is refused', async () => {
    const score = await scoreQuiz(bank, { q1: ['a'] }, { framework: fw });
    const other = { ...score, frameworkId: 'clinical-homecare' };
    assert.throws(() => attachQuizEvidence(submitted(fw, practitioner), other), RecordError);
  });
});
