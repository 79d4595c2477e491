import { aTimeout, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { arrangeQuiz, parseQuestionBank, quizzes, scoreQuiz, type QuizAnswers } from '@levelfit/engine';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.js';
import type { LfQuizChangeEvent } from '../../packages/elements/src/events/lf-quiz-change.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import { correctAnswers, makeBank, wrongAnswers, xssBank, XSS_TEXT } from '../../stories/support/quiz-bank.js';
import { makeFramework } from '../support/small-framework.js';
import { jsonResponse, stubFetch } from '../support/fetch.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, deepActiveElement, choose, clickButton } from '../support/dom.js';

const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: LfQuiz): string => text($(el, '[part~="heading"]'));
const progress = (el: LfQuiz): string => text($(el, '[part~="progress"]'));

async function quiz(bank: unknown = makeBank(), attrs: { feedback?: string } = {}): Promise<LfQuiz> {
  return fixture<LfQuiz>(html`<lf-quiz storage="none" feedback=${attrs.feedback ?? 'immediate'} .bank=${bank}></lf-quiz>`);
}



/** Answers every question with `answers` (checking each answer, then continuing) up to "Check your answers". */
async function answerAll(el: LfQuiz, answers: QuizAnswers): Promise<void> {
  for (let guard = 0; guard < 50 && $(el, 'button[part~="button-continue"]'); guard++) {
    const name = $<HTMLInputElement>(el, 'input')!.name;
    await choose(el, answers[name]!);
    await clickButton(el, 'button-continue'); // "Check answer": feedback
    if ($(el, '[part~="feedback"]')) await clickButton(el, 'button-continue'); // "Continue"
  }
}

