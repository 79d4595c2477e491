import type { Framework } from '@levelfit/engine';
import type { DraftFormat } from './format.js';
import { mergeRecords, mergeValue, sameRecords } from './merge.js';
import {
  compareVersionRuns,
  DRAFT_PREFIX,
  isPlainObject,
  migrateEnvelope,
  readHeader,
  savedAtOf,
  storageKeyUnder,
  type DraftWriteMeta,
} from './shared.js';

export { DRAFT_PREFIX, SET_ASIDE_INFIX, isSetAsideKeyOf, setAsideKeyFor, type DraftWriteMeta } from './shared.js';

/**
 * The self-assessment's draft format. Drafts are plain data: these functions parse, migrate, merge and
 * serialise the saved envelope and never touch storage, the DOM or the clock (the caller passes `now`).
 * `./storage.ts` is the thin adapter around Web Storage and `./draft-store.ts` puts the two together.
 * Nothing here throws on input.
 */

/**
 * Envelope versions this code knows, oldest first (the one source of truth).
 *  - 1: `{ v, frameworkId, frameworkVersion, savedAt, responses: { ratings }, step, role }`.
 *  - 2: version 1 plus `revision` (one more on every write to the key) and `writer` (the id of the tab or
 *    element that wrote it), so two tabs on one draft can tell each other's writes apart.
 */
export const DRAFT_VERSIONS = [1, 2] as const;
export type DraftVersion = (typeof DRAFT_VERSIONS)[number];
/** The envelope version this code writes. */
export const DRAFT_VERSION = 2 as const satisfies DraftVersion;
export interface DraftEnvelope {
  v: typeof DRAFT_VERSION;
  frameworkId: string;
  frameworkVersion: string;
  /** ISO 8601 time of the save (the envelope's "updated at"). */
  savedAt: string;
  /** How many times the key has been written: each write stores the revision it read plus one. 0 for a draft made outside a controller. */
  revision: number;
  /** Who wrote it: a random id per tab and element (`''` for a draft made outside a controller). */
  writer: string;
  responses: { ratings: Record<string, number> };
  /** The step the person was on (the step count means "Check your answers"). */
  step: number;
  /** The indicative role picked, or null. */
  role: string | null;
  /**
   * False when the person chose to answer the questions that cannot change their result ("Answer them
   * anyway"); absent means they are left out. Optional, so drafts without it (and code before it) read the same.
   */
  skipping?: boolean;
}

/** Why a saved draft was set aside (kept under another key) rather than used. */
export const SET_ASIDE_REASONS = ['corrupt', 'future-version', 'other-framework'] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

/** What the page's framework looks like to a draft: enough to check and migrate saved answers. */
export interface DraftTarget {
  frameworkId: string;
  frameworkVersion: string;
  itemIds: readonly string[];
  /** The scale's values (numbers, or the framework's `scale` / `scale.values`). */
  scale: readonly number[] | readonly { value: number }[] | { values: readonly { value: number }[] };
  /** Indicative roles; when given, a saved role no longer listed is cleared and reported. */
  roles?: readonly string[];
}

/** Where a migrated draft came from. */
export interface DraftOrigin {
  /** The envelope version it was saved in. */
  envelopeVersion: number;
  frameworkVersion: string;
}

/** The result of reading a saved draft against the framework on the page. */
export type DraftOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; draft: DraftEnvelope }
  | {
      kind: 'migrated';
      draft: DraftEnvelope;
      /** Item ids whose saved answers were left out: the item is gone or the value is off the scale, in saved order. */
      dropped: string[];
      /** A saved role the framework no longer lists (cleared), or null. */
      droppedRole: string | null;
      from: DraftOrigin;
    }
  | {
      kind: 'set-aside';
      reason: SetAsideReason;
      /** The stored string, unchanged: the caller keeps it under `setAsideKeyFor`. */
      raw: string;
      /** When it was saved, if that much could be read. */
      savedAt: string | null;
      /** A sentence for logs (English, not for the page). */
      detail: string;
    };

/**
 * The storage key for a framework's draft. The optional assessment key lets one page host several
 * independent assessments of the same framework (say, one per appraisal).
 */
export function draftKey(frameworkId: string, assessmentKey?: string | null): string {
  return storageKeyUnder(DRAFT_PREFIX, frameworkId, assessmentKey);
}

export interface DraftState {
  ratings: Readonly<Record<string, number>>;
  step: number;
  role: string | null;
  skipping?: boolean;
}

export function createDraft(
  framework: Pick<Framework, 'id' | 'version'>,
  state: DraftState,
  now: Date,
  meta: DraftWriteMeta = { revision: 0, writer: '' },
): DraftEnvelope {
  return {
    v: DRAFT_VERSION,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    savedAt: now.toISOString(),
    revision: meta.revision,
    writer: meta.writer,
    responses: { ratings: { ...state.ratings } },
    step: state.step,
    role: state.role,
    ...(state.skipping === false ? { skipping: false } : {}),
  };
}

