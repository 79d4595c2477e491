/**
 * A score as people read it: marks shown whole, or to one decimal when partial credit makes them fractional
 * ("24.7 out of 27", never "24.67"), and a whole percentage rounded half up from the same scaled score the LMS
 * receives, so the page and the LMS agree (4 of 6 is 67% on both).
 */

export interface QuizMarks {
  /** Marks earned, whole or to one decimal. */
  raw: number;
  /** Marks available, whole or to one decimal. */
  max: number;
  /** Whether `raw` and `max` are whole numbers (show them without decimals). */
  whole: boolean;
  /** Whole percent, rounded half up from the scaled score. */
  percent: number;
}

/** One decimal place, half up; the 1e-9 absorbs binary error such as 2.25 stored as 2.2499999. */
const oneDecimal = (x: number) => Math.round(x * 10 + 1e-9) / 10;

/** The whole percentage of a scaled score (0..1), rounded half up: 0.666667 → 67, 0.845 → 85. */
export function percentOf(scaled: number): number {
  return Math.round(scaled * 100 + 1e-9);
}

/** Marks and percentage for display from a score's `{ raw, max, scaled }`. */
export function quizMarks(score: { raw: number; max: number; scaled: number }): QuizMarks {
  const raw = oneDecimal(score.raw);
  const max = oneDecimal(score.max);
  return { raw, max, whole: Number.isInteger(raw) && Number.isInteger(max), percent: percentOf(score.scaled) };
}
