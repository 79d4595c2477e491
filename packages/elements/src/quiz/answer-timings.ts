/**
 * When each question's answer was given and how long it took, from the quiz's `lf-quiz-change` events: the LMS
 * connectors report these so each interaction (SCORM) or `answered` statement (xAPI / cmi5) carries its own time
 * and duration instead of the report's. The first check counts, as it does for the mark in assessment mode (a
 * quiz without feedback checks nothing: there, leaving the question with an answer); questions answered in an
 * earlier session have none and carry the report's time.
 */
import type { LmsTimings } from '@levelfit/engine/lms';
import type { LfQuizChangeDetail } from '../events/lf-quiz-change.js';

export interface AnswerTimings {
  /** By question id: when the answer was first checked (epoch ms) and how long since the question was shown. */
  readonly timings: LmsTimings;
  /** Feed every `lf-quiz-change` detail. */
  note(change: Pick<LfQuizChangeDetail, 'reason' | 'questionId' | 'answers'>): void;
}

export function answerTimings(now: () => number = () => Date.now()): AnswerTimings {
  const timings: Record<string, { at: number; ms: number }> = {};
  let shownAt = now();
  return {
    timings,
    note({ reason, questionId, answers }) {
      const t = now();
      // Answered: when checked, or (without feedback, where nothing is checked) when left with an answer.
      const answeredNow = reason === 'check' || (reason === 'move' && (answers[questionId]?.length ?? 0) > 0);
      if (answeredNow && questionId && !timings[questionId]) timings[questionId] = { at: t, ms: Math.max(0, t - shownAt) };
      if (reason === 'move') shownAt = t;
    },
  };
}