export function serializeDraft(draft: DraftEnvelope): string {
  return JSON.stringify(draft);
}

/**
 * Upgrades older envelopes to the next version, one version at a time; old entries never change. A future
 * v3 adds `2: (d) => ({ ...d, v: 3, … })`.
 */
const MIGRATIONS: Readonly<Record<number, (draft: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (d) => ({ ...d, v: 2, revision: 0, writer: '' }),
};

export type MigrateResult = { ok: true; draft: DraftEnvelope } | { ok: false; reason: 'corrupt' | 'future-version'; detail: string };

/**
 * Migrates an envelope to the current version and checks its shape; anything malformed is `corrupt`, an
 * envelope newer than this code is `future-version`. Does not look at the framework.
 */
export function migrateDraft(value: unknown): MigrateResult {
  const migrated = migrateEnvelope(value, DRAFT_VERSION, MIGRATIONS);
  if (!migrated.ok) return migrated;
  const data = migrated.data;
  const { frameworkId, frameworkVersion, responses, step, role, skipping } = data;
  if (typeof frameworkId !== 'string' || typeof frameworkVersion !== 'string') {
    return { ok: false, reason: 'corrupt', detail: 'the draft does not name its framework' };
  }
  const header = readHeader(data);
  if (!header.ok) return { ok: false, reason: 'corrupt', detail: header.detail };
  if (!isPlainObject(responses) || !isPlainObject(responses.ratings)) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no ratings' };
  }
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
    return { ok: false, reason: 'corrupt', detail: 'the draft has no valid step' };
  }
  if (role !== null && role !== undefined && typeof role !== 'string') {
    return { ok: false, reason: 'corrupt', detail: 'the draft role is not text' };
  }
  // A rating that is not a number is kept here and dropped (and listed) by `loadDraft`, like an off-scale one:
  // one bad answer never costs the person every other answer.
  const entries: [string, number][] = [];
  for (const [id, rating] of Object.entries(responses.ratings)) entries.push([id, rating as number]);
  const { savedAt, revision, writer } = header;
  return {
    ok: true,
    // Object.fromEntries defines own properties, so a saved "__proto__" key stays a plain key.
    draft: {
      v: DRAFT_VERSION,
      frameworkId,
      frameworkVersion,
      savedAt,
      revision,
      writer,
      responses: { ratings: Object.fromEntries(entries) },
      step,
      role: role ?? null,
      // Anything but `false` is the default (leave out what cannot change the result).
      ...(skipping === false ? { skipping: false } : {}),
    },
  };
}

/**
 * Orders framework versions when it safely can: both must contain numbers ("1.2", "4.5-draft", "2025-03"),
 * compared run by run. Returns 1 when `a` is newer, -1 when older, 0 when equal or not comparable
 * ("unstated", "Approved for delivery").
 */
export function compareFrameworkVersions(a: string, b: string): -1 | 0 | 1 {
  return compareVersionRuns(a, b);
}

function scaleValues(scale: DraftTarget['scale']): Set<number> {
  const list = Array.isArray(scale) ? scale : (scale as { values: readonly { value: number }[] }).values;
  return new Set((list as readonly (number | { value: number })[]).map((v) => (typeof v === 'number' ? v : v.value)));
}

/** The `DraftTarget` of a parsed framework. */
export function draftTargetOf(framework: Pick<Framework, 'id' | 'version' | 'items' | 'scale' | 'levels'>): DraftTarget {
  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    itemIds: framework.items.map((i) => i.id),
    scale: framework.scale.values,
    roles: framework.levels.flatMap((l) => l.roles),
  };
}

function classify(raw: string | null | undefined, target: DraftTarget): DraftOutcome {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  const setAside = (reason: SetAsideReason, detail: string, savedAt: string | null = null): DraftOutcome => ({ kind: 'set-aside', reason, raw, savedAt, detail });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return setAside('corrupt', `the draft is not valid JSON (${(err as Error).message})`);
  }
  const migrated = migrateDraft(value);
  if (!migrated.ok) return setAside(migrated.reason, migrated.detail, savedAtOf(value));
  const saved = migrated.draft;
  const envelopeVersion = (value as { v: number }).v;
  if (saved.frameworkId !== target.frameworkId) {
    return setAside('other-framework', `the draft is for the framework "${saved.frameworkId}"`, saved.savedAt);
  }
  if (saved.frameworkVersion !== target.frameworkVersion && compareFrameworkVersions(saved.frameworkVersion, target.frameworkVersion) > 0) {
    return setAside('future-version', `the draft is for version ${saved.frameworkVersion}, newer than this page's ${target.frameworkVersion}`, saved.savedAt);
  }
  const items = new Set(target.itemIds);
  const scale = scaleValues(target.scale);
  const kept: [string, number][] = [];
  const dropped: string[] = [];
  for (const [id, rating] of Object.entries(saved.responses.ratings)) {
    if (items.has(id) && typeof rating === 'number' && scale.has(rating)) kept.push([id, rating]);
    else dropped.push(id);
  }
  let role = saved.role;
  let droppedRole: string | null = null;
  if (role !== null && target.roles && !target.roles.includes(role)) {
    droppedRole = role;
    role = null;
  }
  const draft: DraftEnvelope = { ...saved, responses: { ratings: Object.fromEntries(kept) }, role };
  if (envelopeVersion === DRAFT_VERSION && saved.frameworkVersion === target.frameworkVersion && !dropped.length && droppedRole === null) {
    return { kind: 'loaded', draft };
  }
  return { kind: 'migrated', draft, dropped, droppedRole, from: { envelopeVersion, frameworkVersion: saved.frameworkVersion } };
}

