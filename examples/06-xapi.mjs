/**
 * 06: the quiz result of 05 as xAPI 1.0.3 statements for a Learning Record Store (LRS). `toXapiStatements` is
 * pure (no network); `validateStatements` checks the statement rules an LRS enforces; `sendStatements` makes one
 * `POST <endpoint>/statements`, and only when your code calls it. Here its `fetch` is a stub that records the
 * request, so nothing leaves the machine.
 * Run: npm run build:lib && node examples/06-xapi.mjs
 */
import assert from 'node:assert/strict';
import { quizzes, scoreQuiz } from '@levelfit/engine';
import { deterministicIds, safeToXapiStatements, sendStatements, toXapiStatements, validateStatements } from '@levelfit/engine/lms';

const bank = quizzes['clinical-homecare-core'];
// The learner of 05: every question right except two wrong and one "select all" half-done (the score does not
// depend on self-ratings, so none are given here).
const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
Object.assign(answers, { 'ipc-five-moments': ['b', 'd'], 'caldicott-principle': ['b'], 'caller-identity': ['b'] });
const score = await scoreQuiz(bank, answers);

// The attempt's registration UUID (from your launch, e.g. cmi5) seeds v5 statement ids: re-sending the same
// attempt gives the same ids, so the LRS de-duplicates a retry instead of storing copies.
const registration = 'c0a8f3e2-7d41-4b6a-9e2f-5a1b3c4d5e6f';
const options = {
  actor: { account: { homePage: 'https://lms.example.org', name: 'learner-1625378' } }, // an opaque account, no e-mail
  activityBase: 'https://lms.example.org/levelfit',
  registration,
  timestamp: '2026-11-23T10:15:30.000Z',
  idFactory: deterministicIds(registration),
};
const statements = toXapiStatements(score, bank, options);

const count = (verb) => statements.filter((s) => s.verb.id.endsWith(`/${verb}`)).length;
console.log(`${statements.length} statements: ${['answered', 'completed', 'passed', 'failed', 'achieved'].map((v) => `${count(v)} ${v}`).join(', ')}`);
assert.deepEqual(validateStatements(statements), []); // zero issues: an LRS will accept them

// One `answered` per question, `completed` and `passed` on the bank (with the score), and `achieved` per
// competence whose mastery reaches the pass mark (0.8): 13 of 14 — not confidentiality (0.5).
assert.equal(statements.length, 38);
assert.deepEqual([count('answered'), count('completed'), count('passed'), count('failed'), count('achieved')], [23, 1, 1, 0, 13]);
const passed = statements.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/passed');
assert.equal(passed.object.id, 'https://lms.example.org/levelfit/banks/clinical-homecare-core');
assert.deepEqual(passed.result.score, { scaled: 0.91358, raw: 24.666667, min: 0, max: 27 });
assert.equal(passed.context.registration, registration);
assert.ok(!statements.some((s) => s.object.id.endsWith('/items/confidentiality')));
const first = statements[0]; // the answer to the first question, as a cmi.interaction
assert.equal(first.object.definition.interactionType, 'choice');
assert.deepEqual(first.object.definition.correctResponsesPattern, ['b']);
assert.equal(first.result.response, 'b');
assert.deepEqual(first.actor, { objectType: 'Agent', account: options.actor.account });
// v5 UUID of `levelfit:<registration>:answered/<question id>` in the RFC 4122 URL namespace (Python's uuid.uuid5 agrees).
assert.equal(first.id, '10877ec0-eb07-5076-b82c-12d157b527af');
assert.deepEqual(toXapiStatements(score, bank, options), statements); // same input, same statements and ids

// Sending: pass your LRS endpoint and credentials; `fetch` defaults to the platform's, here a recording stub.
const requests = [];
const fetch = async (url, init) => {
  requests.push({ url, ...init });
  return { ok: true, status: 200, text: async () => JSON.stringify(JSON.parse(init.body).map((s) => s.id)) };
};
const sent = await sendStatements(statements, {
  endpoint: 'https://lrs.example.org/xapi/',
  auth: { username: 'lrs-key', password: 'lrs-secret' }, // or { token } for Bearer, or a ready header value
  fetch,
});
console.log(`Sent: ${sent.ok ? `${sent.ids.length} statements stored` : sent.issue.message}`);

assert.equal(sent.ok, true);
assert.deepEqual(sent.ids, statements.map((s) => s.id));
assert.equal(requests.length, 1);
const [req] = requests;
assert.equal(req.method, 'POST');
assert.equal(req.url, 'https://lrs.example.org/xapi/statements');
assert.equal(req.headers['X-Experience-API-Version'], '1.0.3');
assert.equal(req.headers.Authorization, `Basic ${Buffer.from('lrs-key:lrs-secret').toString('base64')}`);
assert.equal(req.headers['Content-Type'], 'application/json; charset=utf-8');
assert.deepEqual(JSON.parse(req.body), statements);

// Every xAPI Agent form works as the actor: account (above), mbox, mbox_sha1sum or openid, exactly one of them.
const byEmail = toXapiStatements(score, bank, { ...options, actor: { mbox: 'mailto:learner@example.org', name: 'A. Learner' } });
assert.deepEqual(byEmail[0].actor, { objectType: 'Agent', name: 'A. Learner', mbox: 'mailto:learner@example.org' });
assert.deepEqual(validateStatements(byEmail), []);
// An actor with two identifiers (or none, or a bad one) is an issue, never a TypeError.
const twoIds = safeToXapiStatements(score, bank, { ...options, actor: { mbox: 'mailto:learner@example.org', openid: 'https://id.example.org/learner' } });
assert.equal(twoIds.success, false);
assert.equal(twoIds.issues[0].code, 'invalid_ifi');
console.log(`Two identifiers: ${twoIds.issues[0].message}`);
