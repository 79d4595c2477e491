/** Registers `<lf-career-levels>` only. */
import { defineElement } from '../define-element.js';
import { LfCareerLevels } from './career-levels.js';

defineElement('lf-career-levels', LfCareerLevels);
