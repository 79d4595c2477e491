/** Registers `<lf-competence-matrix>` only. */
import { defineElement } from '../define-element.js';
import { LfCompetenceMatrix } from './competence-matrix.js';

defineElement('lf-competence-matrix', LfCompetenceMatrix);
