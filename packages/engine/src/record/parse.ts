/**
 * Reading an assessment record from untrusted input: the structural walk, the zod schema, then the checks a
 * schema cannot express (status and its parts agree, agree-or-rating, safe evidence links) and, given the
 * framework, the checks that need it (item ids, the scale, the role). Errors are issues `{code, path, message}`.
 */
import { FORBIDDEN_KEYS, LIMITS } from '../constants.js';
import { RecordError, type Issue, type IssuePath, type SafeResult } from '../errors.js';
import { checkStructure, deepFreeze } from '../framework/input-guard.js';
import { fromZodIssues, parseJson, zodMessage } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { AssessmentRecordSchema, type AssessmentRecord, type Evidence, type ItemReview } from './schema.js';
import { refProblem } from './safe-url.js';

/** Ids become object keys, so an id may not be the name of a property every object has, nor a forbidden key. */
const reservedIds: ReadonlySet<string> = new Set([...FORBIDDEN_KEYS, ...Object.getOwnPropertyNames(Object.prototype)]);

function checkKeys(map: Record<string, unknown>, at: IssuePath, issues: Issue[]): void {
  for (const id of Object.keys(map)) {
    if (reservedIds.has(id)) issues.push({ code: 'invalid_value', path: [...at, id], message: `"${id}" cannot be an item id` });
  }
  if (Object.keys(map).length > LIMITS.items) {
    issues.push({ code: 'too_big', path: at, message: `more than ${LIMITS.items} items` });
  }
}

function checkEvidence(list: readonly Evidence[], at: IssuePath, issues: Issue[]): void {
  list.forEach((e, i) => {
    if (e.kind === 'link' && e.ref === undefined) {
      issues.push({ code: 'invalid_type', path: [...at, i, 'ref'], message: 'required: a link needs its address in "ref"' });
      return;
    }
    if (e.ref === undefined) return;
    const problem = refProblem(e.ref, e.kind === 'link');
    if (problem) issues.push({ code: 'unsafe_url', path: [...at, i, 'ref'], message: problem });
  });
}

function checkItemReview(r: ItemReview, at: IssuePath, issues: Issue[]): void {
  if (r.agree && r.rating !== undefined) {
    issues.push({ code: 'invalid_value', path: [...at, 'rating'], message: 'an item is either agreed or given a different rating, not both' });
  }
  if (r.evidence) checkEvidence(r.evidence, [...at, 'evidence'], issues);
}

/** The checks that need no framework: ids, status and its parts, agree-or-rating, evidence references. */
function checkRecord(r: AssessmentRecord): Issue[] {
  const issues: Issue[] = [];
  checkKeys(r.self.ratings, ['self', 'ratings'], issues);
  for (const [id, list] of Object.entries(r.self.evidence ?? {})) checkEvidence(list, ['self', 'evidence', id], issues);
  if (r.self.evidence) checkKeys(r.self.evidence, ['self', 'evidence'], issues);
  if (r.review) {
    checkKeys(r.review.items, ['review', 'items'], issues);
    for (const [id, item] of Object.entries(r.review.items)) checkItemReview(item, ['review', 'items', id], issues);
  }
  if (r.migrated) {
    for (const [id, item] of Object.entries(r.migrated.retired.items)) checkItemReview(item, ['migrated', 'retired', 'items', id], issues);
  }
  const signed = r.status === 'signed-off';
  if (signed && !r.signOff) issues.push({ code: 'invalid_type', path: ['signOff'], message: 'required: a signed-off record has its sign-off' });
  if (!signed && r.signOff) {
    issues.push({ code: 'invalid_value', path: ['signOff'], message: `a record that is "${r.status}" has no sign-off` });
  }
  if (signed && !r.review) issues.push({ code: 'invalid_type', path: ['review'], message: 'required: a signed-off record has its review' });
  const returned = r.status === 'returned';
  if (returned && !r.returned) issues.push({ code: 'invalid_type', path: ['returned'], message: 'required: a returned record says why' });
  if (!returned && r.returned) {
    issues.push({ code: 'invalid_value', path: ['returned'], message: `a record that is "${r.status}" has no return reason` });
  }
  return issues;
}

/**
 * The checks that need the framework: the same framework, and (for the same version) item ids, ratings on the
 * scale and the role. A record for another version is not an error here: `migrateRecord` moves it across.
 */
export function checkRecordAgainst(r: AssessmentRecord, framework: Framework): Issue[] {
  const issues: Issue[] = [];
  if (r.framework.id !== framework.id) {
    issues.push({ code: 'invalid_value', path: ['framework', 'id'], message: `the record is for the framework "${r.framework.id}", not "${framework.id}"` });
    return issues;
  }
  if (r.framework.version !== framework.version) return issues;
  const items = new Set(framework.items.map((i) => i.id));
  const scale = framework.scale.values.map((v) => v.value);
  const onScale = (v: number) => scale.includes(v);
  const offScale = (v: number, whose: string) => `${whose} rating ${v} is not on ${framework.id}'s scale (${scale.join(', ')})`;
  for (const [id, v] of Object.entries(r.self.ratings)) {
    if (!items.has(id)) issues.push({ code: 'unknown_item', path: ['self', 'ratings', id], message: `no item in ${framework.id} has the id "${id}"` });
    else if (!onScale(v)) issues.push({ code: 'rating_off_scale', path: ['self', 'ratings', id], message: offScale(v, 'the self-') });
  }
  for (const id of Object.keys(r.self.evidence ?? {})) {
    if (!items.has(id)) issues.push({ code: 'unknown_item', path: ['self', 'evidence', id], message: `no item in ${framework.id} has the id "${id}"` });
  }
  for (const [id, item] of Object.entries(r.review?.items ?? {})) {
    if (!items.has(id)) {
      issues.push({ code: 'unknown_item', path: ['review', 'items', id], message: `no item in ${framework.id} has the id "${id}"` });
    } else if (item.rating !== undefined && !onScale(item.rating)) {
      issues.push({ code: 'rating_off_scale', path: ['review', 'items', id, 'rating'], message: offScale(item.rating, "the reviewer's") });
    }
  }
  const role = r.self.role;
  if (role !== undefined && !framework.levels.some((l) => l.roles.some((t) => t.toLowerCase() === role.trim().toLowerCase()))) {
    issues.push({ code: 'unknown_role', path: ['self', 'role'], message: `"${role}" is not an indicative role in ${framework.id}` });
  }
  return issues;
}

/**
 * Validates an assessment record (an object, or JSON text) without throwing. Given its framework, it also checks
 * item ids, ratings against the scale and the role (for a record of the framework's own version). The result is
 * a frozen copy; the caller's object is never frozen or changed.
 */
export function safeParseRecord(input: unknown, framework?: Framework): SafeResult<AssessmentRecord> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.success) return json;
    value = json.data;
  }
  const structural = checkStructure(value);
  if (structural.length) return { success: false, issues: structural };
  const result = AssessmentRecordSchema.safeParse(value, { error: zodMessage });
  if (!result.success) return { success: false, issues: fromZodIssues(result.error.issues) };
  const record = result.data;
  const issues = checkRecord(record);
  if (framework) issues.push(...checkRecordAgainst(record, framework));
  if (issues.length) return { success: false, issues };
  return { success: true, data: deepFreeze(record) };
}

/** Validates an assessment record and returns it frozen; throws a `RecordError` listing every issue. */
export function parseRecord(input: unknown, framework?: Framework): AssessmentRecord {
  const result = safeParseRecord(input, framework);
  if (!result.success) throw new RecordError(result.issues);
  return result.data;
}
