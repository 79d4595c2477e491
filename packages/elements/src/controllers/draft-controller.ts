import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Framework } from '@levelfit/engine';
import {
  createDraft,
  draftKey,
  parseDraft,
  serializeDraft,
  staleKeyFor,
  type DraftEnvelope,
  type DraftState,
  type StaleReason,
} from '../drafts/envelope.js';
import { openDraftStorage, type DraftStorage, type StorageKind } from '../drafts/storage.js';

/** Autosave waits this long after the last change. */
export const DRAFT_DEBOUNCE_MS = 300;

/** Notices about drafts, as data; the view words them. */
export type DraftNotice =
  | { code: 'storage-unavailable' }
  | { code: 'set-aside'; reason: StaleReason; staleKey: string; moved: boolean }
  | { code: 'restored'; savedAt: Date; unknownItems: string[]; offScale: string[]; role: string | null };

export interface DraftSnapshot extends DraftState {
  framework: Framework;
}

export interface DraftControllerOptions {
  /** The state to save, or null when there is nothing to save (no framework yet, or submitted). */
  snapshot: () => DraftSnapshot | null;
  debounceMs?: number;
  /** Injected for tests; defaults to `new Date()`. */
  now?: () => Date;
}

/**
 * Autosaves the assessment to Web Storage: debounced after each change, flushed at once on `pagehide`, on
 * `visibilitychange` to hidden and when the element is removed. Storage that throws never breaks the form:
 * answers stay in memory and one polite notice says so. Drafts it cannot restore are moved to a `:stale`
 * key and reported, never thrown away silently.
 */
export class DraftController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: DraftControllerOptions;
  private storage: DraftStorage = openDraftStorage('none');
  private key: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingSave = false;
  private warnedUnavailable = false;

  /** Notices to show (restored, set aside, storage unavailable). */
  notices: DraftNotice[] = [];
  /** Text state of the "Draft saved" live region. */
  saved = false;
  /** Last successful save. */
  savedAt: Date | null = null;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get storageKind(): StorageKind {
    return this.storage.kind;
  }

  get storageKey(): string | null {
    return this.key;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onPageHide = (): void => this.flush();
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  /**
   * Points the controller at a framework's draft and reads it. Returns the draft to restore, or null. A
   * draft that cannot be restored is moved to `<key>:stale` and a notice is added.
   */
  open(framework: Framework, kind: StorageKind, assessmentKey: string | null): DraftEnvelope | null {
    this.cancel();
    this.storage = openDraftStorage(kind);
    this.key = draftKey(framework.id, assessmentKey);
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.saved = false;
    const read = this.storage.read(this.key);
    if (!read.ok) {
      this.unavailable();
      return null;
    }
    const result = parseDraft(read.value, framework);
    if (result.status === 'none') return null;
    if (result.status === 'stale') {
      const staleKey = staleKeyFor(this.key);
      const moved = this.storage.write(staleKey, read.value as string).ok && this.storage.remove(this.key).ok;
      this.notices = [...this.notices, { code: 'set-aside', reason: result.reason, staleKey, moved }];
      if (!moved) {
        // Saving now would overwrite the draft we could not move: keep this session's answers in memory only.
        this.key = null;
        this.unavailable();
      }
      this.host.requestUpdate();
      return null;
    }
    this.notices = [
      ...this.notices,
      {
        code: 'restored',
        savedAt: new Date(result.draft.savedAt),
        unknownItems: result.dropped.unknownItems,
        offScale: result.dropped.offScale,
        role: result.dropped.role,
      },
    ];
    this.host.requestUpdate();
    return result.draft;
  }

  /**
   * Saves to another kind of storage from now on (the `storage` attribute changed mid-assessment): the
   * answers in memory are kept and saved there, nothing is read from it.
   */
  setStorage(kind: StorageKind): void {
    if (kind === this.storage.kind) return;
    this.flush();
    this.storage = openDraftStorage(kind);
    this.saved = false;
    this.schedule();
    this.host.requestUpdate();
  }

  /** Schedules a save (debounced). */
  schedule(): void {
    if (this.storage.kind === 'none') return;
    this.pendingSave = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? DRAFT_DEBOUNCE_MS);
  }

  /** Saves now if a save is pending. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pendingSave || !this.key) return;
    this.pendingSave = false;
    const snapshot = this.options.snapshot();
    if (!snapshot) return;
    const now = this.options.now?.() ?? new Date();
    const draft = createDraft(snapshot.framework, snapshot, now);
    const written = this.storage.write(this.key, serializeDraft(draft));
    if (!written.ok) {
      this.saved = false;
      this.unavailable();
      return;
    }
    this.saved = true;
    this.savedAt = now;
    this.host.requestUpdate();
  }

  /** Drops any pending save and removes the saved draft (after a submission, or "start again"). */
  clear(): void {
    this.cancel();
    this.saved = false;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    if (this.key) {
      const removed = this.storage.remove(this.key);
      if (!removed.ok) this.unavailable();
    }
    this.host.requestUpdate();
  }

  dismiss(notice: DraftNotice): void {
    this.notices = this.notices.filter((n) => n !== notice);
    this.host.requestUpdate();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSave = false;
  }

  private unavailable(): void {
    if (this.warnedUnavailable) return;
    this.warnedUnavailable = true;
    this.notices = [...this.notices, { code: 'storage-unavailable' }];
    this.host.requestUpdate();
  }
}
