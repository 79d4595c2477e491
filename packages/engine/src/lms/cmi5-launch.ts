/**
 * What an LMS hands a cmi5 assignable unit (cmi5 "Quartz" section 8.1 and 10): the five launch parameters on
 * the launch URL's query string, and the `LMS.LaunchData` state document. Both are read as untrusted input
 * and give issues, never exceptions.
 */
import type { LmsIssue } from './types.js';
import { isIri, isUuid, validateStatement } from './xapi-validate.js';
import type { XapiActor, XapiContext } from './xapi.js';

/** The cmi5 profile's IRIs (category activities, context extension, the state document id). */
export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  masteryScoreExtension: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  sessionIdExtension: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  launchDataStateId: 'LMS.LaunchData',
} as const;

export const CMI5_LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;
export type Cmi5LaunchMode = (typeof CMI5_LAUNCH_MODES)[number];
export const CMI5_MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type Cmi5MoveOn = (typeof CMI5_MOVE_ON)[number];

/** The launch parameters (section 8.1): where the LRS is, how to get a token, who and which attempt. */
export interface Cmi5Launch {
  /** The LRS endpoint the statements and state go to. */
  endpoint: string;
  /** The one-time URL that gives the authorization token (section 8.2). */
  fetch: string;
  /** The learner, as the LMS gave it (an Agent with an account). */
  actor: XapiActor;
  /** The course registration (a UUID): every statement carries it. */
  registration: string;
  /** The AU's activity id: the object of every cmi5 defined statement. */
  activityId: string;
}

/** `LMS.LaunchData` (section 10.0): how the LMS wants this session run. */
export interface Cmi5LaunchData {
  contextTemplate: XapiContext;
  launchMode: Cmi5LaunchMode;
  moveOn: Cmi5MoveOn;
  /** 0..1: at or above is passed (it overrides the bank's own pass mark). */
  masteryScore?: number;
  /** Where the learner goes back to when the AU ends. */
  returnURL?: string;
  /** Free text the course author set for this AU. */
  launchParameters?: string;
  entitlementKey?: { courseStructure?: string; alternate?: string };
}

type Parsed<T> = { success: true; data: T } | { success: false; issues: LmsIssue[] };

const issue = (path: string, message: string, code: LmsIssue['code'] = 'cmi5_launch'): LmsIssue => ({ code, path: [path], message });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Just the query string of a launch URL, a `Location`, a `URL` or the query string itself. */
function queryOf(from: string | { search: string } | { href: string }): string {
  if (typeof from !== 'string') return 'search' in from ? from.search : new URL(from.href).search;
  const q = from.indexOf('?');
  if (q >= 0) return from.slice(q).split('#')[0]!;
  return /^[a-z][a-z0-9+.-]*:/i.test(from) ? '' : from;
}

/**
 * The launch parameters from the launch URL (e.g. `location`). Every one is required: a page opened without
 * them (outside the LMS, or with a hand-edited URL) gets one issue per missing or malformed parameter.
 */
export function parseCmi5Launch(from: string | { search: string } | { href: string }): Parsed<Cmi5Launch> {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(queryOf(from));
  } catch {
    return { success: false, issues: [issue('launch', 'the launch URL could not be read')] };
  }
  const issues: LmsIssue[] = [];
  const url = (name: 'endpoint' | 'fetch'): string => {
    const v = params.get(name);
    if (v === null || v === '') issues.push(issue(name, `the launch URL has no ${name} parameter (was the page opened from the LMS?)`));
    else if (!/^https?:\/\/[^\s/]/i.test(v) || !isIri(v)) issues.push(issue(name, `${name} must be an absolute http(s) URL`));
    return v ?? '';
  };
  const endpoint = url('endpoint');
  const fetchUrl = url('fetch');
  const registration = params.get('registration') ?? '';
  if (!isUuid(registration)) issues.push(issue('registration', registration ? 'registration must be a UUID' : 'the launch URL has no registration parameter'));
  const activityId = params.get('activityId') ?? '';
  if (!isIri(activityId)) issues.push(issue('activityId', activityId ? 'activityId must be an absolute IRI' : 'the launch URL has no activityId parameter'));
  let actor: unknown;
  const rawActor = params.get('actor');
  if (rawActor === null) issues.push(issue('actor', 'the launch URL has no actor parameter'));
  else {
    try {
      actor = JSON.parse(rawActor);
    } catch {
      issues.push(issue('actor', 'actor must be JSON (an xAPI Agent)'));
    }
    if (actor !== undefined) {
      // The statement rules already know what a valid Agent is: check it as the actor of a minimal statement.
      const agentIssues = validateStatement({ actor, verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' }, object: { id: 'https://example.org/a' } }).filter(
        (i) => i.path[0] === 'actor',
      );
      if (!isObj(actor) || agentIssues.length) issues.push(issue('actor', `actor is not a valid xAPI Agent${agentIssues[0] ? `: ${agentIssues[0].message}` : ''}`));
    }
  }
  if (issues.length) return { success: false, issues };
  return { success: true, data: { endpoint, fetch: fetchUrl, actor: actor as XapiActor, registration, activityId } };
}

/** `LMS.LaunchData` as read from the State API, checked field by field. */
export function parseLaunchData(raw: unknown): Parsed<Cmi5LaunchData> {
  const bad = (path: string, message: string) => issue(path, `LMS.LaunchData: ${message}`, 'cmi5_launch_data');
  if (!isObj(raw)) return { success: false, issues: [bad('LMS.LaunchData', 'not a JSON object')] };
  const issues: LmsIssue[] = [];
  const { contextTemplate, launchMode, moveOn, masteryScore, returnURL, launchParameters, entitlementKey } = raw;
  if (!isObj(contextTemplate)) issues.push(bad('contextTemplate', 'contextTemplate must be an object'));
  if (!CMI5_LAUNCH_MODES.includes(launchMode as Cmi5LaunchMode)) issues.push(bad('launchMode', `launchMode must be one of ${CMI5_LAUNCH_MODES.join(', ')}`));
  if (!CMI5_MOVE_ON.includes(moveOn as Cmi5MoveOn)) issues.push(bad('moveOn', `moveOn must be one of ${CMI5_MOVE_ON.join(', ')}`));
  if (masteryScore !== undefined && !(typeof masteryScore === 'number' && masteryScore >= 0 && masteryScore <= 1))
    issues.push(bad('masteryScore', 'masteryScore must be a number from 0 to 1'));
  if (returnURL !== undefined && typeof returnURL !== 'string') issues.push(bad('returnURL', 'returnURL must be a string'));
  if (issues.length) return { success: false, issues };
  const data: Cmi5LaunchData = { contextTemplate: contextTemplate as XapiContext, launchMode: launchMode as Cmi5LaunchMode, moveOn: moveOn as Cmi5MoveOn };
  if (typeof masteryScore === 'number') data.masteryScore = masteryScore;
  if (typeof returnURL === 'string' && returnURL !== '') data.returnURL = returnURL;
  if (typeof launchParameters === 'string') data.launchParameters = launchParameters;
  if (isObj(entitlementKey)) data.entitlementKey = entitlementKey as Cmi5LaunchData['entitlementKey'] & object;
  return { success: true, data };
}
