/**
 * A record's life as pure functions: the person submits (`createRecord`), a reviewer starts (`startReview`),
 * decides per item (`reviewItem`), then signs off (`signOffRecord`) or sends it back (`returnRecord`). Each
 * returns a new, validated, frozen record and throws a `RecordError` for a step that does not fit the status.
 */
import { RecordError } from '../errors.js';
import type { Framework } from '../framework/schema.js';
import { recordHash } from './hash.js';
import { parseRecord } from './parse.js';
import { RECORD_FORMAT, type AssessmentRecord, type ItemReview, type PersonRef, type SelfAssessment } from './schema.js';

export interface CreateRecordInput {
  framework: Framework;
  person: { id: string; name?: string };
  ratings: Readonly<Record<string, number>>;
  role?: string;
  /** Default: now. */
  submittedAt?: string;
  evidence?: SelfAssessment['evidence'];
}

const now = () => new Date().toISOString();

/** The record of a submitted self-assessment, checked against its framework. */
export function createRecord(input: CreateRecordInput): AssessmentRecord {
  const { framework } = input;
  const self: Record<string, unknown> = { ratings: { ...input.ratings }, submittedAt: input.submittedAt ?? now() };
  if (input.role !== undefined) self.role = input.role;
  if (input.evidence !== undefined) self.evidence = input.evidence;
  return parseRecord(
    {
      format: RECORD_FORMAT,
      framework: { id: framework.id, version: framework.version },
      person: { ...input.person },
      status: 'self-submitted',
      self,
    },
    framework,
  );
}

function stepError(record: AssessmentRecord, step: string): RecordError {
  return new RecordError([{ code: 'invalid_value', path: ['status'], message: `a record that is "${record.status}" cannot be ${step}` }]);
}

/** Marks a submitted record as in review by `reviewer`, keeping any review already begun. */
export function startReview(record: AssessmentRecord, reviewer: PersonRef): AssessmentRecord {
  if (record.status === 'signed-off') throw stepError(record, 'reviewed again');
  const { returned: _returned, ...rest } = record;
  return parseRecord({ ...rest, status: 'in-review', review: { ...(record.review ?? { items: {} }), reviewer } });
}

/** Sets (or with `undefined`, clears) the reviewer's entry for one item. */
export function reviewItem(record: AssessmentRecord, itemId: string, entry: ItemReview | undefined): AssessmentRecord {
  if (!record.review || record.status === 'signed-off') throw stepError(record, 'changed');
  const items = { ...record.review.items };
  if (entry === undefined) delete items[itemId];
  else items[itemId] = entry;
  return parseRecord({ ...record, review: { ...record.review, items } });
}

export interface SignOffInput {
  by: PersonRef;
  declaration: string;
  /** Default: now. */
  at?: string;
}

/** Signs a reviewed record off: status `signed-off`, the sign-off and its content hash (see `verifyRecord`). */
export async function signOffRecord(record: AssessmentRecord, input: SignOffInput): Promise<AssessmentRecord> {
  if (record.status === 'signed-off' || record.status === 'returned' || !record.review) throw stepError(record, 'signed off');
  const at = input.at ?? now();
  const reviewed = parseRecord({ ...record, review: { ...record.review, reviewedAt: at } });
  const signOff = { by: input.by, at, declaration: input.declaration };
  const hash = await recordHash(reviewed, signOff);
  return parseRecord({ ...reviewed, status: 'signed-off', signOff: { ...signOff, hash } });
}

export interface ReturnInput {
  by: PersonRef;
  reason: string;
  /** Default: now. */
  at?: string;
}

/** Sends a record back to the person with a reason; the review so far is kept for when they resubmit. */
export function returnRecord(record: AssessmentRecord, input: ReturnInput): AssessmentRecord {
  if (record.status === 'signed-off') throw stepError(record, 'returned');
  const at = input.at ?? now();
  const review = record.review ? { ...record.review, reviewedAt: at } : undefined;
  return parseRecord({ ...record, status: 'returned', review, returned: { by: input.by, at, reason: input.reason } });
}
