/**
 * fast-check arbitraries for the fuzz suites (issue #5): hostile values, hostile condition trees, mutations of
 * a valid framework, hostile responses and hostile drafts.
 *
 * Generated values are plain descriptions (strings, numbers, small JSON, the names of builders), so fast-check
 * can print and shrink a counterexample; `materialize` and `applyMutations` turn them into the payload. Big
 * payloads (1 MB strings, 10 000-deep nesting, shared-reference DAGs, cycles) come from named builders, built
 * fresh for each case.
 */
import fc from 'fast-check';
import { FACTS, ITEM_KINDS, OPERATOR_DECORATORS, OPERATORS } from '../../packages/engine/src/constants.ts';
import { makeFramework, readFrameworkJson, type FrameworkJson } from './factories.ts';

export const MB = 1 << 20;
export const DEEP = 10_000;

// --- Big payloads ----------------------------------------------------------------------------------------

/** Deep values built from text, so a JSON text of a case can splice the text in (JSON.stringify overflows on them). */
const builtText = new WeakMap<object, string>();

function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const memo = <T>(fn: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= fn());
};

/** ~1 MB strings, each aimed at one check (ids, dot paths, operators, dates, URLs, JSONPath). Built once. */
export const HUGE_STRINGS = {
  'huge-text': memo(() => 'x'.repeat(MB)),
  /** Matches the id pattern: only a length limit can stop it. */
  'huge-id': memo(() => 'a'.repeat(MB)),
  /** Almost an id, failing at the very end (a backtracking probe for the id pattern). */
  'huge-near-id': memo(() => `a${'-a'.repeat(MB / 2)}-`),
  /** 10 MB of id groups failing at the end: overflowed V8's regex stack inside the id pattern (issue 15). */
  'huge-id-groups': memo(() => `${'a-'.repeat(5 * MB)}A`),
  'huge-dot-path': memo(() => `a${'.a'.repeat(MB / 2)}`),
  'huge-near-dot-path': memo(() => `a${'.a-'.repeat(MB / 3)}..`),
  /** A decorator chain `not:not:…:equal` (json-rules-engine would nest one closure per decorator). */
  'huge-decorators': memo(() => `${'not:'.repeat(MB / 4)}equal`),
  'huge-jsonpath': memo(() => `$${'..[?(@.constructor)]'.repeat(MB / 20)}`),
  'huge-date': memo(() => `2020${'-01'.repeat(MB / 3)}`),
  'huge-url': memo(() => `https://${'a'.repeat(MB)}.example`),
  'huge-unicode': memo(() => '\u{1F600}\u0000\uD800'.repeat(MB / 4)),
} as const;
export type HugeString = keyof typeof HUGE_STRINGS;

function nested(open: string, close: string, inner: string, n: number): unknown {
  const text = open.repeat(n) + inner + close.repeat(n);
  const value = JSON.parse(text) as unknown;
  if (typeof value === 'object' && value !== null) builtText.set(value, text);
  return value;
}

/** Builders for structured hostile values, each called fresh (so nothing leaks between cases). */
export const BUILDERS = {
  'deep-array': () => nested('[', ']', '', DEEP),
  'deep-object': () => nested('{"a":', '}', '1', DEEP),
  'deep-not': () => nested('{"not":', '}', '{"fact":"coverage","operator":"equal","value":1}', DEEP),
  'deep-all': () => nested('{"all":[', ']}', '{"fact":"coverage","operator":"equal","value":1}', DEEP),
  'deep-condition-30': () => nested('{"any":[', ']}', '{"fact":"coverage","operator":"equal","value":1}', 30),
  'proto-pollution': () => JSON.parse('{"__proto__":{"polluted":true,"__lfPwned":1}}') as unknown,
  'constructor-prototype': () => JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
  'proto-in-array': () => JSON.parse('[{"__proto__":{"polluted":1}},{"prototype":null}]') as unknown,
  'wide-array': () => Array.from({ length: 5000 }, (_, i) => i),
  'numeric-keys': () => ({ '0': 'a', '1': 'b', length: 2 }),
  'fact-ref': () => ({ fact: 'coverage' }),
  'fact-ref-jsonpath': () => ({ fact: 'ratings', path: '$..[?(@.constructor)]' }),
  'fact-ref-root': () => ({ fact: 'x', path: '$..' }),
  'shared-condition-ref': () => ({ condition: 'attained' }),
  ...Object.fromEntries(Object.entries(HUGE_STRINGS).map(([k, f]) => [k, f])),
} as const satisfies Record<string, () => unknown>;
export type BuilderName = keyof typeof BUILDERS;

