/**
 * The content hash of a signed-off record. It covers what the reviewer signed: the framework and its version,
 * the person, the self-assessment, the review and who signed when and to what declaration. It does not cover
 * the hash itself, so `verifyRecord` can recompute it and compare.
 *
 * SHA-256 through Web Crypto (`globalThis.crypto.subtle`): in Node 20+ and in every current browser on a secure
 * page (https or localhost), with nothing to bundle. Canonical JSON (keys sorted, no `undefined`) makes the
 * hash independent of key order, so a record that went through a database and back still verifies.
 */
import type { AssessmentRecord, SignOff } from './schema.js';

/** JSON with object keys sorted at every depth: one text for one value, whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The parts of a record a sign-off covers (everything but the status, the return note and the hash). */
export function signedParts(record: AssessmentRecord, signOff: Omit<SignOff, 'hash'>): unknown {
  return {
    format: record.format,
    framework: record.framework,
    person: record.person,
    self: record.self,
    review: record.review,
    migrated: record.migrated,
    signOff: { by: signOff.by, at: signOff.at, declaration: signOff.declaration },
  };
}

/** Whether this runtime can hash (Web Crypto is missing on plain-http pages other than localhost). */
export function canHash(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

/** `sha256:<hex>` of the canonical JSON text. Rejects when Web Crypto is unavailable (see `canHash`). */
export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return `sha256:${hex}`;
}

/** The hash a sign-off of this record (by, at, declaration) carries. */
export function recordHash(record: AssessmentRecord, signOff: Omit<SignOff, 'hash'>): Promise<string> {
  return sha256(canonicalJson(signedParts(record, signOff)));
}
