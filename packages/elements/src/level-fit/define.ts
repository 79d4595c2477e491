/** Registers `<lf-level-fit>` only. */
import { defineElement } from '../define-element.js';
import { LfLevelFit } from './level-fit.js';

defineElement('lf-level-fit', LfLevelFit);
