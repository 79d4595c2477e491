import type { ReactiveControllerHost } from 'lit';
import type { QuestionBank } from '@levelfit/engine';
import { AutosaveController, randomWriterId } from './autosave.js';
import { openDraftStorage, type StorageKind } from './storage.js';
import {
  createQuizDraft,
  loadQuizDraft,
  quizDraftKey,
  quizSetAsideKey,
  serializeQuizDraft,
  type QuizDraftEnvelope,
  type QuizDraftState,
  type QuizSetAsideReason,
} from './quiz-envelope.js';

/** Notices about quiz drafts, as data; the view words them. */
export type QuizDraftNotice =
  | { code: 'storage-unavailable' }
  | { code: 'set-aside'; reason: QuizSetAsideReason; setAsideKey: string; moved: boolean }
  | { code: 'restored'; savedAt: Date; dropped: string[] };

export interface QuizDraftControllerOptions {
  /** The state to save, or null when there is nothing to save (no bank yet, or submitted). */
  snapshot: () => (QuizDraftState & { bank: QuestionBank }) | null;
  debounceMs?: number;
  /** Injected for tests; defaults to `new Date()`. */
  now?: () => Date;
}

/**
 * Autosaves a quiz to Web Storage through the shared storage adapter (`../drafts/storage.ts`): debounced
 * after each change, flushed at once on `pagehide`, on `visibilitychange` to hidden and when the element is
 * removed; cleared on submit. Storage that throws (disabled, full, a throwing getter) never breaks the quiz:
 * answers stay in memory and one notice says so. A draft it cannot use is copied to a set-aside key and
 * reported, never thrown away silently.
 */
export class QuizDraftController extends AutosaveController<QuizDraftNotice, QuizDraftControllerOptions> {
  readonly writerId = randomWriterId();

  constructor(host: ReactiveControllerHost, options: QuizDraftControllerOptions) {
    super(host, options);
    host.addController(this);
  }

  /** Points the controller at a bank's draft and reads it. Returns the draft to restore, or null. */
  open(bank: QuestionBank, kind: StorageKind, assessmentKey: string | null): QuizDraftEnvelope | null {
    this.cancel();
    this.storage = openDraftStorage(kind);
    this.key = quizDraftKey(bank.id, assessmentKey);
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.savedAt = null;
    const read = this.storage.read(this.key);
    if (!read.ok) {
      this.unavailable();
      return null;
    }
    const outcome = loadQuizDraft(read.value, bank);
    if (outcome.kind === 'empty') return null;
    if (outcome.kind === 'set-aside') {
      const setAsideKey = quizSetAsideKey(this.key, this.now());
      const moved = this.storage.write(setAsideKey, outcome.raw).ok && this.storage.remove(this.key).ok;
      // Saving over a draft we could not copy would lose it: keep this attempt in memory only.
      if (!moved) this.key = null;
      this.notices = [...this.notices, { code: 'set-aside', reason: outcome.reason, setAsideKey, moved }];
      this.host.requestUpdate();
      return null;
    }
    this.notices = [...this.notices, { code: 'restored', savedAt: new Date(outcome.draft.savedAt), dropped: outcome.dropped }];
    this.host.requestUpdate();
    return outcome.draft;
  }

  /** Saves to another kind of storage from now on (the `storage` attribute changed mid-quiz). */
  setStorage(kind: StorageKind): void {
    if (kind === this.storage.kind) return;
    // Moving to no storage (an LMS took over the draft) drops a pending save rather than writing it to the old place.
    if (kind === 'none') this.cancel();
    else this.flush();
    this.storage = openDraftStorage(kind);
    this.schedule();
  }

  /** Schedules a save (debounced). */
  schedule(): void {
    if (this.storage.kind === 'none' || !this.key) return;
    this.scheduleSave();
  }

  /** Saves now if a save is pending. */
  flush(): void {
    this.stopTimer();
    if (!this.pendingSave || !this.key) return;
    this.pendingSave = false;
    const snapshot = this.options.snapshot();
    if (!snapshot) return;
    const now = this.now();
    const draft = createQuizDraft(snapshot.bank, snapshot, now, this.writerId);
    if (this.storage.write(this.key, serializeQuizDraft(draft)).ok) {
      this.savedAt = now;
      this.host.requestUpdate();
    } else this.unavailable();
  }

  /** Drops any pending save and removes the saved draft (after submitting, or "start again"). */
  clear(): void {
    this.cancel();
    this.savedAt = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    if (this.key && !this.storage.remove(this.key).ok) this.unavailable();
    this.host.requestUpdate();
  }

  dismiss(notice: QuizDraftNotice): void {
    this.notices = this.notices.filter((n) => n !== notice);
    this.host.requestUpdate();
  }

  /** Drops notices that have been seen (after moving to another question). */
  clearNotices(): void {
    if (!this.notices.length) return;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.host.requestUpdate();
  }
}
