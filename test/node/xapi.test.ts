/**
 * xAPI 1.0.3 outputs: statements for a real scored quiz (the built-in clinical homecare bank through `scoreQuiz`)
 * follow the statement rules; the validator catches each kind of violation (one negative case per rule, each
 * asserting the issue code and path); the LRS sender is checked against a stub fetch (URL, headers, body, auth
 * encoding, error mapping) and makes no request unless called.
 *
 * Expected values come from the xAPI spec (xAPI-Data.md 1.0.3: ADL verb IRIs, interaction response formats
 * `a[,]b` / `true`/`false`, score rules) and from the bank itself, not from the code under test.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers, type QuizScore } from '../../packages/engine/src/index.ts';
import * as main from '../../packages/engine/src/index.ts';
import {
  deterministicIds,
  sendStatements,
  toXapiStatements,
  safeToXapiStatements,
  validateStatement,
  validateStatements,
  xapiActivityIds,
  type FetchLike,
  type LmsIssue,
  type XapiOptions,
  type XapiStatement,
} from '../../packages/engine/src/lms/index.ts';

const BANK: QuestionBank = quizzes['clinical-homecare-core'];
const REGISTRATION = '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c';
const OPTIONS: XapiOptions = {
  actor: { account: { homePage: 'https://lms.example.org', name: 'learner-1625378' }, name: 'A. Learner' },
  activityBase: 'https://lms.example.org/levelfit/',
  registration: REGISTRATION,
  timestamp: '2026-11-23T10:15:30.000Z',
  idFactory: deterministicIds(REGISTRATION),
};
const V = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  achieved: 'https://w3id.org/xapi/dod-isd/verbs/achieved',
};

const correctIds = (qid: string) => BANK.questions.find((q) => q.id === qid)!.options.filter((o) => o.correct).map((o) => o.id);
const wrongId = (qid: string) => BANK.questions.find((q) => q.id === qid)!.options.find((o) => !o.correct)!.id;
/** Every question right except every third, which gets one wrong option. */
function mixedAnswers(): QuizAnswers {
  const a: QuizAnswers = {};
  BANK.questions.forEach((q, i) => (a[q.id] = i % 3 === 0 ? [wrongId(q.id)] : correctIds(q.id)));
  return a;
}
const allRight = (): QuizAnswers => Object.fromEntries(BANK.questions.map((q) => [q.id, correctIds(q.id)]));
const show = (issues: readonly LmsIssue[]) => JSON.stringify(issues, null, 1);

