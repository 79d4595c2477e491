/** Registers `<lf-quiz>` only (for pages that need just the quiz). */
import { defineElement } from '../shared/define.js';
import { LfQuiz } from './quiz.js';

defineElement('lf-quiz', LfQuiz);
