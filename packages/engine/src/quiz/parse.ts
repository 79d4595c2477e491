import { FORBIDDEN_KEYS } from '../constants.js';
import { formatPath, type Issue, type IssuePath, type SafeResult } from '../errors.js';
import { checkStructure, copyStructure, deepFreeze } from '../framework/input-guard.js';
import { fromZodIssues, parseJson, zodMessage } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { DeliverySchema, MasterySchema, QuestionBankSchema, QuestionSchema, type QuestionBank } from './schema.js';
import { SINGLE_ANSWER_TYPES } from './types.js';

/** Thrown by `parseQuestionBank` for a bank that does not fit the data contract (or its framework). */
export class QuestionBankError extends Error {
  override readonly name = 'QuestionBankError';
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `Invalid question bank: ${formatPath(first.path)}: ${first.message}${more}` : 'Invalid question bank');
    this.issues = issues;
  }
}

/** Ids may not be the name of a property every object has (`constructor`, `toString`, …) nor a forbidden key. */
const reservedIds: ReadonlySet<string> = new Set([...FORBIDDEN_KEYS, ...Object.getOwnPropertyNames(Object.prototype)]);

function checkId(id: string, path: IssuePath, issues: Issue[]): void {
  if (reservedIds.has(id)) {
    issues.push({ code: 'invalid_value', path, message: `"${id}" cannot be an id: every JavaScript object has a property of that name` });
  }
}

const singleAnswer: ReadonlySet<string> = new Set(SINGLE_ANSWER_TYPES);

/** The checks a schema cannot express: ids, answer keys, thresholds. Questions listed in `skip` (which failed the schema) are left out. */
function checkBank(bank: QuestionBank, skip: ReadonlySet<number> = new Set()): Issue[] {
  const issues: Issue[] = [];
  checkId(bank.id, ['id'], issues);
  const questionIds = new Set<string>();
  bank.questions.forEach((q, i) => {
    if (skip.has(i)) {
      // Its id still counts for pools and duplicates when it is readable.
      if (typeof (q as { id?: unknown } | null)?.id === 'string') questionIds.add(q.id);
      return;
    }
    const at: IssuePath = ['questions', i];
    checkId(q.id, [...at, 'id'], issues);
    if (questionIds.has(q.id)) issues.push({ code: 'duplicate_id', path: [...at, 'id'], message: `the question id "${q.id}" is used twice` });
    questionIds.add(q.id);
    const optionIds = new Set<string>();
    q.options.forEach((o, j) => {
      checkId(o.id, [...at, 'options', j, 'id'], issues);
      if (optionIds.has(o.id)) {
        issues.push({ code: 'duplicate_id', path: [...at, 'options', j, 'id'], message: `the option id "${o.id}" is used twice in "${q.id}"` });
      }
      optionIds.add(o.id);
    });
    const seen = new Set<string>();
    q.items.forEach((item, j) => {
      if (seen.has(item)) issues.push({ code: 'duplicate_id', path: [...at, 'items', j], message: `the item "${item}" is listed twice` });
      seen.add(item);
    });
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'true-false' && q.options.length !== 2) {
      issues.push({ code: 'too_big', path: [...at, 'options'], message: 'a true-false question has exactly 2 options' });
    }
    if (singleAnswer.has(q.type) && correct !== 1) {
      issues.push({
        code: 'invalid_value',
        path: [...at, 'options'],
        message: `a ${q.type} question has exactly one correct option (it has ${correct})`,
      });
    } else if (q.type === 'multiple' && correct === 0) {
      issues.push({ code: 'invalid_value', path: [...at, 'options'], message: 'a multiple question has at least one correct option' });
    }
    if (q.type === 'scenario' && q.scenario === undefined) {
      issues.push({ code: 'invalid_type', path: [...at, 'scenario'], message: 'required: a scenario question needs a scenario' });
    } else if (q.type !== 'scenario' && q.scenario !== undefined) {
      issues.push({ code: 'unrecognized_keys', path: [...at, 'scenario'], message: `only scenario questions have a scenario (this one is ${q.type})` });
    }
  });
  const inPool = new Map<string, string>();
  const poolIds = new Set<string>();
  (bank.delivery?.pools ?? []).forEach((pool, k) => {
    const at: IssuePath = ['delivery', 'pools', k];
    checkId(pool.id, [...at, 'id'], issues);
    if (poolIds.has(pool.id)) issues.push({ code: 'duplicate_id', path: [...at, 'id'], message: `the pool id "${pool.id}" is used twice` });
    poolIds.add(pool.id);
    pool.questions.forEach((q, j) => {
      if (!questionIds.has(q)) issues.push({ code: 'invalid_value', path: [...at, 'questions', j], message: `no question has the id "${q}"` });
      else if (inPool.has(q)) {
        issues.push({ code: 'duplicate_id', path: [...at, 'questions', j], message: `the question "${q}" is already in the pool "${inPool.get(q)}"` });
      } else inPool.set(q, pool.id);
    });
    if (pool.draw > pool.questions.length) {
      issues.push({ code: 'too_big', path: [...at, 'draw'], message: `the pool "${pool.id}" has ${pool.questions.length} questions: it cannot draw ${pool.draw}` });
    }
  });
  const thresholds = bank.mastery?.thresholds ?? [];
  thresholds.forEach((t, k) => {
    const at: IssuePath = ['mastery', 'thresholds', k];
    if ((t.atLeast === undefined) === (t.above === undefined)) {
      issues.push({ code: 'invalid_value', path: at, message: 'a threshold has exactly one of "atLeast" and "above"' });
      return;
    }
    const prev = thresholds[k - 1];
    if (!prev) return;
    const bound = (x: typeof t) => x.atLeast ?? x.above ?? 0;
    if (t.rating >= prev.rating || bound(t) > bound(prev) || (bound(t) === bound(prev) && t.above !== undefined)) {
      issues.push({ code: 'invalid_scale', path: at, message: 'thresholds go highest first: each lower rating needs a lower bound' });
    }
  });
  return issues;
}

