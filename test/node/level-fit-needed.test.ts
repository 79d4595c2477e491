/**
 * `needed`: the least that must change per level, from the framework's own rules. Checked against the rules
 * themselves, never against a copy of the arithmetic: meeting every listed competence and the first `need` of
 * the listed statements attains the level, and one statement fewer does not. Both ways of finding `need` are
 * covered: read from a plain rule (the built-in frameworks), and searched for a rule that cannot be read that
 * way (the same threshold written with a `not`, and a threshold that differs per level).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, frameworks, parseFramework, type Framework, type LevelFit } from '../../packages/engine/src/index.ts';
import { compile } from '../../packages/engine/src/framework/compile.ts';
import { neededPath } from '../../packages/engine/src/level-fit/needed.ts';
import { readFrameworkJson } from '../support/factories.ts';
import { seededRandom } from '../../packages/engine/src/quiz/arrange.ts';

/** Seeded people: each answers a share of the items, each rating drawn from the scale. */
function people(fw: Framework, n: number, seed: number): Record<string, number>[] {
  const rand = seededRandom(seed);
  const values = fw.scale.values.map((v) => v.value);
  return Array.from({ length: n }, () => {
    const answered = rand();
    const high = rand();
    const ratings: Record<string, number> = {};
    for (const item of fw.items) {
      if (rand() > answered) continue;
      ratings[item.id] = rand() < high ? values[values.length - 1 - Math.floor(rand() * 2)]! : values[Math.floor(rand() * values.length)]!;
    }
    return ratings;
  });
}

/** Checks `needed` of every level of `fit` against the rules, by assessing the changed answers. */
async function checkNeeded(fw: Framework, ratings: Record<string, number>, fit: LevelFit): Promise<void> {
  const metAt = fw.scale.met;
  for (const [i, l] of fit.levels.entries()) {
    const { competences, indicators } = l.needed;
    if (l.attained) {
      assert.deepEqual(l.needed, { competences: [], indicators: { need: 0, from: [] } });
      continue;
    }
    // closest first: ratings never rise down the list; equal ratings keep framework order
    for (const list of [competences, indicators.from]) {
      const order = list.map((x) => fw.items.findIndex((it) => it.id === x.id));
      list.forEach((x, k) => k > 0 && assert.ok(list[k - 1]!.rating > x.rating || (list[k - 1]!.rating === x.rating && order[k - 1]! < order[k]!), `${l.level}: order`));
    }
    assert.ok(indicators.need >= 0 && indicators.need <= indicators.from.length);
    const meet = async (k: number) => {
      const changed = { ...ratings };
      for (const x of [...competences, ...indicators.from.slice(0, k)]) changed[x.id] = metAt;
      return (await assess(fw, { ratings: changed })).levels[i]!.attained;
    };
    if (l.missing.length === competences.length + indicators.from.length) {
      assert.ok(await meet(indicators.need), `${fw.id} ${l.level}: competences + ${indicators.need} statements attain it`);
      if (indicators.need > 0) assert.ok(!(await meet(indicators.need - 1)), `${fw.id} ${l.level}: one statement fewer does not`);
    }
  }
  if (fit.gaps.target) {
    const t = fit.levels.find((l) => l.level === fit.gaps.target)!;
    assert.deepEqual({ competences: fit.gaps.competences, indicators: fit.gaps.indicators }, t.needed);
  }
}

describe('needed per level, read from the rules', () => {
  for (const [id, fw] of Object.entries(frameworks)) {
    test(`${id}: every level's needed attains it, one statement fewer does not`, async () => {
      assert.equal(neededPath(compile(fw)), 'read');
      for (const ratings of people(fw, id === 'clinical-homecare' ? 150 : 15, id.length * 7919)) await checkNeeded(fw, ratings, await assess(fw, { ratings }));
    });
  }

  test('clinical-homecare: the 75% comes from the data, so a provider who changes it changes `need`', async () => {
    const json = readFrameworkJson('clinical-homecare');
    const rule = json.rules.find((r) => r.event.type === 'attained')!;
    (rule.conditions as { all: { fact: string; value: unknown }[] }).all.find((c) => c.fact === 'indicatorCoverage')!.value = 0.5;
    const lenient = parseFramework(json);
    const fit = await assess(lenient, { ratings: {} });
    // supportive: 6 firm statements are required (its 2 optional ones are not, unless met): half is 3
    assert.equal(fit.gaps.target, 'supportive');
    assert.equal(fit.gaps.indicators.need, 3);
    assert.equal((await assess(frameworks['clinical-homecare'], { ratings: {} })).gaps.indicators.need, 5);
  });
});

describe('needed per level, searched when the rule cannot be read', () => {
  const json = readFrameworkJson('clinical-homecare');
  const withAttained = (conditions: unknown) =>
    parseFramework({ ...structuredClone(json), rules: json.rules.map((r) => (r.event.type === 'attained' ? { ...r, conditions } : r)) } as typeof json);
  // the same rule written with a `not`: the search must find exactly what reading the plain rule finds
  const negated = withAttained({
    all: [
      { fact: 'competencesMissing', operator: 'equal', value: 0 },
      { not: { fact: 'indicatorCoverage', operator: 'lessThan', value: 0.75 } },
    ],
  });
  // a threshold per level: two statements at supportive, all of them above
  const perLevel = withAttained({
    all: [
      { fact: 'competencesMissing', operator: 'equal', value: 0 },
      {
        any: [
          { all: [{ fact: 'level', operator: 'equal', value: 'supportive' }, { fact: 'indicatorsMet', operator: 'greaterThanInclusive', value: 2 }] },
          { fact: 'indicatorCoverage', operator: 'equal', value: 1 },
        ],
      },
    ],
  });

  test('both rules are searched, not read', () => {
    assert.equal(neededPath(compile(negated)), 'search');
    assert.equal(neededPath(compile(perLevel)), 'search');
  });

  test('the same threshold written another way: the search finds what the reading finds', async () => {
    const plain = frameworks['clinical-homecare'];
    for (const ratings of people(plain, 120, 99)) {
      const [a, b] = [await assess(plain, { ratings }), await assess(negated, { ratings })];
      assert.deepEqual(b.levels.map((l) => l.needed), a.levels.map((l) => l.needed));
      await checkNeeded(negated, ratings, b);
    }
  });

  test('a threshold per level: 2 statements at supportive, every one at the levels above', async () => {
    const fit = await assess(perLevel, { ratings: {} });
    const [supportive, associate] = fit.levels;
    assert.equal(supportive!.needed.indicators.need, 2);
    assert.equal(associate!.needed.indicators.need, associate!.needed.indicators.from.length);
    for (const ratings of people(perLevel, 60, 5)) await checkNeeded(perLevel, ratings, await assess(perLevel, { ratings }));
  });
});
