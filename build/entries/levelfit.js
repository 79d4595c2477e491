// Entry of dist/levelfit.min.js, the embed bundle for an intranet page: registers the self-assessment and its
// result views and exports their classes with the level-fit engine (embed.js: no question banks, only the
// default framework built in). <lf-quiz> and the banks are in dist/levelfit.all.min.js.
import '../../packages/elements/lib/self-assessment/define.js';
import '../../packages/elements/lib/level-fit/define.js';
import '../../packages/elements/lib/competence-matrix/define.js';
import '../../packages/elements/lib/career-levels/define.js';

export { LfSelfAssessment } from '../../packages/elements/lib/self-assessment/self-assessment.js';
export { LfLevelFit } from '../../packages/elements/lib/level-fit/level-fit.js';
export { LfCompetenceMatrix } from '../../packages/elements/lib/competence-matrix/competence-matrix.js';
export { LfCareerLevels } from '../../packages/elements/lib/career-levels/career-levels.js';
export { defineElement } from '../../packages/elements/lib/define-element.js';
export * from '../../packages/engine/lib/embed.js';
