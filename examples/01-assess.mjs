/**
 * 01: assess one person on the built-in Clinical Homecare Career and Competence Framework.
 * Run: npm run build:lib && node examples/01-assess.mjs
 */
import assert from 'node:assert/strict';
import { assess, frameworks } from '@levelfit/engine';

const framework = frameworks['clinical-homecare'];

// Ratings are on the framework's scale: 0 Not yet, 1 Developing, 2 Competent, 3 Proficient (2 and up is met).
// This person meets everything the Supportive level requires (its 14 competences and 8 indicators)…
const ratings = {};
for (const item of framework.items) {
  if (item.levels.includes('supportive')) ratings[item.id] = 2;
}
// …and 3 of the 8 Associate indicators (the Associate level requires the same 14 competences).
ratings['associate-agreed-plan'] = 3;
ratings['associate-holistic-care'] = 2;
ratings['associate-support-care-cycle'] = 2;

const fit = await assess(framework, { ratings });

console.log(`Best fit: ${fit.bestFit}`);
console.log(`Overlap: into ${fit.overlap?.to} (${fit.overlap?.items.map((i) => i.id).join(', ')})`);
console.log(`Gaps to ${fit.gaps.target}: ${fit.gaps.items.length}`);
for (const sentence of fit.explanation) console.log(`- ${sentence}`);

assert.equal(fit.bestFit, 'supportive');
assert.equal(fit.overlap?.to, 'associate');
assert.deepEqual(
  fit.overlap?.items.map((i) => i.id),
  ['associate-agreed-plan', 'associate-holistic-care', 'associate-support-care-cycle'],
);
assert.equal(fit.gaps.target, 'associate');
assert.equal(fit.gaps.items.length, 5); // the 5 Associate indicators not yet met
assert.deepEqual(fit.explanation, [
  'You are working at Level 1 – Supportive.',
  'You already do 3 things from Level 2 – Associate.',
  'To reach Level 2 – Associate you need any 3 of these 5 statements.',
]);
// the least that must change, closest first: any 3 of the 5 Associate statements not yet met
assert.equal(fit.gaps.indicators.need, 3);
assert.equal(fit.gaps.indicators.from.length, 5);
assert.equal(fit.gaps.competences.length, 0);
