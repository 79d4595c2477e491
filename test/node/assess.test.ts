/**
 * The level-fit rules, on the clinical homecare framework and on the tiny factory framework. Expected values come
 * from the rule definitions (data/README.md and the framework's rules) and the seed's matrix, not from the engine:
 *
 *  - a level is attained when every competence it requires is met and at least 75% of its indicators are;
 *  - a rating counts as met when it is at least the scale's `met` value;
 *  - the best fit is the highest attained level;
 *  - the person overlaps into the level directly above the best fit when that level is not attained and at least
 *    25% of its indicators are met or at least one competence it adds to the level below is met;
 *  - gaps are the unmet items of the target (options.target, else the level above the best fit, else the first
 *    level when none is attained; none above the top).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AssessmentError,
  assess,
  assessMany,
  frameworks,
  levelName,
  parseFramework,
  type Framework,
  type LevelFit,
} from '../../packages/engine/src/index.ts';
import {
  DEFAULT_RULES,
  TINY_LEVELS,
  addedIds,
  atLeast,
  coreIds,
  indicatorIds,
  itemTitle,
  makeFramework,
  metSet,
  ratingsFor,
  requiredIds,
  type FrameworkLike,
} from '../support/factories.ts';

const ch = frameworks['clinical-homecare'];
/**
 * clinical-homecare with every indicator firm: the threshold tests below count indicators exactly as the rule
 * does; how optional indicators count is test/node/optional-indicators.test.ts, and the reference model covers both.
 */
const firm = parseFramework({ ...structuredClone(ch), items: ch.items.map(({ optional: _optional, ...item }) => item) });
const LEVELS = ['supportive', 'associate', 'autonomous', 'enhanced', 'advanced'] as const;
const name = (level: string) => levelName(ch, level);
const levelOf = (fit: LevelFit, level: string) => fit.levels.find((l) => l.level === level)!;
const attainedLevels = (fit: LevelFit) => fit.levels.filter((l) => l.attained).map((l) => l.level);
const HAND_HYGIENE = 'Perform hand hygiene to prevent the spread of infection';
const idOf = (fw: FrameworkLike, itemTitle: string) => fw.items.find((i) => i.title === itemTitle)!.id;

/** Everything a level requires met: its competences and all its indicators. */
const fully = (...levels: string[]) => ({
  meetLevels: levels,
  indicatorShare: Object.fromEntries(levels.map((l) => [l, 1])),
});

describe('clinical-homecare: the shape the rules see', () => {
  test('competences per level follow the seed matrix (14/14/20/20/22); the 13 common ones are required everywhere', () => {
    assert.deepEqual(
      LEVELS.map((l) => coreIds(ch, l).length),
      [14, 14, 20, 20, 22],
    );
    const common = coreIds(ch, 'supportive').filter((id) => LEVELS.every((l) => coreIds(ch, l).includes(id)));
    assert.equal(common.length, 13);
    assert.ok(common.includes(idOf(ch, HAND_HYGIENE)));
  });
  test('added competences: associate and enhanced add none; autonomous adds 7; advanced adds its 2', () => {
    assert.deepEqual(addedIds(ch, 'associate'), []);
    assert.equal(addedIds(ch, 'autonomous').length, 7);
    assert.deepEqual(addedIds(ch, 'enhanced'), []);
    assert.deepEqual(
      addedIds(ch, 'advanced').map((id) => itemTitle(ch, id)),
      ['Monitor, evaluate and improve inter-agency services for addressing health and wellbeing needs', 'Implement and evaluate change'],
    );
  });
});

