export { LfCareerLevels } from './career-levels.js';
