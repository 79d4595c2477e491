import type { ReactiveControllerHost } from 'lit';
import { BUILTIN_IDS, frameworks, isBuiltinFrameworkId, safeParseFramework, type Framework, type Issue } from '@levelfit/engine';
import { isParsedFramework } from '@levelfit/engine/internal';
import { SourceController, type SourceKind } from './source-controller.js';

/** The framework the element runs when it is given none. */
export const DEFAULT_FRAMEWORK_ID = 'clinical-homecare';

export type FrameworkState =
  | { status: 'loading'; url: string }
  | { status: 'ready'; framework: Framework }
  | { status: 'error'; issues: Issue[]; source: 'framework' | 'fetch' };

/** A framework source: nothing (the default), a built-in id, a URL, or a framework object. */
export type FrameworkSource = string | object | null | undefined;

const FRAMEWORK: SourceKind<Framework, FrameworkState> = {
  name: 'framework',
  noun: 'framework',
  ids: BUILTIN_IDS,
  isBuiltin: isBuiltinFrameworkId,
  builtin: (id) => frameworks[id as keyof typeof frameworks],
  builtinPath: [],
  isParsed: isParsedFramework,
  parse: safeParseFramework,
  ready: (framework) => ({ status: 'ready', framework }),
  empty: { id: DEFAULT_FRAMEWORK_ID },
  wrongType: 'framework must be a built-in id, a URL, or a framework object',
};

/**
 * Turns the element's `framework` attribute or property into a validated framework (see `SourceController`):
 * built-in ids and objects resolve synchronously; a URL is fetched (only then, and only that URL), with the
 * previous fetch aborted when the source changes. Failures become issues with paths, never exceptions.
 */
export class FrameworkController extends SourceController<Framework, FrameworkState> {
  constructor(host: ReactiveControllerHost, getSource: () => FrameworkSource, getTimeout?: () => number) {
    super(host, getSource, FRAMEWORK, getTimeout);
  }

  /** Called before each host update (and by the host in `willUpdate`): resolves the source when it has changed. */
  hostUpdate(): void {
    this.sync();
  }
}
