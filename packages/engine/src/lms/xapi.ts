/**
 * xAPI 1.0.3 statements for a scored quiz, as a pure function (no network: sending is `sendStatements`, which
 * only the embedder calls):
 *
 * - `answered` (ADL) per answered question, the question as a `cmi.interaction` Activity (`choice` or
 *   `true-false`, `correctResponsesPattern`, `choices`), the response in the xAPI response format, the
 *   question's points as `result.score`; parent: the bank, grouping: the framework;
 * - `completed` (ADL) on the bank when every question was answered;
 * - `passed` or `failed` (ADL) on the bank, with the scaled/raw score, when the quiz was completed;
 * - `achieved` (`https://w3id.org/xapi/dod-isd/verbs/achieved`) per framework item whose mastery reaches the
 *   threshold, the item as an `objective` Activity whose definition extensions carry the framework id and
 *   version, the item's code and kind; parent: the framework, other: the bank.
 *
 * The actor is an Agent with exactly one Inverse Functional Identifier: `account` (an opaque LMS account, the
 * private choice), `mbox`, `mbox_sha1sum` or `openid`. An actor with none, several or malformed ones still gives
 * statements (never a TypeError) which `safeToXapiStatements` rejects with issues. Statement ids are random v4
 * UUIDs unless an `idFactory` is given (`deterministicIds(seed)` gives v5 UUIDs, the same on every call).
 */
import { interactionModel, round7, scormDuration, timingOf } from './interaction.js';
import type { LmsBank, LmsIssue, LmsItemMastery, LmsQuestion, LmsQuestionResult, LmsQuizScore, LmsTimings } from './types.js';
import { uuidV4, uuidV5 } from './uuid.js';
import { validateStatements } from './xapi-validate.js';

export const XAPI_VERSION = '1.0.3';

/** Verbs: ADL's (http://adlnet.gov/expapi/verbs/) and the DoD ISD profile's `achieved` (w3id.org). */
export const XAPI_VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  achieved: { id: 'https://w3id.org/xapi/dod-isd/verbs/achieved', display: { 'en-US': 'achieved' } },
} as const satisfies Record<string, XapiVerb>;

/** ADL activity types. */
export const XAPI_ACTIVITY_TYPES = {
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  objective: 'http://adlnet.gov/expapi/activities/objective',
} as const;

/** Extension names; the IRIs are `${extensionBase}${name}` (see `XapiOptions.extensionBase`). */
export const XAPI_EXTENSIONS = [
  'framework-id',
  'framework-version',
  'item-id',
  'item-code',
  'item-kind',
  'item-questions',
  'item-rating',
  'mastery-threshold',
  'pass-mark',
] as const;
export type XapiExtension = (typeof XAPI_EXTENSIONS)[number];

export type LanguageMap = Record<string, string>;
export interface XapiVerb {
  id: string;
  display?: LanguageMap;
}
export interface XapiAccount {
  homePage: string;
  name: string;
}
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}
export interface XapiInteractionComponent {
  id: string;
  description?: LanguageMap;
}
export interface XapiActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  interactionType?: 'true-false' | 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'performance' | 'sequencing' | 'likert' | 'numeric' | 'other';
  correctResponsesPattern?: string[];
  choices?: XapiInteractionComponent[];
  scale?: XapiInteractionComponent[];
  source?: XapiInteractionComponent[];
  target?: XapiInteractionComponent[];
  steps?: XapiInteractionComponent[];
  extensions?: Record<string, unknown>;
}
export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}
export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}
export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}
export interface XapiContext {
  registration?: string;
  contextActivities?: Partial<Record<'parent' | 'grouping' | 'category' | 'other', XapiActivity[]>>;
  revision?: string;
  platform?: string;
  language?: string;
  extensions?: Record<string, unknown>;
}
export interface XapiStatement {
  id?: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
}

/** The learner as an Agent with exactly one Inverse Functional Identifier, and an optional display name. */
export type XapiActor = (
  | { account: XapiAccount }
  | { mbox: string }
  | { mbox_sha1sum: string }
  | { openid: string }
) & { name?: string };

