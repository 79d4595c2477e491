/** The --framework option: a built-in framework id or a framework JSON file. */
import type { SafeResult } from '../errors.js';
import { BUILTIN_IDS, frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { safeParseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { read, UsageError, type CliIo } from './io.js';

export const DEFAULT_FRAMEWORK = 'clinical-homecare';

export function loadFramework(io: CliIo, spec: string | undefined): SafeResult<Framework> {
  const id = spec ?? DEFAULT_FRAMEWORK;
  if (isBuiltinFrameworkId(id)) return { success: true, data: frameworks[id] };
  if (!/[\\/.]/.test(id)) throw new UsageError(`"${id}" is neither a built-in framework (${BUILTIN_IDS.join(', ')}) nor a file`);
  return safeParseFramework(read(io, id));
}
