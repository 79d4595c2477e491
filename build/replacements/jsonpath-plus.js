// Stands in for jsonpath-plus (and its expression evaluator) in the browser builds. json-rules-engine calls
// `JSONPath({ path, json, wrap: false })` only from its default path resolver, and levelfit always gives the
// Engine its own dot-path resolver (packages/engine/src/level-fit/dot-path.ts), so the call never happens:
// test/node/replacement-jsonpath-plus.test.ts proves it against the real jsonpath-plus. Should that ever
// change, this fails loudly instead of resolving a path differently.
export const __esModule = true;

export function JSONPath() {
  throw new Error('[levelfit] jsonpath-plus is not bundled: rule paths are plain dot paths (lf-no-jsonpath)');
}
