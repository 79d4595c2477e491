import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftFormat, DraftOutcome } from './format.js';
import { nextRevision, SET_ASIDE_INFIX, setAsideKeyFor, setAsideTimeOf, storageKeyUnder, type DraftHeader } from './shared.js';
import { openDraftStorage, type DraftStorage, type StorageKind } from './storage.js';

/** Autosave waits this long after the last change. */
export const DRAFT_DEBOUNCE_MS = 300;
/** The "Draft saved at …" status changes (and so is announced) at most this often. */
export const SAVED_STATUS_THROTTLE_MS = 15_000;
/**
 * Most set-aside copies kept in one storage area, all forms together; past it the oldest go first. Each
 * copy is a whole draft, so without a cap a device shared for years would fill its storage with them.
 */
export const SET_ASIDE_LIMIT = 10;
/** Everything levelfit keeps on a device starts with this (drafts, kept submissions, attempt counts). */
const LEVELFIT_PREFIX = 'levelfit';

/**
 * The writers (one per element) on this page. Two elements on one key see each other's writes when they
 * read the key; this tells them the other writer is "another form on this page", not another tab.
 */
const PAGE_WRITERS = new Set<string>();

/** Notices about drafts, as data; the view words them. */
export type DraftNotice =
  | { code: 'storage-unavailable' }
  | {
      code: 'set-aside';
      /** Why: `corrupt`, `future-version`, or another framework or bank (`other-framework`, `other-bank`). */
      reason: string;
      /** Where the unusable draft was copied, byte for byte. */
      setAsideKey: string;
      /** False when the copy could not be written; the original was then left where it was. */
      moved: boolean;
      savedAt: Date | null;
    }
  | {
      code: 'restored';
      savedAt: Date;
      /**
       * True when nothing says whose answers these are (no `person-key`, and storage other people on this
       * device can read): the view says so and offers to start afresh (`startAfresh`).
       */
      shared: boolean;
      /** Saved answers left out: the item or question is gone, or the value no longer fits. */
      dropped: string[];
      /** A saved role no longer listed (cleared), or null. */
      droppedRole: string | null;
      /** Set when the draft came from an older framework or bank version or envelope. */
      migrated: { fromVersion: string; versionChanged: boolean; keptKey: string | null } | null;
    }
  | {
      /** Another tab saved different answers to the same draft; nothing is written until the person chooses. */
      code: 'conflict';
      items: string[];
      role: boolean;
      savedAt: Date;
      /** The other writer is another element on this page, not another tab or window. */
      samePage: boolean;
    }
  | {
      /** Answers saved in another tab were taken in (no conflict). */
      code: 'merged';
      items: string[];
      role: boolean;
      /** The other writer is another element on this page, not another tab or window. */
      samePage: boolean;
    };

export type ConflictChoice = 'theirs' | 'mine';

export interface DraftStoreOptions<Snap, A> {
  /** The state to save, or null when there is nothing to save (no source yet, or submitted). */
  snapshot: () => Snap | null;
  /**
   * Puts answers from another tab into the form (merged, or chosen by the person). Without it the store
   * does not follow other tabs and the last write wins.
   */
  apply?: (answers: A) => void;
  debounceMs?: number;
  /** How often the saved status may change; default `SAVED_STATUS_THROTTLE_MS`. */
  statusThrottleMs?: number;
  /** Injected for tests; defaults to `new Date()`. */
  now?: () => Date;
  /** This writer's id; defaults to a random one per store (one per tab and element). */
  writerId?: string;
}

/** A random id per tab and element, stored as a draft's `writer`. */
export function randomWriterId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

interface Base<A> {
  /** The stored string last read or written: a write goes ahead only while the key still holds it. */
  raw: string | null;
  revision: number;
  answers: A | null;
}

interface Conflict<E> {
  theirsRaw: string;
  theirs: E;
  items: string[];
  role: boolean;
  /** Where this tab's answers are kept while the conflict is open (written on flush, removed on resolve). */
  keepKey: string;
}

