/**
 * @levelfit/engine/case: CASE 1.1 (1EdTech Competencies and Academic Standards Exchange) export and import.
 *
 * - `toCase(framework, options)`: a CFPackage with stable v5 UUIDs (see export.ts for the mapping);
 * - `fromCase(package, options)`: a framework from a CFPackage made by levelfit or another tool, with issues
 *   for what cannot be mapped (see import.ts).
 */
export * from './types.js';
export { toCase, safeToCase, REQUIRED_AT_LEVEL, type CaseCrosswalk, type ToCaseOptions, type ToCaseResult } from './export.js';
export { fromCase, DEFAULT_RULES, slugId, type FromCaseOptions, type FromCaseResult } from './import.js';
export { caseIds, caseItemUri, CASE_NAMESPACE, type CaseIds } from './ids.js';
export { scaleRubric, scaleFromRubrics, DEFAULT_SCALE } from './scale.js';
export { LEVEL_TYPE, GROUP_TYPE, kindOfType } from './item-types.js';
