/**
 * The theming page: it lists every `--lf-*` token of the manifest once, with its default, and its controls
 * really restyle the preview (a changed token reaches the elements' shadow DOM; a token at its default is
 * left unset so derived tokens keep following their base).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import manifest from '../../packages/elements/custom-elements.json';
import * as theming from '../../stories/theming.stories.js';

type Args = Record<string, string>;
interface MetaLike {
  args: Args;
  loaders: ((context: unknown) => Promise<Record<string, unknown>>)[];
  render: (args: Args, context: Record<string, unknown>) => TemplateResult;
  argTypes: Record<string, { control?: unknown; table?: { defaultValue?: { summary?: string } } }>;
}
const meta = theming.default as unknown as MetaLike;

async function renderWith(args: Args): Promise<HTMLElement> {
  const loaded = Object.assign({}, ...(await Promise.all(meta.loaders.map((l) => l({})))));
  const wrapper = await fixture<HTMLElement>(html`<div>${meta.render({ ...meta.args, ...args }, { loaded, args })}</div>`);
  for (const el of wrapper.querySelectorAll<LitElement>('lf-self-assessment, lf-level-fit, lf-career-levels')) await el.updateComplete;
  return wrapper;
}

const continueBackground = (wrapper: HTMLElement): string => {
  const el = wrapper.querySelector('lf-self-assessment')!;
  return getComputedStyle(el.shadowRoot!.querySelector('button[part~="button-continue"]')!).backgroundColor;
};

describe('theming story', () => {
  afterEach(() => fixtureCleanup());

  it('lists every --lf-* token in the manifest once, with its default, and has a control for each', async function () {
    this.timeout(60000); // axe walks the whole page, three elements' shadow trees included
    const expected = new Map<string, string>();
    for (const m of (manifest as { modules: { declarations?: { tagName?: string; cssProperties?: { name: string; default?: string }[] }[] }[] }).modules)
      for (const d of m.declarations ?? []) for (const p of d.cssProperties ?? []) expected.set(p.name, p.default ?? '');
    expect(expected.size).to.be.greaterThan(30);
    const wrapper = await renderWith({});
    const rows = [...wrapper.querySelectorAll<HTMLTableRowElement>('tr[data-token]')];
    expect(rows.map((r) => r.dataset.token).sort()).to.deep.equal([...expected.keys()].sort());
    for (const row of rows) expect(row.cells[0]!.textContent!.trim() === row.dataset.token && row.cells[1]!.textContent!.trim()).to.equal(expected.get(row.dataset.token!));
    expect(Object.keys(meta.argTypes).sort()).to.deep.equal([...expected.keys()].sort());
    for (const [name, def] of expected) {
      expect(meta.args[name], name).to.equal(def);
      expect(meta.argTypes[name]!.table!.defaultValue!.summary, name).to.equal(def);
      expect(meta.argTypes[name]!.control, name).to.be.oneOf(['color', 'text']);
    }
    await expect(wrapper.querySelector('table')).to.be.accessible();
  });

  it('a control restyles the preview; a derived token follows its base', async () => {
    const plain = await renderWith({});
    expect(continueBackground(plain)).to.equal('rgb(29, 112, 184)'); // --lf-color-brand's default, #1d70b8
    expect(plain.querySelector<HTMLElement>('.lf-token-preview')!.style.length, 'nothing set at the defaults').to.equal(0);
    fixtureCleanup();
    // --lf-button-background defaults to var(--lf-color-brand): changing the brand alone changes the button.
    const themed = await renderWith({ '--lf-color-brand': '#330072' });
    expect(continueBackground(themed)).to.equal('rgb(51, 0, 114)');
    expect(themed.querySelector('tr[data-token="--lf-color-brand"]')!.textContent).to.contain('#330072');
    fixtureCleanup();
    const both = await renderWith({ '--lf-color-brand': '#330072', '--lf-button-background': '#00703c' });
    expect(continueBackground(both)).to.equal('rgb(0, 112, 60)');
  });

  it('the trust theme story sets its tokens', async () => {
    const wrapper = await renderWith((theming.TrustTheme as { args: Args }).args);
    expect(continueBackground(wrapper)).to.equal('rgb(51, 0, 114)');
    expect(getComputedStyle(wrapper.querySelector('lf-self-assessment')!).fontFamily).to.contain('Georgia');
  });
});