describe('clinical-homecare: attained = every competence met and at least 75% of indicators', () => {
  for (const level of LEVELS) {
    const n = indicatorIds(firm, level).length;
    const enough = atLeast(0.75, n);
    test(`${level}: competences + ${enough} of ${n} indicators attains it (and it is the best fit); ${enough - 1} does not`, async () => {
      const yes = await assess(firm, ratingsFor(firm, { meetLevels: [level], indicatorCount: { [level]: enough } }));
      assert.equal(levelOf(yes, level).attained, true);
      assert.ok(levelOf(yes, level).indicatorCoverage >= 0.75);
      assert.equal(yes.bestFit, level);
      const no = await assess(firm, ratingsFor(firm, { meetLevels: [level], indicatorCount: { [level]: enough - 1 } }));
      assert.equal(levelOf(no, level).attained, false);
      assert.ok(levelOf(no, level).indicatorCoverage < 0.75);
      assert.notEqual(no.bestFit, level);
    });
    test(`${level}: all indicators but one competence missing does not attain it`, async () => {
      for (const missing of [coreIds(firm, level)[0]!, coreIds(firm, level).at(-1)!]) {
        const fit = await assess(firm, ratingsFor(firm, { ...fully(level), unmeet: [missing] }));
        assert.equal(levelOf(fit, level).attained, false, missing);
        assert.equal(levelOf(fit, level).indicatorCoverage, 1);
      }
    });
  }

  test('exactly 75%: supportive 6 of 8 and enhanced 9 of 12 attain; 5 of 8 and 8 of 12 do not', async () => {
    assert.equal(indicatorIds(firm, 'supportive').length, 8);
    assert.equal(indicatorIds(firm, 'enhanced').length, 12);
    const s6 = await assess(firm, ratingsFor(firm, { meetLevels: ['supportive'], indicatorCount: { supportive: 6 } }));
    assert.equal(levelOf(s6, 'supportive').indicatorCoverage, 0.75);
    assert.equal(levelOf(s6, 'supportive').attained, true);
    const s5 = await assess(firm, ratingsFor(firm, { meetLevels: ['supportive'], indicatorCount: { supportive: 5 } }));
    assert.equal(levelOf(s5, 'supportive').indicatorCoverage, 5 / 8);
    assert.equal(levelOf(s5, 'supportive').attained, false);
    assert.equal(s5.bestFit, null);
    const e9 = await assess(firm, ratingsFor(firm, { meetLevels: ['enhanced'], indicatorCount: { enhanced: 9 } }));
    assert.equal(levelOf(e9, 'enhanced').indicatorCoverage, 0.75);
    assert.equal(e9.bestFit, 'enhanced');
    const e8 = await assess(firm, ratingsFor(firm, { meetLevels: ['enhanced'], indicatorCount: { enhanced: 8 } }));
    assert.equal(levelOf(e8, 'enhanced').attained, false);
  });

  test('autonomous has 9 indicators: 7 (78%) attains, 6 (67%) does not', async () => {
    assert.equal(indicatorIds(firm, 'autonomous').length, 9);
    const a7 = await assess(firm, ratingsFor(firm, { meetLevels: ['autonomous'], indicatorCount: { autonomous: 7 } }));
    assert.equal(a7.bestFit, 'autonomous');
    const a6 = await assess(firm, ratingsFor(firm, { meetLevels: ['autonomous'], indicatorCount: { autonomous: 6 } }));
    assert.equal(levelOf(a6, 'autonomous').attained, false);
  });
});

describe('clinical-homecare: a rating is met at scale.met (2), not below', () => {
  const supportive = fully('supportive');
  test('everything rated 2 attains; rated 3 attains; rated 1 attains nothing and counts nothing as met', async () => {
    assert.equal((await assess(ch, ratingsFor(ch, { ...supportive, metRating: 2 }))).bestFit, 'supportive');
    assert.equal((await assess(ch, ratingsFor(ch, { ...supportive, metRating: 3 }))).bestFit, 'supportive');
    const ones = await assess(ch, ratingsFor(ch, { ...supportive, metRating: 1 }));
    assert.equal(ones.bestFit, null);
    for (const l of ones.levels) {
      assert.deepEqual(l.met, []);
      assert.equal(l.competences.met + l.indicators.met, 0);
    }
  });
  test('one competence rated 1 is a gap, reported with its rating', async () => {
    const id = idOf(ch, HAND_HYGIENE);
    const fit = await assess(ch, ratingsFor(ch, { ...supportive, unmeet: [id], unmetRating: 1 }));
    assert.equal(levelOf(fit, 'supportive').attained, false);
    assert.deepEqual(levelOf(fit, 'supportive').missing, [id]);
    const gap = { id, title: HAND_HYGIENE, kind: 'competence', rating: 1 };
    assert.deepEqual(fit.gaps, { target: 'supportive', items: [gap], competences: [gap], indicators: { need: 0, from: [] } });
  });
  test('an unanswered item counts as not met and shows rating 0 in the gaps', async () => {
    const fit = await assess(ch, { ratings: {} });
    assert.equal(fit.bestFit, null);
    assert.ok(fit.gaps.items.length > 0);
    for (const g of fit.gaps.items) assert.equal(g.rating, 0);
  });
});

