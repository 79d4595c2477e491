// Builds the one-file embed bundles from tsc output (`packages/*/lib`; no TS plugin): `dist/levelfit.min.js`
// (lit, the level-fit engine, the default framework, the assessment elements registered) and
// `dist/levelfit.all.min.js` (every element, every built-in framework and question bank), each one
// self-contained ES module.
// The npm packages themselves ship unbundled `lib/` (STYLE #12). See scripts/check-bundle.mjs for the budget.
import { writeFileSync, mkdirSync, readFileSync, readdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';

const lib = (pkg, file) => fileURLToPath(new URL(`./packages/${pkg}/lib/${file}`, import.meta.url));

/**
 * Virtual entries. `levelfit.all.min.js` registers every element and re-exports the whole engine and every
 * element class. `levelfit.min.js`, the embed bundle for an intranet page, registers the self-assessment and
 * its result views (<lf-self-assessment>, <lf-level-fit>, <lf-competence-matrix>, <lf-career-levels>) and
 * re-exports the level-fit engine without question banks; <lf-quiz> and the banks are in the full bundle.
 */
const ENTRY_ALL = '\0levelfit-embed-all';
const entryAllSource = [
  `import ${JSON.stringify(lib('elements', 'define.js'))};`,
  `export * from ${JSON.stringify(lib('engine', 'index.js'))};`,
  `export * from ${JSON.stringify(lib('elements', 'index.js'))};`,
].join('\n');
const ENTRY = '\0levelfit-embed';
const EMBED_ELEMENTS = [
  ['self-assessment', 'LfSelfAssessment'],
  ['level-fit', 'LfLevelFit'],
  ['competence-matrix', 'LfCompetenceMatrix'],
  ['career-levels', 'LfCareerLevels'],
];
const entrySource = [
  ...EMBED_ELEMENTS.map(([dir]) => `import ${JSON.stringify(lib('elements', `${dir}/define.js`))};`),
  ...EMBED_ELEMENTS.map(([dir, cls]) => `export { ${cls} } from ${JSON.stringify(lib('elements', `${dir}/${dir}.js`))};`),
  `export { defineElement } from ${JSON.stringify(lib('elements', 'define-element.js'))};`,
  `export * from ${JSON.stringify(lib('engine', 'core.js'))};`,
].join('\n');

/**
 * json-rules-engine requires jsonpath-plus for `path` lookups, but the engine hands it its own dot-path
 * `pathResolver`, so JSONPath never runs. This stub keeps jsonpath-plus (and its evaluator) out of the bundle
 * and fails loudly if anything ever calls it.
 */
const JSONPATH_STUB = '\0jsonpath-plus-stub';
const jsonpathStub = `export function JSONPath() {
  throw new Error('[levelfit] jsonpath-plus is not bundled: rule paths are plain dot paths (lf-no-jsonpath)');
}
export default { JSONPath };`;

/**
 * json-rules-engine's Engine and Rule extend eventemitter2 (46 kB of source, ~5 kB gzip), but only call `on`
 * and `emitAsync`. This is the EventEmitter surface they and an embedding page can use, as a plain
 * constructor function (the compiled classes call it with `.call(this)`, which an ES class forbids).
 */
const EMITTER_SHIM = '\0eventemitter2-shim';
const emitterShim = `function EventEmitter() {}
const P = EventEmitter.prototype;
const map = (self) => self.__lfListeners || (self.__lfListeners = new Map());
P.on = P.addListener = function (type, fn) {
  const m = map(this);
  (m.get(type) || m.set(type, []).get(type)).push(fn);
  return this;
};
P.off = P.removeListener = function (type, fn) {
  const list = map(this).get(type);
  const i = list ? list.indexOf(fn) : -1;
  if (i >= 0) list.splice(i, 1);
  return this;
};
P.once = function (type, fn) {
  const self = this;
  return this.on(type, function wrapper(...args) {
    self.off(type, wrapper);
    return fn.apply(self, args);
  });
};
P.removeAllListeners = function (type) {
  if (type === undefined) map(this).clear();
  else map(this).delete(type);
  return this;
};
P.listeners = function (type) {
  return (map(this).get(type) || []).slice();
};
P.emit = function (type, ...args) {
  const list = this.listeners(type);
  for (const fn of list) fn.apply(this, args);
  return list.length > 0;
};
P.emitAsync = function (type, ...args) {
  return Promise.all(this.listeners(type).map((fn) => fn.apply(this, args)));
};
export const __esModule = true;
export { EventEmitter, EventEmitter as EventEmitter2 };
export default EventEmitter;`;

/**
 * json-rules-engine hashes `{ id, params }` with hash-it only to key its per-run fact cache. Rule params are
 * JSON, so their JSON text is an exact key.
 */
const HASH_SHIM = '\0hash-it-shim';
const hashShim = `export const __esModule = true;
export default function hash(value) {
  return JSON.stringify(value);
}`;

/**
 * json-rules-engine deep-copies rule conditions and events with `clone` (which also handles Maps, Sets,
 * Buffers, cycles: 2.4 kB minified). What it copies are plain JSON trees and Condition instances, so a copy
 * that keeps prototypes and own enumerable properties is exact for them.
 */
const CLONE_SHIM = '\0clone-shim';
const cloneShim = `export const __esModule = true;
export default function clone(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy = Object.create(Object.getPrototypeOf(value));
  for (const key of Object.keys(value)) copy[key] = clone(value[key]);
  return copy;
}`;

/**
 * Compiler helpers, one copy each. tsc writes its `__decorate` helper into every element module with a
 * decorator, and Babel wrote `_createClass`, `_classCallCheck`, `_inherits`, … into every json-rules-engine
 * module; in a bundle those are identical copies (too far apart for gzip's 32 kB window to share). This
 * plugin swaps each copy, only when it is exactly the known text, for a binding to one shared module with the
 * same code. Nothing else changes, so behaviour is identical.
 */
const TS_HELPERS = '\0levelfit-ts-helpers';
const TS_DECORATE = `var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};`;
const tsHelpersSource = `export ${TS_DECORATE.replace('(this && this.__decorate) || ', '')}`;
// Not a \0 id: @rollup/plugin-commonjs must see that it is an ES module, so a `require` of it binds names.
const BABEL_HELPERS = fileURLToPath(new URL('./.levelfit-babel-helpers.js', import.meta.url));
const BABEL_HELPER_LINES = {
  _typeof: `var _typeof = typeof Symbol === "function" && typeof Symbol.iterator === "symbol" ? function (obj) { return typeof obj; } : function (obj) { return obj && typeof Symbol === "function" && obj.constructor === Symbol && obj !== Symbol.prototype ? "symbol" : typeof obj; };`,
  _slicedToArray: `var _slicedToArray = function () { function sliceIterator(arr, i) { var _arr = []; var _n = true; var _d = false; var _e = undefined; try { for (var _i = arr[Symbol.iterator](), _s; !(_n = (_s = _i.next()).done); _n = true) { _arr.push(_s.value); if (i && _arr.length === i) break; } } catch (err) { _d = true; _e = err; } finally { try { if (!_n && _i["return"]) _i["return"](); } finally { if (_d) throw _e; } } return _arr; } return function (arr, i) { if (Array.isArray(arr)) { return arr; } else if (Symbol.iterator in Object(arr)) { return sliceIterator(arr, i); } else { throw new TypeError("Invalid attempt to destructure non-iterable instance"); } }; }();`,
  _createClass: `var _createClass = function () { function defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; descriptor.enumerable = descriptor.enumerable || false; descriptor.configurable = true; if ("value" in descriptor) descriptor.writable = true; Object.defineProperty(target, descriptor.key, descriptor); } } return function (Constructor, protoProps, staticProps) { if (protoProps) defineProperties(Constructor.prototype, protoProps); if (staticProps) defineProperties(Constructor, staticProps); return Constructor; }; }();`,
  _interopRequireDefault: `function _interopRequireDefault(obj) { return obj && obj.__esModule ? obj : { default: obj }; }`,
  _classCallCheck: `function _classCallCheck(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }`,
  _possibleConstructorReturn: `function _possibleConstructorReturn(self, call) { if (!self) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return call && (typeof call === "object" || typeof call === "function") ? call : self; }`,
  _inherits: `function _inherits(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function, not " + typeof superClass); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, enumerable: false, writable: true, configurable: true } }); if (superClass) Object.setPrototypeOf ? Object.setPrototypeOf(subClass, superClass) : subClass.__proto__ = superClass; }`,
};
const babelHelpersSource = Object.values(BABEL_HELPER_LINES)
  .map((line) => `export ${line}`)
  .join('\n');
const dedupeHelpers = {
  name: 'dedupe-helpers',
  transform(code, id) {
    const s = new MagicString(code);
    if (/[\\/]packages[\\/]elements[\\/]lib[\\/].*\.js$/.test(id)) {
      const at = code.indexOf(TS_DECORATE);
      if (at < 0) return null;
      // Keep the line count, so the rest of the module keeps its lines.
      s.overwrite(at, at + TS_DECORATE.length, `import { __decorate } from '${TS_HELPERS}';${'\n'.repeat(TS_DECORATE.split('\n').length - 1)}`);
    } else if (/[\\/]node_modules[\\/]json-rules-engine[\\/]dist[\\/].*\.js$/.test(id)) {
      const found = [];
      for (const [name, line] of Object.entries(BABEL_HELPER_LINES)) {
        const at = code.indexOf(`\n${line}\n`);
        if (at < 0) continue;
        s.remove(at + 1, at + 1 + line.length);
        found.push(name);
      }
      {
        // json-rules-engine's opt-in debug log (`localStorage.debug = 'json-rules-engine'`): the calls become
        // `void 0` (their arguments are plain property reads) and ./debug a no-op, as lit's production build
        // drops its dev-mode logging.
        const visit = (node) => {
          if (!node || typeof node.type !== 'string') return;
          if (node.type === 'CallExpression' && node.callee.type === 'SequenceExpression' && code.slice(node.callee.start, node.callee.end) === '0, _debug2.default') {
            s.overwrite(node.start, node.end, 'void 0');
            found.push('');
            return;
          }
          for (const key of Object.keys(node)) {
            const child = node[key];
            if (Array.isArray(child)) child.forEach(visit);
            else if (child && typeof child === 'object') visit(child);
          }
        };
        visit(this.parse(code));
      }
      if (!found.length) return null;
      // Function declarations are hoisted (modules call _interopRequireDefault above its line): bind first.
      const head = "'use strict';";
      if (!code.startsWith(head)) return null;
      s.appendLeft(head.length, found.filter(Boolean).map((n) => `var ${n} = require(${JSON.stringify(BABEL_HELPERS)}).${n};`).join(''));
    } else return null;
    return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
  },
};

/**
 * json-rules-engine's `./debug` logs to the console only when a developer opts in with
 * `localStorage.debug = 'json-rules-engine'` (or DEBUG in Node): dev-only, like lit's dev-mode warnings that
 * its production build leaves out. The bundles leave it out too (the call sites go in `dedupeHelpers`).
 */
const DEBUG_SHIM = '\0json-rules-engine-debug-shim';
const debugShim = `export const __esModule = true;
export default function debug() {}`;
const shims = new Map([
  [DEBUG_SHIM, debugShim],
  [ENTRY, entrySource],
  [ENTRY_ALL, entryAllSource],
  [JSONPATH_STUB, jsonpathStub],
  [EMITTER_SHIM, emitterShim],
  [HASH_SHIM, hashShim],
  [CLONE_SHIM, cloneShim],
  [TS_HELPERS, tsHelpersSource],
  [BABEL_HELPERS, babelHelpersSource],
]);
const aliases = { 'jsonpath-plus': JSONPATH_STUB, eventemitter2: EMITTER_SHIM, 'hash-it': HASH_SHIM, clone: CLONE_SHIM };

const embed = {
  name: 'levelfit-embed',
  resolveId(id, importer) {
    if (shims.has(id)) return id;
    if (id === './debug' && importer && /[\\/]json-rules-engine[\\/]dist[\\/]/.test(importer)) return DEBUG_SHIM;
    const bare = id.split('/')[0];
    return Object.hasOwn(aliases, bare) ? aliases[bare] : null;
  },
  load(id) {
    return shims.get(id) ?? null;
  },
};

/**
 * Writes `dist/<name>.modules.json`: each module's rendered (tree-shaken, pre-terser) code and length, so
 * scripts/check-bundle.mjs can say what is large without a visualizer plugin.
 */
const moduleSizes = (name) => ({
  name: 'module-sizes',
  generateBundle(_options, bundle) {
    const rows = [];
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const [id, m] of Object.entries(chunk.modules)) rows.push({ id: shortId(id), renderedLength: m.renderedLength, code: m.code ?? '' });
    }
    rows.sort((a, b) => b.renderedLength - a.renderedLength);
    mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });
    writeFileSync(new URL(`./dist/${name}.modules.json`, import.meta.url), `${JSON.stringify(rows, null, 1)}\n`);
  },
});

