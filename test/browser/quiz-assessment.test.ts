/**
 * `<lf-quiz>` fit for marks: the guessing attack in assessment and practice modes, locked answers, review after
 * submitting, marks and percentages, restarts after an LMS submission or past the attempt limit, and resuming
 * from a real SCORM 2004 runtime's suspend data (scorm-again) without touching this device's storage.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { Scorm2004API } from 'scorm-again';
import { arrangeQuiz, quizzes, type QuizAnswers } from '@levelfit/engine';
import { createScormReporter, encodeSuspendData, type ScormApi } from '@levelfit/engine/lms';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import { connectQuizToScorm } from '../../packages/elements/src/quiz/scorm.js';
import type { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.js';
import type { LfQuizChangeEvent } from '../../packages/elements/src/events/lf-quiz-change.js';
import { correctAnswers, makeBank, wrongAnswers, type FactoryBank } from '../../stories/support/quiz-bank.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, choose, clickButton } from '../support/dom.js';

const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const progress = (el: LfQuiz): string => text($(el, '[part~="progress"]'));



/** Submits from "Check your answers" and waits for the score and the results. */
async function submitAndWait(el: LfQuiz): Promise<LfQuizSubmitEvent> {
  const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
  await clickButton(el, 'button-submit');
  const ev = await submitted;
  await el.updateComplete;
  return ev;
}

/** The current question's id (its inputs are named by it). */
const current = (el: LfQuiz) => $<HTMLInputElement>(el, 'input')!.name;

/**
 * The attack from issue 13: on every question pick a wrong answer and check it ("Incorrect"), then pick the
 * right one and check again ("Correct"), then continue; finally submit.
 */
async function guessUntilCorrect(el: LfQuiz, bank: FactoryBank): Promise<LfQuizSubmitEvent> {
  const right = correctAnswers(bank);
  const wrong = wrongAnswers(bank);
  for (let guard = 0; guard < 20 && $(el, 'button[part~="button-continue"]'); guard++) {
    const id = current(el);
    await choose(el, wrong[id]!);
    await clickButton(el, 'button-continue');
    expect($(el, '[part~="feedback-incorrect"]'), id).to.exist;
    // Clear the checkboxes of a multiple question before picking the right ones.
    for (const o of wrong[id]!) if ($$<HTMLInputElement>(el, 'input').find((i) => i.value === o)!.type === 'checkbox') await choose(el, [o]);
    await choose(el, right[id]!);
    await clickButton(el, 'button-continue');
    if ($(el, '[part~="feedback"]')) await clickButton(el, 'button-continue');
  }
  const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
  await clickButton(el, 'button-submit');
  const ev = await submitted;
  await el.updateComplete;
  return ev;
}

