import { expect, fixture, fixtureCleanup, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { makeFramework } from '../support/small-framework.js';
import { breakStorage, clearLevelfitStorage } from '../support/storage.js';
import { $, $$, answerAll, answerStep, clickButton, radio } from '../support/dom.js';

/** axe-core through chai-a11y-axe, in every state a person can reach. */
describe('<lf-self-assessment> accessibility', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('is accessible on a form step of the built-in framework, with the role picker', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" role-picker></lf-self-assessment>`);
    expect($$(el, 'fieldset')).to.have.length(8);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the error summary and inline errors showing', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    radio(el, 'record', 1).click();
    await clickButton(el, 'button-continue');
    expect($(el, '[part="error-summary"]')).to.exist;
    expect($$(el, '[part="error-message"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('is accessible on "Check your answers"', async () => {
    const el = await fixture<LfSelfAssessment>(
      html`<lf-self-assessment storage="none" role-picker .framework=${makeFramework()}></lf-self-assessment>`,
    );
    await answerAll(el, () => 2);
    expect($(el, '[part="check-answers"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible after submitting', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    await answerAll(el, () => 2);
    await clickButton(el, 'button-submit');
    await waitUntil(() => el.result !== null);
    await el.updateComplete;
    expect($(el, '[part="confirmation"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible with draft notices and the "Draft saved" status', async () => {
    const stub = breakStorage({ write: true });
    try {
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment .framework=${makeFramework()}></lf-self-assessment>`);
      await answerStep(el, () => 1);
      await clickButton(el, 'button-continue');
      await waitUntil(() => $(el, '[part="notice"]'), 'no notice', { timeout: 2000 });
      await expect(el).to.be.accessible();
    } finally {
      stub.restore();
    }
  });

  it('is accessible when it shows an inline error for a bad framework', async () => {
    const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment .framework=${{ id: 'Not An Id' }}></lf-self-assessment>`);
    await oneEvent(el, 'lf-error');
    await el.updateComplete;
    expect($(el, '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('gives every radio a target of at least 24 by 24 CSS pixels', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    for (const input of $$<HTMLInputElement>(el, 'input[type="radio"]')) {
      const box = input.getBoundingClientRect();
      expect(box.width, input.id).to.be.at.least(24);
      expect(box.height, input.id).to.be.at.least(24);
    }
    for (const button of $$<HTMLButtonElement>(el, 'button')) {
      expect(button.getBoundingClientRect().height).to.be.at.least(24);
    }
  });

  it('shows a visible focus indicator on radios and buttons', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Tab' });
    const first = radio(el, 'communicate', 0);
    expect(el.shadowRoot!.activeElement).to.equal(first);
    const style = getComputedStyle(first);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
