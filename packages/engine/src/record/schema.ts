/**
 * The assessment record: a person's self-assessment and a supervisor's review of it, as one versioned piece of
 * data a host stores and passes around. Self-ratings and the reviewer's decisions are kept apart, so the
 * confirmed level never overwrites what the person said.
 *
 * The const arrays are the one source of truth for the schema, the elements and the tests.
 */
import { z } from '../zod.js';
import { FRAMEWORK_ID_PATTERN, ID_PATTERN, LIMITS } from '../constants.js';

/** The record format's version. A record of another format version is refused (there is only one so far). */
export const RECORD_FORMAT = 1 as const;

/**
 * Where a record is in its life: the person submitted it, a reviewer is working on it, the reviewer signed it
 * off, or the reviewer sent it back to the person with a reason.
 */
export const RECORD_STATUSES = ['self-submitted', 'in-review', 'signed-off', 'returned'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** What backs a reviewer's decision on an item. */
export const EVIDENCE_KINDS = ['observation', 'discussion', 'document', 'quiz', 'certificate', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** URL schemes an evidence `ref` may use. Anything else (`javascript:`, `data:`, `file:` …) is an issue. */
export const SAFE_URL_SCHEMES = ['http', 'https', 'mailto', 'tel', 'urn'] as const;

/** Limits that keep hostile records cheap to reject. */
export const RECORD_LIMITS = { evidencePerItem: 50, noteLength: 4000, idLength: 200 } as const;

const text = (max: number = LIMITS.stringLength) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max));
const itemId = () =>
  z.string().check(z.regex(ID_PATTERN, 'an item id must be lower-case letters, digits and single dashes, starting with a letter'));
/** An instant with its offset, as `new Date().toISOString()` writes it. */
const instant = () => z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-12-02T09:30:00Z' });
/** -0 is read as 0, so a record means the same after a trip through JSON (which writes -0 as 0). */
const rating = () => z.int().check(z.gte(0), z.lte(100), z.overwrite((v) => v + 0));

/** Who did something: an opaque id from the host's own systems, and a name and role to show. */
export const PersonRefSchema = z.strictObject({
  id: text(RECORD_LIMITS.idLength),
  name: z.optional(text(200)),
  role: z.optional(text(200)),
});

export const EvidenceSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  label: text(500),
  /** The day the evidence is from. */
  date: z.iso.date({ error: 'must be a date such as 2026-12-02' }),
  /** A link, document reference or quiz id. A `link` needs one; a URL must use a safe scheme (see SAFE_URL_SCHEMES). */
  ref: z.optional(text(2000)),
});

/**
 * A reviewer's decision on one item: `agree` (the self-rating stands) or a different `rating`, never both.
 * An entry with neither (only a note or evidence so far) leaves the item unconfirmed.
 */
export const ItemReviewSchema = z.strictObject({
  agree: z.optional(z.literal(true)),
  rating: z.optional(rating()),
  note: z.optional(text(RECORD_LIMITS.noteLength)),
  evidence: z.optional(z.array(EvidenceSchema).check(z.maxLength(RECORD_LIMITS.evidencePerItem))),
});

export const SelfSchema = z.strictObject({
  /** Rating per item id, on the framework's scale. A missing rating is "not yet". */
  ratings: z.record(itemId(), rating()),
  /** The indicative role the person chose, as the framework names it. */
  role: z.optional(text(200)),
  submittedAt: instant(),
  /** Evidence the person added themselves (a quiz result, a certificate), per item id. */
  evidence: z.optional(z.record(itemId(), z.array(EvidenceSchema).check(z.maxLength(RECORD_LIMITS.evidencePerItem)))),
});

export const ReviewSchema = z.strictObject({
  reviewer: PersonRefSchema,
  items: z.record(itemId(), ItemReviewSchema),
  /** When the reviewer last changed the review (set when they sign off or return it). */
  reviewedAt: z.optional(instant()),
});

export const SignOffSchema = z.strictObject({
  by: PersonRefSchema,
  at: instant(),
  /** The declaration the reviewer confirmed, word for word. */
  declaration: text(),
  /** `sha256:<hex>` over the signed parts (see `recordHash`): a host can tell if the record changed since. */
  hash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 lower-case hex digits')),
});

export const ReturnedSchema = z.strictObject({
  by: PersonRefSchema,
  at: instant(),
  /** What the person should look at again, in the reviewer's words. */
  reason: text(),
});

const retiredId = () => z.string().check(z.minLength(1), z.maxLength(200));

/** Kept when a record is moved onto another version of its framework (see `migrateRecord`). */
export const MigrationSchema = z.strictObject({
  fromVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Self-ratings and review entries for items the new version no longer has: kept, never dropped. */
  retired: z.strictObject({
    ratings: z.record(retiredId(), z.number().check(z.overwrite((v) => v + 0))),
    items: z.record(retiredId(), ItemReviewSchema),
    evidence: z.optional(z.record(retiredId(), z.array(EvidenceSchema).check(z.maxLength(RECORD_LIMITS.evidencePerItem)))),
    role: z.optional(text(200)),
  }),
});

export const AssessmentRecordSchema = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(RECORD_FORMAT, { error: `must be ${RECORD_FORMAT} (the record format this version of levelfit reads)` }),
  framework: z.strictObject({
    id: z.string().check(z.regex(FRAMEWORK_ID_PATTERN, 'a framework id must be lower-case letters, digits and single dashes')),
    version: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
  /** The person assessed: an opaque id from the host's own systems and an optional name to show. */
  person: z.strictObject({
    id: text(RECORD_LIMITS.idLength),
    name: z.optional(text(200)),
  }),
  status: z.enum(RECORD_STATUSES),
  self: SelfSchema,
  review: z.optional(ReviewSchema),
  signOff: z.optional(SignOffSchema),
  returned: z.optional(ReturnedSchema),
  migrated: z.optional(MigrationSchema),
});

export type PersonRef = z.output<typeof PersonRefSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type ItemReview = z.output<typeof ItemReviewSchema>;
export type SelfAssessment = z.output<typeof SelfSchema>;
export type Review = z.output<typeof ReviewSchema>;
export type SignOff = z.output<typeof SignOffSchema>;
export type Returned = z.output<typeof ReturnedSchema>;
export type RecordMigration = z.output<typeof MigrationSchema>;
export type AssessmentRecord = z.output<typeof AssessmentRecordSchema>;
