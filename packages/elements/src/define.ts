/** Registers every levelfit element (safe when a tag is already defined). */
import { defineElement } from './shared/define.js';
import { LfSelfAssessment } from './self-assessment/self-assessment.js';

defineElement('lf-self-assessment', LfSelfAssessment);
