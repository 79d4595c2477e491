/**
 * The confirmed level: the framework's own rules run twice, once over the person's self-ratings and once over
 * the reviewer's decisions. An agreed item keeps the self-rating; an item the reviewer rated differently takes
 * that rating; an item the reviewer has not decided on is unconfirmed and counts as "not yet".
 */
import { AssessmentError, FrameworkError, RecordError, type SafeResult } from '../errors.js';
import { assess } from '../level-fit/assess.js';
import { isParsedFramework, parseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import type { LevelFit } from '../level-fit/types.js';
import { migrateRecord, type RecordNotice } from './migrate.js';
import type { AssessmentRecord } from './schema.js';

/** An item where the reviewer gave a different rating from the person's. */
export interface RatingDifference {
  itemId: string;
  /** The person's rating, or null when they gave none ("not yet"). */
  self: number | null;
  confirmed: number;
  note?: string;
}

export interface ConfirmedLevel {
  /** The level fit from the person's own ratings. */
  self: LevelFit;
  /** The level fit from the reviewer's decisions (unconfirmed items count as not yet). */
  confirmed: LevelFit;
  /** Items rated differently by the reviewer, in framework order. */
  differences: RatingDifference[];
  /** Items the reviewer has neither agreed with nor rated, in framework order. */
  unconfirmed: string[];
  /** The record used: migrated onto the framework's version when it was made with another. */
  record: AssessmentRecord;
  /** What the host should show beside the result (another framework version, answers kept aside). */
  notices: RecordNotice[];
}

/** The ratings the reviewer confirmed: agreed items keep the self-rating, rated items take the reviewer's. */
export function confirmedRatings(framework: Framework, record: AssessmentRecord): { ratings: Record<string, number>; unconfirmed: string[] } {
  const ratings: Record<string, number> = {};
  const unconfirmed: string[] = [];
  const entries = record.review?.items ?? {};
  for (const { id } of framework.items) {
    const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
    if (entry?.rating !== undefined) ratings[id] = entry.rating;
    else if (entry?.agree) {
      if (Object.hasOwn(record.self.ratings, id)) ratings[id] = record.self.ratings[id]!;
    } else unconfirmed.push(id);
  }
  return { ratings, unconfirmed };
}

/**
 * Self-assessed and confirmed level fits for a record, with the differences and unconfirmed items. A record for
 * another version of the framework is migrated first (see `migrateRecord`; the notices say what moved). Throws a
 * `RecordError` for a record that is not valid for the framework.
 */
export async function confirmLevel(framework: Framework, record: AssessmentRecord): Promise<ConfirmedLevel> {
  const fw = isParsedFramework(framework) ? framework : parseFramework(framework);
  const { record: r, notices } = migrateRecord(record, fw);
  // a signed-off record kept at its own version cannot be read with this version's rules
  if (r.framework.version !== fw.version) {
    throw new RecordError([
      {
        code: 'invalid_value',
        path: ['framework', 'version'],
        message: `the record was signed off against version ${r.framework.version}; give that version of ${fw.id} to read it`,
      },
    ]);
  }
  const options = r.self.role === undefined ? undefined : { role: r.self.role };
  const { ratings, unconfirmed } = confirmedRatings(fw, r);
  const differences: RatingDifference[] = [];
  const entries = r.review?.items ?? {};
  for (const { id } of fw.items) {
    const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
    if (entry?.rating === undefined) continue;
    const self = Object.hasOwn(r.self.ratings, id) ? r.self.ratings[id]! : null;
    // no self-rating is "not yet", the same as the scale's lowest value
    if ((self ?? fw.scale.values[0]!.value) === entry.rating) continue;
    const d: RatingDifference = { itemId: id, self, confirmed: entry.rating };
    if (entry.note !== undefined) d.note = entry.note;
    differences.push(d);
  }
  const [self, confirmed] = await Promise.all([assess(fw, { ratings: { ...r.self.ratings } }, options), assess(fw, { ratings }, options)]);
  return { self, confirmed, differences, unconfirmed, record: r, notices };
}

/** `confirmLevel` without throwing for a bad record or framework: `{ success, data | issues }`. */
export async function safeConfirmLevel(framework: Framework, record: unknown): Promise<SafeResult<ConfirmedLevel>> {
  try {
    return { success: true, data: await confirmLevel(framework, record as AssessmentRecord) };
  } catch (err) {
    if (err instanceof RecordError || err instanceof FrameworkError || err instanceof AssessmentError) return { success: false, issues: err.issues };
    throw err;
  }
}