/**
 * The embed bundle carries only the default framework (clinical-homecare), so one <script> stays inside the
 * size budget; `dist/levelfit.all.min.js` carries every built-in framework. Both read the same data files:
 * the slim build swaps the generated module (every framework) for one generated here from the same JSON.
 * A string the data repeats (descriptors shared by overlapping levels, item groups, level names) is written
 * once as a `const` and referenced: the same values, fewer bytes than gzip alone saves on repeats.
 */
const EMBED_BUILTINS = ['clinical-homecare'];
const SLIM_DATA = '\0levelfit-builtin-slim';
const dataDir = fileURLToPath(new URL('./data/frameworks/', import.meta.url));
const slimData = {
  name: 'levelfit-slim-data',
  resolveId(source, importer) {
    if (source === './builtin.generated.js' && importer && /[\\/]packages[\\/]engine[\\/]lib[\\/]/.test(importer)) return SLIM_DATA;
    // The assessment elements use only the level-fit core, so the banks never enter this bundle.
    if (source === '@levelfit/engine') return lib('engine', 'core.js');
    return null;
  },
  load(id) {
    if (id !== SLIM_DATA) return null;
    const data = EMBED_BUILTINS.map((fwId) => JSON.parse(readFileSync(`${dataDir}${fwId}.json`, 'utf8')));
    const counts = new Map();
    const count = (v) => {
      if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
      else if (v && typeof v === 'object') Object.values(v).forEach(count);
    };
    data.forEach(count);
    const names = new Map([...counts].filter(([t, n]) => n > 1 && t.length >= 8).map(([t], i) => [t, `s${i}`]));
    const emit = (v) =>
      typeof v === 'string' && names.has(v) ? names.get(v)
      : Array.isArray(v) ? `[${v.map(emit).join(',')}]`
      : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${emit(x)}`).join(',')}}`
      : JSON.stringify(v);
    return [
      ...[...names].map(([t, n]) => `const ${n} = ${JSON.stringify(t)};`),
      `export const BUILTIN_IDS = ${JSON.stringify(data.map((d) => d.id))};`,
      `export const builtinData = {${data.map((d) => `${JSON.stringify(d.id)}: ${emit(d)}`).join(',')}};`,
    ].join('\n');
  },
};

