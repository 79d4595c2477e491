/**
 * @levelfit/engine core (everything but question banks): a headless level-fit engine. No DOM, no Lit: runs in Node and the browser.
 * The zod configuration module is imported first (through schema.ts) so no schema exists before `jitless`.
 */
export * from './constants.js';
export * from './errors.js';
export type { Framework, Item, Level, Rule, Condition, Scale, ScaleValue, Source } from './schema.js';
export { FrameworkSchema } from './schema.js';
export { parseFramework, safeParseFramework, isParsedFramework, parseJson } from './parse.js';
export { assess, safeAssess, assessMany } from './assess.js';
export { frameworks, BUILTIN_IDS, isBuiltinFrameworkId, type BuiltinFrameworkId } from './frameworks.js';
export type * from './types.js';
export { resolveDotPath } from './dot-path.js';
