import { parseFramework } from './parse.js';
import type { Framework } from './schema.js';

/**
 * A set of built-in frameworks from generated data: each is validated on first use and kept. The engine has
 * two sets: every framework in data/frameworks (builtin.ts) and the default one alone (builtin-default.ts),
 * which the one-file embed bundle carries.
 */
export function builtinSet<Id extends string>(ids: readonly Id[], data: Record<Id, unknown>) {
  const cache = new Map<Id, Framework>();
  const load = (id: Id): Framework => {
    let fw = cache.get(id);
    if (!fw) {
      fw = parseFramework(data[id]);
      cache.set(id, fw);
    }
    return fw;
  };
  const frameworks: Readonly<Record<Id, Framework>> = Object.freeze(
    Object.defineProperties({}, Object.fromEntries(ids.map((id) => [id, { enumerable: true, get: () => load(id) }]))) as Record<Id, Framework>,
  );
  const isBuiltinFrameworkId = (id: unknown): id is Id => typeof id === 'string' && (ids as readonly string[]).includes(id);
  return { frameworks, isBuiltinFrameworkId };
}
