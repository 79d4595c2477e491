import { canonicalJson, EVIDENCE_KINDS, type EvidenceKind, type Framework, type ItemReview } from '@levelfit/engine';
import type { DraftFormat, DraftOutcome } from './format.js';
import { mergeRecords, mergeValue, sameRecords } from './merge.js';
import { DRAFT_PREFIX, isPlainObject, readHeader, savedAtOf, storageKeyUnder, type DraftWriteMeta } from './shared.js';

/**
 * A supervisor's review draft, as plain data like the other drafts (`./envelope.ts`): these functions build,
 * read and merge the saved envelope and never touch storage, the DOM or the clock (the caller passes `now`).
 * `REVIEW_DRAFTS` hands them to the one draft store (`./draft-store.ts`). Nothing here throws on input.
 *
 * One draft belongs to one submission: its key names the person and the time they submitted, so a second
 * submission by the same person starts a fresh review.
 */

/**
 * Envelope versions this code knows, oldest first. 1: `{ v, kind, recordKey, frameworkId, frameworkVersion,
 * savedAt, revision, writer, items, returnReason }`, and optionally `evidenceForm` (the "Add evidence" fields
 * being typed; an optional field, so older readers ignore it and this reads drafts without it).
 */
export const REVIEW_DRAFT_VERSIONS = [1] as const;
export const REVIEW_DRAFT_VERSION = 1 as const;
/** Where review drafts live: `levelfit:draft:review:<record key>[:person:<person key>]`. */
export const REVIEW_DRAFT_PREFIX = `${DRAFT_PREFIX}:review`;

/** The "Add evidence" fields of one item, as typed (not yet checked). */
export interface ReviewEvidenceForm {
  itemId: string;
  kind: EvidenceKind | '';
  label: string;
  date: string;
  ref: string;
}

export interface ReviewDraftState {
  /** The reviewer's entry per item id: agree or a rating, a note, evidence. */
  items: Readonly<Record<string, ItemReview>>;
  /** What the reviewer has typed as the reason for sending the record back ('' for nothing). */
  returnReason: string;
  /**
   * Evidence being typed and not yet added, so a reload loses nothing. It belongs to the tab it is typed
   * in: a merge keeps this tab's, and it is never a conflict.
   */
  evidenceForm?: ReviewEvidenceForm | null;
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

/** What a review draft belongs to: one submission (see `recordKeyOf`) against one framework. */
export interface ReviewDraftSource {
  recordKey: string;
  framework: Pick<Framework, 'id' | 'version' | 'items'>;
}

/** What `<lf-review>` hands the draft store to save. */
export interface ReviewDraftSnapshot extends ReviewDraftState {
  source: ReviewDraftSource;
}

export type ReviewDraftOutcome = DraftOutcome<ReviewDraftEnvelope>;

/** A submission's identity: the person and when they submitted (`:` is a key separator, so it is escaped). */
export function recordKeyOf(record: { person: { id: string }; self: { submittedAt: string } }): string {
  return `${encodeURIComponent(record.person.id)}@${record.self.submittedAt}`;
}

export function reviewDraftKey(recordKey: string): string {
  return storageKeyUnder(REVIEW_DRAFT_PREFIX, recordKey);
}

export function createReviewDraft(source: ReviewDraftSource, state: ReviewDraftState, now: Date, meta: DraftWriteMeta): ReviewDraftEnvelope {
  return {
    v: REVIEW_DRAFT_VERSION,
    kind: 'review',
    recordKey: source.recordKey,
    frameworkId: source.framework.id,
    frameworkVersion: source.framework.version,
    savedAt: now.toISOString(),
    revision: meta.revision,
    writer: meta.writer,
    items: { ...state.items },
    returnReason: state.returnReason,
    ...(state.evidenceForm ? { evidenceForm: { ...state.evidenceForm } } : {}),
  };
}

const FORM_TEXT_LIMIT = 10_000;

/** The saved "Add evidence" fields, or null when they are not usable (for an item the framework lacks, say). */
function evidenceFormOf(value: unknown, known: ReadonlySet<string>): ReviewEvidenceForm | null {
  if (!isPlainObject(value)) return null;
  const { itemId, kind, label, date, ref } = value;
  if (typeof itemId !== 'string' || !known.has(itemId)) return null;
  if (kind !== '' && !(EVIDENCE_KINDS as readonly unknown[]).includes(kind)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, FORM_TEXT_LIMIT) : '');
  return { itemId, kind: kind as EvidenceKind | '', label: text(label), date: text(date), ref: text(ref) };
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

/** Reads a saved review draft for this submission and framework. Pure and total: it never throws. */
export function loadReviewDraft(raw: string | null | undefined, source: ReviewDraftSource): ReviewDraftOutcome {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  const setAside = (reason: string, detail: string, savedAt: string | null = null): ReviewDraftOutcome => ({ kind: 'set-aside', reason, raw, savedAt, detail });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return setAside('corrupt', `not valid JSON (${(err as Error).message})`);
  }
  if (!isPlainObject(value) || value.kind !== 'review' || typeof value.v !== 'number') return setAside('corrupt', 'not a review draft', savedAtOf(value));
  if (value.v > REVIEW_DRAFT_VERSION) return setAside('future-version', `format ${value.v}`, savedAtOf(value));
  const { recordKey, frameworkId, frameworkVersion, items, returnReason } = value;
  const header = readHeader(value);
  if (!header.ok) return setAside('corrupt', header.detail, savedAtOf(value));
  if (typeof recordKey !== 'string' || typeof frameworkId !== 'string' || typeof frameworkVersion !== 'string' || !isPlainObject(items)) {
    return setAside('corrupt', 'the draft is missing parts', header.savedAt);
  }
  if (recordKey !== source.recordKey || frameworkId !== source.framework.id) {
    return setAside('other-record', `the draft is for ${recordKey}`, header.savedAt);
  }
  const known = new Set(source.framework.items.map((i) => i.id));
  const kept: [string, ItemReview][] = [];
  const dropped: string[] = [];
  for (const [id, entry] of Object.entries(items)) {
    const e = entryOf(entry);
    if (known.has(id) && e) kept.push([id, e]);
    else dropped.push(id);
  }
  const draft: ReviewDraftEnvelope = {
    v: REVIEW_DRAFT_VERSION,
    kind: 'review',
    recordKey,
    frameworkId,
    frameworkVersion,
    savedAt: header.savedAt,
    revision: header.revision,
    writer: header.writer,
    // Object.fromEntries defines own properties, so a saved "__proto__" key stays a plain key.
    items: Object.fromEntries(kept),
    returnReason: typeof returnReason === 'string' ? returnReason : '',
  };
  const form = evidenceFormOf(value.evidenceForm, known);
  if (form) draft.evidenceForm = form;
  if (!dropped.length && frameworkVersion === source.framework.version) return { kind: 'loaded', draft };
  return { kind: 'migrated', draft, dropped, droppedRole: null, from: { envelopeVersion: REVIEW_DRAFT_VERSION, sourceVersion: frameworkVersion } };
}

