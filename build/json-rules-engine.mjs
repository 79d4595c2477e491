// Why: json-rules-engine is CommonJS compiled by Babel 6 and brings eventemitter2, hash-it, clone,
// jsonpath-plus and an opt-in debug log; in a browser bundle most of that is weight levelfit never uses.
// Nothing here edits its code. Instead:
// - `replacements`: aliases that swap four of its dependencies for small modules in ./replacements/, each
//   doing exactly what json-rules-engine calls it for (a node test per replacement runs it beside the
//   original: test/node/replacement-*.test.ts);
// - `pureCalls`: its debug log calls go through `_debug2.default(...)` and only log when a developer sets
//   `localStorage.debug = 'json-rules-engine'`. Declaring them pure (a rollup tree-shaking option) drops the
//   calls and their message strings, as Lit's production build drops its dev-mode logging. Rollup must also
//   treat property reads as side-effect free (`propertyReadSideEffects: false`) to drop calls whose
//   arguments read a property; with the calls kept, that option leaves the bundles byte for byte as before.
import { fileURLToPath } from 'node:url';

const replacement = (name) => fileURLToPath(new URL(`./replacements/${name}.js`, import.meta.url));

export const replacements = ['eventemitter2', 'hash-it', 'clone', 'jsonpath-plus'].map((name) => ({
  find: name,
  replacement: replacement(name),
}));

export const pureCalls = ['_debug2'];
