import type { LevelFit, Responses } from '@levelfit/engine';

/** The detail of `lf-submit`: what the person answered and what the engine made of it. */
export interface LfSubmitDetail {
  /** The answers, in the shape `assess` takes: `{ ratings: { [itemId]: rating } }`. */
  responses: Responses;
  /** The engine's result for those answers (the `LevelFit` that `assess` resolved to); `result.role` names the picked role. */
  result: LevelFit;
}

/**
 * Dispatched once per submission, after "Check your answers", when the engine has scored the answers.
 * Bubbles and is composed, so a portal can listen on `document`.
 */
export class LfSubmitEvent extends CustomEvent<LfSubmitDetail> {
  static readonly type = 'lf-submit';
  constructor(detail: LfSubmitDetail) {
    super(LfSubmitEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-submit': LfSubmitEvent;
  }
}
