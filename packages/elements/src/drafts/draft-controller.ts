import type { ReactiveControllerHost } from 'lit';
import type { Framework } from '@levelfit/engine';
import {
  createDraft,
  draftKey,
  draftTargetOf,
  loadDraft,
  mergeDraftAnswers,
  serializeDraft,
  setAsideKeyFor,
  type DraftAnswers,
  type DraftEnvelope,
  type DraftState,
  type SetAsideReason,
} from './envelope.js';
import { AutosaveController, randomWriterId } from './autosave.js';
import { openDraftStorage, type StorageKind } from './storage.js';

/** Autosave waits this long after the last change. */
export { DRAFT_DEBOUNCE_MS } from './autosave.js';
/** The "Draft saved at …" status changes (and so is announced) at most this often. */
export const SAVED_STATUS_THROTTLE_MS = 15_000;

/** Notices about drafts, as data; the view words them. */
export type DraftNotice =
  | { code: 'storage-unavailable' }
  | {
      code: 'set-aside';
      reason: SetAsideReason;
      /** Where the unusable draft was copied, byte for byte. */
      setAsideKey: string;
      /** @deprecated The same as `setAsideKey`. */
      staleKey: string;
      /** False when the copy could not be written; the original was then left where it was. */
      moved: boolean;
      savedAt: Date | null;
    }
  | {
      code: 'restored';
      savedAt: Date;
      /** Saved answers for items the framework no longer has. */
      unknownItems: string[];
      /** Saved answers for items that are still there, with a value no longer on the scale. */
      offScale: string[];
      /** A saved role no longer listed (cleared), or null. */
      role: string | null;
      /** Set when the draft came from an older framework version or envelope. */
      migrated: { fromVersion: string; versionChanged: boolean; keptKey: string | null } | null;
    }
  | {
      /** Another tab saved different answers to the same draft; nothing is written until the person chooses. */
      code: 'conflict';
      items: string[];
      role: boolean;
      savedAt: Date;
    }
  | {
      /** Answers saved in another tab were taken in (no conflict). */
      code: 'merged';
      items: string[];
      role: boolean;
    };

export interface DraftSnapshot extends DraftState {
  framework: Framework;
}

export type ConflictChoice = 'theirs' | 'mine';

export interface DraftControllerOptions {
  /** The state to save, or null when there is nothing to save (no framework yet, or submitted). */
  snapshot: () => DraftSnapshot | null;
  /**
   * Puts answers from another tab into the form (merged, or chosen by the person). Without it the
   * controller does not follow other tabs and the last write wins, as before.
   */
  apply?: (answers: { ratings: Record<string, number>; role: string | null }) => void;
  debounceMs?: number;
  /** How often the saved status may change; default `SAVED_STATUS_THROTTLE_MS`. */
  statusThrottleMs?: number;
  /** Injected for tests; defaults to `new Date()`. */
  now?: () => Date;
  /** This writer's id; defaults to a random one per controller (one per tab and element). */
  writerId?: string;
}

interface Base {
  /** The stored string last read or written: a write goes ahead only while the key still holds it. */
  raw: string | null;
  revision: number;
  answers: DraftAnswers | null;
}

interface Conflict {
  theirsRaw: string;
  theirs: DraftEnvelope;
  items: string[];
  role: boolean;
  /** Where this tab's answers are kept while the conflict is open (written on flush, removed on resolve). */
  keepKey: string;
}

const EMPTY_BASE: Base = { raw: null, revision: 0, answers: null };

function sameAnswers(a: DraftAnswers, b: DraftAnswers): boolean {
  if (a.role !== b.role) return false;
  const ka = Object.keys(a.ratings);
  if (ka.length !== Object.keys(b.ratings).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b.ratings, k) && a.ratings[k] === b.ratings[k]);
}

const answersOf = (d: Pick<DraftEnvelope, 'responses' | 'role'>): DraftAnswers => ({ ratings: d.responses.ratings, role: d.role });

/**
 * Autosaves the assessment to Web Storage: debounced after each change, flushed at once on `pagehide`, on
 * `visibilitychange` to hidden and when the element is removed.
 *
 * - Storage that throws (disabled, full, a throwing `localStorage` getter) never breaks the form: answers
 *   stay in memory and one notice says so, once.
 * - Drafts it cannot use are copied to `<key>:set-aside:<time>` and reported, never thrown away silently;
 *   drafts from an older framework keep their usable answers and list the rest.
 * - Two tabs (or two elements) on one key do not overwrite each other: every write carries a revision and
 *   this writer's id, a write goes ahead only if the key still holds what this writer last saw, and a
 *   change from elsewhere (`storage` event, or found just before a write) is merged; answers changed on
 *   both sides are put to the person (`resolveConflict`) and nothing is written meanwhile.
 */
export class DraftController extends AutosaveController<DraftNotice, DraftControllerOptions> {
  private framework: Framework | null = null;
  private base: Base = EMPTY_BASE;
  private conflict: Conflict | null = null;
  private statusChangedAt = -Infinity;

