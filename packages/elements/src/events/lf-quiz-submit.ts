import type { QuizAnswers, QuizScore } from '@levelfit/engine';

/** The detail of `<lf-quiz>`'s `lf-submit`: what the person answered and the engine's score for it. */
export interface LfQuizSubmitDetail {
  /** Selected option ids per question id, in the shape `scoreQuiz` takes. */
  answers: QuizAnswers;
  /** What `scoreQuiz(bank, answers, { framework, responses, target })` resolved to. */
  score: QuizScore;
}

/**
 * `<lf-quiz>`'s `lf-submit`: dispatched once per submission, after "Check your answers", when the engine has
 * scored the answers. Bubbles and is composed. It shares the `lf-submit` name with `<lf-self-assessment>`'s
 * `LfSubmitEvent` (one name for "the person submitted"), so `GlobalEventHandlersEventMap['lf-submit']` keeps
 * naming that one; tell them apart with `isQuizSubmitEvent(event)` (or `event instanceof LfQuizSubmitEvent`).
 */
export class LfQuizSubmitEvent extends CustomEvent<LfQuizSubmitDetail> {
  static readonly type = 'lf-submit';
  constructor(detail: LfQuizSubmitDetail) {
    super(LfQuizSubmitEvent.type, { bubbles: true, composed: true, detail });
  }
}

/** True for a quiz's `lf-submit` (its detail has `answers` and `score`). */
export function isQuizSubmitEvent(event: Event): event is LfQuizSubmitEvent {
  if (event instanceof LfQuizSubmitEvent) return true;
  const detail = (event as CustomEvent<unknown>).detail as Partial<LfQuizSubmitDetail> | null | undefined;
  return event.type === LfQuizSubmitEvent.type && typeof detail === 'object' && detail !== null && 'score' in detail && 'answers' in detail;
}
