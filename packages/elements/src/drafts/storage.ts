/**
 * The thin adapter between drafts and Web Storage. Every call is wrapped: `localStorage` itself throws a
 * SecurityError when storage is disabled, and `setItem` throws QuotaExceededError when full. The caller gets
 * a result, never an exception.
 */

export const STORAGE_KINDS = ['local', 'session', 'none'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

export function isStorageKind(value: unknown): value is StorageKind {
  return typeof value === 'string' && (STORAGE_KINDS as readonly string[]).includes(value);
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface DraftStorage {
  readonly kind: StorageKind;
  read(key: string): StorageResult<string | null>;
  write(key: string, value: string): StorageResult<void>;
  remove(key: string): StorageResult<void>;
  /**
   * True when a `storage` event's `storageArea` is this storage (another tab wrote to it). Optional so that
   * hand-made stubs keep working; without it the controller does not listen for other tabs.
   */
  owns?(area: Storage | null): boolean;
  /** Every key held (to find and cap set-aside copies). Optional for hand-made stubs. */
  keys?(): StorageResult<string[]>;
}

function attempt<T>(fn: () => T): StorageResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Opens `localStorage` or `sessionStorage` lazily on each call (so a later permission change is seen).
 * `none` keeps nothing, unless `memory` is given: then it keeps drafts in that map, which lives as long as
 * its owner (an element keeps answers for its life, and nothing reaches the device).
 */
export function openDraftStorage(
  kind: StorageKind,
  scope: Pick<Window, 'localStorage' | 'sessionStorage'> = window,
  memory?: Map<string, string>,
): DraftStorage {
  if (kind === 'none') {
    return {
      kind,
      read: (key) => ({ ok: true, value: memory?.get(key) ?? null }),
      write: (key, value) => {
        memory?.set(key, value);
        return { ok: true, value: undefined };
      },
      remove: (key) => {
        memory?.delete(key);
        return { ok: true, value: undefined };
      },
      owns: () => false,
      keys: () => ({ ok: true, value: memory ? [...memory.keys()] : [] }),
    };
  }
  const area = (): Storage => (kind === 'session' ? scope.sessionStorage : scope.localStorage);
  return {
    kind,
    read: (key) => attempt(() => area().getItem(key)),
    write: (key, value) => attempt(() => area().setItem(key, value)),
    remove: (key) => attempt(() => area().removeItem(key)),
    owns: (other) => {
      const mine = attempt(area);
      return mine.ok && other !== null && other === mine.value;
    },
    keys: () =>
      attempt(() => {
        const a = area();
        const out: string[] = [];
        for (let i = 0; i < a.length; i++) {
          const k = a.key(i);
          if (k !== null) out.push(k);
        }
        return out;
      }),
  };
}