describe('toXapiStatements on a real scored quiz', () => {
  let score: QuizScore;
  let statements: XapiStatement[];
  beforeEach(async () => {
    score = await scoreQuiz(BANK, mixedAnswers());
    statements = toXapiStatements(score, BANK, OPTIONS);
  });

  test('every statement follows the xAPI 1.0.3 statement rules, also after a JSON round trip', () => {
    assert.deepEqual(validateStatements(statements), [], show(validateStatements(statements)));
    const wire = JSON.parse(JSON.stringify(statements));
    assert.deepEqual(wire, statements, 'no undefined values or non-JSON data');
    assert.deepEqual(validateStatements(wire), []);
    assert.equal(safeToXapiStatements(score, BANK, OPTIONS).success, true);
  });

  test('one answered per question, completed, failed (55.6% < 80%), achieved per item at or above the pass mark', () => {
    const verbs = statements.map((s) => s.verb.id);
    assert.equal(verbs.filter((v) => v === V.answered).length, BANK.questions.length);
    assert.equal(verbs.filter((v) => v === V.completed).length, 1);
    assert.equal(score.passed, false);
    assert.equal(verbs.filter((v) => v === V.failed).length, 1);
    assert.equal(verbs.filter((v) => v === V.passed).length, 0);
    const expectAchieved = score.items.filter((i) => i.mastery >= BANK.passMark).map((i) => i.id);
    assert.ok(expectAchieved.length > 0 && expectAchieved.length < score.items.length, 'the fixture has items on both sides');
    const achieved = statements.filter((s) => s.verb.id === V.achieved);
    assert.deepEqual(
      achieved.map((s) => s.object.id),
      expectAchieved.map((id) => `https://lms.example.org/levelfit/frameworks/clinical-homecare/items/${id}`),
    );
    for (const s of statements) assert.deepEqual(s.verb.display, { 'en-US': s.verb.id.split('/').pop() });
  });

  test('the actor is an account-based Agent with exactly one IFI', () => {
    for (const s of statements) {
      assert.deepEqual(s.actor, { objectType: 'Agent', name: 'A. Learner', account: { homePage: 'https://lms.example.org', name: 'learner-1625378' } });
    }
  });

  test('a multiple-answer question is a choice interaction: choices, correctResponsesPattern a[,]b[,]c, response in the same format', () => {
    const q = BANK.questions.find((x) => x.type === 'multiple')!;
    const s = statements.find((x) => x.object.id.endsWith(`/questions/${q.id}`))!;
    const def = s.object.definition!;
    assert.equal(def.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
    assert.equal(def.interactionType, 'choice');
    assert.deepEqual(def.correctResponsesPattern, [correctIds(q.id).join('[,]')]);
    assert.deepEqual(def.choices, q.options.map((o) => ({ id: o.id, description: { en: o.text } })));
    assert.equal(s.result!.response, mixedAnswers()[q.id]!.join('[,]'));
    const qr = score.questions.find((x) => x.id === q.id)!;
    assert.equal(s.result!.success, qr.correct);
    assert.deepEqual(s.result!.score, { scaled: qr.points / qr.maxPoints, raw: qr.points, min: 0, max: qr.maxPoints });
    assert.deepEqual(s.context!.contextActivities, {
      parent: [{ objectType: 'Activity', id: 'https://lms.example.org/levelfit/banks/clinical-homecare-core' }],
      grouping: [s.context!.contextActivities!.grouping![0]!],
    });
    assert.equal(s.context!.contextActivities!.grouping![0]!.id, 'https://lms.example.org/levelfit/frameworks/clinical-homecare');
    assert.equal(s.context!.registration, REGISTRATION);
    assert.equal(s.context!.revision, '1.0');
  });

  test('a true-false question is a true-false interaction with no choices; response and pattern are true/false', () => {
    const q = BANK.questions.find((x) => x.type === 'true-false')!;
    const s = statements.find((x) => x.object.id.endsWith(`/questions/${q.id}`))!;
    const def = s.object.definition!;
    assert.equal(def.interactionType, 'true-false');
    assert.equal(def.choices, undefined);
    assert.deepEqual(def.correctResponsesPattern, [correctIds(q.id)[0]]); // the bank's options are `true` / `false`
    assert.ok(s.result!.response === 'true' || s.result!.response === 'false');
    assert.equal(s.result!.response, mixedAnswers()[q.id]![0]);
  });

  test('a scenario question carries the scenario in its description', () => {
    const q = BANK.questions.find((x) => x.type === 'scenario')!;
    const s = statements.find((x) => x.object.id.endsWith(`/questions/${q.id}`))!;
    assert.equal(s.object.definition!.interactionType, 'choice');
    assert.ok(s.object.definition!.description!['en']!.startsWith(q.scenario!));
  });

  test('the failed statement carries the whole score; raw within min..max, scaled in 0..1', () => {
    const s = statements.find((x) => x.verb.id === V.failed)!;
    assert.equal(s.object.id, xapiActivityIds(OPTIONS.activityBase, BANK.id, BANK.framework).bank);
    assert.equal(s.object.definition!.type, 'http://adlnet.gov/expapi/activities/assessment');
    assert.deepEqual(s.result!.score, { scaled: score.score.scaled, raw: score.score.raw, min: 0, max: score.score.max });
    assert.equal(s.result!.success, false);
    assert.equal(s.result!.completion, true);
  });

  test('achieved: the item is an objective Activity; framework id/version, item kind travel as definition extensions', () => {
    const s = statements.find((x) => x.verb.id === V.achieved)!;
    const item = score.items.find((i) => s.object.id.endsWith(`/items/${i.id}`))!;
    const def = s.object.definition!;
    assert.equal(def.type, 'http://adlnet.gov/expapi/activities/objective');
    assert.deepEqual(def.name, { en: item.title });
    const ext = 'https://lms.example.org/levelfit/xapi/extensions/';
    assert.equal(def.extensions![`${ext}framework-id`], 'clinical-homecare');
    assert.equal(def.extensions![`${ext}framework-version`], score.frameworkVersion);
    assert.equal(def.extensions![`${ext}item-kind`], item.kind);
    assert.equal(s.result!.score!.scaled, item.mastery);
    assert.equal(s.context!.contextActivities!.parent![0]!.id, 'https://lms.example.org/levelfit/frameworks/clinical-homecare');
    assert.equal(s.context!.contextActivities!.other![0]!.id, 'https://lms.example.org/levelfit/banks/clinical-homecare-core');
  });

  test('ids are deterministic v5 UUIDs with an idFactory, distinct per statement and per registration; random v4 without', () => {
    const again = toXapiStatements(score, BANK, OPTIONS);
    assert.deepEqual(again, statements);
    const ids = statements.map((s) => s.id!);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = toXapiStatements(score, BANK, { ...OPTIONS, idFactory: deterministicIds('another-attempt') });
    assert.notEqual(other[0]!.id, statements[0]!.id);
    const { idFactory: _drop, ...rest } = OPTIONS;
    const random = toXapiStatements(score, BANK, rest);
    for (const s of random) assert.match(s.id!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(toXapiStatements(score, BANK, rest)[0]!.id, random[0]!.id);
  });

  test('all right: passed and every item achieved', async () => {
    const best = await scoreQuiz(BANK, allRight());
    const out = toXapiStatements(best, BANK, OPTIONS);
    assert.deepEqual(validateStatements(out), []);
    assert.equal(out.filter((s) => s.verb.id === V.passed).length, 1);
    assert.equal(out.filter((s) => s.verb.id === V.achieved).length, best.items.length);
  });

  test('unfinished: answered only for answered questions, no completed/passed/failed', async () => {
    const partial: QuizAnswers = Object.fromEntries(BANK.questions.slice(0, 4).map((q) => [q.id, correctIds(q.id)]));
    const s = await scoreQuiz(BANK, partial);
    assert.equal(s.completed, false);
    const out = toXapiStatements(s, BANK, OPTIONS);
    assert.deepEqual(validateStatements(out), []);
    assert.equal(out.filter((x) => x.verb.id === V.answered).length, 4);
    assert.equal(out.filter((x) => [V.completed, V.passed, V.failed].includes(x.verb.id)).length, 0);
  });

  test('a bad actor or base is reported by safeToXapiStatements, with paths', () => {
    const bad = safeToXapiStatements(score, BANK, { ...OPTIONS, actor: { account: { homePage: 'lms.example.org', name: 'x' } } });
    assert.equal(bad.success, false);
    if (bad.success) return;
    assert.deepEqual(bad.issues[0], {
      code: 'invalid_iri',
      path: [0, 'actor', 'account', 'homePage'],
      message: 'account.homePage must be an absolute IRI (scheme:…), got "lms.example.org"',
    });
  });

  test('the main entry does not export the LMS outputs (they live at @levelfit/engine/lms)', () => {
    for (const name of ['toXapiStatements', 'sendStatements', 'findScormApi', 'createScormReporter', 'validateStatements'])
      assert.equal(name in main, false, name);
  });
});

/** A statement that follows every rule; each negative case breaks one. */
function valid(): Record<string, any> {
  return {
    id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '42' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: 'https://lms.example.org/q/1',
      definition: {
        name: { en: 'Q1' },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['a[,]b'],
        choices: [{ id: 'a' }, { id: 'b' }, { id: 'c', description: { en: 'C' } }],
        extensions: { 'https://lms.example.org/ext/x': 1 },
      },
    },
    result: { score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, success: false, completion: true, response: 'a[,]c', duration: 'PT1M30.5S' },
    context: {
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      contextActivities: { parent: [{ id: 'https://lms.example.org/bank' }], grouping: { id: 'https://lms.example.org/fw' } },
      revision: '1.0',
      platform: 'levelfit',
      language: 'en-GB',
      instructor: { mbox: 'mailto:tutor@example.org' },
      statement: { objectType: 'StatementRef', id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' },
      extensions: { 'https://lms.example.org/ext/y': 'z' },
    },
    timestamp: '2026-11-23T10:15:30.123+01:00',
    version: '1.0.3',
  };
}

describe('validateStatement: one negative case per rule', () => {
  test('the reference statement is valid', () => {
    assert.deepEqual(validateStatement(valid()), []);
  });

  const cases: [string, (s: Record<string, any>) => unknown, LmsIssue['code'], (string | number)[]][] = [
    ['a statement is an object', () => [], 'invalid_type', []],
    ['no unknown top-level properties', (s) => void (s['foo'] = 1), 'unrecognized_keys', ['foo']],
    ['id is a UUID in standard form', (s) => void (s['id'] = 'fd41c918b88b4b20a0a5a4c32391aaa0'), 'invalid_uuid', ['id']],
    ['actor is required', (s) => void delete s['actor'], 'missing_property', ['actor']],
    ['verb is required', (s) => void delete s['verb'], 'missing_property', ['verb']],
    ['object is required', (s) => void delete s['object'], 'missing_property', ['object']],
    ['an Agent has no more than one IFI', (s) => void (s['actor']['mbox'] = 'mailto:a@example.org'), 'invalid_ifi', ['actor']],
    ['an Agent has at least one IFI', (s) => void delete s['actor']['account'], 'invalid_ifi', ['actor']],
    ['account.homePage is an absolute IRI', (s) => void (s['actor']['account']['homePage'] = '/lms'), 'invalid_iri', ['actor', 'account', 'homePage']],
    ['account.name is required', (s) => void delete s['actor']['account']['name'], 'missing_property', ['actor', 'account', 'name']],
    ['account has only homePage and name', (s) => void (s['actor']['account']['id'] = 1), 'unrecognized_keys', ['actor', 'account', 'id']],
    ['mbox is a mailto IRI', (s) => void (s['actor'] = { mbox: 'a@example.org' }), 'invalid_mbox', ['actor', 'mbox']],
    ['mbox_sha1sum is 40 hex digits', (s) => void (s['actor'] = { mbox_sha1sum: 'xyz' }), 'invalid_value', ['actor', 'mbox_sha1sum']],
    ['openid is a URI', (s) => void (s['actor'] = { openid: 'not a uri' }), 'invalid_iri', ['actor', 'openid']],
    ['actor objectType is Agent or Group', (s) => void (s['actor']['objectType'] = 'Person'), 'invalid_value', ['actor', 'objectType']],
    ['an anonymous Group lists members', (s) => void (s['actor'] = { objectType: 'Group' }), 'missing_property', ['actor', 'member']],
    ['a Group holds no Groups', (s) => void (s['actor'] = { objectType: 'Group', member: [{ objectType: 'Group', member: [] }] }), 'not_allowed', ['actor', 'member', 0]],
    ['verb id is an IRI', (s) => void (s['verb']['id'] = 'answered'), 'invalid_iri', ['verb', 'id']],
    ['verb display is a language map', (s) => void (s['verb']['display'] = 'answered'), 'invalid_language_map', ['verb', 'display']],
    ['language map keys are RFC 5646 tags', (s) => void (s['verb']['display'] = { en_US: 'answered' }), 'invalid_language_map', ['verb', 'display', 'en_US']],
    ['language map values are strings', (s) => void (s['object']['definition']['name'] = { en: 1 }), 'invalid_language_map', ['object', 'definition', 'name', 'en']],
    ['an Activity id is an absolute IRI', (s) => void (s['object']['id'] = 'q/1'), 'invalid_iri', ['object', 'id']],
    ['an Activity needs an id', (s) => void delete s['object']['id'], 'missing_property', ['object', 'id']],
    ['object objectType is one of the five', (s) => void (s['object']['objectType'] = 'Thing'), 'invalid_value', ['object', 'objectType']],
    ['definition.type is an IRI', (s) => void (s['object']['definition']['type'] = 'question'), 'invalid_iri', ['object', 'definition', 'type']],
    ['definition has no unknown properties', (s) => void (s['object']['definition']['choice'] = []), 'unrecognized_keys', ['object', 'definition', 'choice']],
    ['interactionType is from the enum', (s) => void (s['object']['definition']['interactionType'] = 'multiple-choice'), 'invalid_value', ['object', 'definition', 'interactionType']],
    ['interaction properties need an interactionType', (s) => void delete s['object']['definition']['interactionType'], 'missing_property', ['object', 'definition', 'interactionType']],
    ['correctResponsesPattern is an array', (s) => void (s['object']['definition']['correctResponsesPattern'] = 'a'), 'invalid_type', ['object', 'definition', 'correctResponsesPattern']],
    ['component lists only where the type has them', (s) => {
      s['object']['definition']['interactionType'] = 'true-false';
      s['object']['definition']['correctResponsesPattern'] = ['true'];
      s['result']['response'] = 'true';
    }, 'not_allowed', ['object', 'definition', 'choices']],
    ['component ids are distinct', (s) => void s['object']['definition']['choices'].push({ id: 'a' }), 'duplicate_id', ['object', 'definition', 'choices', 3, 'id']],
    ['extension keys are IRIs', (s) => void (s['object']['definition']['extensions'] = { x: 1 }), 'invalid_iri', ['object', 'definition', 'extensions', 'x']],
    ['score.scaled is within -1..1', (s) => void (s['result']['score']['scaled'] = 1.5), 'out_of_range', ['result', 'score', 'scaled']],
    ['score.raw is at most max', (s) => void (s['result']['score']['raw'] = 3), 'out_of_range', ['result', 'score', 'raw']],
    ['score.raw is at least min', (s) => void (s['result']['score']['raw'] = -1), 'out_of_range', ['result', 'score', 'raw']],
    ['score.min is less than max', (s) => void (s['result']['score'] = { min: 2, max: 2 }), 'out_of_range', ['result', 'score', 'min']],
    ['score values are numbers', (s) => void (s['result']['score']['scaled'] = '0.5'), 'invalid_type', ['result', 'score', 'scaled']],
    ['result.success is a boolean', (s) => void (s['result']['success'] = 'yes'), 'invalid_type', ['result', 'success']],
    ['result.duration is an ISO 8601 duration', (s) => void (s['result']['duration'] = '90 seconds'), 'invalid_duration', ['result', 'duration']],
    ['weeks do not combine with other duration parts', (s) => void (s['result']['duration'] = 'P4W1D'), 'invalid_duration', ['result', 'duration']],
    ['a choice response names choices, delimited by [,]', (s) => void (s['result']['response'] = 'a, d'), 'invalid_response', ['result', 'response']],
    ['a true-false response is true or false', (s) => {
      const d = s['object']['definition'];
      d['interactionType'] = 'true-false';
      d['correctResponsesPattern'] = ['true'];
      delete d['choices'];
      s['result']['response'] = 'yes';
    }, 'invalid_response', ['result', 'response']],
    ['correct response patterns follow the same format', (s) => void (s['object']['definition']['correctResponsesPattern'] = ['a[,]z']), 'invalid_response', ['object', 'definition', 'correctResponsesPattern', 0]],
    ['context.registration is a UUID', (s) => void (s['context']['registration'] = 'attempt-1'), 'invalid_uuid', ['context', 'registration']],
    ['contextActivities keys are parent/grouping/category/other', (s) => void (s['context']['contextActivities']['parents'] = []), 'unrecognized_keys', ['context', 'contextActivities', 'parents']],
    ['contextActivities values are Activities', (s) => void (s['context']['contextActivities']['parent'] = [{ id: 'bank' }]), 'invalid_iri', ['context', 'contextActivities', 'parent', 0, 'id']],
    ['context.revision only with an Activity object', (s) => {
      s['object'] = { objectType: 'Agent', mbox: 'mailto:b@example.org' };
      delete s['result']['response'];
      delete s['context']['platform'];
    }, 'not_allowed', ['context', 'revision']],
    ['context.language is an RFC 5646 tag', (s) => void (s['context']['language'] = 'English (UK)'), 'invalid_value', ['context', 'language']],
    ['context.statement is a StatementRef', (s) => void (s['context']['statement']['objectType'] = 'Statement'), 'invalid_value', ['context', 'statement', 'objectType']],
    ['context.team is a Group', (s) => void (s['context']['team'] = { mbox: 'mailto:t@example.org' }), 'invalid_value', ['context', 'team', 'objectType']],
    ['timestamp is an ISO 8601 date-time', (s) => void (s['timestamp'] = '23/11/2026 10:15'), 'invalid_timestamp', ['timestamp']],
    ['timestamp is a real date', (s) => void (s['timestamp'] = '2026-02-30T10:15:30Z'), 'invalid_timestamp', ['timestamp']],
    ['timestamp has no negative zero offset', (s) => void (s['timestamp'] = '2026-11-23T10:15:30-00:00'), 'invalid_timestamp', ['timestamp']],
    ['version is 1.0.x', (s) => void (s['version'] = '2.0.0'), 'invalid_version', ['version']],
    ['the voiding verb needs a StatementRef', (s) => void (s['verb'] = { id: 'http://adlnet.gov/expapi/verbs/voided' }), 'invalid_value', ['object', 'objectType']],
    ['a StatementRef id is a UUID', (s) => {
      s['object'] = { objectType: 'StatementRef', id: 'nope' };
      delete s['result']['response'];
      delete s['context']['revision'];
      delete s['context']['platform'];
    }, 'invalid_uuid', ['object', 'id']],
    ['a SubStatement has no id', (s) => {
      s['object'] = { objectType: 'SubStatement', id: s['id'], actor: s['actor'], verb: s['verb'], object: { id: 'https://lms.example.org/x' } };
      delete s['result']['response'];
      delete s['context']['revision'];
      delete s['context']['platform'];
    }, 'unrecognized_keys', ['object', 'id']],
    ['a SubStatement holds no SubStatement', (s) => {
      s['object'] = {
        objectType: 'SubStatement', actor: s['actor'], verb: s['verb'],
        object: { objectType: 'SubStatement', actor: s['actor'], verb: s['verb'], object: { id: 'https://lms.example.org/x' } },
      };
      delete s['result']['response'];
      delete s['context']['revision'];
      delete s['context']['platform'];
    }, 'not_allowed', ['object', 'object', 'objectType']],
    ['an Agent object states its objectType... and its IFI', (s) => {
      s['object'] = { objectType: 'Agent', name: 'no ifi' };
      delete s['result']['response'];
      delete s['context']['revision'];
      delete s['context']['platform'];
    }, 'invalid_ifi', ['object']],
    ['attachments have a usageType IRI', (s) => void (s['attachments'] = [{ usageType: 'sig', display: { en: 'x' }, contentType: 'text/plain', length: 1, sha2: 'ab' }]), 'invalid_iri', ['attachments', 0, 'usageType']],
  ];
  for (const [rule, edit, code, path] of cases) {
    test(rule, () => {
      const s = valid();
      const replaced = edit(s);
      const issues = validateStatement(replaced === undefined ? s : replaced);
      assert.ok(issues.length > 0, `${rule}: no issue`);
      assert.deepEqual(
        issues.map((i) => [i.code, i.path]),
        [[code, path]],
        `${rule}: ${show(issues)}`,
      );
      assert.ok(issues[0]!.message.length > 0);
    });
  }

  test('validateStatements: an array, and no id twice', () => {
    assert.deepEqual(validateStatements({}).map((i) => i.code), ['invalid_type']);
    const twice = validateStatements([valid(), valid()]);
    assert.deepEqual(twice.map((i) => [i.code, i.path]), [['duplicate_id', [1, 'id']]]);
  });
});

describe('sendStatements (LRS) with a stub fetch', () => {
  type Call = { url: string; init: Parameters<FetchLike>[1] };
  const realFetch = globalThis.fetch;
  let calls: Call[];
  let globalCalls: number;
  const reply = (status: number, body: string, statusText = ''): FetchLike =>
    async (url, init) => {
      calls.push({ url, init });
      return { ok: status >= 200 && status < 300, status, statusText, text: async () => body };
    };
  let statements: XapiStatement[];
  beforeEach(async () => {
    calls = [];
    globalCalls = 0;
    globalThis.fetch = (async () => {
      globalCalls++;
      throw new Error('unexpected network access');
    }) as typeof fetch;
    statements = toXapiStatements(await scoreQuiz(BANK, mixedAnswers()), BANK, OPTIONS);
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  test('building statements makes no request; nothing is sent unless sendStatements is called', () => {
    assert.ok(statements.length > 0);
    assert.equal(globalCalls, 0);
  });

  test('POSTs the statements as JSON to <endpoint>/statements with the version header and Basic auth (UTF-8)', async () => {
    const ids = statements.map((s) => s.id);
    const out = await sendStatements(statements, {
      endpoint: 'https://lrs.example.org/xapi/',
      auth: { username: 'key', password: 'sécret:1' },
      fetch: reply(200, JSON.stringify(ids)),
    });
    assert.deepEqual(out, { ok: true, ids });
    assert.equal(calls.length, 1);
    const { url, init } = calls[0]!;
    assert.equal(url, 'https://lrs.example.org/xapi/statements');
    assert.equal(init.method, 'POST');
    assert.equal(init.headers['X-Experience-API-Version'], '1.0.3');
    assert.match(init.headers['Content-Type']!, /^application\/json/);
    assert.equal(init.headers['Authorization'], `Basic ${Buffer.from('key:sécret:1', 'utf8').toString('base64')}`);
    assert.deepEqual(JSON.parse(init.body), statements);
    assert.equal(globalCalls, 0);
  });

  test('a token is sent as Bearer; a string as the header value itself', async () => {
    await sendStatements(statements, { endpoint: 'https://lrs.example.org/xapi', auth: { token: 'abc.def' }, fetch: reply(200, '[]') });
    await sendStatements(statements, { endpoint: 'https://lrs.example.org/xapi', auth: 'Basic a2V5OnNlY3JldA==', fetch: reply(200, '[]') });
    assert.equal(calls[0]!.init.headers['Authorization'], 'Bearer abc.def');
    assert.equal(calls[1]!.init.headers['Authorization'], 'Basic a2V5OnNlY3JldA==');
    assert.equal(calls[1]!.url, 'https://lrs.example.org/xapi/statements');
  });

  test('HTTP errors become lrs_http_error issues with the status', async () => {
    for (const [status, hint] of [
      [400, 'rejected'],
      [401, 'credentials'],
      [403, 'credentials'],
      [409, 'already stored'],
      [500, 'try again'],
      [503, 'try again'],
    ] as const) {
      const out = await sendStatements(statements, { endpoint: 'https://lrs.example.org/xapi', auth: { token: 't' }, fetch: reply(status, '{"message":"nope"}', 'Status') });
      assert.equal(out.ok, false);
      if (out.ok) continue;
      assert.equal(out.status, status);
      assert.equal(out.issue.code, 'lrs_http_error');
      assert.deepEqual(out.issue.path, ['statements']);
      assert.match(out.issue.message, new RegExp(`${status}.*${hint}.*nope`));
    }
  });

  test('a network failure (rejected or throwing fetch) is lrs_network_error; nothing throws', async () => {
    const rejected = await sendStatements(statements, {
      endpoint: 'https://lrs.example.org/xapi',
      auth: { token: 't' },
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    assert.deepEqual(rejected, { ok: false, issue: { code: 'lrs_network_error', path: ['statements'], message: 'the LRS could not be reached: fetch failed' } });
    const thrown = await sendStatements(statements, {
      endpoint: 'https://lrs.example.org/xapi',
      auth: { token: 't' },
      fetch: () => {
        throw new Error('boom');
      },
    });
    assert.equal(thrown.ok, false);
    if (!thrown.ok) assert.equal(thrown.issue.code, 'lrs_network_error');
  });

  test('bad config, bad statements and empty batches make no request', async () => {
    const f = reply(200, '[]');
    const badEndpoint = await sendStatements(statements, { endpoint: 'lrs.example.org', auth: { token: 't' }, fetch: f });
    assert.equal(!badEndpoint.ok && badEndpoint.issue.code, 'invalid_config');
    const badAuth = await sendStatements(statements, { endpoint: 'https://lrs.example.org', auth: {} as never, fetch: f });
    assert.equal(!badAuth.ok && badAuth.issue.code, 'invalid_config');
    const bad = [{ ...statements[0]!, timestamp: 'yesterday' }];
    const invalid = await sendStatements(bad, { endpoint: 'https://lrs.example.org', auth: { token: 't' }, fetch: f });
    assert.equal(!invalid.ok && invalid.issue.code, 'invalid_timestamp');
    assert.deepEqual(await sendStatements([], { endpoint: 'https://lrs.example.org', auth: { token: 't' }, fetch: f }), { ok: true, ids: [] });
    assert.equal(calls.length, 0);
    assert.equal(globalCalls, 0);
  });

  test('without config.fetch it uses the platform fetch only when called; without any fetch it says so', async () => {
    globalThis.fetch = (async (url: string) => {
      globalCalls++;
      return new Response(JSON.stringify([statements[0]!.id]), { status: 200 });
    }) as typeof fetch;
    const out = await sendStatements(statements.slice(0, 1), { endpoint: 'https://lrs.example.org/xapi', auth: { token: 't' } });
    assert.deepEqual(out, { ok: true, ids: [statements[0]!.id] });
    assert.equal(globalCalls, 1);
    // @ts-expect-error: a platform without fetch
    delete globalThis.fetch;
    const none = await sendStatements(statements, { endpoint: 'https://lrs.example.org/xapi', auth: { token: 't' } });
    assert.equal(!none.ok && none.issue.code, 'lrs_unavailable');
  });

  test('a 200 without an id list falls back to the ids sent', async () => {
    const out = await sendStatements(statements, { endpoint: 'https://lrs.example.org/xapi', auth: { token: 't' }, fetch: reply(200, '') });
    assert.deepEqual(out, { ok: true, ids: statements.map((s) => s.id) });
  });
});
