import { Engine, type RuleProperties } from 'json-rules-engine';
import { ITEM_KINDS, KIND_NOUNS, type ItemKind } from '../constants.js';
import { resolveDotPath } from '../level-fit/dot-path.js';
import type { Condition, Framework, Item } from './schema.js';

/** What one level requires, as item indices into `framework.items`. */
export interface LevelPlan {
  id: string;
  title: string;
  index: number;
  /** Required non-indicator items (competences, KSBs, criteria). */
  core: number[];
  indicators: number[];
  /**
   * The indicators marked `optional` (a "may" in the descriptor): one that is met counts like any indicator;
   * one that is not met leaves the level's count of required indicators, so it never counts against anyone.
   */
  optionalIndicators: number[];
  /** Core items this level requires that the level below does not. */
  added: number[];
  byKind: Map<ItemKind, number[]>;
  /** How explanations name this level's core items. */
  coreNoun: string;
  /** `core` and `indicators` together in framework order (the met/missing lists and gaps). */
  required: number[];
  /** `added` and `indicators` together in framework order (the items an overlap into this level lists). */
  overlapItems: number[];
}

/** A `fact`/`path` pair a rule reads; the rule outcome for a level depends on these values only. */
interface FactRef {
  fact: string;
  path: string | undefined;
  /** `path` split at its dots, once. */
  keys: string[] | undefined;
}

export interface CompiledFramework {
  framework: Framework;
  items: readonly Item[];
  /** Item ids as property-key strings (internalized), for reading responses. */
  ids: readonly string[];
  /** Item titles and kinds by index: one shape to read them from, whichever optional fields an item has. */
  titles: readonly string[];
  kinds: readonly ItemKind[];
  /** 1 for an optional indicator, by item index. */
  optional: Uint8Array;
  itemIndex: ReadonlyMap<string, number>;
  scaleValues: ReadonlySet<number>;
  /** `scaleValues` as a table, 1 at each value, when every value is an integer in 0..255 (the schema's 0..100). */
  scaleTable: Uint8Array | undefined;
  levels: LevelPlan[];
  levelIndex: ReadonlyMap<string, number>;
  roleLevels: ReadonlyMap<string, { title: string; level: string }>;
  engine: Engine;
  refs: FactRef[];
  /** Whether any rule reads the per-item `ratings`/`met` facts or `kinds`. */
  needsItemFacts: boolean;
  needsKinds: boolean;
  /** Rule outcomes by level and the values of `refs`: rules are pure, so an outcome is computed once. */
  cache: import('../level-fit/rules.js').OutcomeCache;
}

const compiled = new WeakMap<Framework, CompiledFramework>();

const factRef = (fact: string, path: string | undefined): FactRef => ({ fact, path, keys: path === undefined ? undefined : path.split('.') });

function collectRefs(cond: Condition, out: FactRef[]): void {
  if ('all' in cond) cond.all.forEach((c) => collectRefs(c, out));
  else if ('any' in cond) cond.any.forEach((c) => collectRefs(c, out));
  else if ('not' in cond) collectRefs(cond.not, out);
  else {
    out.push(factRef(cond.fact, cond.path));
    const v = cond.value as { fact?: unknown; path?: unknown } | null;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.fact === 'string') {
      out.push(factRef(v.fact, typeof v.path === 'string' ? v.path : undefined));
    }
  }
}

export function nounFor(kinds: Iterable<ItemKind>): string {
  const present = ITEM_KINDS.filter((k) => [...kinds].includes(k));
  if (present.length === 0) return 'requirements';
  if (present.length === 1) return KIND_NOUNS[present[0]!][1];
  if (present.every((k) => k === 'knowledge' || k === 'skill' || k === 'behaviour')) return 'knowledge, skills and behaviours';
  return 'requirements';
}

const isListLike = (v: unknown): v is string | unknown[] => Array.isArray(v) || typeof v === 'string';

/**
 * json-rules-engine's `in`/`notIn` call `value.indexOf`, and its `someValue`/`everyValue` decorators call
 * `value.some`/`value.every`, without checking the value is a list: a rule that compares with a number (or
 * with a fact reference that resolves to one, or `swap`s a number into that place) parses, then throws in the
 * middle of an assessment. These versions are false on such a type mismatch, as the engine's own operators
 * are when their fact-value check fails; with lists they behave exactly as before.
 */
