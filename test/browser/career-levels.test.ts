import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { frameworks } from '@levelfit/engine';
import '../../packages/elements/src/career-levels/define.js';
import type { LfCareerLevels } from '../../packages/elements/src/career-levels/career-levels.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import { clinicalHomecare, longTextFramework } from '../../stories/support/scenarios.js';
import { jsonResponse, stubFetch } from '../support/fetch.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const fw = clinicalHomecare();

describe('<lf-career-levels>', () => {
  afterEach(() => fixtureCleanup());

  it('shows a card per level with title, descriptor paragraphs and indicative roles', async () => {
    const el = await fixture<LfCareerLevels>(html`<lf-career-levels></lf-career-levels>`);
    const cards = $$(el, '[part~="card"]');
    expect(cards).to.have.length(fw.levels.length);
    cards.forEach((card, i) => {
      const level = fw.levels[i]!;
      expect(words(card.querySelector('h3'))).to.equal(level.title);
      expect([...card.querySelectorAll('[part~="descriptor"] p')].map((p) => words(p))).to.deep.equal(level.descriptor);
      expect([...card.querySelectorAll('[part~="roles"] li')].map((li) => words(li))).to.deep.equal(level.roles);
      expect(card.hasAttribute('aria-current')).to.equal(false);
    });
    expect(words($(el, 'h2'))).to.equal('Career levels');
    await expect(el).to.be.accessible();
  });

  it('marks the current level in words, with aria-current, and only that one', async () => {
    const el = await fixture<LfCareerLevels>(html`<lf-career-levels current="autonomous" heading="Levels of practice"></lf-career-levels>`);
    const current = $$(el, '[aria-current]');
    expect(current).to.have.length(1);
    expect(current[0]!.getAttribute('aria-current')).to.equal('step');
    expect(current[0]!.getAttribute('part')).to.contain('card-current');
    expect(words(current[0]!.querySelector('h3'))).to.equal('Autonomous Level Practice');
    expect(words(current[0]!.querySelector('[part~="current-label"]'))).to.equal('Your current level');
    expect(words($(el, 'h2'))).to.equal('Levels of practice');
    el.current = 'advanced';
    await el.updateComplete;
    expect(words($(el, '[aria-current] h3'))).to.equal('Advanced Level Practice');
    await expect(el).to.be.accessible();
  });

  it('says so when a level lists no roles', async () => {
    const el = await fixture<LfCareerLevels>(html`<lf-career-levels framework="cypf-manager-l5"></lf-career-levels>`);
    expect(frameworks['cypf-manager-l5'].levels[0]!.roles).to.have.length(0);
    expect(words($(el, '.card'))).to.contain('The framework lists no indicative roles for this level.');
  });

  it('reports an unknown current level inline and with lf-error, and still shows the levels', async () => {
    const el = document.createElement('lf-career-levels') as LfCareerLevels;
    el.setAttribute('current', 'expert');
    const wrapper = await fixture(html`<div></div>`);
    const event = oneEvent(wrapper, 'lf-error') as Promise<LfErrorEvent>;
    wrapper.append(el);
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail.issues).to.deep.equal([
      {
        code: 'unknown_level',
        path: ['current'],
        message: 'no level has the id "expert"; the levels are: supportive, associate, autonomous, enhanced, advanced',
      },
    ]);
    await el.updateComplete;
    expect($(el, '[role="alert"]')).to.exist;
    expect($$(el, '[part~="card"]')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('loads a framework from a URL', async () => {
    const url = new URL('/frameworks/custom.json', location.href).href;
    const custom = JSON.parse(JSON.stringify(frameworks['cypf-practitioner-l4']));
    custom.id = 'custom-url-framework';
    custom.levels[0].title = 'Loaded from a URL';
    const stub = stubFetch({ [url]: () => jsonResponse(custom) });
    try {
      const el = await fixture<LfCareerLevels>(html`<lf-career-levels framework="/frameworks/custom.json"></lf-career-levels>`);
      await el.updateComplete;
      expect(stub.calls.map((c) => c.url)).to.deep.equal([url]);
      expect(words($(el, '.card h3'))).to.equal('Loaded from a URL');
    } finally {
      stub.restore();
    }
  });

  it('renders provider text that looks like markup as text', async () => {
    const framework = longTextFramework() as unknown as { levels: { descriptor: string[]; roles: string[] }[] };
    framework.levels[0]!.descriptor = ['<script>window.__lfXss = 2</script><em>Emphasis</em>'];
    framework.levels[0]!.roles = ['<a href="javascript:alert(1)">Role</a>'];
    const el = await fixture<LfCareerLevels>(html`<lf-career-levels .framework=${framework}></lf-career-levels>`);
    const card = $(el, '.card')!;
    expect(card.querySelector('script, em, a')).to.not.exist;
    expect(card.textContent).to.contain('<script>window.__lfXss = 2</script><em>Emphasis</em>');
    expect(card.textContent).to.contain('<a href="javascript:alert(1)">Role</a>');
    expect((window as { __lfXss?: number }).__lfXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
