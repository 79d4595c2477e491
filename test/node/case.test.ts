/**
 * CASE 1.1 (`@levelfit/engine/case`): every built-in framework exports to a CFPackage that validates against
 * 1EdTech's CFPackage JSON Schema (test/fixtures/case, compiled with Ajv) and imports back to the same framework
 * (items, levels, matrix, rules, scale, source); identifiers are stable v5 UUIDs; a package shaped like another
 * tool's export imports with clear issues for what levelfit cannot map; bad input gives issues, never a throw.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { BUILTIN_IDS, frameworks, parseFramework, type Framework } from '../../packages/engine/src/index.ts';
import { caseItemUri, fromCase, REQUIRED_AT_LEVEL, safeToCase, toCase, type CFPackage } from '../../packages/engine/src/case/index.ts';
import { ROOT } from '../support/factories.ts';

const schema = JSON.parse(readFileSync(`${ROOT}test/fixtures/case/case_v1p1_cfpackage-jsonschema1.json`, 'utf8'));
const ajv = new Ajv2019({ allErrors: true, strict: true });
addFormats(ajv);
const validatePackage = ajv.compile(schema);
const schemaErrors = (pkg: unknown) => (validatePackage(pkg) ? [] : (validatePackage.errors ?? []).slice(0, 5));

const WHEN = '2026-12-01T09:00:00.000Z';
const UUID5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const fixture = () => JSON.parse(readFileSync(`${ROOT}test/fixtures/case/medication-standards.cfpackage.json`, 'utf8'));

describe('toCase / fromCase on the nine built-in frameworks', () => {
  assert.equal(BUILTIN_IDS.length, 9);
  for (const id of BUILTIN_IDS) {
    test(`${id}: valid against the CASE 1.1 CFPackage schema, and imports back unchanged`, () => {
      const fw = frameworks[id];
      const pkg = toCase(fw, { lastChangeDateTime: WHEN, baseUri: 'https://case.example.org/ims/case/v1p1' });
      assert.deepEqual(schemaErrors(wire(pkg)), []);
      const back = fromCase(wire(pkg));
      assert.ok(back.success, JSON.stringify(!back.success && back.issues.slice(0, 3)));
      assert.deepEqual(back.issues, [], 'a levelfit export needs no defaults');
      assert.deepEqual(back.data.items, fw.items);
      assert.deepEqual(back.data.levels, fw.levels);
      assert.deepEqual(back.data.rules, fw.rules);
      assert.deepEqual(back.data, fw, 'and everything else: id, title, version, source, scale');
    });
  }

  test('the mapping: documents, level chain, structure, matrix, codes, types and the scale rubric', () => {
    const fw = frameworks['lead-practitioner-adult-care'];
    const pkg = toCase(fw, { lastChangeDateTime: WHEN });
    const items = pkg.CFItems!;
    const assoc = (type: string) => pkg.CFAssociations!.filter((a) => a.associationType === type);
    const byId = new Map(items.map((i) => [i.identifier, i]));
    assert.equal(items.filter((i) => i.CFItemType === 'Level').length, fw.levels.length);
    // humanCodingScheme carries the codes (K1, S1, B1 …)
    for (const item of fw.items) {
      const cf = items.find((i) => i.extensions?.levelfit?.['id'] === item.id)!;
      assert.equal(cf.humanCodingScheme, item.code);
      assert.equal(cf.fullStatement, item.title);
      assert.equal(cf.CFItemType, { knowledge: 'Knowledge', skill: 'Skill', behaviour: 'Behaviour' }[item.kind as string]);
      assert.equal(cf.CFItemTypeURI!.identifier, pkg.CFDefinitions!.CFItemTypes!.find((t) => t.title === cf.CFItemType)!.identifier);
    }
    assert.deepEqual(['K1', 'S25', 'B1'].map((code) => items.filter((i) => i.humanCodingScheme === code).length), [1, 1, 1], 'codes such as K1, S25');
    assert.equal(toCase(frameworks['nos-managing-homecare-workers']).CFItems!.filter((i) => i.humanCodingScheme === 'P1').length, 1);
    // every item is under the document (directly or through a group heading)
    assert.equal(assoc('isChildOf').length, items.length);
    for (const a of assoc('isChildOf')) {
      const parent = a.destinationNodeURI.identifier;
      assert.ok(parent === pkg.CFDocument.identifier || byId.get(parent)?.CFItemType === 'Group', `${a.originNodeURI.title} is under ${a.destinationNodeURI.title}`);
    }
    // the matrix: one link per item per level that requires it
    assert.equal(assoc(REQUIRED_AT_LEVEL).length, fw.items.reduce((n, i) => n + i.levels.length, 0));
    // the rating scale
    const levels = pkg.CFRubrics![0]!.CFRubricCriteria![0]!.CFRubricCriterionLevels!;
    assert.deepEqual(levels.map((l) => [l.score, l.quality]), fw.scale.values.map((v) => [v.value, v.label]));
    assert.equal(pkg.CFRubrics![0]!.extensions!.levelfit!['met'], fw.scale.met);
    assert.equal(pkg.CFDocument.caseVersion, '1.1');
    assert.equal(pkg.CFDocument.version, fw.version);
  });

  test('precedes links each level to the next, lowest first', () => {
    const fw = frameworks['clinical-homecare'];
    const pkg = toCase(fw, { lastChangeDateTime: WHEN });
    const title = (id: string) => pkg.CFItems!.find((i) => i.identifier === id)!.fullStatement;
    const chain = pkg.CFAssociations!.filter((a) => a.associationType === 'precedes').map((a) => [title(a.originNodeURI.identifier), title(a.destinationNodeURI.identifier)]);
    assert.deepEqual(chain, fw.levels.slice(0, -1).map((l, i) => [l.title, fw.levels[i + 1]!.title]));
  });

  test('identifiers are v5 UUIDs, unique, and the same on every export of the same framework', () => {
    const a = toCase(frameworks['clinical-homecare'], { lastChangeDateTime: WHEN });
    const b = toCase(frameworks['clinical-homecare'], { lastChangeDateTime: '2027-01-01T00:00:00.000Z', baseUri: 'https://lms.example.org/case' });
    const ids = (p: CFPackage) => [p.CFDocument.identifier, ...p.CFItems!.map((i) => i.identifier), ...p.CFAssociations!.map((x) => x.identifier), ...p.CFRubrics!.map((r) => r.identifier)];
    assert.deepEqual(ids(a), ids(b));
    assert.equal(new Set(ids(a)).size, ids(a).length);
    for (const id of ids(a)) assert.match(id, UUID5);
    const other = toCase(frameworks['adult-care-worker-l2'], { lastChangeDateTime: WHEN });
    assert.notEqual(other.CFDocument.identifier, a.CFDocument.identifier);
    assert.equal(a.CFItems![0]!.uri, `urn:uuid:${a.CFItems![0]!.identifier}`);
    assert.equal(b.CFItems![0]!.uri, `https://lms.example.org/case/CFItems/${b.CFItems![0]!.identifier}`);
    assert.equal(caseItemUri('clinical-homecare', { item: 'hand-hygiene' }, 'https://lms.example.org/case'), b.CFItems!.find((i) => i.extensions?.levelfit?.['id'] === 'hand-hygiene')!.uri);
  });

  test('crosswalks become exactMatchOf / isRelatedTo links and come back from fromCase', () => {
    const l2 = frameworks['adult-care-worker-l2'];
    const pathway = frameworks['adult-care-pathway'];
    const target = toCase(l2, { lastChangeDateTime: WHEN, baseUri: 'https://case.example.org' });
    // The pathway repeats the level 2 standard's statements: the same code and title is an exact match.
    const crosswalks = pathway.items.flatMap((p) => {
      const same = l2.items.find((i) => i.code === p.code && i.title === p.title && p.levels.includes('level-2'));
      const cf = same && target.CFItems!.find((c) => c.extensions?.levelfit?.['id'] === same.id)!;
      return cf ? [{ item: p.id, type: 'exactMatchOf' as const, target: { uri: cf.uri, title: cf.humanCodingScheme ?? cf.fullStatement, identifier: cf.identifier } }] : [];
    });
    assert.ok(crosswalks.length > 10, `${crosswalks.length} crosswalks`);
    crosswalks.push({ item: pathway.items[0]!.id, type: 'isRelatedTo' as never, target: { uri: 'https://www.example.org/standards/other', title: 'A related standard' } as never });
    const pkg = toCase(pathway, { lastChangeDateTime: WHEN, crosswalks });
    assert.deepEqual(schemaErrors(wire(pkg)), []);
    assert.equal(pkg.CFAssociations!.filter((a) => a.associationType === 'exactMatchOf').length, crosswalks.length - 1);
    const back = fromCase(wire(pkg));
    assert.ok(back.success);
    assert.deepEqual(back.crosswalks.map((c) => [c.item, c.type, c.target.uri]), crosswalks.map((c) => [c.item, c.type, c.target.uri]));
    assert.deepEqual(back.data, pathway);
  });

  test('a licence the source states becomes a CFLicense the document links to, and comes back', () => {
    const fw = parseFramework({ ...JSON.parse(JSON.stringify(frameworks['cypf-practitioner-l4'])), source: { ...frameworks['cypf-practitioner-l4'].source, licence: 'Open Government Licence v3.0' } });
    const pkg = toCase(fw, { lastChangeDateTime: WHEN });
    assert.deepEqual(schemaErrors(wire(pkg)), []);
    assert.equal(pkg.CFDefinitions!.CFLicenses![0]!.title, 'Open Government Licence v3.0');
    assert.equal(pkg.CFDocument.licenseURI!.identifier, pkg.CFDefinitions!.CFLicenses![0]!.identifier);
    const back = fromCase(wire(pkg));
    assert.ok(back.success);
    assert.deepEqual(back.data, fw);
  });

  test('a crosswalk naming an unknown item is an issue from safeToCase (toCase throws a TypeError saying so)', () => {
    const options = { crosswalks: [{ item: 'nope', type: 'isRelatedTo' as const, target: { uri: 'https://x.example.org/1', title: 'x' } }] };
    const r = safeToCase(frameworks['clinical-homecare'], options);
    assert.equal(r.success, false);
    if (r.success) return;
    assert.deepEqual(r.issues, [{ code: 'unknown_item', path: ['crosswalks', 0, 'item'], message: 'The framework has no item "nope".' }]);
    assert.throws(() => toCase(frameworks['clinical-homecare'], options), /no item "nope"/);
    const bad = safeToCase({ id: 'x' });
    assert.equal(bad.success, false);
  });
});

describe('fromCase on packages from other tools', () => {
  test('a standards package without levels imports as one level of items, with headings, kinds, codes and crosswalks', () => {
    const r = fromCase(JSON.stringify(fixture()));
    assert.ok(r.success, JSON.stringify(!r.success && r.issues));
    const fw = r.data;
    assert.equal(fw.title, 'Safe Medication Support Standards');
    assert.equal(fw.version, '2.1');
    assert.equal(fw.source.publisher, 'Example Care Standards Board');
    assert.equal(fw.source.url, 'https://standards.example.org/medication-support');
    assert.equal(fw.source.licence, 'CC BY 4.0', 'from the document\'s licenseURI');
    assert.deepEqual(fw.levels.map((l) => l.id), ['all-items']);
    // sequenceNumber order, not file order; Domain and Cluster are headings, not items
    assert.deepEqual(fw.items.map((i) => i.code), ['MED.A.1.1', 'MED.A.1.2', 'MED.A.2', 'MED.B.1', 'MED.B.2', 'MED.B.3', 'MED.B.4']);
    assert.deepEqual(fw.items.map((i) => i.group), ['Consent and roles', 'Consent and roles', 'Preparing to support medicines', ...Array(4).fill('Supporting and recording medicines')]);
    assert.deepEqual(fw.items.map((i) => i.kind), ['competence', 'competence', 'knowledge', 'skill', 'competence', 'competence', 'competence']);
    assert.ok(fw.items.every((i) => i.levels.length === 1 && i.levels[0] === 'all-items'));
    assert.deepEqual(r.crosswalks.map((c) => [c.item, c.type, c.target.identifier]), [
      ['med-b-1', 'exactMatchOf', '7b0b7a4e-1f0e-4d8a-bb0f-2f7f6a9c4d21'],
      ['med-b-3', 'isRelatedTo', 'incident-policy'],
    ]);
    assert.deepEqual(r.issues.map((i) => [i.code, i.path.join('/')]), [
      ['unknown_item_type', 'CFItems/9/CFItemType'],
      ['unmapped_association', 'CFAssociations/12/associationType'],
      ['unmapped_association', 'CFAssociations/13/associationType'],
      ['defaulted', 'CFDocument'],
      ['defaulted', 'CFRubrics'],
    ]);
    assert.match(r.issues[0]!.message, /"Practice Statement"/);
    assert.match(r.issues[1]!.message, /isPeerOf/);
  });

  /** The fixture with two grade-like levels under the document and the domains moved under them. */
  function withLevels(chain: boolean) {
    const pkg = fixture();
    const doc = { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
    const mk = (n: number, code: string, title: string) => ({
      identifier: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
      uri: `https://case.example.org/uri/aaaaaaaa-0000-4000-8000-00000000000${n}`,
      fullStatement: title,
      humanCodingScheme: code,
      CFItemType: 'Proficiency Level',
      notes: `People at ${title.toLowerCase()} work with support.\nThey ask when unsure.`,
      lastChangeDateTime: '2025-03-14T09:26:53+00:00',
    });
    const l1 = mk(1, 'P1', 'Practice level 1');
    const l2 = mk(2, 'P2', 'Practice level 2');
    pkg.CFItems.push(l2, l1);
    const link = (i: { identifier: string; uri: string; humanCodingScheme: string }) => ({ title: i.humanCodingScheme, identifier: i.identifier, uri: i.uri });
    const a = (n: number, type: string, o: object, d: object, seq?: number) => ({
      identifier: `bbbbbbbb-0000-4000-8000-00000000000${n}`,
      associationType: type,
      uri: `https://case.example.org/uri/bbbbbbbb-0000-4000-8000-00000000000${n}`,
      originNodeURI: o,
      destinationNodeURI: d,
      lastChangeDateTime: '2025-03-14T09:26:53+00:00',
      ...(seq ? { sequenceNumber: seq } : {}),
    });
    pkg.CFAssociations.push(a(1, 'isChildOf', link(l1), doc, 1), a(2, 'isChildOf', link(l2), doc, 2));
    if (chain) pkg.CFAssociations.push(a(3, 'precedes', link(l1), link(l2)));
    // Domain A under level 1, domain B under level 2 (instead of under the document).
    for (const [code, level] of [['MED.A', l1], ['MED.B', l2]] as const) {
      const assoc = pkg.CFAssociations.find((x: any) => x.associationType === 'isChildOf' && x.originNodeURI.title === code);
      assoc.destinationNodeURI = link(level);
    }
    return pkg;
  }

  test('levels from the precedes chain: items under a level are required at it', () => {
    const r = fromCase(withLevels(true));
    assert.ok(r.success, JSON.stringify(!r.success && r.issues));
    assert.deepEqual(r.data.levels.map((l) => [l.id, l.title]), [['p1', 'Practice level 1'], ['p2', 'Practice level 2']]);
    assert.deepEqual(r.data.levels[0]!.descriptor, ['People at practice level 1 work with support.', 'They ask when unsure.']);
    assert.deepEqual(r.data.items.map((i) => [i.code, i.levels.join()]), [
      ['MED.A.1.1', 'p1'], ['MED.A.1.2', 'p1'], ['MED.A.2', 'p1'],
      ['MED.B.1', 'p2'], ['MED.B.2', 'p2'], ['MED.B.3', 'p2'], ['MED.B.4', 'p2'],
    ]);
  });

  test('levels from a mapping the caller gives, when the package has no precedes chain', () => {
    const pkg = withLevels(false);
    for (const l of pkg.CFItems) if (l.CFItemType === 'Proficiency Level') l.CFItemType = 'Stage';
    const without = fromCase(pkg);
    assert.ok(without.success);
    assert.deepEqual(without.data.levels.map((l) => l.id), ['all-items'], 'nothing says these are levels');
    const r = fromCase(pkg, { levels: ['P2', 'aaaaaaaa-0000-4000-8000-000000000001'] });
    assert.ok(r.success, JSON.stringify(!r.success && r.issues));
    assert.deepEqual(r.data.levels.map((l) => l.id), ['p2', 'p1'], 'in the order the caller gives');
    assert.equal(r.data.items.find((i) => i.code === 'MED.B.4')!.levels[0], 'p2');
    const wrong = fromCase(pkg, { levels: ['P9'] });
    assert.equal(wrong.success, false);
    assert.deepEqual(wrong.success ? [] : wrong.issues.map((i) => [i.code, i.path]), [['invalid_levels', ['options', 'levels', 0]]]);
  });

  test('precedes links that loop are an issue, and the items typed as levels are used in package order', () => {
    const pkg = withLevels(true);
    const first = pkg.CFAssociations.find((a: any) => a.associationType === 'precedes');
    pkg.CFAssociations.push({ ...first, identifier: 'bbbbbbbb-0000-4000-8000-000000000009', originNodeURI: first.destinationNodeURI, destinationNodeURI: first.originNodeURI });
    const r = fromCase(pkg);
    assert.ok(r.success, JSON.stringify(!r.success && r.issues));
    const issue = r.issues.find((i) => i.code === 'invalid_levels');
    assert.ok(issue, 'an invalid_levels issue');
    assert.match(issue.message, /loop/);
    assert.deepEqual(r.data.levels.map((l) => l.id), ['p2', 'p1'], 'CFItems lists P2 first');
  });

  test('items tied to no level are required at every level, with one issue', () => {
    const pkg = withLevels(true);
    const b = pkg.CFAssociations.find((x: any) => x.associationType === 'isChildOf' && x.originNodeURI.title === 'MED.B');
    b.destinationNodeURI = { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
    const r = fromCase(pkg);
    assert.ok(r.success);
    assert.deepEqual(r.data.items.find((i) => i.code === 'MED.B.1')!.levels, ['p1', 'p2']);
    const issue = r.issues.find((i) => i.code === 'unlevelled_item')!;
    assert.match(issue.message, /^4 items are tied to no level/);
  });

  test('bad input gives issues with paths, never a throw', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [null, 'invalid_package', []],
      ['{"CFDocument": ', 'invalid_package', []],
      [{}, 'invalid_package', ['CFDocument']],
      [{ CFDocument: { title: 'x' } }, 'invalid_package', ['CFDocument', 'identifier']],
      [{ CFDocument: { identifier: 'd', title: 'x' }, CFItems: {} }, 'invalid_package', ['CFItems']],
      [{ CFDocument: { identifier: 'd', title: 'x' } }, 'invalid_framework', ['items']],
    ];
    for (const [input, code, path] of cases) {
      const r = fromCase(input);
      assert.equal(r.success, false, JSON.stringify(input));
      if (r.success) continue;
      const hit = r.issues.find((i) => i.code === code);
      assert.ok(hit, `${JSON.stringify(input)}: ${JSON.stringify(r.issues)}`);
      if (code !== 'invalid_package' || path.length) assert.deepEqual(hit.path, path);
    }
    const r = fromCase({ ...fixture(), CFItems: [...fixture().CFItems, { identifier: 'x' }, 42] });
    assert.ok(r.success);
    assert.equal(r.issues.filter((i) => i.code === 'invalid_package').length, 2);
  });

  test('arbitrary JSON never throws', () => {
    const base = fixture();
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('CFItems', 'CFAssociations', 'CFRubrics', 'CFDocument', 'whole'), (junk, where) => {
        const input = where === 'whole' ? junk : { ...base, [where]: junk };
        const r = fromCase(input);
        assert.equal(typeof r.success, 'boolean');
      }),
      { numRuns: 300 },
    );
  });
});

test('every built-in export passes the schema with the default options too (urn:uuid URIs, dated or undated sources)', () => {
  for (const id of BUILTIN_IDS) {
    const fw: Framework = frameworks[id];
    assert.deepEqual(schemaErrors(wire(toCase(fw))), [], id);
  }
});
