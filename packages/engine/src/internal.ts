/**
 * @levelfit/engine/internal: what the levelfit elements share with the engine but a user does not call.
 * No stability promise: names here may change in any release. Nothing here loads the question banks, so
 * the embed bundle (level-fit core only) stays small.
 */
export { isPlainObject } from './framework/input-guard.js';
export { isParsedFramework } from './framework/parse.js';
export { isParsedQuestionBank } from './quiz/parse.js';
export { credit } from './quiz/score.js';