/** Not JSON: shared references (2^30 paths through 31 objects), cycles, BigInt, symbols. Object payloads only. */
export const OBJECT_ONLY_BUILDERS = {
  dag: () => {
    let x: unknown = { fact: 'coverage', operator: 'equal', value: 1 };
    for (let i = 0; i < 30; i++) x = { any: [x, x] };
    return x;
  },
  'dag-array': () => {
    let x: unknown = [];
    for (let i = 0; i < 30; i++) x = [x, x];
    return x;
  },
  cycle: () => {
    const o: Record<string, unknown> = { fact: 'coverage', operator: 'equal' };
    o.value = o;
    return o;
  },
  'cycle-all': () => {
    const o: { all: unknown[] } = { all: [] };
    o.all.push(o);
    return o;
  },
  bigint: () => 10n,
  symbol: () => Symbol('x'),
  'null-proto': () => Object.assign(Object.create(null) as object, { fact: 'coverage', operator: 'equal', value: 1 }),
  'null-proto-empty': () => Object.create(null) as object,
  date: () => new Date(0),
  map: () => new Map([['a', 1]]),
  'sparse-array': () => [, , 1], // eslint-disable-line no-sparse-arrays
  'typed-array': () => new Uint8Array([1, 2]),
  'boxed-string': () => new String('equal'),
  nan: () => NaN,
  infinity: () => Infinity,
  'minus-infinity': () => -Infinity,
  'minus-zero': () => -0,
  fn: () => () => 1,
  // Getters and Proxies that throw when read: "safe" functions must report them, never throw (issue 15).
  'throwing-getter': () =>
    Object.defineProperty({ operator: 'equal' }, 'fact', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    }),
  'throwing-keys-proxy': () =>
    new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('ownKeys');
        },
      },
    ),
  'throwing-get-proxy': () =>
    new Proxy(
      { fact: 'coverage' },
      {
        get() {
          throw new Error('get');
        },
      },
    ),
  'revoked-proxy': () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  },
  /** What it throws is hostile too: an object whose message getter throws. */
  'getter-throwing-hostile': () =>
    Object.defineProperty({}, 'ratings', {
      enumerable: true,
      get() {
        throw Object.defineProperty({}, 'message', {
          get() {
            throw new Error('message');
          },
        });
      },
    }),
} as const satisfies Record<string, () => unknown>;
export type ObjectOnlyBuilderName = keyof typeof OBJECT_ONLY_BUILDERS;

/** Short hostile strings: JSONPath scripts, prototype names, numeric strings, markup, odd Unicode. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '$',
  '$..',
  '$..*',
  '$..[?(@.constructor)]',
  "$..[?(@.constructor.constructor('globalThis.__lfPwned=1')())]",
  '$[?(@ && (globalThis.__lfPwned = 1))]',
  '$..[?(@property === "x" && (this.__lfPwned = 1))]',
  '@.constructor',
  'ratings.__proto__',
  'kinds.competence.coverage',
  'kinds.__proto__.coverage',
  'kinds.competence.coverage.extra',
  'a..b',
  '.a',
  'a.',
  '1',
  '2',
  '0',
  '-1',
  '1e3',
  '0x10',
  ' 2 ',
  'NaN',
  'Infinity',
  '-0',
  'true',
  'null',
  '{}',
  '[]',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '\u0000',
  '\uD800',
  '\u202E',
  'not:equal',
  'not:not:not:equal',
  'someFact:everyValue:swap:not:contains',
  'regex',
  'eval',
  '$where',
  'equal:',
  ':equal',
  'NOT:equal',
  'not:',
  'attained',
  'overlap',
  'level',
] as const;

export const HOSTILE_NUMBERS = [0, -0, 1, -1, 2, 3, 4, 100, 101, 0.5, 0.75, 1.5, -1e-9, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE] as const;

/** A hostile value, as a printable description. */
export type HostileDesc = { v: unknown } | { huge: HugeString } | { build: BuilderName } | { objectOnly: ObjectOnlyBuilderName };

