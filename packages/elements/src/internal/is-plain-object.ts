/** True for an object that is not null and not an array (a JSON object, or what passes for one). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
