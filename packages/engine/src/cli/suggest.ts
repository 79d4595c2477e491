/** "Did you mean …?" for a mistyped id: the closest of the known ids, when one is close enough to be a slip. */

/** Edit distance (insertions, deletions, substitutions), stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known id closest to `wrong`: the same id in another case (`K9` → `k9`), else one within two edits (or a
 * third of its length, for long ids), else the only id that starts with it (`lead-practitioner` →
 * `lead-practitioner-adult-care`). Null when nothing is that close.
 */
export function closestId(wrong: string, known: Iterable<string>): string | null {
  const ids = [...known];
  const lower = wrong.trim().toLowerCase();
  const sameCase = ids.find((id) => id.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const limit = Math.max(2, Math.floor(lower.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const id of ids) {
    const d = distance(lower, id.toLowerCase(), limit);
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  if (best !== null) return best;
  const starting = ids.filter((id) => lower.length >= 3 && id.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0]! : null;
}

/** `; did you mean "k9"?` or an empty string. */
export function didYouMean(wrong: string, known: Iterable<string>): string {
  const id = closestId(wrong, known);
  return id === null ? '' : `; did you mean "${id}"?`;
}
