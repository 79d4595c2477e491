import { canonicalJson, type ItemReview } from '@levelfit/engine';
import { isPlainObject, storageKeyUnder } from './shared.js';
import { DRAFT_PREFIX } from './envelope.js';

/**
 * A supervisor's review draft, as plain data like the other drafts (`./envelope.ts`): these functions build,
 * read and merge the saved envelope and never touch storage, the DOM or the clock (the caller passes `now`).
 * `./review-draft-controller.ts` puts them together with `./storage.ts`. Nothing here throws on input.
 *
 * One draft belongs to one submission: its key names the person and the time they submitted, so a second
 * submission by the same person starts a fresh review.
 */

/** Envelope versions this code knows, oldest first. 1: `{ v, kind, recordKey, frameworkId, frameworkVersion, savedAt, revision, writer, items, returnReason }`. */
export const REVIEW_DRAFT_VERSIONS = [1] as const;
export const REVIEW_DRAFT_VERSION = 1 as const;
/** Where review drafts live: `levelfit:draft:review:<record key>`. */
export const REVIEW_DRAFT_PREFIX = `${DRAFT_PREFIX}:review`;

export interface ReviewDraftState {
  /** The reviewer's entry per item id: agree or a rating, a note, evidence. */
  items: Readonly<Record<string, ItemReview>>;
  /** What the reviewer has typed as the reason for sending the record back ('' for nothing). */
  returnReason: string;
}

export interface ReviewDraftEnvelope extends ReviewDraftState {
  v: typeof REVIEW_DRAFT_VERSION;
  kind: 'review';
  recordKey: string;
  frameworkId: string;
  frameworkVersion: string;
  savedAt: string;
  /** One more on every write to the key. */
  revision: number;
  /** A random id per tab and element. */
  writer: string;
  items: Record<string, ItemReview>;
}

export type ReviewDraftOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; draft: ReviewDraftEnvelope; /** Item ids the framework does not have, kept out of the review. */ dropped: string[] }
  | { kind: 'set-aside'; reason: 'corrupt' | 'future-version' | 'other-record'; raw: string; detail: string };

/** A submission's identity: the person and when they submitted (`:` is a key separator, so it is escaped). */
export function recordKeyOf(record: { person: { id: string }; self: { submittedAt: string } }): string {
  return `${encodeURIComponent(record.person.id)}@${record.self.submittedAt}`;
}

export function reviewDraftKey(recordKey: string): string {
  return storageKeyUnder(REVIEW_DRAFT_PREFIX, recordKey);
}

export function createReviewDraft(
  target: { recordKey: string; frameworkId: string; frameworkVersion: string },
  state: ReviewDraftState,
  now: Date,
  meta: { revision: number; writer: string },
): ReviewDraftEnvelope {
  return {
    v: REVIEW_DRAFT_VERSION,
    kind: 'review',
    recordKey: target.recordKey,
    frameworkId: target.frameworkId,
    frameworkVersion: target.frameworkVersion,
    savedAt: now.toISOString(),
    revision: meta.revision,
    writer: meta.writer,
    items: { ...state.items },
    returnReason: state.returnReason,
  };
}

const EVIDENCE_KEYS = new Set(['kind', 'label', 'date', 'ref']);

/** An item entry as saved, or null when it is not one (a draft is data from storage: anything can be there). */
function entryOf(value: unknown): ItemReview | null {
  if (!isPlainObject(value)) return null;
  const out: ItemReview = {};
  if (value.agree === true) out.agree = true;
  if (typeof value.rating === 'number' && Number.isInteger(value.rating)) out.rating = value.rating;
  if (typeof value.note === 'string' && value.note !== '') out.note = value.note;
  if (Array.isArray(value.evidence)) {
    const list = value.evidence.filter(
      (e): e is NonNullable<ItemReview['evidence']>[number] =>
        isPlainObject(e) && Object.keys(e).every((k) => EVIDENCE_KEYS.has(k)) && ['kind', 'label', 'date'].every((k) => typeof e[k] === 'string'),
    );
    if (list.length) out.evidence = list.map((e) => ({ ...e }));
  }
  return out;
}

