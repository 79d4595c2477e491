/**
 * What the SCORM 1.2 and SCORM 2004 reporters share: finding the API in the window hierarchy, calling it (every
 * call followed by the last-error check, a non-zero code becoming an issue, a throwing API never breaking the
 * quiz), the session's states, resuming a draft from `cmi.suspend_data`, saving one within the version's limit,
 * and ending the session. What differs (method and element names, limits, time formats, how a result is
 * written) is a `ScormProfile`: scorm.ts (2004) and scorm12.ts (1.2).
 */
import type { LmsAnswers, LmsBank, LmsIssue, LmsQuizScore, LmsTimings } from './types.js';
import { decodeSuspendData, encodeSuspendData, type SuspendedDraft, type SuspendExtra } from './suspend-data.js';

/** Read a property of a window that may be cross-origin (reading throws there). */
function read(win: unknown, key: string): unknown {
  try {
    return (win as Record<string, unknown> | null)?.[key];
  } catch {
    return undefined;
  }
}

/** The window and its parents (at most `maxDepth` steps up): the API if one holds it, else the top reached. */
function scan<T>(win: unknown, key: string, isApi: (v: unknown) => v is T, maxDepth: number): { api: T | null; top: unknown } {
  let w = win;
  for (let depth = 0; ; depth++) {
    const api = read(w, key);
    if (isApi(api)) return { api, top: w };
    const parent = read(w, 'parent');
    if (!parent || parent === w || depth >= maxDepth) return { api: null, top: w };
    w = parent;
  }
}

/**
 * The API discovery algorithm: the window, then its parent chain; then the opener's window and its parent chain
 * (and the top window's opener, for content opened from a frame). Null when no window in reach has one.
 */
export function discoverApi<T>(win: unknown, key: string, isApi: (v: unknown) => v is T, maxDepth = 500): T | null {
  if (!win) return null;
  const own = scan(win, key, isApi, maxDepth);
  if (own.api) return own.api;
  for (const opener of [read(win, 'opener'), read(own.top, 'opener')]) {
    if (!opener) continue;
    const found = scan(opener, key, isApi, maxDepth);
    if (found.api) return found.api;
  }
  return null;
}

/** An object whose methods are all functions. */
export const hasMethods = (value: unknown, methods: readonly string[]): boolean =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');

/** The eight calls both API versions have, under their own names. */
export interface ScormCalls {
  initialize(): unknown;
  terminate(): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(): unknown;
  getLastError(): unknown;
  getErrorString(code: string): unknown;
  getDiagnostic(code: string): unknown;
}

/** What a reporter writes with: calls whose failures become issues. */
export interface ScormWriter {
  readonly issues: LmsIssue[];
  get(element: string, optional?: boolean): string;
  set(element: string, value: string): boolean;
  /** Existing rows of a collection by id (when its ids can be read), and the next free index. */
  rows(collection: string, readIds: boolean): ScormRows;
}

export interface ScormRows {
  index: Map<string, number>;
  next: number;
  /** The row with this id: an earlier session's, or the next free one with its id written (`fresh`). */
  row(id: string): { n: number; fresh: boolean };
}

export interface ScormProfile {
  /** The API's method names, for messages (`Initialize` / `LMSInitialize` …). */
  names: Record<'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit', string>;
  /** Data model elements for resuming, saving and ending. */
  elements: Record<'entry' | 'suspendData' | 'location' | 'exit' | 'sessionTime', string>;
  /** `cmi.suspend_data`'s and the location's largest length (characters). */
  suspendDataMax: number;
  locationMax: number;
  /** The exit value of a completed attempt (2004 `normal`; 1.2 has none, so the empty string). */
  exitNormal: string;
  /** Error codes a GetValue of an element nothing was stored in may give (not an issue when reading a draft). */
  notInitialized: readonly string[];
  /** The session time in this version's format. */
  duration(ms: number): string;
  /** Writes score, status, objectives and interactions. */
  writeResult(w: ScormWriter, score: LmsQuizScore, bank: LmsBank, context: { threshold: number; now: number; timings: LmsTimings | undefined }): void;
}

/** What `start()` found: where the learner left off. */
export interface ScormDraft extends SuspendedDraft {
  /** The location element (the question the learner was on), or null. */
  position: string | null;
}

export interface ScormOutcome {
  ok: boolean;
  issues: LmsIssue[];
}

