/**
 * The journey a care worker sees: an optional start page, plain step titles with "Questions 13–23 of 67" and a
 * bar, the scale explained once, and "Check your answers" in one collapsible section per step.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { frameworks } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, answerAll, answerStep, clickButton, deepActiveElement, headingText, stepIndicator } from '../support/dom.js';

const fw = frameworks['clinical-homecare'];

describe('<lf-self-assessment> journey', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('start-page: says what this is, how many questions and about how long; "Start now" goes to the first step', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment start-page></lf-self-assessment>`);
    expect(headingText(el)).to.equal('Before you start');
    const text = $(el, '[part~="start-page"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`There are up to ${fw.items.length} questions.`);
    expect(text).to.contain('We leave out the questions that can’t change your result.');
    expect(text).to.match(/It takes about \d+ minutes or less\./);
    expect(text).to.contain('You can stop and come back later.');
    await clickButton(el, 'button-start');
    expect(stepIndicator(el)).to.equal('Step 1 of 9');
    expect(deepActiveElement()).to.equal($(el, '[part~="step-heading"]'));
  });

  it('no start page once something is answered (a restored draft goes straight to the questions)', async () => {
    const first = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="journey"></lf-self-assessment>`);
    $<HTMLInputElement>(first, 'input[type="radio"]')!.click();
    await first.updateComplete;
    first.remove();
    fixtureCleanup();
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment start-page assessment-key="journey"></lf-self-assessment>`);
    expect(stepIndicator(el)).to.equal('Step 1 of 9');
  });

  it('shows how far through the questions each step is', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    const progress = () => $(el, '[part~="progress"] p')!.textContent!.trim();
    const bar = () => $<HTMLProgressElement>(el, 'progress')!;
    expect(progress()).to.equal(`Questions 1–8 of ${fw.items.length}`);
    expect(bar().value).to.equal(0);
    expect(bar().max).to.equal(fw.items.length);
    await answerStep(el, () => 2);
    await clickButton(el, 'button-continue');
    expect(progress()).to.equal(`Questions 9–16 of ${fw.items.length}`);
    expect(bar().value).to.equal(8);
    expect(headingText(el)).to.contain('Skills everyone needs, part 2 of 3');
    // The scale is explained on the first step only.
    expect($(el, '[part~="scale-help"]')).to.equal(null);
  });

  it('"Check your answers" has one collapsible section per step; a Change link still goes to its question', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    await answerAll(el, () => 2);
    const sections = $$<HTMLDetailsElement>(el, 'details[part~="check-section"]');
    expect(sections).to.have.length(9);
    expect(sections.every((d) => !d.open)).to.equal(true);
    expect(sections[0]!.querySelector('summary')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Skills everyone needs, part 1 of 3 8 answers');
    sections[2]!.querySelector('summary')!.click();
    await el.updateComplete;
    expect(sections[2]!.open).to.equal(true);
    const link = sections[2]!.querySelector<HTMLAnchorElement>('a[part~="change-link"]')!;
    link.click();
    await el.updateComplete;
    expect(stepIndicator(el)).to.equal('Step 3 of 9');
  });
});
