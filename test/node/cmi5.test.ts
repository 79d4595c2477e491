/**
 * The cmi5 assignable-unit session against an LMS on loopback whose LRS is a real one (Learning Locker's
 * `xapi-statements`, in memory; see test/support/cmi5-lms.mjs): launch parameters, one token fetch,
 * LMS.LaunchData, statement order, at most one completed / passed / failed per registration judged against
 * masteryScore, Browse mode sending no result, the draft kept in the State API. Every statement the LRS
 * stored is also checked by `xapi-validation` and by levelfit's `validateStatements`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers } from '../../packages/engine/src/index.ts';
import {
  CMI5,
  createCmi5Session,
  parseCmi5Launch,
  parseLaunchData,
  type Cmi5Session,
  type XapiStatement,
} from '../../packages/engine/src/lms/index.ts';
import { AU_ACTIVITY_ID, startCmi5Lms } from '../support/cmi5-lms.mjs';

type Lms = Awaited<ReturnType<typeof startCmi5Lms>>;
const BANK: QuestionBank = quizzes['clinical-homecare-core'];
const VERB = (s: XapiStatement) => s.verb.id.split('/').pop()!;
const DEFINED = new Set(['initialized', 'completed', 'passed', 'failed', 'terminated']);

/** Answers with the first `right` questions right and the rest wrong. */
function answers(right: number): QuizAnswers {
  return Object.fromEntries(
    BANK.questions.map((q, i) => [q.id, i < right ? q.options.filter((o) => o.correct).map((o) => o.id) : [q.options.find((o) => !o.correct)!.id]]),
  );
}

let lms: Lms;
before(async () => {
  lms = await startCmi5Lms();
});
after(async () => {
  await lms?.close();
});

const url = (query: string) => `https://content.example.org/au/index.html${query}`;
const statementsOf = (registration: string) => lms.log.filter((e) => e.statement.context?.registration === registration);

describe('launch parameters and launch data', () => {
  test('a launch URL gives the five parameters; a page opened without them gets one issue each', () => {
    const q = new URLSearchParams({
      endpoint: 'https://lrs.example.org/xapi/',
      fetch: 'https://lms.example.org/fetch/1',
      actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'x1' } }),
      registration: '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c',
      activityId: 'https://lms.example.org/au/1',
    });
    const parsed = parseCmi5Launch(url(`?${q}`));
    assert.ok(parsed.success);
    assert.equal(parsed.data.registration, '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c');
    assert.deepEqual(parsed.data.actor, { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'x1' } });
    const none = parseCmi5Launch('https://content.example.org/au/index.html');
    assert.ok(!none.success);
    assert.deepEqual(none.issues.map((i) => i.path[0]).sort(), ['activityId', 'actor', 'endpoint', 'fetch', 'registration']);
    q.set('actor', '{"name":"no identifier"}');
    q.set('endpoint', 'javascript:alert(1)');
    const bad = parseCmi5Launch(`?${q}`);
    assert.ok(!bad.success);
    assert.deepEqual(bad.issues.map((i) => i.path[0]).sort(), ['actor', 'endpoint']);
    assert.ok(bad.issues.every((i) => i.code === 'cmi5_launch'));
  });

  test('LMS.LaunchData is checked field by field', () => {
    const good = parseLaunchData({ contextTemplate: {}, launchMode: 'Browse', moveOn: 'Passed', masteryScore: 0.5, returnURL: 'https://lms.example.org/' });
    assert.ok(good.success);
    assert.equal(good.data.masteryScore, 0.5);
    const bad = parseLaunchData({ launchMode: 'Play', moveOn: 'Sometimes', masteryScore: 2 });
    assert.ok(!bad.success);
    assert.deepEqual(bad.issues.map((i) => i.path[0]).sort(), ['contextTemplate', 'launchMode', 'masteryScore', 'moveOn']);
    assert.ok(!parseLaunchData('nope').success);
  });
});

