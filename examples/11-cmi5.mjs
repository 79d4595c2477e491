/**
 * 11: a quiz as a cmi5 assignable unit (AU). The LMS opens the AU's page with five launch parameters
 * (endpoint, fetch, actor, registration, activityId); `createCmi5Session(location)` reads them, fetches the auth
 * token once, reads LMS.LaunchData (launch mode, masteryScore, context template, returnURL) and sends
 * `initialized`; `reportQuiz` sends `completed` and `passed` / `failed` judged against masteryScore, each at most
 * once per registration; `terminate` sends `terminated`, the last statement. In a page,
 * `connectQuizToCmi5(quiz, session)` from `@levelfit/elements/cmi5.js` does this for `<lf-quiz>`.
 * Here `fetch` is a small in-memory LMS (token, State API, statements), so nothing leaves the machine.
 * Run: npm run build:lib && node examples/11-cmi5.mjs
 */
import assert from 'node:assert/strict';
import { quizzes, scoreQuiz } from '@levelfit/engine';
import { createCmi5Session, validateStatements } from '@levelfit/engine/lms';

// --- what the LMS does before it opens the page -------------------------------------------------------------
const registration = '5d7e3c1a-2b4f-4e6a-9c8d-0f1e2d3c4b5a';
const launchData = (launchMode) => ({
  launchMode,
  moveOn: 'CompletedAndPassed',
  masteryScore: 0.9, // the LMS's bar, which overrides the bank's own pass mark (0.8)
  returnURL: 'https://lms.example.org/courses/care-basics',
  contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': `session-${launchMode}` } },
});
const lrs = { statements: [], state: new Map() };
let fetchCalls = 0;
/** The LMS's endpoints, in memory: the one-time token URL, the State API and the Statement API. */
async function fetch(url, init) {
  const answer = (status, body = '') => ({ ok: status < 300, status, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) });
  const u = new URL(url);
  if (u.pathname.startsWith('/fetch')) return fetchCalls++ === 0 ? answer(200, { 'auth-token': 'dG9rZW4=' }) : answer(200, { 'error-code': '1' });
  assert.equal(init.headers.Authorization, 'Basic dG9rZW4='); // every LRS call carries the fetched token
  if (u.pathname.endsWith('/activities/state')) {
    const key = `${u.searchParams.get('registration')}/${u.searchParams.get('stateId')}`;
    if (init.method === 'GET') return lrs.state.has(key) ? answer(200, lrs.state.get(key)) : answer(404);
    lrs.state.set(key, init.body);
    return answer(204);
  }
  const batch = JSON.parse(init.body);
  lrs.statements.push(...batch);
  return answer(200, batch.map((s) => s.id));
}
const launchUrl = (mode) => {
  lrs.state.set(`${registration}/LMS.LaunchData`, JSON.stringify(launchData(mode)));
  fetchCalls = 0; // each launch gets a fresh fetch URL
  const q = new URLSearchParams({
    endpoint: 'https://lrs.example.org/xapi/',
    fetch: `https://lms.example.org/fetch/${mode}`,
    actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-1625378' } }),
    registration,
    activityId: 'https://lms.example.org/courses/care-basics/au/levelfit-quiz',
  });
  return `https://content.example.org/levelfit/index.html?${q}`;
};

// --- the AU: a quiz scoring 0.91 passes the LMS's 0.9 ---------------------------------------------------------
const bank = quizzes['clinical-homecare-core'];
const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
Object.assign(answers, { 'ipc-five-moments': ['b', 'd'], 'caldicott-principle': ['b'], 'caller-identity': ['b'] });
const score = await scoreQuiz(bank, answers);

const session = createCmi5Session(launchUrl('Normal'), { fetch, detail: false });
const start = await session.start();
assert.ok(start.ok, JSON.stringify(start.issues));
assert.equal(session.launchMode, 'Normal');
await session.saveProgress({ [bank.questions[0].id]: answers[bank.questions[0].id] }, 1); // the draft goes to the LRS state
const report = await session.reportQuiz(score, bank, { terminate: true });
assert.ok(report.ok, JSON.stringify(report.issues));
const verbs = lrs.statements.map((s) => s.verb.display['en-US']);
console.log(`Normal launch: ${verbs.join(', ')} (score ${score.score.scaled.toFixed(2)}, masteryScore 0.9)`);
assert.deepEqual(verbs, ['initialized', 'completed', 'passed', 'terminated']);
const passed = lrs.statements[2];
assert.equal(passed.object.id, 'https://lms.example.org/courses/care-basics/au/levelfit-quiz');
assert.equal(passed.context.registration, registration);
assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.9);
assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'], 'session-Normal');
assert.match(passed.result.duration, /^PT/);
assert.deepEqual(validateStatements(lrs.statements), []);
assert.equal(session.returnURL, 'https://lms.example.org/courses/care-basics'); // where the page sends the learner
assert.equal((await session.saveProgress({}, 0)).issues[0].code, 'cmi5_session'); // nothing after terminated

// A second launch of the same registration reports nothing twice; a Browse launch reports no result at all.
for (const mode of ['Normal', 'Browse']) {
  lrs.statements.length = 0;
  const again = createCmi5Session(launchUrl(mode), { fetch });
  assert.deepEqual((await again.start()).sent, { completed: true, passed: true, failed: false });
  await again.reportQuiz(score, bank, { terminate: true });
  const sent = lrs.statements.map((s) => s.verb.display['en-US']);
  console.log(`${mode} launch again: ${sent.join(', ')}`);
  assert.deepEqual(sent, ['initialized', 'terminated']);
}
