import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { underStrictCsp } from '../support/csp.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';

/**
 * Under `Content-Security-Policy: default-src 'self'` (no inline styles, no eval) the quiz renders, gives
 * feedback, saves a draft, scores and shows its results and errors with no violation. The policy goes in
 * before levelfit (and so zod and Lit) loads: everything that reaches the engine is imported after it.
 */
describe('<lf-quiz> under a strict CSP', () => {
  let support: typeof import('../../stories/support/quiz-bank.js');
  const violations = underStrictCsp(async () => {
    await import('../../packages/elements/src/quiz/define.js');
    support = await import('../../stories/support/quiz-bank.js');
  });
  afterEach(() => fixtureCleanup());

  it('runs a built-in bank and a bank object to the results, and shows a malformed bank’s error, with no violation', async () => {
    const builtin = await fixture<LfQuiz>(html`<lf-quiz bank="clinical-homecare-core" storage="session" assessment-key="csp"></lf-quiz>`);
    builtin.shadowRoot!.querySelector<HTMLInputElement>('input')!.click();
    builtin.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-continue"]')!.click();
    await builtin.updateComplete;
    expect(builtin.shadowRoot!.querySelector('[part~="feedback"]')).to.exist;
    window.dispatchEvent(new Event('pagehide'));

    const bank = support.makeBank();
    const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${bank}></lf-quiz>`);
    const answers = support.correctAnswers(bank);
    for (let i = 0; i < 20 && el.shadowRoot!.querySelector('[part~="button-continue"]'); i++) {
      const name = el.shadowRoot!.querySelector<HTMLInputElement>('input')!.name;
      for (const id of answers[name]!) el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${id}"]`)!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-continue"]')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-continue"]')!.click();
      await el.updateComplete;
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-submit"]')!.click();
    await waitUntil(() => el.score !== null, 'did not submit');
    await el.updateComplete;
    expect(el.score!.passed).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="mastery"]')).to.exist;

    const bad = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${{ id: 'bad', questions: [] }}></lf-quiz>`);
    expect(bad.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    await new Promise((r) => setTimeout(r, 50));
    expect(violations).to.deep.equal([]);
    sessionStorage.removeItem('levelfit:draft:quiz:clinical-homecare-core:csp');
  });
});
