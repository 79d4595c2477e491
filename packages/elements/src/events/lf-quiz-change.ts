import type { QuizAnswers } from '@levelfit/engine';

/** Why `lf-quiz-change` fired: an option selected or cleared, an answer checked, or a move to another page. */
export type LfQuizChangeReason = 'select' | 'check' | 'move';

/** What `<lf-quiz>`'s `restore()` takes: the fields of `lf-quiz-change`'s detail that say where an attempt is. */
export interface QuizRestoreState {
  answers: Readonly<Record<string, readonly string[]>>;
  /** The question index (from 0, in the order asked), or its text as SCORM's `cmi.location` keeps it. */
  position?: number | string;
  /** The seed the attempt's questions were drawn and ordered with. */
  seed?: number;
  /** Checked selections per question, oldest first. */
  tries?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** The detail of `lf-quiz-change`: what changed, and a snapshot of the attempt that `restore()` takes back. */
export interface LfQuizChangeDetail {
  reason: LfQuizChangeReason;
  /** The question selected, checked or left ('' when leaving "Check your answers"). */
  questionId: string;
  /** The question's selected option ids after the change (empty when the last checkbox was cleared). */
  selected: string[];
  /** A copy of all answers after this change; the element keeps its own. */
  answers: QuizAnswers;
  /** The page the person is on now: the question index (from 0, in the order asked), or the question count on "Check your answers". */
  position: number;
  /** The seed the questions were drawn and ordered with. */
  seed: number;
  /** Checked selections per question, oldest first. */
  tries: Record<string, string[][]>;
}

/** Dispatched by `<lf-quiz>` when the person selects or clears an option, checks an answer or changes page. Bubbles and is composed. */
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
