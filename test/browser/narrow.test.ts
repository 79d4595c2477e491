/**
 * Narrow screens (320 and 375 CSS px, the phones of the journey review): the competence matrix's caption wraps
 * inside the page, a visible hint says the table scrolls sideways, its region is keyboard-focusable and named,
 * and the person's columns come first; the role select never runs off the page and the whole role name shows.
 */
import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { frameworks } from '@levelfit/engine';
import '../../packages/elements/src/competence-matrix/define.js';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfCompetenceMatrix } from '../../packages/elements/src/competence-matrix/competence-matrix.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { scenarioRatings } from '../../stories/support/scenarios.js';

const fw = frameworks['clinical-homecare'];
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Lets the ResizeObserver report and the element render what it measured. */
const settle = async (el: LfCompetenceMatrix | LfSelfAssessment) => {
  await aTimeout(50);
  await el.updateComplete;
};
const inside = (rect: DOMRect, width: number) => rect.left >= -0.5 && rect.right <= width + 0.5;

describe('narrow screens', function () {
  this.timeout(30_000);
  afterEach(async () => {
    fixtureCleanup();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 375]) {
    describe(`at ${width} px`, () => {
      beforeEach(() => setViewport({ width, height: 700 }));

      it('<lf-competence-matrix>: the caption wraps on the page, the scroll hint shows, the person’s columns come first', async () => {
        const ratings = scenarioRatings(fw, { bestFit: 'associate', overlap: true });
        const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix .ratings=${ratings}></lf-competence-matrix>`);
        await waitUntil(() => $(el, '[part~="scroll-hint"]') !== null, 'no scroll hint at a narrow width');
        const caption = $(el, '[part~="caption"]')!;
        expect(words(caption)).to.contain('Competences required at each level');
        expect(inside(caption.getBoundingClientRect(), width), 'caption inside the page').to.equal(true);
        expect(caption.scrollWidth).to.be.at.most(caption.clientWidth + 1);
        expect(caption.getBoundingClientRect().height).to.be.greaterThan(40); // it wrapped onto several lines
        const hint = $(el, '[part~="scroll-hint"]')!;
        expect(words(hint)).to.equal('Scroll sideways to see more');
        expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
        const region = $(el, '[part~="scroller"]')!;
        expect(region.getAttribute('role')).to.equal('region');
        expect(region.getAttribute('tabindex')).to.equal('0');
        expect(region.getAttribute('aria-labelledby')).to.equal(caption.id);
        expect(region.getAttribute('aria-describedby')).to.equal(hint.id);
        expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
        // the table's own caption says the same to screen readers
        expect(words($(el, 'table caption'))).to.contain('Competences required at each level');
        // Your rating and Met straight after the competence, on screen without scrolling
        const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => words(th));
        expect(heads.slice(0, 3)).to.deep.equal(['Competence', 'Your rating', 'Met']);
        const row = el.shadowRoot!.querySelector('tbody tr')!;
        expect(row.querySelector('td')!.getAttribute('part')).to.equal('rating');
        expect(row.querySelector('td')!.getBoundingClientRect().right).to.be.at.most(width);
        await expect(el).to.be.accessible();
      });

      it('the role select stays on the page and the whole long role name shows under it', async () => {
        const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" role-picker></lf-self-assessment>`);
        const longest = fw.levels.flatMap((l) => l.roles).reduce((a, b) => (b.length > a.length ? b : a));
        expect(longest.length).to.be.greaterThan(40);
        const select = $<HTMLSelectElement>(el, 'select#role')!;
        select.value = longest;
        select.dispatchEvent(new Event('change'));
        await settle(el);
        expect(inside(select.getBoundingClientRect(), width), 'select inside the page').to.equal(true);
        const chosen = $(el, '[part~="role-chosen"]')!;
        expect(words(chosen)).to.equal(`You chose: ${longest}`);
        expect(inside(chosen.getBoundingClientRect(), width), 'role name inside the page').to.equal(true);
        expect(chosen.scrollWidth).to.be.at.most(chosen.clientWidth + 1);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        await expect(el).to.be.accessible();
      });
    });
  }

  it('at 1280 px the table fits: no scroll hint, the person’s columns last', async () => {
    await setViewport({ width: 1280, height: 800 });
    const ratings = scenarioRatings(fw, { bestFit: 'associate', overlap: true });
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix .ratings=${ratings}></lf-competence-matrix>`);
    await settle(el);
    expect($(el, '[part~="scroll-hint"]')).to.equal(null);
    expect($(el, '[part~="scroller"]')!.hasAttribute('aria-describedby')).to.equal(false);
    const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => words(th));
    expect(heads.slice(-2)).to.deep.equal(['Your rating', 'Met']);
    expect(heads[1]).to.equal(fw.levels[0]!.title);
  });

  it('the hint comes and goes as the page is resized', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix></lf-competence-matrix>`);
    await settle(el);
    expect($(el, '[part~="scroll-hint"]')).to.equal(null);
    await setViewport({ width: 320, height: 700 });
    await waitUntil(() => $(el, '[part~="scroll-hint"]') !== null, 'no hint after narrowing');
    await setViewport({ width: 1280, height: 800 });
    await waitUntil(() => $(el, '[part~="scroll-hint"]') === null, 'the hint stayed after widening');
  });
});
