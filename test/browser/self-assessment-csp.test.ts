import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { underStrictCsp } from '../support/csp.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { makeFramework } from '../support/small-framework.js';
import { answerAll, button, clickButton, radio } from '../support/dom.js';

/**
 * Under `Content-Security-Policy: default-src 'self'` (no inline styles, no eval) the form renders, saves a
 * draft and scores answers with no violation. The policy goes in before levelfit (and so zod and Lit) loads.
 */
describe('<lf-self-assessment> under a strict CSP', () => {
  const violations = underStrictCsp(async () => {
    await import('../../packages/elements/src/self-assessment/define.js');
  });
  afterEach(() => fixtureCleanup());

  it('renders, answers, saves a draft and submits the built-in and a custom framework with no violation', async () => {
    const builtin = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="csp"></lf-self-assessment>`);
    expect(builtin.shadowRoot!.querySelectorAll('fieldset').length).to.equal(8);
    radio(builtin, 'communicate-effectively', 2).click();
    await clickButton(builtin, 'button-continue');
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="session" role-picker .framework=${makeFramework()}></lf-self-assessment>`);
    await answerAll(el, () => 2);
    button(el, 'button-submit').click();
    await waitUntil(() => el.result !== null, 'did not submit');
    expect(el.result!.bestFit).to.equal('level-two');
    await new Promise((r) => setTimeout(r, 50));
    expect(violations).to.deep.equal([]);
    localStorage.removeItem('levelfit:draft:clinical-homecare:csp');
  });
});
