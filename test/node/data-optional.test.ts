/**
 * Indicators that keep their descriptor's modality: a descriptor sentence saying people at a level "may" do
 * something (or giving "for example") describes what some of them do, so the indicator drawn from it is marked
 * `optional` and its wording does not turn it into a firm statement. Read from the JSON, not the engine.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFramework } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';

type Item = { id: string; title: string; kind: string; source?: string; optional?: boolean };
const json = JSON.parse(readFileSync(`${ROOT}data/frameworks/clinical-homecare.json`, 'utf8')) as { items: Item[] };
const indicators = json.items.filter((i) => i.kind === 'indicator');

// "may" said of the people at the level ("They may …", "May have …", "… and/or may teach"), not "which may include".
const saysMay = (s: string) => /(?:^|\bThey |and\/or )may\b|^May\b/.test(s);
const givesExample = (s: string) => /\bfor example\b/.test(s);

describe('clinical-homecare: optional indicators', () => {
  test('exactly the indicators drawn from a "may" or "for example" sentence are optional', () => {
    const expected = indicators.filter((i) => saysMay(i.source!) || givesExample(i.source!)).map((i) => i.id);
    assert.deepEqual(indicators.filter((i) => i.optional === true).map((i) => i.id), expected);
    assert.deepEqual(expected, [
      'supportive-range-of-duties', 'supportive-guidance', 'autonomous-supervise-teach',
      'enhanced-specialist', 'enhanced-delegate', 'advanced-manage-episode',
    ]);
  });

  test('only indicators are optional', () => {
    for (const i of json.items) if (i.optional) assert.equal(i.kind, 'indicator', i.id);
  });

  test('each optional indicator keeps its source\'s modality in its wording', () => {
    for (const i of indicators.filter((x) => x.optional)) {
      if (givesExample(i.source!)) assert.match(i.title, /for example/, i.id);
      else assert.match(i.title, /^Where my role (includes|calls for) it|available to me/, i.id);
    }
    const guidance = indicators.find((i) => i.id === 'supportive-guidance')!;
    assert.doesNotMatch(guidance.title, /I use the guidance/);
  });

  test('the schema takes `optional` as a boolean only', () => {
    const raw = JSON.parse(readFileSync(`${ROOT}data/frameworks/clinical-homecare.json`, 'utf8'));
    const fw = parseFramework(raw);
    assert.equal(fw.items.find((i) => i.id === 'enhanced-delegate')!.optional, true);
    raw.items.find((i: Item) => i.id === 'enhanced-delegate').optional = 'yes';
    assert.throws(() => parseFramework(raw), /optional/);
    raw.items.find((i: Item) => i.id === 'enhanced-delegate').optional = true;
    raw.items.find((i: Item) => i.kind === 'competence').optional = true;
    assert.throws(() => parseFramework(raw), (e: { issues: { path: unknown[]; message: string }[] }) =>
      e.issues.length === 1 && e.issues[0]!.path.join('.') === 'items.0.optional' && /only an indicator/.test(e.issues[0]!.message));
  });
});