/**
 * A hostile value inside a generated case. fast-check prints it by its description, never by its value (a
 * 10 000-deep value would overflow the printer; a 1 MB string would flood the report).
 */
export class Hostile {
  constructor(readonly desc: HostileDesc) {}
  [fc.toStringMethod](): string {
    const d = this.desc;
    if ('v' in d) return fc.stringify(d.v);
    return `<${'huge' in d ? d.huge : 'build' in d ? d.build : d.objectOnly}>`;
  }
}
export type HostileValue = Hostile;
export const hostile = (desc: HostileDesc): Hostile => new Hostile(desc);

export const hugeString = (): fc.Arbitrary<HostileValue> =>
  fc.constantFrom(...(Object.keys(HUGE_STRINGS) as HugeString[])).map((huge) => hostile({ huge }));

/** Any hostile value; `objects` adds the ones JSON cannot carry. */
export function hostileValue(objects: boolean): fc.Arbitrary<HostileValue> {
  const arbs: fc.Arbitrary<HostileDesc>[] = [
    fc.constantFrom<unknown>(null, true, false, ...HOSTILE_NUMBERS, ...HOSTILE_STRINGS).map((v) => ({ v })),
    fc.constantFrom(...(Object.keys(BUILDERS) as BuilderName[])).map((build) => ({ build })),
    fc.jsonValue({ maxDepth: 3 }).map((v) => ({ v })),
    fc.string({ unit: 'binary', maxLength: 30 }).map((v) => ({ v })),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((v) => ({ v })),
  ];
  if (objects) arbs.push(fc.constantFrom(...(Object.keys(OBJECT_ONLY_BUILDERS) as ObjectOnlyBuilderName[])).map((objectOnly) => ({ objectOnly })));
  return fc.oneof(...arbs).map(hostile);
}

/** Whether a generated tree holds only values JSON can carry. */
export function isJsonSafe(tree: unknown): boolean {
  if (tree instanceof Hostile) return !('objectOnly' in tree.desc);
  if (typeof tree !== 'object' || tree === null) return typeof tree !== 'bigint' && typeof tree !== 'symbol' && typeof tree !== 'function';
  return Object.values(tree).every(isJsonSafe);
}

/** Builds the value a description stands for (fresh objects every time). */
export function materialize(h: HostileValue): unknown {
  const d = h.desc;
  if ('huge' in d) return HUGE_STRINGS[d.huge]();
  if ('build' in d) return BUILDERS[d.build]();
  if ('objectOnly' in d) return OBJECT_ONLY_BUILDERS[d.objectOnly]();
  return typeof d.v === 'object' && d.v !== null ? structuredClone(d.v) : d.v;
}

/** A generated tree with every `Hostile` replaced by its value (own keys kept own, `__proto__` included). */
export function materializeTree(tree: unknown): unknown {
  if (tree instanceof Hostile) return materialize(tree);
  if (Array.isArray(tree)) return tree.map(materializeTree);
  if (typeof tree !== 'object' || tree === null || Object.getPrototypeOf(tree) !== Object.prototype) return tree;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tree)) defineOwn(out, key, materializeTree((tree as Record<string, unknown>)[key]));
  return out;
}

/**
 * JSON text for a document that may hold 10 000-deep values (V8's JSON.stringify overflows on those): each
 * built deep value is written from the text it was parsed from.
 */
