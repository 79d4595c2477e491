/**
 * 09: CASE 1.1 (1EdTech Competencies and Academic Standards Exchange). `toCase` exports a framework as a CFPackage
 * an LMS or a CASE server imports; `fromCase` reads a package back, from levelfit or from another tool, and says
 * what it could not map. The CLI does the same: `levelfit export --case` and `levelfit import --case FILE`.
 * Run: npm run build:lib && node examples/09-case.mjs
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { frameworks } from '@levelfit/engine';
import { fromCase, toCase } from '@levelfit/engine/case';

const fw = frameworks['lead-practitioner-adult-care'];
const pkg = toCase(fw, { baseUri: 'https://case.example.org/ims/case/v1p1', lastChangeDateTime: '2026-12-01T09:00:00Z' });
const types = (t) => pkg.CFAssociations.filter((a) => a.associationType === t).length;
console.log(`${pkg.CFDocument.title}: ${pkg.CFItems.length} CFItems, ${pkg.CFAssociations.length} CFAssociations`);
console.log(`  isChildOf ${types('isChildOf')}, precedes ${types('precedes')}, ext:requiredAtLevel ${types('ext:requiredAtLevel')}`);

// Items keep their codes (K1, S25, B1) in humanCodingScheme; identifiers are v5 UUIDs, the same on every export.
const s25 = pkg.CFItems.find((i) => i.humanCodingScheme === 'S25');
console.log(`  S25: ${s25.CFItemType}, ${s25.uri}`);
assert.equal(s25.CFItemType, 'Skill');
assert.equal(toCase(fw).CFItems.find((i) => i.humanCodingScheme === 'S25').identifier, s25.identifier);
// The rating scale is a CFRubric; the level rules ride in the document's extensions.
assert.deepEqual(pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l) => l.quality), fw.scale.values.map((v) => v.label));

// Round trip: the same framework (items, levels, matrix, rules, scale, source).
const back = fromCase(JSON.parse(JSON.stringify(pkg)));
assert.equal(back.success, true);
assert.deepEqual(back.data, JSON.parse(JSON.stringify(fw)));
assert.deepEqual(back.issues, []);

// A package from another tool (a standards document with no levels): one level of items, and issues.
const other = fromCase(readFileSync(new URL('../test/fixtures/case/medication-standards.cfpackage.json', import.meta.url), 'utf8'));
assert.equal(other.success, true);
console.log(`\nImported "${other.data.title}": ${other.data.items.length} items in ${other.data.levels.length} level, ${other.crosswalks.length} crosswalks`);
for (const issue of other.issues) console.log(`  ${issue.code} at ${issue.path.join('.')}: ${issue.message}`);
assert.deepEqual(other.data.items.map((i) => i.code), ['MED.A.1.1', 'MED.A.1.2', 'MED.A.2', 'MED.B.1', 'MED.B.2', 'MED.B.3', 'MED.B.4']);
assert.deepEqual(other.issues.map((i) => i.code), ['unknown_item_type', 'unmapped_association', 'unmapped_association', 'defaulted', 'defaulted']);