/** The checks that need the framework: its id, its item ids, its scale. */
export function checkBankAgainst(bank: QuestionBank, framework: Framework): Issue[] {
  const issues: Issue[] = [];
  if (bank.framework !== framework.id) {
    issues.push({
      code: 'invalid_value',
      path: ['framework'],
      message: `the bank evidences the framework "${bank.framework}", not "${framework.id}"`,
    });
    return issues;
  }
  const itemIds = new Set(framework.items.map((i) => i.id));
  bank.questions.forEach((q, i) =>
    q.items.forEach((item, j) => {
      if (!itemIds.has(item)) {
        issues.push({ code: 'unknown_item', path: ['questions', i, 'items', j], message: `no item in ${framework.id} has the id "${item}"` });
      }
    }),
  );
  const values = framework.scale.values.map((v) => v.value);
  (bank.mastery?.thresholds ?? []).forEach((t, k) => {
    if (!values.includes(t.rating)) {
      issues.push({
        code: 'rating_off_scale',
        path: ['mastery', 'thresholds', k, 'rating'],
        message: `the rating ${t.rating} is not on ${framework.id}'s scale (${values.join(', ')})`,
      });
    }
  });
  return issues;
}

const parsed = new WeakSet<object>();
/** Banks known to fit a framework: checked once per (bank, framework) pair. */
const fits = new WeakMap<object, WeakSet<Framework>>();

/** True for a bank returned by `parseQuestionBank` (valid and frozen). */
export function isParsedQuestionBank(value: unknown): value is QuestionBank {
  return typeof value === 'object' && value !== null && parsed.has(value);
}

/** `checkBankAgainst`, remembered per pair. */
export function checkFit(bank: QuestionBank, framework: Framework): Issue[] {
  if (fits.get(bank)?.has(framework)) return [];
  const issues = checkBankAgainst(bank, framework);
  if (!issues.length) {
    const set = fits.get(bank) ?? new WeakSet<Framework>();
    set.add(framework);
    fits.set(bank, set);
  }
  return issues;
}

