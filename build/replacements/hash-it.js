// Replaces hash-it in the browser builds. json-rules-engine calls it once: `Fact.hashFromObject({ id, params })`,
// the key of its per-run cache of computed fact values, compared only for equality. This returns a canonical
// text instead of a number: values hash-it treats as equal (the same data, keys in any order) get the same
// text, values it tells apart (undefined vs missing, '1' vs 1, [] vs {}) get different texts, and unlike a
// 53-bit hash two different values never share one. test/node/replacement-hash-it.test.ts checks both agree.
export const __esModule = true; // json-rules-engine's Babel interop reads `.default` only from such a module

export default function hash(value) {
  if (Array.isArray(value)) return `[${value.map(hash).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${hash(value[k])}`).join(',')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
}
