/**
 * @levelfit/engine: a headless level-fit engine. No DOM, no Lit: runs in Node and the browser.
 * `core.js` is the level-fit engine; `quiz/` adds question banks and quiz scoring (issue #4). The xAPI and
 * SCORM adapters live at `@levelfit/engine/lms`.
 */
export * from './core.js';
export * from './quiz/index.js';
export * from './record/index.js';
