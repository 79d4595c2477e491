/** Registers `<lf-competence-matrix>` only. */
import { defineElement } from '../shared/define.js';
import { LfCompetenceMatrix } from './competence-matrix.js';

defineElement('lf-competence-matrix', LfCompetenceMatrix);
