import type { ReactiveControllerHost } from 'lit';
import type { StatusRenderer, TaskStatus } from '@lit/task';
import { assess, type AssessOptions, type Framework, type LevelFit, type Responses } from '@levelfit/engine';

/**
 * Runs the engine's `assess` with `@lit/task`'s statuses (0 initial, 1 pending, 2 complete, 3 error) and
 * render contract, so the view can render pending / complete / error and the host updates when the result
 * arrives. It runs only when asked (on submit), never as people type. A local equivalent of a `Task` with
 * `autoRun: false` (the embed bundle does not need the rest of @lit/task): when runs overlap, only the
 * latest one settles the status, value and error.
 */
export class LevelFitController {
  private _status: TaskStatus = 0;
  private _value: LevelFit | undefined;
  private _error: unknown;
  private calls = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  get status(): TaskStatus {
    return this._status;
  }

  get value(): LevelFit | undefined {
    return this._value;
  }

  get error(): unknown {
    return this._error;
  }

  /** Scores the responses. Resolves with the result or rejects with the engine's error. */
  async run(framework: Framework, responses: Responses, options: AssessOptions = {}): Promise<LevelFit> {
    this._status = 1;
    this.host.requestUpdate();
    const call = ++this.calls;
    let value: LevelFit | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await assess(framework, responses, options);
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call === this.calls) {
      this._status = failed ? 3 : 2;
      this._value = value;
      this._error = error;
      this.host.requestUpdate();
    }
    if (this._status === 3) throw this._error;
    return this._value as LevelFit;
  }

  render(renderers: StatusRenderer<LevelFit>): unknown {
    const s = this._status;
    return s === 0 ? renderers.initial?.() : s === 1 ? renderers.pending?.() : s === 2 ? renderers.complete?.(this._value as LevelFit) : renderers.error?.(this._error);
  }
}
