import type { ReactiveControllerHost } from 'lit';
import { AutosaveController, randomWriterId } from './autosave.js';
import { setAsideKeyFor } from './envelope.js';
import {
  createReviewDraft,
  loadReviewDraft,
  mergeReviewDrafts,
  reviewDraftKey,
  sameReview,
  type ReviewDraftEnvelope,
  type ReviewDraftState,
} from './review-envelope.js';
import { openDraftStorage, type StorageKind } from './storage.js';

/** Notices about review drafts, as data; the view words them. */
export type ReviewDraftNotice =
  | { code: 'storage-unavailable' }
  | { code: 'set-aside'; setAsideKey: string; moved: boolean }
  | { code: 'restored'; savedAt: Date; dropped: string[] }
  | { code: 'conflict'; items: string[]; returnReason: boolean; savedAt: Date }
  | { code: 'merged'; items: string[]; returnReason: boolean };

export interface ReviewDraftTarget {
  recordKey: string;
  frameworkId: string;
  frameworkVersion: string;
  itemIds: readonly string[];
}

export interface ReviewDraftControllerOptions {
  /** The review to save, or null when there is nothing to save. */
  snapshot: () => ReviewDraftState | null;
  /** Puts a review merged from (or chosen from) another tab into the form. */
  apply: (state: ReviewDraftState) => void;
  debounceMs?: number;
  now?: () => Date;
  writerId?: string;
}

interface Base {
  raw: string | null;
  revision: number;
  state: ReviewDraftState | null;
}

const EMPTY_BASE: Base = { raw: null, revision: 0, state: null };

/**
 * Autosaves a supervisor's review, as `DraftController` does the self-assessment: debounced, flushed on
 * `pagehide`, hidden and disconnect; a write goes ahead only over what this tab last saw; another tab's
 * save is merged per item, and items both tabs changed differently are put to the reviewer, with nothing
 * written to the shared key until they choose. Storage that throws never breaks the review.
 */
export class ReviewDraftController extends AutosaveController<ReviewDraftNotice, ReviewDraftControllerOptions> {
  private target: ReviewDraftTarget | null = null;
  private base: Base = EMPTY_BASE;
  private conflict: { raw: string; theirs: ReviewDraftEnvelope; keepKey: string; items: string[]; returnReason: boolean } | null = null;
  readonly writerId: string;
  saved = false;

  constructor(host: ReactiveControllerHost, options: ReviewDraftControllerOptions) {
    super(host, options);
    this.writerId = options.writerId ?? randomWriterId();
    host.addController(this);
  }

  get inConflict(): boolean {
    return this.conflict !== null;
  }

  override hostConnected(): void {
    super.hostConnected();
    window.addEventListener('storage', this.onStorage);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    window.removeEventListener('storage', this.onStorage);
  }

  private readonly onStorage = (e: StorageEvent): void => {
    if (!this.key || !this.storage.owns?.(e.storageArea)) return;
    if (e.key !== null && e.key !== this.key) return;
    const read = this.storage.read(this.key);
    if (!read.ok || read.value === this.base.raw) return;
    this.reconcile(read.value);
    if (this.pendingSave && !this.conflict) this.scheduleSave();
    this.host.requestUpdate();
  };

  /** Points the controller at one submission's review draft and reads it: the draft to restore, or null. */
  open(target: ReviewDraftTarget, kind: StorageKind): ReviewDraftEnvelope | null {
    this.cancel();
    this.storage = openDraftStorage(kind);
    this.key = reviewDraftKey(target.recordKey);
    this.target = target;
    this.base = EMPTY_BASE;
    this.conflict = null;
    this.saved = false;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    const read = this.storage.read(this.key);
    if (!read.ok) {
      this.unavailable();
      return null;
    }
    const outcome = loadReviewDraft(read.value, target);
    if (outcome.kind === 'empty') return null;
    if (outcome.kind === 'set-aside') {
      const setAsideKey = setAsideKeyFor(this.key, this.now());
      const moved = this.storage.write(setAsideKey, outcome.raw).ok && this.storage.remove(this.key).ok;
      this.notices = [...this.notices, { code: 'set-aside', setAsideKey, moved }];
      if (!moved) {
        this.key = null; // saving would overwrite what could not be copied
        this.unavailable();
      }
      return null;
    }
    const { draft } = outcome;
    this.base = { raw: read.value, revision: draft.revision, state: draft };
    this.notices = [...this.notices, { code: 'restored', savedAt: new Date(draft.savedAt), dropped: outcome.dropped }];
    return draft;
  }

  schedule(): void {
    if (this.storage.kind === 'none' || !this.key) return;
    this.scheduleSave();
  }

  flush(): void {
    this.stopTimer();
    if (!this.pendingSave || !this.key) return;
    if (this.conflict) {
      this.keepMineAside();
      return;
    }
    this.pendingSave = false;
    this.write();
  }

