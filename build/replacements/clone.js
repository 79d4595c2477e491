// Replaces clone (which also copies Maps, Sets, Buffers, Dates and cycles: 2.4 kB minified) in the browser
// builds. json-rules-engine deep-copies a rule's conditions, event, priority and name into each RuleResult, and
// a named condition into the rule that references it: plain JSON trees and Condition instances. For those this
// copies as clone does: the same prototype, each own enumerable property copied, except (as clone does) one
// whose name the prototype defines without a setter, such as a params key named "toString".
// test/node/replacement-clone.test.ts compares the two.
export const __esModule = true; // json-rules-engine's Babel interop reads `.default` only from such a module

export default function clone(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const proto = Object.getPrototypeOf(value);
  const copy = Object.create(proto);
  for (const key of Object.keys(value)) {
    const inherited = proto && Object.getOwnPropertyDescriptor(proto, key);
    if (!inherited || inherited.set) copy[key] = clone(value[key]);
  }
  return copy;
}
