export { LfSelfAssessment } from './self-assessment.js';
export { selfAssessmentStyles } from './self-assessment.styles.js';
