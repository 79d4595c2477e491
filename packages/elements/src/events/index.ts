export * from './lf-change.js';
export * from './lf-error.js';
export * from './lf-submit.js';
export * from './lf-quiz-change.js';
export * from './lf-quiz-submit.js';
export * from './lf-restore.js';
