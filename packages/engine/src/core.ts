/**
 * @levelfit/engine's level-fit core (everything but question banks): what a user calls, and its types.
 * The zod configuration module is imported first (through schema.ts) so no schema exists before `jitless`.
 * Internals the elements share live at `@levelfit/engine/internal` (internal.ts), not here.
 */
export type { Framework, Item, Level, Rule, Condition, Scale, ScaleValue, Source, ExtensionInfo } from './framework/schema.js';
export { parseFramework, safeParseFramework, type ParseFrameworkOptions } from './framework/parse.js';
export { isFrameworkExtension, type FrameworkExtension, type ExtensionBase } from './framework/extension.js';
export { sharedItemGroups, type SharedItemGroup } from './framework/shared-items.js';
export { levelName } from './framework/level-name.js';
export { frameworks, BUILTIN_IDS, isBuiltinFrameworkId, type BuiltinFrameworkId } from './framework/builtin.js';
export { ratingLabel } from './framework/scale.js';
export { assess, safeAssess, assessMany } from './level-fit/assess.js';
export { decisiveItems } from './level-fit/decisive.js';
export type { Responses, AssessOptions, LevelFit, LevelResult, FitItem, Overlap, Needed, Reason, ReasonCode, ReasonCount, ReasonStatements } from './level-fit/types.js';
export { formatReasons, englishMessages, type ReasonMessages, type CoreNoun } from './level-fit/format.js';
export { ITEM_KINDS, LIMITS, type ItemKind } from './constants.js';
export {
  FrameworkError,
  AssessmentError,
  RecordError,
  formatIssues,
  formatPath,
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type IssuePath,
  type SafeResult,
} from './errors.js';
