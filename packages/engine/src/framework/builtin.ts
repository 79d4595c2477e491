import { BUILTIN_IDS, builtinData, type BuiltinFrameworkId } from './builtin.generated.js';
import { parseFramework } from './parse.js';
import type { Framework } from './schema.js';

export { BUILTIN_IDS, type BuiltinFrameworkId };

const cache = new Map<BuiltinFrameworkId, Framework>();

function load(id: BuiltinFrameworkId): Framework {
  let fw = cache.get(id);
  if (!fw) {
    fw = parseFramework(builtinData[id]);
    cache.set(id, fw);
  }
  return fw;
}

/**
 * The built-in frameworks by id, validated on first use. `frameworks['clinical-homecare']` is the
 * Clinical Homecare Career and Competence Framework.
 */
export const frameworks: Readonly<Record<BuiltinFrameworkId, Framework>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(BUILTIN_IDS.map((id) => [id, { enumerable: true, get: () => load(id) }])),
  ) as Record<BuiltinFrameworkId, Framework>,
);

export function isBuiltinFrameworkId(id: unknown): id is BuiltinFrameworkId {
  return typeof id === 'string' && (BUILTIN_IDS as readonly string[]).includes(id);
}
