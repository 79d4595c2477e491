/**
 * The three-way merge both forms' drafts use when two tabs (or two elements) write one draft: `base` is what
 * this writer last read or wrote, `mine` what it has now, `theirs` what another writer saved since. A change
 * on one side only is taken; the same change on both is fine; different changes, and the other side having
 * lost an answer this side still has (it started again), are conflicts, which keep `mine` and are listed for
 * the person to decide. Pure: no storage, DOM or clock.
 */

export interface RecordMerge<V> {
  /** Ours, plus what only the other writer changed; ours where both changed (see `conflicts`). */
  merged: Record<string, V>;
  /** Keys both writers changed to different values since `base`. */
  conflicts: string[];
  /** Keys whose value was taken from `theirs` into `merged`. */
  fromTheirs: string[];
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Merges answers keyed by item or question id; `same` compares two values (a rating, a list of options). */
export function mergeRecords<V>(
  base: Readonly<Record<string, V>> | null,
  mine: Readonly<Record<string, V>>,
  theirs: Readonly<Record<string, V>>,
  same: (a: V | undefined, b: V | undefined) => boolean = (a, b) => a === b,
): RecordMerge<V> {
  const b = base ?? {};
  const ids = new Set([...Object.keys(b), ...Object.keys(mine), ...Object.keys(theirs)]);
  const merged: [string, V][] = [];
  const conflicts: string[] = [];
  const fromTheirs: string[] = [];
  const get = (r: Readonly<Record<string, V>>, id: string): V | undefined => (own(r, id) ? r[id] : undefined);
  for (const id of ids) {
    const was = get(b, id);
    const m = get(mine, id);
    const t = get(theirs, id);
    let value: V | undefined;
    if (same(m, t) || same(t, was)) value = m;
    else if (same(m, was) && t !== undefined) {
      value = t;
      fromTheirs.push(id);
    } else {
      value = m;
      conflicts.push(id);
    }
    // Object.fromEntries defines own properties, so a "__proto__" id stays a plain key.
    if (value !== undefined) merged.push([id, value]);
  }
  return { merged: Object.fromEntries(merged) as Record<string, V>, conflicts, fromTheirs };
}

/** Merges one value (the self-assessment's role) the same way: `conflict` keeps `mine`. */
export function mergeValue<V>(base: V, mine: V, theirs: V): { value: V; conflict: boolean; fromTheirs: boolean } {
  if (mine === theirs || theirs === base) return { value: mine, conflict: false, fromTheirs: false };
  if (mine === base) return { value: theirs, conflict: false, fromTheirs: true };
  return { value: mine, conflict: true, fromTheirs: false };
}

/** True when two records hold the same keys with the same values. */
export function sameRecords<V>(a: Readonly<Record<string, V>>, b: Readonly<Record<string, V>>, same: (x: V, y: V) => boolean = (x, y) => x === y): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => own(b, k) && same(a[k] as V, b[k] as V));
}
