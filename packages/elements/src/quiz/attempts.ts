import { isPlainObject } from '../internal/is-plain-object.js';
import { storageKeyUnder } from '../drafts/shared.js';

/**
 * How many attempts at a quiz were submitted on this device, kept beside the draft so that a bank's
 * `delivery.attempts` limit holds across reloads (a reload used to start the count again). Pure: the key and
 * the stored form; `<lf-quiz>` reads and writes it through the draft storage adapter, so `storage="none"`
 * keeps it in memory for the element's life and an LMS (`lms` set) keeps none here: the LMS counts
 * attempts and the host passes them in as `attempts-used`.
 *
 * It is a convenience for honest learners, not a lock: anyone who clears the browser's storage starts at 0.
 * Marks that matter go through an LMS.
 */

/** `levelfit:attempts:quiz:<bank id>[:<assessment key>][:person:<person key>]`. */
export const ATTEMPTS_PREFIX = 'levelfit:attempts:quiz';
export const ATTEMPTS_VERSION = 1;
/** Far above any sensible limit; a stored count past it is not believed. */
const MAX_COUNT = 10_000;

export function attemptsKey(bankId: string, assessmentKey: string | null, personKey: string | null): string {
  return storageKeyUnder(ATTEMPTS_PREFIX, bankId, assessmentKey, personKey);
}

export function encodeAttempts(bankId: string, used: number, at: Date): string {
  return JSON.stringify({ v: ATTEMPTS_VERSION, bankId, used, lastSubmittedAt: at.toISOString() });
}

/** The stored count for `bankId`, or 0 when there is none or it cannot be read (never throws). */
export function decodeAttempts(raw: string | null, bankId: string): number {
  if (raw === null) return 0;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 0;
  }
  if (!isPlainObject(value) || value.v !== ATTEMPTS_VERSION || value.bankId !== bankId) return 0;
  const used = value.used;
  return typeof used === 'number' && Number.isInteger(used) && used >= 0 && used <= MAX_COUNT ? used : 0;
}
