import type { Responses } from '@levelfit/engine';

/** The detail of `lf-change`: the answer that changed and a snapshot of every answer so far. */
export interface LfChangeDetail {
  itemId: string;
  rating: number;
  /** A copy of all answers after this change; the element keeps its own. */
  responses: Responses;
}

/** Dispatched every time the person answers or changes an answer. Bubbles and is composed. */
export class LfChangeEvent extends CustomEvent<LfChangeDetail> {
  static readonly type = 'lf-change';
  constructor(detail: LfChangeDetail) {
    super(LfChangeEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-change': LfChangeEvent;
  }
}
