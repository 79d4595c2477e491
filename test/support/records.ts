/**
 * Assessment record factories, shared by the node, browser and e2e suites: a submitted record, a reviewed one
 * and a signed-off one in one line each, so each test states only what it is about.
 */
import {
  createRecord,
  reviewItem,
  signOffRecord,
  startReview,
  type AssessmentRecord,
  type Framework,
  type ItemReview,
  type PersonRef,
} from '../../packages/engine/src/index.ts';

export const PERSON = { id: 'staff-0042', name: 'Sam Carer' } as const;
export const REVIEWER: PersonRef = { id: 'sup-007', name: 'Ann Supervisor', role: 'Registered manager' };
export const DECLARATION = 'I observed this practice and confirm the ratings above are a fair record.';
export const SUBMITTED_AT = '2026-12-01T09:30:00Z';
export const SIGNED_AT = '2026-12-02T14:00:00Z';

/** A submitted self-assessment for `fw` with these ratings. */
export function submitted(fw: Framework, ratings: Readonly<Record<string, number>>, role?: string): AssessmentRecord {
  return createRecord({ framework: fw, person: { ...PERSON }, ratings, role, submittedAt: SUBMITTED_AT });
}

/** A record in review with these decisions per item id. */
export function reviewed(fw: Framework, ratings: Readonly<Record<string, number>>, decisions: Readonly<Record<string, ItemReview>>): AssessmentRecord {
  let r = startReview(submitted(fw, ratings), REVIEWER);
  for (const [id, entry] of Object.entries(decisions)) r = reviewItem(r, id, entry);
  return r;
}

/** A signed-off record (every item agreed unless `decisions` says otherwise). */
export async function signedOff(
  fw: Framework,
  ratings: Readonly<Record<string, number>>,
  decisions: Readonly<Record<string, ItemReview>> = {},
): Promise<AssessmentRecord> {
  const all: Record<string, ItemReview> = Object.fromEntries(fw.items.map((i) => [i.id, { agree: true }]));
  return signOffRecord(reviewed(fw, ratings, { ...all, ...decisions }), { by: REVIEWER, declaration: DECLARATION, at: SIGNED_AT });
}

/** A plain JSON copy (what a server stores and a browser gets back). */
export const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