describe('clinical-homecare: the best fit is the highest attained level', () => {
  test('a nurse who meets supportive, associate and autonomous fits autonomous', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive', 'associate', 'autonomous')));
    assert.deepEqual(attainedLevels(fit), ['supportive', 'associate', 'autonomous']);
    assert.equal(fit.bestFit, 'autonomous');
  });
  test('lower levels need not be attained: autonomous without the supportive-only competence still fits autonomous', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('autonomous')));
    assert.deepEqual(attainedLevels(fit), ['autonomous']);
    assert.equal(fit.bestFit, 'autonomous');
    const supportiveOnly = coreIds(ch, 'supportive').filter((id) => !coreIds(ch, 'autonomous').includes(id));
    assert.deepEqual(supportiveOnly.map((id) => itemTitle(ch, id)), ['Develop your own knowledge and practice']);
    const below = fit.reasons.find((r) => r.code === 'not_complete');
    assert.deepEqual(below && below.code === 'not_complete' && [below.level, below.competences.needed, below.indicators.needed], ['supportive', 1, 5]);
    assert.ok(fit.explanation.includes(`You still need 1 competence and 5 more statements from ${name('supportive')}.`), fit.explanation.join('\n'));
  });
  test('everything met: the best fit is advanced, with no overlap and no gaps', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully(...LEVELS)));
    assert.deepEqual(attainedLevels(fit), [...LEVELS]);
    assert.equal(fit.bestFit, 'advanced');
    assert.equal(fit.overlap, null);
    assert.deepEqual(fit.gaps, { target: null, items: [], competences: [], indicators: { need: 0, from: [] } });
    assert.deepEqual(fit.reasons, [{ code: 'best_fit', level: 'advanced' }, { code: 'highest', level: 'advanced' }]);
  });
  test('everything except one common competence (hand hygiene) attains no level', async () => {
    const id = idOf(ch, HAND_HYGIENE);
    const fit = await assess(ch, ratingsFor(ch, { ...fully(...LEVELS), unmeet: [id] }));
    assert.deepEqual(attainedLevels(fit), []);
    assert.equal(fit.bestFit, null);
    assert.equal(fit.overlap, null);
    assert.equal(fit.gaps.target, 'supportive');
    assert.deepEqual(
      fit.gaps.items.map((g) => g.id),
      [id],
    );
    for (const l of fit.levels) assert.deepEqual(l.missing, [id], l.level);
    assert.deepEqual(fit.gaps.competences.map((g) => g.title), [HAND_HYGIENE]);
    assert.equal(fit.gaps.indicators.need, 0);
    assert.ok(fit.explanation.includes(`To reach ${name('supportive')} you need this competence.`), fit.explanation.join('\n'));
  });
});

