import { BUILTIN_IDS, builtinData, type BuiltinFrameworkId } from './builtin-default.generated.js';
import { builtinSet } from './builtin-set.js';

export { BUILTIN_IDS, type BuiltinFrameworkId };

// Pure: a bundle that takes its frameworks from elsewhere (the embed bundle: ../embed.ts) drops this set and its data.
const set = /* @__PURE__ */ builtinSet(BUILTIN_IDS, builtinData);

/** The default built-in framework alone (Clinical Homecare), as the embed bundle carries it: see ../embed.ts. */
export const frameworks = set.frameworks;

export const isBuiltinFrameworkId = set.isBuiltinFrameworkId;
