import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  BUILTIN_IDS,
  frameworks,
  isBuiltinFrameworkId,
  isParsedFramework,
  safeParseFramework,
  type Framework,
  type Issue,
} from '@levelfit/engine';

/** The framework the element runs when it is given none. */
export const DEFAULT_FRAMEWORK_ID = 'clinical-homecare';

export type FrameworkState =
  | { status: 'loading'; url: string }
  | { status: 'ready'; framework: Framework }
  | { status: 'error'; issues: Issue[]; source: 'framework' | 'fetch' };

/** A framework source: nothing (the default), a built-in id, a URL, or a framework object. */
export type FrameworkSource = string | object | null | undefined;

const ID_LIKE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function issuesOf(err: unknown): Issue[] {
  const issues = (err as { issues?: unknown })?.issues;
  if (Array.isArray(issues)) return issues as Issue[];
  return [{ code: 'invalid_value', path: [], message: err instanceof Error ? err.message : String(err) }];
}

/**
 * Turns the element's `framework` attribute or property into a validated framework. Built-in ids and
 * objects resolve synchronously; a URL is fetched (only then, and only that URL), with the previous fetch
 * aborted when the source changes. Failures become issues with paths, never exceptions.
 */
export class FrameworkController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly getSource: () => FrameworkSource;
  private lastSource: FrameworkSource | symbol = Symbol('unset');
  private abort: AbortController | undefined;
  private pending: Promise<void> = Promise.resolve();

  state: FrameworkState = { status: 'loading', url: '' };

  constructor(host: ReactiveControllerHost, getSource: () => FrameworkSource) {
    this.host = host;
    this.getSource = getSource;
    host.addController(this);
  }

  /** Resolves when the current source has been resolved (after a fetch, if there is one). */
  get settled(): Promise<void> {
    return this.pending;
  }

  hostConnected(): void {
    // A reconnected element whose fetch was aborted on disconnect fetches again.
    if (this.state.status === 'loading' && !this.abort && typeof this.lastSource !== 'symbol') {
      this.lastSource = Symbol('unset');
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    if (this.abort) {
      this.abort.abort();
      this.abort = undefined;
    }
  }

  /** Called before each host update (and by the host in `willUpdate`): resolves the source when it has changed. */
  hostUpdate(): void {
    this.sync();
  }

  /** Resolves the source when it has changed; returns true when the state changed. */
  sync(): boolean {
    const source = this.getSource();
    if (source === this.lastSource) return false;
    this.lastSource = source;
    this.abort?.abort();
    this.abort = undefined;
    this.resolve(source);
    return true;
  }

  private resolve(source: FrameworkSource): void {
    if (source === null || source === undefined || (typeof source === 'string' && source.trim() === '')) {
      this.state = this.builtin(DEFAULT_FRAMEWORK_ID);
      return;
    }
    if (typeof source === 'string') {
      const value = source.trim();
      if (isBuiltinFrameworkId(value)) {
        this.state = this.builtin(value);
      } else if (ID_LIKE.test(value)) {
        this.state = {
          status: 'error',
          source: 'framework',
          issues: [
            {
              code: 'invalid_value',
              path: ['framework'],
              message: `"${value}" is not a built-in framework (they are: ${BUILTIN_IDS.join(', ')}); to load your own, give the URL of its JSON file`,
            },
          ],
        };
      } else {
        this.fetch(value);
      }
      return;
    }
    if (typeof source === 'object') {
      if (isParsedFramework(source)) {
        this.state = { status: 'ready', framework: source as Framework };
        return;
      }
      const parsed = safeParseFramework(source);
      this.state = parsed.success
        ? { status: 'ready', framework: parsed.data }
        : { status: 'error', source: 'framework', issues: parsed.issues };
      return;
    }
    this.state = {
      status: 'error',
      source: 'framework',
      issues: [{ code: 'invalid_type', path: ['framework'], message: 'framework must be a built-in id, a URL, or a framework object' }],
    };
  }

  private builtin(id: string): FrameworkState {
    try {
      return { status: 'ready', framework: frameworks[id as keyof typeof frameworks] };
    } catch (err) {
      return { status: 'error', source: 'framework', issues: issuesOf(err) };
    }
  }

  private fetch(value: string): void {
    let url: URL;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      this.state = {
        status: 'error',
        source: 'framework',
        issues: [{ code: 'invalid_value', path: ['framework'], message: `"${value}" is not a built-in framework id or a valid URL` }],
      };
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading', url: url.href };
    this.pending = this.load(url, abort.signal).then((state) => {
      if (abort.signal.aborted) return;
      this.abort = undefined;
      this.state = state;
      this.host.requestUpdate();
    });
  }

  private async load(url: URL, signal: AbortSignal): Promise<FrameworkState> {
    const fail = (message: string): FrameworkState => ({
      status: 'error',
      source: 'fetch',
      issues: [{ code: 'invalid_value', path: ['framework'], message }],
    });
    let text: string;
    try {
      const response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return fail(`could not load ${url.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      text = await response.text();
    } catch (err) {
      return fail(`could not load ${url.href}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = safeParseFramework(text);
    return parsed.success ? { status: 'ready', framework: parsed.data } : { status: 'error', source: 'framework', issues: parsed.issues };
  }
}