describe('clinical-homecare: overlap into the level directly above the best fit', () => {
  test('seed Example 1: supportive with associate indicators (2 of 8 = 25%) overlaps supportive → associate', async () => {
    const responses = ratingsFor(ch, { ...fully('supportive'), indicatorCount: { supportive: 8, associate: 2 } });
    const fit = await assess(ch, responses);
    assert.equal(fit.bestFit, 'supportive');
    const two = indicatorIds(ch, 'associate').slice(0, 2);
    assert.deepEqual(fit.overlap, {
      from: 'supportive',
      to: 'associate',
      items: two.map((id) => ({ id, title: itemTitle(ch, id), kind: 'indicator', rating: 2 })),
    });
    assert.deepEqual(fit.reasons.find((r) => r.code === 'overlap'), { code: 'overlap', level: 'associate', met: 2, of: 8 });
  });
  test('1 of 8 associate indicators (12.5%) is no overlap', async () => {
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive'), indicatorCount: { supportive: 8, associate: 1 } }));
    assert.equal(fit.bestFit, 'supportive');
    assert.equal(fit.overlap, null);
  });
  test('seed Example 2: autonomous with 3 of 12 enhanced indicators (25%) overlaps autonomous → enhanced; 2 of 12 does not', async () => {
    const base = fully('supportive', 'associate', 'autonomous');
    const three = await assess(ch, ratingsFor(ch, { ...base, indicatorShare: { ...base.indicatorShare, enhanced: 0.25 } }));
    assert.equal(three.bestFit, 'autonomous');
    assert.equal(three.overlap?.from, 'autonomous');
    assert.equal(three.overlap?.to, 'enhanced');
    assert.deepEqual(
      three.overlap?.items.map((i) => i.id),
      indicatorIds(ch, 'enhanced').slice(0, 3),
    );
    const two = await assess(ch, ratingsFor(ch, { ...base, indicatorCount: { enhanced: 2 } }));
    assert.equal(two.bestFit, 'autonomous');
    assert.equal(two.overlap, null);
  });
  test('a competence the next level adds counts: associate + "Develop your practice through reflection and learning" → autonomous', async () => {
    const added = idOf(ch, 'Develop your practice through reflection and learning');
    assert.ok(addedIds(ch, 'autonomous').includes(added));
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive', 'associate'), meet: [added] }));
    assert.equal(fit.bestFit, 'associate');
    assert.deepEqual(fit.overlap, {
      from: 'associate',
      to: 'autonomous',
      items: [{ id: added, title: itemTitle(ch, added), kind: 'competence', rating: 2 }],
    });
  });
  test('autonomous + "Implement and evaluate change" (added by advanced, not by enhanced) is no overlap: enhanced is the level above', async () => {
    const change = idOf(ch, 'Implement and evaluate change');
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive', 'associate', 'autonomous'), meet: [change] }));
    assert.equal(fit.bestFit, 'autonomous');
    assert.equal(fit.overlap, null);
  });
  test('enhanced + "Implement and evaluate change" overlaps enhanced → advanced through the added competence', async () => {
    const change = idOf(ch, 'Implement and evaluate change');
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive', 'associate', 'autonomous', 'enhanced'), meet: [change] }));
    assert.equal(fit.bestFit, 'enhanced');
    assert.equal(levelOf(fit, 'advanced').indicators.met, 0);
    assert.deepEqual(fit.overlap, {
      from: 'enhanced',
      to: 'advanced',
      items: [{ id: change, title: 'Implement and evaluate change', kind: 'competence', rating: 2 }],
    });
    assert.ok(fit.explanation.includes(`You already do 1 thing from ${name('advanced')}.`), fit.explanation.join('\n'));
  });
  test('overlap items are the met added competences and indicators of the level above, in framework order', async () => {
    const addedAll = addedIds(ch, 'autonomous');
    const picked = [addedAll[3]!, addedAll[0]!, indicatorIds(ch, 'autonomous')[4]!];
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive', 'associate'), meet: picked }));
    const order = ch.items.map((i) => i.id);
    assert.deepEqual(
      fit.overlap?.items.map((i) => i.id),
      [...picked].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
  });
  test('no overlap when the level above is attained (the best fit moves up instead)', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive', 'associate')));
    assert.equal(fit.bestFit, 'associate');
    assert.equal(fit.overlap, null);
  });
  test('no overlap when nothing of the level above is met', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive')));
    assert.equal(fit.bestFit, 'supportive');
    assert.equal(fit.overlap, null);
  });
  test('no overlap without a best fit, however much of a level is met', async () => {
    const fit = await assess(ch, ratingsFor(ch, { ...fully('associate'), unmeet: [idOf(ch, HAND_HYGIENE)] }));
    assert.equal(fit.bestFit, null);
    assert.equal(fit.overlap, null);
  });
});

describe('clinical-homecare: gaps', () => {
  test('default target is the level above the best fit; items are its unmet requirements in framework order', async () => {
    const responses = ratingsFor(ch, { ...fully('supportive'), indicatorCount: { associate: 2 } });
    const fit = await assess(ch, responses);
    const met = metSet(ch, responses);
    assert.equal(fit.gaps.target, 'associate');
    assert.deepEqual(
      fit.gaps.items.map((g) => g.id),
      requiredIds(ch, 'associate').filter((id) => !met.has(id)),
    );
    assert.deepEqual(
      fit.gaps.items.map((g) => g.id),
      indicatorIds(ch, 'associate').slice(2),
    );
  });
  test('options.target lists gaps against the chosen level, and the explanation says so', async () => {
    const responses = ratingsFor(firm, fully('supportive'));
    const fit = await assess(firm, responses, { target: 'advanced' });
    const met = metSet(firm, responses);
    assert.equal(fit.bestFit, 'supportive');
    assert.equal(fit.gaps.target, 'advanced');
    assert.deepEqual(
      fit.gaps.items.map((g) => g.id),
      requiredIds(firm, 'advanced').filter((id) => !met.has(id)),
    );
    for (const g of fit.gaps.items) {
      assert.equal(g.title, itemTitle(firm, g.id));
      assert.equal(g.kind, ch.items.find((i) => i.id === g.id)!.kind);
    }
    const reach = fit.reasons.find((r) => r.code === 'to_reach');
    assert.ok(reach && reach.code === 'to_reach' && reach.level === 'advanced' && reach.chosen, JSON.stringify(fit.reasons));
    assert.ok(fit.explanation.includes(`You chose ${name('advanced')} as your goal.`), fit.explanation.join('\n'));
  });
  test('a target already attained has no gaps', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive', 'associate')), { target: 'supportive' });
    assert.deepEqual(fit.gaps, { target: 'supportive', items: [], competences: [], indicators: { need: 0, from: [] } });
  });
  test('no level attained: the target is the first level', async () => {
    const fit = await assess(ch, ratingsFor(ch, { meetLevels: ['advanced'] }));
    assert.equal(fit.bestFit, null);
    assert.equal(fit.gaps.target, 'supportive');
  });
});

