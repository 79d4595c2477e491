/**
 * @levelfit/engine/open-badges: an Open Badges 3.0 OpenBadgeCredential (unsigned) for a level a person reached.
 * Signing is the issuer's server's job (see credential.ts).
 */
export * from './types.js';
export { toOpenBadgeCredential, safeToOpenBadgeCredential, type OpenBadgeOptions, type OpenBadgeResult } from './credential.js';
export { awardedLevel, type BadgeLevelInput, type AwardedLevel } from './level-input.js';
