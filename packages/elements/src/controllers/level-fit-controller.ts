import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { assess, type AssessOptions, type Framework, type LevelFit, type Responses } from '@levelfit/engine';

type Args = readonly [Framework, Responses, AssessOptions];

/**
 * Runs the engine's `assess` as a `@lit/task` Task, so the view can render pending / complete / error and
 * the host updates when the result arrives. It runs only when asked (on submit), never as people type.
 */
export class LevelFitController {
  private readonly task: Task<Args, LevelFit>;

  constructor(host: ReactiveControllerHost) {
    this.task = new Task<Args, LevelFit>(host, {
      task: ([framework, responses, options]) => assess(framework, responses, options),
      autoRun: false,
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get value(): LevelFit | undefined {
    return this.task.value;
  }

  get error(): unknown {
    return this.task.error;
  }

  /** Scores the responses. Resolves with the result or rejects with the engine's error. */
  async run(framework: Framework, responses: Responses, options: AssessOptions = {}): Promise<LevelFit> {
    await this.task.run([framework, responses, options]);
    if (this.task.status === TaskStatus.ERROR) throw this.task.error;
    return this.task.value as LevelFit;
  }

  render(renderers: Parameters<Task<Args, LevelFit>['render']>[0]): unknown {
    return this.task.render(renderers);
  }
}
