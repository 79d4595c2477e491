import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { str } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { levelName } from '@levelfit/engine';
import '../../packages/elements/src/level-fit/define.js';
import type { LfLevelFit } from '../../packages/elements/src/level-fit/level-fit.js';
import { configureLocalization } from '../../packages/elements/src/localize/localize.js';
import { assessScenario, clinicalHomecare } from '../../stories/support/scenarios.js';

/** The explanation comes from the engine's reasons through `msg()`: a translated page is translated throughout. */
describe('<lf-level-fit> localisation', () => {
  afterEach(() => fixtureCleanup());

  it('says the reasons in the page language, with the figures the engine decided', async () => {
    const fw = clinicalHomecare();
    const result = await assessScenario(fw, { bestFit: 'supportive', overlap: true });
    const templates = {
      [generateMsgId(['You are working at ', '.'], false)]: str`Rydych chi’n gweithio ar ${0}.`,
      [generateMsgId(['any ', ' of these ', ' statements'], false)]: str`unrhyw ${0} o’r ${1} datganiad hyn`,
      [generateMsgId(['To reach ', ' you need ', '.'], false)]: str`I gyrraedd ${0} mae angen ${1} arnoch chi.`,
    };
    const handle = configureLocalization({ targetLocales: ['cy'], loadLocale: async () => ({ templates }) });
    const el = await fixture<LfLevelFit>(html`<lf-level-fit .result=${result}></lf-level-fit>`);
    const why = () => [...el.shadowRoot!.querySelectorAll('[part~="explanation"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(why()).to.deep.equal(result.explanation);
    await handle.setLocale('cy');
    await el.updateComplete;
    const { need, from } = result.gaps.indicators;
    expect(why()[0]).to.equal(`Rydych chi’n gweithio ar ${levelName(fw, 'supportive')}.`);
    expect(why()).to.include(`I gyrraedd ${levelName(fw, 'associate')} mae angen unrhyw ${need} o’r ${from.length} datganiad hyn arnoch chi.`);
  });
});
