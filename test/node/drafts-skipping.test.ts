/** The self-assessment draft keeps the person's choice to answer the questions that cannot change their result. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frameworks } from '../../packages/engine/src/index.ts';
import { createDraft, draftTargetOf, loadDraft, serializeDraft } from '../../packages/elements/src/drafts/envelope.ts';

const fw = frameworks['clinical-homecare'];
const now = new Date('2026-12-02T09:00:00Z');
const state = { ratings: { [fw.items[0]!.id]: 2 }, step: 3, role: null };
const roundTrip = (raw: string) => {
  const out = loadDraft(raw, draftTargetOf(fw));
  assert.equal(out.kind, 'loaded');
  return (out as { draft: { skipping?: boolean; step: number } }).draft;
};

describe('draft: leaving out questions', () => {
  test('"Answer them anyway" is saved and read back', () => {
    const raw = serializeDraft(createDraft(fw, { ...state, skipping: false }, now));
    assert.equal(JSON.parse(raw).skipping, false);
    assert.equal(roundTrip(raw).skipping, false);
  });

  test('the default (leave them out) writes nothing, so drafts from before read the same', () => {
    for (const skipping of [true, undefined]) {
      const raw = serializeDraft(createDraft(fw, { ...state, skipping }, now));
      assert.equal(Object.hasOwn(JSON.parse(raw), 'skipping'), false);
      assert.equal(roundTrip(raw).skipping, undefined);
    }
  });

  test('anything but false is the default, never an error', () => {
    for (const odd of ['no', 0, null, true, {}]) {
      const raw = JSON.stringify({ ...JSON.parse(serializeDraft(createDraft(fw, state, now))), skipping: odd });
      const draft = roundTrip(raw);
      assert.equal(draft.skipping, undefined);
      assert.equal(draft.step, 3);
    }
  });
});
