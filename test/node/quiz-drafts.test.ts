/**
 * Quiz drafts share the self-assessment's envelope header and store: revision and writer, migration, the
 * three-way merge. These check the quiz's format on its own: v1 drafts migrate without losing an answer,
 * revisions stop at the safe-integer limit, and two tabs' answers merge question by question.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuestionBank } from '@levelfit/engine';
import {
  createQuizDraft,
  loadQuizDraft,
  QUIZ_DRAFT_VERSION,
  QUIZ_DRAFT_VERSIONS,
  QUIZ_DRAFTS,
  quizDraftKey,
  serializeQuizDraft,
} from '../../packages/elements/src/drafts/quiz-envelope.ts';
import { nextRevision, readHeader } from '../../packages/elements/src/drafts/shared.ts';
import { makeBank } from '../../stories/support/quiz-bank.ts';

const bank = parseQuestionBank(makeBank());

/** A draft as version 1 wrote it (no revision). */
function v1(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    kind: 'quiz',
    bankId: 'test-bank',
    bankVersion: '1.0',
    savedAt: '2026-11-20T10:30:00.000Z',
    writer: 'tab-1',
    answers: { 'hand-wash': ['a'], 'five-moments': ['b', 'a'], 'alcohol-rub': ['false'] },
    step: 3,
    revealed: ['hand-wash', 'five-moments'],
    ...overrides,
  };
}

describe('quiz draft envelope', () => {
  test('version 2 is current and carries a revision', () => {
    assert.deepEqual(QUIZ_DRAFT_VERSIONS, [1, 2]);
    assert.equal(QUIZ_DRAFT_VERSION, 2);
    const draft = createQuizDraft(bank, { answers: { 'hand-wash': ['a'] }, step: 1, revealed: [] }, new Date(0), { revision: 4, writer: 'w' });
    assert.equal(draft.revision, 4);
    assert.deepEqual(loadQuizDraft(serializeQuizDraft(draft), bank), { kind: 'loaded', draft });
    assert.equal(quizDraftKey('test-bank', 'term-1'), 'levelfit:draft:quiz:test-bank:term-1');
  });

  test('a stored v1 draft migrates without loss: every answer, the step, the feedback shown and the writer', () => {
    const outcome = loadQuizDraft(JSON.stringify(v1()), bank);
    assert.equal(outcome.kind, 'migrated');
    if (outcome.kind !== 'migrated') return;
    assert.deepEqual(outcome.dropped, []);
    assert.deepEqual(outcome.from, { envelopeVersion: 1, sourceVersion: '1.0' });
    assert.deepEqual(outcome.draft, {
      v: 2,
      kind: 'quiz',
      bankId: 'test-bank',
      bankVersion: '1.0',
      savedAt: '2026-11-20T10:30:00.000Z',
      revision: 0,
      writer: 'tab-1',
      answers: { 'hand-wash': ['a'], 'five-moments': ['b', 'a'], 'alcohol-rub': ['false'] },
      step: 3,
      revealed: ['hand-wash', 'five-moments'],
    });
    // Saved again by the store, it loads as current.
    const again = QUIZ_DRAFTS.create({ bank, ...outcome.draft }, new Date(1), { revision: 1, writer: 'w' });
    assert.equal(loadQuizDraft(serializeQuizDraft(again), bank).kind, 'loaded');
  });

  test('a v1 draft with no writer migrates with an empty writer; one the bank cannot take is listed, not lost silently', () => {
    const { writer: _w, ...noWriter } = v1();
    const outcome = loadQuizDraft(JSON.stringify({ ...noWriter, answers: { 'hand-wash': ['a'], gone: ['a'] } }), bank);
    assert.ok(outcome.kind === 'migrated');
    assert.equal(outcome.draft.writer, '');
    assert.deepEqual(outcome.dropped, ['gone']);
    assert.deepEqual(outcome.draft.answers, { 'hand-wash': ['a'] });
  });

  test('set aside: not a quiz draft, a newer envelope, another bank, a newer bank version', () => {
    for (const [raw, reason] of [
      ['{', 'corrupt'],
      [JSON.stringify({ ...v1(), kind: 'assessment' }), 'corrupt'],
      [JSON.stringify({ ...v1(), v: 3 }), 'future-version'],
      [JSON.stringify({ ...v1(), bankId: 'other' }), 'other-bank'],
      [JSON.stringify({ ...v1(), bankVersion: '2.0' }), 'future-version'],
      [JSON.stringify({ ...v1(), v: 2, revision: -1 }), 'corrupt'],
    ] as const) {
      const outcome = loadQuizDraft(raw, bank);
      assert.equal(outcome.kind, 'set-aside', raw);
      assert.ok(outcome.kind === 'set-aside' && outcome.reason === reason && outcome.raw === raw, raw);
    }
  });
});

