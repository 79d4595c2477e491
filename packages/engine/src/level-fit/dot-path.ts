/**
 * json-rules-engine's default path resolver is jsonpath-plus, whose evaluator has a history of code-execution
 * CVEs. levelfit's rules only ever need plain property paths, so this resolver is handed to the engine instead
 * and jsonpath-plus never runs (the embed bundle replaces it with a stub).
 */
export function resolveDotPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
