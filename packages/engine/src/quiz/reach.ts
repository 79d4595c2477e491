/**
 * Whether a quiz can say anything about levels. A short quiz evidences a few items, and a level needs many, so
 * on its own it may never meet one: the result page then should not say "your answers do not yet meet any
 * level", which reads as a failure the learner could not avoid.
 */
import type { Framework } from '../framework/schema.js';
import { isParsedQuestionBank, parseQuestionBank } from './parse.js';
import { scoreQuiz } from './score.js';
import type { QuestionBank } from './schema.js';

/**
 * The level ids a perfect score on the bank attains with the quiz as the only evidence (every question right,
 * so every item the bank evidences gets the rating full marks give and every other item the scale's lowest
 * value), in the framework's order. Empty when the bank cannot reach any level on its own. Every question
 * counts, pools or not, so this is the most any attempt can reach.
 */
export async function levelsWithinReach(bank: QuestionBank, framework?: Framework): Promise<string[]> {
  const b = isParsedQuestionBank(bank) ? bank : parseQuestionBank(bank);
  let whole = b;
  if (b.delivery?.pools?.length) {
    const { pools: _drawn, ...delivery } = b.delivery;
    whole = parseQuestionBank({ ...b, delivery });
  }
  const answers = Object.fromEntries(whole.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
  const perfect = await scoreQuiz(whole, answers, framework ? { framework, combine: 'quiz-only' } : { combine: 'quiz-only' });
  return perfect.levelFit.levels.filter((l) => l.attained).map((l) => l.level);
}
