/** Registers `<lf-self-assessment>` only (for pages that need just the form). */
import { defineElement } from '../shared/define.js';
import { LfSelfAssessment } from './self-assessment.js';

defineElement('lf-self-assessment', LfSelfAssessment);
