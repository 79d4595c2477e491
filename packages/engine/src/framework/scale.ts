/**
 * A framework's rating scale: how a rating reads. Every place that shows a rating (the explanation, the
 * elements' answers, matrix and quiz) takes its words from here.
 */
import type { Scale } from './schema.js';

/** The label of a rating on the scale ("Competent"), or the number as text when the scale has no such value. */
export function ratingLabel(scale: Scale, rating: unknown): string {
  return scale.values.find((v) => v.value === rating)?.label ?? String(rating);
}
