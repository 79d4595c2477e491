// Types for test/support/cmi5-lms.mjs (a plain module, so web-test-runner's config can load it too).
import type { LmsIssue, XapiStatement } from '../../packages/engine/src/lms/index.ts';

export declare const AU_ACTIVITY_ID: string;
export declare const LEARNER: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };

export interface Cmi5LaunchOptions {
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
  /** Launch into an existing registration (a later session); default a new one. */
  registration?: string;
  actor?: object;
}

export interface Cmi5LogEntry {
  statement: XapiStatement;
  /** What Learning Locker's xapi-validation said (empty: nothing). */
  xapiValidation: unknown[];
  /** What levelfit's validateStatements said. */
  levelfit: LmsIssue[];
}

export interface Cmi5Lms {
  base: string;
  lrs: string;
  lrsAbout: unknown;
  launch(options?: Cmi5LaunchOptions): Promise<{ query: string; registration: string; sessionId: string }>;
  log: Cmi5LogEntry[];
  state: Map<string, string>;
  readonly fetchCalls: number;
  stored(registration: string): Promise<XapiStatement[]>;
  close(): Promise<void>;
}

export declare function startCmi5Lms(): Promise<Cmi5Lms>;
