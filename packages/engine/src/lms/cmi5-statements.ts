/**
 * cmi5 statements as pure functions: the "cmi5 defined" ones an AU sends (initialized, completed, passed,
 * failed, terminated; cmi5 section 9) and the "cmi5 allowed" ones (levelfit's answered / achieved
 * statements) made to fit a cmi5 session. Every one carries the LMS's context template and the registration.
 */
import { round7, scormDuration } from './interaction.js';
import { CMI5, type Cmi5Launch, type Cmi5LaunchData } from './cmi5-launch.js';
import type { XapiActivity, XapiContext, XapiResult, XapiScore, XapiStatement, XapiVerb } from './xapi.js';

export const CMI5_VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const satisfies Record<string, XapiVerb>;
export type Cmi5VerbName = keyof typeof CMI5_VERBS;

/** The verbs the LMS judges moveOn by: they carry the `moveon` category (section 9.6.2.2). */
const MOVE_ON_VERBS: ReadonlySet<Cmi5VerbName> = new Set(['completed', 'passed', 'failed']);

type ContextActivities = NonNullable<XapiContext['contextActivities']>;
type ActivityList = XapiActivity | XapiActivity[] | undefined;

/** xAPI lets a context activity list be one object or an array; merging wants arrays. */
const list = (v: ActivityList): XapiActivity[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A copy of JSON data (the template came from the LRS as JSON), so no statement shares objects with another. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The context template with a statement's own context merged in: activity lists joined (the template's first,
 * each id once), extensions joined, the registration from the launch. The template's values win where both set
 * one (the LMS relies on its sessionid), except the lists, which keep everything.
 */
export function withContextTemplate(own: XapiContext | undefined, launch: Cmi5Launch, launchData: Cmi5LaunchData, categories: readonly string[] = []): XapiContext {
  const template = copy(launchData.contextTemplate ?? {}) as XapiContext & { contextActivities?: Record<string, ActivityList> };
  const mine = copy(own ?? {}) as XapiContext & { contextActivities?: Record<string, ActivityList> };
  const ctx: XapiContext = { ...mine, ...template, registration: launch.registration };
  const activities: ContextActivities = {};
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const joined = [...list(template.contextActivities?.[key]), ...list(mine.contextActivities?.[key])];
    if (key === 'category') joined.push(...categories.map((id) => ({ objectType: 'Activity' as const, id })));
    const seen = new Set<string>();
    const unique = joined.filter((a) => !seen.has(a.id) && seen.add(a.id));
    if (unique.length) activities[key] = unique;
  }
  if (Object.keys(activities).length) ctx.contextActivities = activities;
  else delete ctx.contextActivities;
  const extensions = { ...(mine.extensions ?? {}), ...(template.extensions ?? {}) };
  if (Object.keys(extensions).length) ctx.extensions = extensions;
  else delete ctx.extensions;
  return ctx;
}

export interface Cmi5StatementInput {
  verb: Cmi5VerbName;
  id: string;
  timestamp: string;
  /** The time this verb's duration covers (required for completed, passed, failed and terminated). */
  durationMs?: number;
  /** passed / failed only: the score (scaled 0..1; raw, min and max only when they are whole numbers, as cmi5 asks). */
  score?: { raw: number; max: number; scaled: number };
  /** Result extensions (e.g. the level a self-assessment reached on `completed`). */
  extensions?: Record<string, unknown>;
}

function cmi5Score(s: NonNullable<Cmi5StatementInput['score']>): XapiScore {
  const score: XapiScore = { scaled: round7(Math.min(1, Math.max(0, s.scaled))) };
  if (Number.isInteger(s.raw) && Number.isInteger(s.max) && s.max > 0 && s.raw >= 0 && s.raw <= s.max) Object.assign(score, { raw: s.raw, min: 0, max: s.max });
  return score;
}

/**
 * One cmi5 defined statement: the AU (the launch's activityId) as object, the launch's actor, the context
 * template with the cmi5 category (and moveon for completed / passed / failed, the mastery score on passed /
 * failed when the LMS set one), and only the result properties section 9.5 allows for the verb.
 */
export function cmi5Statement(input: Cmi5StatementInput, launch: Cmi5Launch, launchData: Cmi5LaunchData): XapiStatement {
  const { verb } = input;
  const categories: string[] = [CMI5.category];
  if (MOVE_ON_VERBS.has(verb)) categories.push(CMI5.moveOnCategory);
  const context = withContextTemplate(undefined, launch, launchData, categories);
  if ((verb === 'passed' || verb === 'failed') && launchData.masteryScore !== undefined)
    context.extensions = { ...(context.extensions ?? {}), [CMI5.masteryScoreExtension]: launchData.masteryScore };
  const result: XapiResult = {};
  if (verb === 'passed') result.success = true;
  if (verb === 'failed') result.success = false;
  if (verb === 'completed') result.completion = true;
  if ((verb === 'passed' || verb === 'failed') && input.score) result.score = cmi5Score(input.score);
  if (verb !== 'initialized' && input.durationMs !== undefined) result.duration = scormDuration(input.durationMs);
  if (input.extensions && Object.keys(input.extensions).length) result.extensions = input.extensions;
  const statement: XapiStatement = {
    id: input.id,
    actor: copy(launch.actor) as XapiStatement['actor'],
    verb: CMI5_VERBS[verb],
    object: { objectType: 'Activity', id: launch.activityId },
  };
  if (Object.keys(result).length) statement.result = result;
  statement.context = context;
  statement.timestamp = input.timestamp;
  return statement;
}

/**
 * A levelfit statement (answered, achieved) as a "cmi5 allowed" statement of this session: the launch's actor
 * and registration, and the context template merged in (no cmi5 category: section 9.6.2.1 keeps that for cmi5
 * defined statements).
 */
export function cmi5AllowedStatement(statement: XapiStatement, launch: Cmi5Launch, launchData: Cmi5LaunchData): XapiStatement {
  return { ...statement, actor: copy(launch.actor) as XapiStatement['actor'], context: withContextTemplate(statement.context, launch, launchData) };
}

/**
 * Passed or failed for a quiz score: against the LMS's masteryScore when it set one (cmi5 10.0: the AU must use
 * it), otherwise the bank's own pass mark.
 */
export function judgeCmi5(score: { scaled: number; passed: boolean }, masteryScore: number | undefined): boolean {
  return masteryScore === undefined ? score.passed : round7(score.scaled) >= masteryScore;
}
