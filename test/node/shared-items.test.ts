/**
 * Statements listed at several levels (framework/shared-items.ts). The adult care pathway's groups are worked
 * out here from the JSON by a separate route (exact text after whitespace, per kind) and checked against the
 * figures of the content audit: 18 statements at two to four levels, 47 items.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frameworks, parseFramework, sharedItemGroups } from '../../packages/engine/src/index.ts';
import { makeFramework } from '../support/factories.ts';

describe('sharedItemGroups', () => {
  const pathway = frameworks['adult-care-pathway'];
  const groups = sharedItemGroups(pathway);

  test('adult-care-pathway: 18 statements appear at two to four levels, 47 items in all', () => {
    assert.equal(groups.length, 18);
    assert.equal(groups.reduce((n, g) => n + g.ids.length, 0), 47);
    for (const g of groups) assert.ok(g.ids.length >= 2 && g.ids.length <= 4, g.ids.join());
  });

  test('each group is one statement of one kind, its ids in framework order, at distinct levels', () => {
    const order = new Map(pathway.items.map((i, k) => [i.id, k]));
    for (const g of groups) {
      const items = g.ids.map((id) => pathway.items.find((i) => i.id === id)!);
      assert.equal(new Set(items.map((i) => i.title)).size, 1, g.ids.join());
      assert.equal(new Set(items.map((i) => i.kind)).size, 1, g.ids.join());
      assert.deepEqual([...g.ids].sort((a, b) => order.get(a)! - order.get(b)!), g.ids);
      assert.equal(new Set(items.flatMap((i) => i.levels)).size, g.ids.length, 'one item per level');
      assert.deepEqual(g.levels, items.map((i) => i.levels[0]));
    }
  });

  test('the 6Cs are asked once for all four levels, though only Level 4 gives them codes', () => {
    const care = groups.find((g) => g.ids.includes('l4-b1'))!;
    assert.deepEqual(care.ids, ['l2-b1', 'l3-b1', 'l4-b1', 'l5-b1']);
    assert.deepEqual(care.levels, ['level-2', 'level-3', 'level-4', 'level-5']);
    const shared = groups.find((g) => g.ids.includes('l2-k18'))!;
    assert.deepEqual(shared.ids, ['l2-k18', 'l3-k14'], 'codes 18 and 14: each standard numbers its own statements');
  });

  test('text that differs, even only in capitals, is not grouped', () => {
    assert.ok(!groups.some((g) => g.ids.includes('l2-k3')), 'L2 "statutory standards and codes" vs L3 "Standards and Codes"');
    const all = new Set(groups.flatMap((g) => g.ids));
    for (const item of pathway.items) {
      const twins = pathway.items.filter((o) => o.kind === item.kind && o.title === item.title);
      assert.equal(all.has(item.id), twins.length > 1, item.id);
    }
  });

  test('frameworks that list each competence once have no groups', () => {
    assert.deepEqual(sharedItemGroups(frameworks['clinical-homecare']), []);
    assert.deepEqual(sharedItemGroups(parseFramework(makeFramework())), []);
  });
});
