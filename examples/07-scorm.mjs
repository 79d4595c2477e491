/**
 * 07: SCORM 2004 (4th edition) reporting and resume, against a real SCORM runtime: scorm-again's Scorm2004API
 * playing the LMS. In a browser, `findScormApi(window)` finds your LMS's `API_1484_11`; here the API's commits
 * go to an in-memory service instead of an HTTP request. Session 1 saves a half-done quiz and suspends;
 * session 2 resumes from `cmi.suspend_data`, finishes, and reports the score, objectives and interactions.
 * Run: npm run build:lib && node examples/07-scorm.mjs
 */
import assert from 'node:assert/strict';
import { Scorm2004API } from 'scorm-again';
import { quizzes, scoreQuiz } from '@levelfit/engine';
import { createScormReporter, findScormApi } from '@levelfit/engine/lms';

const bank = quizzes['clinical-homecare-core'];
// The learner of 05 (20 of 23 questions fully right, 91.4%).
const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
Object.assign(answers, { 'ipc-five-moments': ['b', 'd'], 'caldicott-principle': ['b'], 'caller-identity': ['b'] });

/** An LMS: scorm-again's API, its commits recorded (flattened `cmi.*` keys), started from what the LMS stored. */
function lms(stored) {
  const commits = [];
  const httpService = { processHttpRequest: (_url, data) => (commits.push(structuredClone(data)), { result: true, errorCode: 0 }), updateSettings() {} };
  const api = new Scorm2004API({ logLevel: 5, lmsCommitUrl: 'https://lms.invalid/commit', dataCommitFormat: 'flattened', httpService });
  if (stored) api.loadFromFlattenedJSON(stored);
  return { api, commits, window: { API_1484_11: api, parent: null } };
}
let clock = Date.UTC(2026, 10, 23, 10, 0, 0);
const options = { bank: { id: bank.id, version: bank.version }, now: () => clock };

// Session 1: a new attempt. The learner answers the first 10 questions, and closes the window.
const one = lms();
const r1 = createScormReporter(findScormApi(one.window), options);
assert.deepEqual(r1.start(), { ok: true, issues: [], entry: '', draft: null });
const firstTen = Object.fromEntries(Object.entries(answers).slice(0, 10));
assert.equal(r1.saveProgress(firstTen, 10).ok, true); // suspend_data, location (next question's index), exit = suspend
const partial = await scoreQuiz(bank, firstTen);
assert.deepEqual(r1.report(partial, bank), { ok: true, issues: [] }); // progress so far: incomplete, not judged yet
clock += 12 * 60_000;
assert.deepEqual(r1.terminate(), { ok: true, issues: [] });
const s1 = one.commits.at(-1); // what scorm-again sent the LMS on Terminate
assert.equal(s1['cmi.completion_status'], 'incomplete');
assert.equal(s1['cmi.success_status'], 'unknown');
assert.equal(s1['cmi.exit'], 'suspend');
assert.equal(s1['cmi.session_time'], 'PT12M');
assert.equal(s1['cmi.progress_measure'], '0.4347826'); // 10 of 23 answered, as a real(10,7)
assert.deepEqual(JSON.parse(s1['cmi.suspend_data']).a, firstTen);

// Session 2: the LMS relaunches the suspended attempt with its run-time data and cmi.entry = resume.
const stored = { 'cmi.entry': 'resume' };
for (const [k, v] of Object.entries(s1)) if (v !== '' && /^cmi\.(suspend_data|location|objectives\.|interactions\.)/.test(k)) stored[k] = v;
const two = lms(stored);
const r2 = createScormReporter(findScormApi(two.window), options);
const resumed = r2.start();
assert.equal(resumed.entry, 'resume');
assert.deepEqual(resumed.draft, { answers: firstTen, position: '10', bankId: bank.id, bankVersion: bank.version });

// The quiz restores the draft, the learner answers the rest, and the score is reported, then the session ends.
const rest = Object.fromEntries(Object.entries(answers).slice(10));
const score = await scoreQuiz(bank, { ...resumed.draft.answers, ...rest });
assert.deepEqual(r2.report(score, bank), { ok: true, issues: [] });
const get = (element) => two.api.GetValue(element);
console.log(`cmi.score.scaled ${get('cmi.score.scaled')}, ${get('cmi.completion_status')}, ${get('cmi.success_status')}`);
console.log(`${get('cmi.objectives._count')} objectives (one per competence), ${get('cmi.interactions._count')} interactions (one per question)`);

assert.equal(get('cmi.score.scaled'), '0.91358');
assert.equal(get('cmi.score.raw'), '24.666667');
assert.equal(get('cmi.score.max'), '27');
assert.equal(get('cmi.completion_status'), 'completed');
assert.equal(get('cmi.success_status'), 'passed');
// Rows written in session 1 were reused by id, not duplicated: 14 competences, 23 questions.
assert.equal(get('cmi.objectives._count'), '14');
assert.equal(get('cmi.interactions._count'), '23');
const objective = (id) => [...Array(14).keys()].find((n) => get(`cmi.objectives.${n}.id`) === id);
assert.equal(get(`cmi.objectives.${objective('confidentiality')}.success_status`), 'failed'); // mastery 0.5 < 0.8
assert.equal(get(`cmi.objectives.${objective('hand-hygiene')}.score.scaled`), '0.888889');
assert.equal(get('cmi.interactions.1.learner_response'), 'b[,]d'); // ipc-five-moments, a choice interaction
assert.equal(get('cmi.interactions.1.result'), '0.666667'); // partly right: the fraction of its points, which SCORM allows
assert.equal(two.commits.at(-1)['cmi.suspend_data'], '', 'completed: the draft is cleared');
clock += 5 * 60_000;
assert.deepEqual(r2.terminate(), { ok: true, issues: [] });
assert.equal(two.commits.at(-1)['cmi.exit'], 'normal'); // completed: the LMS closes the attempt
