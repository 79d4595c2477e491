/**
 * A SCORM 2004 (4th edition) adapter. `findScormApi` runs the API discovery algorithm (RTE 3.3.6.1: the window,
 * its parents up to the top, then the opener and its parents); `createScormReporter` writes a scored quiz to
 * the LMS through that API and resumes drafts from `cmi.suspend_data`.
 *
 * After every API call it reads `GetLastError`; a non-zero code becomes an issue
 * `{code: 'scorm_error', path: ['cmi.…'], message: 'SCORM error 407 (…): <GetDiagnostic>'}`. It never throws,
 * even when the API does (a broken LMS cannot break the quiz).
 */
import { formatReal, interactionModel, scormDuration, scormIdentifier, scormTime, truncate } from './interaction.js';
import type { LmsAnswers, LmsBank, LmsIssue, LmsQuizScore } from './types.js';

/** The SCORM 2004 API instance (`API_1484_11`) as the RTE defines it. */
export interface ScormApi {
  Initialize(parameter: ''): unknown;
  Terminate(parameter: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(parameter: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(errorCode: string): unknown;
  GetDiagnostic(errorCode: string): unknown;
}

const API_METHODS = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'] as const;

/** The SPM (smallest permitted maximum) of `cmi.suspend_data` in SCORM 2004 4th edition. */
export const SUSPEND_DATA_SPM = 64000;
/** The SPM of `cmi.location`. */
export const LOCATION_SPM = 1000;

export function isScormApi(value: unknown): value is ScormApi {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && API_METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
}

/** Read a property of a window that may be cross-origin (reading throws there). */
function read(win: unknown, key: string): unknown {
  try {
    return (win as Record<string, unknown> | null)?.[key];
  } catch {
    return undefined;
  }
}

/** The window and its parents (at most `maxDepth` steps up): the API if one holds it, else the top reached. */
function scan(win: unknown, maxDepth: number): { api: ScormApi | null; top: unknown } {
  let w = win;
  for (let depth = 0; ; depth++) {
    const api = read(w, 'API_1484_11');
    if (isScormApi(api)) return { api, top: w };
    const parent = read(w, 'parent');
    if (!parent || parent === w || depth >= maxDepth) return { api: null, top: w };
    w = parent;
  }
}

/**
 * Find the SCORM 2004 API: the window, then its parent chain; then the opener's window and its parent chain
 * (and the top window's opener, for content opened from a frame). Null when no window in reach has one.
 */
export function findScormApi(win: unknown, options: { maxDepth?: number } = {}): ScormApi | null {
  const maxDepth = options.maxDepth ?? 500;
  if (!win) return null;
  const own = scan(win, maxDepth);
  if (own.api) return own.api;
  for (const opener of [read(win, 'opener'), read(own.top, 'opener')]) {
    if (!opener) continue;
    const found = scan(opener, maxDepth);
    if (found.api) return found.api;
  }
  return null;
}

/** What `start()` found: where the learner left off. */
export interface ScormDraft {
  answers: Record<string, string[]>;
  /** `cmi.location` (the question the learner was on), or null. */
  position: string | null;
  bankId: string | null;
  bankVersion: string | null;
  /** The seed the questions were drawn and ordered with, or null. */
  seed: number | null;
  /** Checked selections per question, oldest first (so a resumed assessment still scores the first try). */
  tries: Record<string, string[][]>;
}

/** What a draft carries besides the answers. */
export interface ScormProgressExtra {
  seed?: number | null;
  tries?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

export interface ScormOutcome {
  ok: boolean;
  issues: LmsIssue[];
}

export interface ScormStart extends ScormOutcome {
  /** `cmi.entry`: `ab-initio`, `resume` or `` (the LMS does not say). */
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
  /** Initialize, then read `cmi.entry` and `cmi.suspend_data` for a draft to resume. */
  start(): ScormStart;
  /** Save a draft: `cmi.suspend_data` (≤ 64000 characters), `cmi.location`, `cmi.exit` = suspend, then Commit. */
  saveProgress(answers: LmsAnswers, position?: string | number, extra?: ScormProgressExtra): ScormOutcome;
  /**
   * Write the result: score, completion and success status, one objective per framework item, one interaction
   * per question, `cmi.exit` (normal when completed, suspend otherwise), then Commit (and Terminate with `terminate: true`).
   */
  report(score: LmsQuizScore, bank: LmsBank, options?: { terminate?: boolean }): ScormOutcome;
  /** `cmi.session_time`, then Terminate. */
  terminate(): ScormOutcome;
  readonly state: 'new' | 'running' | 'terminated';
}

const SUSPEND_VERSION = 1;

const stringList = (ids: unknown): string[] => (Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);

/** The draft as `cmi.suspend_data` holds it (compact JSON; `s` the seed and `t` the tries only when there are some). */
export function encodeSuspendData(answers: LmsAnswers, bank?: { id: string; version: string }, extra: ScormProgressExtra = {}): string {
  const a: Record<string, string[]> = {};
  for (const [q, ids] of Object.entries(answers)) if (Array.isArray(ids)) a[q] = stringList(ids);
  const data: Record<string, unknown> = bank ? { v: SUSPEND_VERSION, b: bank.id, r: bank.version, a } : { v: SUSPEND_VERSION, a };
  if (typeof extra.seed === 'number') data['s'] = extra.seed;
  const t: Record<string, string[][]> = {};
  for (const [q, list] of Object.entries(extra.tries ?? {})) if (Array.isArray(list) && list.length) t[q] = list.map(stringList);
  if (Object.keys(t).length) data['t'] = t;
  return JSON.stringify(data);
}

/** Read `cmi.suspend_data` back: the draft, or an issue when it is not levelfit's. */
export function decodeSuspendData(text: string): { draft: Omit<ScormDraft, 'position'> } | { issue: LmsIssue } {
  const bad = (why: string) => ({ issue: { code: 'invalid_suspend_data' as const, path: ['cmi.suspend_data'], message: `cmi.suspend_data is not a levelfit draft: ${why}` } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad('not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('not an object');
  const d = data as Record<string, unknown>;
  if (d['v'] !== SUSPEND_VERSION) return bad(`unknown format version ${JSON.stringify(d['v'])}`);
  const raw = d['a'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('no answers');
  const answers: Record<string, string[]> = Object.create(null);
  for (const [q, ids] of Object.entries(raw as Record<string, unknown>)) {
    if (q === '__proto__' || !Array.isArray(ids)) continue;
    answers[q] = stringList(ids);
  }
  const tries: Record<string, string[][]> = Object.create(null);
  const t = d['t'];
  if (typeof t === 'object' && t !== null && !Array.isArray(t)) {
    for (const [q, list] of Object.entries(t as Record<string, unknown>)) if (q !== '__proto__' && Array.isArray(list)) tries[q] = list.map(stringList);
  }
  const seed = d['s'];
  return {
    draft: {
      answers: { ...answers },
      bankId: typeof d['b'] === 'string' ? d['b'] : null,
      bankVersion: typeof d['r'] === 'string' ? d['r'] : null,
      seed: typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : null,
      tries: { ...tries },
    },
  };
}

const okValue = (v: unknown) => v === true || v === 'true';

/** A reporter over a SCORM 2004 API (from `findScormApi`). */
export function createScormReporter(api: ScormApi, options: ScormReporterOptions = {}): ScormReporter {
  const now = options.now ?? (() => Date.now());
  let state: 'new' | 'running' | 'terminated' = 'new';
  let startedAt = 0;

  /** Run one API call, then GetLastError; record an issue for a non-zero code (or a thrown error). */
  function call(issues: LmsIssue[], fn: (typeof API_METHODS)[number], element: string | null, run: () => unknown): unknown {
    const path = [element ?? fn];
    let ret: unknown;
    try {
      ret = run();
    } catch (e) {
      issues.push({ code: 'scorm_error', path, message: `${fn}${element ? `("${element}")` : ''} threw: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
    let code = '0';
    try {
      code = String(api.GetLastError() ?? '0');
    } catch {
      code = '0';
    }
    if (code !== '0' && code !== '') {
      let text = '';
      let diagnostic = '';
      try {
        text = String(api.GetErrorString(code) ?? '');
        diagnostic = String(api.GetDiagnostic(code) ?? '');
      } catch {
        /* the message is what we have */
      }
      issues.push({
        code: 'scorm_error',
        path,
        message: `SCORM error ${code}${text ? ` (${text})` : ''}${diagnostic && diagnostic !== text ? `: ${diagnostic}` : ''} in ${fn}${element ? `("${element}")` : ''}`,
      });
    } else if (fn !== 'GetValue' && (ret === false || ret === 'false')) {
      issues.push({ code: 'scorm_error', path, message: `${fn}${element ? `("${element}")` : ''} returned false (GetLastError: ${code})` });
    }
    return ret;
  }
  /** GetValue; with `optional`, error 403 (Data Model Element Value Not Initialized: nothing stored yet) is an empty value, not an issue. */
  const get = (issues: LmsIssue[], element: string, optional = false) => {
    const own: LmsIssue[] = [];
    const v = call(own, 'GetValue', element, () => api.GetValue(element));
    issues.push(...(optional ? own.filter((i) => !/^SCORM error 403\b/.test(i.message)) : own));
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  };
  const set = (issues: LmsIssue[], element: string, value: string) => okValue(call(issues, 'SetValue', element, () => api.SetValue(element, value)));
  const commit = (issues: LmsIssue[]) => call(issues, 'Commit', null, () => api.Commit(''));
  const outcome = (issues: LmsIssue[]): ScormOutcome => ({ ok: issues.length === 0, issues });
  const notRunning = (what: string): ScormOutcome =>
    outcome([{ code: 'scorm_state', path: [what], message: state === 'new' ? `${what} before start(): the SCORM session is not initialized` : `${what} after terminate(): the SCORM session has ended` }]);

  /** Existing rows of a collection (`cmi.objectives`, `cmi.interactions`) by id, and the next free index. */
  function rows(issues: LmsIssue[], collection: string): { index: Map<string, number>; next: number } {
    const index = new Map<string, number>();
    const count = Number.parseInt(get(issues, `${collection}._count`), 10);
    const n = Number.isFinite(count) && count > 0 ? count : 0;
    for (let i = 0; i < n; i++) {
      const id = get(issues, `${collection}.${i}.id`);
      if (id && !index.has(id)) index.set(id, i);
    }
    return { index, next: n };
  }

  /** One journal record for a further check of a question's answer: its response, its result and "Check 2: …" before the prompt. */
  function journal(issues: LmsIssue[], q: LmsBank['questions'][number], id: string, check: number, selected: readonly string[], stamp: string, interactions: { next: number }): void {
    const model = interactionModel(q, selected);
    if (model.response === null) return;
    const el = `cmi.interactions.${interactions.next++}`;
    set(issues, `${el}.id`, id);
    set(issues, `${el}.type`, model.interactionType);
    set(issues, `${el}.timestamp`, stamp);
    set(issues, `${el}.learner_response`, model.response);
    if (model.correctPattern !== null) set(issues, `${el}.correct_responses.0.pattern`, model.correctPattern);
    const correct = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
    const picked = new Set(selected);
    const right = picked.size === correct.size && [...picked].every((o) => correct.has(o));
    set(issues, `${el}.result`, right ? 'correct' : 'incorrect');
    set(issues, `${el}.description`, truncate(`Check ${check}: ${q.prompt}`, 250));
  }

  return {
    get state() {
      return state;
    },

    start() {
      const issues: LmsIssue[] = [];
      if (state === 'running') return { ok: false, issues: [{ code: 'scorm_state', path: ['start'], message: 'start() was already called' }], entry: '', draft: null };
      if (state === 'terminated') return { ...notRunning('start'), entry: '', draft: null };
      const init = call(issues, 'Initialize', null, () => api.Initialize(''));
      if (!okValue(init)) return { ok: false, issues, entry: '', draft: null };
      state = 'running';
      startedAt = now();
      const entry = get(issues, 'cmi.entry', true);
      const suspend = entry === 'ab-initio' ? '' : get(issues, 'cmi.suspend_data', true);
      let draft: ScormDraft | null = null;
      if (suspend) {
        const decoded = decodeSuspendData(suspend);
        if ('issue' in decoded) issues.push(decoded.issue);
        else if (options.bank && decoded.draft.bankId !== null && decoded.draft.bankId !== options.bank.id)
          issues.push({ code: 'invalid_suspend_data', path: ['cmi.suspend_data'], message: `the saved draft is for bank "${decoded.draft.bankId}", not "${options.bank.id}"` });
        else draft = { ...decoded.draft, position: get(issues, 'cmi.location', true) || null };
      }
      return { ...outcome(issues), entry, draft };
    },

    saveProgress(answers, position, extra) {
      if (state !== 'running') return notRunning('saveProgress');
      const issues: LmsIssue[] = [];
      const data = encodeSuspendData(answers, options.bank, extra);
      if ([...data].length > SUSPEND_DATA_SPM)
        return outcome([{ code: 'too_big', path: ['cmi.suspend_data'], message: `the draft is ${[...data].length} characters; cmi.suspend_data holds ${SUSPEND_DATA_SPM}` }]);
      set(issues, 'cmi.suspend_data', data);
      if (position !== undefined) {
        const location = String(position);
        if ([...location].length > LOCATION_SPM) issues.push({ code: 'too_big', path: ['cmi.location'], message: `the position is longer than cmi.location's ${LOCATION_SPM} characters` });
        else set(issues, 'cmi.location', location);
      }
      set(issues, 'cmi.exit', 'suspend');
      commit(issues);
      return outcome(issues);
    },

    report(score, bank, reportOptions = {}) {
      if (state !== 'running') return notRunning('report');
      const issues: LmsIssue[] = [];
      const threshold = options.masteryThreshold ?? score.passMark;
      const stamp = scormTime(new Date(now()));

      set(issues, 'cmi.score.scaled', formatReal(score.score.scaled));
      if (score.score.max > 0) {
        set(issues, 'cmi.score.raw', formatReal(score.score.raw));
        set(issues, 'cmi.score.min', '0');
        set(issues, 'cmi.score.max', formatReal(score.score.max));
      }
      const answered = score.questions.filter((q) => q.selected.length > 0).length;
      if (score.questions.length) set(issues, 'cmi.progress_measure', formatReal(answered / score.questions.length));
      set(issues, 'cmi.completion_status', score.completed ? 'completed' : 'incomplete');
      set(issues, 'cmi.success_status', score.completed ? (score.passed ? 'passed' : 'failed') : 'unknown');

      // One objective per framework item the bank evidences (ids kept from an earlier session are reused).
      const objectives = rows(issues, 'cmi.objectives');
      for (const item of score.items) {
        const id = scormIdentifier(item.id, 4000);
        let n = objectives.index.get(id);
        if (n === undefined) {
          n = objectives.next++;
          objectives.index.set(id, n);
          set(issues, `cmi.objectives.${n}.id`, id);
        }
        const itemQuestions = score.questions.filter((q) => q.items.includes(item.id));
        const itemDone = itemQuestions.length > 0 && itemQuestions.every((q) => q.selected.length > 0);
        set(issues, `cmi.objectives.${n}.score.scaled`, formatReal(item.mastery));
        set(issues, `cmi.objectives.${n}.success_status`, itemDone ? (item.mastery >= threshold ? 'passed' : 'failed') : 'unknown');
        set(issues, `cmi.objectives.${n}.completion_status`, itemDone ? 'completed' : 'incomplete');
        set(issues, `cmi.objectives.${n}.description`, truncate(item.title, 250));
      }

      // One interaction per question.
      const interactions = rows(issues, 'cmi.interactions');
      const byId = new Map(bank.questions.map((q) => [q.id, q] as const));
      for (const qr of score.questions) {
        const q = byId.get(qr.id);
        if (!q) {
          issues.push({ code: 'invalid_value', path: ['questions', qr.id], message: `question "${qr.id}" is not in bank "${bank.id}"` });
          continue;
        }
        const model = interactionModel(q, qr.selected);
        const id = scormIdentifier(q.id, 4000);
        let n = interactions.index.get(id);
        const fresh = n === undefined;
        if (n === undefined) {
          n = interactions.next++;
          interactions.index.set(id, n);
          set(issues, `cmi.interactions.${n}.id`, id);
        }
        const el = `cmi.interactions.${n}`;
        set(issues, `${el}.type`, model.interactionType);
        const objectivesCount = fresh ? 0 : Number.parseInt(get(issues, `${el}.objectives._count`), 10) || 0;
        if (objectivesCount === 0) q.items.forEach((item, k) => set(issues, `${el}.objectives.${k}.id`, scormIdentifier(item, 4000)));
        set(issues, `${el}.timestamp`, stamp);
        set(issues, `${el}.weighting`, formatReal(qr.maxPoints));
        if (model.response !== null) set(issues, `${el}.learner_response`, model.response);
        if (model.correctPattern !== null) set(issues, `${el}.correct_responses.0.pattern`, model.correctPattern);
        if (model.response !== null) set(issues, `${el}.result`, qr.correct ? 'correct' : 'incorrect');
        set(issues, `${el}.description`, truncate(q.prompt, 250));
        // Further checks of the answer are journaled (RTE 4.2.9: more records with the same id), once, when the attempt completes.
        if (score.completed) for (const [k, sel] of (qr.tries ?? []).slice(1).entries()) journal(issues, q, id, k + 2, sel, stamp, interactions);
      }

      set(issues, 'cmi.exit', score.completed ? 'normal' : 'suspend');
      commit(issues);
      if (reportOptions.terminate) issues.push(...this.terminate().issues);
      return outcome(issues);
    },

    terminate() {
      if (state !== 'running') return notRunning('terminate');
      const issues: LmsIssue[] = [];
      set(issues, 'cmi.session_time', scormDuration(now() - startedAt));
      call(issues, 'Terminate', null, () => api.Terminate(''));
      state = 'terminated';
      return outcome(issues);
    },
  };
}
