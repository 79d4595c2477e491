/** Registers `<lf-career-levels>` only. */
import { defineElement } from '../shared/define.js';
import { LfCareerLevels } from './career-levels.js';

defineElement('lf-career-levels', LfCareerLevels);