/**
 * Validates a question bank (an object, or JSON text) without throwing; with a framework, also checks that the
 * bank names it, that every item id exists in it and that threshold ratings are on its scale. The result is a
 * frozen copy (zod builds new objects), so the caller's object is never frozen.
 */
export function safeParseQuestionBank(input: unknown, framework?: Framework): SafeResult<QuestionBank> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.success) return json;
    value = json.data;
  }
  const copy = copyStructure(value);
  if (copy.issues.length) return { success: false, issues: copy.issues };
  const result = QuestionBankSchema.safeParse(copy.value, { error: zodMessage });
  if (!result.success) return { success: false, issues: fromZodIssues(result.error.issues) };
  const bank = result.data as QuestionBank;
  const issues = checkBank(bank);
  if (issues.length) return { success: false, issues };
  deepFreeze(bank);
  parsed.add(bank);
  if (framework) {
    const fit = checkFit(bank, framework);
    if (fit.length) return { success: false, issues: fit };
  }
  return { success: true, data: bank };
}

/**
 * Every issue of a bank in one pass, for authoring tools (`levelfit validate`): the schema's issues, and also the
 * checks that `safeParseQuestionBank` only reaches once the schema passes (ids, correct answers, pools,
 * thresholds) on every part that is readable, and, with a framework, its item ids in every question, even one
 * with other mistakes. Sorted by path; never throws. Empty for a valid bank (that fits the framework).
 */
export function collectBankIssues(input: unknown, framework?: Framework): Issue[] {
  const first = safeParseQuestionBank(input, framework);
  if (first.success) return [];
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.success) return json.issues;
    value = json.data;
  }
  if (checkStructure(value).length || typeof value !== 'object' || value === null || Array.isArray(value)) return first.issues;
  const raw = value as Record<string, unknown>;
  const issues = [...first.issues];
  // One issue per place: a schema message about an item id already says what is wrong there.
  const seen = new Set(issues.map((i) => formatPath(i.path)));
  const add = (found: readonly Issue[]) => {
    for (const i of found) {
      const key = formatPath(i.path);
      if (!seen.has(key)) {
        seen.add(key);
        issues.push(i);
      }
    }
  };
  const questions = Array.isArray(raw['questions']) ? (raw['questions'] as unknown[]) : [];
  const skip = new Set<number>();
  questions.forEach((q, i) => {
    if (!QuestionSchema.safeParse(q).success) skip.add(i);
  });
  const partial = {
    ...raw,
    id: typeof raw['id'] === 'string' ? raw['id'] : '',
    questions,
    mastery: MasterySchema.safeParse(raw['mastery']).success ? raw['mastery'] : undefined,
    delivery: DeliverySchema.safeParse(raw['delivery']).success ? raw['delivery'] : undefined,
  } as unknown as QuestionBank;
  add(checkBank(partial, skip));
  if (framework) {
    if (raw['framework'] !== framework.id) {
      add([{ code: 'invalid_value', path: ['framework'], message: `the bank evidences the framework ${JSON.stringify(raw['framework'])}, not "${framework.id}"` }]);
    } else {
      const itemIds = new Set(framework.items.map((i) => i.id));
      const found: Issue[] = [];
      questions.forEach((q, i) => {
        const items = (q as { items?: unknown } | null)?.items;
        if (!Array.isArray(items)) return;
        items.forEach((item, j) => {
          if (typeof item === 'string' && !itemIds.has(item)) {
            found.push({ code: 'unknown_item', path: ['questions', i, 'items', j], message: `no item in ${framework.id} has the id "${item}"` });
          }
        });
      });
      add(found);
    }
  }
  const key = (i: Issue) => i.path.map((p) => (typeof p === 'number' ? String(p).padStart(6, '0') : p)).join('\u0000');
  return issues.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Validates a question bank and returns it frozen; throws a `QuestionBankError` listing every issue. */
export function parseQuestionBank(input: unknown, framework?: Framework): QuestionBank {
  const result = safeParseQuestionBank(input, framework);
  if (!result.success) throw new QuestionBankError(result.issues);
  return result.data;
}
