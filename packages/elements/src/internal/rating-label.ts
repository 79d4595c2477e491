import { ratingLabel as scaleLabel, type Framework } from '@levelfit/engine';

/** A rating's label on the framework's scale ("Competent"): the engine's `ratingLabel`, the one definition. */
export function ratingLabel(framework: Pick<Framework, 'scale'>, rating: number): string {
  return scaleLabel(framework.scale, rating);
}