  /** Settles a conflict with another tab: `theirs` takes its entries where the two differ, `mine` keeps these. */
  resolveConflict(choice: 'theirs' | 'mine'): void {
    const conflict = this.conflict;
    const mine = this.options.snapshot();
    if (!conflict || !mine || !this.key) return;
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code !== 'conflict');
    this.storage.remove(conflict.keepKey);
    const theirs = conflict.theirs;
    this.base = { raw: conflict.raw, revision: theirs.revision, state: theirs };
    let next = mine;
    if (choice === 'theirs') {
      // only where the two differ: what only one tab changed is already merged in
      const items = { ...mine.items };
      for (const id of conflict.items) {
        if (Object.hasOwn(theirs.items, id)) items[id] = theirs.items[id]!;
        else delete items[id];
      }
      next = { items, returnReason: conflict.returnReason ? theirs.returnReason : mine.returnReason };
      this.options.apply(next);
    }
    if (!sameReview(next, theirs)) {
      this.pendingSave = true;
      this.flush();
    } else this.markSaved();
    this.host.requestUpdate();
  }

  /** Removes the draft (the host has taken the record), unless another tab has moved it on since. */
  clear(): void {
    this.cancel();
    this.saved = false;
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    if (this.key) {
      const current = this.storage.read(this.key);
      if (!(current.ok && current.value !== null && current.value !== this.base.raw)) this.storage.remove(this.key);
    }
    this.base = EMPTY_BASE;
    this.host.requestUpdate();
  }

  dismiss(notice: ReviewDraftNotice): void {
    if (notice.code === 'conflict') return;
    this.notices = this.notices.filter((n) => n !== notice);
    this.host.requestUpdate();
  }

  private keepMineAside(): void {
    const mine = this.options.snapshot();
    if (!mine || !this.conflict || !this.target) return;
    const draft = createReviewDraft(this.target, mine, this.now(), { revision: this.base.revision, writer: this.writerId });
    if (!this.storage.write(this.conflict.keepKey, JSON.stringify(draft)).ok) this.unavailable();
  }

  private write(): void {
    if (!this.key || !this.target) return;
    const current = this.storage.read(this.key);
    if (!current.ok) {
      this.saved = false;
      this.unavailable();
      return;
    }
    if (current.value !== this.base.raw) {
      this.reconcile(current.value);
      if (this.conflict) {
        this.pendingSave = true;
        this.keepMineAside();
        this.host.requestUpdate();
        return;
      }
      if (!this.pendingSave) {
        this.markSaved();
        return;
      }
      this.pendingSave = false;
    }
    const mine = this.options.snapshot();
    if (!mine) return;
    const revision = this.base.revision + 1;
    const draft = createReviewDraft(this.target, mine, this.now(), { revision, writer: this.writerId });
    const raw = JSON.stringify(draft);
    if (!this.storage.write(this.key, raw).ok) {
      this.saved = false;
      this.unavailable();
      return;
    }
    this.base = { raw, revision, state: draft };
    this.markSaved();
  }

  private markSaved(): void {
    this.saved = true;
    this.savedAt = this.now();
    this.host.requestUpdate();
  }

  /** The key holds `raw`, which this tab did not write: merge it in, or record a conflict. */
  private reconcile(raw: string | null): void {
    const mine = this.options.snapshot();
    if (!mine || !this.target) return;
    const outcome = loadReviewDraft(raw, this.target);
    if (outcome.kind !== 'loaded') {
      // emptied (the other tab finished) or unreadable: keep this tab's review; the next save writes it
      this.base = { raw, revision: this.base.revision, state: null };
      this.pendingSave = true;
      return;
    }
    const theirs = outcome.draft;
    const result = mergeReviewDrafts(this.base.state, mine, theirs);
    const taken = result.fromTheirs.items.length > 0 || result.fromTheirs.returnReason;
    if (taken) this.options.apply(result.merged);
    this.notices = this.notices.filter((n) => n.code !== 'merged' && n.code !== 'conflict');
    if (result.conflicts.items.length || result.conflicts.returnReason) {
      this.conflict = {
        raw: raw as string,
        theirs,
        keepKey: this.conflict?.keepKey ?? setAsideKeyFor(this.key!, this.now()),
        items: result.conflicts.items,
        returnReason: result.conflicts.returnReason,
      };
      this.saved = false;
      this.notices = [
        ...this.notices,
        { code: 'conflict', items: result.conflicts.items, returnReason: result.conflicts.returnReason, savedAt: new Date(theirs.savedAt) },
      ];
      return;
    }
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    if (taken) this.notices = [...this.notices, { code: 'merged', items: result.fromTheirs.items, returnReason: result.fromTheirs.returnReason }];
    this.base = { raw, revision: theirs.revision, state: theirs };
    this.pendingSave = !sameReview(result.merged, theirs);
  }
}
