/**
 * The self-assessment's steps: one topic a step, a long topic split into even parts no longer than the step
 * size, and nothing split that fits.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frameworks, type Framework } from '../../packages/engine/src/index.ts';
import { buildSteps, DEFAULT_STEP_SIZE, evenParts } from '../../packages/elements/src/self-assessment/steps.ts';

const homecare = frameworks['clinical-homecare'];
const groupOf = (fw: Framework, id: string) => {
  const item = fw.items.find((i) => i.id === id)!;
  return item.group ?? item.kind;
};

describe('buildSteps', () => {
  test('clinical-homecare at the default size: nine steps of 6 to 9 questions, not 12/11/8/8/9/12/7', () => {
    assert.equal(DEFAULT_STEP_SIZE, 10);
    const steps = buildSteps(homecare.items);
    assert.deepEqual(steps.map((s) => s.itemIds.length), [8, 8, 7, 8, 8, 9, 6, 6, 7]);
    assert.deepEqual(steps.map((s) => `${s.part}/${s.parts}`), ['1/3', '2/3', '3/3', '1/1', '1/1', '1/1', '1/2', '2/2', '1/1']);
    // the old limit of 12 still gives the old steps, for a host that sets step-size="12"
    assert.deepEqual(buildSteps(homecare.items, 12).map((s) => s.itemIds.length), [12, 11, 8, 8, 9, 12, 7]);
  });

  for (const [id, fw] of Object.entries(frameworks)) {
    test(`${id}: every size keeps source order, splits only what does not fit, and splits evenly`, () => {
      const runs: number[] = [];
      let last: string | undefined;
      for (const item of fw.items) {
        const g = item.group ?? item.kind;
        if (g === last) runs[runs.length - 1]!++;
        else runs.push(1);
        last = g;
      }
      for (const size of [1, 2, 5, 8, 10, 12, 25, 1000]) {
        const steps = buildSteps(fw.items, size);
        assert.deepEqual(steps.flatMap((s) => s.itemIds), fw.items.map((i) => i.id));
        assert.deepEqual(steps.map((s) => s.index), steps.map((_, i) => i));
        for (const s of steps) {
          assert.ok(s.itemIds.length >= 1 && s.itemIds.length <= size, `${id} size ${size}: a step of ${s.itemIds.length}`);
          assert.equal(new Set(s.itemIds.map((i) => groupOf(fw, i))).size, 1, 'one topic a step');
        }
        // one step per run that fits; the fewest even parts for a run that does not
        const expected = runs.flatMap((n) => evenParts(Array.from({ length: n }, (_, i) => i), Math.ceil(n / size)).map((p) => p.length));
        assert.deepEqual(steps.map((s) => s.itemIds.length), expected);
        for (const n of expected) assert.ok(n >= 1);
      }
    });
  }

  test('evenParts: sizes differ by at most one, longer first', () => {
    assert.deepEqual(evenParts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 2).map((p) => p.length), [6, 5]);
    assert.deepEqual(evenParts(Array.from({ length: 22 }, (_, i) => i), 3).map((p) => p.length), [8, 7, 7]);
    for (let n = 1; n <= 60; n++) {
      for (let parts = 1; parts <= n; parts++) {
        const sizes = evenParts(Array.from({ length: n }, (_, i) => i), parts).map((p) => p.length);
        assert.equal(sizes.reduce((a, b) => a + b, 0), n);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
      }
    }
  });

  test('a step size that is not a positive number falls back to the default', () => {
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) assert.deepEqual(buildSteps(homecare.items, bad), buildSteps(homecare.items));
  });
});
