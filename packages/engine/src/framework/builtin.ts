import { BUILTIN_IDS, builtinData, type BuiltinFrameworkId } from './builtin.generated.js';
import { builtinSet } from './builtin-set.js';

export { BUILTIN_IDS, type BuiltinFrameworkId };

// Pure as far as a bundle is concerned: one that takes its frameworks from another set (the embed bundle:
// ../embed.ts) has no use for this one, so it drops the set and its data.
const set = /* @__PURE__ */ builtinSet(BUILTIN_IDS, builtinData);

/**
 * The built-in frameworks by id, validated on first use. `frameworks['clinical-homecare']` is the
 * Clinical Homecare Career and Competence Framework.
 */
export const frameworks = set.frameworks;

export const isBuiltinFrameworkId = set.isBuiltinFrameworkId;