describe('<lf-quiz>', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  describe('a built-in bank', () => {
    it('opens on the first question of clinical-homecare-core, one question per page, and is accessible', async () => {
      const el = await fixture<LfQuiz>(html`<lf-quiz bank="clinical-homecare-core" storage="none"></lf-quiz>`);
      const bank = quizzes['clinical-homecare-core'];
      expect(el.resolvedBank?.id).to.equal('clinical-homecare-core');
      expect(el.resolvedFramework?.id).to.equal('clinical-homecare');
      expect(text($(el, '[part="bank-title"]'))).to.equal(bank.title);
      expect(progress(el)).to.equal(`Question 1 of ${bank.questions.length}`);
      expect($$(el, 'fieldset')).to.have.length(1);
      expect(text($(el, 'legend h2'))).to.equal(bank.questions[0]!.prompt);
      // The built-in banks shuffle options by the attempt's seed.
      expect($$<HTMLInputElement>(el, 'input[type="radio"]').map((i) => i.value)).to.deep.equal(arrangeQuiz(bank, el.seed)[0]!.options.map((o) => o.id));
      expect($(el, 'button[part~="button-back"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('question types', () => {
    it('single, true-false and scenario are radios; multiple is checkboxes with "Select all that apply"', async () => {
      const el = await quiz();
      const bank = makeBank();
      // single
      expect($$<HTMLInputElement>(el, 'input').every((i) => i.type === 'radio')).to.equal(true);
      expect($(el, '[part~="hint"]')).to.equal(null);
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      // multiple
      expect(heading(el)).to.equal(bank.questions[1]!.prompt);
      expect($$<HTMLInputElement>(el, 'input').every((i) => i.type === 'checkbox')).to.equal(true);
      const hint = $(el, '[part~="hint"]')!;
      expect(text(hint)).to.equal('Select all that apply.');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain(hint.id);
      await expect(el).to.be.accessible();
      await choose(el, ['a', 'b']);
      expect(el.answers).to.deep.equal({ 'hand-wash': ['a'], 'five-moments': ['a', 'b'] });
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      // true-false
      expect($$<HTMLInputElement>(el, 'input').map((i) => `${i.type}:${i.value}`)).to.deep.equal(['radio:true', 'radio:false']);
      await choose(el, ['false']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      // scenario: the scenario comes before the options and describes the fieldset
      const scenario = $(el, '[part~="scenario"]')!;
      expect(text(scenario)).to.contain(bank.questions[3]!.scenario!);
      expect(scenario.compareDocumentPosition($(el, '[part~="options"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain(scenario.id);
      expect($$<HTMLInputElement>(el, 'input').every((i) => i.type === 'radio')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('validation', () => {
    it('Continue with no answer shows the error summary (focused) and an inline error, and is accessible', async () => {
      const el = await quiz();
      await clickButton(el, 'button-continue');
      const summary = $(el, '[part="error-summary"]')!;
      expect(summary).to.exist;
      expect(deepActiveElement()).to.equal(summary);
      expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
      expect(summary.querySelector('[role="alert"]')).to.exist;
      const link = summary.querySelector('a')!;
      expect(text(link)).to.equal('Select an answer');
      expect(link.getAttribute('href')).to.equal('#o-hand-wash-a');
      const message = $(el, '[part~="error-message"]')!;
      expect(text(message)).to.equal('Error: Select an answer');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain(message.id);
      expect($(el, '[part~="question-error"]')).to.exist;
      expect(progress(el)).to.equal('Question 1 of 4');
      await expect(el).to.be.accessible();
      // The link focuses the first option; answering clears the error.
      link.click();
      await el.updateComplete;
      expect(deepActiveElement()).to.equal($(el, '#o-hand-wash-a'));
      await choose(el, ['b']);
      expect($(el, '[part="error-summary"]')).to.equal(null);
      expect($(el, '[part~="error-message"]')).to.equal(null);
    });

    it('words the error for checkboxes and true or false', async () => {
      const el = await quiz();
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      expect(text($(el, '[part~="error-message"]'))).to.equal('Error: Select at least one answer');
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      expect(text($(el, '[part~="error-message"]'))).to.equal('Error: Select true or false');
    });
  });

  describe('feedback', () => {
    it('says whether the answer is right, with the bank’s feedback, in a polite live region; accessible', async () => {
      const el = await quiz();
      const region = $(el, '[part="feedback-region"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(text($(el, 'button[part~="button-continue"]'))).to.equal('Check answer');
      await choose(el, ['b']);
      await clickButton(el, 'button-continue');
      // The same live region now holds the feedback (it was in the page before, so it is announced).
      expect($(el, '[part="feedback-region"]')).to.equal(region);
      const feedback = region.querySelector('[part~="feedback"]')!;
      expect(feedback.part.contains('feedback-incorrect')).to.equal(true);
      expect(text(feedback)).to.contain('Incorrect');
      expect(text(feedback)).to.contain('Not quite: visible dirt needs soap and water.');
      expect(text(feedback)).to.contain('Reference: NHS England National infection prevention and control manual');
      expect(progress(el)).to.equal('Question 1 of 4');
      expect(text($(el, 'button[part~="button-continue"]'))).to.equal('Continue');
      await expect(el).to.be.accessible();
      // Changing the answer hides the old feedback; checking again gives the new one.
      await choose(el, ['a']);
      expect(region.querySelector('[part~="feedback"]')).to.equal(null);
      await clickButton(el, 'button-continue');
      expect(text(region)).to.match(/^Correct Right: soap and water remove visible dirt\./);
      await clickButton(el, 'button-continue');
      expect(progress(el)).to.equal('Question 2 of 4');
      expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
    });

    it('says "Partly correct" when the engine gives part credit', async () => {
      const el = await quiz();
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      expect($(el, '[part~="feedback-partial"]')).to.exist;
      expect(text($(el, '[part~="feedback"]'))).to.contain('Partly correct');
    });

    it('feedback="none" moves straight on', async () => {
      const el = await quiz(makeBank(), { feedback: 'none' });
      expect(text($(el, 'button[part~="button-continue"]'))).to.equal('Continue');
      await choose(el, ['b']);
      await clickButton(el, 'button-continue');
      expect($(el, '[part~="feedback"]')).to.equal(null);
      expect(progress(el)).to.equal('Question 2 of 4');
    });
  });

  describe('check your answers and submit', () => {
    it('lists the answers with change links; a change returns to the check page', async () => {
      const el = await quiz();
      const bank = makeBank();
      await answerAll(el, wrongAnswers(bank));
      expect(heading(el)).to.equal('Check your answers');
      expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
      const rows = $$(el, '.summary-row');
      expect(rows).to.have.length(4);
      expect(text(rows[0]!.querySelector('dd'))).to.equal('Alcohol hand rub');
      const change = rows[1]!.querySelector<HTMLAnchorElement>('[part="change-link"]')!;
      expect(text(change)).to.equal('Change your answer to question 2');
      await expect(el).to.be.accessible();
      change.click();
      await el.updateComplete;
      expect(progress(el)).to.equal('Question 2 of 4');
      expect((deepActiveElement() as HTMLInputElement).value).to.equal('c');
      await choose(el, ['a', 'b']); // tick a and b as well
      await choose(el, ['c']); // untick c
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      expect(heading(el)).to.equal('Check your answers');
      expect($$(el, '.summary-row')[1]!.querySelectorAll('li')).to.have.length(2);
    });

    it('submits once: lf-quiz-submit (bubbles, composed), never the self-assessment’s lf-submit, with the answers and exactly scoreQuiz’s score', async () => {
      const el = await quiz();
      const bank = makeBank();
      const answers = { ...correctAnswers(bank, 3), needle: ['b'] };
      await answerAll(el, answers);
      const events: Event[] = [];
      const onDoc = (e: Event) => events.push(e);
      const formEvents: Event[] = [];
      const onForm = (e: Event) => formEvents.push(e);
      document.addEventListener('lf-quiz-submit', onDoc);
      document.addEventListener('lf-submit', onForm);
      const submit = $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!;
      submit.click();
      submit.click(); // double-click
      await waitUntil(() => el.score !== null, 'scored');
      await el.updateComplete;
      await aTimeout(50);
      document.removeEventListener('lf-quiz-submit', onDoc);
      document.removeEventListener('lf-submit', onForm);
      expect(events).to.have.length(1);
      expect(formEvents).to.have.length(0);
      const ev = events[0] as LfQuizSubmitEvent;
      expect(ev).to.be.instanceOf(LfQuizSubmitEvent);
      expect(ev.type).to.equal('lf-quiz-submit');
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.answers).to.deep.equal(answers);
      // Each answer was checked once (answerAll), in practice mode (no LMS).
      const tries = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, [a]]));
      const expected = await scoreQuiz(parseQuestionBank(bank), answers, { tries, seed: el.seed, mode: 'practice' });
      expect(expected.questions.every((q) => q.attempts === 1)).to.equal(true);
      expect(ev.detail.score).to.deep.equal(expected);
      expect(el.score).to.deep.equal(expected);
      expect(expected.passed).to.equal(true); // 3 of 4 = 0.75
      // Results
      const panel = $(el, '[part~="results-panel"]')!;
      expect(panel.part.contains('results-panel-pass')).to.equal(true);
      expect(heading(el)).to.equal('You passed');
      expect(text(panel)).to.contain('Your score: 3 out of 4 (75%)');
      expect(text(panel)).to.contain('The pass mark is 75%.');
      expect($$(el, '[part="mastery"] tbody tr').map((r) => r.getAttribute('data-item'))).to.deep.equal(expected.items.map((i) => i.id));
      // Four questions cannot show a whole level of clinical-homecare, so the results leave the level fit out.
      expect($(el, '[part="level-fit"]')).to.equal(null);
      expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
      await expect(el).to.be.accessible();
      // Enter or a second submit() after submitting does nothing.
      expect(await el.submit()).to.equal(null);
    });

    it('shows a fail, and combines self-ratings given as .responses', async () => {
      const bank = makeBank();
      const responses = { ratings: { 'hand-hygiene': 3, 'reduce-health-safety-risks': 3 } };
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${bank} .responses=${responses}></lf-quiz>`);
      const answers = wrongAnswers(bank);
      await answerAll(el, answers);
      const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
      await clickButton(el, 'button-submit');
      const ev = await submitted;
      await el.updateComplete;
      const tries = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, [a]]));
      const expected = await scoreQuiz(parseQuestionBank(bank), answers, { responses, tries, seed: el.seed });
      expect(ev.detail.score).to.deep.equal(expected);
      expect(expected.passed).to.equal(false);
      expect(heading(el)).to.equal('You did not pass this time');
      expect($(el, '[part~="results-panel-fail"]')).to.exist;
      expect(text($(el, '[part="level-fit"]'))).to.contain('combines your quiz answers with your self-assessment');
      await expect(el).to.be.accessible();
      // Start again clears the answers.
      await clickButton(el, 'button-restart');
      expect(progress(el)).to.equal('Question 1 of 4');
      expect(el.answers).to.deep.equal({});
      expect(el.score).to.equal(null);
    });

    it('fires lf-quiz-change with the question, its selection and every answer', async () => {
      const el = await quiz();
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      await clickButton(el, 'button-continue');
      const changed = oneEvent(el, 'lf-quiz-change') as Promise<LfQuizChangeEvent>;
      $<HTMLInputElement>(el, 'input[value="b"]')!.click();
      const ev = await changed;
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail).to.deep.equal({
        reason: 'select',
        questionId: 'five-moments',
        selected: ['b'],
        answers: { 'hand-wash': ['a'], 'five-moments': ['b'] },
        position: 1,
        seed: el.seed,
        tries: { 'hand-wash': [['a']] },
      });
    });

    it('scores against a framework given as a property (not built in)', async () => {
      const framework = makeFramework();
      const bank = makeBank({ framework: 'test-framework' });
      bank.questions.forEach((q) => (q.items = ['communicate']));
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${bank} .framework=${framework}></lf-quiz>`);
      await answerAll(el, correctAnswers(bank));
      const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
      await clickButton(el, 'button-submit');
      const ev = await submitted;
      expect(ev.detail.score.frameworkId).to.equal('test-framework');
      expect(ev.detail.score.items.map((i) => i.id)).to.deep.equal(['communicate']);
    });
  });

  describe('provider text', () => {
    it('renders markup-looking text as text everywhere', async () => {
      delete (window as { __lfQuizXss?: number }).__lfQuizXss;
      const bank = xssBank();
      const el = await quiz(bank);
      expect(text($(el, '[part="bank-title"]'))).to.equal(`${XSS_TEXT} bank`);
      expect(heading(el)).to.equal(`${XSS_TEXT} prompt`);
      expect(text($(el, 'label'))).to.equal(`${XSS_TEXT} option`);
      await choose(el, ['a']);
      await clickButton(el, 'button-continue');
      expect(text($(el, '[part~="feedback"]'))).to.contain(`${XSS_TEXT} feedback`);
      await answerAll(el, correctAnswers(bank));
      expect(text($(el, '.summary-row dt'))).to.contain(`${XSS_TEXT} prompt`);
      expect(el.shadowRoot!.querySelectorAll('img, b')).to.have.length(0);
      await aTimeout(20);
      expect((window as { __lfQuizXss?: number }).__lfQuizXss).to.equal(undefined);
      expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    });
  });

  describe('unusable input', () => {
    const expectError = async (el: LfQuiz, pattern: RegExp) => {
      const alert = $(el, '[role="alert"]')!;
      expect(alert, 'inline alert').to.exist;
      expect(text(alert)).to.match(pattern);
      await expect(el).to.be.accessible();
    };

    it('a malformed bank object: inline error and lf-error (source bank), never blank', async () => {
      const errors: LfErrorEvent[] = [];
      const onError = (e: Event) => errors.push(e as LfErrorEvent);
      document.addEventListener('lf-error', onError);
      const el = await quiz({ id: 'broken', title: 'Broken', questions: 'nope' });
      await aTimeout(0);
      document.removeEventListener('lf-error', onError);
      await expectError(el, /This quiz cannot be shown.*questions/);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.source).to.equal('bank');
      expect(errors[0]!.detail.issues.some((i) => i.path[0] === 'questions')).to.equal(true);
    });

    it('an unknown built-in id, no bank at all, and a bank whose items are not in its framework', async () => {
      let el = await fixture<LfQuiz>(html`<lf-quiz storage="none" bank="no-such-bank"></lf-quiz>`);
      await expectError(el, /"no-such-bank" is not a built-in question bank/);
      fixtureCleanup();
      el = await fixture<LfQuiz>(html`<lf-quiz storage="none"></lf-quiz>`);
      await expectError(el, /no question bank/);
      fixtureCleanup();
      const bank = makeBank();
      bank.questions[0]!.items = ['not-an-item'];
      el = await quiz(bank);
      await expectError(el, /no item in clinical-homecare has the id "not-an-item"/);
      fixtureCleanup();
      el = await quiz(makeBank({ framework: 'not-built-in' }));
      await expectError(el, /"not-built-in" is not a built-in framework/);
    });

    it('a bank URL: fetched, validated, and a failed fetch or bad JSON is an inline error', async () => {
      const good = new URL('/quiz-good.json', location.href).href;
      const missing = new URL('/quiz-missing.json', location.href).href;
      const bad = new URL('/quiz-bad.json', location.href).href;
      const stub = stubFetch({
        [good]: () => jsonResponse(makeBank()),
        [missing]: () => jsonResponse({}, 404),
        [bad]: () => jsonResponse('{ not json'),
      });
      try {
        let el = await fixture<LfQuiz>(html`<lf-quiz storage="none" bank="/quiz-good.json"></lf-quiz>`);
        await el.updateComplete;
        expect(el.resolvedBank?.id).to.equal('test-bank');
        expect(progress(el)).to.equal('Question 1 of 4');
        fixtureCleanup();
        el = await fixture<LfQuiz>(html`<lf-quiz storage="none" bank="/quiz-missing.json"></lf-quiz>`);
        await el.updateComplete;
        await expectError(el, /could not be loaded.*HTTP 404/);
        fixtureCleanup();
        el = await fixture<LfQuiz>(html`<lf-quiz storage="none" bank="/quiz-bad.json"></lf-quiz>`);
        await el.updateComplete;
        await expectError(el, /This quiz cannot be shown/);
        expect(stub.calls.map((c) => c.url)).to.deep.equal([good, missing, bad]);
      } finally {
        stub.restore();
      }
    });

    it('an unknown target level is an inline error', async () => {
      const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" target="nope" .bank=${makeBank()}></lf-quiz>`);
      await expectError(el, /no level has the id "nope"/);
    });
  });
});
