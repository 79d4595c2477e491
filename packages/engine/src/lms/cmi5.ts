/**
 * A cmi5 assignable-unit session: what a quiz or self-assessment page does when an LMS launches it with cmi5.
 *
 * `start()` fetches the authorization token (once: the fetch URL works only once per launch), reads
 * `LMS.LaunchData` and levelfit's own state document (the saved draft, and which of completed / passed / failed
 * this registration already has), then sends `initialized`. `reportQuiz()` / `complete()` send the cmi5 defined
 * results (each at most once per registration, none outside Normal launch mode), `terminate()` sends
 * `terminated`, after which nothing else is sent. Every request goes through one queue, so the LRS receives the
 * statements in this order whatever the page does. Errors are data: every call resolves with issues.
 *
 * The only hosts contacted are the ones in the launch URL the LMS made (its fetch URL and its LRS endpoint).
 */
import { CMI5, parseCmi5Launch, parseLaunchData, type Cmi5Launch, type Cmi5LaunchData, type Cmi5LaunchMode } from './cmi5-launch.js';
import { cmi5AllowedStatement, cmi5Statement, judgeCmi5, type Cmi5VerbName } from './cmi5-statements.js';
import { sendStatements, type FetchLike } from './lrs.js';
import { decodeSuspendData, encodeSuspendData, type SuspendedDraft, type SuspendExtra } from './suspend-data.js';
import type { LmsAnswers, LmsBank, LmsIssue, LmsQuizScore, LmsTimings } from './types.js';
import { uuidV4 } from './uuid.js';
import { toXapiStatements, type XapiStatement } from './xapi.js';

/** The Fetch API slice the session uses: GET and PUT of state documents besides POSTs (the platform's `fetch` fits). */
export type Cmi5Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** Somewhere to keep the token across reloads of the same launch (e.g. `sessionStorage`), since the fetch URL answers once. */
export interface Cmi5TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Cmi5SessionOptions {
  /** Default: the platform's `fetch`. */
  fetch?: Cmi5Fetch;
  /** Keeps the auth token for a reload of the same launch. Default: none (a reload then cannot fetch a second token). */
  tokenStore?: Cmi5TokenStore;
  /** The clock (milliseconds), for durations and timestamps. Default `Date.now`. */
  now?: () => number;
  /** Statement ids. Default: random v4 UUIDs. */
  idFactory?: (key: string) => string;
  /** The state document levelfit keeps its draft and sent results in. Default `levelfit`. */
  stateId?: string;
  /** Send levelfit's answered / achieved statements too (cmi5 allowed statements). Default true. */
  detail?: boolean;
}

export type Cmi5SessionState = 'new' | 'starting' | 'running' | 'terminated' | 'failed';

/** Which results this registration already has (kept in levelfit's state document). */
export interface Cmi5Sent {
  completed: boolean;
  passed: boolean;
  failed: boolean;
}

export interface Cmi5Start {
  ok: boolean;
  issues: LmsIssue[];
  launchData: Cmi5LaunchData | null;
  /** The draft saved by an earlier session of this registration, or null. */
  draft: SuspendedDraft | null;
  /** The question the learner was on, or null. */
  position: string | number | null;
  sent: Cmi5Sent;
}

export interface Cmi5Outcome {
  ok: boolean;
  issues: LmsIssue[];
  /** The statements the LRS stored in this call. */
  statements: XapiStatement[];
}

export interface Cmi5Session {
  readonly state: Cmi5SessionState;
  readonly launch: Cmi5Launch | null;
  readonly launchData: Cmi5LaunchData | null;
  /** `Normal`, `Browse` or `Review` once started (null before). */
  readonly launchMode: Cmi5LaunchMode | null;
  /** Where the LMS wants the learner sent when the AU ends, or null. */
  readonly returnURL: string | null;
  readonly sent: Readonly<Cmi5Sent>;
  start(): Promise<Cmi5Start>;
  /** Saves the quiz draft to the LRS (levelfit's state document). Not in Browse or Review mode. */
  saveProgress(answers: LmsAnswers, position?: string | number | null, extra?: SuspendExtra): Promise<Cmi5Outcome>;
  /**
   * Reports a scored quiz: levelfit's answered / achieved statements, then `completed` (when every question was
   * answered) and `passed` or `failed` (judged against masteryScore when the LMS set one), each at most once per
   * registration, only in Normal launch mode. The draft is cleared once reported.
   */
  reportQuiz(score: LmsQuizScore, bank: LmsBank, options?: { timings?: LmsTimings; terminate?: boolean }): Promise<Cmi5Outcome>;
  /** `completed` for work without a score (a self-assessment), at most once per registration, only in Normal mode. */
  complete(options?: { extensions?: Record<string, unknown>; terminate?: boolean }): Promise<Cmi5Outcome>;
  /**
   * Sends `terminated` (with the session's duration); nothing is sent after it. `keepalive` lets the request
   * outlive the page, for a page being closed (`pagehide`) before the learner submitted.
   */
  terminate(options?: { keepalive?: boolean }): Promise<Cmi5Outcome>;
}

