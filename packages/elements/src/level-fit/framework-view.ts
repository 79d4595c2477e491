import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { formatPath, type Framework, type Issue } from '@levelfit/engine';
import { FrameworkController, type FrameworkSource } from '../controllers/framework-controller.js';
import { LfErrorEvent, type LfErrorSource } from '../events/lf-error.js';
import { currentLocale } from '../localize/localize.js';

/** Something an element cannot show: the engine-style issues and where they came from. */
export interface Problem {
  issues: Issue[];
  source: LfErrorSource;
}

/**
 * The base of the read-only views (`<lf-level-fit>`, `<lf-competence-matrix>`, `<lf-career-levels>`): resolves
 * the `framework` attribute or property through the shared `FrameworkController` (a built-in id, a URL, or
 * an object), renders a loading line and an inline error, and dispatches `lf-error` once per distinct
 * problem. Never registered itself.
 */
export abstract class FrameworkView extends LitElement {
  /**
   * A built-in framework id (default `clinical-homecare`), the URL of a framework JSON file, or (as a
   * property) a framework object, validated with `safeParseFramework`.
   */
  @property({ attribute: 'framework' })
  framework: FrameworkSource = null;

  /** @internal */
  protected readonly frameworks = new FrameworkController(this, () => this.frameworkSource());

  /**
   * Set in `willUpdate` by subclasses: the problem shown instead of (or above) the content.
   * @internal
   */
  protected problem: Problem | null = null;

  /** @internal */
  private reported = '';

  /** The source the controller resolves; subclasses may fall back to something else than `framework`. */
  protected frameworkSource(): FrameworkSource {
    return this.framework;
  }

  /** The resolved, validated framework, or null while loading or on error. */
  get resolvedFramework(): Framework | null {
    const state = this.frameworks.state;
    return state.status === 'ready' ? state.framework : null;
  }

  /** Waits for a framework URL to load as well as for rendering. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let i = 0; i < 3; i++) {
      await this.frameworks.settled;
      if (!this.isUpdatePending) break;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The framework's problem, if it has one; subclasses add their own input checks after this. */
  protected frameworkProblem(): Problem | null {
    this.frameworks.sync();
    const state = this.frameworks.state;
    return state.status === 'error' ? { issues: state.issues, source: state.source } : null;
  }

  protected override updated(): void {
    const signature = this.problem ? JSON.stringify(this.problem) : '';
    if (signature === this.reported) return;
    this.reported = signature;
    if (!this.problem) return;
    // Declared with @event on each element (the analyzer would otherwise list a nameless inherited event).
    const event = new LfErrorEvent({ issues: this.problem.issues, source: this.problem.source });
    this.dispatchEvent(event);
  }

  protected renderLoading(): TemplateResult {
    return html`<p class="loading" part="loading" role="status">${msg('Loading the framework…')}</p>`;
  }

  protected renderProblem(problem: Problem, title: string): TemplateResult {
    return html`
      <div class="problem" part="error" role="alert">
        <h2 class="problem-title">${title}</h2>
        <p>${msg('Give this message to the person who looks after this page:')}</p>
        <ul>
          ${problem.issues.map((i) => html`<li><code>${formatPath(i.path)}</code>: ${i.message}</li>`)}
        </ul>
      </div>
    `;
  }

  /** The loading line or the inline error, or `nothing` when the framework is ready. */
  protected renderFrameworkState(title: string): TemplateResult | typeof nothing {
    if (this.frameworks.state.status === 'loading') return this.renderLoading();
    return this.problem ? this.renderProblem(this.problem, title) : nothing;
  }
}

/** A whole-number percentage, rounded down so that "100%" is only ever shown for everything. */
export function percent(share: number): string {
  const floored = Math.floor(Math.max(0, Math.min(1, share)) * 100) / 100;
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(floored);
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rating's label on the framework's scale, or the number itself. */
export function ratingLabel(framework: Framework, rating: number): string {
  return framework.scale.values.find((v) => v.value === rating)?.label ?? String(rating);
}
