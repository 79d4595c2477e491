/**
 * 04: the adult care pathway (Levels 2 → 5, composed from the four apprenticeship standards). A senior care
 * worker who meets the Level 2 and Level 3 knowledge, skills and behaviours and a third of the Level 4 ones:
 * best fit Level 3, overlapping into Level 4, with the gaps to Level 4 listed, and their role placed on the pathway.
 * Run: npm run build:lib && node examples/04-pathway.mjs
 */
import assert from 'node:assert/strict';
import { assess, frameworks } from '@levelfit/engine';

const pathway = frameworks['adult-care-pathway'];
const at = (level) => pathway.items.filter((item) => item.levels.includes(level));

const ratings = {};
for (const item of [...at('level-2'), ...at('level-3')]) ratings[item.id] = 2;
const level4 = at('level-4');
for (const item of level4.slice(0, 15)) ratings[item.id] = 2; // 15 of 45
ratings[level4[15].id] = 1; // rated, but "Developing" is not met

const fit = await assess(pathway, { ratings }, { role: 'Senior Care Worker' });

const title = (id) => pathway.levels.find((l) => l.id === id).title;
console.log(`Best fit: ${title(fit.bestFit)}`);
console.log(`Overlap: into ${title(fit.overlap.to)} (${fit.overlap.items.length} of ${level4.length} met)`);
console.log(`Gaps to ${title(fit.gaps.target)}: ${fit.gaps.items.length}, the first: ${fit.gaps.items[0].title}`);
for (const l of fit.levels) console.log(`  ${l.level}: ${l.attained ? 'attained' : 'not yet'}, ${l.competences.met}/${l.competences.required}`);
for (const sentence of fit.explanation) console.log(`- ${sentence}`);

assert.equal(fit.bestFit, 'level-3');
assert.deepEqual(
  fit.levels.map((l) => [l.level, l.attained, l.competences.met, l.competences.required]),
  [
    ['level-2', true, 78, 78],
    ['level-3', true, 77, 77],
    ['level-4', false, 15, 45],
    ['level-5', false, 0, 41],
  ],
);
assert.equal(fit.overlap.to, 'level-4');
assert.equal(fit.overlap.items.length, 15);
assert.equal(fit.gaps.target, 'level-4');
assert.equal(fit.gaps.items.length, 30);
assert.deepEqual(fit.gaps.items[0], { id: level4[15].id, title: level4[15].title, kind: level4[15].kind, rating: 1 });
assert.deepEqual(fit.role, { title: 'Senior Care Worker', level: 'level-3' });
assert.equal(fit.explanation.at(-1), 'Your role, Senior Care Worker, is at Lead Adult Care Worker (Level 3). That is the level you work at.');
