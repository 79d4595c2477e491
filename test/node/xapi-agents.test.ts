/**
 * xAPI actors in every Agent form (xAPI-Data 1.0.3 §2.4.2.1: exactly one of mbox, mbox_sha1sum, openid,
 * account), and an independent check of the statements: Learning Locker's conformance-tested `xapi-validation`
 * must find nothing to warn about in the statements from both built-in banks, with all answers right, all wrong
 * and partly right (multiple-answer questions with one of their correct options), as well as levelfit's own
 * `validateStatements`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import xapiValidation from 'xapi-validation';
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers } from '../../packages/engine/src/index.ts';
import {
  deterministicIds,
  safeToXapiStatements,
  toXapiStatements,
  validateStatements,
  type XapiActor,
  type XapiOptions,
} from '../../packages/engine/src/lms/index.ts';

// The package is CommonJS compiled from TypeScript: its function is the default export's `default` under tsx.
const validate: (s: unknown) => unknown[] =
  typeof xapiValidation === 'function' ? xapiValidation : (xapiValidation as unknown as { default: (s: unknown) => unknown[] }).default;

const BANK: QuestionBank = quizzes['clinical-homecare-core'];
const base: Omit<XapiOptions, 'actor'> = {
  activityBase: 'https://lms.example.org/levelfit',
  registration: '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c',
  timestamp: '2026-11-23T10:15:30.000Z',
  idFactory: deterministicIds('agents'),
};
const allRight = (bank: QuestionBank): QuizAnswers =>
  Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));

const FORMS: [string, XapiActor][] = [
  ['account', { account: { homePage: 'https://lms.example.org', name: 'learner-42' }, name: 'A. Learner' }],
  ['mbox', { mbox: 'mailto:learner@example.org' }],
  ['mbox_sha1sum', { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9', name: 'A. Learner' }],
  ['openid', { openid: 'https://openid.example.org/learner-42' }],
];

describe('toXapiStatements: every Agent form', () => {
  for (const [form, actor] of FORMS) {
    test(`an ${form} actor gives valid statements whose actor has just that IFI`, async () => {
      const score = await scoreQuiz(BANK, allRight(BANK));
      const result = safeToXapiStatements(score, BANK, { ...base, actor });
      assert.ok(result.success, JSON.stringify(!result.success && result.issues.slice(0, 3)));
      for (const s of result.data) {
        assert.deepEqual(s.actor, { objectType: 'Agent', ...actor });
        assert.deepEqual(validate(s), []);
      }
    });
  }

  const BAD: [string, unknown, string, (string | number)[]][] = [
    ['no IFI', { name: 'A. Learner' }, 'invalid_ifi', [0, 'actor']],
    ['two IFIs', { mbox: 'mailto:a@example.org', openid: 'https://id.example.org/a' }, 'invalid_ifi', [0, 'actor']],
    ['an mbox that is not a mailto IRI', { mbox: 'learner@example.org' }, 'invalid_mbox', [0, 'actor', 'mbox']],
    ['an mbox_sha1sum that is not 40 hex digits', { mbox_sha1sum: 'abc' }, 'invalid_value', [0, 'actor', 'mbox_sha1sum']],
    ['an openid that is not a URI', { openid: 'learner 42' }, 'invalid_iri', [0, 'actor', 'openid']],
    ['an account without a name', { account: { homePage: 'https://lms.example.org' } }, 'missing_property', [0, 'actor', 'account', 'name']],
    ['an account that is a string', { account: 'learner-42' }, 'invalid_type', [0, 'actor', 'account']],
    ['no actor at all', undefined, 'invalid_ifi', [0, 'actor']],
    ['an actor that is a string', 'mailto:learner@example.org', 'invalid_ifi', [0, 'actor']],
  ];
  for (const [what, actor, code, path] of BAD) {
    test(`${what}: an issue (${code}), not a TypeError`, async () => {
      const score = await scoreQuiz(BANK, allRight(BANK));
      const options = { ...base, actor } as unknown as XapiOptions;
      assert.doesNotThrow(() => toXapiStatements(score, BANK, options));
      const result = safeToXapiStatements(score, BANK, options);
      assert.equal(result.success, false);
      if (result.success) return;
      const first = result.issues[0]!;
      assert.equal(first.code, code, JSON.stringify(first));
      assert.deepEqual(first.path, path);
      assert.match(first.message, /\S/);
    });
  }
});

describe('statements from both banks pass xapi-validation with no warnings', () => {
  const answerSets = (bank: QuestionBank): [string, QuizAnswers][] => {
    const right = allRight(bank);
    const wrong = Object.fromEntries(bank.questions.map((q) => [q.id, [q.options.find((o) => !o.correct)!.id]]));
    const partial = Object.fromEntries(
      bank.questions.map((q) => {
        const correct = q.options.filter((o) => o.correct).map((o) => o.id);
        return [q.id, correct.length > 1 ? correct.slice(0, 1) : correct];
      }),
    );
    return [['right', right], ['wrong', wrong], ['partial', partial]];
  };

  for (const bank of Object.values(quizzes)) {
    for (const [form, actor] of FORMS) {
      test(`${bank.id}, ${form} actor: right, wrong and partly right answers`, async () => {
        let checked = 0;
        let partialScores = 0;
        for (const [kind, answers] of answerSets(bank)) {
          const score = await scoreQuiz(bank, answers);
          const statements = toXapiStatements(score, bank, { ...base, actor });
          assert.deepEqual(validateStatements(statements), [], `${kind}: levelfit's rules`);
          for (const s of JSON.parse(JSON.stringify(statements)) as unknown[]) {
            assert.deepEqual(validate(s), [], `${kind}: xapi-validation warnings`);
            checked++;
          }
          if (kind === 'partial')
            partialScores += statements.filter((s) => s.result?.score?.scaled !== undefined && s.result.score.scaled > 0 && s.result.score.scaled < 1).length;
        }
        assert.ok(checked >= bank.questions.length * 3, `${checked} statements checked`);
        if (bank.questions.some((q) => q.options.filter((o) => o.correct).length > 1))
          assert.ok(partialScores > 0, 'the partial answers really score between 0 and 1');
      });
    }
  }
});