/**
 * Reads a saved draft against the framework now on the page. Pure and total: it never throws.
 *  - nothing saved: `empty`;
 *  - a current envelope for this framework and version with every answer usable: `loaded`;
 *  - an older envelope, an older (or not comparable) framework version, or answers the framework can no
 *    longer take (item gone, value off the scale, role unlisted): `migrated`, with the usable answers kept
 *    and the rest listed in `dropped`;
 *  - unreadable JSON or envelope (`corrupt`), a newer envelope or a newer framework version
 *    (`future-version`), or another framework (`other-framework`): `set-aside`, with the raw string for
 *    the caller to keep.
 */
export function loadDraft(raw: string | null | undefined, target: DraftTarget): DraftOutcome {
  try {
    return classify(raw, target);
  } catch (err) {
    // Unreachable with JSON input; a belt for odd targets (a throwing getter, say).
    return { kind: 'set-aside', reason: 'corrupt', raw: raw ?? '', savedAt: null, detail: String(err) };
  }
}

// ---- two writers on one key ----

/** The part of a draft two tabs can disagree about. */
export interface DraftAnswers {
  ratings: Readonly<Record<string, number>>;
  role: string | null;
}

export interface MergeResult {
  /** The answers to keep: ours, plus what only the other writer changed; ours where both changed (see `conflicts`). */
  merged: { ratings: Record<string, number>; role: string | null };
  /** Item ids both writers changed to different values since `base` (and whether the role is one). */
  conflicts: { items: string[]; role: boolean };
  /** Item ids whose value was taken from `theirs` into `merged` (and whether the role was). */
  fromTheirs: { items: string[]; role: boolean };
}

/** A three-way merge of ratings and role (see `./merge.ts`). */
export function mergeDraftAnswers(base: DraftAnswers | null, mine: DraftAnswers, theirs: DraftAnswers): MergeResult {
  const ratings = mergeRecords(base?.ratings ?? null, mine.ratings, theirs.ratings);
  const role = mergeValue(base?.role ?? null, mine.role, theirs.role);
  return {
    merged: { ratings: ratings.merged, role: role.value },
    conflicts: { items: ratings.conflicts, role: role.conflict },
    fromTheirs: { items: ratings.fromTheirs, role: role.fromTheirs },
  };
}

/** What `<lf-self-assessment>` hands the draft store to save. */
export interface DraftSnapshot extends DraftState {
  framework: Framework;
}

const sameAnswers = (a: DraftAnswers, b: DraftAnswers): boolean => a.role === b.role && sameRecords(a.ratings, b.ratings);

/** The self-assessment's drafts, for the draft store. */
export const SELF_ASSESSMENT_DRAFTS: DraftFormat<Framework, DraftSnapshot, DraftEnvelope, DraftAnswers> = {
  prefix: DRAFT_PREFIX,
  sourceId: (framework) => framework.id,
  sourceVersion: (framework) => framework.version,
  load: (raw, framework) => {
    const outcome = loadDraft(raw, draftTargetOf(framework));
    return outcome.kind === 'migrated' ? { ...outcome, from: { envelopeVersion: outcome.from.envelopeVersion, sourceVersion: outcome.from.frameworkVersion } } : outcome;
  },
  create: (snapshot, now, meta) => createDraft(snapshot.framework, snapshot, now, meta),
  answersOf: (draft) => ({ ratings: draft.responses.ratings, role: draft.role }),
  snapshotAnswers: (snapshot) => ({ ratings: snapshot.ratings, role: snapshot.role }),
  merge: mergeDraftAnswers,
  same: sameAnswers,
  takeTheirs: (mine, theirs, conflicts) => {
    const ratings: Record<string, number> = { ...mine.ratings };
    for (const id of conflicts.items) {
      const t = Object.prototype.hasOwnProperty.call(theirs.ratings, id) ? theirs.ratings[id] : undefined;
      if (t === undefined) delete ratings[id];
      else ratings[id] = t;
    }
    return { ratings, role: conflicts.role ? theirs.role : mine.role };
  },
};
