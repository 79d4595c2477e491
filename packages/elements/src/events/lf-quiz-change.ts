import type { QuizAnswers } from '@levelfit/engine';

/** The detail of `lf-quiz-change`: the question whose answer changed and a snapshot of every answer so far. */
export interface LfQuizChangeDetail {
  questionId: string;
  /** The question's selected option ids after the change (empty when the last checkbox was cleared). */
  selected: string[];
  /** A copy of all answers after this change; the element keeps its own. */
  answers: QuizAnswers;
}

/** Dispatched by `<lf-quiz>` every time the person selects or clears an option. Bubbles and is composed. */
export class LfQuizChangeEvent extends CustomEvent<LfQuizChangeDetail> {
  static readonly type = 'lf-quiz-change';
  constructor(detail: LfQuizChangeDetail) {
    super(LfQuizChangeEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-quiz-change': LfQuizChangeEvent;
  }
}
