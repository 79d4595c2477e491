import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { str } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import { configureLocalization } from '../../packages/elements/src/localize/localize.js';
import { makeBank } from '../../stories/support/quiz-bank.js';

/** `<lf-quiz>`'s own strings go through `msg()`; the bank's text stays as the provider wrote it. */
describe('<lf-quiz> localisation', () => {
  afterEach(() => fixtureCleanup());

  it('switches its strings, with interpolation, when the provider sets a locale', async () => {
    const templates = {
      [generateMsgId('Check answer', false)]: 'Gwirio’r ateb',
      [generateMsgId(['Question ', ' of ', ''], false)]: str`Cwestiwn ${0} o ${1}`,
    };
    const handle = configureLocalization({ targetLocales: ['cy'], loadLocale: async () => ({ templates }) });
    const el = await fixture<LfQuiz>(html`<lf-quiz storage="none" .bank=${makeBank()}></lf-quiz>`);
    expect(el.shadowRoot!.querySelector('[part~="button-continue"]')!.textContent!.trim()).to.equal('Check answer');
    await handle.setLocale('cy');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="button-continue"]')!.textContent!.trim()).to.equal('Gwirio’r ateb');
    expect(el.shadowRoot!.querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('Cwestiwn 1 o 4');
    expect(el.shadowRoot!.querySelector('legend h2')!.textContent!.trim()).to.equal(makeBank().questions[0]!.prompt);
  });
});
