/**
 * The built-in banks cannot be passed blind: a learner who always picks the first option fails each of them, the
 * correct answers are spread over the positions, and the correct option is not the longest by habit. The score
 * is computed from the data by scoreQuiz, so reordering a bank back into "always a" fails here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QUIZ_IDS, quizzes, scoreQuiz, type QuestionBank, type QuizAnswers } from '@levelfit/engine';

const alwaysFirst = (bank: QuestionBank): QuizAnswers =>
  Object.fromEntries(bank.questions.map((q) => [q.id, [q.options[0]!.id]]));
const alwaysLongest = (bank: QuestionBank): QuizAnswers =>
  Object.fromEntries(bank.questions.map((q) => {
    const longest = q.options.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    return [q.id, [longest.id]];
  }));
const singleAnswer = (bank: QuestionBank) => bank.questions.filter((q) => q.type === 'single' || q.type === 'scenario');

describe('built-in banks against blind strategies', () => {
  assert.deepEqual([...QUIZ_IDS].sort(), ['clinical-homecare-core', 'lead-practitioner-ksb']);

  for (const id of QUIZ_IDS) {
    const bank = quizzes[id];

    test(`${id}: always picking the first option fails`, async () => {
      const score = await scoreQuiz(bank, alwaysFirst(bank));
      assert.equal(score.passed, false, `scaled ${score.score.scaled}`);
      assert.ok(score.score.scaled < 0.4, `the first option scores ${(score.score.scaled * 100).toFixed(1)}%`);
    });

    test(`${id}: always picking the longest option fails`, async () => {
      const score = await scoreQuiz(bank, alwaysLongest(bank));
      assert.equal(score.passed, false, `scaled ${score.score.scaled}`);
    });

    test(`${id}: no position holds more than 40% of the single-answer questions' correct options`, () => {
      const questions = singleAnswer(bank);
      const counts = new Map<number, number>();
      for (const q of questions) {
        const at = q.options.findIndex((o) => o.correct);
        counts.set(at, (counts.get(at) ?? 0) + 1);
      }
      for (const [at, n] of counts) assert.ok(n / questions.length <= 0.4, `position ${at + 1} holds ${n} of ${questions.length}`);
      assert.ok(counts.size >= 3, 'correct answers sit in at least three positions');
    });

    test(`${id}: the correct option is the longest in at most half of the questions`, () => {
      const questions = bank.questions.filter((q) => q.type !== 'true-false');
      const longestIsCorrect = questions.filter((q) => {
        const max = Math.max(...q.options.map((o) => o.text.length));
        return q.options.some((o) => o.correct && o.text.length === max);
      });
      assert.ok(longestIsCorrect.length * 2 <= questions.length,
        `${longestIsCorrect.length} of ${questions.length}: ${longestIsCorrect.map((q) => q.id).join(', ')}`);
    });

    test(`${id}: option ids run a, b, c … in the order shown`, () => {
      for (const q of bank.questions.filter((x) => x.type !== 'true-false')) {
        assert.deepEqual(q.options.map((o) => o.id), q.options.map((_, k) => String.fromCharCode(97 + k)), q.id);
      }
    });
  }
});
