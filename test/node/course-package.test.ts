/**
 * `levelfit package`: the zip unpacks with an independent reader (yauzl), holds exactly the files its manifest
 * lists, and each manifest is well-formed XML (xmldom) with the elements its standard requires: SCORM 1.2 (IMS CP
 * 1.1.2 + adlcp_rootv1p2), SCORM 2004 4th Edition (IMS CP 1.1.4 + adlcp/adlseq v1p3 + imsss) and the cmi5 course
 * structure. The launch page runs under its CSP in Chromium in test/package/. Needs `npm run build` for the
 * bundles (which `npm test` runs first).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { frameworks, quizzes, safeParseQuestionBank } from '../../packages/engine/src/index.ts';
import { COURSE_CSP } from '../../packages/engine/src/lms/course/page.ts';
import { runPackage, unzip } from '../support/course-package.ts';
import { ROOT } from '../support/factories.ts';

const missing = !existsSync(join(ROOT, 'dist/levelfit.all.min.js')) && 'no dist/ bundles (run npm run build)';

const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
};
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Parses XML; any error or fatal error (not well-formed, bad namespace use) fails the test. */
function parseXml(text: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  assert.ok(doc.documentElement, 'a root element');
  return doc;
}

const all = (el: Document | Element, ns: string, name: string): Element[] => Array.from(el.getElementsByTagNameNS(ns, name));
const one = (el: Document | Element, ns: string, name: string): Element => {
  const found = all(el, ns, name);
  assert.equal(found.length, 1, `exactly one <${name}> in ${ns}`);
  return found[0]!;
};
const children = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);

async function build(args: string[]) {
  const run = await runPackage(args);
  assert.equal(run.code, 0, run.err.join('\n'));
  const files = await unzip(run.zip!);
  return { run, files, text: (name: string) => files.get(name)!.toString('utf8') };
}

/** What both SCORM versions require: identifiers, the organization's item → a SCO resource, every file listed. */
function checkScorm(doc: Document, files: Map<string, Buffer>, ns: { cp: string; adlcp: string; scormType: string; version: string }) {
  const manifest = doc.documentElement!;
  assert.equal(manifest.localName, 'manifest');
  assert.equal(manifest.namespaceURI, ns.cp);
  const ids = Array.from(doc.getElementsByTagNameNS('*', '*')).map((e) => e.getAttribute('identifier')).filter((v): v is string => !!v);
  assert.ok(ids.length >= 4);
  for (const id of ids) assert.match(id, NCNAME, `identifier "${id}" is an XML ID`);
  assert.equal(new Set(ids).size, ids.length, 'identifiers are unique');

  const metadata = one(doc, ns.cp, 'metadata');
  assert.equal(one(metadata, ns.cp, 'schema').textContent, 'ADL SCORM');
  assert.equal(one(metadata, ns.cp, 'schemaversion').textContent, ns.version);

  const organizations = one(doc, ns.cp, 'organizations');
  const organization = one(organizations, ns.cp, 'organization');
  assert.equal(organizations.getAttribute('default'), organization.getAttribute('identifier'));
  assert.ok(children(organization)[0]?.localName === 'title' && organization.getElementsByTagNameNS(ns.cp, 'title')[0]!.textContent!.length > 0);
  const item = one(organization, ns.cp, 'item');
  assert.ok(one(item, ns.cp, 'title').textContent);
  const resource = one(one(doc, ns.cp, 'resources'), ns.cp, 'resource');
  assert.equal(item.getAttribute('identifierref'), resource.getAttribute('identifier'), 'the item launches the resource');
  assert.equal(resource.getAttribute('type'), 'webcontent');
  assert.equal(resource.getAttributeNS(ns.adlcp, ns.scormType), 'sco');
  assert.equal(resource.getAttribute('href'), 'index.html');
  assert.ok(files.has('index.html'));

  const listed = all(resource, ns.cp, 'file').map((f) => f.getAttribute('href')).sort();
  const packed = [...files.keys()].filter((f) => f !== 'imsmanifest.xml').sort();
  assert.deepEqual(listed, packed, 'every file in the zip is listed, and every listed file is in the zip');
  return { manifest, item, resource, organization };
}

