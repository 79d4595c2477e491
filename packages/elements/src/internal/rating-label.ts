import type { Framework } from '@levelfit/engine';

/** A rating's label on the framework's scale ("Competent"), or the number itself when the scale lacks it. */
export function ratingLabel(framework: Pick<Framework, 'scale'>, rating: number): string {
  return framework.scale.values.find((v) => v.value === rating)?.label ?? String(rating);
}
