import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { openDraftStorage, type DraftStorage } from './storage.js';

/**
 * What the self-assessment's `DraftController` and the quiz's `QuizDraftController` share (internal, not
 * exported from the package): writer ids and the autosave lifecycle around `./storage.ts` (debounced saves,
 * flushed at once on `pagehide`, on `visibilitychange` to hidden and when the element is removed; one
 * "storage unavailable" notice per controller). The pure helpers both envelopes share are in `./shared.ts`.
 */

/** Autosave waits this long after the last change. */
export const DRAFT_DEBOUNCE_MS = 300;

/** A random id per tab and element, stored as a draft's `writer`. */
export function randomWriterId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface AutosaveOptions {
  debounceMs?: number;
  /** Injected for tests; defaults to `new Date()`. */
  now?: () => Date;
}

/**
 * The autosave lifecycle both draft controllers build on. Subclasses decide what `flush` writes and when
 * `schedule` may call `scheduleSave`, and add themselves to the host (`host.addController(this)`) at the end
 * of their constructor, once their own fields are set (a connected host calls `hostConnected` at once).
 */
export abstract class AutosaveController<N extends { code: string }, O extends AutosaveOptions> implements ReactiveController {
  protected readonly host: ReactiveControllerHost;
  protected readonly options: O;
  protected storage: DraftStorage = openDraftStorage('none');
  protected key: string | null = null;
  protected pendingSave = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warnedUnavailable = false;

  /** Notices to show, as data; the view words them. */
  notices: N[] = [];
  /** Last successful save. */
  savedAt: Date | null = null;

  constructor(host: ReactiveControllerHost, options: O) {
    this.host = host;
    this.options = options;
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

  /** Saves now if a save is pending. */
  abstract flush(): void;

  /** Marks a save as pending and (re)starts the debounce timer. */
  protected scheduleSave(): void {
    this.pendingSave = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? DRAFT_DEBOUNCE_MS);
  }

  /** Stops the debounce timer (a flush is under way). */
  protected stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Drops any pending save. */
  protected cancel(): void {
    this.stopTimer();
    this.pendingSave = false;
  }

  protected now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Adds the "storage unavailable" notice, once per controller. */
  protected unavailable(): void {
    if (this.warnedUnavailable) return;
    this.warnedUnavailable = true;
    this.notices = [...this.notices, { code: 'storage-unavailable' } as N];
    this.host.requestUpdate();
  }
}
