/** Question banks: validated quiz data, scoring, per-item mastery and a LevelFit from quiz evidence. */
export {
  COMBINE_MODES,
  type CombineMode,
  type QuestionType,
  type QuizAnswers,
  type QuizScore,
  type QuestionResult,
  type ItemMastery,
  type ScoreQuizOptions,
} from './types.js';
export type { Question, QuestionBank, QuestionOption, MasteryThreshold, MasteryConfig } from './schema.js';
export { parseQuestionBank, safeParseQuestionBank, QuestionBankError } from './parse.js';
export { scoreQuiz, safeScoreQuiz } from './score.js';
export { quizzes, QUIZ_IDS, isBuiltinQuizId, type BuiltinQuizId } from './banks.js';
