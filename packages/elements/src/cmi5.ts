/**
 * @levelfit/elements/cmi5.js: the quiz and the self-assessment as cmi5 assignable units. Each connector takes
 * an element and a session from `createCmi5Session(location)` (`@levelfit/engine/lms`); it imports no engine
 * code itself, so the element bundles stay as they are and the LMS code comes from the lms entry alone.
 */
export { connectQuizToCmi5 } from './quiz/cmi5.js';
export { connectSelfAssessmentToCmi5, SELF_ASSESSMENT_CMI5_EXTENSIONS } from './self-assessment/cmi5.js';
export type { Cmi5Connection, Cmi5ConnectOptions } from './internal/cmi5-connection.js';