function guardOperators(engine: Engine): void {
  engine.addOperator('in', (a: unknown, b: unknown) => isListLike(b) && b.indexOf(a as string) > -1);
  engine.addOperator('notIn', (a: unknown, b: unknown) => isListLike(b) && b.indexOf(a as string) === -1);
  type Next = (a: unknown, b: unknown) => boolean;
  engine.addOperatorDecorator('someValue', (f: unknown, v: unknown, next: Next) => Array.isArray(v) && v.some((x) => next(f, x)));
  engine.addOperatorDecorator('everyValue', (f: unknown, v: unknown, next: Next) => Array.isArray(v) && v.every((x) => next(f, x)));
}

function scaleTable(values: number[]): Uint8Array | undefined {
  if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return undefined;
  const table = new Uint8Array(Math.max(...values) + 1);
  for (const v of values) table[v] = 1;
  return table;
}

/** Builds (once per framework object) the index structures and the json-rules-engine `Engine`. */
export function compile(framework: Framework): CompiledFramework {
  const hit = compiled.get(framework);
  if (hit) return hit;
  const items = framework.items;
  const itemIndex = new Map(items.map((item, i) => [item.id, i]));
  const levels: LevelPlan[] = framework.levels.map((level, index) => ({
    id: level.id,
    title: level.title,
    index,
    core: [],
    indicators: [],
    optionalIndicators: [],
    added: [],
    byKind: new Map(),
    coreNoun: 'requirements',
    required: [],
    overlapItems: [],
  }));
  const levelIndex = new Map(levels.map((l) => [l.id, l.index]));
  items.forEach((item, i) => {
    for (const id of item.levels) {
      const plan = levels[levelIndex.get(id)!]!;
      (item.kind === 'indicator' ? plan.indicators : plan.core).push(i);
      if (item.kind === 'indicator' && item.optional === true) plan.optionalIndicators.push(i);
      const list = plan.byKind.get(item.kind) ?? [];
      list.push(i);
      plan.byKind.set(item.kind, list);
    }
  });
  levels.forEach((plan, index) => {
    const below = new Set(index > 0 ? levels[index - 1]!.core : []);
    plan.added = plan.core.filter((i) => !below.has(i));
    plan.coreNoun = nounFor(plan.core.map((i) => items[i]!.kind));
    plan.required = [...plan.core, ...plan.indicators].sort((a, b) => a - b);
    plan.overlapItems = [...plan.added, ...plan.indicators].sort((a, b) => a - b);
  });
  const roleLevels = new Map<string, { title: string; level: string }>();
  for (const level of framework.levels) {
    for (const role of level.roles) {
      const key = role.trim().toLowerCase();
      if (!roleLevels.has(key)) roleLevels.set(key, { title: role, level: level.id });
    }
  }
  const refs: FactRef[] = [];
  framework.rules.forEach((rule) => collectRefs(rule.conditions, refs));
  const unique = [...new Map(refs.map((r) => [`${r.fact}\u0000${r.path ?? ''}`, r])).values()];
  // json-rules-engine writes into the condition objects it is given (`priority`): hand it a copy, since a
  // parsed framework is deeply frozen
  const engine = new Engine(structuredClone(framework.rules) as unknown as RuleProperties[], {
    allowUndefinedFacts: false,
    pathResolver: resolveDotPath,
  });
  guardOperators(engine);
  const result: CompiledFramework = {
    framework,
    items,
    ids: items.map((item) => Object.keys({ [item.id]: 0 })[0]!),
    titles: items.map((item) => item.title),
    kinds: items.map((item) => item.kind),
    optional: Uint8Array.from(items, (item) => (item.kind === 'indicator' && item.optional === true ? 1 : 0)),
    itemIndex,
    scaleValues: new Set(framework.scale.values.map((v) => v.value)),
    scaleTable: scaleTable(framework.scale.values.map((v) => v.value)),
    levels,
    levelIndex,
    roleLevels,
    engine,
    refs: unique,
    needsItemFacts: unique.some((r) => r.fact === 'ratings' || r.fact === 'met'),
    needsKinds: unique.some((r) => r.fact === 'kinds'),
    cache: { root: new Map(), bytes: 0 },
  };
  compiled.set(framework, result);
  return result;
}
