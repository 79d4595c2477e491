import type { Issue } from '@levelfit/engine';

/** Where the problem came from. */
export const LF_ERROR_SOURCES = ['framework', 'fetch', 'options', 'assess', 'bank', 'record'] as const;
export type LfErrorSource = (typeof LF_ERROR_SOURCES)[number];

/** The detail of `lf-error`: the issues as the engine reports them (`{ code, path, message }`). */
export interface LfErrorDetail {
  issues: Issue[];
  source: LfErrorSource;
}

/**
 * Dispatched when an element cannot do its job with the input it was given (a malformed framework or question
 * bank, a failed fetch, an unknown target level). The element also shows the issues inline. Bubbles and is composed.
 */
export class LfErrorEvent extends CustomEvent<LfErrorDetail> {
  static readonly type = 'lf-error';
  constructor(detail: LfErrorDetail) {
    super(LfErrorEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lf-error': LfErrorEvent;
  }
}
