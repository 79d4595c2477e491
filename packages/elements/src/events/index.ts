export * from './lf-change.js';
export * from './lf-error.js';
export * from './lf-submit.js';