describe('revisions at the safe-integer limit', () => {
  test('nextRevision stops at Number.MAX_SAFE_INTEGER', () => {
    assert.equal(nextRevision(0), 1);
    assert.equal(nextRevision(Number.MAX_SAFE_INTEGER - 1), Number.MAX_SAFE_INTEGER);
    assert.equal(nextRevision(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
  });

  test('a stored revision past the limit (2^53) is clamped, not taken for corrupt', () => {
    const header = readHeader({ savedAt: '2026-01-01T00:00:00Z', revision: 2 ** 53, writer: '' });
    assert.deepEqual(header, { ok: true, savedAt: '2026-01-01T00:00:00Z', revision: Number.MAX_SAFE_INTEGER, writer: '' });
    const outcome = loadQuizDraft(JSON.stringify({ ...v1(), v: 2, revision: 2 ** 53 }), bank);
    assert.ok(outcome.kind === 'loaded' && outcome.draft.revision === Number.MAX_SAFE_INTEGER);
  });
});

describe('quiz answers from two tabs', () => {
  const base = { answers: { 'hand-wash': ['a'] }, revealed: ['hand-wash'] };

  test('takes a question only the other tab answered, keeps feedback shown where the kept answer is the same', () => {
    const mine = { answers: { 'hand-wash': ['a'], 'five-moments': ['b', 'a'] }, revealed: ['hand-wash'] };
    const theirs = { answers: { 'hand-wash': ['a'], 'alcohol-rub': ['false'] }, revealed: ['hand-wash', 'alcohol-rub'] };
    const result = QUIZ_DRAFTS.merge(base, mine, theirs);
    assert.deepEqual(result.merged.answers, { 'hand-wash': ['a'], 'five-moments': ['b', 'a'], 'alcohol-rub': ['false'] });
    assert.deepEqual([...result.merged.revealed].sort(), ['alcohol-rub', 'hand-wash']);
    assert.deepEqual(result.fromTheirs.items, ['alcohol-rub']);
    assert.deepEqual(result.conflicts.items, []);
  });

  test('the same options in another order are the same answer; different answers to one question conflict', () => {
    const same = QUIZ_DRAFTS.merge(null, { answers: { 'five-moments': ['a', 'b'] }, revealed: [] }, { answers: { 'five-moments': ['b', 'a'] }, revealed: [] });
    assert.deepEqual(same.conflicts.items, []);
    const differ = QUIZ_DRAFTS.merge(base, { answers: { 'hand-wash': ['b'] }, revealed: [] }, { answers: { 'hand-wash': ['c'] }, revealed: ['hand-wash'] });
    assert.deepEqual(differ.conflicts.items, ['hand-wash']);
    assert.deepEqual(differ.merged.answers, { 'hand-wash': ['b'] }, 'mine is kept until the person chooses');
    const chosen = QUIZ_DRAFTS.takeTheirs({ answers: { 'hand-wash': ['b'] }, revealed: [] }, { answers: { 'hand-wash': ['c'] }, revealed: ['hand-wash'] }, differ.conflicts);
    assert.deepEqual(chosen, { answers: { 'hand-wash': ['c'] }, revealed: ['hand-wash'] });
  });
});
