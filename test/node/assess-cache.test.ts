/**
 * The engine's caches change no result. `assess`/`assessMany` reuse rule outcomes (keyed on the rule fact
 * values). Every LevelFit they return must equal the one a cold engine builds: a framework whose rule-outcome
 * cache is emptied before each person, assessed one at a time with `assess`.
 *
 * 2,500 seeded people on clinical-homecare and on adult-care-pathway, with no options, `target`, `role`
 * (odd case and spacing), both, and a few bad rows (unknown item, off-scale rating, unknown target or role).
 * Equal means `assert.deepStrictEqual` and the same JSON text. Results must also be plain data: no object
 * or array is shared between two results (a caller may change one result without touching another).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, assessMany, parseFramework, safeAssess, type AssessOptions, type LevelFit } from '../../packages/engine/src/index.ts';
import { compile } from '../../packages/engine/src/framework/compile.ts';
import type { SafeResult } from '../../packages/engine/src/errors.ts';
import { readFrameworkJson, type FrameworkJson } from '../support/factories.ts';
import { seededRandom } from '../../packages/engine/src/quiz/arrange.ts';

const PEOPLE = 2500;

interface Case {
  responses: unknown;
  options: AssessOptions | undefined;
}

/**
 * Seeded people spread over the levels (an item is likelier met the further the person's ability is above
 * the first level that lists it), written as JSON text and parsed like a received payload, with options.
 */
function makeCases(fw: FrameworkJson, n: number, seed: number): Case[] {
  const rand = seededRandom(seed);
  const levelIndex = new Map(fw.levels.map((l, i) => [l.id, i]));
  const home = fw.items.map((item) => Math.min(...item.levels.map((id) => levelIndex.get(id)!)));
  const values = fw.scale.values.map((v) => v.value).sort((a, b) => a - b);
  const below = values.filter((v) => v < fw.scale.met);
  const atOrAbove = values.filter((v) => v >= fw.scale.met);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const roles = fw.levels.flatMap((l) => l.roles);
  const oddCase = (s: string) => (rand() < 0.5 ? `  ${s.toUpperCase()} ` : s.toLowerCase());
  const cases: Case[] = [];
  for (let p = 0; p < n; p++) {
    const ability = rand() * (fw.levels.length + 1) - 0.5;
    const sharpness = 3 + rand() * 6;
    const parts: string[] = [];
    for (let i = 0; i < fw.items.length; i++) {
      if (rand() < 0.02) continue; // unanswered
      const pMet = 1 / (1 + Math.exp(-(ability - home[i]! - 0.2) * sharpness));
      parts.push(`${JSON.stringify(fw.items[i]!.id)}:${rand() < pMet ? pick(atOrAbove) : pick(below)}`);
    }
    const bad = rand();
    if (bad < 0.005) parts.push('"no-such-item":1');
    else if (bad < 0.01) parts[0] = `${parts[0]!.split(':')[0]}:${values[values.length - 1]! + 1}`;
    const responses: unknown = JSON.parse(`{"ratings":{${parts.join(',')}}}`);
    let options: AssessOptions | undefined;
    switch (p % 6) {
      case 1:
        options = { target: pick(fw.levels).id };
        break;
      case 2:
        options = { role: oddCase(pick(roles)) };
        break;
      case 3:
        options = { target: pick(fw.levels).id, role: pick(roles) };
        break;
      case 4:
        options = rand() < 0.03 ? { target: 'no-such-level' } : rand() < 0.03 ? { role: 'No such role' } : {};
        break;
      default:
        options = undefined;
    }
    cases.push({ responses, options });
  }
  return cases;
}

/** Every object and array in a result, to show no two results share one. */
function objectsOf(value: unknown, into: Set<object>, owner: Map<object, number>, index: number): void {
  if (typeof value !== 'object' || value === null) return;
  const seen = owner.get(value);
  if (seen !== undefined && seen !== index) assert.fail(`results ${seen} and ${index} share an object: ${JSON.stringify(value).slice(0, 200)}`);
  if (into.has(value)) return;
  into.add(value);
  owner.set(value, index);
  for (const v of Object.values(value)) objectsOf(v, into, owner, index);
}

