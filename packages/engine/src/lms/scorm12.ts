/**
 * A SCORM 1.2 reporter, beside the SCORM 2004 one (scorm.ts) and sharing its session (scorm-runtime.ts): the
 * 1.2 `API` object (`LMSInitialize`, `LMSGetValue`, … `LMSFinish`), found by the same discovery algorithm.
 *
 * What it writes (SCORM 1.2 RTE data model):
 * - `cmi.core.score.raw` as a percentage (0..100, with `min` 0 and `max` 100: LMSs compare it with the
 *   course's mastery score, itself a percentage), `cmi.core.lesson_status` passed / failed when every question
 *   was answered, else incomplete;
 * - one `cmi.objectives.n` per framework item (score as a percentage, status passed / failed / incomplete),
 *   reusing the rows of an earlier session by id;
 * - one `cmi.interactions.n` per question (1.2 interactions are a journal the SCO cannot read back, so each
 *   report appends): type, objective ids, time of day, weighting, `student_response` and
 *   `correct_responses.0.pattern` in the 1.2 formats (choices as single characters a–z then 0–9 in the
 *   question's option order, true-false as t / f), and `result` (correct, wrong, or the fraction of the points
 *   for a partly right answer, which 1.2 allows);
 * - drafts in `cmi.suspend_data`, at most 4,096 characters: a longer draft is not written (the LMS keeps its
 *   previous data) and gives a `too_big` issue; `cmi.core.lesson_location` holds the position (255).
 */
import { formatReal, interactionModel, interactionResult, timingOf, scormIdentifier } from './interaction.js';
import { createReporter, discoverApi, hasMethods, type ScormProfile, type ScormReporter, type ScormReporterOptions } from './scorm-runtime.js';
import type { LmsQuestion } from './types.js';

/** The SCORM 1.2 API instance (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): unknown;
  LMSFinish(parameter: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(errorCode: string): unknown;
  LMSGetDiagnostic(errorCode: string): unknown;
}

const API_METHODS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'] as const;

/** `cmi.suspend_data` holds at most 4,096 characters in SCORM 1.2 (CMIString4096). */
export const SCORM12_SUSPEND_DATA_MAX = 4096;
/** `cmi.core.lesson_location` holds at most 255 characters (CMIString255). */
export const SCORM12_LOCATION_MAX = 255;

export function isScorm12Api(value: unknown): value is Scorm12Api {
  return hasMethods(value, API_METHODS);
}

/** Find the SCORM 1.2 API (`API`) in the window, its parents, then the opener and its parents. */
export function findScorm12Api(win: unknown, options: { maxDepth?: number } = {}): Scorm12Api | null {
  return discoverApi(win, 'API', isScorm12Api, options.maxDepth);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS`. */
export function scorm12Timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  return `${pad(h, 4)}:${pad(Math.floor((cs % 360000) / 6000), 2)}:${pad(Math.floor((cs % 6000) / 100), 2)}.${pad(cs % 100, 2)}`;
}

/** A SCORM 1.2 CMITime (time of day, UTC), `HH:MM:SS`. */
export function scorm12Time(date: Date): string {
  return date.toISOString().slice(11, 19);
}

const CHOICE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const percent = (x: number) => formatReal(Math.round(x * 10000) / 100);

/** A response or pattern in the 1.2 formats; null when the question cannot be written that way (over 36 options). */
function response12(q: LmsQuestion, ids: readonly string[], type: 'choice' | 'true-false', tf: string | null): string | null {
  if (type === 'true-false') return tf === null ? null : tf === 'true' ? 't' : 'f';
  if (!ids.length || q.options.length > CHOICE_CHARS.length) return null;
  const chars = ids.map((id) => q.options.findIndex((o) => o.id === id)).filter((i) => i >= 0).sort((a, b) => a - b).map((i) => CHOICE_CHARS[i]!);
  return chars.length ? chars.join(',') : null;
}

const SCORM_12: ScormProfile = {
  names: { initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' },
  elements: { entry: 'cmi.core.entry', suspendData: 'cmi.suspend_data', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time' },
  suspendDataMax: SCORM12_SUSPEND_DATA_MAX,
  locationMax: SCORM12_LOCATION_MAX,
  exitNormal: '',
  notInitialized: [],
  duration: scorm12Timespan,
  writeResult({ set, rows, issues }, score, bank, { threshold, now, timings }) {
    set('cmi.core.score.raw', percent(score.score.scaled));
    set('cmi.core.score.min', '0');
    set('cmi.core.score.max', '100');
    set('cmi.core.lesson_status', score.completed ? (score.passed ? 'passed' : 'failed') : 'incomplete');

    const objectives = rows('cmi.objectives', true);
    for (const item of score.items) {
      const { n } = objectives.row(scormIdentifier(item.id, 250));
      const itemQuestions = score.questions.filter((q) => q.items.includes(item.id));
      const itemDone = itemQuestions.length > 0 && itemQuestions.every((q) => q.selected.length > 0);
      set(`cmi.objectives.${n}.score.raw`, percent(item.mastery));
      set(`cmi.objectives.${n}.score.min`, '0');
      set(`cmi.objectives.${n}.score.max`, '100');
      set(`cmi.objectives.${n}.status`, itemDone ? (item.mastery >= threshold ? 'passed' : 'failed') : 'incomplete');
    }

    const interactions = rows('cmi.interactions', false);
    const byId = new Map(bank.questions.map((q) => [q.id, q] as const));
    for (const qr of score.questions) {
      const q = byId.get(qr.id);
      if (!q) {
        issues.push({ code: 'invalid_value', path: ['questions', qr.id], message: `question "${qr.id}" is not in bank "${bank.id}"` });
        continue;
      }
      const model = interactionModel(q, qr.selected);
      const n = interactions.next++;
      const el = `cmi.interactions.${n}`;
      set(`${el}.id`, scormIdentifier(q.id, 250));
      q.items.forEach((item, k) => set(`${el}.objectives.${k}.id`, scormIdentifier(item, 250)));
      const when = timingOf(timings, q.id, now);
      set(`${el}.time`, scorm12Time(new Date(when.at)));
      if (when.ms !== undefined) set(`${el}.latency`, scorm12Timespan(when.ms));
      set(`${el}.type`, model.interactionType);
      set(`${el}.weighting`, formatReal(qr.maxPoints));
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      const pattern = response12(q, correct, model.interactionType, model.correctPattern);
      if (pattern !== null) set(`${el}.correct_responses.0.pattern`, pattern);
      const answer = response12(q, qr.selected, model.interactionType, model.response);
      if (answer !== null) {
        set(`${el}.student_response`, answer);
        set(`${el}.result`, interactionResult(qr, 'wrong'));
      }
    }
  },
};

/** A reporter over a SCORM 1.2 API (from `findScorm12Api`). */
export function createScorm12Reporter(api: Scorm12Api, options: ScormReporterOptions = {}): ScormReporter {
  return createReporter(
    {
      initialize: () => api.LMSInitialize(''),
      terminate: () => api.LMSFinish(''),
      getValue: (e) => api.LMSGetValue(e),
      setValue: (e, v) => api.LMSSetValue(e, v),
      commit: () => api.LMSCommit(''),
      getLastError: () => api.LMSGetLastError(),
      getErrorString: (c) => api.LMSGetErrorString(c),
      getDiagnostic: (c) => api.LMSGetDiagnostic(c),
    },
    SCORM_12,
    options,
  );
}
