/** Storage helpers: clean levelfit keys, and make Web Storage throw the way browsers do. */

export function clearLevelfitStorage(): void {
  for (const area of [localStorage, sessionStorage]) {
    for (const key of Object.keys(area)) if (key.startsWith('levelfit:')) area.removeItem(key);
  }
}

export interface StorageStub {
  calls: { method: string; key: string }[];
  restore(): void;
}

/**
 * Makes `Storage.prototype` methods throw (QuotaExceededError for writes, SecurityError for reads, as when
 * storage is full or disabled). `restore()` puts the originals back.
 */
export function breakStorage(which: { read?: boolean; write?: boolean; remove?: boolean } = { read: true, write: true, remove: true }): StorageStub {
  const proto = Storage.prototype;
  const originals = { getItem: proto.getItem, setItem: proto.setItem, removeItem: proto.removeItem };
  const calls: StorageStub['calls'] = [];
  if (which.read) {
    proto.getItem = function (key: string) {
      calls.push({ method: 'getItem', key });
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  }
  if (which.write) {
    proto.setItem = function (key: string) {
      calls.push({ method: 'setItem', key });
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }
  if (which.remove) {
    proto.removeItem = function (key: string) {
      calls.push({ method: 'removeItem', key });
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  }
  return {
    calls,
    restore() {
      Object.assign(proto, originals);
    },
  };
}
