/**
 * decisiveItems: only the questions whose answer could still change the best fit, the overlap or the gaps.
 * The persona from the journey review: a care worker at Level 2 (Associate) with some Level 3 (Autonomous)
 * skills, answering in the form's order and skipping what cannot change their result.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, decisiveItems, frameworks } from '../../packages/engine/src/index.ts';

const fw = frameworks['clinical-homecare'];
const at = (level: string) => fw.items.filter((i) => i.levels.includes(level));

/** The persona's true answers: everything Supportive and Associate require; of Autonomous, 3 indicators. */
function truth(): Record<string, number> {
  const r: Record<string, number> = {};
  for (const item of fw.items) r[item.id] = 0;
  for (const item of [...at('supportive'), ...at('associate')]) r[item.id] = 2;
  for (const item of at('autonomous').filter((i) => i.kind === 'indicator' && i.levels.length === 1).slice(0, 3)) r[item.id] = 2;
  return r;
}

/** Answer in framework order, asking only decisive questions, until none is left. */
async function answerPath(): Promise<{ asked: string[]; answers: Record<string, number> }> {
  const all = truth();
  const answers: Record<string, number> = {};
  const asked: string[] = [];
  for (;;) {
    const decisive = await decisiveItems(fw, answers);
    if (decisive.length === 0) return { asked, answers };
    const next = decisive[0]!;
    answers[next] = all[next]!;
    asked.push(next);
  }
}

describe('decisiveItems', () => {
  test('with nothing answered, every item the first level requires is decisive; with everything answered, none', async () => {
    const first = await decisiveItems(fw, {});
    for (const item of at('supportive').filter((i) => i.optional !== true)) assert.ok(first.includes(item.id), item.id);
    // one added Autonomous competence not met takes everyone from Advanced down: decisive at the "all met" bound
    const added = at('autonomous').find((i) => i.kind === 'competence' && !i.levels.includes('associate'))!;
    assert.ok(first.includes(added.id));
    assert.deepEqual(await decisiveItems(fw, truth()), []);
  });

  test('the persona (Level 2 with some Level 3 skills) answers fewer questions and gets the same result', async () => {
    const { asked, answers } = await answerPath();
    const full = await assess(fw, { ratings: truth() });
    assert.equal(full.bestFit, 'associate');
    assert.equal(full.overlap?.to, 'autonomous');
    const short = await assess(fw, { ratings: answers });
    assert.equal(short.bestFit, full.bestFit);
    assert.equal(short.overlap?.to, full.overlap?.to);
    assert.deepEqual(short.gaps.items.map((i) => i.id), full.gaps.items.map((i) => i.id));
    assert.ok(asked.length < fw.items.length, `asked ${asked.length} of ${fw.items.length}`);
    // Enhanced and Advanced statements cannot change the result of someone who has not reached Autonomous
    const above = new Set([...at('enhanced'), ...at('advanced')].filter((i) => i.kind === 'indicator' && !i.levels.includes('autonomous')).map((i) => i.id));
    assert.deepEqual(asked.filter((id) => above.has(id)), []);
    console.log(`persona: ${fw.items.length} questions → ${asked.length} asked`);
  });

  test('an item is decisive only when it is unanswered', async () => {
    const answers = { [fw.items[0]!.id]: 0 };
    assert.ok(!(await decisiveItems(fw, answers)).includes(fw.items[0]!.id));
  });
});
