import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { str } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { configureLocalization, currentLocale, sourceLocale } from '../../packages/elements/src/localize/localize.js';
import { makeFramework } from '../support/small-framework.js';
import { button, headingText, legends } from '../support/dom.js';

/**
 * Runtime localisation: a provider's locale module (as `lit-localize build` writes it) re-renders the
 * element's own strings; framework text stays as the provider wrote it. `@lit/localize` allows one
 * configuration per page, and each wtr test file runs in its own page.
 */
describe('<lf-self-assessment> localisation', () => {
  afterEach(() => fixtureCleanup());

  it('renders en-GB source strings until a locale is configured', async () => {
    expect(sourceLocale).to.equal('en-GB');
    expect(currentLocale()).to.equal('en-GB');
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    expect(button(el, 'button-continue').textContent!.trim()).to.equal('Continue');
  });

  it('switches strings, with interpolation, when the provider sets a locale', async () => {
    const templates = {
      [generateMsgId('Continue', false)]: 'Parhau',
      [generateMsgId(['Step ', ' of ', ''], false)]: str`Cam ${0} o ${1}`,
    };
    const handle = configureLocalization({ targetLocales: ['cy'], loadLocale: async () => ({ templates }) });
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
    await handle.setLocale('cy');
    await el.updateComplete;
    expect(currentLocale()).to.equal('cy');
    expect(button(el, 'button-continue').textContent!.trim()).to.equal('Parhau');
    expect(headingText(el)).to.equal('Cam 1 o 3 Core competences');
    expect(legends(el)[0]).to.equal('Communicate clearly');
    // A second configuration keeps the first (with a coded warning) rather than throwing.
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(configureLocalization({ targetLocales: ['fr'], loadLocale: async () => ({ templates: {} }) })).to.equal(handle);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('lf-localize-twice');
    await handle.setLocale('en-GB');
    await el.updateComplete;
    expect(button(el, 'button-continue').textContent!.trim()).to.equal('Continue');
  });
});
