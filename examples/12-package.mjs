/**
 * 12: a course package for an LMS. `levelfit package` zips a question bank, its framework, the browser bundles
 * and a launch page with the manifest your LMS imports: imsmanifest.xml for SCORM 1.2 or SCORM 2004 4th
 * Edition, cmi5.xml for cmi5. Upload the zip to the LMS as a new course; nothing else is needed on a server.
 * The same command from a shell:  npx levelfit package --scorm2004 --bank clinical-homecare-core --out course.zip
 * Run: npm run build && node examples/12-package.mjs
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { main } from '@levelfit/engine/cli';

const dir = mkdtempSync(join(tmpdir(), 'levelfit-course-'));
const lines = [];
const io = { out: (l) => lines.push(l), err: (l) => lines.push(l), readFile: (p) => readFileSync(p, 'utf8') };

// SCORM 2004 4th Edition, for the clinical homecare core bank (its framework is the one the bank names).
const out = join(dir, 'care-core-scorm2004.zip');
const code = await main(['package', '--scorm2004', '--bank', 'clinical-homecare-core', '--out', out], io);
assert.equal(code, 0, lines.join('\n'));
console.log(lines.at(-1));

const files = unzipSync(readFileSync(out));
console.log(Object.keys(files).join('\n'));
assert.deepEqual(Object.keys(files).sort(), ['bank.json', 'course.css', 'framework.json', 'imsmanifest.xml', 'index.html', 'launch.js', 'levelfit.all.min.js', 'levelfit.lms.min.js']);
const manifest = strFromU8(files['imsmanifest.xml']);
assert.match(manifest, /<schemaversion>2004 4th Edition<\/schemaversion>/);
assert.match(manifest, /adlcp:scormType="sco" href="index.html"/);
// The launch page allows nothing from outside the package: no inline script, no other origin.
assert.match(strFromU8(files['index.html']), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'/);

// cmi5: cmi5.xml names the course and its one assignable unit, with the bank's pass mark as masteryScore.
const cmi5 = join(dir, 'care-core-cmi5.zip');
assert.equal(await main(['package', '--cmi5', '--bank', 'clinical-homecare-core', '--course-id', 'https://lms.example.org/courses/care-core', '--out', cmi5], io), 0);
const structure = strFromU8(unzipSync(readFileSync(cmi5))['cmi5.xml']);
assert.match(structure, /<course id="https:\/\/lms\.example\.org\/courses\/care-core">/);
assert.match(structure, /<au id="https:\/\/lms\.example\.org\/courses\/care-core\/au" moveOn="CompletedAndPassed" masteryScore="0\.8" launchMethod="AnyWindow">/);
console.log(structure.split('\n').find((l) => l.includes('<au ')).trim());

// A bank the framework does not have items for is refused, with the reason, and no zip is written.
lines.length = 0;
assert.equal(await main(['package', '--scorm12', '--bank', 'clinical-homecare-core', '--framework', 'adult-care-pathway', '--out', join(dir, 'no.zip')], io), 1);
console.log(lines.join('\n'));
assert.match(lines.join('\n'), /evidences the framework "clinical-homecare", not "adult-care-pathway"/);
