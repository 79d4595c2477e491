import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isBuiltinQuizId, isParsedQuestionBank, quizzes, QUIZ_IDS, safeParseQuestionBank, type Issue, type QuestionBank } from '@levelfit/engine';

export type BankState =
  | { status: 'loading'; url: string }
  | { status: 'ready'; bank: QuestionBank }
  | { status: 'error'; issues: Issue[]; source: 'bank' | 'fetch' };

/** A question bank source: a built-in bank id, a URL, or a bank object. */
export type BankSource = string | object | null | undefined;

const ID_LIKE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function issuesOf(err: unknown): Issue[] {
  const issues = (err as { issues?: unknown })?.issues;
  if (Array.isArray(issues)) return issues as Issue[];
  return [{ code: 'invalid_value', path: ['bank'], message: err instanceof Error ? err.message : String(err) }];
}

/**
 * Turns `<lf-quiz>`'s `bank` attribute or property into a validated question bank, the way
 * `FrameworkController` does for frameworks: built-in ids and objects resolve synchronously; a URL is fetched
 * (only then), with the previous fetch aborted when the source changes. Failures become issues with paths,
 * never exceptions. Checking the bank against its framework is the element's job (it needs the framework).
 */
export class BankController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly getSource: () => BankSource;
  private lastSource: BankSource | symbol = Symbol('unset');
  private abort: AbortController | undefined;
  private pending: Promise<void> = Promise.resolve();

  state: BankState = { status: 'loading', url: '' };

  constructor(host: ReactiveControllerHost, getSource: () => BankSource) {
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

  private resolve(source: BankSource): BankState {
    const fail = (message: string, code: Issue['code'] = 'invalid_value'): BankState => ({
      status: 'error',
      source: 'bank',
      issues: [{ code, path: ['bank'], message }],
    });
    if (source === null || source === undefined || (typeof source === 'string' && source.trim() === '')) {
      return fail(`no question bank: give a built-in bank id (${QUIZ_IDS.join(', ')}), the URL of a bank JSON file, or a bank object`, 'invalid_type');
    }
    if (typeof source === 'string') {
      const value = source.trim();
      if (isBuiltinQuizId(value)) {
        try {
          return { status: 'ready', bank: quizzes[value] };
        } catch (err) {
          return { status: 'error', source: 'bank', issues: issuesOf(err) };
        }
      }
      if (ID_LIKE.test(value)) {
        return fail(`"${value}" is not a built-in question bank (they are: ${QUIZ_IDS.join(', ')}); to load your own, give the URL of its JSON file`);
      }
      return this.fetch(value);
    }
    if (typeof source === 'object') {
      if (isParsedQuestionBank(source)) return { status: 'ready', bank: source };
      const parsed = safeParseQuestionBank(source);
      return parsed.success ? { status: 'ready', bank: parsed.data } : { status: 'error', source: 'bank', issues: parsed.issues };
    }
    return fail('bank must be a built-in bank id, a URL, or a question bank object', 'invalid_type');
  }

  private fetch(value: string): BankState {
    let url: URL;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      return {
        status: 'error',
        source: 'bank',
        issues: [{ code: 'invalid_value', path: ['bank'], message: `"${value}" is not a built-in question bank id or a valid URL` }],
      };
    }
    const abort = new AbortController();
    this.abort = abort;
    this.pending = this.load(url, abort.signal).then((state) => {
      if (abort.signal.aborted) return;
      this.abort = undefined;
      this.state = state;
      this.host.requestUpdate();
    });
    return { status: 'loading', url: url.href };
  }

  private async load(url: URL, signal: AbortSignal): Promise<BankState> {
    const fail = (message: string): BankState => ({ status: 'error', source: 'fetch', issues: [{ code: 'invalid_value', path: ['bank'], message }] });
    let text: string;
    try {
      const response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return fail(`could not load ${url.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      text = await response.text();
    } catch (err) {
      return fail(`could not load ${url.href}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = safeParseQuestionBank(text);
    return parsed.success ? { status: 'ready', bank: parsed.data } : { status: 'error', source: 'bank', issues: parsed.issues };
  }
}
