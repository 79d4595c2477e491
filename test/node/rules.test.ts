/**
 * How rules behave: outcomes are cached per framework, so results must not depend on what was assessed before;
 * custom rules may read `kinds`, `met`, `ratings` and `level`; a provider changes thresholds in JSON alone.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assess, assessMany, frameworks, levelName, parseFramework, type Framework, type LevelFit, type Responses } from '../../packages/engine/src/index.ts';
import { indicatorIds, makeFramework, ratingsFor, readFrameworkJson, type FrameworkJson } from '../support/factories.ts';

/** A freshly parsed clinical homecare framework: a new object, so a new compiled engine with an empty cache. */
const freshClinical = () => parseFramework(readFrameworkJson('clinical-homecare'));

/** A varied, reproducible set of people: whole levels met, shares of indicators, and random changes. */
function people(fw: Framework, n: number, seed: number): Responses[] {
  const arb = fc
    .record({
      upTo: fc.integer({ min: -1, max: fw.levels.length - 1 }),
      share: fc.integer({ min: 0, max: 100 }),
      changes: fc.array(fc.tuple(fc.nat({ max: fw.items.length - 1 }), fc.constantFrom(0, 1, 2, 3)), { maxLength: 6 }),
    })
    .map(({ upTo, share, changes }) => {
      const levels = fw.levels.slice(0, upTo + 1).map((l) => l.id);
      const next = fw.levels[upTo + 1]?.id;
      const r = ratingsFor(fw, {
        meetLevels: levels,
        indicatorShare: { ...Object.fromEntries(levels.map((l) => [l, 1])), ...(next ? { [next]: share / 100 } : {}) },
      });
      for (const [i, v] of changes) r.ratings[fw.items[i]!.id] = v;
      return r;
    });
  return fc.sample(arb, { numRuns: n, seed });
}

