/**
 * Leaving out the questions that cannot change the result: the persona from the journey review (a care worker
 * at Level 2 – Associate with some Level 3 skills) answers fewer questions and gets the same result; the offer
 * says how many were left out and can be turned down; "Check your answers" marks them and can ask them; the
 * choice survives a reload; `ask-all` turns the offer off.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { assess, frameworks } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { makeFramework } from '../support/small-framework.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, answerStep, button, clickButton, deepActiveElement, headingText, legends, press, stepIndicator } from '../support/dom.js';

const fw = frameworks['clinical-homecare'];
const byId = new Map(fw.items.map((i) => [i.id, i]));
const at = (level: string) => fw.items.filter((i) => i.levels.includes(level));
const autonomousOnly = new Set(at('autonomous').filter((i) => i.kind === 'indicator' && i.levels.length === 1).slice(0, 3).map((i) => i.id));
/** The persona: everything Supportive and Associate ask for met, 3 Autonomous statements, the rest "Not yet". */
const persona = (id: string): number => {
  const item = byId.get(id)!;
  return item.levels.includes('supportive') || item.levels.includes('associate') || autonomousOnly.has(id) ? 2 : 0;
};
const truth = Object.fromEntries(fw.items.map((i) => [i.id, persona(i.id)]));
const aboveAutonomous = new Set([...at('enhanced'), ...at('advanced')].filter((i) => i.kind === 'indicator' && !i.levels.includes('autonomous')).map((i) => i.id));

const progress = (el: LfSelfAssessment) => {
  const m = /Questions? (\d+)(?:–(\d+))? of (\d+)/.exec($(el, '[part~="progress"] p')!.textContent!)!;
  return { first: Number(m[1]), last: Number(m[2] ?? m[1]), total: Number(m[3]) };
};
const offerText = (el: LfSelfAssessment) => $(el, '[part~="skip-offer"] p')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const leftOut = (el: LfSelfAssessment) => Number(/left out (\d+) question/.exec(offerText(el))?.[1] ?? 0);

