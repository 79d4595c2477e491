import type { Framework } from '@levelfit/engine';

/**
 * Drafts are plain data: these functions parse, migrate and serialise the saved envelope and never touch
 * storage, the DOM or the clock (the caller passes `now`). `storage.ts` is the thin adapter around them.
 */

/** The envelope version this code writes. */
export const DRAFT_VERSION = 1;
/** Where drafts live: `levelfit:draft:<framework id>[:<assessment key>]`. */
export const DRAFT_PREFIX = 'levelfit:draft';
/** Suffix of the key a draft is moved to when it cannot be restored. */
export const STALE_SUFFIX = ':stale';

export interface DraftEnvelope {
  v: typeof DRAFT_VERSION;
  frameworkId: string;
  frameworkVersion: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
  responses: { ratings: Record<string, number> };
  /** The step the person was on (the step count means "Check your answers"). */
  step: number;
  /** The indicative role picked, or null. */
  role: string | null;
}

/** Why a saved draft was set aside rather than restored. */
export const STALE_REASONS = ['corrupt', 'other-version', 'other-framework', 'newer-format'] as const;
export type StaleReason = (typeof STALE_REASONS)[number];

export type DraftReadResult =
  | { status: 'none' }
  | {
      status: 'restored';
      draft: DraftEnvelope;
      /** Saved ratings that could not be kept: items the framework no longer has, or values off its scale. */
      dropped: { unknownItems: string[]; offScale: string[]; role: string | null };
    }
  | { status: 'stale'; reason: StaleReason; detail: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The storage key for a framework's draft. The optional assessment key lets one page host several
 * independent assessments of the same framework (say, one per appraisal).
 */
export function draftKey(frameworkId: string, assessmentKey?: string | null): string {
  const key = assessmentKey?.trim();
  return key ? `${DRAFT_PREFIX}:${frameworkId}:${key}` : `${DRAFT_PREFIX}:${frameworkId}`;
}

export function staleKeyFor(key: string): string {
  return `${key}${STALE_SUFFIX}`;
}

export interface DraftState {
  ratings: Readonly<Record<string, number>>;
  step: number;
  role: string | null;
}

export function createDraft(framework: Pick<Framework, 'id' | 'version'>, state: DraftState, now: Date): DraftEnvelope {
  return {
    v: DRAFT_VERSION,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    savedAt: now.toISOString(),
    responses: { ratings: { ...state.ratings } },
    step: state.step,
    role: state.role,
  };
}

export function serializeDraft(draft: DraftEnvelope): string {
  return JSON.stringify(draft);
}

/**
 * Upgrades older envelopes to the current version, one version at a time. Version 1 is the first, so the
 * table is empty; a future v2 adds `1: (d) => ({ ...d, v: 2, … })` here and never changes old entries.
 */
const MIGRATIONS: Readonly<Record<number, (draft: Record<string, unknown>) => Record<string, unknown>>> = {};

export type MigrateResult = { ok: true; draft: DraftEnvelope } | { ok: false; reason: StaleReason; detail: string };

/** Checks the envelope's shape (after migrating it); anything else is `corrupt`. */
export function migrateDraft(value: unknown): MigrateResult {
  if (!isPlainObject(value)) return { ok: false, reason: 'corrupt', detail: 'the draft is not an object' };
  let data = value;
  if (typeof data.v !== 'number' || !Number.isInteger(data.v) || data.v < 1) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no version' };
  }
  if (data.v > DRAFT_VERSION) {
    return { ok: false, reason: 'newer-format', detail: `the draft was saved in format ${data.v}; this version reads up to ${DRAFT_VERSION}` };
  }
  while ((data.v as number) < DRAFT_VERSION) {
    const step = MIGRATIONS[data.v as number];
    if (!step) return { ok: false, reason: 'corrupt', detail: `no migration from draft format ${String(data.v)}` };
    data = step(data);
  }
  const { frameworkId, frameworkVersion, savedAt, responses, step, role } = data;
  if (typeof frameworkId !== 'string' || typeof frameworkVersion !== 'string') {
    return { ok: false, reason: 'corrupt', detail: 'the draft does not name its framework' };
  }
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no valid save time' };
  }
  if (!isPlainObject(responses) || !isPlainObject(responses.ratings)) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no ratings' };
  }
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no valid step' };
  }
  if (role !== null && role !== undefined && typeof role !== 'string') {
    return { ok: false, reason: 'corrupt', detail: 'the draft role is not text' };
  }
  const ratings: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [id, rating] of Object.entries(responses.ratings)) {
    if (typeof rating !== 'number') return { ok: false, reason: 'corrupt', detail: `the rating for "${id}" is not a number` };
    ratings[id] = rating;
  }
  return {
    ok: true,
    draft: { v: DRAFT_VERSION, frameworkId, frameworkVersion, savedAt, responses: { ratings }, step, role: role ?? null },
  };
}

/**
 * Reads a saved draft against the framework now on the page. Never throws: corrupt JSON, a different
 * framework version or a newer format come back as `stale` so the caller can set the draft aside and say
 * so. Ratings for items the framework does not have (or off its scale) are left out and listed.
 */
export function parseDraft(raw: string | null | undefined, framework: Framework): DraftReadResult {
  if (raw === null || raw === undefined || raw === '') return { status: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { status: 'stale', reason: 'corrupt', detail: `the draft is not valid JSON (${(err as Error).message})` };
  }
  const migrated = migrateDraft(value);
  if (!migrated.ok) return { status: 'stale', reason: migrated.reason, detail: migrated.detail };
  const saved = migrated.draft;
  if (saved.frameworkId !== framework.id) {
    return { status: 'stale', reason: 'other-framework', detail: `the draft is for the framework "${saved.frameworkId}"` };
  }
  if (saved.frameworkVersion !== framework.version) {
    return {
      status: 'stale',
      reason: 'other-version',
      detail: `the draft is for version ${saved.frameworkVersion}; this is version ${framework.version}`,
    };
  }
  const items = new Set(framework.items.map((i) => i.id));
  const scale = new Set(framework.scale.values.map((v) => v.value));
  const ratings: Record<string, number> = {};
  const unknownItems: string[] = [];
  const offScale: string[] = [];
  for (const [id, rating] of Object.entries(saved.responses.ratings)) {
    if (!items.has(id)) unknownItems.push(id);
    else if (!scale.has(rating)) offScale.push(id);
    else ratings[id] = rating;
  }
  const roles = new Set(framework.levels.flatMap((l) => l.roles));
  const roleKept = saved.role !== null && roles.has(saved.role) ? saved.role : null;
  return {
    status: 'restored',
    draft: { ...saved, responses: { ratings }, role: roleKept },
    dropped: { unknownItems, offScale, role: saved.role !== null && roleKept === null ? saved.role : null },
  };
}