interface LevelfitState {
  v: 1;
  sent: Cmi5Sent;
  draft?: string;
  position?: string | number;
}

const XAPI_VERSION_HEADER = { 'X-Experience-API-Version': '1.0.3' };
const TOKEN_KEY = (fetchUrl: string) => `levelfit:cmi5:token:${fetchUrl}`;
const ok = (statements: XapiStatement[] = []): Cmi5Outcome => ({ ok: true, issues: [], statements });
const failed = (issues: LmsIssue[]): Cmi5Outcome => ({ ok: false, issues, statements: [] });
const cmi5Issue = (code: LmsIssue['code'], path: string, message: string): LmsIssue => ({ code, path: [path], message });
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A session for this launch. `launch` is the launch URL (e.g. `location`) or parsed launch parameters; a URL
 * without valid parameters gives a session whose `start()` resolves with the issues and sends nothing.
 */
export function createCmi5Session(launch: string | { search: string } | { href: string } | Cmi5Launch, options: Cmi5SessionOptions = {}): Cmi5Session {
  const parsed = typeof launch === 'object' && 'activityId' in launch ? ({ success: true, data: launch } as const) : parseCmi5Launch(launch);
  const params = parsed.success ? parsed.data : null;
  const now = options.now ?? (() => Date.now());
  const newId = options.idFactory ?? (() => uuidV4());
  const stateId = options.stateId ?? 'levelfit';
  const detail = options.detail ?? true;
  const platformFetch = (globalThis as { fetch?: Cmi5Fetch }).fetch;
  const doFetch: Cmi5Fetch | undefined = options.fetch ?? (platformFetch ? (url, init) => platformFetch.call(globalThis, url, init) : undefined);

  let state: Cmi5SessionState = 'new';
  let launchData: Cmi5LaunchData | null = null;
  let auth = '';
  let startedAt = 0;
  let saved: LevelfitState = { v: 1, sent: { completed: false, passed: false, failed: false } };
  let startPromise: Promise<Cmi5Start> | null = null;
  // One queue for every request, so statements reach the LRS in the order they were asked for.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const headers = (extra: Record<string, string> = {}) => ({ ...XAPI_VERSION_HEADER, Authorization: auth, ...extra });
  const endpoint = () => params!.endpoint.replace(/\/+$/, '');
  const stateUrl = (id: string) => {
    const q = new URLSearchParams({ stateId: id, activityId: params!.activityId, agent: JSON.stringify(params!.actor), registration: params!.registration });
    return `${endpoint()}/activities/state?${q.toString()}`;
  };

  async function fetchToken(): Promise<string | LmsIssue> {
    const key = TOKEN_KEY(params!.fetch);
    try {
      const kept = options.tokenStore?.getItem(key);
      if (kept) return kept;
    } catch {
      // storage refused: fetch a token as if none was kept
    }
    let text: string;
    try {
      const res = await doFetch!(params!.fetch, { method: 'POST', headers: {} });
      text = await res.text();
      if (!res.ok) return cmi5Issue('cmi5_auth', 'fetch', `the LMS fetch URL answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    } catch (e) {
      return cmi5Issue('cmi5_auth', 'fetch', `the LMS fetch URL could not be reached: ${messageOf(e)}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b['auth-token'] !== 'string' || b['auth-token'] === '') {
      const why = typeof b['error-text'] === 'string' ? b['error-text'] : typeof b['error-code'] === 'string' ? `error code ${b['error-code']}` : 'no auth-token in the answer';
      return cmi5Issue('cmi5_auth', 'fetch', `the LMS gave no authorization token (${why}); a launch URL works once: launch again from the LMS`);
    }
    try {
      options.tokenStore?.setItem(key, b['auth-token']);
    } catch {
      // not kept: a reload will need a new launch
    }
    return b['auth-token'];
  }

  async function getState(id: string): Promise<{ found: boolean; value?: unknown } | LmsIssue> {
    try {
      const res = await doFetch!(stateUrl(id), { method: 'GET', headers: headers() });
      const text = await res.text();
      if (res.status === 404) return { found: false };
      if (!res.ok) return cmi5Issue('cmi5_state', id, `reading the ${id} state answered ${res.status}`);
      try {
        return { found: true, value: JSON.parse(text) };
      } catch {
        return { found: true, value: text };
      }
    } catch (e) {
      return cmi5Issue('cmi5_state', id, `the LRS could not be reached: ${messageOf(e)}`);
    }
  }

  async function putState(): Promise<LmsIssue[]> {
    try {
      const res = await doFetch!(stateUrl(stateId), { method: 'PUT', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(saved) });
      await res.text().catch(() => '');
      return res.ok ? [] : [cmi5Issue('cmi5_state', stateId, `saving to the LRS answered ${res.status}`)];
    } catch (e) {
      return [cmi5Issue('cmi5_state', stateId, `the LRS could not be reached: ${messageOf(e)}`)];
    }
  }

  async function send(statements: XapiStatement[], keepalive = false): Promise<Cmi5Outcome> {
    if (!statements.length) return ok();
    const res = await sendStatements(statements, { endpoint: params!.endpoint, auth, fetch: doFetch as unknown as FetchLike, ...(keepalive ? { keepalive } : {}) });
    return res.ok ? ok(statements) : failed(res.issues ?? [res.issue]);
  }

  const statement = (verb: Cmi5VerbName, extra: Omit<Parameters<typeof cmi5Statement>[0], 'verb' | 'id' | 'timestamp'> = {}) =>
    cmi5Statement({ verb, id: newId(verb), timestamp: new Date(now()).toISOString(), ...extra }, params!, launchData!);

  const notRunning = (what: string): Cmi5Outcome =>
    failed([cmi5Issue('cmi5_session', what, state === 'terminated' ? `${what}: the session has ended (terminated was sent)` : `${what}: the session is not running (state ${state})`)]);

  function readSaved(value: unknown): { draft: SuspendedDraft | null; position: string | number | null } {
    const v = value as Partial<LevelfitState> | null;
    if (!v || typeof v !== 'object' || v.v !== 1) return { draft: null, position: null };
    const s = (v.sent ?? {}) as Partial<Cmi5Sent>;
    saved = { v: 1, sent: { completed: s.completed === true, passed: s.passed === true, failed: s.failed === true } };
    let draft: SuspendedDraft | null = null;
    if (typeof v.draft === 'string') {
      const d = decodeSuspendData(v.draft);
      if ('draft' in d) {
        draft = d.draft;
        saved.draft = v.draft;
      }
    }
    const position = typeof v.position === 'string' || typeof v.position === 'number' ? v.position : null;
    if (position !== null) saved.position = position;
    return { draft, position };
  }

  async function doStart(): Promise<Cmi5Start> {
    const none: Cmi5Start = { ok: false, issues: [], launchData: null, draft: null, position: null, sent: { ...saved.sent } };
    if (!params) {
      state = 'failed';
      return { ...none, issues: parsed.success ? [] : parsed.issues };
    }
    if (!doFetch) {
      state = 'failed';
      return { ...none, issues: [cmi5Issue('cmi5_session', 'fetch', 'no fetch: pass options.fetch on a platform without one')] };
    }
    state = 'starting';
    const token = await fetchToken();
    if (typeof token !== 'string') {
      state = 'failed';
      return { ...none, issues: [token] };
    }
    auth = `Basic ${token}`;
    const ld = await getState(CMI5.launchDataStateId);
    if ('code' in ld || !ld.found) {
      state = 'failed';
      return { ...none, issues: ['code' in ld ? ld : cmi5Issue('cmi5_launch_data', CMI5.launchDataStateId, 'the LMS has no LMS.LaunchData for this launch')] };
    }
    const parsedData = parseLaunchData(ld.value);
    if (!parsedData.success) {
      state = 'failed';
      return { ...none, issues: parsedData.issues };
    }
    launchData = parsedData.data;
    const issues: LmsIssue[] = [];
    const mine = await getState(stateId);
    // A draft that cannot be read is reported but does not stop the session: the learner starts afresh.
    const resumed = 'code' in mine ? (issues.push(mine), { draft: null, position: null }) : mine.found ? readSaved(mine.value) : { draft: null, position: null };
    startedAt = now();
    const init = await send([statement('initialized')]);
    if (!init.ok) {
      state = 'failed';
      return { ...none, launchData, issues: [...issues, ...init.issues] };
    }
    state = 'running';
    return { ok: true, issues, launchData, ...resumed, sent: { ...saved.sent } };
  }

  async function doTerminate(keepalive = false): Promise<Cmi5Outcome> {
    if (state !== 'running') return notRunning('terminate');
    const out = await send([statement('terminated', { durationMs: now() - startedAt })], keepalive);
    // Even when the LRS refused it, nothing more is sent: terminated must be the last statement.
    state = 'terminated';
    return out;
  }

  /** Sends result statements and then records what was sent, so a later session of this registration sends none again. */
  async function sendResults(statements: XapiStatement[], verbs: Cmi5VerbName[], terminate: boolean, clearDraft: boolean): Promise<Cmi5Outcome> {
    const out = await send(statements);
    const issues = [...out.issues];
    if (out.ok) {
      for (const v of verbs) if (v === 'completed' || v === 'passed' || v === 'failed') saved.sent[v] = true;
      if (clearDraft) {
        delete saved.draft;
        delete saved.position;
      }
      if (verbs.length || clearDraft) issues.push(...(await putState()));
    }
    const all = { ok: out.ok && issues.length === 0, issues, statements: out.statements };
    if (!terminate) return all;
    const end = await doTerminate();
    return { ok: all.ok && end.ok, issues: [...all.issues, ...end.issues], statements: [...all.statements, ...end.statements] };
  }

  return {
    get state() {
      return state;
    },
    launch: params,
    get launchData() {
      return launchData;
    },
    get launchMode() {
      return launchData?.launchMode ?? null;
    },
    get returnURL() {
      return launchData?.returnURL ?? null;
    },
    get sent() {
      return { ...saved.sent };
    },
    start() {
      startPromise ??= enqueue(doStart);
      return startPromise;
    },
    saveProgress(answers, position = null, extra = {}) {
      return enqueue(async () => {
        if (state !== 'running') return notRunning('saveProgress');
        if (launchData!.launchMode !== 'Normal') return ok();
        saved.draft = encodeSuspendData(answers, undefined, extra);
        if (position === null) delete saved.position;
        else saved.position = position;
        const issues = await putState();
        return issues.length ? failed(issues) : ok();
      });
    },
    reportQuiz(score, bank, reportOptions = {}) {
      return enqueue(async () => {
        if (state !== 'running') return notRunning('reportQuiz');
        const terminate = reportOptions.terminate ?? false;
        // Browse and Review launches may look but never record a result (cmi5 10.0 launchMode).
        if (launchData!.launchMode !== 'Normal') return terminate ? doTerminate() : ok();
        const out: XapiStatement[] = [];
        const verbs: Cmi5VerbName[] = [];
        const first = saved.sent;
        if (detail && !first.completed && !first.passed) {
          const levelfit = toXapiStatements(score, bank, {
            actor: params!.actor,
            activityBase: params!.activityId,
            registration: params!.registration,
            timestamp: new Date(now()).toISOString(),
            idFactory: (key) => newId(key),
            ...(reportOptions.timings ? { timings: reportOptions.timings } : {}),
          });
          // levelfit's own completed / passed / failed are replaced by the cmi5 defined ones below
          const allowed = levelfit.filter((s) => !['completed', 'passed', 'failed'].some((v) => s.verb.id.endsWith(`/verbs/${v}`)));
          out.push(...allowed.map((s) => cmi5AllowedStatement(s, params!, launchData!)));
        }
        const durationMs = now() - startedAt;
        if (score.completed && !first.completed) {
          out.push(statement('completed', { durationMs }));
          verbs.push('completed');
        }
        if (score.completed) {
          const passed = judgeCmi5({ scaled: score.score.scaled, passed: score.passed }, launchData!.masteryScore);
          // Passed at most once; failed at most once and never after passed (a later pass after a fail is allowed).
          const verdict: Cmi5VerbName | null = first.passed ? null : passed ? 'passed' : first.failed ? null : 'failed';
          if (verdict) {
            out.push(statement(verdict, { durationMs, score: score.score }));
            verbs.push(verdict);
          }
        }
        return sendResults(out, verbs, terminate, score.completed);
      });
    },
    complete(completeOptions = {}) {
      return enqueue(async () => {
        if (state !== 'running') return notRunning('complete');
        const terminate = completeOptions.terminate ?? false;
        if (launchData!.launchMode !== 'Normal' || saved.sent.completed) return terminate ? doTerminate() : ok();
        const s = statement('completed', { durationMs: now() - startedAt, ...(completeOptions.extensions ? { extensions: completeOptions.extensions } : {}) });
        return sendResults([s], ['completed'], terminate, true);
      });
    },
    terminate(terminateOptions = {}) {
      return enqueue(() => doTerminate(terminateOptions.keepalive ?? false));
    },
  };
}
