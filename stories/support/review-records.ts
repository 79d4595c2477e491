/**
 * A small framework and assessment records in every state a supervisor meets, for the `<lf-review>` and
 * side-by-side `<lf-level-fit>` stories and the browser tests (each story is also a test). Names and wording
 * are made up for the examples.
 */
import {
  createRecord,
  parseFramework,
  returnRecord,
  reviewItem,
  signOffRecord,
  startReview,
  type AssessmentRecord,
  type Framework,
  type ItemReview,
} from '@levelfit/engine';

const rules = [
  {
    name: 'attained',
    conditions: {
      all: [
        { fact: 'competencesMissing', operator: 'equal', value: 0 },
        { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: 0.75 },
      ],
    },
    event: { type: 'attained' },
  },
];

/** Two levels, four competences and two indicators per level: eight items, small enough to review by keyboard. */
export const reviewFramework: Framework = parseFramework({
  id: 'home-visits',
  title: 'Home visits (example framework)',
  version: '1.0',
  source: { title: 'An example framework made up for levelfit stories and tests', publisher: null, date: null },
  scale: {
    met: 2,
    values: [
      { value: 0, label: 'Not yet' },
      { value: 1, label: 'Developing' },
      { value: 2, label: 'Competent' },
      { value: 3, label: 'Proficient' },
    ],
  },
  levels: [
    { id: 'carer', title: 'Care worker', descriptor: ['Gives safe personal care in a person’s home.'], roles: ['Care worker'] },
    { id: 'senior', title: 'Senior care worker', descriptor: ['Leads visits and supports other care workers.'], roles: ['Senior care worker'] },
  ],
  items: [
    { id: 'wash-hands', title: 'Washes hands before and after care', kind: 'competence', levels: ['carer', 'senior'] },
    { id: 'moving-safely', title: 'Helps people move safely', kind: 'competence', levels: ['carer', 'senior'] },
    { id: 'records', title: 'Writes clear visit notes', kind: 'competence', levels: ['carer', 'senior'] },
    { id: 'mentoring', title: 'Shows new care workers what to do', kind: 'competence', levels: ['senior'] },
    { id: 'carer-i1', title: 'Asks the person how they want help', kind: 'indicator', levels: ['carer'] },
    { id: 'carer-i2', title: 'Tells the office about any change', kind: 'indicator', levels: ['carer'] },
    { id: 'senior-i1', title: 'Checks medicines records on each visit', kind: 'indicator', levels: ['senior'] },
    { id: 'senior-i2', title: 'Plans visits with the family', kind: 'indicator', levels: ['senior'] },
  ],
  rules,
});

export const PERSON = { id: 'staff-0042', name: 'Sam Okafor' };
export const REVIEWER = { id: 'sup-007', name: 'Ann Patel', role: 'Field care supervisor' };
export const DECLARATION = 'I watched Sam on two home visits and talked through the notes. The confirmed ratings are fair.';

/** Sam rates themself as a senior care worker. */
export const SELF_RATINGS: Readonly<Record<string, number>> = {
  'wash-hands': 3,
  'moving-safely': 2,
  records: 2,
  mentoring: 2,
  'carer-i1': 3,
  'carer-i2': 2,
  'senior-i1': 2,
  'senior-i2': 2,
};

export function submittedRecord(): AssessmentRecord {
  return createRecord({
    framework: reviewFramework,
    person: PERSON,
    ratings: SELF_RATINGS,
    role: 'Senior care worker',
    submittedAt: '2026-12-01T09:30:00Z',
    evidence: { 'wash-hands': [{ kind: 'certificate', label: 'Infection control course', date: '2026-10-14' }] },
  });
}

/** Ann has agreed with three ratings, lowered one with a note and evidence, and left four. */
export const PARTIAL_REVIEW: Readonly<Record<string, ItemReview>> = {
  'wash-hands': { agree: true },
  'moving-safely': { agree: true, evidence: [{ kind: 'observation', label: 'Hoist transfer, Mrs B', date: '2026-11-28' }] },
  records: { agree: true },
  mentoring: { rating: 1, note: 'Not yet seen showing a new starter. Plan a shadow shift.' },
};

export function inReviewRecord(decisions: Readonly<Record<string, ItemReview>> = PARTIAL_REVIEW): AssessmentRecord {
  let r = startReview(submittedRecord(), REVIEWER);
  for (const [id, entry] of Object.entries(decisions)) r = reviewItem(r, id, entry);
  return r;
}

/** Every item decided: the four above, the rest agreed. */
export const FULL_REVIEW: Readonly<Record<string, ItemReview>> = {
  ...Object.fromEntries(reviewFramework.items.map((i) => [i.id, { agree: true }])),
  ...PARTIAL_REVIEW,
};

export function signedOffRecord(): Promise<AssessmentRecord> {
  return signOffRecord(inReviewRecord(FULL_REVIEW), { by: REVIEWER, declaration: DECLARATION, at: '2026-12-02T14:05:00Z' });
}

/** A signed-off record someone changed afterwards (a rating raised): it no longer verifies. */
export async function tamperedRecord(): Promise<AssessmentRecord> {
  const r = JSON.parse(JSON.stringify(await signedOffRecord())) as AssessmentRecord & { review: { items: Record<string, ItemReview> } };
  r.review.items.mentoring = { rating: 3 };
  return r;
}

export function returnedRecord(): AssessmentRecord {
  return returnRecord(inReviewRecord(), {
    by: REVIEWER,
    reason: 'Please add the dates of your moving and handling refresher, then submit again.',
    at: '2026-12-02T11:00:00Z',
  });
}
