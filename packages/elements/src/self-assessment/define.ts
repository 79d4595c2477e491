/** Registers `<lf-self-assessment>` only (for pages that need just the form). */
import { defineElement } from '../define-element.js';
import { LfSelfAssessment } from './self-assessment.js';

defineElement('lf-self-assessment', LfSelfAssessment);