describe('a session against the LMS and a real LRS', () => {
  test('the LRS is the real xapi-statements process', () => {
    assert.ok(Array.isArray((lms.lrsAbout as { version?: unknown }).version), 'GET /about answers the versions it speaks');
  });

  test('Normal mode: initialized first, the draft resumes in the next session, passed against masteryScore once per registration, terminated last', async () => {
    const { query, registration, sessionId } = await lms.launch({ masteryScore: 0.8 });

    // Session 1: the learner answers some questions and leaves.
    const s1 = createCmi5Session(url(query));
    const start1 = await s1.start();
    assert.ok(start1.ok, JSON.stringify(start1.issues));
    assert.equal(start1.launchData?.launchMode, 'Normal');
    assert.equal(start1.draft, null);
    assert.equal(s1.returnURL, 'https://lms.example.org/courses/care-basics');
    const partial = Object.fromEntries(Object.entries(answers(23)).slice(0, 5));
    assert.ok((await s1.saveProgress(partial, 'q5', { seed: 42 })).ok);
    assert.ok((await s1.terminate()).ok);
    assert.equal(s1.state, 'terminated');
    const late = await s1.saveProgress(partial, 'q6');
    assert.equal(late.ok, false, 'nothing is sent after terminated');
    assert.equal(late.issues[0]?.code, 'cmi5_session');

    // Session 2 (a new launch of the same registration): resumes, then submits all right.
    const second = await lms.launch({ masteryScore: 0.8, registration });
    const s2 = createCmi5Session(url(second.query));
    const start2 = await s2.start();
    assert.ok(start2.ok);
    assert.deepEqual(start2.draft?.answers, partial);
    assert.equal(start2.draft?.seed, 42);
    assert.equal(start2.position, 'q5');
    const score = await scoreQuiz(BANK, answers(23));
    const reported = await s2.reportQuiz(score, BANK, { terminate: true });
    assert.ok(reported.ok, JSON.stringify(reported.issues));
    assert.deepEqual(s2.sent, { completed: true, passed: true, failed: false });

    // Session 3: submitting again sends no second completed or passed.
    const third = await lms.launch({ masteryScore: 0.8, registration });
    const s3 = createCmi5Session(url(third.query));
    const start3 = await s3.start();
    assert.equal(start3.draft, null, 'the draft was cleared once reported');
    assert.deepEqual(start3.sent, { completed: true, passed: true, failed: false });
    assert.ok((await s3.reportQuiz(await scoreQuiz(BANK, answers(0)), BANK, { terminate: true })).ok);

    const all = statementsOf(registration).map((e) => e.statement as XapiStatement);
    const defined = all.filter((s) => s.context?.contextActivities?.category?.some((c) => c.id === CMI5.category)).map(VERB);
    assert.deepEqual(defined, ['initialized', 'terminated', 'initialized', 'completed', 'passed', 'terminated', 'initialized', 'terminated']);
    // Per session: initialized first, terminated last, across all statements (answered / achieved in between).
    const sessions = [sessionId, second.sessionId, third.sessionId].map((id) => all.filter((s) => s.context?.extensions?.[CMI5.sessionIdExtension] === id).map(VERB));
    for (const verbs of sessions) {
      assert.equal(verbs[0], 'initialized');
      assert.equal(verbs.at(-1), 'terminated');
    }
    assert.ok(sessions[1]!.includes('answered') && sessions[1]!.includes('achieved'), 'levelfit detail goes as cmi5 allowed statements');
    assert.ok(!sessions[2]!.includes('answered'), 'nothing re-reported once passed');

    const passed = all.find((s) => VERB(s) === 'passed')!;
    assert.equal(passed.object.id, AU_ACTIVITY_ID);
    assert.deepEqual(passed.result?.score, { scaled: 1, raw: score.score.raw, min: 0, max: score.score.max });
    assert.equal(passed.result?.success, true);
    assert.match(passed.result?.duration ?? '', /^PT/);
    assert.equal(passed.context?.extensions?.[CMI5.masteryScoreExtension], 0.8);
    assert.deepEqual(passed.context?.contextActivities?.category?.map((c) => c.id), [CMI5.category, CMI5.moveOnCategory]);
    const completed = all.find((s) => VERB(s) === 'completed')!;
    assert.deepEqual(Object.keys(completed.result ?? {}).sort(), ['completion', 'duration']);
    const initialized = all.find((s) => VERB(s) === 'initialized')!;
    assert.equal(initialized.result, undefined);
    assert.match(all.find((s) => VERB(s) === 'terminated')!.result?.duration ?? '', /^PT/);

    // The context template is in every statement, defined or allowed.
    for (const s of all) {
      assert.equal(s.context?.registration, registration);
      assert.ok(typeof s.context?.extensions?.[CMI5.sessionIdExtension] === 'string', `${VERB(s)} has the sessionid`);
      assert.ok(s.context?.contextActivities?.grouping?.some((g) => g.id.endsWith('/publisher')), `${VERB(s)} has the template's grouping`);
      if (!DEFINED.has(VERB(s))) assert.ok(!s.context?.contextActivities?.category?.some((c) => c.id === CMI5.category), 'allowed statements carry no cmi5 category');
    }
    // The real LRS stored every one of them.
    const stored = new Set((await lms.stored(registration)).map((s) => s.id));
    for (const s of all) assert.ok(stored.has(s.id!), `the LRS stored ${VERB(s)}`);
  });

  test('a score the bank passes but under masteryScore is failed; failed is sent once, and a later pass still counts', async () => {
    const passMarkOnly = await scoreQuiz(BANK, answers(20)); // 20 of 23: over the bank's 0.8, under 0.95
    assert.equal(passMarkOnly.passed, true);
    const { registration, query } = await lms.launch({ masteryScore: 0.95, moveOn: 'Passed' });
    const run = async (q: string, a: QuizAnswers) => {
      const s = createCmi5Session(url(q));
      assert.ok((await s.start()).ok);
      return s.reportQuiz(await scoreQuiz(BANK, a), BANK, { terminate: true });
    };
    assert.ok((await run(query, answers(20))).ok);
    assert.ok((await run((await lms.launch({ masteryScore: 0.95, registration })).query, answers(19))).ok);
    assert.ok((await run((await lms.launch({ masteryScore: 0.95, registration })).query, answers(23))).ok);
    const verbs = statementsOf(registration).map((e) => VERB(e.statement as XapiStatement)).filter((v) => ['completed', 'passed', 'failed'].includes(v));
    assert.deepEqual(verbs, ['completed', 'failed', 'passed']);
    const failed = statementsOf(registration).map((e) => e.statement as XapiStatement).find((s) => VERB(s) === 'failed')!;
    assert.equal(failed.result?.success, false);
    assert.ok(failed.result!.score!.scaled! < 0.95);
  });

  for (const launchMode of ['Browse', 'Review'] as const) {
    test(`${launchMode} mode sends initialized and terminated only, and saves no draft`, async () => {
      const { query, registration } = await lms.launch({ launchMode });
      const s = createCmi5Session(url(query));
      assert.ok((await s.start()).ok);
      assert.equal(s.launchMode, launchMode);
      assert.ok((await s.saveProgress(answers(3), 'q3')).ok);
      assert.ok((await s.reportQuiz(await scoreQuiz(BANK, answers(23)), BANK, { terminate: true })).ok);
      assert.deepEqual(statementsOf(registration).map((e) => VERB(e.statement as XapiStatement)), ['initialized', 'terminated']);
      assert.ok(![...lms.state.keys()].some((k) => k.includes(registration) && k.endsWith('|levelfit')), 'no draft written');
    });
  }

  test('the self-assessment form: completed once, with the level in the result', async () => {
    const { query, registration } = await lms.launch({ moveOn: 'Completed' });
    const s = createCmi5Session(url(query));
    assert.ok((await s.start()).ok);
    const ext = 'https://lms.example.org/levelfit/xapi/extensions/level';
    assert.ok((await s.complete({ extensions: { [ext]: 'level-2' } })).ok);
    assert.ok((await s.complete()).ok, 'a second complete sends nothing and is not an error');
    assert.ok((await s.terminate()).ok);
    const verbs = statementsOf(registration).map((e) => e.statement as XapiStatement);
    assert.deepEqual(verbs.map(VERB), ['initialized', 'completed', 'terminated']);
    assert.equal(verbs[1]!.result?.extensions?.[ext], 'level-2');
  });

  test('the fetch URL is asked once; a second page on the same launch needs the kept token', async () => {
    const { query } = await lms.launch();
    const before = lms.fetchCalls;
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const s = createCmi5Session(url(query), { tokenStore: store });
    await Promise.all([s.start(), s.start(), s.start()]);
    assert.equal(lms.fetchCalls - before, 1, 'one fetch for any number of start() calls');
    const again = await createCmi5Session(url(query)).start();
    assert.equal(again.ok, false);
    assert.equal(again.issues[0]?.code, 'cmi5_auth');
    assert.match(again.issues[0]!.message, /launch again/);
    const reload = await createCmi5Session(url(query), { tokenStore: store }).start();
    assert.ok(reload.ok, 'a reload with the kept token goes on');
    assert.equal(lms.fetchCalls - before, 2);
  });

  test('terminate({ keepalive }) asks fetch to let the request outlive the page', async () => {
    const { query, registration } = await lms.launch();
    const inits: { method: string; keepalive?: boolean }[] = [];
    const s = createCmi5Session(url(query), { fetch: (u, init) => (inits.push(init), fetch(u, init)) });
    assert.ok((await s.start()).ok);
    assert.ok((await s.terminate({ keepalive: true })).ok);
    assert.deepEqual(inits.map((i) => [i.method, i.keepalive === true]), [['POST', false], ['GET', false], ['GET', false], ['POST', false], ['POST', true]]);
    assert.deepEqual(statementsOf(registration).map((e) => VERB(e.statement)), ['initialized', 'terminated']);
  });

  test('a page opened outside the LMS sends nothing and says why', async () => {
    let calls = 0;
    const s: Cmi5Session = createCmi5Session(url('?endpoint=https://lrs.example.org/'), {
      fetch: async () => {
        calls++;
        throw new Error('no network expected');
      },
    });
    const start = await s.start();
    assert.equal(start.ok, false);
    assert.ok(start.issues.length >= 4);
    assert.equal(calls, 0);
    assert.equal((await s.terminate()).ok, false);
  });

  test('every statement the LRS stored passes xapi-validation and levelfit validateStatements', () => {
    assert.ok(lms.log.length > 40, `checked ${lms.log.length} statements`);
    for (const entry of lms.log) {
      assert.deepEqual(entry.xapiValidation, [], `xapi-validation: ${VERB(entry.statement as XapiStatement)}`);
      assert.deepEqual(entry.levelfit, [], `validateStatements: ${VERB(entry.statement as XapiStatement)}`);
    }
  });
});
