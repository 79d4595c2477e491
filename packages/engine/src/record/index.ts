/** Assessment records: a self-assessment and a supervisor's review of it, kept apart, signed and verifiable. */
export {
  RECORD_FORMAT,
  RECORD_STATUSES,
  EVIDENCE_KINDS,
  SAFE_URL_SCHEMES,
  RECORD_LIMITS,
  AssessmentRecordSchema,
  type AssessmentRecord,
  type RecordStatus,
  type EvidenceKind,
  type Evidence,
  type ItemReview,
  type PersonRef,
  type SelfAssessment,
  type Review,
  type SignOff,
  type Returned,
  type RecordMigration,
} from './schema.js';
export { parseRecord, safeParseRecord } from './parse.js';
export { isSafeUrl } from './safe-url.js';
export { canonicalJson, recordHash } from './hash.js';
export { verifyRecord, VERIFY_STATUSES, type VerifyStatus, type RecordVerification } from './verify.js';
export { createRecord, startReview, reviewItem, signOffRecord, returnRecord, type CreateRecordInput, type SignOffInput, type ReturnInput } from './lifecycle.js';
export { migrateRecord, RECORD_NOTICE_CODES, type RecordNotice, type RecordNoticeCode, type MigratedRecord } from './migrate.js';
export { confirmLevel, safeConfirmLevel, confirmedRatings, type ConfirmedLevel, type RatingDifference } from './confirm.js';
export { quizEvidence, attachQuizEvidence, type QuizEvidenceOptions } from './quiz-evidence.js';