/** Reads a saved review draft for this submission and framework. Pure and total. */
export function loadReviewDraft(
  raw: string | null | undefined,
  target: { recordKey: string; frameworkId: string; itemIds: readonly string[] },
): ReviewDraftOutcome {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { kind: 'set-aside', reason: 'corrupt', raw, detail: `not valid JSON (${(err as Error).message})` };
  }
  if (!isPlainObject(value) || value.kind !== 'review' || typeof value.v !== 'number') {
    return { kind: 'set-aside', reason: 'corrupt', raw, detail: 'not a review draft' };
  }
  if (value.v > REVIEW_DRAFT_VERSION) return { kind: 'set-aside', reason: 'future-version', raw, detail: `format ${value.v}` };
  const { recordKey, frameworkId, frameworkVersion, savedAt, revision, writer, items, returnReason } = value;
  if (
    typeof recordKey !== 'string' ||
    typeof frameworkId !== 'string' ||
    typeof frameworkVersion !== 'string' ||
    typeof savedAt !== 'string' ||
    Number.isNaN(Date.parse(savedAt)) ||
    typeof revision !== 'number' ||
    !Number.isSafeInteger(revision) ||
    revision < 0 ||
    typeof writer !== 'string' ||
    !isPlainObject(items)
  ) {
    return { kind: 'set-aside', reason: 'corrupt', raw, detail: 'the draft is missing parts' };
  }
  if (recordKey !== target.recordKey || frameworkId !== target.frameworkId) {
    return { kind: 'set-aside', reason: 'other-record', raw, detail: `the draft is for ${recordKey}` };
  }
  const known = new Set(target.itemIds);
  const kept: [string, ItemReview][] = [];
  const dropped: string[] = [];
  for (const [id, entry] of Object.entries(items)) {
    const e = entryOf(entry);
    if (known.has(id) && e) kept.push([id, e]);
    else dropped.push(id);
  }
  return {
    kind: 'loaded',
    draft: {
      v: REVIEW_DRAFT_VERSION,
      kind: 'review',
      recordKey,
      frameworkId,
      frameworkVersion,
      savedAt,
      revision,
      writer,
      items: Object.fromEntries(kept),
      returnReason: typeof returnReason === 'string' ? returnReason : '',
    },
    dropped,
  };
}

export interface ReviewMergeResult {
  merged: { items: Record<string, ItemReview>; returnReason: string };
  /** Item ids both tabs changed differently since `base` (and whether the return reason is one). */
  conflicts: { items: string[]; returnReason: boolean };
  fromTheirs: { items: string[]; returnReason: boolean };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * A three-way merge of two tabs' reviews, per item entry and the return reason, like `mergeDraftAnswers`:
 * a change on one side only is taken, the same change on both is fine, different changes are conflicts
 * (kept as `mine` in `merged` and listed for the reviewer to decide).
 */
export function mergeReviewDrafts(base: ReviewDraftState | null, mine: ReviewDraftState, theirs: ReviewDraftState): ReviewMergeResult {
  const b = base?.items ?? {};
  const ids = new Set([...Object.keys(b), ...Object.keys(mine.items), ...Object.keys(theirs.items)]);
  const items: Record<string, ItemReview> = {};
  const conflicts: string[] = [];
  const fromTheirs: string[] = [];
  const get = (r: Readonly<Record<string, ItemReview>>, id: string) => (Object.hasOwn(r, id) ? r[id] : undefined);
  for (const id of ids) {
    const was = get(b, id);
    const m = get(mine.items, id);
    const t = get(theirs.items, id);
    let value = m;
    if (same(m, t) || same(t, was)) value = m;
    else if (same(m, was)) {
      value = t;
      fromTheirs.push(id);
    } else conflicts.push(id);
    if (value !== undefined) items[id] = value;
  }
  const wasReason = base?.returnReason ?? '';
  let returnReason = mine.returnReason;
  let reasonConflict = false;
  let reasonFromTheirs = false;
  if (mine.returnReason !== theirs.returnReason && theirs.returnReason !== wasReason) {
    if (mine.returnReason === wasReason) {
      returnReason = theirs.returnReason;
      reasonFromTheirs = true;
    } else reasonConflict = true;
  }
  return {
    merged: { items, returnReason },
    conflicts: { items: conflicts, returnReason: reasonConflict },
    fromTheirs: { items: fromTheirs, returnReason: reasonFromTheirs },
  };
}

/** True when two states hold the same review. */
export function sameReview(a: ReviewDraftState, b: ReviewDraftState): boolean {
  return a.returnReason === b.returnReason && same(a.items, b.items);
}
