import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { formatPath, type Framework, type Issue } from '@levelfit/engine';
import { LfErrorEvent, type LfErrorSource } from '../events/lf-error.js';
import { FrameworkController, type FrameworkSource } from './framework-controller.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from './source-controller.js';

/** Something an element cannot show: the engine-style issues and where they came from. */
export interface Problem {
  issues: Issue[];
  source: LfErrorSource;
}

/** The issues of an engine error, or one issue that says what went wrong. */
export function issuesOf(err: unknown): Issue[] {
  const issues = (err as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : [{ code: 'invalid_value', path: [], message: err instanceof Error ? err.message : String(err) }];
}

/** Anything the element loads: `updateComplete` waits for it to settle. */
interface Settles {
  readonly settled: Promise<void>;
}

/**
 * The base of every levelfit element (internal; never registered, never exported from the package):
 * resolves the `framework` attribute or property through a `FrameworkController` (a built-in id, a URL or
 * an object), waits for every source it loads in `updateComplete`, renders the loading line and the inline
 * error, and dispatches `lf-error` once per distinct problem.
 *
 * @internal
 */
export abstract class LfElement extends LitElement {
  /**
   * A built-in framework id, the URL of a framework JSON file, or (as a property) a framework object,
   * validated with `safeParseFramework`.
   */
  @property({ attribute: 'framework' })
  framework: FrameworkSource = null;

  /** How long (in milliseconds) a framework or bank URL may take to answer before an inline error says so. */
  @property({ type: Number, attribute: 'fetch-timeout' })
  fetchTimeout = DEFAULT_FETCH_TIMEOUT_MS;

  /** @internal */
  protected readonly frameworks = new FrameworkController(this, () => this.frameworkSource(), () => this.fetchTimeout);

  /**
   * Set in `willUpdate` by subclasses: the problem shown instead of (or above) the content.
   * @internal
   */
  protected problem: Problem | null = null;

  /** @internal */
  private readonly sources: Settles[] = [this.frameworks];
  /** @internal */
  private reported = '';

  /** The source the framework controller resolves; subclasses may fall back to something other than `framework`. */
  protected frameworkSource(): FrameworkSource {
    return this.framework;
  }

  /** The resolved, validated framework, or null while loading or on error. */
  get resolvedFramework(): Framework | null {
    const state = this.frameworks.state;
    return state.status === 'ready' ? state.framework : null;
  }

  /** Registers another source that `updateComplete` waits for (the quiz's question bank). */
  protected watchSource(source: Settles): void {
    this.sources.push(source);
  }

  /**
   * Waits for every URL being loaded as well as for rendering. A source that arrives can start another (a
   * bank names its framework), so this waits once per source, plus one render.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let i = 0; i <= this.sources.length + 1; i++) {
      await Promise.all(this.sources.map((s) => s.settled));
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

  /** An `unknown_level` problem when `id` (the `attribute`'s value) is not one of the framework's levels. */
  protected levelProblem(framework: Framework, attribute: string, id: string | null | undefined): Problem | null {
    const level = id?.trim();
    if (!level || framework.levels.some((l) => l.id === level)) return null;
    const message = `no level has the id "${level}"; the levels are: ${framework.levels.map((l) => l.id).join(', ')}`;
    return { source: 'options', issues: [{ code: 'unknown_level', path: [attribute], message }] };
  }

  /** The problem `lf-error` reports: `problem` here; a form adds a failed submission. */
  protected currentProblem(): Problem | null {
    return this.problem;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const problem = this.currentProblem();
    const signature = problem ? JSON.stringify(problem) : '';
    if (signature === this.reported) return;
    this.reported = signature;
    // Declared with @event on each element (the analyzer would otherwise list a nameless inherited event).
    if (problem) this.emit(new LfErrorEvent({ issues: problem.issues, source: problem.source }));
  }

  /** Dispatches one of the element's events; each element names them with `@event` in its JSDoc. */
  protected emit(event: Event): void {
    this.dispatchEvent(event);
  }

  protected renderLoading(text: string = msg('Loading the framework…')): TemplateResult {
    return html`<p class="loading" part="loading" role="status">${text}</p>`;
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
