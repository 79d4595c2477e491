/** Registers every levelfit element (safe when a tag is already defined). */
import { defineElement } from './define-element.js';
import { LfSelfAssessment } from './self-assessment/self-assessment.js';
import { LfLevelFit } from './level-fit/level-fit.js';
import { LfCompetenceMatrix } from './competence-matrix/competence-matrix.js';
import { LfCareerLevels } from './career-levels/career-levels.js';
import { LfQuiz } from './quiz/quiz.js';
import { LfReview } from './review/review.js';

defineElement('lf-self-assessment', LfSelfAssessment);
defineElement('lf-level-fit', LfLevelFit);
defineElement('lf-competence-matrix', LfCompetenceMatrix);
defineElement('lf-career-levels', LfCareerLevels);
defineElement('lf-quiz', LfQuiz);
defineElement('lf-review', LfReview);