describe('results do not depend on cache state', () => {
  const crowd = people(freshClinical(), 60, 42);
  let cold: LevelFit[];

  test('reference results, each person on a framework with an empty cache', async () => {
    cold = [];
    for (const p of crowd) cold.push(await assess(freshClinical(), p));
    // the crowd is varied enough to mean something
    const fits = new Set(cold.map((f) => `${f.bestFit}/${f.overlap?.to ?? ''}`));
    assert.ok(fits.size >= 6, [...fits].join(' '));
  });
  test('the same answers assessed twice on one framework give deep-equal results', async () => {
    const fw = freshClinical();
    for (const [i, p] of crowd.entries()) {
      const first = await assess(fw, p);
      const second = await assess(fw, p);
      assert.deepEqual(second, first);
      assert.deepEqual(first, cold[i]);
    }
  });
  test('sequentially, in reverse, interleaved (concurrently) and in a batch: all equal the cold results', async () => {
    const fw = freshClinical();
    for (const [i, p] of crowd.entries()) assert.deepEqual(await assess(fw, p), cold[i], `forward ${i}`);
    for (let i = crowd.length - 1; i >= 0; i--) assert.deepEqual(await assess(fw, crowd[i]!), cold[i], `reverse ${i}`);
    const fw2 = freshClinical();
    const concurrent = await Promise.all([...crowd, ...crowd].map((p) => assess(fw2, p)));
    concurrent.forEach((r, i) => assert.deepEqual(r, cold[i % crowd.length], `concurrent ${i}`));
    const batch = await assessMany(freshClinical(), crowd);
    batch.forEach((r, i) => assert.deepEqual(r, { success: true, data: cold[i] }, `batch ${i}`));
  });
  test('the shared built-in framework (warmed by every other test) gives the cold results', async () => {
    for (const [i, p] of crowd.entries()) assert.deepEqual(await assess(frameworks['clinical-homecare'], p), cold[i]);
  });
  test('options do not leak between assessments through the cache', async () => {
    const fw = freshClinical();
    const p = crowd[0]!;
    const withRole = await assess(fw, p, { role: 'Caldicott Guardian', target: 'advanced' });
    const plain = await assess(fw, p);
    assert.deepEqual(plain, cold[0]);
    assert.deepEqual(withRole.role, { title: 'Caldicott Guardian', level: 'advanced' });
    assert.equal(withRole.gaps.target, 'advanced');
  });
  test('changing a result does not change later results', async () => {
    const fw = freshClinical();
    const first = await assess(fw, crowd[1]!);
    first.levels[0]!.met.push('tampered');
    first.explanation.push('tampered');
    if (first.overlap) first.overlap.items.length = 0;
    assert.deepEqual(await assess(fw, crowd[1]!), cold[1]);
  });
  test('two frameworks with different thresholds keep their own outcomes when interleaved', async () => {
    const strict = parseFramework(makeFramework());
    const lenientJson = makeFramework();
    (lenientJson.rules[0]!.conditions as { all: { value: number }[] }).all[1]!.value = 0.5;
    const lenient = parseFramework(lenientJson);
    const half = ratingsFor(strict, { meetLevels: ['foundation'], indicatorCount: { foundation: 2 } });
    const results = await Promise.all([assess(strict, half), assess(lenient, half), assess(strict, half), assess(lenient, half)]);
    assert.deepEqual(
      results.map((r) => r.bestFit),
      [null, 'foundation', null, 'foundation'],
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** A two-level KSB framework whose rules read `kinds` and `met`. */
function ksbFramework(rules: FrameworkJson['rules']): Framework {
  return parseFramework(
    makeFramework({
      id: 'ksb',
      levels: [
        { id: 'entry', title: 'Entry Level', descriptor: [], roles: ['Care Worker'] },
        { id: 'senior', title: 'Senior Level', descriptor: [], roles: ['Senior Care Worker'] },
      ],
      items: [
        { id: 'k-law', title: 'The law on care', kind: 'knowledge', code: 'K1', levels: ['entry', 'senior'] },
        { id: 'k-risk', title: 'Principles of risk', kind: 'knowledge', code: 'K2', levels: ['entry', 'senior'] },
        { id: 'k-theory', title: 'Theories of leadership', kind: 'knowledge', code: 'K3', levels: ['senior'] },
        { id: 's-plan', title: 'Follow a care plan', kind: 'skill', code: 'S1', levels: ['entry', 'senior'] },
        { id: 's-record', title: 'Keep records', kind: 'skill', code: 'S2', levels: ['entry', 'senior'] },
        { id: 's-lead', title: 'Lead a shift', kind: 'skill', code: 'S3', levels: ['senior'] },
        { id: 'b-safeguarding', title: 'Courage – speak up when someone is at risk', kind: 'behaviour', code: 'B1', levels: ['entry', 'senior'] },
      ],
      rules,
    }),
  );
}

const KINDS_AND_MET_RULES: FrameworkJson['rules'] = [
  {
    name: 'attained: half the knowledge, two skills, and the safeguarding behaviour',
    conditions: {
      all: [
        { fact: 'kinds', path: 'knowledge.coverage', operator: 'greaterThanInclusive', value: 0.5 },
        { fact: 'kinds', path: 'skill.met', operator: 'greaterThanInclusive', value: 2 },
        { fact: 'met', path: 'b-safeguarding', operator: 'equal', value: true },
      ],
    },
    event: { type: 'attained' },
  },
  {
    name: 'overlap: any skill',
    conditions: { all: [{ fact: 'kinds', path: 'skill.met', operator: 'greaterThanInclusive', value: 1 }] },
    event: { type: 'overlap' },
  },
];

const rate = (ids: string[], value = 2): Responses => ({ ratings: Object.fromEntries(ids.map((id) => [id, value])) });

describe('custom rules reading kinds and met', () => {
  const fw = ksbFramework(KINDS_AND_MET_RULES);
  // entry requires K1 K2 | S1 S2 | B1; senior adds K3 and S3.
  test('entry: 1 of 2 knowledge (50%), 2 skills and the behaviour attain it; senior (1 of 3 knowledge) is not', async () => {
    const fit = await assess(fw, rate(['k-law', 's-plan', 's-record', 'b-safeguarding']));
    assert.deepEqual(
      fit.levels.map((l) => l.attained),
      [true, false],
    );
    assert.equal(fit.bestFit, 'entry');
  });
  test('each condition matters on its own', async () => {
    const without = async (id: string) => (await assess(fw, rate(['k-law', 's-plan', 's-record', 'b-safeguarding'].filter((x) => x !== id)))).bestFit;
    assert.equal(await without('k-law'), null, 'knowledge 0%');
    assert.equal(await without('s-record'), null, 'one skill');
    assert.equal(await without('b-safeguarding'), null, 'behaviour not met');
    const rated1 = await assess(fw, { ratings: { ...rate(['k-law', 's-plan', 's-record']).ratings, 'b-safeguarding': 1 } });
    assert.equal(rated1.bestFit, null, 'a behaviour rated 1 is not met');
  });
  test('senior: 2 of 3 knowledge (67%) and 2 skills attain it even without S3 (the rule does not ask for all)', async () => {
    const fit = await assess(fw, rate(['k-law', 'k-theory', 's-plan', 's-record', 'b-safeguarding']));
    assert.deepEqual(
      fit.levels.map((l) => l.attained),
      [true, true],
    );
    assert.equal(fit.bestFit, 'senior');
    assert.deepEqual(fit.gaps, { target: null, items: [], competences: [], indicators: { need: 0, from: [] } });
  });
  test('the overlap rule reads kinds too: entry + a skill → overlap entry → senior with the met added item', async () => {
    const fit = await assess(fw, rate(['k-law', 's-plan', 's-record', 's-lead', 'b-safeguarding']));
    assert.equal(fit.bestFit, 'entry');
    assert.deepEqual(fit.overlap, {
      from: 'entry',
      to: 'senior',
      items: [{ id: 's-lead', title: 'Lead a shift', kind: 'skill', rating: 2 }],
    });
  });
  test('the gaps list what the level still needs, and the explanation says it in plain words', async () => {
    const fit = await assess(fw, rate(['k-law', 's-plan', 's-record']));
    assert.equal(fit.bestFit, null);
    assert.deepEqual(fit.gaps.competences.map((g) => g.id), ['k-risk', 'b-safeguarding']);
    assert.ok(fit.explanation.includes('To reach Entry Level you need these 2 requirements.'), fit.explanation.join('\n'));
    assert.ok(!fit.explanation.some((s) => /%|\brule/.test(s)), fit.explanation.join('\n'));
  });
  test('kinds counts are per level: knowledge.required is 2 at entry and 3 at senior', async () => {
    const exact = ksbFramework([
      {
        conditions: {
          any: [
            { all: [{ fact: 'level', operator: 'equal', value: 'entry' }, { fact: 'kinds', path: 'knowledge.required', operator: 'equal', value: 2 }] },
            { all: [{ fact: 'level', operator: 'equal', value: 'senior' }, { fact: 'kinds', path: 'knowledge.required', operator: 'equal', value: 3 }] },
          ],
        },
        event: { type: 'attained' },
      },
    ]);
    const fit = await assess(exact, { ratings: {} });
    assert.deepEqual(
      fit.levels.map((l) => l.attained),
      [true, true],
    );
  });
  test('a ratings rule asks for a rating above met: Proficient (3) on the behaviour', async () => {
    const proficient = ksbFramework([
      {
        conditions: {
          all: [
            { fact: 'competencesMissing', operator: 'equal', value: 0 },
            { fact: 'ratings', path: 'b-safeguarding', operator: 'greaterThanInclusive', value: 3 },
          ],
        },
        event: { type: 'attained' },
      },
    ]);
    const entry = ['k-law', 'k-risk', 's-plan', 's-record'];
    assert.equal((await assess(proficient, { ratings: { ...rate(entry).ratings, 'b-safeguarding': 2 } })).bestFit, null);
    assert.equal((await assess(proficient, { ratings: { ...rate(entry).ratings, 'b-safeguarding': 3 } })).bestFit, 'entry');
  });
  test('a value may be another fact: competencesMet equal to competencesRequired', async () => {
    const all = ksbFramework([
      { conditions: { all: [{ fact: 'competencesMet', operator: 'equal', value: { fact: 'competencesRequired' } }] }, event: { type: 'attained' } },
    ]);
    const entry = ['k-law', 'k-risk', 's-plan', 's-record', 'b-safeguarding'];
    assert.equal((await assess(all, rate(entry))).bestFit, 'entry');
    assert.equal((await assess(all, rate([...entry, 'k-theory', 's-lead']))).bestFit, 'senior');
    assert.equal((await assess(all, rate(entry.slice(1)))).bestFit, null);
  });
  test('not and decorated operators: attained unless a kind is entirely unmet', async () => {
    const notRule = ksbFramework([
      {
        conditions: {
          all: [
            { not: { fact: 'kinds', path: 'knowledge.met', operator: 'equal', value: 0 } },
            { fact: 'kinds', path: 'skill.met', operator: 'not:equal', value: 0 },
          ],
        },
        event: { type: 'attained' },
      },
    ]);
    assert.equal((await assess(notRule, rate(['k-law', 's-plan']))).bestFit, 'senior');
    assert.equal((await assess(notRule, rate(['k-law']))).bestFit, null);
    assert.equal((await assess(notRule, rate(['s-lead']))).bestFit, null);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a provider changes thresholds in JSON', () => {
  test('clinical-homecare with 0.75 changed to 0.5: 4 of 8 supportive indicators now attain supportive', async () => {
    const json = readFrameworkJson('clinical-homecare');
    const attained = json.rules.find((r) => r.event.type === 'attained')!;
    const threshold = (attained.conditions as { all: { fact: string; value: unknown }[] }).all.find((c) => c.fact === 'indicatorCoverage')!;
    assert.equal(threshold.value, 0.75);
    threshold.value = 0.5;
    const lenient = parseFramework(JSON.stringify(json)); // as a provider would: JSON text
    const builtin = frameworks['clinical-homecare'];
    assert.equal(indicatorIds(builtin, 'supportive').length, 8);
    const person = ratingsFor(builtin, { meetLevels: ['supportive'], indicatorCount: { supportive: 4 } });
    const before = await assess(builtin, person);
    const after = await assess(lenient, person);
    assert.equal(before.bestFit, null);
    assert.equal(after.bestFit, 'supportive');
    assert.equal(after.levels[0]!.indicatorCoverage, 0.5);
    assert.equal(after.explanation[0], `You are working at ${levelName(builtin, 'supportive')}.`);
    // the statements needed follow the changed threshold: 4 met of 8 is 2 short of 75%, and associate needs 4 of 8 at 50%
    assert.equal(before.gaps.indicators.need, 2);
    assert.equal(after.gaps.target, 'associate');
    assert.deepEqual([after.gaps.indicators.need, after.gaps.indicators.from.length], [4, 8]);
    // and 3 of 8 still does not
    const three = ratingsFor(builtin, { meetLevels: ['supportive'], indicatorCount: { supportive: 3 } });
    assert.equal((await assess(lenient, three)).bestFit, null);
  });
});
