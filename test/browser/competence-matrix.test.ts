import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { frameworks } from '@levelfit/engine';
import '../../packages/elements/src/competence-matrix/define.js';
import type { LfCompetenceMatrix } from '../../packages/elements/src/competence-matrix/competence-matrix.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import { clinicalHomecare, longTextFramework, scenarioRatings } from '../../stories/support/scenarios.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const fw = clinicalHomecare();
const competences = fw.items.filter((i) => i.kind !== 'indicator');

describe('<lf-competence-matrix>', () => {
  afterEach(() => fixtureCleanup());

  it('is a table of the 23 common and core competences × 5 levels, with caption and scoped headers', async () => {
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix></lf-competence-matrix>`);
    const table = $(el, 'table')!;
    expect(words(table.querySelector('caption'))).to.contain('Competences required at each level');
    const colHeads = [...table.querySelectorAll('thead th')];
    expect(colHeads).to.have.length(6);
    colHeads.forEach((th) => expect(th.getAttribute('scope')).to.equal('col'));
    expect(colHeads.slice(1).map((th) => words(th))).to.deep.equal(fw.levels.map((l) => l.title));
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(competences).to.have.length(23);
    expect(rows).to.have.length(23);
    rows.forEach((row, i) => {
      const th = row.querySelector('th')!;
      expect(th.getAttribute('scope')).to.equal('row');
      expect(words(th)).to.equal(competences[i]!.title);
      const cells = [...row.querySelectorAll('td')];
      expect(cells).to.have.length(5);
      cells.forEach((td, j) => {
        const required = competences[i]!.levels.includes(fw.levels[j]!.id);
        expect(words(td.querySelector('.lf-visually-hidden'))).to.equal(required ? 'Required' : 'Not required');
        expect(td.querySelector('.mark')?.getAttribute('aria-hidden') ?? null).to.equal(required ? 'true' : null);
      });
    });
    // Keyboard users can scroll the table when it is wider than the page.
    const region = $(el, '[part~="scroller"]')!;
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('role')).to.equal('region');
    await expect(el).to.be.accessible();
  });

  it('adds each rating and whether it is met', async () => {
    const ratings = scenarioRatings(fw, { bestFit: 'associate', overlap: true });
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix .ratings=${ratings}></lf-competence-matrix>`);
    const heads = $$(el, 'thead th').map((th) => words(th));
    expect(heads.slice(-2)).to.deep.equal(['Your rating', 'Met']);
    const labels = new Map(fw.scale.values.map((v) => [v.value, v.label]));
    $$(el, 'tbody tr').forEach((row, i) => {
      const item = competences[i]!;
      const cells = [...row.querySelectorAll('td')];
      expect(cells).to.have.length(7);
      expect(words(cells[5])).to.equal(labels.get(ratings[item.id]!));
      expect(words(cells[6])).to.equal(ratings[item.id]! >= fw.scale.met ? 'Met' : 'Not yet met');
    });
    await expect(el).to.be.accessible();
  });

  it('accepts the whole { ratings } responses and says "Not answered" for missing ratings', async () => {
    const first = competences[0]!.id;
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix .ratings=${{ ratings: { [first]: 3 } }}></lf-competence-matrix>`);
    const rows = $$(el, 'tbody tr');
    expect(words(rows[0]!.querySelectorAll('td')[5])).to.equal('Proficient');
    expect(words(rows[1]!.querySelectorAll('td')[5])).to.equal('Not answered');
    expect(words(rows[1]!.querySelectorAll('td')[6])).to.equal('Not yet met');
  });

  it('shows malformed ratings as an inline error, fires lf-error, and still shows the table', async () => {
    const el = document.createElement('lf-competence-matrix') as LfCompetenceMatrix;
    el.ratings = { 'no-such-item': 2, [competences[0]!.id]: 9 };
    const wrapper = await fixture(html`<div></div>`);
    const event = oneEvent(wrapper, 'lf-error') as Promise<LfErrorEvent>;
    wrapper.append(el);
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail.issues.map((i) => [i.code, i.path.join('.')])).to.deep.equal([
      ['unknown_item', 'ratings.no-such-item'],
      ['rating_off_scale', `ratings.${competences[0]!.id}`],
    ]);
    await el.updateComplete;
    expect($(el, '[role="alert"]')).to.exist;
    expect($$(el, 'tbody tr')).to.have.length(23);
    expect($$(el, 'thead th')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('shows a malformed framework object as an inline error, never a blank', async () => {
    const el = document.createElement('lf-competence-matrix') as LfCompetenceMatrix;
    el.framework = { id: 'Bad Id', levels: 'none' };
    const wrapper = await fixture(html`<div></div>`);
    const event = oneEvent(wrapper, 'lf-error') as Promise<LfErrorEvent>;
    wrapper.append(el);
    const { detail } = await event;
    expect(detail.source).to.equal('framework');
    expect(detail.issues.length).to.be.greaterThan(0);
    await el.updateComplete;
    expect(words($(el, '[role="alert"]'))).to.contain('This table cannot be shown');
    expect($(el, 'table')).to.not.exist;
  });

  it('renders provider text that looks like markup as text', async () => {
    const framework = longTextFramework();
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix .framework=${framework}></lf-competence-matrix>`);
    expect($(el, 'tbody img')).to.not.exist;
    expect($(el, 'tbody b')).to.not.exist;
    expect($(el, 'tbody')!.textContent).to.contain('<img src=x onerror="window.__lfXss = 1">Keep records & <b>notes</b>');
    expect((window as { __lfXss?: number }).__lfXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows item codes in the row headers when the framework has them', async () => {
    const el = await fixture<LfCompetenceMatrix>(html`<lf-competence-matrix framework="adult-care-worker-l2" caption="KSBs"></lf-competence-matrix>`);
    const first = $(el, 'tbody th')!;
    const item = frameworks['adult-care-worker-l2'].items[0]!;
    expect(words(first.querySelector('.code'))).to.equal(item.code);
    expect(words(first)).to.equal(`${item.code} ${item.title}`);
    expect(words($(el, 'caption'))).to.match(/^KSBs/);
    await expect(el).to.be.accessible();
  });
});
