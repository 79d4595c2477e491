/**
 * The content of the built-in question banks: dated facts, review dates and what counts as evidence of a
 * behaviour. These read the JSON in data/quizzes, so a bank edited back into a dated or weak state fails here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { frameworks, parseQuestionBank } from '@levelfit/engine';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = `${ROOT}data/quizzes/`;
type Json = {
  id: string; framework: string; reviewed?: string; source?: { note?: string };
  questions: { id: string; type: string; prompt: string; scenario?: string; items: string[]; reference?: string;
    options: { id: string; text: string; correct: boolean }[]; feedback: { correct: string; incorrect: string } }[];
};
const banks: Json[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Json);
const textOf = (b: Json) => JSON.stringify(b);

describe('built-in question banks: dated facts', () => {
  for (const bank of banks) {
    test(`${bank.id} has a review date that the schema accepts`, () => {
      assert.match(bank.reviewed ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(parseQuestionBank(bank, frameworks[bank.framework as keyof typeof frameworks]).reviewed, bank.reviewed);
    });

    test(`${bank.id}: no correct answer is a bare count`, () => {
      for (const q of bank.questions) {
        for (const o of q.options.filter((x) => x.correct)) {
          assert.doesNotMatch(o.text, /^\s*\d+\s*$/, `${q.id}: the answer "${o.text}" is a number the guidance may revise`);
        }
      }
    });

    test(`${bank.id} cites the current Accessible Information Standard reference`, () => {
      assert.doesNotMatch(textOf(bank), /DCB1605/);
    });
  }

  test('a review date in the wrong form is rejected', () => {
    const bank = structuredClone(banks[0]!);
    bank.reviewed = '02/12/2026';
    assert.throws(() => parseQuestionBank(bank), (e: { issues: { path: unknown[] }[] }) =>
      e.issues.some((i) => i.path[0] === 'reviewed'));
  });

  test('the Care Certificate question asks what it is for and who it applies to, not how many standards it has', () => {
    const lead = banks.find((b) => b.id === 'lead-practitioner-ksb')!;
    const q = lead.questions.find((x) => x.id === 'care-certificate')!;
    assert.ok(q.items.includes('s25'));
    assert.doesNotMatch(JSON.stringify(q), /\b1[56]\b|how many/i);
    assert.match(q.options.find((o) => o.correct)!.text, /new health and social care support workers/);
  });

  test('the Accessible Information Standard question includes the review step', () => {
    const core = banks.find((b) => b.id === 'clinical-homecare-core')!;
    const q = core.questions.find((x) => x.id === 'accessible-information')!;
    assert.match(q.reference!, /DAPB1605/);
    assert.match(q.prompt, /review/);
    assert.doesNotMatch(JSON.stringify(q), /five steps/);
  });
});

describe('built-in question banks: evidence for behaviours', () => {
  const lead = banks.find((b) => b.id === 'lead-practitioner-ksb')!;
  const behaviours = frameworks['lead-practitioner-adult-care'].items.filter((i) => i.kind === 'behaviour').map((i) => i.id);

  // A multiple-choice question set in a described situation ("Mrs S has moderate hearing loss … which actions
  // help?") asks what the person would do, as a scenario does.
  const actsInASituation = new Set(['communication-barriers']);

  test('only questions about what the person would do evidence a behaviour', () => {
    for (const q of lead.questions) {
      const named = q.items.filter((id) => behaviours.includes(id));
      if (named.length === 0) continue;
      assert.ok(q.type === 'scenario' || actsInASituation.has(q.id), `${q.id} (${q.type}) evidences ${named.join(', ')} by recall`);
    }
  });

  for (const b of ['b1', 'b5', 'b6']) {
    test(`${b} is evidenced by a scenario question`, () => {
      assert.ok(lead.questions.some((q) => q.type === 'scenario' && q.items.includes(b)), `no scenario evidences ${b}`);
    });
  }

  test('naming the 6Cs evidences knowledge, not the behaviours', () => {
    const q = lead.questions.find((x) => x.id === 'six-cs-behaviours')!;
    assert.deepEqual(q.items.filter((id) => behaviours.includes(id)), []);
    assert.ok(q.items.length > 0);
  });
});
