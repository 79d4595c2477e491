import {
  DOT_PATH_PATTERN,
  FACTS,
  ITEM_KINDS,
  LIMITS,
  NUMERIC_FACTS,
  OPERATOR_DECORATORS,
  OPERATORS,
  type FactName,
} from '../constants.js';
import { FrameworkError, ISSUE_CODES, type Issue, type IssueCode, type IssuePath, type SafeResult } from '../errors.js';
import { FrameworkSchema, type Framework } from './schema.js';
import { builtinFramework } from './builtin-set.js';
import { copyStructure, deepFreeze, isPlainObject, isReservedName, received, show } from './input-guard.js';
import {
  FrameworkExtensionSchema,
  checkAgainstBase,
  isFrameworkExtension,
  issueInExtension,
  mergeExtension,
  type ExtensionBase,
} from './extension.js';

const issueCodes: ReadonlySet<string> = new Set(ISSUE_CODES);
const facts: ReadonlySet<string> = new Set(FACTS);
const numericFacts: ReadonlySet<string> = new Set(NUMERIC_FACTS);
const operators: ReadonlySet<string> = new Set(OPERATORS);
const decorators: ReadonlySet<string> = new Set(OPERATOR_DECORATORS);
const kinds: ReadonlySet<string> = new Set(ITEM_KINDS);
const KIND_FIELDS = new Set(['required', 'met', 'coverage']);

