/**
 * `<lf-quiz>` in a SCORM 2004 package: the quiz's public resume and progress API wired to the engine's SCORM
 * reporter. The draft lives in the LMS (`cmi.suspend_data`, `cmi.location`), never in this device's storage,
 * so a shared device keeps nothing; the result is reported and the session ends when the learner submits.
 */
import type { LmsIssue, ScormReporter, ScormStart } from '@levelfit/engine/lms';
import type { LfQuizChangeEvent } from '../events/lf-quiz-change.js';
import type { LfQuizSubmitEvent } from '../events/lf-quiz-submit.js';
import { answerTimings } from './answer-timings.js';
import type { LfQuiz } from './quiz.js';

export interface QuizScormConnection {
  /** What `reporter.start()` found (`entry`, the draft resumed, issues). */
  readonly start: ScormStart;
  /** Issues from the last save or report (empty when the LMS took everything). */
  readonly issues: readonly LmsIssue[];
  /** Stops saving and reporting (the SCORM session is left as it is). */
  disconnect(): void;
}

export interface QuizScormOptions {
  /** Called with the issues whenever a save or report does not go through (a full `suspend_data`, an LMS error). */
  onIssues?: (issues: LmsIssue[]) => void;
  /** Clock for the answer times (default `Date.now`). */
  now?: () => number;
}

/**
 * Connects a quiz to a SCORM reporter (from `createScormReporter(findScormApi(window))`): sets `lms="scorm"`
 * (assessment mode unless `mode` says otherwise; no local drafts), starts the session and resumes the saved
 * attempt (answers, position, question and option order, checked tries) with `quiz.restore()`, saves each
 * `lf-quiz-change` to the LMS, and on `lf-quiz-submit` reports the score and terminates the session, after
 * which the quiz offers no restart unless `allow-restart` is set. Each interaction gets the time its question's
 * answer was first checked in this session and its latency (from the question being shown to that check);
 * questions answered in an earlier session carry the report's time.
 */
export function connectQuizToScorm(quiz: LfQuiz, reporter: ScormReporter, options: QuizScormOptions = {}): QuizScormConnection {
  quiz.lms = 'scorm';
  let issues: LmsIssue[] = [];
  const note = (found: LmsIssue[]) => {
    issues = found;
    if (found.length) options.onIssues?.(found);
  };
  const answered = answerTimings(options.now);
  const start = reporter.start();
  note(start.issues);
  // Always restore, an empty attempt when the LMS has none: whatever this device had must not carry over.
  const d = start.draft;
  quiz.restore(
    d ? { answers: d.answers, ...(d.position !== null ? { position: d.position } : {}), ...(d.seed !== null ? { seed: d.seed } : {}), tries: d.tries } : { answers: {} },
  );
  const onChange = (e: LfQuizChangeEvent) => {
    if (reporter.state !== 'running') return;
    answered.note(e.detail);
    const { answers, position, seed, tries } = e.detail;
    note(reporter.saveProgress(answers, position, { seed, tries }).issues);
  };
  const onSubmit = (e: LfQuizSubmitEvent) => {
    const bank = quiz.resolvedBank;
    if (reporter.state !== 'running' || !bank) return;
    note(reporter.report(e.detail.score, bank, { terminate: true, timings: answered.timings }).issues);
  };
  quiz.addEventListener('lf-quiz-change', onChange);
  quiz.addEventListener('lf-quiz-submit', onSubmit);
  return {
    start,
    get issues() {
      return issues;
    },
    disconnect() {
      quiz.removeEventListener('lf-quiz-change', onChange);
      quiz.removeEventListener('lf-quiz-submit', onSubmit);
    },
  };
}
