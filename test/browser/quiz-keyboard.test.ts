import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { parseQuestionBank, scoreQuiz } from '@levelfit/engine';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import type { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.js';
import { makeBank } from '../../stories/support/quiz-bank.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, deepActiveElement, press, tabUntil } from '../support/dom.js';

const isInput = (type: string) => (a: Element | null) => a instanceof HTMLInputElement && a.type === type;
const isButton = (part: string) => (a: Element | null) => a instanceof HTMLButtonElement && a.part.contains(part);
const progress = (el: LfQuiz) => $(el, '[part~="progress"]')?.textContent?.trim() ?? '';

/** Enter on the focused button, then waits for the element. */
async function enter(el: LfQuiz): Promise<void> {
  await press('Enter');
  await el.updateComplete;
}

describe('<lf-quiz> keyboard-only', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('completes a small bank with Tab, arrow keys, Space and Enter, and submits once', async () => {
    const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${makeBank()}></lf-quiz>`);

    // Question 1 (radios): Enter on "Check answer" with nothing chosen focuses the error summary.
    await tabUntil(isButton('button-continue'), 10);
    await enter(el);
    expect(deepActiveElement()).to.equal($(el, '[part="error-summary"]'));
    const link = await tabUntil((a) => a instanceof HTMLAnchorElement, 3);
    await press('Enter');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).id).to.equal('o-hand-wash-a');
    await press('Space'); // a (correct)
    await el.updateComplete;
    expect(link.isConnected).to.equal(false); // the error summary has gone
    await tabUntil(isButton('button-continue'), 3);
    await enter(el); // Check answer
    expect($(el, '[part~="feedback-correct"]')).to.exist;
    expect(deepActiveElement()).to.equal($(el, 'button[part~="button-continue"]'));
    await enter(el); // Continue
    expect(progress(el)).to.equal('Question 2 of 4');
    expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));

    // Question 2 (checkboxes): Tab to each, Space to tick a and b.
    const first = await tabUntil(isInput('checkbox'), 3);
    expect((first as HTMLInputElement).value).to.equal('a');
    await press('Space');
    await press('Tab');
    await press('Space');
    await el.updateComplete;
    expect(el.answers['five-moments']).to.deep.equal(['a', 'b']);
    await tabUntil(isButton('button-continue'), 3);
    await enter(el);
    await enter(el);
    expect(progress(el)).to.equal('Question 3 of 4');

    // Question 3 (true or false): Tab lands on "true", ArrowDown selects "false".
    const tf = (await tabUntil(isInput('radio'), 3)) as HTMLInputElement;
    expect(tf.value).to.equal('true');
    await press('ArrowDown');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('false');
    await tabUntil(isButton('button-continue'), 3);
    await enter(el);
    await enter(el);

    // Question 4 (scenario): Back with Shift+Tab… then forward again.
    expect(progress(el)).to.equal('Question 4 of 4');
    await tabUntil(isButton('button-back'), 10);
    await enter(el);
    expect(progress(el)).to.equal('Question 3 of 4');
    await tabUntil(isButton('button-continue'), 10);
    await enter(el); // feedback already shown for this answer: Continue moves on
    expect(progress(el)).to.equal('Question 4 of 4');
    await tabUntil(isInput('radio'), 3);
    await press('Space'); // a (correct)
    await tabUntil(isButton('button-continue'), 3);
    await enter(el);
    await enter(el);

    // Check your answers: Tab through the change links to Submit; Enter submits once.
    expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Check your answers');
    await tabUntil(isButton('button-submit'), 10);
    const submitted = oneEvent(el, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
    await press('Enter');
    const ev = await submitted;
    await el.updateComplete;
    const answers = { 'hand-wash': ['a'], 'five-moments': ['a', 'b'], 'alcohol-rub': ['false'], needle: ['a'] };
    expect(ev.detail.answers).to.deep.equal(answers);
    expect(ev.detail.score).to.deep.equal(await scoreQuiz(parseQuestionBank(makeBank()), answers));
    expect(ev.detail.score.score.scaled).to.equal(1);
    expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
    expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('You passed');
    await tabUntil(isButton('button-restart'), 5);
  });
});
