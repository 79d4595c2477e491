/**
 * A SCORM 2004 (4th edition) reporter. `findScormApi` runs the API discovery algorithm (RTE 3.3.6.1: the window,
 * its parents up to the top, then the opener and its parents) for `API_1484_11`; `createScormReporter` writes a
 * scored quiz to the LMS through it and resumes drafts from `cmi.suspend_data` (the shared session is
 * scorm-runtime.ts; SCORM 1.2 is scorm12.ts).
 *
 * After every API call it reads `GetLastError`; a non-zero code becomes an issue
 * `{code: 'scorm_error', path: ['cmi.…'], message: 'SCORM error 407 (…): <GetDiagnostic>'}`. It never throws,
 * even when the API does (a broken LMS cannot break the quiz).
 */
import { formatReal, interactionModel, interactionResult, timingOf, describeQuestion, scormDuration, scormIdentifier, scormTime, truncate } from './interaction.js';
import { createReporter, discoverApi, hasMethods, type ScormProfile, type ScormReporter, type ScormReporterOptions } from './scorm-runtime.js';

export type { ScormDraft, ScormOutcome, ScormStart, ScormReporter, ScormReporterOptions } from './scorm-runtime.js';
export { encodeSuspendData, decodeSuspendData } from './suspend-data.js';

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
  return hasMethods(value, API_METHODS);
}

/**
 * Find the SCORM 2004 API: the window, then its parent chain; then the opener's window and its parent chain
 * (and the top window's opener, for content opened from a frame). Null when no window in reach has one.
 */
export function findScormApi(win: unknown, options: { maxDepth?: number } = {}): ScormApi | null {
  return discoverApi(win, 'API_1484_11', isScormApi, options.maxDepth);
}

/** SCORM 2004 4th edition: element names, limits and how a result is written. */
const SCORM_2004: ScormProfile = {
  names: { initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' },
  elements: { entry: 'cmi.entry', suspendData: 'cmi.suspend_data', location: 'cmi.location', exit: 'cmi.exit', sessionTime: 'cmi.session_time' },
  suspendDataMax: SUSPEND_DATA_SPM,
  locationMax: LOCATION_SPM,
  exitNormal: 'normal',
  // 403: Data Model Element Value Not Initialized (nothing stored yet).
  notInitialized: ['403'],
  duration: scormDuration,
  writeResult({ set, get, rows, issues }, score, bank, { threshold, now, timings }) {
    set('cmi.score.scaled', formatReal(score.score.scaled));
    if (score.score.max > 0) {
      set('cmi.score.raw', formatReal(score.score.raw));
      set('cmi.score.min', '0');
      set('cmi.score.max', formatReal(score.score.max));
    }
    const answered = score.questions.filter((q) => q.selected.length > 0).length;
    if (score.questions.length) set('cmi.progress_measure', formatReal(answered / score.questions.length));
    set('cmi.completion_status', score.completed ? 'completed' : 'incomplete');
    set('cmi.success_status', score.completed ? (score.passed ? 'passed' : 'failed') : 'unknown');

    // One objective per framework item the bank evidences (ids kept from an earlier session are reused).
    const objectives = rows('cmi.objectives', true);
    for (const item of score.items) {
      const { n } = objectives.row(scormIdentifier(item.id, 4000));
      const itemQuestions = score.questions.filter((q) => q.items.includes(item.id));
      const itemDone = itemQuestions.length > 0 && itemQuestions.every((q) => q.selected.length > 0);
      set(`cmi.objectives.${n}.score.scaled`, formatReal(item.mastery));
      set(`cmi.objectives.${n}.success_status`, itemDone ? (item.mastery >= threshold ? 'passed' : 'failed') : 'unknown');
      set(`cmi.objectives.${n}.completion_status`, itemDone ? 'completed' : 'incomplete');
      set(`cmi.objectives.${n}.description`, truncate(item.title, 250));
    }

    // One interaction per question.
    const interactions = rows('cmi.interactions', true);
    const byId = new Map(bank.questions.map((q) => [q.id, q] as const));
    for (const qr of score.questions) {
      const q = byId.get(qr.id);
      if (!q) {
        issues.push({ code: 'invalid_value', path: ['questions', qr.id], message: `question "${qr.id}" is not in bank "${bank.id}"` });
        continue;
      }
      const model = interactionModel(q, qr.selected);
      const id = scormIdentifier(q.id, 4000);
      const { n, fresh } = interactions.row(id);
      const el = `cmi.interactions.${n}`;
      set(`${el}.type`, model.interactionType);
      const objectivesCount = fresh ? 0 : Number.parseInt(get(`${el}.objectives._count`), 10) || 0;
      if (objectivesCount === 0) q.items.forEach((item, k) => set(`${el}.objectives.${k}.id`, scormIdentifier(item, 4000)));
      const when = timingOf(timings, q.id, now);
      set(`${el}.timestamp`, scormTime(new Date(when.at)));
      if (when.ms !== undefined) set(`${el}.latency`, scormDuration(when.ms));
      set(`${el}.weighting`, formatReal(qr.maxPoints));
      if (model.response !== null) set(`${el}.learner_response`, model.response);
      if (model.correctPattern !== null) set(`${el}.correct_responses.0.pattern`, model.correctPattern);
      if (model.response !== null) set(`${el}.result`, interactionResult(qr, 'incorrect'));
      set(`${el}.description`, describeQuestion(q, 250));
      // Further checks of the answer are journaled (RTE 4.2.9: more records with the same id), once, when the attempt completes.
      if (!score.completed) continue;
      for (const [k, selected] of (qr.tries ?? []).slice(1).entries()) {
        const again = interactionModel(q, selected);
        if (again.response === null) continue;
        const j = `cmi.interactions.${interactions.next++}`;
        set(`${j}.id`, id);
        set(`${j}.type`, again.interactionType);
        set(`${j}.timestamp`, scormTime(new Date(when.at)));
        set(`${j}.learner_response`, again.response);
        if (again.correctPattern !== null) set(`${j}.correct_responses.0.pattern`, again.correctPattern);
        set(`${j}.result`, sameOptions(selected, q.options.filter((o) => o.correct).map((o) => o.id)) ? 'correct' : 'incorrect');
        set(`${j}.description`, truncate(`Check ${k + 2}: ${q.prompt}`, 250));
      }
    }
  },
};

/** Whether two selections hold the same options, in any order. */
function sameOptions(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === b.length && b.every((o) => set.has(o));
}

/** A reporter over a SCORM 2004 API (from `findScormApi`). */
export function createScormReporter(api: ScormApi, options: ScormReporterOptions = {}): ScormReporter {
  return createReporter(
    {
      initialize: () => api.Initialize(''),
      terminate: () => api.Terminate(''),
      getValue: (e) => api.GetValue(e),
      setValue: (e, v) => api.SetValue(e, v),
      commit: () => api.Commit(''),
      getLastError: () => api.GetLastError(),
      getErrorString: (c) => api.GetErrorString(c),
      getDiagnostic: (c) => api.GetDiagnostic(c),
    },
    SCORM_2004,
    options,
  );
}
