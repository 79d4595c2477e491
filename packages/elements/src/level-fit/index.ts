export { LfLevelFit, shortLevelName } from './level-fit.js';
export { checkLevelFit } from './check-result.js';
export { FrameworkView, type Problem } from './framework-view.js';