/** Copies data/frameworks/*.json to dist/frameworks/, so a page on the slim bundle can load any other by URL. */
const copyFrameworks = {
  name: 'copy-frameworks',
  writeBundle() {
    const out = fileURLToPath(new URL('./dist/frameworks/', import.meta.url));
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.json'))) copyFileSync(dataDir + f, out + f);
  },
};

/**
 * Squeezes the indentation out of the elements' `html` / `svg` template literals (lit-html collapses that
 * whitespace at render time anyway, and none of the templates uses <pre> or white-space: pre), and minifies
 * their `css` literals: comments dropped, whitespace runs collapsed, none around `{ } ; , >` or after `:`,
 * no `;` before `}` (no css literal has a quoted string with those characters or an interpolation).
 * MagicString keeps the source map exact.
 */
const TEMPLATE_TAGS = new Set(['html', 'css', 'svg']);
function minifyCss(raw) {
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/ !important/g, '!important')
    .replace(/;}/g, '}')
    .trim();
}
const minifyTemplates = {
  name: 'minify-templates',
  transform(code, id) {
    if (!/[\\/]packages[\\/]elements[\\/]lib[\\/].*\.js$/.test(id) || !/\b(html|css|svg)\s*`/.test(code)) return null;
    const s = new MagicString(code);
    let changed = false;
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TEMPLATE_TAGS.has(node.tag.name)) {
        const { quasis } = node.quasi;
        for (const q of quasis) {
          const raw = code.slice(q.start, q.end);
          const out =
            node.tag.name === 'css' && quasis.length === 1
              ? minifyCss(raw)
              : raw.replace(/\n[ \t]+/g, '\n').replace(/[ \t]{2,}/g, ' ');
          if (out !== raw) {
            if (out) s.overwrite(q.start, q.end, out);
            else s.remove(q.start, q.end);
            changed = true;
          }
        }
      }
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (Array.isArray(child)) child.forEach(visit);
        else if (child && typeof child === 'object' && key !== 'parent') visit(child);
      }
    };
    visit(this.parse(code));
    if (!changed) return null;
    return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
  },
};

const root = fileURLToPath(new URL('.', import.meta.url));
function shortId(id) {
  return id.replace(/^\0/, '').replace(root, '').replace(/\?.*$/, '');
}

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return; // tsc's `this && this.__decorate` helper
  if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code) && /node_modules/.test(warning.message ?? '')) return;
  warn(warning);
};

const bundle = ({ name, slim }) => ({
  input: slim ? ENTRY : ENTRY_ALL,
  onwarn,
  treeshake: { preset: 'recommended' },
  plugins: [
    embed,
    ...(slim ? [slimData, copyFrameworks] : []),
    minifyTemplates,
    dedupeHelpers,
    nodeResolve({ browser: true, exportConditions: ['production'] }), // lit's production build
    // json-rules-engine, eventemitter2, hash-it, clone are CommonJS. Their modules have no require cycle and
    // require only at the top, so 'auto' hoists them as plain module code instead of wrapping each in a
    // lazy `requireX()` function (same order of execution, less code).
    commonjs({ strictRequires: 'auto' }),
    moduleSizes(name),
  ],
  output: {
    file: `dist/${name}.js`,
    format: 'es',
    sourcemap: true,
    plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })],
  },
});

export default [bundle({ name: 'levelfit.min', slim: true }), bundle({ name: 'levelfit.all.min', slim: false })];
