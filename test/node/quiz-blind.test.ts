/**
 * A blind learner cannot pass the built-in banks: one who always picks the first option shown (or the longest)
 * knows nothing, so the score must stay under the pass mark, both as the quiz delivers the bank (options in
 * each attempt's seeded order) and in the bank's own order (an LMS or a printout that does not shuffle).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { arrangeQuiz, bankWarnings, quizzes, QUIZ_IDS, scoreQuiz, type Question, type QuizAnswers } from '../../packages/engine/src/index.ts';

/** The blind strategies: tick the first option shown, or the one with the most words on it. */
const first = (q: Question) => [q.options[0]!.id];
const longest = (q: Question) => [q.options.reduce((a, b) => ([...b.text].length > [...a.text].length ? b : a)).id];
const answersBy = (questions: readonly Question[], pick: (q: Question) => string[]): QuizAnswers =>
  Object.fromEntries(questions.map((q) => [q.id, pick(q)]));

describe('a blind learner fails the built-in banks', () => {
  for (const id of QUIZ_IDS) {
    const bank = quizzes[id];

    test(`${id}: always the first option shown, over 50 delivered attempts, never passes`, async () => {
      let passes = 0;
      let total = 0;
      for (let seed = 0; seed < 50; seed++) {
        const questions = arrangeQuiz(bank, seed);
        const s = await scoreQuiz(bank, answersBy(questions, first), { seed });
        if (s.passed) passes++;
        total += s.score.scaled;
      }
      assert.equal(passes, 0);
      assert.ok(total / 50 < bank.passMark * 0.6, `mean ${(total / 50).toFixed(3)}`);
    });

    test(`${id}: in the bank's own order, always the first option or always the longest fails, and validate has nothing to warn about`, async () => {
      for (const [name, pick] of [['first', first], ['longest', longest]] as const) {
        const s = await scoreQuiz(bank, answersBy(bank.questions, pick));
        assert.equal(s.passed, false, `always the ${name} option scores ${(s.score.scaled * 100).toFixed(1)}% (pass mark ${bank.passMark * 100}%)`);
      }
      assert.deepEqual(bankWarnings(bank), []);
    });
  }
});
