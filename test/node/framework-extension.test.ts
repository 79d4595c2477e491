/**
 * A provider's extension of a built-in framework (packages/engine/src/framework/extension.ts): validated by
 * parseFramework against its base, pinned to the base's version, merged into one framework; and the
 * framework's Example 1 as written: a supportive-level worker with an added associate-level clinical-task
 * competence overlaps into Associate through the added-competence trigger.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main, type CliIo } from '../../packages/engine/src/cli/index.ts';
import {
  FrameworkError,
  assess,
  frameworks,
  isFrameworkExtension,
  parseFramework,
  safeParseFramework,
  type Framework,
  type Issue,
} from '../../packages/engine/src/index.ts';
import { isParsedFramework } from '../../packages/engine/src/internal.ts';
import { ROOT } from '../support/factories.ts';

const EXAMPLE_PATH = 'data/extensions/example-clinical-tasks.json';
const exampleJson = () => JSON.parse(readFileSync(`${ROOT}${EXAMPLE_PATH}`, 'utf8'));
const base = frameworks['clinical-homecare'];
const ADDED = ['example-subcutaneous-injection', 'example-observations', 'example-infusion-monitoring'];

/** Everything Supportive requires, met; nothing above it. */
function supportiveRatings(fw: Framework): Record<string, number> {
  const ratings: Record<string, number> = {};
  for (const item of fw.items) if (item.levels.includes('supportive')) ratings[item.id] = 2;
  return ratings;
}

const issuesOf = (input: unknown, options?: Parameters<typeof safeParseFramework>[1]): Issue[] => {
  const r = safeParseFramework(input, options);
  assert.equal(r.success, false, 'expected issues');
  return r.success ? [] : r.issues;
};
const codes = (issues: Issue[]) => issues.map((i) => [i.code, i.path.join('.')]);

describe('the example extension', () => {
  const json = exampleJson();

  test('is clearly an example and not part of the framework', () => {
    assert.match(json.title, /EXAMPLE/);
    assert.match(json.source.title, /not part of the Clinical Homecare Career and Competence Framework/);
    for (const item of json.items) assert.match(item.group, /not part of the framework/);
    assert.equal(json.source.licence, 'MIT');
  });

  test('parseFramework resolves its built-in base and returns the extended framework', () => {
    assert.equal(isFrameworkExtension(json), true);
    const fw = parseFramework(json);
    assert.ok(isParsedFramework(fw) && Object.isFrozen(fw));
    assert.equal(fw.id, 'example-clinical-tasks');
    assert.deepEqual(fw.extension?.extends, { id: 'clinical-homecare', version: base.version });
    assert.deepEqual(fw.extension?.items, ADDED);
    assert.deepEqual(fw.items.map((i) => i.id), [...base.items.map((i) => i.id), ...ADDED]);
    assert.deepEqual(fw.levels.map((l) => l.id), base.levels.map((l) => l.id));
    assert.deepEqual(fw.levels[1]!.roles, [...base.levels[1]!.roles, 'Clinical Homecare Technician (example role)']);
    assert.deepEqual(fw.rules, base.rules);
    assert.deepEqual(fw.source, base.source, 'the framework text is still cited to its source');
    assert.deepEqual(exampleJson(), json, "the caller's object is not changed");
    // The extended framework round-trips through JSON as a plain framework.
    assert.deepEqual(parseFramework(JSON.parse(JSON.stringify(fw))), fw);
  });

  test('Example 1 as written: Supportive, with an added associate-level competence met, overlaps into Associate', async () => {
    const fw = parseFramework(json);
    const ratings = { ...supportiveRatings(fw), 'example-subcutaneous-injection': 2 };
    const fit = await assess(fw, { ratings });
    assert.equal(fit.bestFit, 'supportive');
    assert.equal(fit.overlap?.to, 'associate');
    assert.deepEqual(fit.overlap?.items.map((i) => i.id), ['example-subcutaneous-injection']);
    // No Associate indicator is met, so the indicator share cannot be what fired the overlap: the trigger is the
    // competence Associate adds to Supportive.
    const associate = fit.levels.find((l) => l.level === 'associate')!;
    assert.equal(associate.indicatorCoverage, 0);
    assert.equal(associate.attained, false);

    // Without that competence there is no overlap…
    const without = await assess(fw, { ratings: supportiveRatings(fw) });
    assert.equal(without.bestFit, 'supportive');
    assert.equal(without.overlap, null);
    // …and the base framework alone cannot express it: Supportive and Associate require the same competences.
    const onBase = await assess(base, { ratings: supportiveRatings(base) });
    assert.equal(onBase.overlap, null);
  });

  test('meeting all the added competences and the Associate indicators attains Associate', async () => {
    const fw = parseFramework(json);
    const ratings: Record<string, number> = {};
    for (const item of fw.items) if (item.levels.includes('associate') || item.levels.includes('supportive')) ratings[item.id] = 2;
    assert.equal((await assess(fw, { ratings })).bestFit, 'associate');
    ratings['example-observations'] = 1;
    assert.equal((await assess(fw, { ratings })).bestFit, 'supportive', 'an added competence is required at its level');
  });
});