export interface XapiOptions {
  /**
   * The learner: prefer an account on the embedder's system with an opaque name (no e-mail address or person's
   * name leaves the portal); `mbox` (`mailto:`), `mbox_sha1sum` (40 hex) and `openid` are accepted too.
   */
  actor: XapiActor;
  /** Absolute IRI under which the bank, question, framework and item activity ids are made (e.g. `https://lms.example.org/levelfit`). */
  activityBase: string;
  /** The attempt's registration UUID (context.registration). */
  registration?: string;
  /** When the quiz was done (ISO 8601 or a Date; default now). */
  timestamp?: string | Date;
  /** Statement id for a stable key (`answered/<question id>`, `completed`, `passed`, `failed`, `achieved/<item id>`). Default: random v4 UUIDs. */
  idFactory?: (key: string) => string;
  /** Language tag of the bank's text (name/description language maps, context.language). Default `en`. */
  language?: string;
  /** Mastery (0..1) at or above which an item is `achieved`. Default: the bank's pass mark. */
  masteryThreshold?: number;
  /** Base IRI of the extension keys (default `${activityBase}/xapi/extensions/`). */
  extensionBase?: string;
  /** context.platform, e.g. the portal's name. */
  platform?: string;
  /** When each question was answered and how long it took: its `answered` statement's timestamp and `result.duration`. */
  timings?: LmsTimings;
}

/** A v5 UUID factory seeded by the attempt (e.g. its registration): the same statements get the same ids on every call. */
export function deterministicIds(seed: string): (key: string) => string {
  return (key) => uuidV5(`levelfit:${seed}:${key}`);
}

const seg = (id: string) => encodeURIComponent(id);
const trimBase = (base: string) => base.replace(/\/+$/, '');

/** The activity IRIs the statements use, so an LMS can look them up. */
export function xapiActivityIds(activityBase: string, bankId: string, frameworkId: string) {
  const base = trimBase(activityBase);
  const bank = `${base}/banks/${seg(bankId)}`;
  const framework = `${base}/frameworks/${seg(frameworkId)}`;
  return {
    bank,
    framework,
    question: (questionId: string) => `${bank}/questions/${seg(questionId)}`,
    item: (itemId: string) => `${framework}/items/${seg(itemId)}`,
  };
}

function questionDefinition(q: LmsQuestion, lang: string, choicesOf: ReturnType<typeof interactionModel>): XapiActivityDefinition {
  const def: XapiActivityDefinition = {
    name: { [lang]: q.prompt },
    description: { [lang]: q.scenario ? `${q.scenario}\n\n${q.prompt}` : q.prompt },
    type: XAPI_ACTIVITY_TYPES.interaction,
    interactionType: choicesOf.interactionType,
    // An empty pattern list means "no answer is correct" (Data 2.4.4.1.s11), which is what a question without a correct option is.
    correctResponsesPattern: choicesOf.correctPattern === null ? [] : [choicesOf.correctPattern],
  };
  if (choicesOf.interactionType === 'choice') def.choices = choicesOf.choices.map((c) => ({ id: c.id, description: { [lang]: c.text } }));
  return def;
}

function score(raw: number, max: number, scaled?: number): XapiScore | undefined {
  if (!(max > 0)) return scaled === undefined ? undefined : { scaled: round7(scaled) };
  return { scaled: round7(scaled ?? raw / max), raw: round7(raw), min: 0, max: round7(max) };
}

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/**
 * The statement actor from the caller's: the IFIs it has, copied as given (an account as just homePage and name).
 * Nothing here assumes a shape, so a wrong actor (none, two IFIs, a string) reaches the statement rules, which
 * report it as an issue, instead of failing with a TypeError.
 */
function toAgent(given: unknown): XapiAgent {
  const agent: XapiAgent = { objectType: 'Agent' };
  if (typeof given !== 'object' || given === null) return agent;
  const from = given as Record<string, unknown>;
  if (from['name'] !== undefined) agent.name = from['name'] as string;
  for (const key of IFI_KEYS) {
    const value = from[key];
    if (value === undefined) continue;
    if (key === 'account' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const account: Record<string, unknown> = {};
      for (const k of ['homePage', 'name']) if ((value as Record<string, unknown>)[k] !== undefined) account[k] = (value as Record<string, unknown>)[k];
      agent.account = account as unknown as XapiAccount;
    } else (agent as Record<string, unknown>)[key] = value;
  }
  return agent;
}

