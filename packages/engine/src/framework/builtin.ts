import { BUILTIN_IDS, builtinData, type BuiltinFrameworkId } from './builtin.generated.js';
import { builtinSet } from './builtin-set.js';

export { BUILTIN_IDS, type BuiltinFrameworkId };

// Pure: a bundle that takes its frameworks from elsewhere (the embed bundle: ../embed.ts) drops this set and its data.
const set = /* @__PURE__ */ builtinSet(BUILTIN_IDS, builtinData);

/**
 * The built-in frameworks by id, validated on first use. `frameworks['clinical-homecare']` is the
 * Clinical Homecare Career and Competence Framework.
 */
export const frameworks = set.frameworks;

export const isBuiltinFrameworkId = set.isBuiltinFrameworkId;
