import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Answering (a page, or "Check your answers" past the last page), being scored, or done. */
export const PHASES = ['answering', 'submitting', 'submitted'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The page-by-page flow `AssessmentController` (steps of questions) and `QuizController` (one question a
 * page) share (STYLE #7: state as data): the page, the phase, the errors shown, whether the person came back
 * through a "Change" link, whether anything changed, and what should take focus after the next render. Every
 * change requests a host update. Subclasses say how many pages there are and when "Check your answers" shows.
 */
export abstract class PageFlowController<E, F extends { to: string } | null, P extends Phase = Phase>
  implements ReactiveController
{
  protected readonly host: ReactiveControllerHost;

  /** 0-based page index; the page count means "Check your answers". */
  step = 0;
  phase: P = 'answering' as P;
  /** Errors shown: set by a failed `next()` or `checkAll()`, pruned as questions are answered. */
  errors: E[] = [];
  /** Came to a page through a "Change" link: Continue returns to "Check your answers". */
  returning = false;
  /** True once anything has changed since the content was set or a draft restored. */
  dirty = false;
  focus: F = null as F;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** How many pages come before "Check your answers". */
  protected abstract get pageCount(): number;

  abstract get onCheckPage(): boolean;

  back(): void {
    if (this.phase !== 'answering' || this.step === 0) return;
    this.step = Math.min(this.step, this.pageCount) - 1;
    this.errors = [];
    this.returning = false;
    this.focus = { to: 'heading' } as F;
    this.host.requestUpdate();
  }

  /** Marks the answers as being scored. Returns false when they already are (a double click) or this is not "Check your answers". */
  beginSubmit(): boolean {
    if (this.phase !== 'answering' || !this.onCheckPage) return false;
    this.phase = 'submitting' as P;
    this.host.requestUpdate();
    return true;
  }

  endSubmit(ok: boolean): void {
    this.phase = (ok ? 'submitted' : 'answering') as P;
    if (ok) this.dirty = false;
    this.focus = { to: 'heading' } as F;
    this.host.requestUpdate();
  }

  takeFocusRequest(): F {
    const f = this.focus;
    this.focus = null as F;
    return f;
  }
}
