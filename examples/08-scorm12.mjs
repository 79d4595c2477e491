/**
 * 08: SCORM 1.2 reporting, beside the 2004 adapter of 07, against scorm-again's Scorm12API playing the LMS. In a
 * browser, `findScorm12Api(window)` finds your LMS's `API`. SCORM 1.2 keeps at most 4,096 characters of
 * `cmi.suspend_data`: a draft that would not fit is refused with an issue and the LMS keeps what it had.
 * Run: npm run build:lib && node examples/08-scorm12.mjs
 */
import assert from 'node:assert/strict';
import { Scorm12API } from 'scorm-again';
import { quizzes, scoreQuiz } from '@levelfit/engine';
import { createScorm12Reporter, findScorm12Api } from '@levelfit/engine/lms';

const bank = quizzes['lead-practitioner-ksb'];
const right = (q) => q.options.filter((o) => o.correct).map((o) => o.id);
const answers = Object.fromEntries(bank.questions.map((q) => [q.id, right(q)]));
// One question answered wrongly.
const wrong = bank.questions.find((q) => q.type === 'single');
answers[wrong.id] = [wrong.options.find((o) => !o.correct).id];

const commits = [];
const httpService = { processHttpRequest: (_url, data) => (commits.push(structuredClone(data)), { result: true, errorCode: 0 }), updateSettings() {} };
const api = new Scorm12API({ logLevel: 5, lmsCommitUrl: 'https://lms.invalid/commit', dataCommitFormat: 'flattened', httpService });
const page = { API: api, parent: null }; // the LMS window; your SCO passes its own `window`

let clock = Date.UTC(2026, 10, 23, 10, 0, 0);
const reporter = createScorm12Reporter(findScorm12Api(page), { bank: { id: bank.id, version: bank.version }, now: () => clock });
assert.equal(reporter.start().ok, true);

// A draft of the first three answers fits; a draft of 400 long answers would not.
const draft = Object.fromEntries(Object.entries(answers).slice(0, 3));
assert.equal(reporter.saveProgress(draft, 3).ok, true);
const huge = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`question-${i}`, ['option-a', 'option-b']]));
const refused = reporter.saveProgress(huge);
console.log(`Too big: ${refused.issues[0].message}`);
assert.equal(refused.issues[0].code, 'too_big');
assert.deepEqual(JSON.parse(api.LMSGetValue('cmi.suspend_data')).a, draft); // the LMS still has the last good draft

const score = await scoreQuiz(bank, answers);
clock += 9 * 60_000;
assert.deepEqual(reporter.report(score, bank), { ok: true, issues: [] });
const get = (element) => api.LMSGetValue(element);
console.log(`cmi.core.score.raw ${get('cmi.core.score.raw')} (of 100), cmi.core.lesson_status ${get('cmi.core.lesson_status')}`);
console.log(`${get('cmi.objectives._count')} objectives (one per framework item), ${get('cmi.interactions._count')} interactions (one per question)`);
assert.equal(get('cmi.core.score.raw'), String(Math.round(score.score.scaled * 10000) / 100));
assert.equal(get('cmi.core.lesson_status'), score.passed ? 'passed' : 'failed');
assert.equal(get('cmi.interactions._count'), String(bank.questions.length));
assert.deepEqual(reporter.terminate(), { ok: true, issues: [] });
const last = commits.at(-1);
const n = bank.questions.indexOf(wrong);
assert.equal(last[`cmi.interactions.${n}.result`], 'wrong');
assert.match(last[`cmi.interactions.${n}.student_response`], /^[a-z]$/); // SCORM 1.2 choices are single characters
assert.equal(last['cmi.suspend_data'], ''); // completed: nothing left to resume