/** Parses JSON text into issues rather than exceptions. */
export function parseJson(text: string): SafeResult<unknown> {
  try {
    return { success: true, data: JSON.parse(text) as unknown };
  } catch (err) {
    return { success: false, issues: [{ code: 'invalid_json', path: [], message: `not valid JSON: ${(err as Error).message}` }] };
  }
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/** A raw zod issue as the per-parse error map sees it (with `input`; the fields vary by code). */
interface RawZodIssue {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  values?: unknown[];
  keys?: string[];
  format?: string;
  divisor?: number;
  errors?: RawZodIssue[][];
}

const TYPE_NAMES: Record<string, string> = { int: 'whole number', array: 'list' };
/** `a string`, `an object`, `a whole number`. */
function typeName(t: string | undefined): string {
  const name = TYPE_NAMES[t ?? ''] ?? t ?? 'value';
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

const quoteList = (xs: readonly unknown[]) => xs.map(String).join(', ');

/** json-rules-engine nests one closure per operator decorator: a long chain overflows the stack when run. */
const MAX_DECORATORS = 4;

/**
 * English messages for zod's issue codes, so no zod locale is bundled. Schema and check messages written in
 * schema.ts (`must not be empty`, the id pattern) take precedence over these.
 */
export function zodMessage(iss: RawZodIssue): string {
  const min = Number(iss.minimum);
  const max = Number(iss.maximum);
  const unit = iss.origin === 'string' ? 'character' : iss.origin === 'array' ? 'entry' : '';
  const count = (n: number) => `${n} ${unit === 'entry' && n !== 1 ? 'entries' : unit + (n === 1 ? '' : 's')}`;
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined
        ? `required: expected ${typeName(iss.expected)}`
        : `expected ${typeName(iss.expected)}, received ${received(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'string' && min === 1) return 'must not be empty';
      if (unit) return `must have ${iss.exact ? 'exactly' : 'at least'} ${count(min)}`;
      return `must be ${iss.inclusive === false ? 'greater than' : 'at least'} ${min}`;
    case 'too_big':
      if (unit) return `must have ${iss.exact ? 'exactly' : 'at most'} ${count(max)}`;
      return `must be ${iss.inclusive === false ? 'less than' : 'at most'} ${max}`;
    case 'invalid_value':
      return `must be ${(iss.values?.length ?? 0) > 1 ? 'one of: ' : ''}${quoteList(iss.values ?? [])}`;
    case 'unrecognized_keys': {
      const keys = iss.keys ?? [];
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    case 'invalid_format':
      return iss.format === 'regex' ? 'is not in the expected format' : `must be a valid ${iss.format}`;
    case 'invalid_union': {
      const expected = [...new Set((iss.errors ?? []).flat().map((e) => (e.code === 'invalid_type' ? typeName(e.expected) : '')))];
      return expected.length && !expected.includes('')
        ? `expected ${expected.join(', ').replace(/, ([^,]*)$/, ' or $1')}, received ${received(iss.input)}`
        : 'does not match any of the allowed forms';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return 'is not valid';
  }
}

export function fromZodIssues(zodIssues: readonly ZodLikeIssue[], root: IssuePath = []): Issue[] {
  return zodIssues.map((i) => ({
    code: (issueCodes.has(i.code) ? i.code : 'invalid_value') as IssueCode,
    path: [...root, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    message: i.message,
  }));
}

interface RuleContext {
  levelIds: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
  issues: Issue[];
}

/** `params` is accepted for json-rules-engine compatibility; levelfit's facts are values, so it has no effect. */
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'name', 'priority']);
const BRANCH_KEYS = new Set(['all', 'any', 'not', 'name', 'priority']);

function checkFactRef(fact: unknown, path: unknown, at: IssuePath, ctx: RuleContext): void {
  if (typeof fact !== 'string' || !facts.has(fact)) {
    ctx.issues.push({
      code: 'unknown_fact',
      path: [...at, 'fact'],
      message: `unknown fact ${show(fact)}; the facts are: ${FACTS.join(', ')}`,
    });
    return;
  }
  const name = fact as FactName;
  if (path === undefined) {
    if (!numericFacts.has(name) && name !== 'level') {
      ctx.issues.push({ code: 'invalid_path', path: [...at, 'path'], message: `the fact "${name}" is an object: give a dot path` });
    }
    return;
  }
  if (typeof path === 'string' && path.length > LIMITS.pathLength) {
    ctx.issues.push({ code: 'too_big', path: [...at, 'path'], message: `a path longer than ${LIMITS.pathLength} characters` });
    return;
  }
  if (typeof path !== 'string' || !DOT_PATH_PATTERN.test(path)) {
    ctx.issues.push({
      code: 'invalid_path',
      path: [...at, 'path'],
      message: `paths are plain dot paths such as "knowledge.coverage" (JSONPath is not supported): ${show(path)}`,
    });
    return;
  }
  if (numericFacts.has(name) || name === 'level') {
    ctx.issues.push({ code: 'invalid_path', path: [...at, 'path'], message: `the fact "${name}" is a value and takes no path` });
  } else if (name === 'kinds') {
    const [kind, field, ...rest] = path.split('.');
    if (!kinds.has(kind!) || !KIND_FIELDS.has(field ?? '') || rest.length > 0) {
      ctx.issues.push({
        code: 'invalid_path',
        path: [...at, 'path'],
        message: `a "kinds" path is <kind>.<required|met|coverage> with kind one of ${ITEM_KINDS.join(', ')}`,
      });
    }
  } else if (!ctx.itemIds.has(path)) {
    ctx.issues.push({ code: 'unknown_item', path: [...at, 'path'], message: `no item has the id "${path}"` });
  }
}

function checkCondition(cond: unknown, at: IssuePath, depth: number, ctx: RuleContext): void {
  if (depth > LIMITS.conditionDepth) {
    ctx.issues.push({ code: 'too_deep', path: at, message: `conditions nest deeper than ${LIMITS.conditionDepth} levels` });
    return;
  }
  if (!isPlainObject(cond)) {
    ctx.issues.push({ code: 'invalid_rule', path: at, message: 'a condition must be an object' });
    return;
  }
  if ('condition' in cond) {
    ctx.issues.push({
      code: 'invalid_rule',
      path: [...at, 'condition'],
      message: 'shared conditions ("condition": "name") are not supported: write the condition in place',
    });
    return;
  }
  const branch = ['all', 'any', 'not'].filter((k) => k in cond);
  if (branch.length > 1 || (branch.length === 1 && 'fact' in cond)) {
    ctx.issues.push({ code: 'invalid_rule', path: at, message: 'a condition has exactly one of "all", "any", "not" or "fact"' });
    return;
  }
  const allowed = branch.length ? BRANCH_KEYS : LEAF_KEYS;
  for (const key of Object.keys(cond)) {
    if (!allowed.has(key)) ctx.issues.push({ code: 'invalid_rule', path: [...at, key], message: `unexpected key "${key}" in a condition` });
  }
  if (cond.params !== undefined && !isPlainObject(cond.params)) {
    ctx.issues.push({ code: 'invalid_rule', path: [...at, 'params'], message: '"params" must be an object' });
  }
  if (cond.priority !== undefined && !(Number.isInteger(cond.priority) && (cond.priority as number) >= 1)) {
    ctx.issues.push({ code: 'invalid_rule', path: [...at, 'priority'], message: 'priority must be a whole number of at least 1' });
  }
  const key = branch[0];
  if (key === 'all' || key === 'any') {
    const list = cond[key];
    if (!Array.isArray(list) || list.length === 0) {
      ctx.issues.push({ code: 'invalid_rule', path: [...at, key], message: `"${key}" must be a non-empty array of conditions` });
      return;
    }
    list.forEach((c, i) => checkCondition(c, [...at, key, i], depth + 1, ctx));
    return;
  }
  if (key === 'not') {
    checkCondition(cond.not, [...at, 'not'], depth + 1, ctx);
    return;
  }
  if (!('fact' in cond)) {
    ctx.issues.push({ code: 'invalid_rule', path: at, message: 'a condition needs "all", "any", "not" or "fact"' });
    return;
  }
  checkFactRef(cond.fact, cond.path, at, ctx);
  const op = cond.operator;
  const parts = typeof op === 'string' ? op.split(':') : [];
  const base = parts.pop();
  if (base === undefined || !operators.has(base) || !parts.every((d) => decorators.has(d))) {
    ctx.issues.push({
      code: 'unknown_operator',
      path: [...at, 'operator'],
      message: `unknown operator ${show(op)}; use one of ${OPERATORS.join(', ')} (optionally decorated, e.g. "not:equal")`,
    });
  } else if (parts.length > MAX_DECORATORS) {
    ctx.issues.push({
      code: 'unknown_operator',
      path: [...at, 'operator'],
      message: `an operator takes at most ${MAX_DECORATORS} decorators (this one has ${parts.length})`,
    });
  }
  if (!('value' in cond)) {
    ctx.issues.push({ code: 'invalid_rule', path: [...at, 'value'], message: 'a condition needs a "value"' });
    return;
  }
  checkValue(cond.value, cond.fact, base, [...at, 'value'], ctx);
}

function checkValue(value: unknown, fact: unknown, operator: string | undefined, at: IssuePath, ctx: RuleContext): void {
  if (isPlainObject(value)) {
    const extra = Object.keys(value).filter((k) => k !== 'fact' && k !== 'path');
    if (!('fact' in value) || extra.length > 0) {
      ctx.issues.push({ code: 'invalid_rule', path: at, message: 'an object value must be a fact reference {"fact", "path"?}' });
      return;
    }
    checkFactRef(value.fact, value.path, at, ctx);
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) || list.length > 100) {
    ctx.issues.push({ code: 'invalid_rule', path: at, message: 'a value must be a number, string, boolean, null, or a short array of those' });
    return;
  }
  if (fact === 'level' && operator !== undefined && ['equal', 'notEqual', 'in', 'notIn'].includes(operator)) {
    list.forEach((v, i) => {
      if (typeof v !== 'string' || !ctx.levelIds.has(v)) {
        ctx.issues.push({
          code: 'unknown_level',
          path: Array.isArray(value) ? [...at, i] : at,
          message: `no level has the id ${show(v)}`,
        });
      }
    });
  }
}

function checkId(id: string, path: IssuePath, issues: Issue[]): void {
  if (isReservedName(id)) {
    issues.push({ code: 'invalid_value', path, message: `"${id}" cannot be an id: every JavaScript object has a property of that name` });
  }
}

/** Cross-references that a schema cannot express: ids, level references, scale, rules. */
function checkReferences(fw: Omit<Framework, 'rules'> & { rules: { conditions: unknown; event: { type: string } }[] }): Issue[] {
  const issues: Issue[] = [];
  const levelIds = new Set<string>();
  fw.levels.forEach((level, i) => {
    checkId(level.id, ['levels', i, 'id'], issues);
    if (levelIds.has(level.id)) issues.push({ code: 'duplicate_id', path: ['levels', i, 'id'], message: `the level id "${level.id}" is used twice` });
    levelIds.add(level.id);
  });
  const itemIds = new Set<string>();
  const required = new Map<string, number>();
  fw.items.forEach((item, i) => {
    checkId(item.id, ['items', i, 'id'], issues);
    if (itemIds.has(item.id)) issues.push({ code: 'duplicate_id', path: ['items', i, 'id'], message: `the item id "${item.id}" is used twice` });
    itemIds.add(item.id);
    if (item.optional && item.kind !== 'indicator') {
      issues.push({ code: 'invalid_value', path: ['items', i, 'optional'], message: 'only an indicator can be optional' });
    }
    const seen = new Set<string>();
    item.levels.forEach((lv, j) => {
      if (!levelIds.has(lv)) {
        issues.push({ code: 'unknown_level', path: ['items', i, 'levels', j], message: `no level has the id "${lv}"` });
      } else if (seen.has(lv)) {
        issues.push({ code: 'duplicate_id', path: ['items', i, 'levels', j], message: `the level "${lv}" is listed twice` });
      }
      seen.add(lv);
      required.set(lv, (required.get(lv) ?? 0) + 1);
    });
  });
  const groups = new Set(fw.items.map((item) => item.group));
  for (const heading of Object.keys(fw.plain?.groups ?? {})) {
    if (!groups.has(heading)) issues.push({ code: 'invalid_value', path: ['plain', 'groups', heading], message: `no item has the group "${heading}"` });
  }
  fw.levels.forEach((level, i) => {
    if (!required.has(level.id)) {
      issues.push({ code: 'too_small', path: ['levels', i], message: `no item is required at the level "${level.id}"` });
    }
  });
  const values = fw.scale.values.map((v) => v.value);
  values.forEach((v, i) => {
    if (i > 0 && v <= values[i - 1]!) {
      issues.push({ code: 'invalid_scale', path: ['scale', 'values', i, 'value'], message: 'scale values must rise strictly, lowest first' });
    }
  });
  if (!values.includes(fw.scale.met) || fw.scale.met === values[0]) {
    issues.push({
      code: 'invalid_scale',
      path: ['scale', 'met'],
      message: `"met" must be one of the scale's values above the lowest (${values.slice(1).join(', ')})`,
    });
  }
  const ctx: RuleContext = { levelIds, itemIds, issues };
  fw.rules.forEach((rule, i) => {
    const at: IssuePath = ['rules', i, 'conditions'];
    const root = rule.conditions;
    // json-rules-engine builds a rule only from a group: a lone condition at the root fails in `new Engine`
    if (isPlainObject(root) && !['all', 'any', 'not', 'condition'].some((k) => k in root)) {
      issues.push({ code: 'invalid_rule', path: at, message: `a rule's conditions start with "all", "any" or "not" (wrap one condition in "all": [ … ])` });
      return;
    }
    checkCondition(root, at, 0, ctx);
  });
  if (!fw.rules.some((r) => r.event.type === 'attained')) {
    issues.push({ code: 'invalid_rule', path: ['rules'], message: 'at least one rule must fire the "attained" event' });
  }
  return issues;
}