describe('<lf-self-assessment> leaves out questions that cannot change the result', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('the persona answers fewer questions, never the Enhanced or Advanced statements, and gets the same result', async function () {
    this.timeout(120_000);
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    const asked: string[] = [];
    for (let guard = 0; guard < 20 && $(el, 'button[part~="button-continue"]'); guard++) {
      const ids = $$<HTMLFieldSetElement>(el, 'fieldset[data-item]').map((f) => f.dataset.item!);
      // The caption counts only the questions asked: the ones before this step, this step's, and every one not left out.
      const p = progress(el);
      expect(p.first, 'first question number').to.equal(asked.length + 1);
      expect(p.last - p.first + 1).to.equal(ids.length);
      expect(p.total, 'total').to.equal(fw.items.length - leftOut(el));
      asked.push(...ids);
      await answerStep(el, persona);
      await clickButton(el, 'button-continue');
    }
    expect(headingText(el)).to.equal('Check your answers');
    console.log(`persona through the form: ${fw.items.length} questions → ${asked.length} asked`);
    expect(asked.length).to.be.below(fw.items.length);
    expect(asked.length).to.be.at.most(45);
    expect(asked.filter((id) => aboveAutonomous.has(id))).to.deep.equal([]);
    const skipped = $$(el, '.summary-row[data-skipped]').map((r) => r.dataset.item!);
    expect(skipped).to.have.length(fw.items.length - asked.length);
    expect(offerText(el)).to.contain(`You did not need to answer ${skipped.length} questions`);
    setTimeout(() => button(el, 'button-submit').click());
    const ev = (await oneEvent(el, 'lf-submit')) as LfSubmitEvent;
    const full = await assess(fw, { ratings: truth });
    expect(full.bestFit).to.equal('associate');
    expect(ev.detail.result.bestFit).to.equal(full.bestFit);
    expect(ev.detail.result.overlap?.to).to.equal(full.overlap?.to);
    expect(ev.detail.result.gaps.items.map((i) => i.id)).to.deep.equal(full.gaps.items.map((i) => i.id));
    expect(Object.keys(ev.detail.responses.ratings).sort()).to.deep.equal([...asked].sort());
  });

  it('"Answer them anyway" asks every question; "Skip them" leaves them out again; focus stays on the offer; axe clean', async function () {
    this.timeout(60_000);
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    // Steps 1–3: the competences. Autonomous ones "Not yet" leaves the higher levels' statements out.
    for (let i = 0; i < 3; i++) {
      await answerStep(el, persona);
      await clickButton(el, 'button-continue');
    }
    const n = leftOut(el);
    expect(n).to.be.greaterThan(0);
    expect(offerText(el)).to.equal(`We have left out ${n} questions that can’t change your result.`);
    expect(progress(el).total).to.equal(fw.items.length - n);
    await expect(el).to.be.accessible();
    const stepBefore = stepIndicator(el);
    button(el, 'button-answer-anyway').focus();
    await press('Enter');
    await el.updateComplete;
    expect(progress(el).total).to.equal(fw.items.length);
    expect(offerText(el)).to.equal(`${n} questions you have not answered can’t change your result.`);
    expect(deepActiveElement()).to.equal(button(el, 'button-skip'));
    expect(stepIndicator(el)).to.match(/of 9$/);
    await press('Enter');
    await el.updateComplete;
    expect(progress(el).total).to.equal(fw.items.length - n);
    expect(stepIndicator(el)).to.equal(stepBefore);
    expect(deepActiveElement()).to.equal(button(el, 'button-answer-anyway'));
  });

  it('"Check your answers" marks each question left out; its Answer link asks it, then returns', async function () {
    this.timeout(120_000);
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    for (let guard = 0; guard < 20 && $(el, 'button[part~="button-continue"]'); guard++) {
      await answerStep(el, persona);
      await clickButton(el, 'button-continue');
    }
    const row = $(el, '.summary-row[data-skipped]')!;
    const id = row.dataset.item!;
    expect(row.querySelector('[part~="skipped"]')!.textContent).to.equal('Skipped: it can’t change your result');
    const summaries = $$(el, 'details[part~="check-section"] summary').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
    expect(summaries.some((t) => / \d+ answers, \d+ skipped$/.test(t))).to.equal(true);
    await expect(el).to.be.accessible();
    row.querySelector<HTMLAnchorElement>('a[part~="answer-link"]')!.click();
    await el.updateComplete;
    expect(legends(el)).to.include(byId.get(id)!.question ?? byId.get(id)!.title);
    expect(deepActiveElement()).to.equal($(el, `#q-${id}`));
    $<HTMLInputElement>(el, `input[name="${id}"][value="3"]`)!.click();
    await el.updateComplete;
    await clickButton(el, 'button-continue');
    expect(headingText(el)).to.equal('Check your answers');
    expect($(el, `.summary-row[data-item="${id}"]`)!.hasAttribute('data-skipped')).to.equal(false);
    expect($(el, `.summary-row[data-item="${id}"] dd`)!.textContent).to.equal('Proficient');
  });

  it('the draft keeps the choice to answer every question', async function () {
    this.timeout(60_000);
    const first = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="skip"></lf-self-assessment>`);
    for (let i = 0; i < 3; i++) {
      await answerStep(first, persona);
      await clickButton(first, 'button-continue');
    }
    const step = stepIndicator(first);
    await clickButton(first, 'button-answer-anyway');
    first.remove();
    fixtureCleanup();
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="skip"></lf-self-assessment>`);
    expect($(el, 'button[part~="button-skip"]')).to.exist;
    expect(progress(el).total).to.equal(fw.items.length);
    // every question is asked now, so the person goes back to the first step with one they have not answered
    expect(stepIndicator(el)).to.equal('Step 2 of 9');
    // and leaving them out again is kept too
    await clickButton(el, 'button-skip');
    el.remove();
    fixtureCleanup();
    const again = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="skip"></lf-self-assessment>`);
    expect($(again, 'button[part~="button-answer-anyway"]')).to.exist;
    expect(stepIndicator(again)).to.match(/^Step 2 of \d$/);
    expect(progress(again).total).to.be.below(fw.items.length);
    expect(step).to.match(/^Step 4 of \d$/);
  });

  it('ask-all: no offer, every question in nine steps', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" ask-all></lf-self-assessment>`);
    for (let i = 0; i < 3; i++) {
      await answerStep(el, persona);
      await clickButton(el, 'button-continue');
    }
    expect($(el, '[part~="skip-offer"]')).to.equal(null);
    expect(stepIndicator(el)).to.equal('Step 4 of 9');
    expect(progress(el)).to.deep.equal({ first: 24, last: 31, total: fw.items.length });
  });

  it('a statement left out that comes to matter later is asked: Continue goes back to it', async () => {
    // Level one needs both its statements; with level two's statements not yet answered neither matters alone.
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" target="level-two" .framework=${makeFramework()}></lf-self-assessment>`);
    await answerStep(el, () => 2);
    await clickButton(el, 'button-continue');
    const skippedFirst = leftOut(el);
    await answerStep(el, () => 0);
    await clickButton(el, 'button-continue');
    if (skippedFirst > 0) {
      expect($(el, '[part~="came-back"]')!.textContent).to.contain('can now change your result');
      await answerStep(el, () => 2);
      await clickButton(el, 'button-continue');
    }
    expect(headingText(el)).to.equal('Check your answers');
    expect($$(el, '.summary-row[data-skipped]')).to.have.length(0);
    expect(Object.keys(el.responses.ratings)).to.have.length(7);
  });
});