describe('<lf-quiz> fit for marks', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  describe('the guessing attack', () => {
    it('assessment mode (first-try): checking until "Correct" scores the first tries, and attempts are recorded', async () => {
      const bank = makeBank({ delivery: { shuffle: { options: false }, checkedAnswers: 'first-try' } });
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" mode="assessment" .bank=${bank}></lf-quiz>`);
      expect(text($(el, '[part="mode-notice"]'))).to.contain('Only the first answer you check for each question counts');
      const ev = await guessUntilCorrect(el, bank);
      expect(ev.detail.score.mode).to.equal('assessment');
      expect(ev.detail.score.score.raw).to.equal(0);
      expect(ev.detail.score.passed).to.equal(false);
      expect(ev.detail.score.questions.map((q) => q.attempts)).to.deep.equal([2, 2, 2, 2]);
      expect(text($(el, '[part~="results-panel"]'))).to.contain('Your score: 0 out of 4 (0%)');
      // The review says the first answer is the one that counted.
      expect(text($(el, '[part="review"]'))).to.contain('Your first answer (the one that counts)');
      await expect(el).to.be.accessible();
    });

    it('practice mode keeps the last answer, and says it does not count', async () => {
      const bank = makeBank();
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${bank}></lf-quiz>`);
      expect(text($(el, '[part="mode-notice"]'))).to.equal('This is practice. Your score does not count and is not sent anywhere.');
      const ev = await guessUntilCorrect(el, bank);
      expect(ev.detail.score.mode).to.equal('practice');
      expect(ev.detail.score.score.scaled).to.equal(1);
      expect(text($(el, '[part~="results-panel"]'))).to.contain('This was practice, so the score does not count.');
    });

    it('assessment mode (lock, the default): a checked answer cannot change, here or from "Check your answers"', async () => {
      const bank = makeBank();
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" mode="assessment" .bank=${bank}></lf-quiz>`);
      await choose(el, ['b']);
      await clickButton(el, 'button-continue');
      expect($(el, '[part~="feedback-incorrect"]')).to.exist;
      expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).to.equal(true);
      expect(text($(el, '[part~="hint"]'))).to.contain('cannot be changed');
      // Even a script clicking the input cannot change it.
      $<HTMLInputElement>(el, 'input[value="a"]')!.click();
      await el.updateComplete;
      expect(el.answers['hand-wash']).to.deep.equal(['b']);
      expect($<HTMLInputElement>(el, 'input[value="b"]')!.checked).to.equal(true);
      await clickButton(el, 'button-continue');
      for (const id of ['five-moments', 'alcohol-rub', 'needle']) {
        await choose(el, correctAnswers(bank)[id]!);
        await clickButton(el, 'button-continue');
        await clickButton(el, 'button-continue');
      }
      const row = $(el, '.summary-row[data-question="hand-wash"]')!;
      expect(row.querySelector('[part="change-link"]')).to.equal(null);
      expect(text(row)).to.contain('Checked');
      await expect(el).to.be.accessible();
    });
  });

  describe('results', () => {
    it('reviews every question: right, partly right or wrong, the correct answer and the feedback', async () => {
      const bank = makeBank();
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" feedback="none" .bank=${bank}></lf-quiz>`);
      const answers: QuizAnswers = { 'hand-wash': ['b'], 'five-moments': ['a'], 'alcohol-rub': ['false'], needle: ['a'] };
      for (const id of ['hand-wash', 'five-moments', 'alcohol-rub', 'needle']) {
        await choose(el, answers[id]!);
        await clickButton(el, 'button-continue');
      }
      await submitAndWait(el);
      // 0 + 0.5 + 1 + 1 = 2.5 of 4: one decimal, and 62.5% rounds half up as the LMS shows it.
      expect(text($(el, '[part~="results-panel"]'))).to.contain('Your score: 2.5 out of 4 (63%)');
      const items = $$(el, '[part~="review-item"]');
      expect(items.map((i) => i.getAttribute('data-question'))).to.deep.equal(['hand-wash', 'five-moments', 'alcohol-rub', 'needle']);
      expect(items.map((i) => text(i.querySelector('.review-status')))).to.deep.equal(['Wrong', 'Partly right', 'Right', 'Right']);
      expect(text(items[0])).to.contain('Your answer Alcohol hand rub');
      expect(text(items[0])).to.contain('The correct answer Soap and warm running water');
      expect(text(items[0])).to.contain(bank.questions[0]!.feedback.incorrect);
      expect(text(items[2])).to.not.contain('The correct answer');
      expect(text(items[2])).to.contain(bank.questions[2]!.feedback.correct);
      await expect(el).to.be.accessible();
    });

    it('review is left out by the no-review attribute or the bank', async () => {
      for (const [bank, attr] of [
        [makeBank(), true],
        [makeBank({ delivery: { shuffle: { options: false }, review: false } }), false],
      ] as const) {
        const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" feedback="none" ?no-review=${attr} .bank=${bank}></lf-quiz>`);
        for (const id of ['hand-wash', 'five-moments', 'alcohol-rub', 'needle']) {
          await choose(el, correctAnswers(bank)[id]!);
          await clickButton(el, 'button-continue');
        }
        await submitAndWait(el);
        expect($(el, '[part~="results-panel"]')).to.exist;
        expect($(el, '[part="review"]')).to.equal(null);
        fixtureCleanup();
      }
    });

    it('no restart after submitting to an LMS unless allowed, and none past the attempt limit; it says why', async () => {
      const run = async (bank: FactoryBank, attrs: { lms?: string; allow?: boolean }) => {
        const el = await fixture<LfQuiz>(
          html`<lf-quiz storage="none" feedback="none" lms=${attrs.lms ?? ''} ?allow-restart=${attrs.allow ?? false} .bank=${bank}></lf-quiz>`,
        );
        for (const id of ['hand-wash', 'five-moments', 'alcohol-rub', 'needle']) {
          await choose(el, correctAnswers(bank)[id]!);
          await clickButton(el, 'button-continue');
        }
        await submitAndWait(el);
        return el;
      };
      const lms = await run(makeBank(), { lms: 'scorm' });
      expect(lms.score!.mode).to.equal('assessment'); // the default with an LMS
      expect($(lms, 'button[part~="button-restart"]')).to.equal(null);
      expect(text($(lms, '[part="restart-notice"]'))).to.contain('sent to your learning system');
      fixtureCleanup();
      const allowed = await run(makeBank(), { lms: 'scorm', allow: true });
      expect($(allowed, 'button[part~="button-restart"]')).to.exist;
      fixtureCleanup();
      const twice = makeBank({ delivery: { shuffle: { options: false }, attempts: 2 } });
      const first = await run(twice, {});
      expect(text(first.shadowRoot!.querySelector('.attempts-left'))).to.equal('You have 1 attempt left.');
      await clickButton(first, 'button-restart');
      for (const id of ['hand-wash', 'five-moments', 'alcohol-rub', 'needle']) {
        await choose(first, correctAnswers(twice)[id]!);
        await clickButton(first, 'button-continue');
      }
      await submitAndWait(first);
      expect($(first, 'button[part~="button-restart"]')).to.equal(null);
      expect(text($(first, '[part="restart-notice"]'))).to.equal('You have used all 2 attempts at this quiz.');
    });

    it('does not show "Select all that apply." twice when the prompt says it', async () => {
      const bank = makeBank();
      bank.questions[1]!.prompt = 'Which of these are moments for hand hygiene? Select all that apply.';
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${bank}></lf-quiz>`);
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      expect(progress(el)).to.equal('Question 2 of 4');
      expect($(el, '[part~="hint"]')).to.equal(null);
    });
  });

  describe('resume from SCORM suspend data', () => {
    it('restores answers, position and order from a SCORM 2004 suspend string, saves back to the LMS, never to this device', async () => {
      const bank = quizzes['clinical-homecare-core'];
      const seed = 20261202;
      const order = arrangeQuiz(bank, seed);
      // Session 1 (another device) answered the first two questions in the order asked, checked the first twice.
      const answered: QuizAnswers = {
        [order[0]!.id]: order[0]!.options.filter((o) => o.correct).map((o) => o.id),
        [order[1]!.id]: [order[1]!.options.find((o) => !o.correct)!.id],
      };
      const tries = { [order[0]!.id]: [[order[0]!.options.find((o) => !o.correct)!.id], answered[order[0]!.id]!] };
      const suspend = encodeSuspendData(answered, { id: bank.id, version: bank.version }, { seed, tries });
      const commits: Record<string, string>[] = [];
      const api = new Scorm2004API({
        logLevel: 5,
        lmsCommitUrl: 'https://lms.invalid/commit',
        dataCommitFormat: 'flattened',
        httpService: {
          processHttpRequest: (_url: string, params: unknown) => {
            commits.push(JSON.parse(JSON.stringify(params)));
            return { result: true, errorCode: 0 };
          },
          updateSettings() {},
        } as never,
      });
      api.loadFromFlattenedJSON({ 'cmi.entry': 'resume', 'cmi.suspend_data': suspend, 'cmi.location': '2' } as never);
      const before = Object.keys(localStorage).length;

      const el = await fixture<LfQuiz>(html`<lf-quiz bank="clinical-homecare-core"></lf-quiz>`);
      const connection = connectQuizToScorm(el, createScormReporter(api as unknown as ScormApi, { bank: { id: bank.id, version: bank.version } }));
      await el.updateComplete;
      expect(connection.start.entry).to.equal('resume');
      expect(connection.start.issues).to.deep.equal([]);
      expect(el.seed).to.equal(seed);
      expect(el.answers).to.deep.equal(answered);
      expect(el.position).to.equal(2);
      expect(progress(el)).to.equal(`Question 3 of ${bank.questions.length}`);
      // The same question, with its options in the same order, as on the first device.
      expect(text($(el, 'legend h2'))).to.equal(order[2]!.prompt);
      expect($$<HTMLInputElement>(el, 'input').map((i) => i.value)).to.deep.equal(order[2]!.options.map((o) => o.id));
      // An LMS quiz is an assessment: the question checked before stays locked at its first try.
      await clickButton(el, 'button-back');
      await clickButton(el, 'button-back');
      expect(text($(el, 'legend h2'))).to.equal(order[0]!.prompt);
      expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).to.equal(true);

      // Progress goes back out as suspend data and location, never into localStorage. Continue shows the
      // feedback again (not another attempt), then moves on.
      const changes: LfQuizChangeEvent[] = [];
      el.addEventListener('lf-quiz-change', (e) => changes.push(e));
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      expect(changes.map((e) => [e.detail.reason, e.detail.position])).to.deep.equal([
        ['check', 0],
        ['move', 1],
      ]);
      expect(api.GetValue('cmi.location')).to.equal('1');
      const saved = JSON.parse(api.GetValue('cmi.suspend_data'));
      expect(saved.s).to.equal(seed);
      expect(saved.a).to.deep.equal(answered);
      expect(saved.t).to.deep.equal(tries);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([]);
      expect(Object.keys(localStorage).length).to.equal(before);

      // Finish: the first check of the first question counts (wrong), the session ends, no restart.
      for (let guard = 0; guard < 60 && $(el, 'button[part~="button-continue"]'); guard++) {
        const id = current(el);
        if (!el.answers[id]) await choose(el, [$$<HTMLInputElement>(el, 'input')[0]!.value]);
        await clickButton(el, 'button-continue');
        if ($(el, '[part~="feedback"]')) await clickButton(el, 'button-continue');
      }
      const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
      await clickButton(el, 'button-submit');
      const score = (await submitted).detail.score;
      await el.updateComplete;
      expect(score.seed).to.equal(seed);
      expect(score.questions.find((q) => q.id === order[0]!.id)!).to.include({ correct: false, attempts: 2 });
      expect(connection.issues).to.deep.equal([]);
      // What the LMS received on Terminate.
      const last = commits.at(-1)!;
      expect(last['cmi.exit']).to.equal('normal');
      expect(last['cmi.score.scaled']).to.equal(String(Number(score.score.scaled.toFixed(7))));
      expect(last['cmi.completion_status']).to.equal('completed');
      expect($(el, 'button[part~="button-restart"]')).to.equal(null);
      expect(text($(el, '[part="restart-notice"]'))).to.contain('cannot be started again here');
    });
  });
});