export interface ScormStart extends ScormOutcome {
  /** The entry element: `ab-initio`, `resume` or `` (the LMS does not say). */
  entry: string;
  /** A draft to resume, or null (new attempt, nothing saved, or saved data that could not be read). */
  draft: ScormDraft | null;
}

export interface ScormReporterOptions {
  /** The bank this SCO delivers: saved with the draft, and a draft of another bank is not resumed. */
  bank?: { id: string; version: string };
  /** Mastery (0..1) at or above which an item's objective is `passed`. Default: the bank's pass mark. */
  masteryThreshold?: number;
  /** Clock for interaction timestamps and session time (default `Date.now`). */
  now?: () => number;
}

export interface ScormReporter {
  /** Initialize, then read the entry and `cmi.suspend_data` for a draft to resume. */
  start(): ScormStart;
  /**
   * Save a draft: `cmi.suspend_data`, the location, exit = suspend, then Commit. A draft longer than the
   * version allows is not written (the LMS keeps its previous data) and gives a `too_big` issue.
   */
  saveProgress(answers: LmsAnswers, position?: string | number, extra?: SuspendExtra): ScormOutcome;
  /**
   * Write the result: score, status, one objective per framework item, one interaction per question, exit
   * (normal when completed, suspend otherwise; a completed attempt's `cmi.suspend_data` is cleared), then
   * Commit (and Terminate with `terminate: true`). With `timings`, each interaction gets the time its question
   * was answered and its latency; without, the report's time.
   */
  report(score: LmsQuizScore, bank: LmsBank, options?: { terminate?: boolean; timings?: LmsTimings }): ScormOutcome;
  /** The session time, then Terminate. */
  terminate(): ScormOutcome;
  readonly state: 'new' | 'running' | 'terminated';
}

const okValue = (v: unknown) => v === true || v === 'true';