for (const id of ['clinical-homecare', 'adult-care-pathway'] as const) {
  describe(`${id}: cached results equal a cold engine's`, () => {
    const json = readFrameworkJson(id);
    const cases = makeCases(json, PEOPLE, id === 'clinical-homecare' ? 20261123 : 77);

    /** Each person on a framework whose cache is emptied first. */
    async function coldResults(): Promise<SafeResult<LevelFit>[]> {
      const fw = parseFramework(structuredClone(json));
      const c = compile(fw);
      const out: SafeResult<LevelFit>[] = [];
      for (const { responses, options } of cases) {
        c.cache.root.clear();
        c.cache.bytes = 0;
        out.push(await safeAssess(fw, responses, options));
      }
      return out;
    }

    test(`${PEOPLE} seeded people: assessMany (twice), assess and safeAssess on a warm engine give the cold results`, async () => {
      const cold = await coldResults();
      const attained = new Set(cold.flatMap((r) => (r.success ? [r.data.bestFit ?? 'none'] : [])));
      assert.ok(attained.size >= json.levels.length, `the people reach every best fit (${[...attained].join(', ')})`);
      assert.ok(cold.some((r) => r.success && r.data.overlap !== null), 'some people overlap');
      assert.ok(cold.some((r) => !r.success), 'some rows are rejected');
      assert.ok(cold.some((r) => r.success && r.data.role !== null), 'some results name a role');

      const fw = parseFramework(structuredClone(json));
      const byIndex = (i: number) => cases[i]!.options;
      const first = await assessMany(fw, cases.map((x) => x.responses), byIndex);
      const second = await assessMany(fw, cases.map((x) => x.responses), byIndex);
      const single: SafeResult<LevelFit>[] = [];
      for (const { responses, options } of cases) single.push(await safeAssess(fw, responses, options));
      for (let i = 0; i < cases.length; i++) {
        for (const [what, got] of [['assessMany', first[i]], ['assessMany again', second[i]], ['safeAssess', single[i]]] as const) {
          assert.deepStrictEqual(got, cold[i], `${what}, person ${i}`);
          assert.equal(JSON.stringify(got), JSON.stringify(cold[i]), `${what} JSON, person ${i}`);
        }
        const { responses, options } = cases[i]!;
        const c = cold[i]!;
        if (c.success) assert.deepStrictEqual(await assess(fw, responses, options), c.data, `assess, person ${i}`);
      }

      // a call made while another is reading its responses (a getter that assesses someone else) does not
      // disturb it: both results are still the cold ones
      const [a, b] = [cases.findIndex((x, i) => cold[i]!.success && x.options === undefined), cases.findIndex((x, i) => i > 5 && cold[i]!.success && x.options === undefined)];
      const ratingsA = (cases[a]!.responses as { ratings: Record<string, number> }).ratings;
      const firstId = Object.keys(ratingsA)[0]!;
      let nested: Promise<LevelFit> | undefined;
      const tricky = { ratings: { ...ratingsA } };
      Object.defineProperty(tricky.ratings, firstId, {
        enumerable: true,
        get() {
          nested ??= assess(fw, cases[b]!.responses);
          return ratingsA[firstId];
        },
      });
      const outer = await assess(fw, tricky);
      assert.deepStrictEqual(outer, (cold[a] as { data: LevelFit }).data, 'outer call with a re-entrant getter');
      assert.deepStrictEqual(await nested, (cold[b] as { data: LevelFit }).data, 'the call made from the getter');

      // plain data: nothing shared between the results of one batch, nor with another batch's
      const all = new Set<object>();
      const owner = new Map<object, number>();
      first.forEach((r, i) => objectsOf(r, all, owner, i));
      second.forEach((r, i) => objectsOf(r, all, owner, cases.length + i));
    });
  });
}
