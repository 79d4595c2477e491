// Builds the browser bundles from tsc output (`packages/*/lib`; no TS plugin). The npm packages themselves
// ship unbundled `lib/`. Each plugin lives in build/ with a note on why it exists; scripts/check-bundle.mjs
// holds the size budget and the static safety scan.
//
//   dist/levelfit.min.js       the embed bundle: lit, the level-fit engine with the default framework, the
//                              self-assessment and its result views registered (entry build/entries/levelfit.js)
//   dist/levelfit.all.min.js   every element registered, every built-in framework and question bank
//   dist/levelfit.lms.min.js   the LMS code (@levelfit/engine/lms: xAPI, LRS sender, SCORM, cmi5) for a course page
//
// `rollup -c --configPackages` (part of `npm run build:lib`) builds what the npm packages ship besides tsc output:
//   packages/engine/dist/browser/   the engine's entries as ES modules a browser imports without a bundler
//                              (its `browser` export condition), dependencies included: see build/browser-entries.mjs
import { fileURLToPath } from 'node:url';
import alias from '@rollup/plugin-alias';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { replacements, pureCalls } from './build/json-rules-engine.mjs';
import minifyTemplates from './build/minify-templates.mjs';
import moduleSizes from './build/module-sizes.mjs';
import copyFrameworks from './build/copy-frameworks.mjs';
import browserEntries from './build/browser-entries.mjs';

const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const root = path('./');

const onwarn = (warning, warn) => {
  // zod's own /*#__PURE__*/ placements and import cycles, harmless and not ours to change
  if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code) && /node_modules/.test(warning.message ?? '')) return;
  warn(warning);
};

const minified = terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } });

// The bundles are built from tsc output: the engine's subpath entries resolve to lib/, never to the engine's
// own browser build (which carries its own copy of zod, json-rules-engine and every framework).
const engineFromLib = [
  { find: /^@levelfit\/engine\/record$/, replacement: path('./packages/engine/lib/record/index.js') },
  { find: /^@levelfit\/engine\/internal$/, replacement: path('./packages/engine/lib/internal.js') },
  { find: /^@levelfit\/engine\/lms$/, replacement: path('./packages/engine/lib/lms/index.js') },
];

/** One self-contained, minified ES module for a <script type="module"> tag. */
const bundle = ({ input, file, aliases = [], plugins = [] }) => ({
  input,
  onwarn,
  treeshake: { preset: 'recommended', propertyReadSideEffects: false, manualPureFunctions: pureCalls },
  plugins: [
    alias({ entries: [...aliases, ...engineFromLib, ...replacements] }),
    minifyTemplates(),
    nodeResolve({ browser: true, exportConditions: ['production'] }), // lit's production build
    // json-rules-engine is CommonJS with no require cycle and requires only at the top, so 'auto' hoists its
    // modules as plain code instead of wrapping each in a lazy `requireX()` (same order of execution).
    commonjs({ strictRequires: 'auto' }),
    moduleSizes({ root }),
    ...plugins,
  ],
  output: { file, format: 'es', sourcemap: true, plugins: [minified] },
});

const packageBuilds = [
  {
    input: browserEntries(path('./packages/engine/')),
    onwarn,
    treeshake: { preset: 'recommended', propertyReadSideEffects: false, manualPureFunctions: pureCalls },
    plugins: [alias({ entries: replacements }), nodeResolve({ browser: true }), commonjs({ strictRequires: 'auto' })],
    // Readable code for the page's own build or devtools; the maps carry their sources.
    output: { dir: 'packages/engine/dist/browser', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  },
];

const bundles = [
  bundle({
    input: path('./build/entries/levelfit.js'),
    file: 'dist/levelfit.min.js',
    // The elements in this bundle reach the engine through embed.js: the level-fit core, default framework only.
    aliases: [{ find: /^@levelfit\/engine$/, replacement: path('./packages/engine/lib/embed.js') }],
    plugins: [copyFrameworks({ from: path('./data/frameworks/'), to: path('./dist/frameworks/') })],
  }),
  bundle({
    input: path('./build/entries/levelfit.all.js'),
    file: 'dist/levelfit.all.min.js',
    // Built from tsc output like everything here, not from the engine's own browser build.
    aliases: [{ find: /^@levelfit\/engine$/, replacement: path('./packages/engine/lib/index.js') }],
  }),
  bundle({ input: path('./build/entries/levelfit.lms.js'), file: 'dist/levelfit.lms.min.js' }),
];

export default (args) => (args.configPackages ? packageBuilds : bundles);
