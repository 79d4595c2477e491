import type { LevelFit, Responses } from '@levelfit/engine';
import { isPlainObject } from '../internal/is-plain-object.js';
import { storageKeyUnder } from '../drafts/shared.js';

/**
 * The last submitted self-assessment, kept beside the draft so that a reload after Submit still shows the
 * result the person was told to print for their review meeting. Pure: encoding, decoding and the storage
 * key; the element reads and writes it through the same storage adapter as drafts, so `storage="none"`
 * keeps nothing and `session` keeps it for the tab.
 */

/** Every kept submission lives under `levelfit:submission:<framework id>[:<assessment key>][:person:<person key>]`. */
export const SUBMISSION_PREFIX = 'levelfit:submission';
/** The format of a stored submission; a newer or unreadable one is ignored (never thrown on). */
export const SUBMISSION_VERSION = 1;

export interface Submission {
  /** The framework's id and version the answers were scored against. */
  frameworkId: string;
  frameworkVersion: string;
  /** ISO 8601 time of the submission. */
  submittedAt: string;
  responses: Responses;
  /** The role the person picked, if any. */
  role: string | null;
  /** The engine's result at the time of submitting. */
  result: LevelFit;
}

export function submissionKey(frameworkId: string, assessmentKey: string | null, personKey: string | null = null): string {
  return storageKeyUnder(SUBMISSION_PREFIX, frameworkId, assessmentKey, personKey);
}

export function encodeSubmission(s: Submission): string {
  return JSON.stringify({ v: SUBMISSION_VERSION, ...s });
}

/**
 * Reads a stored submission for `frameworkId`, or null when there is none, it cannot be read, it is for
 * another framework, or it was written by a newer version. A result is only trusted as far as its shape:
 * the element shows its best fit and the host receives it as it was given at the time.
 */
export function decodeSubmission(raw: string | null, frameworkId: string): Submission | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isPlainObject(value) || value.v !== SUBMISSION_VERSION || value.frameworkId !== frameworkId) return null;
  const { frameworkVersion, submittedAt, responses, role, result } = value;
  if (typeof submittedAt !== 'string' || Number.isNaN(Date.parse(submittedAt))) return null;
  if (typeof frameworkVersion !== 'string') return null;
  if (role !== null && typeof role !== 'string') return null;
  if (!isPlainObject(responses) || !isPlainObject(responses.ratings)) return null;
  const ratings: Record<string, number> = {};
  for (const [id, rating] of Object.entries(responses.ratings)) {
    if (typeof rating !== 'number' || !Number.isFinite(rating)) return null;
    ratings[id] = rating;
  }
  if (!isPlainObject(result) || !Array.isArray(result.levels) || !(result.bestFit === null || typeof result.bestFit === 'string')) return null;
  return { frameworkId, frameworkVersion, submittedAt, responses: { ratings }, role, result: result as unknown as LevelFit };
}
