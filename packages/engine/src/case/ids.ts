/**
 * Stable identifiers for exported CASE records: name-based (v5) UUIDs, so exporting the same framework again
 * gives the same identifiers and an LMS that imported it before updates its records instead of adding copies.
 * The document's UUID comes from the framework id; every other record's from the document's UUID and the record's
 * own key (`item/k1`, `level/level-2`, `isChildOf/<origin>/<destination>`).
 */
import { URL_NAMESPACE, uuidV5 } from '../lms/uuid.js';

/** The namespace of levelfit's CASE document UUIDs (itself a v5 UUID of a fixed name). */
export const CASE_NAMESPACE = uuidV5('urn:levelfit:case', URL_NAMESPACE);

export type CaseRecordKind = 'CFDocuments' | 'CFItems' | 'CFAssociations' | 'CFItemTypes' | 'CFLicenses' | 'CFRubrics' | 'CFRubricCriteria' | 'CFRubricCriterionLevels';

export interface CaseIds {
  document: string;
  /** The UUID of a record of the document, from its key. */
  of: (key: string) => string;
  /** The URI of a record: `${baseUri}/<kind>/<uuid>` (the CASE REST paths), or `urn:uuid:<uuid>` without a base. */
  uri: (kind: CaseRecordKind, identifier: string) => string;
}

export function caseIds(frameworkId: string, baseUri?: string): CaseIds {
  const document = uuidV5(`framework/${frameworkId}`, CASE_NAMESPACE);
  const base = baseUri?.replace(/\/+$/, '');
  return {
    document,
    of: (key) => uuidV5(key, document),
    uri: (kind, identifier) => (base ? `${base}/${kind}/${identifier}` : `urn:uuid:${identifier}`),
  };
}

/** The URI `toCase` gives a framework item (or level) with these options: what an Open Badge aligns to. */
export function caseItemUri(frameworkId: string, key: { item: string } | { level: string }, baseUri?: string): string {
  const ids = caseIds(frameworkId, baseUri);
  return ids.uri('CFItems', ids.of('item' in key ? `item/${key.item}` : `level/${key.level}`));
}
