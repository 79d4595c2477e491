/**
 * Telling whether a signed-off record changed after it was signed: the hash in `signOff.hash` is recomputed
 * over the signed parts and compared. Errors are data: a record that is not a record, or a runtime without
 * Web Crypto, gives a status with issues rather than an exception.
 */
import type { Issue } from '../errors.js';
import { canHash, recordHash } from './hash.js';
import { safeParseRecord } from './parse.js';
import type { AssessmentRecord } from './schema.js';

export const VERIFY_STATUSES = ['verified', 'changed', 'unsigned', 'invalid', 'unverifiable'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export type RecordVerification =
  /** Signed off, and nothing signed has changed since. */
  | { status: 'verified'; valid: true; record: AssessmentRecord; hash: string }
  /** Signed off, but something signed is different now: show it read-only with a warning. */
  | { status: 'changed'; valid: false; record: AssessmentRecord; hash: string; expected: string; issues: Issue[] }
  /** Not signed off yet: there is nothing to verify. */
  | { status: 'unsigned'; valid: false; record: AssessmentRecord }
  /** Not an assessment record at all. */
  | { status: 'invalid'; valid: false; issues: Issue[] }
  /** Web Crypto is not available here (a plain-http page other than localhost). */
  | { status: 'unverifiable'; valid: false; record: AssessmentRecord; issues: Issue[] };

/** Checks that a signed-off record is as it was signed. Never throws for bad input. */
export async function verifyRecord(input: unknown): Promise<RecordVerification> {
  const parsed = safeParseRecord(input);
  if (!parsed.success) return { status: 'invalid', valid: false, issues: parsed.issues };
  const record = parsed.data;
  if (record.status !== 'signed-off' || !record.signOff) return { status: 'unsigned', valid: false, record };
  if (!canHash()) {
    return {
      status: 'unverifiable',
      valid: false,
      record,
      issues: [{ code: 'hash_mismatch', path: ['signOff', 'hash'], message: 'this page cannot check the sign-off: Web Crypto needs https or localhost' }],
    };
  }
  const hash = await recordHash(record, record.signOff);
  if (hash === record.signOff.hash) return { status: 'verified', valid: true, record, hash };
  return {
    status: 'changed',
    valid: false,
    record,
    hash,
    expected: record.signOff.hash,
    issues: [{ code: 'hash_mismatch', path: ['signOff', 'hash'], message: 'the record has changed since it was signed off' }],
  };
}
