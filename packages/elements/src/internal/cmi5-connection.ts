/**
 * What `connectQuizToCmi5` and `connectSelfAssessmentToCmi5` share: the connection a host gets back (issues,
 * returnURL, exit) and the tracking of the calls still waiting on the LRS.
 */
import type { Cmi5Session, Cmi5Start, LmsIssue } from '@levelfit/engine/lms';

export interface Cmi5Connection {
  /** What `session.start()` found (launch data, the draft resumed, which results the registration has, issues). */
  readonly start: Cmi5Start;
  /** Issues from the last save or report (empty when the LRS took everything). */
  readonly issues: readonly LmsIssue[];
  /** Where the LMS wants the learner sent when they leave (the launch data's returnURL), or null. */
  readonly returnURL: string | null;
  /** Resolves when everything asked of the LRS so far has been answered. */
  settled(): Promise<void>;
  /** Ends the session (sends `terminated` if the learner did not submit) and resolves with the returnURL to go to. */
  exit(): Promise<string | null>;
  /** Stops saving and reporting, and no longer ends the session when the page is closed (the session is left as it is). */
  disconnect(): void;
}

export interface Cmi5ConnectOptions {
  /** Called with the issues whenever a start, save or report does not go through. */
  onIssues?: (issues: LmsIssue[]) => void;
  /** Clock for the quiz's answer times (default `Date.now`). */
  now?: () => number;
}

/** Shared by the quiz and the self-assessment: issue reporting, the queue of pending calls, exit. */
export function cmi5Connection(session: Cmi5Session, start: Cmi5Start, options: Cmi5ConnectOptions, detachElement: () => void) {
  // A learner who closes the page without submitting still ends the session: `terminated` is the AU's to send
  // (the LMS would otherwise record the session as abandoned). keepalive lets the request outlive the page.
  const onPageHide = () => {
    if (session.state === 'running') void session.terminate({ keepalive: true });
  };
  if (start.ok) globalThis.addEventListener?.('pagehide', onPageHide);
  const detach = () => {
    detachElement();
    globalThis.removeEventListener?.('pagehide', onPageHide);
  };
  let issues: LmsIssue[] = [...start.issues];
  let pending: Promise<unknown> = Promise.resolve();
  const note = (found: readonly LmsIssue[]) => {
    issues = [...found];
    if (found.length) options.onIssues?.([...found]);
  };
  note(start.issues);
  const track = <T extends { issues: LmsIssue[] }>(work: Promise<T>): Promise<T> => {
    const done = work.then((outcome) => (note(outcome.issues), outcome));
    pending = pending.then(() => done);
    return done;
  };
  const connection: Cmi5Connection = {
    start,
    get issues() {
      return issues;
    },
    returnURL: session.returnURL,
    async settled() {
      await pending;
    },
    async exit() {
      detach();
      await pending;
      if (session.state === 'running') await track(session.terminate());
      return session.returnURL;
    },
    disconnect: detach,
  };
  return { connection, track };
}
