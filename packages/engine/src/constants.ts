/**
 * Const arrays are the one source of truth: types, zod schemas, stories' controls and tests derive from them.
 */

/** What an item of a framework is. */
export const ITEM_KINDS = ['competence', 'indicator', 'knowledge', 'skill', 'behaviour', 'performance'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Plural nouns used in explanations, per kind. */
export const KIND_NOUNS: Readonly<Record<ItemKind, readonly [singular: string, plural: string]>> = {
  competence: ['competence', 'competences'],
  indicator: ['indicator', 'indicators'],
  knowledge: ['knowledge statement', 'knowledge statements'],
  skill: ['skill', 'skills'],
  behaviour: ['behaviour', 'behaviours'],
  performance: ['performance criterion', 'performance criteria'],
};

/** Event types a framework's rules may fire. */
export const RULE_EVENTS = ['attained', 'overlap'] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];

/** Facts the engine provides to the rules, once per level. */
export const NUMERIC_FACTS = [
  'levelIndex',
  'coverage',
  'competenceCoverage',
  'competencesRequired',
  'competencesMet',
  'competencesMissing',
  'indicatorCoverage',
  'indicatorsRequired',
  'indicatorsMet',
  'addedCompetences',
  'addedCompetencesMet',
] as const;
export type NumericFact = (typeof NUMERIC_FACTS)[number];

/** Facts that are objects and are reached with a dot `path`. */
export const OBJECT_FACTS = ['kinds', 'ratings', 'met'] as const;
export const FACTS = ['level', ...NUMERIC_FACTS, ...OBJECT_FACTS] as const;
export type FactName = (typeof FACTS)[number];

/** json-rules-engine's built-in operators (no custom operators can come from JSON). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
/** json-rules-engine's built-in operator decorators, written `decorator:operator`. */
export const OPERATOR_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/** Keys that must never appear in framework or response JSON. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Limits that keep hostile input cheap to reject. Lengths are checked before any pattern (a regular expression
 * on a 10 MB id can overflow the stack), and the structural walk rejects any string or key longer than
 * `stringLength` / `keyLength` wherever it is, before a schema sees it.
 */
export const LIMITS = {
  depth: 32,
  conditionDepth: 8,
  /** Any free-text field (titles, descriptors, labels, notes), and any string at all in framework or response JSON. */
  stringLength: 4000,
  /** Any object key (item ids as rating keys, rule params). */
  keyLength: 200,
  /** Framework, level, item, question, option and bank ids. */
  idLength: 100,
  /** A rule condition's dot path. */
  pathLength: 200,
  items: 2000,
  levels: 20,
  rules: 50,
} as const;

export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const FRAMEWORK_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** A dot path: `knowledge.coverage`, `communicate-effectively` (item ids may contain dashes and dots are separators). */
export const DOT_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
