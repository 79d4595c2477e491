/**
 * The engine's one zod import. `jitless` is set before any schema is constructed, so zod never probes
 * `new Function` (a strict Content-Security-Policy reports even the caught attempt).
 * zod/mini keeps the embed bundle small and has no JIT path at all.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