describe('clinical-homecare: roles', () => {
  test('"Nursing Associate" names the associate level, and the explanation places it against the best fit', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive')), { role: 'Nursing Associate' });
    assert.deepEqual(fit.role, { title: 'Nursing Associate', level: 'associate' });
    const sentence = fit.explanation.find((s) => s.includes('Nursing Associate'));
    assert.ok(sentence, fit.explanation.join('\n'));
    assert.ok(sentence.includes(name('associate')));
    assert.match(sentence, /above/);
  });
  test('every indicative role names the level whose roles list it; matching ignores case and outer spaces', async () => {
    for (const level of ch.levels) {
      for (const role of level.roles) {
        const fit = await assess(ch, { ratings: {} }, { role: `  ${role.toUpperCase()} ` });
        assert.deepEqual(fit.role, { title: role, level: level.id });
      }
    }
  });
  test('no role asked: role is null and no sentence mentions one', async () => {
    const fit = await assess(ch, ratingsFor(ch, fully('supportive')));
    assert.equal(fit.role, null);
    assert.ok(!fit.explanation.some((s) => /role/i.test(s)));
  });
  test('an unknown role or target is an AssessmentError with the option\'s path', async () => {
    await assert.rejects(assess(ch, { ratings: {} }, { role: 'Astronaut' }), (err: unknown) => {
      assert.ok(err instanceof AssessmentError);
      assert.equal(err.name, 'AssessmentError');
      assert.deepEqual(
        err.issues.map((i) => [i.code, i.path]),
        [['unknown_role', ['options', 'role']]],
      );
      assert.match(err.issues[0]!.message, /Astronaut/);
      return true;
    });
    await assert.rejects(assess(ch, { ratings: {} }, { target: 'expert' }), (err: unknown) => {
      assert.ok(err instanceof AssessmentError);
      assert.deepEqual(
        err.issues.map((i) => [i.code, i.path]),
        [['unknown_level', ['options', 'target']]],
      );
      return true;
    });
  });
});

describe('clinical-homecare: reasons and explanation', () => {
  test('says where the person works and what the next level needs (the one missing competence)', async () => {
    const reflection = idOf(ch, 'Develop your practice through reflection and learning');
    const responses = ratingsFor(ch, { ...fully('supportive', 'associate', 'autonomous'), unmeet: [reflection] });
    const fit = await assess(ch, responses);
    assert.equal(fit.bestFit, 'associate');
    assert.deepEqual(fit.reasons[0], { code: 'best_fit', level: 'associate' });
    assert.equal(fit.explanation[0], `You are working at ${name('associate')}.`);
    const reach = fit.reasons.find((r) => r.code === 'to_reach');
    assert.ok(reach && reach.code === 'to_reach');
    assert.deepEqual([reach.level, reach.competences.needed, reach.indicators.needed], ['autonomous', 1, 0]);
    assert.deepEqual(fit.gaps.competences.map((g) => g.id), [reflection]);
    assert.ok(fit.explanation.includes(`To reach ${name('autonomous')} you need this competence.`), fit.explanation.join('\n'));
    // The indicators are all met, so the one missing competence is the whole reason.
    assert.equal(levelOf(fit, 'autonomous').indicatorCoverage, 1);
  });
  test('names the statement shortfall of the next level as "any N of these M"', async () => {
    const fit = await assess(ch, ratingsFor(ch, { ...fully('supportive'), indicatorCount: { associate: 2 } }));
    const reach = fit.reasons.find((r) => r.code === 'to_reach');
    // associate has 8 indicators, 2 met: 75% is 6, so any 4 more of the 6 unmet
    assert.ok(reach && reach.code === 'to_reach');
    assert.deepEqual(reach.indicators, { met: 2, required: 8, needed: 4, from: 6, threshold: 6 });
    assert.ok(fit.explanation.includes(`To reach ${name('associate')} you need any 4 of these 6 statements.`), fit.explanation.join('\n'));
    assert.ok(!fit.explanation.some((s) => /%|\brule/.test(s)), fit.explanation.join('\n'));
  });
  test('with nothing attained, says so and what the first level needs', async () => {
    const fit = await assess(ch, { ratings: {} });
    assert.equal(fit.reasons[0]!.code, 'no_level');
    assert.equal(fit.explanation[0], 'You have not reached a level yet.');
    assert.ok(fit.explanation.some((s) => s.startsWith(`To reach ${name('supportive')}`)), fit.explanation.join('\n'));
    assert.ok(!fit.reasons.some((r) => r.code === 'best_fit'));
  });
});

