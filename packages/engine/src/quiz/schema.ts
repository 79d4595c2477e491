import { z } from '../zod.js';
import { FRAMEWORK_ID_PATTERN, ID_PATTERN, LIMITS } from '../constants.js';
import { SourceSchema } from '../framework/schema.js';
import { COMBINE_MODES, QUESTION_TYPES, QUIZ_LIMITS } from './types.js';

const text = () => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.stringLength));
const id = (pattern: RegExp, what: string) =>
  z.string().check(z.regex(pattern, `${what} must be lower-case letters, digits and single dashes, starting with a letter`));
const share = () => z.number().check(z.gte(0, 'must be at least 0'), z.lte(1, 'must be at most 1'));

export const OptionSchema = z.strictObject({
  id: id(ID_PATTERN, 'an option id'),
  text: text(),
  correct: z.boolean(),
});

export const QuestionSchema = z.strictObject({
  id: id(ID_PATTERN, 'a question id'),
  type: z.enum(QUESTION_TYPES),
  prompt: text(),
  /** Required for `scenario` questions, not allowed on the others. */
  scenario: z.optional(text()),
  options: z.array(OptionSchema).check(z.minLength(2, 'a question needs at least 2 options'), z.maxLength(QUIZ_LIMITS.options)),
  /** Framework item ids the question evidences. */
  items: z
    .array(id(ID_PATTERN, 'an item id'))
    .check(z.minLength(1, 'a question must evidence at least one item'), z.maxLength(QUIZ_LIMITS.itemsPerQuestion)),
  feedback: z.strictObject({ correct: text(), incorrect: text() }),
  /** Default 1. */
  weight: z.optional(z.number().check(z.gt(0, 'must be greater than 0'), z.lte(QUIZ_LIMITS.maxWeight))),
  /** Where the answer comes from: an Act and section, a code, a guideline. */
  reference: z.optional(text()),
});

/** One step of the mastery → rating mapping: `atLeast` (mastery ≥) or `above` (mastery >), exactly one. */
export const ThresholdSchema = z.strictObject({
  rating: z.int(),
  atLeast: z.optional(share()),
  above: z.optional(share()),
});

export const MasterySchema = z.strictObject({
  /** Highest first; mastery that meets none gets the scale's lowest value. Default: from the scale (data/README.md). */
  thresholds: z.optional(z.array(ThresholdSchema).check(z.minLength(1), z.maxLength(QUIZ_LIMITS.thresholds))),
  /** Default `min`. */
  combine: z.optional(z.enum(COMBINE_MODES)),
});

export const QuestionBankSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: id(FRAMEWORK_ID_PATTERN, 'a bank id'),
  title: text(),
  version: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(40)),
  /** The id of the framework whose items the questions evidence. */
  framework: id(FRAMEWORK_ID_PATTERN, 'a framework id'),
  description: z.optional(text()),
  source: z.optional(SourceSchema),
  /** The day someone last checked every question against current legislation and guidance (YYYY-MM-DD). */
  reviewed: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'reviewed must be a date, YYYY-MM-DD'))),
  /** Scaled score (0..1) needed to pass. */
  passMark: share(),
  mastery: z.optional(MasterySchema),
  questions: z.array(QuestionSchema).check(z.minLength(1, 'a bank needs at least one question'), z.maxLength(QUIZ_LIMITS.questions)),
});

export type QuestionOption = z.output<typeof OptionSchema>;
export type Question = z.output<typeof QuestionSchema>;
export type MasteryThreshold = z.output<typeof ThresholdSchema>;
export type MasteryConfig = z.output<typeof MasterySchema>;
export type QuestionBank = Readonly<z.output<typeof QuestionBankSchema>>;
