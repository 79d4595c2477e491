/**
 * Statements a framework lists at more than one level. The adult care pathway composes four standards, and some
 * statements are in two to four of them word for word (the 6Cs in all four; knowledge shared by Levels 2 and 3,
 * and by Levels 4 and 5), each a separate item with its level's id. A form asks such a statement once and gives
 * the answer to every item in its group, so results keep one rating per level's item.
 *
 * Items group when they are of the same kind and their text is the same (whitespace aside). Codes are not
 * compared: each standard numbers its own statements, so the same statement is K18 at Level 2 and K14 at Level 3,
 * and some standards give no codes at all. Text that differs in any other way (even in capitals) is left apart,
 * since the sources are quoted exactly and a difference may be meant.
 */
import type { Framework, Item } from './schema.js';

export interface SharedItemGroup {
  /** The items' ids in framework order; the first is where a form asks the question. */
  readonly ids: readonly string[];
  /** The ids of the levels that require any of them, in level order. */
  readonly levels: readonly string[];
}

const key = (item: Item): string => `${item.kind}\u0000${item.title.replace(/\s+/g, ' ').trim()}`;

/** The groups of two or more items that state the same thing, in the order of their first item. */
export function sharedItemGroups(framework: Framework): SharedItemGroup[] {
  const byKey = new Map<string, Item[]>();
  for (const item of framework.items) {
    const k = key(item);
    const same = byKey.get(k);
    if (same) same.push(item);
    else byKey.set(k, [item]);
  }
  const levelOrder = framework.levels.map((l) => l.id);
  const groups: SharedItemGroup[] = [];
  for (const items of byKey.values()) {
    if (items.length < 2) continue;
    const levels = new Set(items.flatMap((i) => i.levels));
    groups.push({ ids: items.map((i) => i.id), levels: levelOrder.filter((l) => levels.has(l)) });
  }
  return groups;
}
