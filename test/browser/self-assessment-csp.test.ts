import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { makeFramework } from './helpers/framework-factory.js';
import { answerAll, button, clickButton, radio } from './helpers/dom.js';

/**
 * Under `Content-Security-Policy: default-src 'self'` (no inline styles, no eval) the form renders, saves a
 * draft and scores answers with no violation. The policy goes in before levelfit (and so zod and Lit) loads.
 */
describe('<lf-self-assessment> under a strict CSP', () => {
  const violations: string[] = [];
  const record = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);

  before(async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'";
    document.head.prepend(meta);
    document.addEventListener('securitypolicyviolation', record);
    await import('../../packages/elements/src/self-assessment/define.js');
  });
  after(() => document.removeEventListener('securitypolicyviolation', record));
  afterEach(() => fixtureCleanup());

  it('enforces the policy in this page (an inline style is reported)', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'the CSP is not enforced, so this file proves nothing');
    probe.remove();
    violations.length = 0;
  });

  it('renders, answers, saves a draft and submits the built-in and a custom framework with no violation', async () => {
    const builtin = await fixture<LfSelfAssessment>(html`<lf-self-assessment assessment-key="csp"></lf-self-assessment>`);
    expect(builtin.shadowRoot!.querySelectorAll('fieldset').length).to.equal(12);
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
