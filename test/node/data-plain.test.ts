/**
 * clinical-homecare's plain-language layer: a question per item in levelfit's own words (reading age about 9,
 * measured with the Flesch-Kincaid grade), level labels with their number, plain titles for the draft's headings,
 * all marked as levelfit's; the source's words stay in titles, descriptors and groups.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { parseFramework } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';

const json = () => JSON.parse(readFileSync(`${ROOT}data/frameworks/clinical-homecare.json`, 'utf8'));
const fw = parseFramework(json());

/** Flesch-Kincaid grade of a text (US school grade; a reading age of about 9 is grade 4). */
function grade(text: string): number {
  const sentences = text.split(/[.?!]+/).filter((s) => s.trim()).length;
  const words = text.match(/[A-Za-z’']+/g) ?? [];
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) });
}

describe('clinical-homecare: plain language', () => {
  test('the layer is marked as levelfit\'s wording, not the framework\'s', () => {
    assert.equal(fw.plain?.by, 'levelfit');
    assert.match(fw.plain!.note!, /not the framework's text/);
  });

  test('every item has a plain question of its own, and keeps the source\'s title', () => {
    for (const item of fw.items) {
      assert.ok(item.question, `${item.id} has a question`);
      assert.notEqual(item.question, item.title, item.id);
      assert.match(item.question!, /[?.]$/, item.id);
    }
  });

  test('the questions read at about age 9: each at most grade 7, on average at most grade 5', () => {
    const grades = fw.items.map((i) => [i.id, grade(i.question!)] as const);
    for (const [id, g] of grades) assert.ok(g <= 7, `${id}: grade ${g.toFixed(1)}`);
    const mean = grades.reduce((n, [, g]) => n + g, 0) / grades.length;
    assert.ok(mean <= 5, `mean grade ${mean.toFixed(2)}`);
    // The measure is not trivially low: the source's own titles read much harder.
    const sourceMean = fw.items.reduce((n, i) => n + grade(i.title), 0) / fw.items.length;
    assert.ok(sourceMean > mean + 3, `source ${sourceMean.toFixed(1)} vs plain ${mean.toFixed(1)}`);
  });

  test('optional indicators keep their modality in the plain question too', () => {
    for (const item of fw.items.filter((i) => i.optional)) {
      assert.match(item.question!, /\bmay\b|For example|Not every job/, item.id);
    }
  });

  test('levels have a plain label and a number: "Level 2 – Associate"', () => {
    const shown = fw.levels.map((l, i) => `Level ${l.number ?? i + 1} – ${l.label ?? l.title}`);
    assert.deepEqual(shown, ['Level 1 – Supportive', 'Level 2 – Associate', 'Level 3 – Autonomous', 'Level 4 – Enhanced', 'Level 5 – Advanced']);
    assert.equal(fw.levels[1]!.title, 'Associate Level / Assistant Practitioner Level Practice', 'the source title stays');
  });

  test('every group heading has a plain title, and plain titles are short and plain', () => {
    const headings = [...new Set(fw.items.map((i) => i.group!))];
    assert.deepEqual(Object.keys(fw.plain!.groups!).sort(), headings.sort());
    assert.equal(fw.plain!.groups!['Core Competences for each Career Framework Level'], 'Skills everyone needs');
    for (const title of Object.values(fw.plain!.groups!)) assert.ok(title.split(/\s+/).length <= 7, title);
  });

  test('a plain title for a heading no item has is an issue', () => {
    const bad = json();
    bad.plain.groups['Core Competences'] = 'Skills';
    assert.throws(() => parseFramework(bad), (e: { issues: { code: string; path: unknown[] }[] }) =>
      e.issues.length === 1 && e.issues[0]!.code === 'invalid_value' && e.issues[0]!.path.join('.') === 'plain.groups.Core Competences');
  });
});
