import { isPlainObject } from '../internal/is-plain-object.js';

/**
 * What every draft envelope shares (the self-assessment's in `./envelope.ts`, the quiz's in
 * `./quiz-envelope.ts`): where drafts live in storage, where unusable ones are set aside, and the header every
 * envelope carries (`v`, `savedAt`, `revision`, `writer`). Pure: no storage, DOM or clock, and nothing throws.
 */

export { isPlainObject };

/** Every draft lives under `levelfit:draft:…`. */
export const DRAFT_PREFIX = 'levelfit:draft';
/**
 * Drafts that cannot be used are copied to `<key>:set-aside:<epoch ms>`, byte for byte, so nothing is
 * lost; a draft that loses answers in a migration is copied there too.
 */
export const SET_ASIDE_INFIX = ':set-aside:';

/** Separates a person's drafts from everyone else's on a shared device: `…:person:<person key>`. */
export const PERSON_INFIX = ':person:';

/**
 * `<prefix>:<id>`, then `:<assessment key>` when the trimmed assessment key is not empty, then
 * `:person:<person key>` (URI-encoded, so a `:` in it cannot run into another part) when the trimmed person
 * key is not empty.
 */
export function storageKeyUnder(prefix: string, id: string, assessmentKey?: string | null, personKey?: string | null): string {
  const key = assessmentKey?.trim();
  const person = personKey?.trim();
  const base = key ? `${prefix}:${id}:${key}` : `${prefix}:${id}`;
  return person ? `${base}${PERSON_INFIX}${encodeURIComponent(person)}` : base;
}

/** The time in a set-aside key (`…:set-aside:<epoch ms>[-n]`), or null for any other key. */
export function setAsideTimeOf(key: string): number | null {
  const at = key.lastIndexOf(SET_ASIDE_INFIX);
  if (at < 0) return null;
  const stamp = Number.parseInt(key.slice(at + SET_ASIDE_INFIX.length), 10);
  return Number.isFinite(stamp) ? stamp : null;
}

/** The key a draft is set aside under: `<key>:set-aside:<epoch ms>`. */
export function setAsideKeyFor(key: string, now: Date | number): string {
  return `${key}${SET_ASIDE_INFIX}${typeof now === 'number' ? now : now.getTime()}`;
}

/** True for a key made by `setAsideKeyFor(key, …)`. */
export function isSetAsideKeyOf(candidate: string, key: string): boolean {
  return candidate.startsWith(`${key}${SET_ASIDE_INFIX}`);
}

/**
 * Orders versions when both contain numbers ("1.2", "4.5-draft", "2025-03"), run by run: 1 when `a` is
 * newer, -1 when older, 0 when equal or not comparable.
 */
export function compareVersionRuns(a: string, b: string): -1 | 0 | 1 {
  const nums = (s: string): number[] => (s.match(/\d+/g) ?? []).map(Number);
  const x = nums(a);
  const y = nums(b);
  if (!x.length || !y.length) return 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p !== q) return p > q ? 1 : -1;
  }
  return 0;
}

/** Who writes a draft and at which revision. */
export interface DraftWriteMeta {
  revision: number;
  writer: string;
}

/** The fields every envelope version since the first with a revision carries. */
export interface DraftHeader extends DraftWriteMeta {
  v: number;
  /** ISO 8601 time of the save. */
  savedAt: string;
}

/**
 * The revision after `revision`. It stops at `Number.MAX_SAFE_INTEGER`: past it, `n + 1` is no longer a
 * different number, and a reader would take the draft for corrupt.
 */
export function nextRevision(revision: number): number {
  return revision >= Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : revision + 1;
}

/**
 * Reads `savedAt`, `revision` and `writer` from a (migrated) envelope. A revision written past the safe
 * range (by code without `nextRevision`) is clamped to it rather than costing the person the draft.
 */
export function readHeader(data: Record<string, unknown>): { ok: true; savedAt: string; revision: number; writer: string } | { ok: false; detail: string } {
  const { savedAt, revision, writer } = data;
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return { ok: false, detail: 'the draft has no valid save time' };
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) return { ok: false, detail: 'the draft has no valid revision' };
  if (typeof writer !== 'string') return { ok: false, detail: 'the draft does not name its writer' };
  return { ok: true, savedAt, revision: Math.min(revision, Number.MAX_SAFE_INTEGER), writer };
}

/** `savedAt` when that much of an unusable draft can be read, else null. */
export function savedAtOf(value: unknown): string | null {
  if (!isPlainObject(value) || typeof value.savedAt !== 'string' || Number.isNaN(Date.parse(value.savedAt))) return null;
  return value.savedAt;
}

/**
 * Upgrades an envelope one version at a time through `migrations` (old entries never change) up to
 * `current`. Returns the upgraded data, or why it cannot be read.
 */
export function migrateEnvelope(
  value: unknown,
  current: number,
  migrations: Readonly<Record<number, (draft: Record<string, unknown>) => Record<string, unknown>>>,
): { ok: true; data: Record<string, unknown>; from: number } | { ok: false; reason: 'corrupt' | 'future-version'; detail: string } {
  if (!isPlainObject(value)) return { ok: false, reason: 'corrupt', detail: 'the draft is not an object' };
  if (typeof value.v !== 'number' || !Number.isInteger(value.v) || value.v < 1) return { ok: false, reason: 'corrupt', detail: 'the draft has no version' };
  const from = value.v;
  if (from > current) return { ok: false, reason: 'future-version', detail: `the draft was saved in format ${from}; this version reads up to ${current}` };
  let data = value;
  while ((data.v as number) < current) {
    const step = migrations[data.v as number];
    if (!step) return { ok: false, reason: 'corrupt', detail: `no migration from draft format ${String(data.v)}` };
    data = step(data);
  }
  return { ok: true, data, from };
}
