// One event name, one detail type: each event class's name is unique, the manifest lists the right events on
// each element (the quiz's submission is lf-quiz-submit, never lf-submit), and the global event map types
// every name with its own class (checked by `npm run typecheck`, which compiles this file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LevelFit, QuizScore } from '../../packages/engine/src/index.ts';
import { LfChangeEvent } from '../../packages/elements/src/events/lf-change.ts';
import { LfErrorEvent } from '../../packages/elements/src/events/lf-error.ts';
import { LfQuizChangeEvent } from '../../packages/elements/src/events/lf-quiz-change.ts';
import { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.ts';
import { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.ts';
import { LfRestoreEvent } from '../../packages/elements/src/events/lf-restore.ts';

const CLASSES = [LfChangeEvent, LfErrorEvent, LfSubmitEvent, LfRestoreEvent, LfQuizChangeEvent, LfQuizSubmitEvent];

/** Never called: it only has to compile, so the global map gives each name its own detail type. */
export function typedListeners(el: HTMLElement): void {
  el.addEventListener('lf-submit', (e) => {
    const result: LevelFit = e.detail.result;
    void result;
  });
  el.addEventListener('lf-quiz-submit', (e) => {
    const score: QuizScore = e.detail.score;
    void score;
  });
  el.addEventListener('lf-quiz-change', (e) => void e.detail.questionId.length);
  el.addEventListener('lf-change', (e) => void e.detail.itemId.length);
  el.addEventListener('lf-error', (e) => void e.detail.issues.length);
}

test('every event class has its own name, and bubbles and is composed', () => {
  const names = CLASSES.map((c) => c.type);
  assert.deepEqual(new Set(names).size, names.length, names.join(', '));
  assert.equal(LfQuizSubmitEvent.type, 'lf-quiz-submit');
  const quiz = new LfQuizSubmitEvent({ answers: {}, score: {} as QuizScore });
  assert.ok(quiz.bubbles && quiz.composed && quiz.type === 'lf-quiz-submit');
});

test('the manifest lists each element’s events by their own class', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as {
    modules: { declarations?: { tagName?: string; events?: { name: string; type?: { text: string } }[] }[] }[];
  };
  const events: Record<string, string[]> = {};
  for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) events[d.tagName] = (d.events ?? []).map((e) => `${e.name}:${e.type?.text}`).sort();
  assert.deepEqual(events['lf-quiz'], ['lf-error:LfErrorEvent', 'lf-quiz-change:LfQuizChangeEvent', 'lf-quiz-submit:LfQuizSubmitEvent']);
  assert.deepEqual(events['lf-self-assessment'], ['lf-change:LfChangeEvent', 'lf-error:LfErrorEvent', 'lf-restore:LfRestoreEvent', 'lf-submit:LfSubmitEvent']);
  for (const tag of ['lf-level-fit', 'lf-competence-matrix', 'lf-career-levels']) assert.deepEqual(events[tag], ['lf-error:LfErrorEvent'], tag);
  const byName = new Map<string, string>();
  for (const list of Object.values(events)) {
    for (const entry of list) {
      const [name, type] = entry.split(':') as [string, string];
      assert.equal(byName.get(name) ?? type, type, `${name} has one detail type`);
      byName.set(name, type);
    }
  }
});
