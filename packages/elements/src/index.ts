/**
 * @levelfit/elements: element classes, their events, `defineElement`, `tokens` and the localization entry,
 * with no side effects. Import `@levelfit/elements/define.js` (or `@levelfit/elements/<element>/define.js`)
 * to register the elements, or register a class under your own tag with `defineElement`.
 */
export { LfSelfAssessment } from './self-assessment/self-assessment.js';
export { LfLevelFit } from './level-fit/level-fit.js';
export { LfCompetenceMatrix, type MatrixRatings } from './competence-matrix/competence-matrix.js';
export { LfCareerLevels } from './career-levels/career-levels.js';
export { LfQuiz } from './quiz/quiz.js';
export { LfReview } from './review/review.js';
export { LfChangeEvent, type LfChangeDetail } from './events/lf-change.js';
export { LfErrorEvent, LF_ERROR_SOURCES, type LfErrorDetail, type LfErrorSource } from './events/lf-error.js';
export { LfSubmitEvent, type LfSubmitDetail } from './events/lf-submit.js';
export { LfRestoreEvent, type LfRestoreDetail } from './events/lf-restore.js';
export type { Submission } from './self-assessment/submission.js';
export { LfQuizChangeEvent, type LfQuizChangeDetail } from './events/lf-quiz-change.js';
export { LfQuizSubmitEvent, type LfQuizSubmitDetail } from './events/lf-quiz-submit.js';
export { LfReviewSubmitEvent, type LfReviewSubmitDetail, type ReviewAction } from './events/lf-review-submit.js';
export type { FrameworkSource } from './internal/framework-controller.js';
export type { BankSource } from './internal/bank-controller.js';
export type { StorageKind } from './drafts/storage.js';
export type { QuizFeedbackMode } from './quiz/quiz-controller.js';
export { defineElement } from './define-element.js';
export { tokens } from './tokens.js';
export { configureLocalization, currentLocale, sourceLocale, type LocalizationHandle, type LocalizationOptions } from './localize/localize.js';
