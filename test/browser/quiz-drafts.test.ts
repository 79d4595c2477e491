import { aTimeout, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import type { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.js';
import { createQuizDraft, loadQuizDraft, quizDraftKey, serializeQuizDraft } from '../../packages/elements/src/drafts/quiz-envelope.js';
import { parseQuestionBank } from '@levelfit/engine';
import { makeBank } from '../../stories/support/quiz-bank.js';
import { breakStorage, clearLevelfitStorage } from '../support/storage.js';
import { $, choose, clickButton } from '../support/dom.js';

const KEY = quizDraftKey('test-bank', 'appraisal-1');
const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const progress = (el: LfQuiz) => text($(el, '[part~="progress"]'));

function make(bank: unknown = makeBank()): Promise<LfQuiz> {
  return fixture<LfQuiz>(html`<lf-quiz storage="session" assessment-key="appraisal-1" .bank=${bank}></lf-quiz>`);
}



function saved(key = KEY): Record<string, unknown> | null {
  const raw = sessionStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
}

describe('<lf-quiz> drafts', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('autosaves (debounced) and resumes where the person left off when the element is created again', async () => {
    let el = await make();
    await choose(el, ['a']);
    await clickButton(el, 'button-continue');
    await clickButton(el, 'button-continue');
    await choose(el, ['b']);
    expect(saved(), 'nothing written before the debounce').to.equal(null);
    await aTimeout(450);
    const draft = saved()!;
    expect(draft).to.include({ v: 2, kind: 'quiz', bankId: 'test-bank', bankVersion: '1.0', step: 1, revision: 1 });
    expect(draft.answers).to.deep.equal({ 'hand-wash': ['a'], 'five-moments': ['b'] });
    expect(draft.revealed).to.deep.equal(['hand-wash']);
    expect(text($(el, '[part="draft-status"]'))).to.match(/^Draft saved at /);

    fixtureCleanup();
    el = await make();
    expect(progress(el)).to.equal('Question 2 of 4');
    expect($<HTMLInputElement>(el, 'input[value="b"]')!.checked).to.equal(true);
    expect(text($(el, '[part="notices"]'))).to.contain('We have restored answers saved on this device on');
    expect(el.answers).to.deep.equal({ 'hand-wash': ['a'], 'five-moments': ['b'] });
    await expect(el).to.be.accessible();
    // The first answer's feedback had been shown, and still is.
    await clickButton(el, 'button-back');
    expect($(el, '[part~="feedback-correct"]')).to.exist;
    expect(text($(el, '[part="notices"]'))).to.equal('');
  });

  it('flushes at once on pagehide', async () => {
    const el = await make();
    await choose(el, ['c']);
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()!.answers).to.deep.equal({ 'hand-wash': ['c'] });
    expect(el.answers).to.deep.equal({ 'hand-wash': ['c'] });
  });

  it('never lands past an unanswered question, and clears the draft on submit', async () => {
    const bank = makeBank();
    const answers = { 'hand-wash': ['a'], 'alcohol-rub': ['false'] };
    sessionStorage.setItem(KEY, serializeQuizDraft(createQuizDraft(bank, { answers, step: 4, revealed: [] }, new Date())));
    const el = await make(bank);
    expect(progress(el)).to.equal('Question 2 of 4');
    await choose(el, ['a', 'b']);
    await clickButton(el, 'button-continue');
    await clickButton(el, 'button-continue');
    await clickButton(el, 'button-continue'); // question 3 was answered before: check, then on
    await clickButton(el, 'button-continue');
    await choose(el, ['a']);
    await clickButton(el, 'button-continue');
    await clickButton(el, 'button-continue');
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()!.step).to.equal(4);
    const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
    await clickButton(el, 'button-submit');
    await submitted;
    await aTimeout(450);
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()).to.equal(null);
  });

  it('sets aside a corrupt draft or one for a newer bank version (kept under another key), and starts again', async () => {
    sessionStorage.setItem(KEY, '{ not json');
    let el = await make();
    expect(progress(el)).to.equal('Question 1 of 4');
    expect(text($(el, '[part="notices"]'))).to.contain('We could not use the answers saved on this device earlier');
    const kept = Object.keys(sessionStorage).filter((k) => k.startsWith(`${KEY}:set-aside:`));
    expect(kept).to.have.length(1);
    expect(sessionStorage.getItem(kept[0]!)).to.equal('{ not json');
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    await expect(el).to.be.accessible();
    fixtureCleanup();
    clearLevelfitStorage();

    const newer = createQuizDraft(makeBank({ version: '2.0' }), { answers: { 'hand-wash': ['a'] }, step: 1, revealed: [] }, new Date());
    sessionStorage.setItem(KEY, serializeQuizDraft(newer));
    el = await make();
    expect(progress(el)).to.equal('Question 1 of 4');
    expect(el.answers).to.deep.equal({});
    expect(loadQuizDraft(serializeQuizDraft(newer), parseQuestionBank(makeBank()))).to.include({ kind: 'set-aside', reason: 'future-version' });
  });

  it('keeps the answers an older bank version can still take and says how many were left out', async () => {
    const draft = createQuizDraft(
      makeBank({ version: '0.9' }),
      { answers: { 'hand-wash': ['a'], 'five-moments': ['a', 'z'], gone: ['a'] }, step: 3, revealed: ['hand-wash', 'gone'] },
      new Date(),
    );
    sessionStorage.setItem(KEY, serializeQuizDraft(draft));
    const el = await make();
    expect(el.answers).to.deep.equal({ 'hand-wash': ['a'] });
    expect(progress(el)).to.equal('Question 2 of 4');
    expect(text($(el, '[part="notices"]'))).to.contain('2 saved answers no longer fit the questions');
  });

  it('still works, and says answers cannot be saved, when storage throws', async () => {
    const stub = breakStorage();
    try {
      const el = await make();
      expect(progress(el)).to.equal('Question 1 of 4');
      expect(text($(el, '[part="notices"]'))).to.contain('Your answers cannot be saved on this device');
      for (const ids of [['a'], ['a', 'b'], ['false'], ['a']]) {
        await choose(el, ids);
        await clickButton(el, 'button-continue');
        await clickButton(el, 'button-continue');
      }
      window.dispatchEvent(new Event('pagehide'));
      const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
      await clickButton(el, 'button-submit');
      expect((await submitted).detail.score.passed).to.equal(true);
      await expect(el).to.be.accessible();
      expect(stub.calls.length).to.be.greaterThan(0);
    } finally {
      stub.restore();
    }
  });

  it('storage="none" writes nothing', async () => {
    const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${makeBank()}></lf-quiz>`);
    await choose(el, ['a']);
    window.dispatchEvent(new Event('pagehide'));
    await aTimeout(450);
    expect(Object.keys(sessionStorage).concat(Object.keys(localStorage)).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([]);
  });

  it('restores a draft saved by the earlier quiz format (version 1, no revision) without losing an answer', async () => {
    const v1 = { v: 1, kind: 'quiz', bankId: 'test-bank', bankVersion: '1.0', savedAt: '2026-11-20T10:30:00.000Z', writer: 'old', answers: { 'hand-wash': ['a'], 'five-moments': ['b', 'a'] }, step: 2, revealed: ['hand-wash'] };
    sessionStorage.setItem(KEY, JSON.stringify(v1));
    const el = await make();
    expect(el.answers).to.deep.equal({ 'hand-wash': ['a'], 'five-moments': ['a', 'b'] });
    expect(progress(el)).to.equal('Question 3 of 4');
    expect(text($(el, '[part="notices"]'))).to.contain('We have restored answers saved on this device on');
    await choose(el, ['false']);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saved()).to.include({ v: 2, revision: 1 });
  });

  describe('two tabs on one quiz draft', () => {
    const storageEvent = () => window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: sessionStorage.getItem(KEY), storageArea: sessionStorage }));
    const flushAll = () => window.dispatchEvent(new PageTransitionEvent('pagehide'));

    it('takes in a question answered in the other tab, and keeps both tabs’ answers in the draft', async () => {
      const a = await make();
      const b = await make();
      await choose(a, ['a']);
      flushAll();
      storageEvent();
      await b.updateComplete;
      expect(b.answers).to.deep.equal({ 'hand-wash': ['a'] });
      // two elements on one page stand in for the two tabs: the notice names them as forms on this page
      expect(text($(b, '[part="notices"]'))).to.contain('1 answer you gave in another form on this page has been added here.');
      expect((saved() as { revision: number }).revision).to.equal(1);
    });

    it('asks which to keep when both tabs answered one question differently; nothing is written until the person chooses', async () => {
      const a = await make();
      const b = await make();
      await choose(a, ['a']);
      flushAll();
      storageEvent();
      await b.updateComplete;
      await choose(a, ['b']);
      flushAll();
      await choose(b, ['c']);
      storageEvent();
      await b.updateComplete;
      const conflict = $(b, '[part="notice"][data-notice="conflict"]')!;
      expect(text(conflict)).to.contain('Questions with a different answer there: 1.');
      const before = sessionStorage.getItem(KEY);
      flushAll();
      expect(sessionStorage.getItem(KEY), 'the shared draft keeps the other tab’s answer').to.equal(before);
      conflict.querySelector<HTMLButtonElement>('button[part~="button-keep-mine"]')!.click();
      await b.updateComplete;
      expect((saved() as { answers: Record<string, string[]> }).answers).to.deep.equal({ 'hand-wash': ['c'] });
      expect($(b, '[part="notice"][data-notice="conflict"]')).to.equal(null);
    });

    it('“Use the other tab’s answers” puts their answer into this tab', async () => {
      const a = await make();
      const b = await make();
      await choose(a, ['a']);
      flushAll();
      storageEvent();
      await b.updateComplete;
      await choose(a, ['b']);
      flushAll();
      await choose(b, ['c']);
      storageEvent();
      await b.updateComplete;
      $(b, '[part="notice"][data-notice="conflict"]')!.querySelector<HTMLButtonElement>('button[part~="button-use-theirs"]')!.click();
      await b.updateComplete;
      expect(b.answers).to.deep.equal({ 'hand-wash': ['b'] });
    });
  });
});