export function toJsonText(doc: unknown): string {
  const spliced: string[] = [];
  const text = JSON.stringify(doc, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && builtText.has(value)) {
      spliced.push(builtText.get(value)!);
      return `\u0000splice${spliced.length - 1}\u0000`;
    }
    return value;
  });
  if (!spliced.length) return text;
  return text.replace(/"\\u0000splice(\d+)\\u0000"/g, (_m, n: string) => spliced[Number(n)]!);
}

// --- Condition trees -------------------------------------------------------------------------------------

export interface Refs {
  itemIds: readonly string[];
  levelIds: readonly string[];
}

/** A dot path into a fact: item ids, kind paths, and hostile paths (JSONPath scripts among them). */
function pathArb(refs: Refs, objects: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...refs.itemIds) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ITEM_KINDS), fc.constantFrom('required', 'met', 'coverage')).map(([k, f]) => `${k}.${f}`) },
    { weight: 1, arbitrary: fc.constantFrom('no-such-item', 'kinds.x.y', 'ratings') },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: hostileValue(objects) },
  );
}

function operatorArb(objects: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...OPERATORS) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.array(fc.constantFrom(...OPERATOR_DECORATORS), { maxLength: 4 }), fc.constantFrom(...OPERATORS))
        .map(([ds, op]) => [...ds, op].join(':')),
    },
    { weight: 1, arbitrary: fc.integer({ min: 5, max: 3000 }).map((n) => `${'not:'.repeat(n)}equal`) },
    { weight: 1, arbitrary: fc.constantFrom('regex', 'eval', '$where', 'equal:', ':equal', 'NOT:equal', 'not:', 'unknownOp', 'constructor', '__proto__', 'toString') },
    { weight: 1, arbitrary: hostileValue(objects) },
  );
}

function valueArb(refs: Refs, objects: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.constantFrom(0, 1, 2, 0.25, 0.5, 0.75), fc.double({ min: -1, max: 2, noNaN: true }), fc.integer({ min: -5, max: 50 })) },
    { weight: 2, arbitrary: fc.constantFrom(...refs.levelIds) },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...refs.levelIds), fc.integer({ min: 0, max: 5 })), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom(...FACTS, 'x'), path: fc.option(pathArb(refs, objects), { nil: undefined }) }, { requiredKeys: ['fact'] }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: hostileValue(objects) },
  );
}

