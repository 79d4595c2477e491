/**
 * Question banks: const arrays (the one source of truth for the schema, the elements and the tests) and the
 * shapes `scoreQuiz` returns. The bank's own shape is derived from the zod schema in `./schema.ts`.
 */
import type { ItemKind } from '../constants.js';
import type { LevelFit, Responses } from '../level-fit/types.js';
import type { Framework } from '../framework/schema.js';

/** What a question asks for: one option, any number of options, true or false, or one option after a scenario. */
export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'scenario'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Question types scored all-or-nothing on exactly one correct option. */
export const SINGLE_ANSWER_TYPES = ['single', 'true-false', 'scenario'] as const satisfies readonly QuestionType[];

/**
 * How quiz evidence and self-ratings combine into the ratings the framework's rules see, per item the bank
 * evidences (items no question evidences keep the self-rating):
 * - `min`: the lower of the two (the quiz must confirm what the person claims; the default);
 * - `max`: the higher of the two (the quiz can only add evidence);
 * - `quiz-only`: the quiz-derived rating replaces the self-rating;
 * - `self-only`: the self-rating stands (mastery is still reported);
 * - `quiz-caps-self`: the self-rating stands unless the quiz shows the item below the scale's `met` value,
 *   in which case it is capped at the quiz-derived rating (the quiz can veto "met", never raise a rating).
 */
export const COMBINE_MODES = ['min', 'max', 'quiz-only', 'self-only', 'quiz-caps-self'] as const;
export type CombineMode = (typeof COMBINE_MODES)[number];

/** Limits that keep hostile banks cheap to reject. */
export const QUIZ_LIMITS = { questions: 500, options: 12, itemsPerQuestion: 30, thresholds: 11, maxWeight: 100, attempts: 100, tries: 50 } as const;

/**
 * How answers count: `practice` scores the final answers and may be checked as often as the learner likes (it
 * does not count); `assessment` scores each question's first checked answer (or the final answer of a question
 * never checked), so guessing until "Correct" earns nothing.
 */
export const QUIZ_MODES = ['practice', 'assessment'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

/** In assessment mode: `lock` (an answer cannot change once checked) or `first-try` (it can, but the first check counts). */
export const CHECKED_ANSWER_MODES = ['lock', 'first-try'] as const;
export type CheckedAnswerMode = (typeof CHECKED_ANSWER_MODES)[number];

/** Default of `mastery.minQuestions`: one question is too little to call anyone's knowledge of an item the top rating. */
export const DEFAULT_MIN_QUESTIONS = 2;

/** Selected option ids per question id. A missing question or an empty list is unanswered. */
export type QuizAnswers = Record<string, string[]>;

export interface ScoreQuizOptions {
  /** The framework the bank evidences (default: the built-in framework named by `bank.framework`). */
  framework?: Framework;
  /** Self-ratings. Without them the quiz is the only evidence (`quiz-only`); with them, `combine` applies. */
  responses?: Responses;
  /** Level id to list gaps against, as in `assess`. */
  target?: string;
  /** An indicative role title, as in `assess`. */
  role?: string;
  /** Overrides the bank's `mastery.combine`. */
  combine?: CombineMode;
  /** `practice` (default) or `assessment`: which answer counts when a question was checked more than once. */
  mode?: QuizMode;
  /** Each checked selection per question id, oldest first (every press of "Check answer"). */
  tries?: Record<string, string[][]>;
  /** The attempt's seed (`arrangeQuiz`): required when the bank has pools, so only the drawn questions count. */
  seed?: number;
}

export interface QuestionResult {
  id: string;
  type: QuestionType;
  /** Full credit. */
  correct: boolean;
  selected: string[];
  /** credit × weight, where credit is 0..1 (see data/README.md, "Scoring"). */
  points: number;
  /** The question's weight. */
  maxPoints: number;
  items: string[];
  /** Whether any option was selected. */
  answered: boolean;
  /** Times the answer was checked (at least 1 for an answered question). */
  attempts: number;
  /** The checked selections, oldest first (empty when the answer was never checked). */
  tries: string[][];
}

export interface ItemMastery {
  id: string;
  title: string;
  kind: ItemKind;
  code?: string;
  /** Σ points ÷ Σ maxPoints over the questions that evidence the item (0..1). */
  mastery: number;
  /** How many of the questions asked evidence the item. */
  questions: number;
  /** True when too few questions evidence the item for the top rating (`mastery.minQuestions`), so the rating was capped below it. */
  capped: boolean;
  /** The scale value the mastery thresholds give. */
  rating: number;
  /** The person's self-rating, or null when they gave none. */
  selfRating: number | null;
  /** The rating the level fit used (see `combine`). */
  combinedRating: number;
}

export interface QuizScore {
  bankId: string;
  bankVersion: string;
  frameworkId: string;
  frameworkVersion: string;
  score: { raw: number; max: number; scaled: number };
  passed: boolean;
  passMark: number;
  /** Which answers counted (see QUIZ_MODES). */
  mode: QuizMode;
  /** The seed the questions were drawn and ordered with, or null. */
  seed: number | null;
  /** Every question answered. */
  completed: boolean;
  questions: QuestionResult[];
  /** The framework items the bank evidences, in framework order. */
  items: ItemMastery[];
  /** How quiz evidence and self-ratings were combined. */
  combine: CombineMode;
  /** The ratings the level fit was computed from (self-ratings, with the bank's items combined). */
  ratings: Record<string, number>;
  levelFit: LevelFit;
}
