import { frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { QUIZ_IDS, quizData, type BuiltinQuizId } from './banks.generated.js';
import { parseQuestionBank } from './parse.js';
import type { QuestionBank } from './schema.js';

export { QUIZ_IDS, type BuiltinQuizId };

const cache = new Map<BuiltinQuizId, QuestionBank>();

function load(id: BuiltinQuizId): QuestionBank {
  let bank = cache.get(id);
  if (!bank) {
    const data = quizData[id] as { framework?: unknown };
    const fw = isBuiltinFrameworkId(data.framework) ? frameworks[data.framework] : undefined;
    bank = parseQuestionBank(data, fw);
    cache.set(id, bank);
  }
  return bank;
}

/**
 * The built-in question banks by id, validated (against their built-in framework) on first use.
 * `quizzes['clinical-homecare-core']` evidences the clinical homecare competences.
 */
export const quizzes: Readonly<Record<BuiltinQuizId, QuestionBank>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(QUIZ_IDS.map((id) => [id, { enumerable: true, get: () => load(id) }])),
  ) as Record<BuiltinQuizId, QuestionBank>,
);

export function isBuiltinQuizId(id: unknown): id is BuiltinQuizId {
  return typeof id === 'string' && (QUIZ_IDS as readonly string[]).includes(id);
}
