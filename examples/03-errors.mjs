/**
 * 03: errors are data. A framework that breaks the data contract and responses that do not fit a framework
 * come back as issues `{ code, path, message }`: from the safe functions as values, from the others as errors.
 * Run: npm run build:lib && node examples/03-errors.mjs
 */
import assert from 'node:assert/strict';
import {
  AssessmentError,
  FrameworkError,
  assess,
  formatIssues,
  frameworks,
  parseFramework,
  safeAssess,
  safeParseFramework,
} from '@levelfit/engine';

// A framework with a number for its title, an item of an unknown kind, and an item naming a level that does not exist.
const broken = {
  id: 'broken',
  title: 42,
  version: '1',
  source: { title: 'Made up', publisher: null, date: null },
  scale: { met: 1, values: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }] },
  levels: [{ id: 'junior', title: 'Junior', descriptor: [], roles: [] }],
  items: [
    { id: 'listen', title: 'Listen', kind: 'talent', levels: ['junior'] },
    { id: 'lead', title: 'Lead', kind: 'skill', levels: ['senior'] },
  ],
  rules: [{ conditions: { all: [{ fact: 'competencesMissing', operator: 'equal', value: 0 }] }, event: { type: 'attained' } }],
};

const parsed = safeParseFramework(broken);
assert.equal(parsed.success, false);
console.log('Framework issues (schema):');
console.log(formatIssues(parsed.issues));
assert.deepEqual(parsed.issues, [
  { code: 'invalid_type', path: ['title'], message: 'expected a string, received 42' },
  {
    code: 'invalid_value',
    path: ['items', 0, 'kind'],
    message: 'must be one of: competence, indicator, knowledge, skill, behaviour, performance',
  },
]);

// Once the schema passes, references are checked: the unknown level is reported at its path.
broken.title = 'Broken';
broken.items[0].kind = 'skill';
assert.throws(
  () => parseFramework(broken),
  (err) => {
    assert.ok(err instanceof FrameworkError);
    console.log(`\n${err.message}`);
    assert.deepEqual(err.issues, [{ code: 'unknown_level', path: ['items', 1, 'levels', 0], message: 'no level has the id "senior"' }]);
    return true;
  },
);

// Responses: an unknown item id and a rating off the 0–3 scale, all reported at once.
const framework = frameworks['clinical-homecare'];
const responses = { ratings: { 'hand-hygiene': 5, 'hand-washing': 2 } };
const result = await safeAssess(framework, responses);
assert.equal(result.success, false);
console.log('\nResponse issues:');
console.log(formatIssues(result.issues));
assert.deepEqual(
  result.issues.map((i) => [i.code, i.path]),
  [
    ['rating_off_scale', ['ratings', 'hand-hygiene']],
    ['unknown_item', ['ratings', 'hand-washing']],
  ],
);
assert.equal(result.issues[0].message, 'the rating for "hand-hygiene" is 5; it must be one of 0, 1, 2, 3');

await assert.rejects(assess(framework, responses), (err) => err instanceof AssessmentError && err.issues.length === 2);
