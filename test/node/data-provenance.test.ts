/**
 * Provenance of the data: the licence files, data/NOTICE.md against every data file, the `licence` and `titleBy`
 * fields, and no publisher or version the seed does not state. Level titles are checked against the seed text, so
 * a title that is levelfit's wording but not marked as such fails.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFramework } from '../../packages/engine/src/index.ts';
import { ROOT, SEEDS_DIR } from '../support/factories.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const seeds = readdirSync(SEEDS_DIR).map((f) => norm(readFileSync(SEEDS_DIR + f, 'utf8'))).join('\n');

type Source = { title: string; publisher: string | null; licence?: string | null; note?: string };
type DataFile = { path: string; json: { id: string; version?: string; source: Source; levels?: { title: string; titleBy?: string }[] } };
const files: DataFile[] = ['frameworks', 'quizzes', 'extensions'].flatMap((dir) => {
  const at = `${ROOT}data/${dir}/`;
  let names: string[] = [];
  try { names = readdirSync(at).filter((f) => f.endsWith('.json')).sort(); } catch { /* folder not there */ }
  return names.map((f) => ({ path: `${dir}/${f}`, json: JSON.parse(readFileSync(at + f, 'utf8')) }));
});
const frameworkFiles = files.filter((f) => f.path.startsWith('frameworks/'));

describe('licence files', () => {
  const root = readFileSync(`${ROOT}LICENSE`, 'utf8');
  test('the repository is MIT-licensed, copyright levelfit contributors', () => {
    assert.match(root, /^MIT License/);
    assert.match(root, /Copyright \(c\) 2026 levelfit contributors/);
  });
  for (const pkg of ['engine', 'elements']) {
    test(`packages/${pkg} carries the same LICENSE and says MIT in package.json`, () => {
      assert.equal(readFileSync(`${ROOT}packages/${pkg}/LICENSE`, 'utf8'), root);
      assert.equal(JSON.parse(readFileSync(`${ROOT}packages/${pkg}/package.json`, 'utf8')).license, 'MIT');
    });
  }
});

describe('data/NOTICE.md', () => {
  const notice = readFileSync(`${ROOT}data/NOTICE.md`, 'utf8');
  const rows = new Map(
    notice.split('\n').filter((l) => l.startsWith('| `')).map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return [cells[0]!.replace(/`/g, ''), { publisher: cells[2]!, licence: cells[3]! }] as const;
    }),
  );

  test('lists every data file once, and no file that is not there', () => {
    assert.deepEqual([...rows.keys()].sort(), files.map((f) => f.path).sort());
  });

  for (const { path, json } of files) {
    test(`${path}: publisher and licence agree with the file's source`, () => {
      const row = rows.get(path)!;
      assert.ok('licence' in json.source, 'source.licence is given (null when the source states none)');
      assert.equal(row.licence, json.source.licence ?? 'not stated');
      if (path.startsWith('frameworks/')) assert.equal(row.publisher, json.source.publisher ?? 'not stated');
    });
  }

  test('says plainly that the clinical homecare framework is a draft with no stated owner or licence', () => {
    assert.match(notice, /consultation draft/i);
    assert.match(notice, /does\s+not say who owns it/);
    assert.match(readFileSync(`${ROOT}README.md`, 'utf8'), /consultation draft \(v4\.5, 27\.11\.24\) that does not say who owns it/);
  });

  test('no framework claims a licence, since no seed states one', () => {
    assert.doesNotMatch(seeds, /\blicen[cs]e[sd]? (under|to)\b|Open Government Licence|Creative Commons|©/i);
    for (const { json } of frameworkFiles) assert.equal(json.source.licence, null, json.id);
  });
});

describe('provenance in the framework files', () => {
  test('the licence field is part of the schema: a string, null, or absent; nothing else', () => {
    const json = JSON.parse(readFileSync(`${ROOT}data/frameworks/clinical-homecare.json`, 'utf8'));
    assert.equal(parseFramework({ ...json, source: { ...json.source, licence: 'OGL-UK-3.0' } }).source.licence, 'OGL-UK-3.0');
    assert.throws(() => parseFramework({ ...json, source: { ...json.source, licence: 3 } }), /licence/);
  });

  test('every publisher given is named in the seeds, and cypf-practitioner-l4 guesses neither publisher nor version', () => {
    for (const { json } of frameworkFiles) {
      if (json.source.publisher !== null) assert.ok(seeds.includes(json.source.publisher), `${json.id}: ${json.source.publisher}`);
    }
    const cypf = frameworkFiles.find((f) => f.json.id === 'cypf-practitioner-l4')!.json;
    assert.equal(cypf.source.publisher, null);
    assert.equal(cypf.version, 'unstated');
  });

  for (const { json } of frameworkFiles) {
    test(`${json.id}: level titles not in the seed are marked as levelfit's wording`, () => {
      for (const level of json.levels!) {
        const inSeed = seeds.includes(norm(level.title));
        if (!inSeed) assert.equal(level.titleBy, 'levelfit', `"${level.title}" is not the seed's wording`);
        if (level.titleBy === undefined || level.titleBy === 'source') assert.ok(inSeed, `"${level.title}" is not in the seed`);
      }
    });
  }

  test('clinical-homecare says its rules model the examples and that the thresholds are levelfit\'s own', () => {
    const note = frameworkFiles.find((f) => f.json.id === 'clinical-homecare')!.json.source.note!;
    assert.doesNotMatch(note, /encodes the draft's Example/);
    assert.match(note, /models the draft's Example 1/);
    assert.match(note, /levelfit's own choice/);
  });
});
