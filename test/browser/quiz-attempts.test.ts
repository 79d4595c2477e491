/**
 * <lf-quiz>: a bank's attempt limit holds across reloads (attempts submitted on this device are counted
 * beside the draft), per person with `person-key`; an LMS counts its own (nothing kept here).
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import { attemptsKey } from '../../packages/elements/src/quiz/attempts.js';
import { correctAnswers, makeBank } from '../../stories/support/quiz-bank.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$ } from '../support/dom.js';

const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const twice = () => makeBank({ delivery: { shuffle: { options: false }, attempts: 2 } });
const IDS = ['hand-wash', 'five-moments', 'alcohol-rub', 'needle'];

const make = (attrs: { person?: string; lms?: string; storage?: string } = {}) =>
  fixture<LfQuiz>(html`<lf-quiz
    storage=${attrs.storage ?? 'local'}
    feedback="none"
    person-key=${attrs.person ?? ''}
    lms=${attrs.lms ?? ''}
    allow-restart
    .bank=${twice()}
  ></lf-quiz>`);

async function takeQuiz(el: LfQuiz): Promise<void> {
  const right = correctAnswers(twice());
  for (const id of IDS) {
    for (const o of right[id]!) $$<HTMLInputElement>(el, 'input').find((i) => i.value === o)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[part~="button-continue"]')!.click();
    await el.updateComplete;
  }
  const submitted = oneEvent(el, 'lf-quiz-submit');
  $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!.click();
  await submitted;
  await el.updateComplete;
}

describe('<lf-quiz> attempt limit across reloads', function () {
  this.timeout(30_000);
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('counts attempts on this device: a reload does not give the learner a fresh set', async () => {
    let el = await make();
    await takeQuiz(el);
    expect(text($(el, '.attempts-left'))).to.equal('You have 1 attempt left.');
    expect(JSON.parse(localStorage.getItem(attemptsKey('test-bank', null, null))!)).to.include({ v: 1, bankId: 'test-bank', used: 1 });
    fixtureCleanup();

    el = await make(); // reload
    expect($(el, 'input'), 'one attempt is left, so the quiz starts').to.exist;
    await takeQuiz(el);
    expect(text($(el, '[part="restart-notice"]'))).to.equal('You have used all 2 attempts at this quiz.');
    fixtureCleanup();

    el = await make(); // reload again: no third attempt
    expect($(el, 'input')).to.equal(null);
    expect(text($(el, 'h2'))).to.equal('No attempts left');
    expect(text($(el, '[part="restart-notice"]'))).to.equal('You have used all 2 attempts at this quiz.');
    expect(await el.submit()).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('counts per person with person-key', async () => {
    let el = await make({ person: 'worker-17' });
    await takeQuiz(el);
    await takeQuizAgain(el);
    fixtureCleanup();
    el = await make({ person: 'worker-42' });
    expect($(el, 'input'), 'another person has their own attempts').to.exist;
    fixtureCleanup();
    el = await make({ person: 'worker-17' });
    expect($(el, 'input')).to.equal(null);
  });

  it('keeps nothing on this device when an LMS counts the attempts', async () => {
    const el = await make({ lms: 'scorm' });
    await takeQuiz(el);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([]);
  });

  it('reads an unreadable stored count as none used (never throws)', async () => {
    localStorage.setItem(attemptsKey('test-bank', null, null), '{"v":1,"bankId":"test-bank","used":-4}');
    const el = await make();
    expect($(el, 'input')).to.exist;
  });
});

async function takeQuizAgain(el: LfQuiz): Promise<void> {
  $<HTMLButtonElement>(el, 'button[part~="button-restart"]')!.click();
  await el.updateComplete;
  await takeQuiz(el);
}