describe('levelfit package', { skip: missing }, () => {
  test('SCORM 1.2: imsmanifest.xml with the ADL CP 1.2 names, one SCO, every file listed', async () => {
    const { files, text } = await build(['--scorm12', '--bank', 'clinical-homecare-core']);
    assert.equal([...files.keys()][0], 'imsmanifest.xml', 'the manifest first, at the root');
    const doc = parseXml(text('imsmanifest.xml'));
    const { item } = checkScorm(doc, files, { cp: NS.cp12, adlcp: NS.adlcp12, scormType: 'scormtype', version: '1.2' });
    // the 1.2 binding spells it scormtype; 2004's scormType would be ignored by a 1.2 LMS
    assert.equal(doc.getElementsByTagNameNS(NS.cp12, 'resource')[0]!.getAttributeNS(NS.adlcp12, 'scormType'), null);
    assert.equal(one(item, NS.adlcp12, 'masteryscore').textContent, '80');
    assert.ok(!files.has('cmi5.xml'));
  });

  test('SCORM 2004 4th Edition: imsmanifest.xml with adlcp, adlseq and imsss, one SCO, every file listed', async () => {
    const { files, text } = await build(['--scorm2004', '--bank', 'lead-practitioner-ksb']);
    const doc = parseXml(text('imsmanifest.xml'));
    const { item, organization } = checkScorm(doc, files, { cp: NS.cp2004, adlcp: NS.adlcp2004, scormType: 'scormType', version: '2004 4th Edition' });
    assert.equal(organization.getAttributeNS(NS.adlseq, 'objectivesGlobalToSystem'), 'false');
    const sequencing = one(item, NS.imsss, 'sequencing');
    const primary = one(sequencing, NS.imsss, 'primaryObjective');
    assert.equal(primary.getAttribute('satisfiedByMeasure'), 'true');
    assert.equal(Number(one(primary, NS.imsss, 'minNormalizedMeasure').textContent), quizzes['lead-practitioner-ksb'].passMark);
    const delivery = one(sequencing, NS.imsss, 'deliveryControls');
    assert.equal(delivery.getAttribute('completionSetByContent'), 'true');
    assert.equal(delivery.getAttribute('objectiveSetByContent'), 'true');
  });

  test('cmi5: cmi5.xml in the CourseStructure namespace, one AU with url, launchMethod, moveOn and masteryScore', async () => {
    const { files, text } = await build(['--cmi5', '--bank', 'clinical-homecare-core']);
    assert.ok(!files.has('imsmanifest.xml'));
    const doc = parseXml(text('cmi5.xml'));
    const root = doc.documentElement!;
    assert.equal(root.localName, 'courseStructure');
    assert.equal(root.namespaceURI, NS.cmi5);
    const course = one(doc, NS.cmi5, 'course');
    assert.match(course.getAttribute('id')!, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.deepEqual(children(course).map((e) => e.localName), ['title', 'description']);
    const au = one(doc, NS.cmi5, 'au');
    assert.equal(children(root)[1], au, 'the AU follows the course');
    assert.deepEqual(children(au).map((e) => e.localName), ['title', 'description', 'url'], 'the XSD order');
    assert.match(au.getAttribute('id')!, /^urn:uuid:/);
    assert.notEqual(au.getAttribute('id'), course.getAttribute('id'));
    assert.equal(au.getAttribute('launchMethod'), 'AnyWindow');
    assert.equal(au.getAttribute('moveOn'), 'CompletedAndPassed');
    assert.equal(Number(au.getAttribute('masteryScore')), 0.8);
    const url = one(au, NS.cmi5, 'url').textContent!;
    assert.equal(url, 'index.html', 'a relative URL to the page inside the zip');
    assert.ok(files.has(url));
    for (const el of [...all(course, NS.cmi5, 'langstring'), ...all(au, NS.cmi5, 'langstring')]) {
      assert.equal(el.getAttribute('lang'), 'en-GB');
      assert.ok(el.textContent!.trim());
    }
    // a course IRI of the provider's own
    const own = await build(['--cmi5', '--bank', 'clinical-homecare-core', '--course-id', 'https://lms.example.org/courses/core/']);
    const ownDoc = parseXml(own.text('cmi5.xml'));
    assert.equal(one(ownDoc, NS.cmi5, 'course').getAttribute('id'), 'https://lms.example.org/courses/core/');
    assert.equal(one(ownDoc, NS.cmi5, 'au').getAttribute('id'), 'https://lms.example.org/courses/core/au');
  });

  test('the page: strict CSP meta, scripts and styles only from files in the zip, the framework and bank as given', async () => {
    const { files, text } = await build(['--scorm2004', '--bank', 'clinical-homecare-core']);
    const page = text('index.html');
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${COURSE_CSP}">`));
    assert.match(COURSE_CSP, /^default-src 'self'/);
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(page, /\sstyle=|<style/, 'no inline style');
    for (const [, ref] of page.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)) assert.ok(files.has(ref!), `${ref} is in the zip`);
    assert.match(text('launch.js'), /from '\.\/levelfit\.all\.min\.js'/);
    assert.deepEqual(JSON.parse(text('framework.json')), JSON.parse(JSON.stringify(frameworks['clinical-homecare'])));
    const bank = safeParseQuestionBank(text('bank.json'), frameworks['clinical-homecare']);
    assert.ok(bank.success);
    assert.deepEqual(bank.data, quizzes['clinical-homecare-core']);
  });

  test('cmi5: the page may fetch from the LRS origins given, else from any https origin; scripts stay the package\'s', async () => {
    const policy = (page: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    const open = await build(['--cmi5', '--bank', 'clinical-homecare-core']);
    assert.equal(policy(open.text('index.html')), `default-src 'self'; connect-src 'self' https:; base-uri 'self'; form-action 'self'; require-trusted-types-for 'script'`);
    const pinned = await build(['--cmi5', '--bank', 'clinical-homecare-core', '--lrs-origin', 'https://lrs.example.org', '--lrs-origin', 'http://127.0.0.1:8080/']);
    assert.match(policy(pinned.text('index.html')), /^default-src 'self'; connect-src 'self' https:\/\/lrs\.example\.org http:\/\/127\.0\.0\.1:8080;/);
    assert.match(pinned.text('index.html'), /<button type="button" id="lms-exit" class="lms-exit" hidden>Return to your learning system<\/button>/);
    const scorm = await build(['--scorm12', '--bank', 'clinical-homecare-core']);
    assert.equal(policy(scorm.text('index.html')), COURSE_CSP, 'SCORM talks to the LMS through its API: no connect-src beyond the package');
    assert.doesNotMatch(scorm.text('index.html'), /lms-exit/);
  });

  test('the same inputs give the same bytes', async () => {
    const a = await runPackage(['--scorm12', '--bank', 'clinical-homecare-core']);
    const b = await runPackage(['--scorm12', '--bank', 'clinical-homecare-core']);
    assert.ok(a.zip && b.zip && a.zip.equals(b.zip));
  });

  test('provider text is text: a bank title with markup stays well-formed and reads back as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-bank-'));
    const title = 'Care & "safety" <b>check</b> \u0007for 2026';
    const bank = { ...JSON.parse(JSON.stringify(quizzes['clinical-homecare-core'])), id: 'own-bank', title, version: 'a version string longer than twenty' };
    writeFileSync(join(dir, 'bank.json'), JSON.stringify(bank));
    for (const standard of ['--scorm12', '--scorm2004', '--cmi5']) {
      const { text } = await build([standard, '--bank', join(dir, 'bank.json')]);
      const doc = parseXml(text(standard === '--cmi5' ? 'cmi5.xml' : 'imsmanifest.xml'));
      const titles = Array.from(doc.getElementsByTagNameNS('*', standard === '--cmi5' ? 'langstring' : 'title')).map((t) => t.textContent);
      assert.ok(titles.includes('Care & "safety" <b>check</b> for 2026'), `${standard}: ${titles.join(' | ')}`);
      if (standard === '--scorm12') assert.equal(doc.documentElement!.getAttribute('version'), 'a version string lon', 'SCORM 1.2 keeps version to 20 characters');
      const page = text('index.html');
      assert.ok(page.includes('<h1>Care &amp; "safety" &lt;b&gt;check&lt;/b&gt; for 2026</h1>'));
      assert.doesNotMatch(page, /<b>/);
    }
  });

  test('--schemas adds the control documents beside the manifest, listed with the other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-xsd-'));
    writeFileSync(join(dir, 'imscp_rootv1p1p2.xsd'), '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>');
    writeFileSync(join(dir, 'notes.txt'), 'not a control document');
    const { files, text } = await build(['--scorm12', '--bank', 'clinical-homecare-core', '--schemas', dir]);
    assert.ok(files.has('imscp_rootv1p1p2.xsd'));
    assert.ok(!files.has('notes.txt'));
    checkScorm(parseXml(text('imsmanifest.xml')), files, { cp: NS.cp12, adlcp: NS.adlcp12, scormType: 'scormtype', version: '1.2' });
  });

  test('errors: unknown ids, a bank that does not fit, bad input exit 1 with a message; usage mistakes exit 2', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--scorm12', '--bank', 'clinical-homecare-cor'], 1, /"clinical-homecare-cor" is neither a built-in question bank \(clinical-homecare-core, lead-practitioner-ksb\) nor a file; did you mean "clinical-homecare-core"\?/],
      [['--scorm12', '--bank', 'clinical-homecare-core', '--framework', 'no-such-framework'], 1, /"no-such-framework" is neither a built-in framework/],
      [['--scorm12', '--bank', 'clinical-homecare-core', '--framework', 'adult-care-pathway'], 1, /evidences the framework "clinical-homecare", not "adult-care-pathway" \[invalid_value\]/],
      [['--scorm12', '--bank', '/no/such/bank.json'], 1, /cannot read \/no\/such\/bank\.json: ENOENT/],
      [['--cmi5', '--bank', 'clinical-homecare-core', '--course-id', 'not an iri'], 1, /the course id must be an absolute IRI/],
      [['--cmi5', '--bank', 'clinical-homecare-core', '--lrs-origin', 'https://lrs.example.org/xapi/'], 1, /"https:\/\/lrs\.example\.org\/xapi\/" is not an origin/],
      [['--scorm2004', '--bank', 'clinical-homecare-core', '--lrs-origin', 'https://lrs.example.org'], 1, /LRS origins are for cmi5 packages/],
      [['--scorm2004', '--bank', 'clinical-homecare-core', '--course-id', 'https://lms.example.org/c'], 1, /a course id is for cmi5 packages/],
      [['--scorm12', '--bank', 'clinical-homecare-core', '--bundles', tmpdir()], 1, /levelfit\.all\.min\.js is missing: give the folder that holds the built bundles/],
      [['--bank', 'clinical-homecare-core'], 2, /package needs exactly one standard: --scorm12, --scorm2004 or --cmi5/],
      [['--scorm12', '--cmi5', '--bank', 'clinical-homecare-core'], 2, /not --scorm12 and --cmi5/],
      [['--scorm2004'], 2, /package needs a question bank: --bank ID\|FILE/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runPackage(args);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.err.join('\n')}`);
      assert.match(run.err.join('\n'), message);
      assert.equal(run.zip, null, 'no zip is written');
    }
    // a bank file that is not a bank
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-bank-'));
    writeFileSync(join(dir, 'bank.json'), '{"id": "x"}');
    const bad = await runPackage(['--scorm12', '--bank', join(dir, 'bank.json')]);
    assert.equal(bad.code, 1);
    assert.match(bad.err.join('\n'), /bank\.json: .*\[invalid_type\]/);
  });
});

/**
 * Validation against the official XSDs, which levelfit does not ship (they are ADL's, IMS's and the cmi5 working
 * group's files): give a folder with `scorm12/` (imscp_rootv1p1p2.xsd, adlcp_rootv1p2.xsd, ims_xml.xsd),
 * `scorm2004/` (imscp_v1p1.xsd, adlcp_v1p3.xsd, adlseq_v1p3.xsd, imsss_v1p0*.xsd and what they include) and
 * `cmi5/` (CourseStructure.xsd) as LEVELFIT_XSD_DIR, with xmllint (libxml2-utils) installed.
 */
const XSD_DIR = process.env['LEVELFIT_XSD_DIR'];
const noXsd = !XSD_DIR ? 'set LEVELFIT_XSD_DIR to validate against the official XSDs' : spawnSync('xmllint', ['--version']).error ? 'xmllint is not installed' : false;

describe('levelfit package against the official XSDs', { skip: missing || noXsd }, () => {
  const SCHEMAS: Record<string, { dir: string; manifest: string; imports: [string, string][] }> = {
    '--scorm12': { dir: 'scorm12', manifest: 'imsmanifest.xml', imports: [[NS.cp12, 'imscp_rootv1p1p2.xsd'], [NS.adlcp12, 'adlcp_rootv1p2.xsd']] },
    '--scorm2004': {
      dir: 'scorm2004',
      manifest: 'imsmanifest.xml',
      imports: [[NS.cp2004, 'imscp_v1p1.xsd'], [NS.adlcp2004, 'adlcp_v1p3.xsd'], [NS.adlseq, 'adlseq_v1p3.xsd'], [NS.imsss, 'imsss_v1p0.xsd']],
    },
    '--cmi5': { dir: 'cmi5', manifest: 'cmi5.xml', imports: [[NS.cmi5, 'CourseStructure.xsd']] },
  };
  for (const [flag, schema] of Object.entries(SCHEMAS)) {
    test(`${flag}: the manifest validates (xmllint --schema)`, async () => {
      const work = mkdtempSync(join(tmpdir(), 'levelfit-xsd-'));
      // One schema importing every namespace the manifest uses, so each extension is checked too.
      const imports = schema.imports.map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${pathToFileURL(resolve(XSD_DIR!, schema.dir, file)).href}"/>`);
      writeFileSync(join(work, 'all.xsd'), `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports.join('')}</xs:schema>`);
      for (const bank of ['clinical-homecare-core', 'lead-practitioner-ksb']) {
        const { text } = await build([flag, '--bank', bank]);
        writeFileSync(join(work, schema.manifest), text(schema.manifest));
        const run = spawnSync('xmllint', ['--noout', '--schema', join(work, 'all.xsd'), join(work, schema.manifest)], { encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, /validates/);
      }
    });
  }
});
