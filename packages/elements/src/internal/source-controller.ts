import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Issue, SafeResult } from '@levelfit/engine';

/** The states every source controller moves through; `FrameworkState` and `BankState` name the ready value. */
export type SourceStateLike =
  | { status: 'loading'; url: string }
  | { status: 'ready' }
  | { status: 'error'; issues: Issue[]; source: string };

/** What a `SourceController` resolves: its built-in ids, its parser and the words its messages use. */
export interface SourceKind<T, S extends SourceStateLike> {
  /** The attribute: the path of its issues and the `source` of an error that is not a failed fetch. */
  readonly name: string;
  /** How messages name it ("framework", "question bank"). */
  readonly noun: string;
  readonly ids: readonly string[];
  isBuiltin(id: string): boolean;
  /** The built-in value (it may throw: a built-in is parsed on first use). */
  builtin(id: string): T;
  /** The path of the issues of a built-in that fails to load. */
  readonly builtinPath: Issue['path'];
  isParsed(value: object): boolean;
  parse(input: unknown): SafeResult<T>;
  ready(value: T): S;
  /** No source (null, undefined, blank): a built-in id to use instead, or the message of an `invalid_type` issue. */
  readonly empty: { id: string } | { message: string };
  /** The message of the `invalid_type` issue for a source that is neither text nor an object. */
  readonly wrongType: string;
}

/** A source: a built-in id, a URL, or an object (nothing means the kind's `empty`). */
export type SourceInput = string | object | null | undefined;

const ID_LIKE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** How long a framework or bank URL may take to answer unless the element's `fetch-timeout` says otherwise. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
/**
 * The largest framework or bank file an element reads. The built-in frameworks are well under 1 MB; a larger
 * file is refused before it is parsed, so a wrong URL cannot hold the page for seconds or fill its memory.
 */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;

/**
 * Turns an attribute or property into a validated value. Built-in ids and objects resolve synchronously; a
 * URL is fetched (only then, and only that URL), with the previous fetch aborted when the source changes or
 * the host disconnects. Failures become issues with paths, never exceptions. `FrameworkController` and
 * `BankController` are this with their kind.
 */
export class SourceController<T, S extends SourceStateLike> implements ReactiveController {
  protected readonly host: ReactiveControllerHost;
  private readonly getSource: () => SourceInput;
  private readonly kind: SourceKind<T, S>;
  private readonly getTimeout: () => number;
  private lastSource: SourceInput | symbol = Symbol('unset');
  private abort: AbortController | undefined;
  private pending: Promise<void> = Promise.resolve();

  state: S = { status: 'loading', url: '' } as S;

  constructor(host: ReactiveControllerHost, getSource: () => SourceInput, kind: SourceKind<T, S>, getTimeout: () => number = () => DEFAULT_FETCH_TIMEOUT_MS) {
    this.host = host;
    this.getTimeout = getTimeout;
    this.getSource = getSource;
    this.kind = kind;
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
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Resolves the source when it has changed; returns true when the state changed. */
  sync(): boolean {
    const source = this.getSource();
    if (source === this.lastSource) return false;
    this.lastSource = source;
    this.abort?.abort();
    this.abort = undefined;
    this.state = this.resolve(source);
    return true;
  }

  private error(issues: Issue[], source: string = this.kind.name): S {
    return { status: 'error', source, issues } as S;
  }

  private fail(message: string, code: Issue['code'] = 'invalid_value'): S {
    return this.error([{ code, path: [this.kind.name], message }]);
  }

  private parsed(input: unknown): S {
    const parsed = this.kind.parse(input);
    return parsed.success ? this.kind.ready(parsed.data) : this.error(parsed.issues);
  }

  private builtin(id: string): S {
    try {
      return this.kind.ready(this.kind.builtin(id));
    } catch (err) {
      const issues = (err as { issues?: unknown })?.issues;
      if (Array.isArray(issues)) return this.error(issues as Issue[]);
      return this.error([{ code: 'invalid_value', path: this.kind.builtinPath, message: err instanceof Error ? err.message : String(err) }]);
    }
  }

  private resolve(source: SourceInput): S {
    const { kind } = this;
    if (source === null || source === undefined || (typeof source === 'string' && source.trim() === '')) {
      return 'id' in kind.empty ? this.builtin(kind.empty.id) : this.fail(kind.empty.message, 'invalid_type');
    }
    if (typeof source === 'string') {
      const value = source.trim();
      if (kind.isBuiltin(value)) return this.builtin(value);
      if (ID_LIKE.test(value)) {
        return this.fail(`"${value}" is not a built-in ${kind.noun} (they are: ${kind.ids.join(', ')}); to load your own, give the URL of its JSON file`);
      }
      return this.fetch(value);
    }
    if (typeof source === 'object') return kind.isParsed(source) ? kind.ready(source as T) : this.parsed(source);
    return this.fail(kind.wrongType, 'invalid_type');
  }

  private fetch(value: string): S {
    let url: URL;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      return this.fail(`"${value}" is not a built-in ${this.kind.noun} id or a valid URL`);
    }
    const abort = new AbortController();
    this.abort = abort;
    const given = this.getTimeout();
    const timeoutMs = Number.isFinite(given) && given > 0 ? given : DEFAULT_FETCH_TIMEOUT_MS;
    // One signal for both: the source changing (or the element leaving the page) and the time running out.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
    this.pending = this.load(url, abort.signal, () => timedOut, timeoutMs).then((state) => {
      clearTimeout(timer);
      if (abort.signal.aborted && !timedOut) return;
      this.abort = undefined;
      this.state = state;
      this.host.requestUpdate();
    });
    return { status: 'loading', url: url.href } as S;
  }

  private async load(url: URL, signal: AbortSignal, timedOut: () => boolean, timeoutMs: number): Promise<S> {
    const fail = (message: string, code: Issue['code'] = 'invalid_value'): S => this.error([{ code, path: [this.kind.name], message }], 'fetch');
    const tooBig = (): S => fail(`${url.href} is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB, the most a ${this.kind.noun} file may be`, 'too_big');
    let text: string;
    try {
      const response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return fail(`could not load ${url.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      if (Number(response.headers.get('content-length')) > MAX_FETCH_BYTES) return tooBig();
      const read = await readCapped(response, MAX_FETCH_BYTES);
      if (read === null) return tooBig();
      text = read;
    } catch (err) {
      if (timedOut()) return fail(`${url.href} did not answer within ${Math.round(timeoutMs / 100) / 10} seconds`, 'fetch_timeout');
      return fail(`could not load ${url.href}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return this.parsed(text);
  }
}

/** The body as text, or null as soon as it passes `max` bytes (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > max ? null : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