export interface ReviewMergeResult {
  merged: { items: Record<string, ItemReview>; returnReason: string; evidenceForm: ReviewEvidenceForm | null };
  /** Item ids both tabs changed differently since `base` (and whether the return reason is one). */
  conflicts: { items: string[]; returnReason: boolean };
  fromTheirs: { items: string[]; returnReason: boolean };
}

const sameEntry = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * A three-way merge of two tabs' reviews, per item entry and the return reason, with the same rules as the
 * other forms (`./merge.ts`): a change on one side only is taken, the same change on both is fine, different
 * changes are conflicts (kept as `mine` in `merged` and listed for the reviewer to decide).
 */
export function mergeReviewDrafts(base: ReviewDraftState | null, mine: ReviewDraftState, theirs: ReviewDraftState): ReviewMergeResult {
  const m = mergeRecords<ItemReview>(base?.items ?? null, mine.items, theirs.items, sameEntry);
  const r = mergeValue(base?.returnReason ?? '', mine.returnReason, theirs.returnReason);
  return {
    merged: { items: m.merged, returnReason: r.value, evidenceForm: mine.evidenceForm ?? null },
    conflicts: { items: m.conflicts, returnReason: r.conflict },
    fromTheirs: { items: m.fromTheirs, returnReason: r.fromTheirs },
  };
}

/** True when two states hold the same review. */
export function sameReview(a: ReviewDraftState, b: ReviewDraftState): boolean {
  return a.returnReason === b.returnReason && sameRecords(a.items, b.items, sameEntry) && sameEntry(a.evidenceForm, b.evidenceForm);
}

/** The review's drafts, for the draft store (the return reason is what the store calls the `role`: one value beside the items). */
export const REVIEW_DRAFTS: DraftFormat<ReviewDraftSource, ReviewDraftSnapshot, ReviewDraftEnvelope, ReviewDraftState> = {
  prefix: REVIEW_DRAFT_PREFIX,
  sourceId: (source) => source.recordKey,
  sourceVersion: (source) => source.framework.version,
  load: loadReviewDraft,
  create: (snapshot, now, meta) => createReviewDraft(snapshot.source, snapshot, now, meta),
  answersOf: (draft) => ({ items: draft.items, returnReason: draft.returnReason, evidenceForm: draft.evidenceForm ?? null }),
  snapshotAnswers: (snapshot) => ({ items: snapshot.items, returnReason: snapshot.returnReason, evidenceForm: snapshot.evidenceForm ?? null }),
  merge: (base, mine, theirs) => {
    const r = mergeReviewDrafts(base, mine, theirs);
    return {
      merged: r.merged,
      conflicts: { items: r.conflicts.items, role: r.conflicts.returnReason },
      fromTheirs: { items: r.fromTheirs.items, role: r.fromTheirs.returnReason },
    };
  },
  same: sameReview,
  takeTheirs: (mine, theirs, conflicts) => {
    const items: Record<string, ItemReview> = { ...mine.items };
    for (const id of conflicts.items) {
      if (Object.prototype.hasOwnProperty.call(theirs.items, id)) items[id] = theirs.items[id]!;
      else delete items[id];
    }
    return { items, returnReason: conflicts.role ? theirs.returnReason : mine.returnReason, evidenceForm: mine.evidenceForm ?? null };
  },
};
