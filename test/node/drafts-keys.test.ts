/**
 * Where drafts live and what else the elements keep (packages/elements/src/drafts/shared.ts,
 * quiz/attempts.ts, drafts/review-envelope.ts): person-key namespacing, set-aside times, the attempt count
 * read from storage, and the review draft's evidence form. Pure functions: nothing here may throw on input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setAsideKeyFor, setAsideTimeOf, storageKeyUnder } from '../../packages/elements/src/drafts/shared.ts';
import { draftKey } from '../../packages/elements/src/drafts/envelope.ts';
import { attemptsKey, decodeAttempts, encodeAttempts } from '../../packages/elements/src/quiz/attempts.ts';
import { submissionKey } from '../../packages/elements/src/self-assessment/submission.ts';
import { createReviewDraft, loadReviewDraft, mergeReviewDrafts, REVIEW_DRAFTS } from '../../packages/elements/src/drafts/review-envelope.ts';

describe('draft keys', () => {
  test('a person key goes last, URI-encoded, and only when it is not blank', () => {
    assert.equal(storageKeyUnder('levelfit:draft', 'fw', 'appraisal', 'worker 17'), 'levelfit:draft:fw:appraisal:person:worker%2017');
    assert.equal(storageKeyUnder('levelfit:draft', 'fw', null, 'a:b'), 'levelfit:draft:fw:person:a%3Ab');
    assert.equal(storageKeyUnder('levelfit:draft', 'fw', 'appraisal', '  '), 'levelfit:draft:fw:appraisal');
    assert.equal(storageKeyUnder('levelfit:draft', 'fw', null, null), 'levelfit:draft:fw');
    assert.equal(draftKey('fw', 'appraisal'), 'levelfit:draft:fw:appraisal', 'keys without a person are unchanged');
    assert.equal(submissionKey('fw', null, 'w1'), 'levelfit:submission:fw:person:w1');
    assert.equal(attemptsKey('bank', 'k', 'w1'), 'levelfit:attempts:quiz:bank:k:person:w1');
  });

  test('the time of a set-aside copy is read back from its key (with a -n suffix too), else null', () => {
    const key = setAsideKeyFor('levelfit:draft:fw', 1_764_670_000_000);
    assert.equal(setAsideTimeOf(key), 1_764_670_000_000);
    assert.equal(setAsideTimeOf(`${key}-2`), 1_764_670_000_000);
    assert.equal(setAsideTimeOf('levelfit:draft:fw'), null);
    assert.equal(setAsideTimeOf('levelfit:draft:fw:set-aside:x'), null);
  });
});

describe('the attempt count kept on a device', () => {
  test('round-trips, and anything unreadable or for another bank counts as none', () => {
    assert.equal(decodeAttempts(encodeAttempts('bank', 2, new Date('2026-12-02T10:00:00Z')), 'bank'), 2);
    assert.equal(decodeAttempts(encodeAttempts('bank', 2, new Date()), 'other'), 0);
    for (const raw of [null, '', 'not json', '[]', '{"v":2,"bankId":"bank","used":1}', '{"v":1,"bankId":"bank","used":1.5}', '{"v":1,"bankId":"bank","used":-1}', '{"v":1,"bankId":"bank","used":1e9}']) {
      assert.equal(decodeAttempts(raw, 'bank'), 0, String(raw));
    }
  });
});

describe('the review draft keeps evidence being typed', () => {
  const source = { recordKey: 'p@t', framework: { id: 'tiny', version: '1.0', items: [{ id: 'a' }, { id: 'b' }] as never } };
  const form = { itemId: 'a', kind: 'observation' as const, label: 'Watched a visit', date: '2026-12-01', ref: '' };
  const raw = (evidenceForm: unknown) =>
    JSON.stringify({ ...createReviewDraft(source, { items: {}, returnReason: '' }, new Date('2026-12-02T10:00:00Z'), { revision: 1, writer: 'w' }), evidenceForm });

  test('saved and loaded as typed', () => {
    const out = loadReviewDraft(JSON.stringify(createReviewDraft(source, { items: {}, returnReason: '', evidenceForm: form }, new Date(), { revision: 1, writer: 'w' })), source);
    assert.equal(out.kind, 'loaded');
    if (out.kind === 'loaded') assert.deepEqual(out.draft.evidenceForm, form);
  });

  test('a form for an unknown item or kind is left out; the rest of the draft still loads', () => {
    for (const bad of [{ ...form, itemId: 'gone' }, { ...form, kind: 'rumour' }, 'junk', 42]) {
      const out = loadReviewDraft(raw(bad), source);
      assert.equal(out.kind, 'loaded', JSON.stringify(bad));
      if (out.kind === 'loaded') assert.equal(out.draft.evidenceForm, undefined);
    }
    const long = loadReviewDraft(raw({ ...form, label: 'x'.repeat(50_000), date: 7 }), source);
    assert.ok(long.kind === 'loaded' && long.draft.evidenceForm!.label.length === 10_000 && long.draft.evidenceForm!.date === '');
  });

  test('a merge keeps this tab’s form and never calls it a conflict; a changed form is a change to save', () => {
    const mine = { items: {}, returnReason: '', evidenceForm: form };
    const theirs = { items: {}, returnReason: '', evidenceForm: { ...form, label: 'Something else' } };
    const m = mergeReviewDrafts(null, mine, theirs);
    assert.deepEqual(m.merged.evidenceForm, form);
    assert.deepEqual(m.conflicts, { items: [], returnReason: false });
    assert.equal(REVIEW_DRAFTS.same(mine, theirs), false);
    assert.equal(REVIEW_DRAFTS.same(mine, { ...mine }), true);
    assert.deepEqual(REVIEW_DRAFTS.takeTheirs(mine, theirs, { items: [], role: false }).evidenceForm, form);
  });
});
