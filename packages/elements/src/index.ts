/**
 * @levelfit/elements: class exports only, no side effects. Import `@levelfit/elements/define.js` to register
 * the elements, or register a class under your own tag with `defineElement`.
 */
export { defineElement } from './shared/define.js';
export { tokens } from './shared/tokens.js';
export * from './events/index.js';
export * from './localize/index.js';
export * from './drafts/index.js';
export * from './controllers/index.js';
export { LfSelfAssessment } from './self-assessment/self-assessment.js';
export { LfLevelFit, checkLevelFit, shortLevelName } from './level-fit/index.js';
export { LfCompetenceMatrix, checkRatings, type MatrixRatings } from './competence-matrix/index.js';
export { LfCareerLevels } from './career-levels/index.js';
export * from './quiz/index.js';
