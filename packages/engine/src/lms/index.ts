/**
 * @levelfit/engine/lms: LMS outputs for scored quizzes, kept out of the main entry (and the embed bundle).
 *
 * - `toXapiStatements` (pure) and `validateStatements` (the xAPI 1.0.3 statement rules);
 * - `sendStatements`: an LRS sender that only runs when embedder code calls it with its own endpoint and auth;
 * - `findScormApi` / `createScormReporter`: SCORM 2004 4th edition runtime reporting and resume;
 * - `findScorm12Api` / `createScorm12Reporter`: the same for SCORM 1.2;
 * - `createCmi5Session`: a cmi5 assignable unit (launch parameters, auth token, LMS.LaunchData, the cmi5
 *   defined statements in order, the draft in the State API).
 *
 * Helpers these use (IRI, UUID and SCORM time formats, suspend-data encoding) stay in their modules.
 */
export * from './types.js';
export {
  XAPI_VERSION,
  XAPI_VERBS,
  XAPI_ACTIVITY_TYPES,
  XAPI_EXTENSIONS,
  toXapiStatements,
  safeToXapiStatements,
  deterministicIds,
  xapiActivityIds,
  type XapiExtension,
  type XapiOptions,
  type XapiActor,
  type XapiStatement,
  type XapiAgent,
  type XapiAccount,
  type XapiVerb,
  type XapiActivity,
  type XapiActivityDefinition,
  type XapiInteractionComponent,
  type XapiResult,
  type XapiScore,
  type XapiContext,
  type LanguageMap,
} from './xapi.js';
export { validateStatement, validateStatements } from './xapi-validate.js';
export { sendStatements, type FetchLike, type LrsAuth, type LrsConfig, type LrsResult } from './lrs.js';
export {
  findScormApi,
  createScormReporter,
  type ScormApi,
  type ScormDraft,
  type ScormOutcome,
  type ScormStart,
  type ScormReporter,
  type ScormReporterOptions,
} from './scorm.js';
export { findScorm12Api, createScorm12Reporter, SCORM12_SUSPEND_DATA_MAX, SCORM12_LOCATION_MAX, type Scorm12Api } from './scorm12.js';
/** Suspend data: what an LMS keeps between sessions (answers, seed, tries), for hosts that resume a quiz themselves. */
export { encodeSuspendData, decodeSuspendData, type SuspendedDraft, type SuspendExtra } from './suspend-data.js';
export {
  createCmi5Session,
  type Cmi5Fetch,
  type Cmi5Outcome,
  type Cmi5Sent,
  type Cmi5Session,
  type Cmi5SessionOptions,
  type Cmi5SessionState,
  type Cmi5Start,
  type Cmi5TokenStore,
} from './cmi5.js';
export {
  CMI5,
  CMI5_LAUNCH_MODES,
  CMI5_MOVE_ON,
  parseCmi5Launch,
  parseLaunchData,
  type Cmi5Launch,
  type Cmi5LaunchData,
  type Cmi5LaunchMode,
  type Cmi5MoveOn,
} from './cmi5-launch.js';
export { CMI5_VERBS, cmi5Statement, cmi5AllowedStatement, judgeCmi5, type Cmi5VerbName, type Cmi5StatementInput } from './cmi5-statements.js';
