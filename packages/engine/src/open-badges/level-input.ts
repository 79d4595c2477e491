/**
 * Which level a badge awards, from whatever the embedder has: a level id, a level fit (`assess`'s result: its
 * `bestFit`), or a supervisor's confirmation (any object with `confirmedLevel`, or with `level` and a
 * `confirmedBy` / `confirmedAt`). A confirmed level wins over a self-assessed one; the badge says which it is.
 */
import type { BadgeIssue } from './types.js';

/** A level id, a LevelFit-like result, or a confirmed level record. */
export type BadgeLevelInput =
  | string
  | {
      readonly frameworkId?: string;
      readonly bestFit?: string | null;
      readonly level?: string | null;
      readonly confirmedLevel?: string | null;
      readonly confirmedBy?: unknown;
      readonly confirmedAt?: unknown;
    };

export interface AwardedLevel {
  level: string;
  /** True when a supervisor confirmed the level; false for a self-assessment. */
  confirmed: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

export function awardedLevel(input: unknown, frameworkId: string, issues: BadgeIssue[]): AwardedLevel | null {
  if (str(input)) return { level: input, confirmed: false };
  if (!isObj(input)) {
    issues.push({ code: 'no_level', path: ['level'], message: 'Give the level to award: a level id, a level fit or a confirmed level.' });
    return null;
  }
  if (str(input['frameworkId']) && input['frameworkId'] !== frameworkId) {
    issues.push({ code: 'framework_mismatch', path: ['level', 'frameworkId'], message: `This result is for the framework "${input['frameworkId']}", not "${frameworkId}".` });
    return null;
  }
  if (str(input['confirmedLevel'])) return { level: input['confirmedLevel'], confirmed: true };
  const confirmedRecord = input['confirmedBy'] !== undefined || input['confirmedAt'] !== undefined;
  if (str(input['level'])) return { level: input['level'], confirmed: confirmedRecord };
  if (str(input['bestFit'])) return { level: input['bestFit'], confirmed: false };
  issues.push({
    code: 'no_level',
    path: ['level'],
    message: 'There is no level to award: this result has no level attained (and no confirmed level).',
  });
  return null;
}