/**
 * The one draft store for every form (`<lf-self-assessment>`, `<lf-quiz>`, `<lf-review>`): it autosaves to Web Storage
 * through the form's `DraftFormat`, debounced after each change and flushed at once on `pagehide`, on
 * `visibilitychange` to hidden and when the element is removed.
 *
 * - Storage that throws (disabled, full, a throwing `localStorage` getter) never breaks the form: answers
 *   stay in memory and one notice says so, once.
 * - Drafts it cannot use are copied to `<key>:set-aside:<time>` and reported, never thrown away silently;
 *   drafts from an older version keep their usable answers and list the rest (the original kept aside).
 *   One copy per draft, at most `SET_ASIDE_LIMIT` in all, oldest removed first.
 * - A person key puts the draft under `…:person:<key>`; without one a restored draft may be someone else's
 *   on a shared device, and `startAfresh` sets it aside and starts empty.
 *   With `shared-device` on the element (`askFirst`), such a draft is not shown at all until the person
 *   says it is theirs (`claim`); "no" is `startAfresh`.
 * - `storage="none"` keeps drafts in this store's memory: answers survive the framework or bank changing
 *   and changing back for as long as the element lives, and nothing reaches the device.
 * - Two tabs (or two elements) on one key do not overwrite each other: every write carries a revision and
 *   this writer's id, a write goes ahead only if the key still holds what this writer last saw, and a
 *   change from elsewhere (`storage` event, or found just before a write) is merged; answers changed on
 *   both sides are put to the person (`resolveConflict`) and nothing is written meanwhile.
 */
