/** Registers `<lf-review>` only (for a supervisor's page that needs just the review). */
import { defineElement } from '../define-element.js';
import { LfReview } from './review.js';

defineElement('lf-review', LfReview);
