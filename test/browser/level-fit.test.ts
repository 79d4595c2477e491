import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { assess, formatReasons, frameworks, levelName, type LevelFit } from '@levelfit/engine';
import '../../packages/elements/src/level-fit/define.js';
import type { LfLevelFit } from '../../packages/elements/src/level-fit/level-fit.js';
import { localMessages } from '../../packages/elements/src/level-fit/reason-messages.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import { assessScenario, clinicalHomecare, longTextFramework, scenarioRatings } from '../../stories/support/scenarios.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function show(result: LevelFit | unknown | null, attrs: { framework?: string | object } = {}): Promise<LfLevelFit> {
  const el = await fixture<LfLevelFit>(html`<lf-level-fit .framework=${attrs.framework ?? null} .result=${result}></lf-level-fit>`);
  await el.updateComplete;
  return el;
}

const fw = clinicalHomecare();
const title = (id: string) => levelName(fw, id);

describe('<lf-level-fit>', () => {
  afterEach(async () => {
    fixtureCleanup();
    await emulateMedia({ media: 'screen' });
  });

  it('shows an empty state before there is a result, and passes axe', async () => {
    const el = await show(null);
    expect(words($(el, '[part~="empty"]'))).to.match(/will appear here when you submit/);
    expect($(el, '[part~="chart"]')).to.not.exist;
    expect($(el, '[role="alert"]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  for (const level of ['supportive', 'associate', 'autonomous', 'enhanced', 'advanced']) {
    it(`shows ${level} as the best fit from a real engine result`, async () => {
      const result = await assessScenario(fw, { bestFit: level });
      expect(result.bestFit).to.equal(level);
      const el = await show(result);
      expect(words($(el, '[part~="best-fit"]'))).to.equal(title(level));
      expect($(el, '[part~="overlap"]')).to.not.exist;
      const best = $$(el, '[part~="chart-row-best"]');
      expect(best).to.have.length(1);
      expect(words(best[0]!.querySelector('.level-name'))).to.equal(title(level));
      expect(words(best[0]!.querySelector('.status'))).to.equal('Best fit');
    });
  }

  it('lists every level with its own counts in words, never one blended percentage', async () => {
    const result = await assessScenario(fw, { bestFit: 'associate', overlap: true });
    const el = await show(result);
    const rows = $$(el, '[part~="chart-row"]');
    expect(rows).to.have.length(5);
    rows.forEach((row, i) => {
      const l = result.levels[i]!;
      expect(words(row.querySelector('.level-name'))).to.equal(title(l.level));
      const figure = words(row.querySelector('[part~="figure"]'));
      expect(figure).to.not.match(/%/);
      expect(figure).to.contain(`${l.competences.met} of ${l.competences.required} competences`);
      expect(figure).to.contain(`${l.indicators.met} of ${l.indicators.required} statements`);
      if (!l.attained && l.needed.indicators.need > 0) expect(figure).to.contain(`, ${l.needed.indicators.need} needed`);
      else expect(figure).to.not.contain('needed');
      // Meaning is never carried by colour alone: each row says its status.
      const status = words(row.querySelector('.status'));
      const expected =
        l.level === result.bestFit ? 'Best fit' : l.attained ? 'Attained' : l.level === result.overlap?.to ? 'Not attained, overlap' : 'Not attained';
      expect(status).to.equal(expected);
    });
    expect(el.shadowRoot!.querySelectorAll('[style], svg')).to.have.length(0);
    expect(words($(el, '[part~="base"]'))).to.not.match(/\d%/);
  });

  it('Not yet to 6 of 7 Advanced statements: Advanced never shows more met than Enhanced', async () => {
    // Enhanced met in full; Advanced's added competences met too, but only 1 of its statements
    const ratings = scenarioRatings(fw, { bestFit: 'enhanced' });
    const adv = fw.items.filter((i) => i.levels.includes('advanced'));
    for (const i of adv) if (i.kind !== 'indicator') ratings[i.id] = 2;
    const statements = adv.filter((i) => i.kind === 'indicator' && !i.optional);
    statements.forEach((i, k) => (ratings[i.id] = k === 0 ? 2 : 0));
    const result = await assess(fw, { ratings });
    const el = await show(result);
    const figure = (id: string) => words($$(el, '[part~="chart-row"]')[fw.levels.findIndex((l) => l.id === id)]!.querySelector('[part~="figure"]'));
    const enhanced = result.levels.find((l) => l.level === 'enhanced')!;
    const advanced = result.levels.find((l) => l.level === 'advanced')!;
    expect(enhanced.attained).to.equal(true);
    expect(advanced.attained).to.equal(false);
    expect(figure('enhanced')).to.equal(`${enhanced.competences.met} of ${enhanced.competences.required} competences · ${enhanced.indicators.met} of ${enhanced.indicators.required} statements`);
    expect(figure('advanced')).to.equal(
      `${advanced.competences.met} of ${advanced.competences.required} competences · 1 of ${advanced.indicators.required} statements, ${advanced.needed.indicators.need} needed`,
    );
    expect(advanced.needed.indicators.need).to.be.greaterThan(0);
    // the order the person reads: Enhanced "Best fit" above Advanced "Not attained"
    expect(words($$(el, '[part~="chart-row"]')[4]!.querySelector('.status'))).to.match(/^Not attained/);
  });

  it('states an overlap plainly and lists the overlap items', async () => {
    const result = await assessScenario(fw, { bestFit: 'supportive', overlap: true });
    expect(result.overlap?.to).to.equal('associate');
    const el = await show(result);
    expect(words($(el, '[part~="best-fit"]'))).to.equal(`${title('supportive')}, with some practice from ${title('associate')}:`);
    const items = $$(el, '[part~="overlap"] li').map((li) => words(li));
    expect(items).to.deep.equal(result.overlap!.items.map((i) => i.title));
    await expect(el).to.be.accessible();
  });

  it('shows the plan: the competences needed and "any N of these M statements", closest first, and one next step', async () => {
    const result = await assessScenario(fw, { bestFit: 'associate', overlap: true });
    const el = await show(result);
    expect(words($(el, '#gaps-heading'))).to.equal(`To reach ${title('autonomous')}`);
    const labels = new Map(fw.scale.values.map((v) => [v.value, v.label]));
    const rowsOf = (part: string) => $$(el, `[part~="${part}"] tbody tr`);
    const { competences, indicators } = result.gaps;
    expect(competences.length).to.be.greaterThan(0);
    expect(indicators.need).to.be.greaterThan(0);
    expect(rowsOf('gap-table').map((r) => words(r.querySelector('th')))).to.deep.equal(competences.map((i) => `${i.title}, Competence`));
    rowsOf('gap-table').forEach((row, i) => expect(words(row.querySelector('td'))).to.equal(labels.get(competences[i]!.rating)));
    expect(rowsOf('gap-statements')).to.have.length(indicators.from.length);
    const headings = $$(el, '[part~="gaps"] h4').map(words);
    expect(headings).to.deep.equal([`You need these ${competences.length} competences`, `You need any ${indicators.need} of these ${indicators.from.length} statements`]);
    // closest first: ratings never rise down the list
    for (const list of [competences, indicators.from]) list.forEach((x, k) => k && expect(list[k - 1]!.rating).to.be.at.least(x.rating));
    expect(words($(el, '[part~="next-step"]'))).to.contain(`“${competences[0]!.title}”`);
    expect($$(el, '[part~="next-step"]')).to.have.length(1);
    const headers = $$(el, '[part~="gap-table"] thead th').map((th) => th.getAttribute('scope'));
    expect(headers).to.deep.equal(['col', 'col']);
    await expect(el).to.be.accessible();
  });

  it('lists gaps against a chosen target', async () => {
    const result = await assess(fw, { ratings: scenarioRatings(fw, { bestFit: 'supportive' }) }, { target: 'advanced' });
    const el = await show(result);
    expect(words($(el, '#gaps-heading'))).to.equal(`To reach ${title('advanced')}`);
    expect($$(el, '[part~="gap-table"] tbody tr')).to.have.length(result.gaps.competences.length);
  });

  it('says when the highest level is attained', async () => {
    const el = await show(await assessScenario(fw, { bestFit: 'advanced' }));
    expect(words($(el, '[part~="gaps"]'))).to.contain('You have reached the top level in this framework.');
    expect($(el, '[part~="gap-table"]')).to.not.exist;
  });

  it('says when no level is attained', async () => {
    const result = await assessScenario(fw, { bestFit: null });
    expect(result.bestFit).to.equal(null);
    const el = await show(result);
    expect(words($(el, '[part~="best-fit"]'))).to.equal('No level is attained yet');
    expect($$(el, '[part~="chart-row-best"]')).to.have.length(0);
    expect(words($(el, '#gaps-heading'))).to.equal(`To reach ${title('supportive')}`);
    await expect(el).to.be.accessible();
  });

  it('shows the explanation sentences and the role line', async () => {
    const result = await assessScenario(fw, { bestFit: 'supportive' }, { role: 'Health Care Assistant' });
    const el = await show(result);
    expect($$(el, '[part~="explanation"] li').map((li) => words(li))).to.deep.equal(result.explanation);
    expect($$(el, '[part~="explanation"]')).to.have.length(1);
    expect(words($(el, '[part~="role"]'))).to.equal(`Your role, Health Care Assistant, is listed at ${title('supportive')}.`);
  });

  it("the element's own messages say exactly what the engine's English says", async () => {
    for (const [bestFit, overlap, role] of [[null, false], ['supportive', true], ['associate', true, 'Nursing Associate'], ['autonomous', false], ['advanced', false]] as const) {
      const result = await assessScenario(fw, { bestFit, overlap }, role ? { role } : {});
      expect(formatReasons(result.reasons, fw, localMessages())).to.deep.equal(formatReasons(result.reasons, fw));
    }
    const ksb = frameworks['adult-care-pathway'];
    const r = await assess(ksb, { ratings: {} });
    expect(formatReasons(r.reasons, ksb, localMessages())).to.deep.equal(r.explanation);
  });

  it('announces a new result politely', async () => {
    const el = await show(null);
    const status = $(el, '[role="status"]')!;
    expect(words(status)).to.equal('');
    el.result = await assessScenario(fw, { bestFit: 'associate' });
    await el.updateComplete;
    expect(words($(el, '[role="status"]'))).to.equal(`Result updated. Best fit: ${title('associate')}.`);
  });

  it("uses the result's own built-in framework when none is given", async () => {
    const other = frameworks['cypf-practitioner-l4'];
    const result = await assess(other, { ratings: Object.fromEntries(other.items.map((i) => [i.id, 2])) });
    const el = await show(result);
    expect(words($(el, '[part~="framework-title"]'))).to.equal(other.title);
    expect(words($(el, '[part~="best-fit"]'))).to.equal(other.levels[0]!.title);
    expect(words($(el, '.figure'))).to.contain('requirements');
  });

  it('renders provider text that looks like markup as text', async () => {
    const framework = longTextFramework();
    const result = await assessScenario(framework, { bestFit: null });
    const el = await show(result, { framework });
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.not.exist;
    expect(root.querySelector('b')).to.not.exist;
    expect(root.textContent).to.contain('<img src=x onerror="window.__lfXss = 1">Keep records & <b>notes</b>');
    expect((window as { __lfXss?: number }).__lfXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  describe('malformed input', () => {
    const cases: [string, () => Promise<unknown>, string][] = [
      ['a string', async () => 'best fit: associate', 'result'],
      ['levels that are not an array', async () => ({ ...(await assessScenario(fw, { bestFit: 'associate' })), levels: 'nope' }), 'result.levels'],
      ['an unknown best fit', async () => ({ ...(await assessScenario(fw, { bestFit: 'associate' })), bestFit: 'expert' }), 'result.bestFit'],
      [
        'gap items without titles',
        async () => {
          const r = await assessScenario(fw, { bestFit: 'associate' });
          return { ...r, gaps: { target: r.gaps.target, items: [{ id: 'x' }] } };
        },
        'result.gaps.items[0].title',
      ],
      ['a result for another framework', async () => assessScenario(frameworks['clinical-homecare'], { bestFit: 'associate' }), 'result.frameworkId'],
    ];
    for (const [name, make, path] of cases) {
      it(`shows an inline error and fires lf-error for ${name}`, async () => {
        const value = await make();
        const framework = name === 'a result for another framework' ? 'cypf-practitioner-l4' : undefined;
        const el = document.createElement('lf-level-fit') as LfLevelFit;
        if (framework) el.setAttribute('framework', framework);
        el.result = value as LevelFit;
        const wrapper = await fixture(html`<div></div>`);
        const event = oneEvent(wrapper, 'lf-error') as Promise<LfErrorEvent>;
        wrapper.append(el);
        const { detail, bubbles, composed } = await event;
        expect(bubbles && composed).to.equal(true);
        expect(detail.issues.length).to.be.greaterThan(0);
        for (const issue of detail.issues) expect(issue).to.have.keys(['code', 'path', 'message']);
        expect(detail.issues.map((i) => i.path.join('.').replace(/\.(\d+)/g, '[$1]'))).to.include(path);
        await el.updateComplete;
        const alert = $(el, '[role="alert"]')!;
        expect(alert).to.exist;
        expect(words(alert)).to.contain('This result cannot be shown');
        expect($(el, '[part~="chart"]')).to.not.exist;
        await expect(el).to.be.accessible();
      });
    }

    it('fires lf-error once per distinct problem and clears when the result is fixed', async () => {
      const good = await assessScenario(fw, { bestFit: 'associate' });
      const el = await show(null);
      const seen: LfErrorEvent[] = [];
      el.addEventListener('lf-error', (e) => seen.push(e as LfErrorEvent));
      el.result = { ...good, levels: 'nope' } as unknown as LevelFit;
      await el.updateComplete;
      el.heading = 'Re-rendered';
      await el.updateComplete;
      expect(seen).to.have.length(1);
      el.result = good;
      await el.updateComplete;
      expect($(el, '[role="alert"]')).to.not.exist;
      expect($(el, '[part~="chart"]')).to.exist;
    });

    it('reports an unknown framework id', async () => {
      const el = document.createElement('lf-level-fit') as LfLevelFit;
      el.setAttribute('framework', 'no-such-framework');
      const wrapper = await fixture(html`<div></div>`);
      const event = oneEvent(wrapper, 'lf-error') as Promise<LfErrorEvent>;
      wrapper.append(el);
      const { detail } = await event;
      expect(detail.issues[0]!.path).to.deep.equal(['framework']);
      expect($(el, '[role="alert"]')).to.exist;
    });
  });

  it('prints without the print button and without shadows', async () => {
    const el = await show(await assessScenario(fw, { bestFit: 'associate', overlap: true }));
    const button = $<HTMLButtonElement>(el, '[part~="print-button"]')!;
    expect(button).to.exist;
    expect(getComputedStyle(button).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(button).display).to.equal('none');
    expect(getComputedStyle($(el, '[part~="summary"]')!).boxShadow).to.equal('none');
    expect(getComputedStyle($(el, '[part~="chart-row"]')!).breakInside).to.equal('avoid');
  });

  it('hides the print button with no-print-button', async () => {
    const result = await assessScenario(fw, { bestFit: 'associate' });
    const el = await fixture<LfLevelFit>(html`<lf-level-fit no-print-button .result=${result}></lf-level-fit>`);
    expect($(el, '[part~="print-button"]')).to.not.exist;
  });

  it('prints for a review meeting: name (as text), date, framework and version, a notes box, each level whole', async () => {
    const result = await assessScenario(fw, { bestFit: 'associate', overlap: true });
    const el = await fixture<LfLevelFit>(html`<lf-level-fit person-name="<b>Sam</b> Jones" .result=${result}></lf-level-fit>`);
    await el.updateComplete;
    const header = $(el, '[part~="print-header"]')!;
    const notes = $(el, '[part~="print-notes"]')!;
    expect(getComputedStyle(header).display).to.equal('none');
    expect(getComputedStyle(notes).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(header).display).to.not.equal('none');
    expect(getComputedStyle(notes).display).to.not.equal('none');
    expect(words(header)).to.contain('Name <b>Sam</b> Jones');
    expect(header.querySelector('b')).to.not.exist;
    expect(words(header)).to.contain(`${fw.title}, version ${fw.version}`);
    expect(words(header)).to.contain(String(new Date().getFullYear()));
    expect(getComputedStyle(notes).breakInside).to.equal('avoid');
    el.personName = null;
    await el.updateComplete;
    expect(words($(el, '[part~="print-header"]'))).to.not.contain('Name');
  });
});
