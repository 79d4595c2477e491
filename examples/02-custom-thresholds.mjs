/**
 * 02: the thresholds are data. Load the framework JSON, lower the share of indicators a level needs from 75% to
 * 50% in its "attained" rule, validate it with parseFramework, and assess the same person against both.
 * Run: npm run build:lib && node examples/02-custom-thresholds.mjs
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assess, frameworks, parseFramework } from '@levelfit/engine';

const json = JSON.parse(await readFile(new URL('../data/frameworks/clinical-homecare.json', import.meta.url), 'utf8'));

// The "attained" rule: every competence met, and indicatorCoverage >= 0.75.
const attained = json.rules.find((rule) => rule.event.type === 'attained');
const threshold = attained.conditions.all.find((c) => c.fact === 'indicatorCoverage');
assert.equal(threshold.value, 0.75);
threshold.value = 0.5;
json.id = 'clinical-homecare-50';

const lenient = parseFramework(json); // throws a FrameworkError listing every issue if the edit broke the data

// Everything Supportive requires, and 4 of the 8 Associate indicators (50%).
const ratings = {};
for (const item of lenient.items) {
  if (item.levels.includes('supportive')) ratings[item.id] = 2;
}
for (const id of ['associate-knowledge', 'associate-agreed-plan', 'associate-holistic-care', 'associate-judgements']) ratings[id] = 2;

const standard = await assess(frameworks['clinical-homecare'], { ratings });
const custom = await assess(lenient, { ratings });

console.log(`75% rule: best fit ${standard.bestFit}`);
console.log(`50% rule: best fit ${custom.bestFit}`);
console.log(custom.explanation.join('\n'));

assert.equal(standard.bestFit, 'supportive');
assert.equal(standard.overlap?.to, 'associate');
assert.equal(custom.bestFit, 'associate');
assert.equal(custom.frameworkId, 'clinical-homecare-50');
assert.equal(custom.explanation[0], 'You are working at Level 2 – Associate.');
// `need` follows the threshold in the data: under the 75% rule, Associate still needs 2 more of its statements
assert.equal(standard.gaps.indicators.need, 2);
