import type { ReactiveControllerHost } from 'lit';
import { assess, type AssessOptions, type Framework, type LevelFit, type Responses } from '@levelfit/engine';

/** Where a run is: not started, running, done, failed. */
export const LEVEL_FIT_STATUSES = ['initial', 'pending', 'complete', 'error'] as const;
export type LevelFitStatus = (typeof LEVEL_FIT_STATUSES)[number];

/**
 * Runs the engine's `assess` when asked (on submit), never as people type, and requests a host update when
 * the result arrives. When runs overlap, only the latest one settles the status, value and error.
 */
export class LevelFitController {
  private _status: LevelFitStatus = 'initial';
  private _value: LevelFit | undefined;
  private _error: unknown;
  private calls = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  get status(): LevelFitStatus {
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
    this._status = 'pending';
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
      this._status = failed ? 'error' : 'complete';
      this._value = value;
      this._error = error;
      this.host.requestUpdate();
    }
    if (this._status === 'error') throw this._error;
    return this._value as LevelFit;
  }
}
