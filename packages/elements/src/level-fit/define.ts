/** Registers `<lf-level-fit>` only. */
import { defineElement } from '../shared/define.js';
import { LfLevelFit } from './level-fit.js';

defineElement('lf-level-fit', LfLevelFit);