/** Condition trees: mostly well-formed (so many frameworks parse and their rules run), some hostile. */
export function conditionArb(refs: Refs, objects: boolean): fc.Arbitrary<unknown> {
  const { condition } = fc.letrec<{ condition: unknown; validLeaf: unknown; leaf: unknown; branch: unknown }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
      tie('validLeaf'),
      tie('validLeaf'),
      tie('validLeaf'),
      tie('leaf'),
      tie('branch'),
      tie('branch'),
    ),
    /** A leaf the parser accepts, so json-rules-engine runs it: every operator and decorator, fact references. */
    validLeaf: fc.oneof(
      fc.record({
        fact: fc.constantFrom(...FACTS.filter((f) => !['kinds', 'ratings', 'met'].includes(f))),
        operator: fc
          .tuple(fc.array(fc.constantFrom(...OPERATOR_DECORATORS), { maxLength: 3 }), fc.constantFrom(...OPERATORS))
          .map(([ds, op]) => [...ds, op].join(':')),
        value: fc.oneof(
          fc.double({ min: -1, max: 30, noNaN: true }),
          fc.integer({ min: -1, max: 30 }),
          fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
          fc.boolean(),
          fc.constant(null),
          fc.string({ maxLength: 4 }),
          fc.record({ fact: fc.constantFrom('coverage', 'levelIndex', 'competencesMet', 'level') }),
          fc.record({ fact: fc.constant('ratings'), path: fc.constantFrom(...refs.itemIds) }),
        ),
      }),
      fc.record({
        fact: fc.constantFrom('ratings', 'met'),
        path: fc.constantFrom(...refs.itemIds),
        operator: fc.constantFrom(...OPERATORS, 'not:equal', 'swap:in', 'someValue:equal', 'everyValue:lessThan'),
        value: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 })),
      }),
      fc.record({
        fact: fc.constant('kinds'),
        path: fc.tuple(fc.constantFrom(...ITEM_KINDS), fc.constantFrom('required', 'met', 'coverage')).map(([k, f]) => `${k}.${f}`),
        operator: fc.constantFrom(...OPERATORS),
        value: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 10 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 })),
      }),
    ),
    leaf: fc
      .record(
        {
          fact: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FACTS) }, { weight: 1, arbitrary: fc.constantFrom('x', '', '__proto__', 'constructor', '$..') }),
          operator: operatorArb(objects),
          value: valueArb(refs, objects),
          path: pathArb(refs, objects),
          name: fc.string({ maxLength: 10 }),
          priority: fc.oneof(fc.integer({ min: -2, max: 200 }), fc.constant(1.5)),
          params: fc.constant({ a: 1 }),
        },
        { requiredKeys: ['fact', 'operator', 'value'] },
      )
      .map((leaf) => {
        // paths only make sense on the object facts; keep most numeric-fact leaves path-free
        if (leaf.path !== undefined && !['ratings', 'met', 'kinds'].includes(leaf.fact as string) && typeof leaf.path === 'string' && leaf.path.length % 3 !== 0) {
          const { path: _p, ...rest } = leaf;
          return rest;
        }
        return leaf;
      }),
    branch: fc.oneof(
      fc.record({ all: fc.array(tie('condition'), { minLength: 0, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 0, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
      fc.record({ condition: fc.constantFrom('attained', 'a', 'b', '__proto__') }),
      fc.record({ all: fc.array(tie('condition'), { maxLength: 2 }), any: fc.array(tie('condition'), { maxLength: 2 }) }),
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 2 }), fact: fc.constant('coverage') }),
      fc.record({ all: hostileValue(objects) }),
      hostileValue(objects),
    ),
  }));
  return condition;
}

// --- Framework mutations ---------------------------------------------------------------------------------

export const BASES = {
  'clinical-homecare': () => readFrameworkJson('clinical-homecare'),
  tiny: () => makeFramework(),
  'tiny-kinds': () =>
    makeFramework({
      rules: [
        {
          name: 'attained',
          conditions: {
            all: [
              { fact: 'kinds', path: 'competence.coverage', operator: 'greaterThanInclusive', value: 1 },
              { fact: 'ratings', path: 'work-safely', operator: 'greaterThanInclusive', value: { fact: 'levelIndex' } },
              { fact: 'met', path: 'communicate-clearly', operator: 'equal', value: true },
              { fact: 'level', operator: 'in', value: ['foundation', 'practitioner', 'expert'] },
            ],
          },
          event: { type: 'attained' },
        },
        { conditions: { not: { fact: 'indicatorsMet', operator: 'someValue:lessThan', value: [1] } }, event: { type: 'overlap', params: { note: 'x' } } },
      ],
    }),
} as const satisfies Record<string, () => FrameworkJson>;
export type BaseName = keyof typeof BASES;

const baseCache = new Map<BaseName, FrameworkJson>();
/** A fresh copy of a base framework's JSON. */
export function baseJson(name: BaseName): FrameworkJson {
  let fw = baseCache.get(name);
  if (!fw) baseCache.set(name, (fw = BASES[name]()));
  return structuredClone(fw);
}

export function refsOf(fw: FrameworkJson): Refs {
  return { itemIds: fw.items.map((i) => i.id), levelIds: fw.levels.map((l) => l.id) };
}