export class DraftStore<S, Snap, E extends DraftHeader, A> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly format: DraftFormat<S, Snap, E, A>;
  private readonly options: DraftStoreOptions<Snap, A>;
  /** With `storage="none"`, drafts are kept here for the element's life (per framework or bank), never on the device. */
  private readonly memory = new Map<string, string>();
  private storage: DraftStorage = openDraftStorage('none', window, this.memory);
  private key: string | null = null;
  /** A person key was given: the draft is this person's, not anyone's on the device. */
  private personal = false;
  private source: S | null = null;
  private base: Base<A> = { raw: null, revision: 0, answers: null };
  private conflict: Conflict<E> | null = null;
  /**
   * With `askFirst`, a draft that may be someone else's is held here, out of the form, until the person
   * says whether it is theirs (`claim`) or not (`startAfresh`). Nothing is written meanwhile.
   */
  private held: { draft: E; notice: DraftNotice } | null = null;
  private pendingSave = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warnedUnavailable = false;
  private statusChangedAt = -Infinity;

  /** This writer's id, stored in every envelope it writes. */
  readonly writerId: string;
  /** Notices to show, as data; the view words them. */
  notices: DraftNotice[] = [];
  /** Last successful save. */
  savedAt: Date | null = null;
  /** True while the last save succeeded (the "Draft saved" status shows). */
  saved = false;
  /** The save time the status shows; changes at most once per `statusThrottleMs`. */
  statusAt: Date | null = null;

  constructor(host: ReactiveControllerHost, format: DraftFormat<S, Snap, E, A>, options: DraftStoreOptions<Snap, A>) {
    this.host = host;
    this.format = format;
    this.options = options;
    this.writerId = options.writerId ?? randomWriterId();
    PAGE_WRITERS.add(this.writerId);
    host.addController(this);
  }

  get storageKey(): string | null {
    return this.key;
  }

  get storageKind(): StorageKind {
    return this.storage.kind;
  }

  /** True while another tab's answers conflict with these and the person has not chosen. */
  get inConflict(): boolean {
    return this.conflict !== null;
  }

  /** When the held draft (see `open`'s `askFirst`) was saved, or null when none is waiting for the person's answer. */
  get awaitingChoice(): Date | null {
    return this.held ? new Date(this.held.draft.savedAt) : null;
  }

  /** The revision this writer last read or wrote (0 before any). */
  get revision(): number {
    return this.base.revision;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('storage', this.onStorage);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('storage', this.onStorage);
  }

  private readonly onPageHide = (): void => this.flush();
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  /** Another tab wrote to storage. Re-read the key rather than trusting the event's values (they can be stale). */
  private readonly onStorage = (e: StorageEvent): void => {
    // A held draft stays out of the form until the person claims it, whatever other tabs do meanwhile.
    if (!this.key || !this.options.apply || this.held || !this.storage.owns?.(e.storageArea)) return;
    if (e.key !== null && e.key !== this.key) return;
    const read = this.storage.read(this.key);
    if (!read.ok || read.value === this.base.raw) return;
    if (!this.options.snapshot()) {
      this.base = { raw: null, revision: 0, answers: null };
      return;
    }
    this.reconcile(read.value);
    if (this.pendingSave && !this.conflict) this.schedule();
    this.host.requestUpdate();
  };

  /**
   * Points the store at a source's draft and reads it. Returns the draft to restore, or null. A draft that
   * cannot be used is copied to a set-aside key and a notice is added.
   *
   * With `askFirst` (a shared device), a usable draft that may be someone else's (no person key, kept on the
   * device) is not returned: it is held until the person claims it (`claim`) or starts afresh (`startAfresh`),
   * and `awaitingChoice` says when it was saved. A reload before then holds it again.
   */
  open(source: S, kind: StorageKind, assessmentKey: string | null, personKey: string | null = null, askFirst = false): E | null {
    this.cancel();
    this.held = null;
    this.storage = this.openStorage(kind);
    this.key = storageKeyUnder(this.format.prefix, this.format.sourceId(source), assessmentKey, personKey);
    this.personal = !!personKey?.trim();
    this.source = source;
    this.base = { raw: null, revision: 0, answers: null };
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.saved = false;
    this.savedAt = null;
    this.statusAt = null;
    const read = this.storage.read(this.key);
    if (!read.ok) {
      this.unavailable();
      return null;
    }
    const outcome = this.format.load(read.value, source);
    switch (outcome.kind) {
      case 'empty':
        return null;
      case 'set-aside': {
        const kept = this.keepCopy(outcome.raw);
        const moved = kept.ok && this.storage.remove(this.key).ok;
        this.notices = [...this.notices, this.setAsideNotice(outcome, kept.key, moved)];
        if (!moved) {
          // Saving now would overwrite the draft we could not copy: keep this session's answers in memory only.
          this.key = null;
          this.unavailable();
        }
        this.host.requestUpdate();
        return null;
      }
      case 'loaded':
      case 'migrated': {
        const draft = outcome.draft;
        this.base = { raw: read.value, revision: draft.revision, answers: this.format.answersOf(draft) };
        let migrated: Extract<DraftNotice, { code: 'restored' }>['migrated'] = null;
        let dropped: string[] = [];
        let droppedRole: string | null = null;
        if (outcome.kind === 'migrated') {
          dropped = outcome.dropped;
          droppedRole = outcome.droppedRole;
          const lost = dropped.length > 0 || droppedRole !== null;
          // Answers that no longer apply are left out of the form; the original is kept so they are not lost.
          const kept = lost ? this.keepCopy(read.value as string) : null;
          migrated = {
            fromVersion: outcome.from.sourceVersion,
            versionChanged: outcome.from.sourceVersion !== this.format.sourceVersion(source),
            keptKey: kept?.ok ? kept.key : null,
          };
        }
        const notice: DraftNotice = { code: 'restored', savedAt: new Date(draft.savedAt), shared: !this.personal, dropped, droppedRole, migrated };
        if (askFirst && notice.shared && this.storage.kind !== 'none') {
          this.held = { draft, notice };
          this.host.requestUpdate();
          return null;
        }
        // Answers kept in memory come back without a word: they were given on this page, moments ago.
        if (this.storage.kind !== 'none') this.notices = [...this.notices, notice];
        this.host.requestUpdate();
        return draft;
      }
    }
  }

  /**
   * Saves to another kind of storage from now on (the `storage` attribute changed mid-form): the answers in
   * memory are kept and saved there; a draft already there is merged, not overwritten.
   */
  setStorage(kind: StorageKind): void {
    if (kind === this.storage.kind) return;
    // The held draft stays where it is, unread, in the storage the form no longer uses.
    this.held = null;
    // Moving to no storage (an LMS took over the draft) drops a pending save rather than writing it to the old place.
    if (kind === 'none') this.cancel();
    else this.flush();
    this.storage = this.openStorage(kind);
    this.base = { raw: null, revision: 0, answers: null };
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code !== 'conflict');
    this.saved = false;
    this.statusAt = null;
    this.schedule();
    this.host.requestUpdate();
  }

  /**
   * The person says the held draft is theirs: it is returned for the form to restore, with the "restored"
   * notice (no longer offering to start afresh: they have just said whose it is). Null when none is held.
   */
  claim(): E | null {
    const held = this.held;
    if (!held) return null;
    this.held = null;
    if (held.notice.code === 'restored') this.notices = [...this.notices, { ...held.notice, shared: false }];
    this.host.requestUpdate();
    return held.draft;
  }

  /** Schedules a save (debounced). With `storage="none"` the save goes to this element's memory. */
  schedule(): void {
    if (!this.key || this.held) return;
    this.pendingSave = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? DRAFT_DEBOUNCE_MS);
  }

  /** Saves now if a save is pending. */
  flush(): void {
    this.stopTimer();
    if (!this.pendingSave || !this.key || this.held) return;
    if (this.conflict) {
      // Nothing goes to the shared key until the person chooses; keep this tab's answers aside meanwhile.
      this.keepMineAside(this.conflict);
      return;
    }
    this.pendingSave = false;
    this.write();
  }

  /**
   * Settles a conflict with another tab: `theirs` takes the other tab's answers where the two differ,
   * `mine` keeps this tab's. Answers only one side changed are kept either way. Then saves.
   */
  resolveConflict(choice: ConflictChoice): void {
    const conflict = this.conflict;
    const snapshot = this.options.snapshot();
    if (!conflict || !this.key) return;
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code !== 'conflict');
    this.storage.remove(conflict.keepKey);
    const theirs = this.format.answersOf(conflict.theirs);
    this.base = { raw: conflict.theirsRaw, revision: conflict.theirs.revision, answers: theirs };
    if (snapshot && choice === 'theirs') {
      this.options.apply?.(this.format.takeTheirs(this.format.snapshotAnswers(snapshot), theirs, { items: conflict.items, role: conflict.role }));
    }
    const now = this.options.snapshot();
    if (now && !this.format.same(this.format.snapshotAnswers(now), theirs)) {
      this.pendingSave = true;
      this.flush();
    } else if (now) {
      this.markSaved(this.now());
    }
    this.host.requestUpdate();
  }

  /**
   * "Not you? Start afresh": the restored draft may be someone else's (a shared device). It is set aside,
   * byte for byte (kept, not deleted), the key is emptied and the form starts empty; the person's next
   * answer saves a new draft. Returns false when the draft could not be kept aside (it is then left where it
   * was and this session's answers stay in memory only, so the other person's answers are not overwritten).
   */
  startAfresh(): boolean {
    this.cancel();
    this.held = null;
    let ok = true;
    if (this.key) {
      const current = this.storage.read(this.key);
      const raw = current.ok ? current.value : this.base.raw;
      if (raw !== null) {
        const kept = this.keepCopy(raw);
        ok = kept.ok && this.storage.remove(this.key).ok;
        if (!ok) {
          this.key = null;
          this.unavailable();
        }
      }
    }
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    this.base = { raw: null, revision: 0, answers: null };
    this.saved = false;
    this.savedAt = null;
    this.statusAt = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.host.requestUpdate();
    return ok;
  }

  /**
   * Moves what another key of this storage holds (the self-assessment's kept submission) aside the same way
   * as a draft: copied to `<key>:set-aside:<time>`, counted in the cap, then removed. True when nothing is
   * left under `key`.
   */
  setAsideKey(key: string): boolean {
    const raw = this.storage.read(key);
    if (!raw.ok) return false;
    if (raw.value === null) return true;
    return this.keepCopy(raw.value, key).ok && this.storage.remove(key).ok;
  }

  /** Drops any pending save and removes the saved draft (after a submission, or "start again"). */
  clear(): void {
    // A held draft was never this person's to remove: it is kept aside instead.
    if (this.held) {
      this.startAfresh();
      return;
    }
    this.cancel();
    this.saved = false;
    this.savedAt = null;
    this.statusAt = null;
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    if (this.key) {
      const current = this.storage.read(this.key);
      // Another tab has moved the draft on since: those are its answers, not ours to remove.
      if (!(current.ok && current.value !== null && current.value !== this.base.raw && this.options.apply)) {
        if (!this.storage.remove(this.key).ok) this.unavailable();
      }
      this.base = { raw: null, revision: 0, answers: null };
    }
    this.host.requestUpdate();
  }

  dismiss(notice: DraftNotice): void {
    if (notice.code === 'conflict') return;
    this.notices = this.notices.filter((n) => n !== notice);
    this.host.requestUpdate();
  }

  /**
   * Drops the notices that have been seen (after moving on). An open conflict and "cannot be saved" stay
   * until settled or dismissed: the second is shown once per store and matters until the end.
   */
  clearNotices(): void {
    const next = this.notices.filter((n) => n.code === 'conflict' || n.code === 'storage-unavailable');
    if (next.length === this.notices.length) return;
    this.notices = next;
    this.host.requestUpdate();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancel(): void {
    this.stopTimer();
    this.pendingSave = false;
  }

  /** Adds the "storage unavailable" notice, once per store. */
  private unavailable(): void {
    if (this.warnedUnavailable) return;
    this.warnedUnavailable = true;
    this.notices = [...this.notices, { code: 'storage-unavailable' }];
    this.host.requestUpdate();
  }

  private setAsideNotice(outcome: Extract<DraftOutcome<E>, { kind: 'set-aside' }>, key: string, moved: boolean): DraftNotice {
    return { code: 'set-aside', reason: outcome.reason, setAsideKey: key, moved, savedAt: outcome.savedAt ? new Date(outcome.savedAt) : null };
  }

  private openStorage(kind: StorageKind): DraftStorage {
    return openDraftStorage(kind, window, this.memory);
  }

  /**
   * Copies a raw draft to a set-aside key: the copy already made of the same draft if there is one (reloading
   * a page with the same old draft must not pile up copies), else a fresh key (never over a different copy).
   * Then keeps at most `SET_ASIDE_LIMIT` copies in the storage area, removing the oldest first.
   */
  private keepCopy(raw: string, of: string = this.key!): { key: string; ok: boolean } {
    const all = this.storage.keys?.();
    const mine = `${of}${SET_ASIDE_INFIX}`;
    if (all?.ok) {
      for (const k of all.value) {
        if (!k.startsWith(mine)) continue;
        const there = this.storage.read(k);
        if (there.ok && there.value === raw) return { key: k, ok: true };
      }
    }
    const stamp = this.now().getTime();
    let key = setAsideKeyFor(of, stamp);
    for (let n = 1; n < 50; n++) {
      const there = this.storage.read(key);
      if (!there.ok || there.value === null || there.value === raw) break;
      key = `${setAsideKeyFor(of, stamp)}-${n}`;
    }
    const ok = this.storage.write(key, raw).ok;
    if (ok) this.capSetAside(key);
    return { key, ok };
  }

  /** Removes the oldest set-aside copies (drafts and kept submissions of every levelfit form) past `SET_ASIDE_LIMIT` (never `keep`, never an open conflict's). */
  private capSetAside(keep: string): void {
    const all = this.storage.keys?.();
    if (!all?.ok) return;
    const copies = all.value
      .filter((k) => k.startsWith(`${LEVELFIT_PREFIX}:`) && k.includes(SET_ASIDE_INFIX))
      .map((k) => ({ k, at: setAsideTimeOf(k) ?? 0 }))
      .sort((a, b) => a.at - b.at || (a.k < b.k ? -1 : 1));
    let excess = copies.length - SET_ASIDE_LIMIT;
    for (const { k } of copies) {
      if (excess <= 0) break;
      if (k === keep || k === this.conflict?.keepKey) continue;
      if (this.storage.remove(k).ok) excess--;
    }
  }

  private keepMineAside(conflict: Conflict<E>): void {
    const snapshot = this.options.snapshot();
    if (!snapshot) return;
    const draft = this.format.create(snapshot, this.now(), { revision: this.base.revision, writer: this.writerId });
    if (!this.storage.write(conflict.keepKey, JSON.stringify(draft)).ok) this.unavailable();
  }

  /** A conditional write: only over what this writer last saw; anything else is reconciled first. */
  private write(): void {
    if (!this.key) return;
    let snapshot = this.options.snapshot();
    if (!snapshot) return;
    if (this.options.apply) {
      const current = this.storage.read(this.key);
      if (!current.ok) {
        this.saved = false;
        this.unavailable();
        return;
      }
      if (current.value !== this.base.raw) {
        this.reconcile(current.value);
        if (!this.key) return;
        if (this.conflict) {
          this.pendingSave = true;
          this.keepMineAside(this.conflict);
          this.host.requestUpdate();
          return;
        }
        snapshot = this.options.snapshot();
        if (!snapshot) return;
        if (!this.pendingSave) {
          // The other tab's save already holds every answer this one has.
          this.markSaved(this.now());
          return;
        }
        this.pendingSave = false;
      }
    }
    const now = this.now();
    const revision = nextRevision(this.base.revision);
    const draft = this.format.create(snapshot, now, { revision, writer: this.writerId });
    const raw = JSON.stringify(draft);
    if (!this.storage.write(this.key, raw).ok) {
      this.saved = false;
      this.unavailable();
      return;
    }
    this.base = { raw, revision, answers: this.format.answersOf(draft) };
    this.markSaved(now);
  }

  private markSaved(now: Date): void {
    // Answers kept in memory are not "saved": the status must not suggest they would survive a reload.
    if (this.storage.kind === 'none') return;
    this.saved = true;
    this.savedAt = now;
    const throttle = this.options.statusThrottleMs ?? SAVED_STATUS_THROTTLE_MS;
    if (this.statusAt === null || now.getTime() - this.statusChangedAt >= throttle) {
      this.statusAt = now;
      this.statusChangedAt = now.getTime();
    }
    this.host.requestUpdate();
  }

  /**
   * The key holds `theirsRaw`, which this writer did not write. Merges it into the form, or records a
   * conflict. Afterwards `pendingSave` says whether this tab still has answers the key lacks.
   */
  private reconcile(theirsRaw: string | null): void {
    const snapshot = this.options.snapshot();
    if (!snapshot || !this.source) return;
    const outcome = this.format.load(theirsRaw, this.source);
    if (outcome.kind === 'empty') {
      // Another tab submitted or started again: keep these answers; they are saved with the next change.
      this.base = { raw: theirsRaw, revision: 0, answers: null };
      return;
    }
    if (outcome.kind === 'set-aside') {
      const kept = this.keepCopy(outcome.raw);
      this.notices = [...this.notices, this.setAsideNotice(outcome, kept.key, kept.ok)];
      if (!kept.ok) {
        this.key = null;
        this.unavailable();
        return;
      }
      this.base = { raw: theirsRaw, revision: 0, answers: null };
      this.pendingSave = true;
      return;
    }
    const theirs = outcome.draft;
    const theirAnswers = this.format.answersOf(theirs);
    const mine = this.format.snapshotAnswers(snapshot);
    const result = this.format.merge(this.base.answers, mine, theirAnswers);
    const taken = result.fromTheirs.items.length > 0 || result.fromTheirs.role;
    if (taken) this.options.apply?.(result.merged);
    this.notices = this.notices.filter((n) => n.code !== 'merged' && n.code !== 'conflict');
    if (result.conflicts.items.length || result.conflicts.role) {
      this.conflict = {
        theirsRaw: theirsRaw as string,
        theirs,
        items: result.conflicts.items,
        role: result.conflicts.role,
        keepKey: this.conflict?.keepKey ?? setAsideKeyFor(this.key!, this.now()),
      };
      this.saved = false;
      this.notices = [
        ...this.notices,
        { code: 'conflict', items: result.conflicts.items, role: result.conflicts.role, savedAt: new Date(theirs.savedAt), samePage: PAGE_WRITERS.has(theirs.writer) },
      ];
      return;
    }
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    if (taken) this.notices = [...this.notices, { code: 'merged', items: result.fromTheirs.items, role: result.fromTheirs.role, samePage: PAGE_WRITERS.has(theirs.writer) }];
    this.base = { raw: theirsRaw, revision: theirs.revision, answers: theirAnswers };
    this.pendingSave = !this.format.same(result.merged, theirAnswers);
  }
}
