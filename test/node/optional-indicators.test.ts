/**
 * Optional indicators (an indicator drawn from a "may" sentence, `"optional": true`): met, one counts toward
 * attaining its level and toward an overlap into it; not met, it leaves the count of required indicators, so
 * it never counts against anyone, and it is neither missing nor a gap.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, frameworks, parseFramework } from '../../packages/engine/src/index.ts';

/** Two levels; B has 4 indicators, 2 of them optional; attained at 75% of indicators, overlap at 50%. */
const fw = parseFramework({
  id: 'opt',
  title: 'Optional',
  version: '1',
  source: { title: 'Synthetic', publisher: null, date: null },
  scale: { met: 2, values: [0, 1, 2, 3].map((value) => ({ value, label: `R${value}` })) },
  levels: ['a', 'b'].map((id) => ({ id, title: id.toUpperCase(), descriptor: [], roles: [] })),
  items: [
    { id: 'core', title: 'Core', kind: 'competence', levels: ['a', 'b'] },
    { id: 'firm-1', title: 'Firm 1', kind: 'indicator', levels: ['b'] },
    { id: 'firm-2', title: 'Firm 2', kind: 'indicator', levels: ['b'] },
    { id: 'may-1', title: 'May 1', kind: 'indicator', levels: ['b'], optional: true },
    { id: 'may-2', title: 'May 2', kind: 'indicator', levels: ['b'], optional: true },
  ],
  rules: [
    {
      conditions: { all: [{ fact: 'competencesMissing', operator: 'equal', value: 0 }, { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: 0.75 }] },
      event: { type: 'attained' },
    },
    { conditions: { any: [{ fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: 0.5 }] }, event: { type: 'overlap' } },
  ],
});

const fit = (ratings: Record<string, number>) => assess(fw, { ratings: { core: 2, ...ratings } });

describe('optional indicators', () => {
  test('not met, they leave the count: both firm indicators met attains B (2 of 2), nothing missing', async () => {
    const r = await fit({ 'firm-1': 2, 'firm-2': 2 });
    assert.equal(r.bestFit, 'b');
    assert.deepEqual(r.levels[1]!.indicators, { required: 2, met: 2 });
    assert.equal(r.levels[1]!.indicatorCoverage, 1);
    assert.deepEqual(r.levels[1]!.missing, []);
  });
  test('met, they count toward attaining: one firm and one optional met is 2 of 3, not attained; two optional met is 3 of 4', async () => {
    const partly = await fit({ 'firm-1': 2, 'may-1': 3 });
    assert.equal(partly.bestFit, 'a');
    assert.deepEqual(partly.levels[1]!.indicators, { required: 3, met: 2 });
    assert.deepEqual(partly.levels[1]!.missing, ['firm-2'], 'the unmet optional indicator is not missing');
    assert.deepEqual(partly.gaps.items.map((i) => i.id), ['firm-2'], 'nor a gap');
    const more = await fit({ 'firm-1': 2, 'may-1': 2, 'may-2': 2 });
    assert.equal(more.bestFit, 'b');
    assert.deepEqual(more.levels[1]!.indicators, { required: 4, met: 3 });
  });
  test('met, they count toward an overlap and are listed in it', async () => {
    // with A attained, only optional indicators met at B: 2 of 4 (50%) overlaps
    const r = await fit({ 'may-1': 2, 'may-2': 2 });
    assert.equal(r.bestFit, 'a');
    assert.equal(r.overlap?.to, 'b');
    assert.deepEqual(r.overlap?.items.map((i) => i.id), ['may-1', 'may-2']);
  });
  test('nobody is held back by an optional indicator: the same person with and without it marked optional', async () => {
    const ratings = { 'firm-1': 2, 'firm-2': 2 };
    const strict = parseFramework({ ...structuredClone(fw), items: fw.items.map(({ optional: _o, ...item }) => item) });
    assert.equal((await assess(strict, { ratings: { core: 2, ...ratings } })).bestFit, 'a', 'as firm indicators, 2 of 4 is not enough');
    assert.equal((await fit(ratings)).bestFit, 'b');
  });
  test('clinical-homecare: meeting every firm indicator and competence of a level attains it, whatever the optional ones', async () => {
    const ch = frameworks['clinical-homecare'];
    const optional = ch.items.filter((i) => i.optional === true);
    assert.ok(optional.length > 0, 'clinical-homecare marks some indicators optional');
    const level = optional[0]!.levels[0]!;
    const ratings: Record<string, number> = {};
    for (const item of ch.items) if (item.levels.includes(level) && item.optional !== true) ratings[item.id] = 2;
    const r = await assess(ch, { ratings });
    const result = r.levels.find((l) => l.level === level)!;
    assert.equal(result.attained, true);
    assert.equal(result.indicatorCoverage, 1);
    assert.ok(!result.missing.some((id) => optional.some((o) => o.id === id)));
  });
});