export type Mutation =
  /** Walk `path` (indices into the keys at each level) and delete the key reached. */
  | { op: 'delete'; path: number[] }
  | { op: 'set'; path: number[]; value: HostileValue }
  /** Add an own key (JSON.parse makes `__proto__` an own key; so does this). */
  | { op: 'add-key'; path: number[]; key: string; value: HostileValue }
  /** Replace the value with one of another JSON type built from it. */
  | { op: 'swap-type'; path: number[]; to: 'string' | 'number' | 'array' | 'object' | 'null' | 'boolean' | 'wrap' }
  | { op: 'duplicate-id'; list: 'items' | 'levels'; from: number; to: number }
  | { op: 'dangling-level'; item: number; level: string }
  | { op: 'rule-conditions'; rule: number; conditions: unknown }
  | { op: 'add-rule'; event: string; conditions: unknown; params?: unknown }
  | { op: 'shared-condition-cycle'; rule: number }
  | { op: 'grow'; list: 'items' | 'levels' | 'rules'; times: number };

function pathStep(node: unknown, n: number): string | number | undefined {
  if (Array.isArray(node)) return node.length ? n % node.length : undefined;
  if (typeof node === 'object' && node !== null) {
    const keys = Object.keys(node);
    return keys.length ? keys[n % keys.length] : undefined;
  }
  return undefined;
}

/** Walks the index path; returns the container and key reached (stopping early at a leaf). */
function locate(root: unknown, path: readonly number[]): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  let parent: unknown;
  let key: string | number | undefined;
  let node = root;
  for (const n of path) {
    const step = pathStep(node, n);
    if (step === undefined) break;
    parent = node;
    key = step;
    node = (node as Record<string | number, unknown>)[step];
  }
  return parent === undefined || key === undefined ? undefined : { parent: parent as Record<string | number, unknown>, key };
}

function swapType(value: unknown, to: Extract<Mutation, { op: 'swap-type' }>['to']): unknown {
  switch (to) {
    case 'string':
      return typeof value === 'string' ? `${value}!` : JSON.stringify(value) ?? 'undefined';
    case 'number':
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.length : 1;
    case 'array':
      return Array.isArray(value) ? Object.assign({}, value) : [value];
    case 'object':
      return typeof value === 'object' && value !== null ? Object.values(value) : { value };
    case 'null':
      return null;
    case 'boolean':
      return !value;
    case 'wrap':
      return { [Array.isArray(value) ? 'all' : 'not']: value };
  }
}

/** Applies mutations to a framework's JSON in place; returns it. */
export function applyMutations(fw: FrameworkJson, mutations: readonly Mutation[]): unknown {
  const doc = fw as unknown as Record<string, unknown>;
  for (const m of mutations) {
    try {
      applyOne(fw, doc, m);
    } catch {
      // an earlier mutation reshaped the document so this one no longer fits: skip it
    }
  }
  return doc;
}

function applyOne(fw: FrameworkJson, doc: Record<string, unknown>, m: Mutation): void {
  {
    switch (m.op) {
      case 'delete': {
        const at = locate(doc, m.path);
        if (!at) break;
        if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
        else delete at.parent[at.key];
        break;
      }
      case 'set': {
        const at = locate(doc, m.path);
        if (at) at.parent[at.key] = materialize(m.value);
        break;
      }
      case 'add-key': {
        const at = locate(doc, m.path);
        const target = at ? at.parent[at.key] : doc;
        if (typeof target === 'object' && target !== null && !Array.isArray(target)) defineOwn(target, m.key, materialize(m.value));
        else if (at) defineOwn(at.parent, m.key, materialize(m.value));
        break;
      }
      case 'swap-type': {
        const at = locate(doc, m.path);
        if (at) at.parent[at.key] = swapType(at.parent[at.key], m.to);
        break;
      }
      case 'duplicate-id': {
        const list = fw[m.list] as { id: string }[];
        if (list.length) list[m.to % list.length]!.id = list[m.from % list.length]!.id;
        break;
      }
      case 'dangling-level': {
        const item = fw.items[m.item % fw.items.length];
        if (item) item.levels.push(m.level);
        break;
      }
      case 'rule-conditions': {
        const rule = fw.rules[m.rule % Math.max(1, fw.rules.length)];
        if (rule) rule.conditions = materializeTree(m.conditions);
        break;
      }
      case 'add-rule':
        fw.rules.push({ conditions: materializeTree(m.conditions), event: m.params === undefined ? { type: m.event } : ({ type: m.event, params: materializeTree(m.params) } as { type: string }) });
        break;
      case 'shared-condition-cycle': {
        const rule = fw.rules[m.rule % Math.max(1, fw.rules.length)];
        if (rule) rule.conditions = { condition: 'a' };
        defineOwn(doc, 'conditions', { a: { condition: 'b' }, b: { all: [{ condition: 'a' }] } });
        break;
      }
      case 'grow': {
        const list = fw[m.list] as unknown[];
        const copy = list.slice();
        for (let i = 0; i < m.times; i++) list.push(...structuredClone(copy));
        break;
      }
    }
  }
}

