export { LfQuiz } from './quiz.js';
export { quizStyles } from './quiz.styles.js';
export { BankController, type BankSource, type BankState } from './bank-controller.js';
export { QuizDraftController, type QuizDraftNotice, type QuizDraftControllerOptions } from './quiz-draft-controller.js';
export * from './quiz-draft.js';
