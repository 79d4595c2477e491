/**
 * @levelfit/engine core (everything but question banks): a headless level-fit engine. No DOM, no Lit: runs in Node and the browser.
 * The zod configuration module is imported first (through schema.ts) so no schema exists before `jitless`.
 */
export * from './constants.js';
export * from './errors.js';
export type { Framework, Item, Level, Rule, Condition, Scale, ScaleValue, Source, ExtensionInfo } from './framework/schema.js';
export { FrameworkSchema } from './framework/schema.js';
export { parseFramework, safeParseFramework, isParsedFramework, parseJson } from './framework/parse.js';
export type { ParseFrameworkOptions } from './framework/parse.js';
export { FrameworkExtensionSchema, isFrameworkExtension, type FrameworkExtension, type ExtensionBase } from './framework/extension.js';
export { sharedItemGroups, type SharedItemGroup } from './framework/shared-items.js';
export { levelName } from './framework/level-name.js';
export { assess, safeAssess, assessMany } from './level-fit/assess.js';
export { frameworks, BUILTIN_IDS, isBuiltinFrameworkId, type BuiltinFrameworkId } from './framework/builtin.js';
export type * from './level-fit/types.js';
export { resolveDotPath } from './level-fit/dot-path.js';