  /** This writer's id, stored in every envelope it writes. */
  readonly writerId: string;
  /** True while the last save succeeded (the "Draft saved" status shows). */
  saved = false;
  /** The save time the status shows; changes at most once per `statusThrottleMs`. */
  statusAt: Date | null = null;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions) {
    super(host, options);
    this.writerId = options.writerId ?? randomWriterId();
    host.addController(this);
  }

  get storageKind(): StorageKind {
    return this.storage.kind;
  }

  /** True while another tab's answers conflict with these and the person has not chosen. */
  get inConflict(): boolean {
    return this.conflict !== null;
  }

  /** The revision this writer last read or wrote (0 before any). */
  get revision(): number {
    return this.base.revision;
  }

  override hostConnected(): void {
    super.hostConnected();
    window.addEventListener('storage', this.onStorage);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    window.removeEventListener('storage', this.onStorage);
  }

  /** Another tab wrote to storage. Re-read the key rather than trusting the event's values (they can be stale). */
  private readonly onStorage = (e: StorageEvent): void => {
    if (!this.key || !this.options.apply || !this.storage.owns?.(e.storageArea)) return;
    if (e.key !== null && e.key !== this.key) return;
    const read = this.storage.read(this.key);
    if (!read.ok || read.value === this.base.raw) return;
    if (!this.options.snapshot()) {
      this.base = EMPTY_BASE;
      return;
    }
    this.reconcile(read.value);
    if (this.pendingSave && !this.conflict) this.schedule();
    this.host.requestUpdate();
  };

  /**
   * Points the controller at a framework's draft and reads it. Returns the draft to restore, or null. A
   * draft that cannot be used is copied to a set-aside key and a notice is added.
   */
  open(framework: Framework, kind: StorageKind, assessmentKey: string | null): DraftEnvelope | null {
    this.cancel();
    this.storage = openDraftStorage(kind);
    this.key = draftKey(framework.id, assessmentKey);
    this.framework = framework;
    this.base = EMPTY_BASE;
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    this.saved = false;
    this.statusAt = null;
    const read = this.storage.read(this.key);
    if (!read.ok) {
      this.unavailable();
      return null;
    }
    const outcome = loadDraft(read.value, draftTargetOf(framework));
    switch (outcome.kind) {
      case 'empty':
        return null;
      case 'set-aside': {
        const kept = this.keepCopy(outcome.raw);
        const moved = kept.ok && this.storage.remove(this.key).ok;
        const savedAt = outcome.savedAt ? new Date(outcome.savedAt) : null;
        this.notices = [...this.notices, { code: 'set-aside', reason: outcome.reason, setAsideKey: kept.key, staleKey: kept.key, moved, savedAt }];
        if (moved) {
          this.base = EMPTY_BASE;
        } else {
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
        this.base = { raw: read.value, revision: draft.revision, answers: answersOf(draft) };
        const items = new Set(framework.items.map((i) => i.id));
        let migrated: Extract<DraftNotice, { code: 'restored' }>['migrated'] = null;
        let unknownItems: string[] = [];
        let offScale: string[] = [];
        let role: string | null = null;
        if (outcome.kind === 'migrated') {
          unknownItems = outcome.dropped.filter((id) => !items.has(id));
          offScale = outcome.dropped.filter((id) => items.has(id));
          role = outcome.droppedRole;
          const lost = outcome.dropped.length > 0 || outcome.droppedRole !== null;
          // Answers that no longer apply are left out of the form; the original is kept so they are not lost.
          const kept = lost ? this.keepCopy(read.value as string) : null;
          migrated = {
            fromVersion: outcome.from.frameworkVersion,
            versionChanged: outcome.from.frameworkVersion !== framework.version,
            keptKey: kept?.ok ? kept.key : null,
          };
        }
        this.notices = [...this.notices, { code: 'restored', savedAt: new Date(draft.savedAt), unknownItems, offScale, role, migrated }];
        this.host.requestUpdate();
        return draft;
      }
    }
  }

  /**
   * Saves to another kind of storage from now on (the `storage` attribute changed mid-assessment): the
   * answers in memory are kept and saved there; a draft already there is merged, not overwritten.
   */
  setStorage(kind: StorageKind): void {
    if (kind === this.storage.kind) return;
    this.flush();
    this.storage = openDraftStorage(kind);
    this.base = EMPTY_BASE;
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code !== 'conflict');
    this.saved = false;
    this.statusAt = null;
    this.schedule();
    this.host.requestUpdate();
  }

  /** Schedules a save (debounced). */
  schedule(): void {
    if (this.storage.kind === 'none') return;
    this.scheduleSave();
  }

  /** Saves now if a save is pending. */
  flush(): void {
    this.stopTimer();
    if (!this.pendingSave || !this.key) return;
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
    const theirs = answersOf(conflict.theirs);
    this.base = { raw: conflict.theirsRaw, revision: conflict.theirs.revision, answers: theirs };
    if (snapshot && choice === 'theirs') {
      const ratings: Record<string, number> = { ...snapshot.ratings };
      for (const id of conflict.items) {
        const t = Object.prototype.hasOwnProperty.call(theirs.ratings, id) ? theirs.ratings[id] : undefined;
        if (t === undefined) delete ratings[id];
        else ratings[id] = t;
      }
      const role = conflict.role ? theirs.role : snapshot.role;
      this.options.apply?.({ ratings, role });
    }
    const now = this.options.snapshot();
    if (now && !sameAnswers({ ratings: now.ratings, role: now.role }, theirs)) {
      this.pendingSave = true;
      this.flush();
    } else if (now) {
      this.markSaved(this.now());
    }
    this.host.requestUpdate();
  }

  /** Drops any pending save and removes the saved draft (after a submission, or "start again"). */
  clear(): void {
    this.cancel();
    this.saved = false;
    this.statusAt = null;
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    this.notices = this.notices.filter((n) => n.code === 'storage-unavailable');
    if (this.key) {
      const current = this.storage.read(this.key);
      // Another tab has moved the draft on since: those are its answers, not ours to remove.
      if (current.ok && current.value !== null && current.value !== this.base.raw && this.options.apply) {
        this.base = EMPTY_BASE;
      } else {
        const removed = this.storage.remove(this.key);
        if (!removed.ok) this.unavailable();
        this.base = EMPTY_BASE;
      }
    }
    this.host.requestUpdate();
  }

  dismiss(notice: DraftNotice): void {
    if (notice.code === 'conflict') return;
    this.notices = this.notices.filter((n) => n !== notice);
    this.host.requestUpdate();
  }

  /**
   * Drops the notices that have been seen (after a step change). An open conflict and "cannot be saved"
   * stay until settled or dismissed: the second is shown once per controller and matters until the end.
   */
  clearNotices(): void {
    const next = this.notices.filter((n) => n.code === 'conflict' || n.code === 'storage-unavailable');
    if (next.length === this.notices.length) return;
    this.notices = next;
    this.host.requestUpdate();
  }

  /** Copies a raw draft to a fresh set-aside key (never over a different copy). */
  private keepCopy(raw: string): { key: string; ok: boolean } {
    const stamp = this.now().getTime();
    let key = setAsideKeyFor(this.key!, stamp);
    for (let n = 1; n < 50; n++) {
      const there = this.storage.read(key);
      if (!there.ok || there.value === null || there.value === raw) break;
      key = `${setAsideKeyFor(this.key!, stamp)}-${n}`;
    }
    return { key, ok: this.storage.write(key, raw).ok };
  }

  private keepMineAside(conflict: Conflict): void {
    const snapshot = this.options.snapshot();
    if (!snapshot) return;
    const draft = createDraft(snapshot.framework, snapshot, this.now(), { revision: this.base.revision, writer: this.writerId });
    if (!this.storage.write(conflict.keepKey, serializeDraft(draft)).ok) this.unavailable();
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
    const revision = this.base.revision + 1;
    const draft = createDraft(snapshot.framework, snapshot, now, { revision, writer: this.writerId });
    const raw = serializeDraft(draft);
    const written = this.storage.write(this.key, raw);
    if (!written.ok) {
      this.saved = false;
      this.unavailable();
      return;
    }
    this.base = { raw, revision, answers: answersOf(draft) };
    this.markSaved(now);
  }

  private markSaved(now: Date): void {
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
    if (!snapshot || !this.framework) return;
    const outcome = loadDraft(theirsRaw, draftTargetOf(this.framework));
    if (outcome.kind === 'empty') {
      // Another tab submitted or started again: keep these answers; they are saved with the next change.
      this.base = { raw: theirsRaw, revision: 0, answers: null };
      return;
    }
    if (outcome.kind === 'set-aside') {
      const kept = this.keepCopy(outcome.raw);
      const savedAt = outcome.savedAt ? new Date(outcome.savedAt) : null;
      this.notices = [
        ...this.notices,
        { code: 'set-aside', reason: outcome.reason, setAsideKey: kept.key, staleKey: kept.key, moved: kept.ok, savedAt },
      ];
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
    const mine: DraftAnswers = { ratings: snapshot.ratings, role: snapshot.role };
    const result = mergeDraftAnswers(this.base.answers, mine, answersOf(theirs));
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
        { code: 'conflict', items: result.conflicts.items, role: result.conflicts.role, savedAt: new Date(theirs.savedAt) },
      ];
      return;
    }
    if (this.conflict) this.storage.remove(this.conflict.keepKey);
    this.conflict = null;
    if (taken) this.notices = [...this.notices, { code: 'merged', items: result.fromTheirs.items, role: result.fromTheirs.role }];
    this.base = { raw: theirsRaw, revision: theirs.revision, answers: answersOf(theirs) };
    this.pendingSave = !sameAnswers(result.merged, answersOf(theirs));
  }
}
