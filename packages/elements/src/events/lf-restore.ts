import type { Submission } from '../self-assessment/submission.js';

/** The detail of `lf-restore`: the submission kept on this device. */
export interface LfRestoreDetail {
  submission: Submission;
}

/**
 * Dispatched when `<lf-self-assessment>` finds the person's last submission on this device (after a reload
 * or a later visit), so the host page can show the result again as it did after `lf-submit`. Bubbles and is
 * composed, so a portal can listen on `document`.
 */
export class LfRestoreEvent extends CustomEvent<LfRestoreDetail> {
  static readonly type = 'lf-restore';
  constructor(detail: LfRestoreDetail) {
    super(LfRestoreEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-restore': LfRestoreEvent;
  }
}
