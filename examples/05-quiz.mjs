/**
 * 05: a knowledge quiz beside a self-assessment. A learner rates themselves on the Clinical Homecare framework
 * and answers the built-in `clinical-homecare-core` bank (23 questions, 27 points, pass mark 80%). `scoreQuiz`
 * gives the score, pass/fail, a mastery (0..1) and a quiz rating per competence the bank evidences, and the
 * level fit the framework's own rules give once each quiz rating is combined with the self-rating (the bank
 * says `combine: "min"`: the quiz must confirm what the learner claims).
 * Run: npm run build:lib && node examples/05-quiz.mjs
 */
import assert from 'node:assert/strict';
import { assess, frameworks, quizzes, scoreQuiz } from '@levelfit/engine';

const bank = quizzes['clinical-homecare-core'];
const framework = frameworks['clinical-homecare'];

// Answers are { questionId: [optionId, …] }. This learner gets every question right except three:
const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
answers['ipc-five-moments'] = ['b', 'd']; // "select all that apply": 2 of the 3 correct options (b, d and e), so 2/3 of a point
answers['caldicott-principle'] = ['b']; // wrong (confidentiality)
answers['caller-identity'] = ['b']; // wrong (confidentiality, communication)

// Self-ratings (0 Not yet … 3 Proficient; 2 is met): everything Supportive requires, Proficient in hand hygiene and
// confidentiality, and 6 of the 8 Associate indicators — on their own, enough for Associate.
const ratings = {};
for (const item of framework.items) if (item.levels.includes('supportive')) ratings[item.id] = 2;
ratings['hand-hygiene'] = 3;
ratings['confidentiality'] = 3;
for (const id of ['knowledge', 'work-independently', 'agreed-plan', 'holistic-care', 'support-care-cycle', 'judgements']) ratings[`associate-${id}`] = 2;

const selfOnly = await assess(framework, { ratings });
const result = await scoreQuiz(bank, answers, { responses: { ratings } });

console.log(`Score: ${result.score.raw} / ${result.score.max} (${(result.score.scaled * 100).toFixed(1)}%), ${result.passed ? 'passed' : 'failed'}`);
console.log('Competence                     mastery  questions  quiz  self  used');
for (const i of result.items) {
  console.log(`  ${i.id.padEnd(28)} ${i.mastery.toFixed(3)}  ${String(i.questions).padStart(9)}  ${i.rating}     ${i.selfRating}     ${i.combinedRating}`);
}
console.log(`Level fit from self-ratings alone: ${selfOnly.bestFit}`);
console.log(`Level fit with the quiz evidence (${result.combine}): ${result.levelFit.bestFit ?? 'none yet'}`);
for (const sentence of result.levelFit.explanation) console.log(`- ${sentence}`);

// The score: 27 points available (19 one-point questions, 4 two-point scenarios); 1 + 1 + 1/3 missed.
assert.deepEqual(result.score, { raw: 24.666667, max: 27, scaled: 0.91358 });
assert.equal(result.passed, true); // 91.4% ≥ 80%
assert.equal(result.completed, true);
assert.equal(result.combine, 'min');
assert.equal(result.questions.find((q) => q.id === 'ipc-five-moments').points, 0.666667);
assert.equal(result.questions.filter((q) => q.correct).length, 20);

// Mastery per competence: all 14 Supportive competences are evidenced. Thresholds: ≥0.8 → 3, ≥0.6 → 2, >0 → 1.
const item = (id) => result.items.find((i) => i.id === id);
assert.equal(result.items.length, 14);
assert.deepEqual(item('hand-hygiene'), { ...item('hand-hygiene'), mastery: 0.888889, questions: 3, rating: 3, selfRating: 3, combinedRating: 3 });
assert.deepEqual(item('communicate-effectively'), { ...item('communicate-effectively'), mastery: 0.857143, questions: 6, rating: 3, combinedRating: 2 });
// Two of the four confidentiality questions right: mastery 0.5, quiz rating 1, which caps the self-rating of 3.
assert.deepEqual(item('confidentiality'), { ...item('confidentiality'), mastery: 0.5, questions: 4, rating: 1, selfRating: 3, combinedRating: 1 });
assert.deepEqual(result.items.filter((i) => i.combinedRating < 2).map((i) => i.id), ['confidentiality']);

// Passing overall is not the same as evidencing every competence: every level requires confidentiality, so
// the claimed Associate fit is not confirmed, and the gap to Supportive is that one competence.
assert.equal(selfOnly.bestFit, 'associate');
assert.equal(result.levelFit.bestFit, null);
assert.equal(result.levelFit.gaps.target, 'supportive');
assert.deepEqual(result.levelFit.gaps.items.map((g) => [g.id, g.rating]), [['confidentiality', 1]]);
assert.equal(result.levelFit.explanation[0], 'You have not reached a level yet.');