describe('extension checks', () => {
  test('an extension for another version of the base is an issue, never applied', () => {
    const next = { ...JSON.parse(JSON.stringify(base)), version: '4.6-draft' };
    const issues = issuesOf(exampleJson(), { base: next });
    assert.deepEqual(codes(issues), [['version_mismatch', 'extends.version']]);
    assert.match(issues[0]!.message, /written for version 4\.5-draft of clinical-homecare, but the framework is version 4\.6-draft/);
    assert.throws(() => parseFramework(exampleJson(), { base: next }), FrameworkError);
  });

  test('the base can be given as a framework or a lookup; an unknown base is an issue', () => {
    assert.equal(parseFramework(exampleJson(), { base }).id, 'example-clinical-tasks');
    assert.equal(parseFramework(exampleJson(), { base: (id) => (id === 'clinical-homecare' ? base : undefined) }).id, 'example-clinical-tasks');
    const unknown = { ...exampleJson(), extends: { id: 'nursing', version: '1' } };
    assert.deepEqual(codes(issuesOf(unknown)), [['invalid_value', 'extends.id']]);
    assert.deepEqual(codes(issuesOf(exampleJson(), { base: frameworks['adult-care-pathway'] })), [['invalid_value', 'extends.id']]);
  });

  test('added items may not reuse a base id or name a level the base lacks; roles only for its levels', () => {
    const json = exampleJson();
    json.items[0].id = 'hand-hygiene';
    json.items[1].levels = ['associate', 'expert'];
    json.roles.senior = ['Lead'];
    assert.deepEqual(codes(issuesOf(json)), [
      ['duplicate_id', 'items.0.id'],
      ['unknown_level', 'items.1.levels.1'],
      ['unknown_level', 'roles.senior'],
    ]);
  });

  test('schema problems point into the extension', () => {
    const json = exampleJson();
    json.items[2].kind = 'task';
    delete json.extends.version;
    json.colour = 'blue';
    assert.deepEqual(codes(issuesOf(json)).sort(), [
      ['invalid_value', 'items.2.kind'],
      ['invalid_type', 'extends.version'],
      ['unrecognized_keys', ''],
    ].sort());
  });

  test('duplicate ids among the added items are reported at the added item', () => {
    const json = exampleJson();
    json.items[2].id = json.items[0].id;
    assert.deepEqual(codes(issuesOf(json)), [['duplicate_id', 'items.2.id']]);
  });

  test('an extension may change the thresholds by giving its own rules, validated against the merged items', async () => {
    const json = exampleJson();
    json.rules = JSON.parse(JSON.stringify(base.rules));
    const overlap = json.rules.find((r: { event: { type: string } }) => r.event.type === 'overlap');
    overlap.conditions = { all: [{ fact: 'met', path: 'example-observations', operator: 'equal', value: true }] };
    const fw = parseFramework(json);
    const ratings = { ...supportiveRatings(fw), 'example-subcutaneous-injection': 2 };
    assert.equal((await assess(fw, { ratings })).overlap, null);
    assert.equal((await assess(fw, { ratings: { ...ratings, 'example-observations': 2 } })).overlap?.to, 'associate');
    overlap.conditions.all[0].path = 'no-such-item';
    assert.deepEqual(codes(issuesOf(json)), [['unknown_item', 'rules.1.conditions.all.0.path']]);
  });

  test('an extension extends a framework, not another extension', () => {
    const extended = parseFramework(exampleJson());
    const again = { ...exampleJson(), id: 'again', extends: { id: extended.id, version: extended.version }, items: [] };
    assert.deepEqual(codes(issuesOf(again, { base: extended })), [['invalid_value', 'extends.id']]);
  });
});

describe('extensions in the CLI', () => {
  async function cli(argv: string[], files: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (l) => void out.push(...l.split('\n')),
      err: (l) => void err.push(...l.split('\n')),
      readFile: (p) => files[p] ?? readFileSync(p.startsWith('/') ? p : `${ROOT}${p}`, 'utf8'),
    };
    return { code: await main(argv, io), out, err };
  }

  test('validate checks an extension against its base', async () => {
    const r = await cli(['validate', EXAMPLE_PATH]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out[0]!, /valid \(example-clinical-tasks: 5 levels, 70 items; extends clinical-homecare 4\.5-draft, adding 3 items\)/);
    const stale = JSON.stringify({ ...exampleJson(), extends: { id: 'clinical-homecare', version: '4.4-draft' } });
    const bad = await cli(['validate', 'stale.json'], { 'stale.json': stale });
    assert.equal(bad.code, 1);
    assert.match(bad.err.join('\n'), /stale\.json: extends\.version: .*written for version 4\.4-draft/);
  });

  test('assess --framework takes an extension file', async () => {
    const fw = parseFramework(exampleJson());
    const responses = { ratings: { ...supportiveRatings(fw), 'example-subcutaneous-injection': 2 } };
    const r = await cli(['assess', 'me.json', '--framework', EXAMPLE_PATH, '--json'], { 'me.json': JSON.stringify(responses) });
    assert.equal(r.code, 0, r.err.join('\n'));
    const fit = JSON.parse(r.out.join('\n'));
    assert.equal(fit.frameworkId, 'example-clinical-tasks');
    assert.equal(fit.overlap.to, 'associate');
  });
});
