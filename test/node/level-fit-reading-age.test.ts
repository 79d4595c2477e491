/**
 * The explanation reads at about age nine: every sentence the formatter makes, over the nine built-in
 * frameworks and many answer patterns (with roles and chosen targets), and the explanation lines the README
 * shows, has a Flesch-Kincaid grade of 9 or less, and no percentage or talk of rules.
 *
 * A level's or role's own title from the source (say "Managing homecare workers (National Occupational
 * Standard)") is the framework's wording, shown verbatim, not ours: it is read as "this level" / "this role".
 * levelfit's own level names ("Level 2 – Associate") are measured as they are.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assess, frameworks, levelName, type Framework } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';
import { grade } from '../support/readability.ts';
import { seededRandom } from '../../packages/engine/src/quiz/arrange.ts';

/** The sentence with the source's own titles replaced, as the header says. */
function ours(fw: Framework, sentence: string): string {
  let s = sentence;
  for (const l of fw.levels) if (l.label === undefined) s = s.split(levelName(fw, l)).join('this level');
  for (const l of fw.levels) for (const r of l.roles) s = s.split(r).join('this role');
  return s;
}

function check(sentence: string, measured: string, where: string): void {
  const g = grade(measured);
  assert.ok(g <= 9, `${where}: grade ${g.toFixed(1)}: ${sentence}`);
  assert.ok(!/%|\brules?\b/i.test(sentence), `${where}: ${sentence}`);
}

describe('explanation sentences read at grade 9 or below', () => {
  for (const [id, fw] of Object.entries(frameworks)) {
    test(id, async () => {
      const rand = seededRandom(id.length * 31);
      const values = fw.scale.values.map((v) => v.value);
      const roles = fw.levels.flatMap((l) => l.roles);
      const seen = new Set<string>();
      for (let n = 0; n < 200; n++) {
        const share = rand();
        const ratings: Record<string, number> = {};
        for (const item of fw.items) if (rand() < share) ratings[item.id] = values[Math.floor(rand() * values.length)]!;
        const options: { role?: string; target?: string } = {};
        if (roles.length && rand() < 0.3) options.role = roles[Math.floor(rand() * roles.length)]!;
        if (rand() < 0.2) options.target = fw.levels[Math.floor(rand() * fw.levels.length)]!.id;
        const fit = await assess(fw, { ratings }, options);
        for (const s of fit.explanation) seen.add(s);
      }
      // everything met, and nothing
      for (const ratings of [Object.fromEntries(fw.items.map((i) => [i.id, values[values.length - 1]!])), {}]) {
        for (const s of (await assess(fw, { ratings })).explanation) seen.add(s);
      }
      assert.ok(seen.size >= 3, `${id}: ${seen.size} sentences`);
      for (const s of seen) check(s, ours(fw, s), id);
    });
  }

  test('the explanation lines the README shows', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const lines = [...readme.matchAll(/^\s*'((?:You |To reach |Your role)[^'\n]*)',?$/gm)].map((m) => m[1]!.trim());
    assert.ok(lines.length >= 3, `README explanation lines: ${lines.length}`);
    const ch = frameworks['clinical-homecare'];
    for (const s of lines) check(s, ours(ch, s), 'README');
  });
});