const parsed = new WeakSet<object>();

/** True for a framework object returned by `parseFramework` (so it is known to be valid and frozen). */
export function isParsedFramework(value: unknown): boolean {
  return typeof value === 'object' && value !== null && parsed.has(value);
}

export interface ParseFrameworkOptions {
  /**
   * For an extension: the framework it extends, or a lookup by the base's id. Default: the built-in framework
   * with the id the extension names in `extends.id`.
   */
  base?: ExtensionBase;
}

/** Validates a plain framework (already walked and copied). */
function parsePlain(value: unknown): SafeResult<Framework> {
  const result = FrameworkSchema.safeParse(value, { error: zodMessage });
  if (!result.success) return { success: false, issues: fromZodIssues(result.error.issues) };
  const issues = checkReferences(result.data);
  if (issues.length) return { success: false, issues };
  const framework = deepFreeze(result.data as Framework);
  parsed.add(framework);
  return { success: true, data: framework };
}

function findBase(id: string, base: ExtensionBase | undefined): Framework | undefined {
  if (typeof base === 'function') return base(id);
  if (base) return base;
  return builtinFramework(id);
}

/** Validates an extension (already walked and copied) against its base, and returns the extended framework. */
function parseExtension(value: unknown, options: ParseFrameworkOptions): SafeResult<Framework> {
  const ext = FrameworkExtensionSchema.safeParse(value, { error: zodMessage });
  if (!ext.success) return { success: false, issues: fromZodIssues(ext.error.issues) };
  const found = findBase(ext.data.extends.id, options.base);
  if (!found) {
    return {
      success: false,
      issues: [{ code: 'invalid_value', path: ['extends', 'id'], message: `there is no framework "${ext.data.extends.id}" to extend: name a built-in framework, or pass the base framework` }],
    };
  }
  const base = isParsedFramework(found) ? { success: true as const, data: found } : safeParseFramework(found);
  if (!base.success) return { success: false, issues: base.issues.map((i) => ({ ...i, path: ['base', ...i.path] })) };
  const issues = checkAgainstBase(ext.data, base.data);
  if (issues.length) return { success: false, issues };
  const merged = parsePlain(mergeExtension(base.data, ext.data));
  return merged.success ? merged : { success: false, issues: merged.issues.map((i) => issueInExtension(i, base.data)) };
}

/**
 * Validates a framework (an object, or JSON text) without throwing. An object is copied first: the result is a
 * frozen copy and the caller's object is never frozen or changed. An extension (JSON with `extends`) is checked
 * against its base and comes back as the extended framework.
 */
export function safeParseFramework(input: unknown, options: ParseFrameworkOptions = {}): SafeResult<Framework> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.success) return json;
    value = json.data;
  }
  const copy = copyStructure(value);
  if (copy.issues.length) return { success: false, issues: copy.issues };
  return isFrameworkExtension(copy.value) ? parseExtension(copy.value, options) : parsePlain(copy.value);
}

/** Validates a framework (or an extension of one) and returns it frozen; throws a `FrameworkError` listing every issue. */
export function parseFramework(input: unknown, options: ParseFrameworkOptions = {}): Framework {
  const result = safeParseFramework(input, options);
  if (!result.success) throw new FrameworkError(result.issues);
  return result.data;
}
