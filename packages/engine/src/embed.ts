/**
 * The engine as the one-file embed bundle (dist/levelfit.min.js) carries it: the level-fit core (core.ts, no
 * question banks) with only the default framework built in, so one <script> stays small. Any other framework
 * loads by URL (the bundle's dist/frameworks/*.json). The build aliases `@levelfit/engine` to this module for
 * the elements in that bundle; nothing else imports it.
 * These explicit exports take the place of core.ts's names of the same name.
 */
export * from './core.js';
export { frameworks, BUILTIN_IDS, isBuiltinFrameworkId, type BuiltinFrameworkId } from './framework/builtin-default.js';
