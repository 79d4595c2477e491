import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { assess, frameworks } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { makeFramework } from '../support/small-framework.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, deepActiveElement, headingText, press, stepIndicator, tabUntil } from '../support/dom.js';

const isRadio = (a: Element | null): a is HTMLInputElement => a instanceof HTMLInputElement && a.type === 'radio';
const isButton = (part: string) => (a: Element | null) => a instanceof HTMLButtonElement && a.part.contains(part);

/**
 * Answers the current step with the keyboard only: Tab into each radio group (focus lands on its first radio),
 * then ArrowDown `n` times (each press moves to and selects the next radio) or Space to select the first.
 * Returns the ratings chosen.
 */
async function answerStepByKeyboard(el: LfSelfAssessment, arrows: (itemId: string) => number): Promise<Record<string, number>> {
  const chosen: Record<string, number> = {};
  const count = el.shadowRoot!.querySelectorAll('fieldset').length;
  for (let q = 0; q < count; q++) {
    const first = (await tabUntil(isRadio, 5)) as HTMLInputElement;
    const name = first.name;
    expect(first.checked, `${name} starts unanswered`).to.equal(false);
    const n = arrows(name);
    if (n === 0) await press('Space');
    for (let i = 0; i < n; i++) await press('ArrowDown');
    const active = deepActiveElement() as HTMLInputElement;
    expect(active.name).to.equal(name);
    expect(active.checked).to.equal(true);
    chosen[name] = Number(active.value);
  }
  return chosen;
}

describe('<lf-self-assessment> keyboard-only', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('completes a small framework with Tab, Shift+Tab, arrow keys, Space and Enter', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    const ratings: Record<string, number> = {};

    // Step 1: Enter on Continue with nothing answered shows the error summary and focuses it.
    await tabUntil(isButton('button-continue'), 10);
    await press('Enter');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '[part="error-summary"]'));
    // Tab to the first error link and follow it with Enter: focus lands on that question's first radio.
    const link = await tabUntil((a) => a instanceof HTMLAnchorElement, 3);
    expect(link.textContent).to.contain('Communicate clearly');
    await press('Enter');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).name).to.equal('communicate');
    await press('ArrowDown'); // communicate = 1 (Developing)
    await press('ArrowDown'); // communicate = 2
    ratings.communicate = 2;
    // Shift+Tab leaves the group backwards; Tab comes back to the checked radio, not the first one.
    await press('Shift+Tab');
    expect((deepActiveElement() as HTMLInputElement | null)?.name).to.not.equal('communicate');
    await press('Tab');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('2');
    for (const [id, arrows] of [
      ['safeguard', 2],
      ['record', 3],
    ] as const) {
      const first = (await tabUntil(isRadio, 3)) as HTMLInputElement;
      expect(first.name).to.equal(id);
      for (let i = 0; i < arrows; i++) await press('ArrowDown');
      ratings[id] = arrows;
    }
    await tabUntil(isButton('button-continue'), 3);
    await press('Space');
    await el.updateComplete;
    expect(stepIndicator(el)).to.equal('Step 2 of 3');
    expect(deepActiveElement()).to.equal($(el, '[part="step-heading"]'));

    // Steps 2 and 3.
    Object.assign(ratings, await answerStepByKeyboard(el, () => 2));
    await tabUntil(isButton('button-continue'), 3);
    await press('Enter');
    await el.updateComplete;
    expect(stepIndicator(el)).to.equal('Step 3 of 3');
    Object.assign(ratings, await answerStepByKeyboard(el, () => 0));
    // Enter on a radio submits the step's form (implicit submission), like a GOV.UK page.
    await press('Enter');
    await el.updateComplete;

    expect(headingText(el)).to.equal('Check your answers');
    await tabUntil(isButton('button-submit'), 20);
    const submitted = oneEvent(el, 'lf-submit') as Promise<LfSubmitEvent>;
    await press('Enter');
    const ev = await submitted;
    expect(ev.detail.responses.ratings).to.deep.equal(ratings);
    expect(ev.detail.result.bestFit).to.equal('level-one');
  });

  it('completes the built-in clinical-homecare framework', async function () {
    this.timeout(120_000);
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" ask-all></lf-self-assessment>`);
    const ratings: Record<string, number> = {};
    const fw = frameworks['clinical-homecare'];
    const rate = (id: string): number => {
      const item = fw.items.find((i) => i.id === id)!;
      return item.kind === 'competence' ? 2 : item.levels.some((l) => l === 'supportive' || l === 'associate') ? 3 : 0;
    };
    for (let step = 1; step <= 9; step++) {
      expect(stepIndicator(el)).to.equal(`Step ${step} of 9`);
      // Competences: Competent (2 presses); indicators: Proficient for supportive and associate, else Not yet.
      Object.assign(ratings, await answerStepByKeyboard(el, rate));
      await tabUntil(isButton('button-continue'), 3);
      await press('Enter');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal($(el, '[part="step-heading"]'));
    }
    expect(headingText(el)).to.equal('Check your answers');
    expect(Object.keys(ratings)).to.have.length(67);
    await tabUntil(isButton('button-submit'), 80);
    const submitted = oneEvent(el, 'lf-submit') as Promise<LfSubmitEvent>;
    await press('Enter');
    const ev = await submitted;
    expect(ev.detail.responses.ratings).to.deep.equal(ratings);
    const expected = await assess(el.resolvedFramework!, { ratings });
    expect(ev.detail.result).to.deep.equal(expected);
    expect(ev.detail.result.bestFit).to.equal('associate');
  });
});
