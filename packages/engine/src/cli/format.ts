/** Small text helpers shared by the commands' human-readable output. */
import type { Framework } from '../framework/schema.js';

export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A level's title, or "no level attained" for null. */
export function titleOf(fw: Framework, levelId: string | null): string {
  return levelId === null ? 'no level attained' : (fw.levels.find((l) => l.id === levelId)?.title ?? levelId);
}
