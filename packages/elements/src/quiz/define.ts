/** Registers `<lf-quiz>` only (for pages that need just the quiz). */
import { defineElement } from '../define-element.js';
import { LfQuiz } from './quiz.js';

defineElement('lf-quiz', LfQuiz);