export function createReporter(api: ScormCalls, profile: ScormProfile, options: ScormReporterOptions = {}): ScormReporter {
  const now = options.now ?? (() => Date.now());
  const { names, elements: el } = profile;
  let state: 'new' | 'running' | 'terminated' = 'new';
  let startedAt = 0;

  /** Run one API call, then the last-error check; record an issue for a non-zero code (or a thrown error). */
  function call(issues: LmsIssue[], fn: string, element: string | null, run: () => unknown): unknown {
    const path = [element ?? fn];
    const what = `${fn}${element ? `("${element}")` : ''}`;
    let ret: unknown;
    try {
      ret = run();
    } catch (e) {
      issues.push({ code: 'scorm_error', path, message: `${what} threw: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
    let code = '0';
    try {
      code = String(api.getLastError() ?? '0');
    } catch {
      code = '0';
    }
    if (code !== '0' && code !== '') {
      let text = '';
      let diagnostic = '';
      try {
        text = String(api.getErrorString(code) ?? '');
        diagnostic = String(api.getDiagnostic(code) ?? '');
      } catch {
        /* the message is what we have */
      }
      issues.push({ code: 'scorm_error', path, message: `SCORM error ${code}${text ? ` (${text})` : ''}${diagnostic && diagnostic !== text ? `: ${diagnostic}` : ''} in ${what}` });
    } else if (fn !== names.getValue && (ret === false || ret === 'false')) {
      issues.push({ code: 'scorm_error', path, message: `${what} returned false (last error: ${code})` });
    }
    return ret;
  }

  const writer = (issues: LmsIssue[]): ScormWriter => {
    const w: ScormWriter = {
      issues,
      get(element, optional = false) {
        const own: LmsIssue[] = [];
        const v = call(own, names.getValue, element, () => api.getValue(element));
        const quiet = new RegExp(`^SCORM error (${profile.notInitialized.join('|') || 'none'})\\b`);
        issues.push(...(optional ? own.filter((i) => !quiet.test(i.message)) : own));
        return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
      },
      set: (element, value) => okValue(call(issues, names.setValue, element, () => api.setValue(element, value))),
      rows(collection, readIds) {
        const index = new Map<string, number>();
        const count = Number.parseInt(w.get(`${collection}._count`), 10);
        const n = Number.isFinite(count) && count > 0 ? count : 0;
        if (readIds)
          for (let i = 0; i < n; i++) {
            const id = w.get(`${collection}.${i}.id`);
            if (id && !index.has(id)) index.set(id, i);
          }
        const rows: ScormRows = {
          index,
          next: n,
          row(id) {
            const known = index.get(id);
            if (known !== undefined) return { n: known, fresh: false };
            const fresh = rows.next++;
            index.set(id, fresh);
            w.set(`${collection}.${fresh}.id`, id);
            return { n: fresh, fresh: true };
          },
        };
        return rows;
      },
    };
    return w;
  };
  const commit = (issues: LmsIssue[]) => call(issues, names.commit, null, () => api.commit());
  const outcome = (issues: LmsIssue[]): ScormOutcome => ({ ok: issues.length === 0, issues });
  const notRunning = (what: string): ScormOutcome =>
    outcome([{ code: 'scorm_state', path: [what], message: state === 'new' ? `${what} before start(): the SCORM session is not initialized` : `${what} after terminate(): the SCORM session has ended` }]);

  return {
    get state() {
      return state;
    },

    start() {
      const issues: LmsIssue[] = [];
      if (state === 'running') return { ok: false, issues: [{ code: 'scorm_state', path: ['start'], message: 'start() was already called' }], entry: '', draft: null };
      if (state === 'terminated') return { ...notRunning('start'), entry: '', draft: null };
      const init = call(issues, names.initialize, null, () => api.initialize());
      if (!okValue(init)) return { ok: false, issues, entry: '', draft: null };
      state = 'running';
      startedAt = now();
      const w = writer(issues);
      const entry = w.get(el.entry, true);
      const suspend = entry === 'ab-initio' ? '' : w.get(el.suspendData, true);
      let draft: ScormDraft | null = null;
      if (suspend) {
        const decoded = decodeSuspendData(suspend);
        if ('issue' in decoded) issues.push(decoded.issue);
        else if (options.bank && decoded.draft.bankId !== null && decoded.draft.bankId !== options.bank.id)
          issues.push({ code: 'invalid_suspend_data', path: ['cmi.suspend_data'], message: `the saved draft is for bank "${decoded.draft.bankId}", not "${options.bank.id}"` });
        else draft = { ...decoded.draft, position: w.get(el.location, true) || null };
      }
      return { ...outcome(issues), entry, draft };
    },

    saveProgress(answers, position, extra) {
      if (state !== 'running') return notRunning('saveProgress');
      const issues: LmsIssue[] = [];
      const w = writer(issues);
      const data = encodeSuspendData(answers, options.bank, extra);
      const length = [...data].length;
      if (length > profile.suspendDataMax)
        return outcome([
          {
            code: 'too_big',
            path: [el.suspendData],
            message: `The saved answers need ${length} characters but ${el.suspendData} holds ${profile.suspendDataMax}: they were not saved, and the LMS keeps what it had.`,
          },
        ]);
      w.set(el.suspendData, data);
      if (position !== undefined) {
        const location = String(position);
        if ([...location].length > profile.locationMax) issues.push({ code: 'too_big', path: [el.location], message: `the position is longer than ${el.location}'s ${profile.locationMax} characters` });
        else w.set(el.location, location);
      }
      w.set(el.exit, 'suspend');
      commit(issues);
      return outcome(issues);
    },

    report(score, bank, reportOptions = {}) {
      if (state !== 'running') return notRunning('report');
      const t = options.masteryThreshold;
      if (t !== undefined && !(typeof t === 'number' && t >= 0 && t <= 1)) {
        // NaN would fail every objective and -1 pass every one: report it and write nothing
        return outcome([{ code: 'out_of_range', path: ['options', 'masteryThreshold'], message: `masteryThreshold must be a number from 0 to 1, not ${String(t)}` }]);
      }
      const issues: LmsIssue[] = [];
      const w = writer(issues);
      profile.writeResult(w, score, bank, { threshold: options.masteryThreshold ?? score.passMark, now: now(), timings: reportOptions.timings });
      // A completed attempt has nothing to resume: its draft would only fill the LMS's suspend data.
      if (score.completed) w.set(el.suspendData, '');
      w.set(el.exit, score.completed ? profile.exitNormal : 'suspend');
      commit(issues);
      if (reportOptions.terminate) issues.push(...this.terminate().issues);
      return outcome(issues);
    },

    terminate() {
      if (state !== 'running') return notRunning('terminate');
      const issues: LmsIssue[] = [];
      writer(issues).set(el.sessionTime, profile.duration(now() - startedAt));
      call(issues, names.terminate, null, () => api.terminate());
      state = 'terminated';
      return outcome(issues);
    },
  };
}
