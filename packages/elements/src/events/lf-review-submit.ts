import type { AssessmentRecord, ConfirmedLevel } from '@levelfit/engine';

/** What the reviewer did: signed the record off, or sent it back to the person. */
export const REVIEW_ACTIONS = ['sign-off', 'return'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The detail of `lf-review-submit`: the record to store and what the engine makes of it. */
export interface LfReviewSubmitDetail {
  action: ReviewAction;
  /** The record to store: `signed-off` (with its content hash) or `returned` (with the reason). */
  record: AssessmentRecord;
  /** `confirmLevel(framework, record)`: the self-assessed and confirmed levels, differences, unconfirmed items. */
  result: ConfirmedLevel;
}

/**
 * Dispatched by `<lf-review>` once per submission, when the reviewer signs off or sends the record back.
 * The review stays in the element's draft until the host takes the record (sets `record` to what it stored)
 * or reports a failure with `reviewFailed(message)`; a second click or Enter meanwhile is ignored.
 * Bubbles and is composed.
 */
export class LfReviewSubmitEvent extends CustomEvent<LfReviewSubmitDetail> {
  static readonly type = 'lf-review-submit';
  constructor(detail: LfReviewSubmitDetail) {
    super(LfReviewSubmitEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-review-submit': LfReviewSubmitEvent;
  }
}
