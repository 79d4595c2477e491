/**
 * The shapes the LMS outputs read. They are structural: `QuestionBank` and `QuizScore` from `@levelfit/engine`
 * satisfy them, and so does any object with these fields (an LMS vendor can build one from stored results).
 */

/** Codes of the issues the LMS outputs return. Errors are data: `{code, path, message}`, never thrown. */
export const LMS_ISSUE_CODES = [
  // xAPI statement rules (xapi-validate.ts)
  'invalid_type',
  'missing_property',
  'unrecognized_keys',
  'invalid_value',
  'invalid_iri',
  'invalid_uuid',
  'invalid_ifi',
  'invalid_mbox',
  'invalid_language_map',
  'invalid_timestamp',
  'invalid_duration',
  'invalid_version',
  'out_of_range',
  'invalid_response',
  'duplicate_id',
  'not_allowed',
  // LRS sender (lrs.ts)
  'invalid_config',
  'lrs_unavailable',
  'lrs_http_error',
  'lrs_network_error',
  'lrs_invalid_response',
  // SCORM adapter (scorm.ts)
  'scorm_error',
  'scorm_state',
  'too_big',
  'invalid_suspend_data',
  // cmi5 assignable unit (cmi5*.ts)
  'cmi5_launch',
  'cmi5_launch_data',
  'cmi5_auth',
  'cmi5_state',
  'cmi5_session',
] as const;
export type LmsIssueCode = (typeof LMS_ISSUE_CODES)[number];

export interface LmsIssue {
  code: LmsIssueCode;
  /** Where: a property path into a statement (`[0, 'actor', 'account', 'homePage']`) or a CMI element (`['cmi.score.scaled']`). */
  path: (string | number)[];
  message: string;
}

/** The question types a bank may hold (the quiz contract). */
export type LmsQuestionType = 'single' | 'multiple' | 'true-false' | 'scenario';

export interface LmsOption {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
}

export interface LmsQuestion {
  readonly id: string;
  readonly type: LmsQuestionType;
  readonly prompt: string;
  readonly scenario?: string | undefined;
  readonly options: readonly LmsOption[];
  readonly items: readonly string[];
  readonly weight?: number | undefined;
}

/** What the LMS outputs read from a question bank. */
export interface LmsBank {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly framework: string;
  readonly passMark: number;
  readonly description?: string | undefined;
  readonly questions: readonly LmsQuestion[];
}

export interface LmsQuestionResult {
  readonly id: string;
  readonly type: LmsQuestionType;
  readonly correct: boolean;
  readonly selected: readonly string[];
  readonly points: number;
  readonly maxPoints: number;
  readonly items: readonly string[];
  /** Times the answer was checked before submitting (reported when given). */
  readonly attempts?: number | undefined;
  /** The checked selections, oldest first (SCORM journals the ones after the first). */
  readonly tries?: readonly (readonly string[])[] | undefined;
}

export interface LmsItemMastery {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly code?: string | undefined;
  /** 0..1 */
  readonly mastery: number;
  readonly questions: number;
  readonly rating: number;
}

/** What the LMS outputs read from a scored quiz (`scoreQuiz`'s result). */
export interface LmsQuizScore {
  readonly bankId: string;
  readonly bankVersion: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly score: { readonly raw: number; readonly max: number; readonly scaled: number };
  readonly passed: boolean;
  readonly passMark: number;
  /** `practice` or `assessment` (reported when given). */
  readonly mode?: string | undefined;
  /** The seed the questions were drawn and ordered with (reported when given). */
  readonly seed?: number | null | undefined;
  readonly completed: boolean;
  readonly questions: readonly LmsQuestionResult[];
  readonly items: readonly LmsItemMastery[];
}

/**
 * When each question was answered and how long the learner took over it, by question id: the quiz records
 * these (`at`: a Date, ISO string or epoch milliseconds; `ms`: the time from showing the question to the answer).
 * Without them an interaction is stamped with the report's time and has no latency.
 */
export type LmsTimings = Readonly<Record<string, { readonly at: Date | string | number; readonly ms?: number }>>;

/** Selected option ids per question id (the quiz's `QuizAnswers`). */
export type LmsAnswers = Readonly<Record<string, readonly string[]>>;

/** A question's response in the SCORM 2004 / xAPI interaction model. */
export interface InteractionModel {
  interactionType: 'choice' | 'true-false';
  /** Choice ids (sanitised option ids), empty for true-false. */
  choices: { id: string; text: string }[];
  /** The correct response pattern, or null when the question has no correct option. */
  correctPattern: string | null;
  /** The learner's response pattern, or null when nothing was selected. */
  response: string | null;
}
