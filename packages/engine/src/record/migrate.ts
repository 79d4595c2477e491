/**
 * A record made against one version of a framework, read with another. Nothing a person or reviewer wrote is
 * dropped: ratings and review entries for items the new version no longer has (or ratings its scale no longer
 * allows) move to `migrated.retired`, and each move is a notice the host can show. A signed-off record is
 * never moved (that would change what was signed): it is kept as it was, with a notice.
 */
import { RecordError } from '../errors.js';
import type { Framework } from '../framework/schema.js';
import { parseRecord } from './parse.js';
import type { AssessmentRecord, Evidence, ItemReview, RecordMigration } from './schema.js';

export const RECORD_NOTICE_CODES = ['version_changed', 'signed_other_version', 'items_retired', 'role_retired'] as const;
export type RecordNoticeCode = (typeof RECORD_NOTICE_CODES)[number];

/** Something a person should know about a record, which is not an error: the record is still used. */
export interface RecordNotice {
  code: RecordNoticeCode;
  message: string;
  /** The item ids concerned, in the record's order. */
  items?: string[];
}

export interface MigratedRecord {
  record: AssessmentRecord;
  /** True when the record now names the framework's version (false when it is kept as it was, or already matched). */
  migrated: boolean;
  notices: RecordNotice[];
}

/**
 * Moves a record onto `framework`'s version (see above). Throws a `RecordError` for a record of another
 * framework, or one that does not parse.
 */
export function migrateRecord(input: AssessmentRecord, framework: Framework): MigratedRecord {
  const record = parseRecord(input);
  if (record.framework.id !== framework.id) {
    throw new RecordError([{ code: 'invalid_value', path: ['framework', 'id'], message: `the record is for "${record.framework.id}", not "${framework.id}"` }]);
  }
  const from = record.framework.version;
  if (from === framework.version) return { record: parseRecord(record, framework), migrated: false, notices: [] };
  if (record.status === 'signed-off') {
    return {
      record,
      migrated: false,
      notices: [
        {
          code: 'signed_other_version',
          message: `This record was signed off against version ${from} of the framework and is shown as it was signed. The current version is ${framework.version}.`,
        },
      ],
    };
  }
  const items = new Set(framework.items.map((i) => i.id));
  const scale = new Set(framework.scale.values.map((v) => v.value));
  const retired: RecordMigration['retired'] = {
    ratings: { ...(record.migrated?.retired.ratings ?? {}) },
    items: { ...(record.migrated?.retired.items ?? {}) },
  };
  const retiredEvidence: Record<string, Evidence[]> = { ...(record.migrated?.retired.evidence ?? {}) };
  const moved = new Set<string>();
  const ratings: Record<string, number> = {};
  for (const [id, v] of Object.entries(record.self.ratings)) {
    if (items.has(id) && scale.has(v)) ratings[id] = v;
    else (retired.ratings[id] = v), moved.add(id);
  }
  let evidence: Record<string, Evidence[]> | undefined;
  if (record.self.evidence) {
    evidence = {};
    for (const [id, list] of Object.entries(record.self.evidence)) {
      if (items.has(id)) evidence[id] = [...list];
      else (retiredEvidence[id] = [...list]), moved.add(id);
    }
  }
  let reviewItems: Record<string, ItemReview> | undefined;
  if (record.review) {
    reviewItems = {};
    for (const [id, entry] of Object.entries(record.review.items)) {
      if (items.has(id) && (entry.rating === undefined || scale.has(entry.rating))) reviewItems[id] = entry;
      else (retired.items[id] = entry), moved.add(id);
    }
  }
  if (Object.keys(retiredEvidence).length) retired.evidence = retiredEvidence;
  const notices: RecordNotice[] = [
    {
      code: 'version_changed',
      message: `This record was made with version ${from} of the framework. It now uses version ${framework.version}.`,
    },
  ];
  if (moved.size) {
    notices.push({
      code: 'items_retired',
      message: `${moved.size} answer${moved.size === 1 ? ' is' : 's are'} kept aside: version ${framework.version} no longer has ${moved.size === 1 ? 'that item or rating' : 'those items or ratings'}.`,
      items: [...moved],
    });
  }
  let role = record.self.role;
  if (role !== undefined && !framework.levels.some((l) => l.roles.some((t) => t.toLowerCase() === role!.trim().toLowerCase()))) {
    retired.role = role;
    role = undefined;
    notices.push({ code: 'role_retired', message: `The role "${retired.role}" is not in version ${framework.version}; it is kept aside.` });
  }
  const self = { ...record.self, ratings, role, evidence };
  const next = parseRecord(
    {
      ...record,
      framework: { id: framework.id, version: framework.version },
      self,
      review: record.review ? { ...record.review, items: reviewItems } : undefined,
      migrated: { fromVersion: record.migrated?.fromVersion ?? from, retired },
    },
    framework,
  );
  return { record: next, migrated: true, notices };
}
