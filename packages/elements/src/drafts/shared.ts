/**
 * Pure helpers the self-assessment's envelope (`./envelope.ts`) and the quiz's (`../quiz/quiz-draft.ts`) share
 * (internal, not exported from the package). Like the envelopes, they never touch storage, the DOM or the clock.
 */

export { isPlainObject } from '../internal/is-plain-object.js';

/** `<prefix>:<id>`, or `<prefix>:<id>:<assessment key>` when the trimmed assessment key is not empty. */
export function storageKeyUnder(prefix: string, id: string, assessmentKey?: string | null): string {
  const key = assessmentKey?.trim();
  return key ? `${prefix}:${id}:${key}` : `${prefix}:${id}`;
}

/**
 * Orders versions when both contain numbers ("1.2", "4.5-draft", "2025-03"), run by run: 1 when `a` is
 * newer, -1 when older, 0 when equal or not comparable.
 */
export function compareVersionRuns(a: string, b: string): -1 | 0 | 1 {
  const nums = (s: string): number[] => (s.match(/\d+/g) ?? []).map(Number);
  const x = nums(a);
  const y = nums(b);
  if (!x.length || !y.length) return 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p !== q) return p > q ? 1 : -1;
  }
  return 0;
}
