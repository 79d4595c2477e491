/** Question banks: validated quiz data, scoring, per-item mastery and a LevelFit from quiz evidence. */
export * from './types.js';
export type { Question, QuestionBank, QuestionOption, MasteryThreshold, MasteryConfig, QuestionPool, DeliveryConfig } from './schema.js';
export { parseQuestionBank, safeParseQuestionBank, QuestionBankError } from './parse.js';
export { scoreQuiz, safeScoreQuiz } from './score.js';
export { quizzes, QUIZ_IDS, isBuiltinQuizId, type BuiltinQuizId } from './banks.js';
export { arrangeQuiz, drawQuestions, newSeed, isSeed, seededRandom, MAX_SEED } from './arrange.js';
export { quizMarks, percentOf, type QuizMarks } from './marks.js';
export { levelsWithinReach } from './reach.js';
export { bankWarnings, promptHasHint, MULTIPLE_HINT, LINT_LIMITS, type BankWarning } from './lint.js';
