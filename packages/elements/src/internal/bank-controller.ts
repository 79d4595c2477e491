import type { ReactiveControllerHost } from 'lit';
import { isBuiltinQuizId, quizzes, QUIZ_IDS, safeParseQuestionBank, type Issue, type QuestionBank } from '@levelfit/engine';
import { isParsedQuestionBank } from '@levelfit/engine/internal';
import { SourceController, type SourceKind } from './source-controller.js';

export type BankState =
  | { status: 'loading'; url: string }
  | { status: 'ready'; bank: QuestionBank }
  | { status: 'error'; issues: Issue[]; source: 'bank' | 'fetch' };

/** A question bank source: a built-in bank id, a URL, or a bank object. */
export type BankSource = string | object | null | undefined;

const BANK: SourceKind<QuestionBank, BankState> = {
  name: 'bank',
  noun: 'question bank',
  ids: QUIZ_IDS,
  isBuiltin: isBuiltinQuizId,
  builtin: (id) => quizzes[id as keyof typeof quizzes],
  builtinPath: ['bank'],
  isParsed: isParsedQuestionBank,
  parse: (input) => safeParseQuestionBank(input),
  ready: (bank) => ({ status: 'ready', bank }),
  empty: {
    message: `no question bank: give a built-in bank id (${QUIZ_IDS.join(', ')}), the URL of a bank JSON file, or a bank object`,
  },
  wrongType: 'bank must be a built-in bank id, a URL, or a question bank object',
};

/**
 * Turns `<lf-quiz>`'s `bank` attribute or property into a validated question bank, the way
 * `FrameworkController` does for frameworks (both are a `SourceController`): built-in ids and objects resolve
 * synchronously; a URL is fetched (only then), with the previous fetch aborted when the source changes.
 * Failures become issues with paths, never exceptions. Checking the bank against its framework is the
 * element's job (it needs the framework).
 */
export class BankController extends SourceController<QuestionBank, BankState> {
  constructor(host: ReactiveControllerHost, getSource: () => BankSource, getTimeout?: () => number) {
    super(host, getSource, BANK, getTimeout);
  }
}