describe('clinical-homecare: coverage and met/missing', () => {
  const responses = ratingsFor(firm, { meetLevels: ['supportive'], indicatorCount: { supportive: 6 } });
  test('numbers per level follow from the counts (supportive: 14 + 6 of 8; the 13 common competences elsewhere)', async () => {
    const fit = await assess(firm, responses);
    const s = levelOf(fit, 'supportive');
    assert.deepEqual(s.competences, { required: 14, met: 14 });
    assert.deepEqual(s.indicators, { required: 8, met: 6 });
    assert.equal(s.competenceCoverage, 1);
    assert.equal(s.indicatorCoverage, 0.75);
    const a = levelOf(fit, 'associate');
    assert.deepEqual([a.competences, a.indicators], [{ required: 14, met: 14 }, { required: 8, met: 0 }]);
    const auto = levelOf(fit, 'autonomous');
    assert.deepEqual(
      [auto.competences, auto.indicators, auto.competenceCoverage, auto.indicatorCoverage],
      [{ required: 20, met: 13 }, { required: 9, met: 0 }, 13 / 20, 0],
    );
    const adv = levelOf(fit, 'advanced');
    assert.deepEqual(adv.competences, { required: 22, met: 13 });
  });
  test('every level: coverage = met ÷ required, and met/missing partition its required items in framework order', async () => {
    const mixed = ratingsFor(firm, { meetLevels: ['autonomous'], indicatorShare: { supportive: 0.5, enhanced: 0.3 }, meet: ['implement-evaluate-change'] });
    for (const r of [responses, mixed]) {
      const fit = await assess(firm, r);
      const met = metSet(firm, r);
      for (const level of LEVELS) {
        const l = levelOf(fit, level);
        const core = coreIds(firm, level);
        const ind = indicatorIds(firm, level);
        const req = requiredIds(firm, level);
        const coreMet = core.filter((id) => met.has(id)).length;
        const indMet = ind.filter((id) => met.has(id)).length;
        assert.deepEqual(l.competences, { required: core.length, met: coreMet }, level);
        assert.deepEqual(l.indicators, { required: ind.length, met: indMet }, level);
        assert.equal(l.competenceCoverage, coreMet / core.length, level);
        assert.equal(l.indicatorCoverage, indMet / ind.length, level);
        assert.deepEqual(l.met, req.filter((id) => met.has(id)), level);
        assert.deepEqual(l.missing, req.filter((id) => !met.has(id)), level);
        assert.equal(l.met.length + l.missing.length, req.length);
      }
      assert.deepEqual(
        fit.levels.map((l) => l.level),
        [...LEVELS],
      );
      assert.equal(fit.frameworkId, 'clinical-homecare');
      assert.equal(fit.frameworkVersion, firm.version);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A reference model of the rules, checked against the engine on generated people.

interface Expected {
  attained: boolean[];
  bestFit: string | null;
  overlap: { from: string; to: string; items: string[] } | null;
  gaps: { target: string | null; items: string[] };
}

function model(fw: Framework, ratings: Record<string, number>, attainShare = 0.75, overlapShare = 0.25): Expected {
  const isMet = (id: string) => (ratings[id] ?? 0) >= fw.scale.met;
  const optional = new Set(fw.items.filter((i) => i.optional === true).map((i) => i.id));
  // an optional indicator counts when met and is left out when not
  const counted = (ids: string[]) => ids.filter((id) => isMet(id) || !optional.has(id));
  const share = (ids: string[]) => (counted(ids).length === 0 ? 1 : ids.filter(isMet).length / counted(ids).length);
  const ids = fw.levels.map((l) => l.id);
  const attained = ids.map((l) => coreIds(fw, l).every(isMet) && share(indicatorIds(fw, l)) >= attainShare);
  const best = attained.lastIndexOf(true);
  const next = best + 1;
  let overlap: Expected['overlap'] = null;
  if (best >= 0 && next < ids.length) {
    const to = ids[next]!;
    const added = addedIds(fw, to).filter(isMet);
    if (share(indicatorIds(fw, to)) >= overlapShare || added.length >= 1) {
      const items = fw.items.map((i) => i.id).filter((id) => (added.includes(id) || indicatorIds(fw, to).includes(id)) && isMet(id));
      overlap = { from: ids[best]!, to, items };
    }
  }
  const target = next < ids.length ? ids[next]! : null;
  return {
    attained,
    bestFit: best >= 0 ? ids[best]! : null,
    overlap,
    gaps: { target, items: target ? requiredIds(fw, target).filter((id) => !isMet(id) && !optional.has(id)) : [] },
  };
}

const simplify = (fit: LevelFit): Expected => ({
  attained: fit.levels.map((l) => l.attained),
  bestFit: fit.bestFit,
  overlap: fit.overlap && { from: fit.overlap.from, to: fit.overlap.to, items: fit.overlap.items.map((i) => i.id) },
  gaps: { target: fit.gaps.target, items: fit.gaps.items.map((i) => i.id) },
});

/**
 * People built level by level (so levels are often attained; the top one with a share of its indicators near the
 * threshold), with a share of the next level's indicators, then with some answers changed at random.
 */
const person = (fw: Framework) =>
  fc
    .record({
      upTo: fc.integer({ min: -1, max: fw.levels.length - 1 }),
      high: fc.boolean(),
      topPercent: fc.oneof(fc.constant(100), fc.integer({ min: 50, max: 100 })),
      extraPercent: fc.integer({ min: 0, max: 100 }),
      changes: fc.array(fc.tuple(fc.nat({ max: fw.items.length - 1 }), fc.constantFrom(...fw.scale.values.map((v) => v.value))), {
        maxLength: 5,
      }),
    })
    .map(({ upTo, high, topPercent, extraPercent, changes }) => {
      const levels = fw.levels.slice(0, upTo + 1).map((l) => l.id);
      const above = fw.levels[upTo + 1]?.id;
      const { ratings } = ratingsFor(fw, {
        ...fully(...levels),
        indicatorShare: {
          ...Object.fromEntries(levels.map((l) => [l, 1])),
          ...(upTo >= 0 ? { [levels[upTo]!]: topPercent / 100 } : {}),
          ...(above ? { [above]: extraPercent / 100 } : {}),
        },
        metRating: high ? fw.scale.values.at(-1)!.value : fw.scale.met,
      });
      for (const [i, v] of changes) ratings[fw.items[i]!.id] = v;
      return ratings;
    });

describe('the engine agrees with a reference model of the rules', () => {
  test('clinical-homecare, generated people', async () => {
    await fc.assert(
      fc.asyncProperty(person(ch), async (ratings) => {
        assert.deepEqual(simplify(await assess(ch, { ratings })), model(ch, ratings));
      }),
      { numRuns: 400 },
    );
  });
  test('the tiny factory framework, generated people', async () => {
    const tiny = parseFramework(makeFramework());
    await fc.assert(
      fc.asyncProperty(person(tiny), async (ratings) => {
        assert.deepEqual(simplify(await assess(tiny, { ratings })), model(tiny, ratings));
      }),
      { numRuns: 300 },
    );
  });
  test('assessMany gives each person what assess gives them', async () => {
    const people = fc.sample(person(ch), { numRuns: 40, seed: 7 }).map((ratings) => ({ ratings }));
    const many = await assessMany(ch, people);
    for (const [i, r] of many.entries()) {
      assert.ok(r.success);
      assert.deepEqual(r.data, await assess(ch, people[i]));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The tiny factory framework

describe('factory framework', () => {
  const tiny = parseFramework(makeFramework());
  test('is valid and has the shape the factory promises', () => {
    assert.deepEqual(
      tiny.levels.map((l) => l.id),
      [...TINY_LEVELS],
    );
    for (const l of TINY_LEVELS) assert.equal(indicatorIds(tiny, l).length, 4);
    assert.deepEqual(coreIds(tiny, 'foundation'), ['communicate-clearly', 'work-safely', 'learn-the-basics']);
    assert.deepEqual(addedIds(tiny, 'practitioner'), ['mentor-others']);
    assert.deepEqual(addedIds(tiny, 'expert'), ['lead-research', 'lead-change']);
  });
  test('ratingsFor meets what it is asked to and nothing else', () => {
    const r = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 0.75, meet: ['lead-change'], unmeet: ['work-safely'] });
    assert.deepEqual(r.ratings, {
      'communicate-clearly': 2,
      'learn-the-basics': 2,
      'foundation-indicator-1': 2,
      'foundation-indicator-2': 2,
      'foundation-indicator-3': 2,
      'lead-change': 2,
      'work-safely': 1,
    });
    assert.equal(atLeast(0.75, 9), 7);
    assert.equal(atLeast(0.25, 12), 3);
    assert.equal(atLeast(0.75, 8), 6);
  });
  test('3 of 4 indicators (exactly 75%) attains; 2 of 4 does not', async () => {
    const yes = await assess(tiny, ratingsFor(tiny, { meetLevels: ['foundation'], indicatorCount: { foundation: 3 } }));
    assert.equal(yes.bestFit, 'foundation');
    assert.equal(levelOf(yes, 'foundation').indicatorCoverage, 0.75);
    const no = await assess(tiny, ratingsFor(tiny, { meetLevels: ['foundation'], indicatorCount: { foundation: 2 } }));
    assert.equal(no.bestFit, null);
    assert.equal(no.gaps.target, 'foundation');
    assert.deepEqual(
      no.gaps.items.map((g) => g.id),
      ['foundation-indicator-3', 'foundation-indicator-4'],
    );
  });
  test('with 8 indicators per level: 6 attains, 5 does not', async () => {
    const eight = parseFramework(makeFramework({ indicatorsPerLevel: 8 }));
    const six = await assess(eight, ratingsFor(eight, { meetLevels: ['practitioner'], indicatorCount: { practitioner: 6 } }));
    assert.equal(six.bestFit, 'practitioner');
    const five = await assess(eight, ratingsFor(eight, { meetLevels: ['practitioner'], indicatorCount: { practitioner: 5 } }));
    assert.equal(five.bestFit, null);
  });
  test('overlap: 1 of 4 indicators above (25%) or an added competence; nothing above is no overlap', async () => {
    const base = fully('foundation');
    const ind = await assess(tiny, ratingsFor(tiny, { ...base, indicatorCount: { practitioner: 1 } }));
    assert.deepEqual(ind.overlap, {
      from: 'foundation',
      to: 'practitioner',
      items: [{ id: 'practitioner-indicator-1', title: itemTitle(tiny, 'practitioner-indicator-1'), kind: 'indicator', rating: 2 }],
    });
    const comp = await assess(tiny, ratingsFor(tiny, { ...base, meet: ['mentor-others'] }));
    assert.deepEqual(
      comp.overlap?.items.map((i) => i.id),
      ['mentor-others'],
    );
    const none = await assess(tiny, ratingsFor(tiny, base));
    assert.equal(none.overlap, null);
    // what the level two above shows (all its indicators, a competence it adds) is no overlap:
    // only the level directly above the best fit is considered
    const skip = await assess(tiny, ratingsFor(tiny, { ...base, indicatorCount: { expert: 4 }, meet: ['lead-change'] }));
    assert.equal(skip.bestFit, 'foundation');
    assert.equal(skip.overlap, null);
  });
  test('a level with no indicators is attained on its competences alone (indicator coverage is 1)', async () => {
    const none = parseFramework(makeFramework({ indicatorsPerLevel: 0 }));
    const fit = await assess(none, ratingsFor(none, { meetLevels: ['foundation', 'practitioner'] }));
    assert.equal(levelOf(fit, 'practitioner').indicatorCoverage, 1);
    assert.deepEqual(levelOf(fit, 'practitioner').indicators, { required: 0, met: 0 });
    assert.equal(fit.bestFit, 'practitioner');
    assert.equal(fit.gaps.target, 'expert');
    assert.deepEqual(
      fit.gaps.items.map((g) => g.id),
      ['lead-research', 'lead-change'],
    );
  });
  test('a scale with met = 3 on 0–4: a 2 is not met, a 3 and a 4 are', async () => {
    const fw = parseFramework(
      makeFramework({
        scale: {
          met: 3,
          values: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Point ${value}` })),
        },
      }),
    );
    const at = (metRating: number) => assess(fw, ratingsFor(fw, { ...fully('foundation'), metRating }));
    assert.equal((await at(2)).bestFit, null);
    assert.equal((await at(3)).bestFit, 'foundation');
    assert.equal((await at(4)).bestFit, 'foundation');
  });
  test('rules with other thresholds (50% to attain) change the outcome as the rules say', async () => {
    const half = parseFramework(makeFramework({ rules: DEFAULT_RULES(0.5) }));
    const r = ratingsFor(half, { meetLevels: ['foundation'], indicatorCount: { foundation: 2 } });
    assert.equal((await assess(half, r)).bestFit, 'foundation');
    assert.equal((await assess(parseFramework(makeFramework()), r)).bestFit, null);
  });
  test('a target and a role on the factory framework', async () => {
    const fit = await assess(tiny, ratingsFor(tiny, fully('foundation')), { target: 'expert', role: 'practitioner worker' });
    assert.equal(fit.gaps.target, 'expert');
    assert.deepEqual(fit.role, { title: 'Practitioner Worker', level: 'practitioner' });
    assert.ok(fit.explanation.includes('You chose Expert Level as your goal.'), fit.explanation.join('\n'));
    assert.ok(fit.explanation.includes('Your role, Practitioner Worker, is at Practitioner Level. That is above the level you work at.'), fit.explanation.join('\n'));
  });
});
