/**
 * The supervisor's review draft as data (packages/elements/src/drafts/review-envelope.ts): reading what
 * storage holds without throwing, one draft per submission, and the three-way merge two tabs rely on.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createReviewDraft,
  loadReviewDraft,
  mergeReviewDrafts,
  recordKeyOf,
  reviewDraftKey,
  type ReviewDraftState,
} from '../../packages/elements/src/drafts/review-envelope.ts';
import type { ItemReview } from '../../packages/engine/src/index.ts';

const target = { recordKey: 'staff-1@2026-12-01T09:30:00Z', framework: { id: 'tiny', version: '1.0', items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as never } };
const draft = (items: Record<string, unknown>, returnReason = '') =>
  JSON.stringify(createReviewDraft(target, { items: items as Record<string, ItemReview>, returnReason }, new Date('2026-12-02T10:00:00Z'), { revision: 2, writer: 'tab-1' }));

describe('review drafts', () => {
  test('one key per submission: the person and the time they submitted', () => {
    const key = recordKeyOf({ person: { id: 'staff:1/x' }, self: { submittedAt: '2026-12-01T09:30:00Z' } });
    assert.equal(key, 'staff%3A1%2Fx@2026-12-01T09:30:00Z');
    assert.equal(reviewDraftKey(key), 'levelfit:draft:review:staff%3A1%2Fx@2026-12-01T09:30:00Z');
  });

  test('loads a draft, leaving out entries for items the framework lacks and junk entries', () => {
    const out = loadReviewDraft(draft({ a: { agree: true, note: 'ok' }, gone: { rating: 1 }, b: 'junk' }, 'why'), target);
    assert.equal(out.kind, 'migrated');
    if (out.kind !== 'migrated') return;
    assert.deepEqual(out.draft.items, { a: { agree: true, note: 'ok' } });
    assert.deepEqual(out.dropped, ['gone', 'b']);
    assert.equal(out.draft.returnReason, 'why');
    assert.equal(out.draft.revision, 2);
  });

  test('anything else is set aside with the raw text, never thrown', () => {
    for (const raw of ['{', '[]', '{"kind":"review","v":1}', JSON.stringify({ kind: 'quiz', v: 1 }), '"x"', 'null']) {
      const out = loadReviewDraft(raw, target);
      assert.equal(out.kind, raw === 'null' ? 'set-aside' : 'set-aside', raw);
      if (out.kind === 'set-aside') assert.equal(out.raw, raw);
    }
    assert.equal(loadReviewDraft(draft({}).replace('"v":1', '"v":9'), target).kind, 'set-aside');
    assert.equal(loadReviewDraft(draft({ a: { agree: true } }), target).kind, 'loaded');
    const other = loadReviewDraft(draft({}), { ...target, recordKey: 'staff-1@2026-12-05T09:30:00Z' });
    assert.equal(other.kind === 'set-aside' && other.reason, 'other-record');
    assert.deepEqual(loadReviewDraft(null, target), { kind: 'empty' });
  });

  test('merge: one side changed takes it; both the same is fine; different changes are conflicts kept as mine', () => {
    const base: ReviewDraftState = { items: { a: { agree: true }, b: { rating: 1 } }, returnReason: '' };
    const mine: ReviewDraftState = { items: { a: { agree: true }, b: { rating: 2 }, c: { note: 'mine' } }, returnReason: '' };
    const theirs: ReviewDraftState = { items: { a: { rating: 0 }, b: { rating: 3 }, c: { note: 'mine' } }, returnReason: 'please redo' };
    const r = mergeReviewDrafts(base, mine, theirs);
    assert.deepEqual(r.merged.items, { a: { rating: 0 }, b: { rating: 2 }, c: { note: 'mine' } });
    assert.deepEqual(r.conflicts, { items: ['b'], returnReason: false });
    assert.deepEqual(r.fromTheirs, { items: ['a'], returnReason: true });
    assert.equal(r.merged.returnReason, 'please redo');
    // key order inside an entry does not make a difference
    const same = mergeReviewDrafts(null, { items: { a: { note: 'n', agree: true } }, returnReason: '' }, { items: { a: { agree: true, note: 'n' } }, returnReason: '' });
    assert.deepEqual(same.conflicts.items, []);
    // an entry the other tab no longer has, unchanged here, is put to the reviewer (it may have started again), and kept meanwhile
    const removed = mergeReviewDrafts(base, base, { items: { b: { rating: 1 } }, returnReason: '' });
    assert.deepEqual(removed.conflicts.items, ['a']);
    assert.deepEqual(removed.merged.items, base.items);
  });
});
