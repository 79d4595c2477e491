/** Errors are data: every problem is an issue with a code, a path into the input, and a message. */

export const ISSUE_CODES = [
  'invalid_json',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'too_small',
  'too_big',
  'unrecognized_keys',
  'invalid_union',
  'forbidden_key',
  'too_deep',
  'duplicate_id',
  'unknown_level',
  'unknown_item',
  'unknown_fact',
  'unknown_operator',
  'invalid_path',
  'invalid_rule',
  'unknown_role',
  'rating_off_scale',
  'invalid_scale',
  'version_mismatch',
  /** An element's framework or bank URL did not answer in time. */
  'fetch_timeout',
  'unsafe_url',
  'hash_mismatch',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssuePath = (string | number)[];

export interface Issue {
  code: IssueCode;
  path: IssuePath;
  message: string;
}

/** `ratings.communicate-effectively`, `items[3].levels[0]`: a path as people read it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(root)';
}

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
}

abstract class IssuesError extends Error {
  readonly issues: Issue[];
  constructor(what: string, issues: Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${what}: ${formatPath(first.path)}: ${first.message}${more}` : what);
    this.issues = issues;
  }
}

/** Thrown by `parseFramework` for a framework that does not fit the data contract. */
export class FrameworkError extends IssuesError {
  override readonly name = 'FrameworkError';
  constructor(issues: Issue[]) {
    super('Invalid framework', issues);
  }
}

/** Thrown by `assess` for responses or options that do not fit the framework. */
export class AssessmentError extends IssuesError {
  override readonly name = 'AssessmentError';
  constructor(issues: Issue[]) {
    super('Invalid responses', issues);
  }
}

/** Thrown by `parseRecord` (and `confirmLevel`) for an assessment record that does not fit the data contract or its framework. */
export class RecordError extends IssuesError {
  override readonly name = 'RecordError';
  constructor(issues: Issue[]) {
    super('Invalid assessment record', issues);
  }
}

export type SafeResult<T> = { success: true; data: T } | { success: false; issues: Issue[] };