export function mutationsJsonSafe(mutations: readonly Mutation[]): boolean {
  return mutations.every(isJsonSafe);
}

const indexPath = fc.array(fc.nat({ max: 200 }), { minLength: 1, maxLength: 7 });

/** One mutation of a framework whose ids are `refs`. */
export function mutationArb(refs: Refs, objects: boolean): fc.Arbitrary<Mutation> {
  const value = hostileValue(objects);
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: indexPath }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), path: indexPath, value }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('add-key' as const),
        path: indexPath,
        key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'condition', 'params', 'conditions', '$schema', ''), fc.string({ maxLength: 8 })),
        value,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('swap-type' as const),
        path: indexPath,
        to: fc.constantFrom('string', 'number', 'array', 'object', 'null', 'boolean', 'wrap'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-id' as const), list: fc.constantFrom('items', 'levels'), from: fc.nat(), to: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('dangling-level' as const), item: fc.nat(), level: fc.constantFrom('no-such-level', ...refs.levelIds) }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('rule-conditions' as const), rule: fc.nat(), conditions: conditionArb(refs, objects) }) },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          op: fc.constant('add-rule' as const),
          event: fc.constantFrom('attained', 'overlap', 'attained', 'other', '__proto__'),
          conditions: conditionArb(refs, objects),
          params: fc.oneof(fc.constant({ a: 1, b: 'x' }), fc.constant(JSON.parse('{"__proto__":{"polluted":1}}') as unknown), fc.jsonValue({ maxDepth: 2 })),
        },
        { requiredKeys: ['op', 'event', 'conditions'] },
      ),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('shared-condition-cycle' as const), rule: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), list: fc.constantFrom('items', 'levels', 'rules'), times: fc.integer({ min: 1, max: 40 }) }) },
  );
}

export interface MutatedCase {
  base: BaseName;
  mutations: Mutation[];
}

/** A base framework and 1–4 mutations of it. */
export function mutatedFramework(objects: boolean): fc.Arbitrary<MutatedCase> {
  return fc.constantFrom(...(Object.keys(BASES) as BaseName[])).chain((base) =>
    fc.record({ base: fc.constant(base), mutations: fc.array(mutationArb(refsOf(baseJson(base)), objects), { minLength: 1, maxLength: 4 }) }),
  );
}

