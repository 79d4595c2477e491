/**
 * The rating scale as a CASE CFRubric: one criterion ("each statement"), one criterion level per scale value
 * (`quality` the label, `score` the value, `description` the hint, `position` the order). The value a statement
 * must reach to count as met has no CASE property, so it is kept in the rubric's `extensions.levelfit.met`.
 */
import type { Scale } from '../framework/schema.js';
import type { CaseIds } from './ids.js';
import type { CaseIssue, CFRubric } from './types.js';

export function scaleRubric(scale: Scale, frameworkTitle: string, ids: CaseIds, when: string): CFRubric {
  const rubricId = ids.of('rubric/scale');
  const criterionId = ids.of('rubric/scale/criterion');
  return {
    identifier: rubricId,
    uri: ids.uri('CFRubrics', rubricId),
    title: `${frameworkTitle}: rating scale`,
    description: 'How well a person meets each statement of the framework.',
    lastChangeDateTime: when,
    CFRubricCriteria: [
      {
        identifier: criterionId,
        uri: ids.uri('CFRubricCriteria', criterionId),
        description: 'Each statement of the framework is rated on this scale.',
        position: 1,
        rubricId,
        lastChangeDateTime: when,
        CFRubricCriterionLevels: scale.values.map((v, i) => {
          const identifier = ids.of(`rubric/scale/value/${v.value}`);
          return {
            identifier,
            uri: ids.uri('CFRubricCriterionLevels', identifier),
            quality: v.label,
            score: v.value,
            ...(v.hint !== undefined ? { description: v.hint } : {}),
            position: i + 1,
            rubricCriterionId: criterionId,
            lastChangeDateTime: when,
          };
        }),
      },
    ],
    extensions: { levelfit: { met: scale.met } },
  };
}

/** levelfit's default scale, used when a package has no rubric that reads as a rating scale. Our wording. */
export const DEFAULT_SCALE: Scale = {
  met: 2,
  values: [
    { value: 0, label: 'Not yet' },
    { value: 1, label: 'Developing' },
    { value: 2, label: 'Competent' },
    { value: 3, label: 'Proficient' },
  ],
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The scale from a package's rubrics: levelfit's own (it has `extensions.levelfit.met`) or else the first rubric
 * with one criterion whose levels all have whole-number scores 0..100 and a quality. `met` then is the lowest
 * score of the upper half (an assumption, reported as an issue).
 */
export function scaleFromRubrics(rubrics: unknown, issues: CaseIssue[]): Scale {
  const list = Array.isArray(rubrics) ? rubrics : [];
  const candidates = list
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => isObj(r) && Array.isArray(r['CFRubricCriteria']) && r['CFRubricCriteria'].length === 1);
  const ours = candidates.find(({ r }) => isObj((r as { extensions?: unknown }).extensions) && isObj(((r as { extensions: Record<string, unknown> }).extensions)['levelfit']));
  for (const { r, i } of ours ? [ours, ...candidates.filter((c) => c !== ours)] : candidates) {
    const criterion = (r as { CFRubricCriteria: unknown[] }).CFRubricCriteria[0];
    const levels = isObj(criterion) && Array.isArray(criterion['CFRubricCriterionLevels']) ? criterion['CFRubricCriterionLevels'] : [];
    const values = levels
      .filter(isObj)
      .map((l, j) => ({ l, j }))
      .sort((a, b) => (Number(a.l['position'] ?? a.j) - Number(b.l['position'] ?? b.j)) || a.j - b.j)
      .map(({ l }) => l);
    const ok =
      values.length >= 2 &&
      values.length <= 11 &&
      values.every((l) => Number.isInteger(l['score']) && (l['score'] as number) >= 0 && (l['score'] as number) <= 100 && typeof l['quality'] === 'string' && l['quality'] !== '');
    if (!ok) continue;
    const scale: Scale = {
      met: 0,
      values: values.map((l) => ({
        value: l['score'] as number,
        label: l['quality'] as string,
        ...(typeof l['description'] === 'string' && l['description'] !== '' ? { hint: l['description'] } : {}),
      })),
    };
    const ext = (r as { extensions?: { levelfit?: { met?: unknown } } }).extensions?.levelfit?.met;
    if (Number.isInteger(ext)) scale.met = ext as number;
    else {
      const scores = [...scale.values.map((v) => v.value)].sort((a, b) => a - b);
      scale.met = scores[Math.floor(scores.length / 2)]!;
      issues.push({
        code: 'defaulted',
        path: ['CFRubrics', i],
        message: `The rating scale comes from this rubric; it does not say which score counts as met, so levelfit uses ${scale.met} ("${scale.values.find((v) => v.value === scale.met)!.label}") and above.`,
      });
    }
    return scale;
  }
  issues.push({
    code: 'defaulted',
    path: ['CFRubrics'],
    message: 'The package has no rubric that reads as a rating scale, so levelfit uses its own: Not yet, Developing, Competent (met), Proficient.',
  });
  return structuredClone(DEFAULT_SCALE);
}