/** The statements for a scored quiz. Pure: the same input (with `timestamp` and `idFactory`) gives the same statements. */
export function toXapiStatements(result: LmsQuizScore, bank: LmsBank, options: XapiOptions): XapiStatement[] {
  const lang = options.language ?? 'en';
  const ids = xapiActivityIds(options.activityBase, result.bankId, result.frameworkId);
  const ext = options.extensionBase ?? `${trimBase(options.activityBase)}/xapi/extensions/`;
  const x = (name: XapiExtension) => `${ext}${name}`;
  const newId = options.idFactory ?? (() => uuidV4());
  const ts = options.timestamp instanceof Date ? options.timestamp.toISOString() : (options.timestamp ?? new Date().toISOString());
  const threshold = options.masteryThreshold ?? result.passMark;

  const actor = toAgent(options.actor);

  const bankActivity: XapiActivity = {
    objectType: 'Activity',
    id: ids.bank,
    definition: { name: { [lang]: bank.title }, type: XAPI_ACTIVITY_TYPES.assessment },
  };
  if (bank.description) bankActivity.definition!.description = { [lang]: bank.description };
  const frameworkActivity: XapiActivity = {
    objectType: 'Activity',
    id: ids.framework,
    definition: { extensions: { [x('framework-id')]: result.frameworkId, [x('framework-version')]: result.frameworkVersion } },
  };
  const ref = (a: XapiActivity): XapiActivity => ({ objectType: 'Activity', id: a.id });

  const context = (activities: XapiContext['contextActivities'], extra: Partial<XapiContext> = {}): XapiContext => {
    const c: XapiContext = {};
    if (options.registration !== undefined) c.registration = options.registration;
    c.contextActivities = activities;
    c.revision = result.bankVersion;
    if (options.platform !== undefined) c.platform = options.platform;
    c.language = lang;
    return { ...c, ...extra };
  };
  const statement = (key: string, verb: XapiVerb, object: XapiActivity, res: XapiResult | undefined, ctx: XapiContext, at: string = ts): XapiStatement => {
    const s: XapiStatement = { id: newId(key), actor, verb, object };
    if (res) s.result = res;
    s.context = ctx;
    s.timestamp = at;
    return s;
  };

  const out: XapiStatement[] = [];
  const byId = new Map(bank.questions.map((q) => [q.id, q] as const));
  for (const qr of result.questions as readonly LmsQuestionResult[]) {
    const q = byId.get(qr.id);
    if (!q) continue;
    const model = interactionModel(q, qr.selected);
    if (model.response === null) continue; // unanswered: nothing was answered
    const res: XapiResult = { success: qr.correct, response: model.response };
    const sc = score(qr.points, qr.maxPoints);
    if (sc) res.score = sc;
    // A question with a recorded answer time gets it (and its duration); the others, the attempt's timestamp.
    const when = options.timings && Object.hasOwn(options.timings, q.id) ? timingOf(options.timings, q.id, NaN) : null;
    if (when?.ms !== undefined) res.duration = scormDuration(when.ms);
    out.push(
      statement(
        `answered/${q.id}`,
        XAPI_VERBS.answered,
        { objectType: 'Activity', id: ids.question(q.id), definition: questionDefinition(q, lang, model) },
        res,
        context({ parent: [ref(bankActivity)], grouping: [frameworkActivity] }),
        when && Number.isFinite(when.at) ? new Date(when.at).toISOString() : ts,
      ),
    );
  }

  const total = score(result.score.raw, result.score.max, result.score.scaled);
  const passMark = { [x('pass-mark')]: round7(result.passMark) };
  if (result.completed) {
    const res: XapiResult = { completion: true };
    out.push(statement('completed', XAPI_VERBS.completed, bankActivity, res, context({ grouping: [frameworkActivity] })));
    const verdict: XapiResult = { success: result.passed, completion: true };
    if (total) verdict.score = total;
    out.push(
      statement(
        result.passed ? 'passed' : 'failed',
        result.passed ? XAPI_VERBS.passed : XAPI_VERBS.failed,
        bankActivity,
        verdict,
        context({ grouping: [frameworkActivity] }, { extensions: passMark }),
      ),
    );
  }

  for (const item of result.items as readonly LmsItemMastery[]) {
    if (!(item.mastery >= threshold)) continue;
    const extensions: Record<string, unknown> = {
      [x('framework-id')]: result.frameworkId,
      [x('framework-version')]: result.frameworkVersion,
      [x('item-id')]: item.id,
      [x('item-kind')]: item.kind,
    };
    if (item.code !== undefined) extensions[x('item-code')] = item.code;
    const object: XapiActivity = {
      objectType: 'Activity',
      id: ids.item(item.id),
      definition: { name: { [lang]: item.title }, type: XAPI_ACTIVITY_TYPES.objective, extensions },
    };
    out.push(
      statement(
        `achieved/${item.id}`,
        XAPI_VERBS.achieved,
        object,
        {
          success: true,
          score: { scaled: round7(item.mastery) },
          extensions: { [x('item-questions')]: item.questions, [x('item-rating')]: item.rating, [x('mastery-threshold')]: round7(threshold) },
        },
        context({ parent: [frameworkActivity], other: [ref(bankActivity)] }),
      ),
    );
  }
  return out;
}

/** `toXapiStatements`, then the statement rules: the statements, or the issues that would make an LRS reject them. */
export function safeToXapiStatements(
  result: LmsQuizScore,
  bank: LmsBank,
  options: XapiOptions,
): { success: true; data: XapiStatement[] } | { success: false; issues: LmsIssue[] } {
  const data = toXapiStatements(result, bank, options);
  const issues = validateStatements(data);
  return issues.length ? { success: false, issues } : { success: true, data };
}