/** Only condition-tree mutations: most of these frameworks parse, so their rules reach json-rules-engine. */
export function mutatedRules(objects: boolean): fc.Arbitrary<MutatedCase> {
  return fc.constantFrom(...(Object.keys(BASES) as BaseName[])).chain((base) => {
    const refs = refsOf(baseJson(base));
    // a rule's root is a group (json-rules-engine's rule), so most trees get one
    const cond = conditionArb(refs, objects);
    const rooted = fc.oneof(
      { weight: 1, arbitrary: cond },
      { weight: 3, arbitrary: fc.array(cond, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 2, arbitrary: fc.array(cond, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    );
    const m = fc.oneof(
      fc.record({ op: fc.constant('rule-conditions' as const), rule: fc.nat(), conditions: rooted }),
      fc.record({ op: fc.constant('add-rule' as const), event: fc.constantFrom('attained', 'overlap'), conditions: rooted }),
    );
    return fc.record({ base: fc.constant(base), mutations: fc.array(m as fc.Arbitrary<Mutation>, { minLength: 1, maxLength: 3 }) });
  });
}

// --- Responses and options -------------------------------------------------------------------------------

export type RatingDesc = { id: string | Hostile; value: HostileValue };

/** Responses: mostly valid ratings, plus hostile ids and values, and hostile shapes. */
export function responsesArb(refs: Refs, scale: readonly number[], objects: boolean): fc.Arbitrary<{ desc: unknown; build: () => unknown }> {
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...refs.itemIds) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: hugeString() },
  );
  const rating = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...scale).map((v) => hostile({ v })) },
    { weight: 2, arbitrary: hostileValue(objects) },
  );
  const ratings = fc.array(fc.record({ id, value: rating }), { maxLength: 30 });
  const build = (list: RatingDesc[]) => {
    const out: Record<string, unknown> = {};
    for (const r of list) defineOwn(out, typeof r.id === 'string' ? r.id : String(materialize(r.id)), materialize(r.value));
    return out;
  };
  return fc.oneof(
    { weight: 6, arbitrary: ratings.map((list) => ({ desc: { ratings: list }, build: () => ({ ratings: build(list) }) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(ratings, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'ratings2'), hostileValue(objects))
        .map(([list, key, extra]) => ({
          desc: { ratings: list, extraKey: key, extra },
          build: () => {
            const r: Record<string, unknown> = { ratings: build(list) };
            defineOwn(r, key, materialize(extra));
            return r;
          },
        })),
    },
    {
      weight: 2,
      arbitrary: hostileValue(objects).map((h) => ({ desc: { ratings: h }, build: () => ({ ratings: materialize(h) }) })),
    },
    { weight: 1, arbitrary: hostileValue(objects).map((h) => ({ desc: h, build: () => materialize(h) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"ratings":{"__proto__":{"polluted":1}}}',
        '{"__proto__":{"ratings":{}}}',
        '{"ratings":{"constructor":{"prototype":{"polluted":1}}}}',
        '{"ratings":[2,2,2]}',
        '{"ratings":null}',
        '{}',
      ).map((text) => ({ desc: text, build: () => JSON.parse(text) as unknown })),
    },
  );
}

export function optionsArb(refs: Refs, roles: readonly string[], objects: boolean): fc.Arbitrary<{ desc: unknown; build: () => unknown }> {
  const field = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined).map(() => hostile({ v: undefined })) },
    { weight: 3, arbitrary: fc.constantFrom(...refs.levelIds, ...roles).map((v) => hostile({ v })) },
    { weight: 2, arbitrary: hostileValue(objects) },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ target: field, role: field }).map((o) => ({
        desc: o,
        build: () => {
          const out: Record<string, unknown> = {};
          const target = materialize(o.target);
          const role = materialize(o.role);
          if (target !== undefined) out.target = target;
          if (role !== undefined) out.role = role;
          return out;
        },
      })),
    },
    { weight: 1, arbitrary: fc.constant({ desc: 'undefined', build: () => undefined }) },
    { weight: 1, arbitrary: hostileValue(objects).map((h) => ({ desc: h, build: () => materialize(h) })) },
  );
}

// --- Random text -----------------------------------------------------------------------------------------

/** JSON-ish text: random JSON, truncated JSON, hostile JSON documents, random strings. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 3 }).chain((t) => fc.nat({ max: Math.max(0, t.length - 1) }).map((n) => t.slice(0, n))),
    fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '[{"__proto__":[]}]',
      '{"a":1,"a":2}',
      '1e400',
      '-1e400',
      'NaN',
      'Infinity',
      '"\\ud800"',
      '\uFEFF{}',
      'null',
      '{}',
      '[]',
      '""',
      '"x"',
      '0',
    ),
    fc.constantFrom(...(Object.keys(BUILDERS) as BuilderName[])).map((b) => {
      const v = BUILDERS[b]();
      return typeof v === 'string' ? v : toJsonText(v);
    }),
    fc.constant('[').map(() => '['.repeat(DEEP)),
    fc.constant('{').map(() => '{"a":'.repeat(DEEP)),
  );
}
