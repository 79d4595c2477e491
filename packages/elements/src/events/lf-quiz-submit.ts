import type { QuizAnswers, QuizScore } from '@levelfit/engine';

/** The detail of `lf-quiz-submit`: what the person answered and the engine's score for it. */
export interface LfQuizSubmitDetail {
  /** Selected option ids per question id, in the shape `scoreQuiz` takes. */
  answers: QuizAnswers;
  /** What `scoreQuiz(bank, answers, { framework, responses, target })` resolved to. */
  score: QuizScore;
}

/**
 * Dispatched by `<lf-quiz>` once per submission, after "Check your answers", when the engine has scored the
 * answers. Bubbles and is composed. The self-assessment's submission is `lf-submit`; each name has one detail type.
 */
export class LfQuizSubmitEvent extends CustomEvent<LfQuizSubmitDetail> {
  static readonly type = 'lf-quiz-submit';
  constructor(detail: LfQuizSubmitDetail) {
    super(LfQuizSubmitEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-quiz-submit': LfQuizSubmitEvent;
  }
}
