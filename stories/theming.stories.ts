import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/self-assessment/define.js';
import '../packages/elements/src/level-fit/define.js';
import '../packages/elements/src/career-levels/define.js';
import type { LevelFit } from '@levelfit/engine';
import { assessScenario, clinicalHomecare } from './support/scenarios.js';
import { changedTokens, designTokens, groupOf, isColour } from './support/tokens.js';

/**
 * Every `--lf-*` design token, its default and a control. A provider themes all of levelfit from the host
 * page, for example `lf-self-assessment, lf-level-fit { --lf-color-brand: #005eb8; }`. Change a control to
 * restyle the preview below the table; a token left at its default is not set, so tokens that default to
 * another token (`var(--lf-color-brand)`) keep following it.
 */

type Args = Record<string, string>;

const tokens = designTokens();

const argTypes: ArgTypes<Args> = Object.fromEntries(
  tokens.map((t) => [
    t.name,
    {
      name: t.name,
      control: isColour(t) ? 'color' : 'text',
      description: `${t.description} Read by ${t.elements.map((e) => `<${e}>`).join(', ')}.`,
      table: { category: groupOf(t), defaultValue: { summary: t.default }, type: { summary: isColour(t) ? 'colour' : 'CSS value' } },
    },
  ]),
);

const meta: Meta<Args> = {
  title: 'Theming/Design tokens',
  tags: ['autodocs'],
  args: Object.fromEntries(tokens.map((t) => [t.name, t.default])),
  argTypes,
  parameters: { controls: { expanded: true, sort: 'alpha' } },
  loaders: [async () => ({ result: await assessScenario(clinicalHomecare(), { bestFit: 'associate', overlap: true }) })],
  render: (args, { loaded }) => {
    const changed = changedTokens(tokens, args);
    return html`
      <style>
        .lf-token-page { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; }
        .lf-token-table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
        .lf-token-table caption { text-align: left; font-weight: 700; font-size: 1.2rem; padding-bottom: 0.5rem; }
        .lf-token-table th, .lf-token-table td { text-align: left; vertical-align: top; padding: 0.4rem 0.75rem 0.4rem 0; border-bottom: 1px solid #b1b4b6; }
        .lf-token-table small { color: #505a5f; }
        .lf-token-preview > * { margin-bottom: 2rem; }
      </style>
      <div class="lf-token-page">
      <table class="lf-token-table">
        <caption>
          ${tokens.length} design tokens (${Object.keys(changed).length} changed)
        </caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Default</th>
            <th scope="col">Now</th>
            <th scope="col">What it styles</th>
          </tr>
        </thead>
        <tbody>
          ${tokens.map(
            (t) => html`<tr data-token=${t.name}>
              <th scope="row"><code>${t.name}</code></th>
              <td><code>${t.default}</code></td>
              <td>${changed[t.name] !== undefined ? html`<code>${changed[t.name]}</code>` : nothing}</td>
              <td>${t.description} <small>(${t.elements.join(', ')})</small></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Preview</h2>
      <div class="lf-token-preview" style=${styleMap(changed)}>
        <lf-self-assessment storage="none" role-picker></lf-self-assessment>
        <lf-level-fit .result=${(loaded as { result: LevelFit }).result}></lf-level-fit>
        <lf-career-levels current="associate"></lf-career-levels>
      </div>
      </div>
    `;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Every token at its default (GOV.UK / NHS.UK-like). */
export const Tokens: Story = {};

/** A provider's theme: an NHS-trust-like purple, a serif font and rounded corners. */
export const TrustTheme: Story = {
  args: {
    '--lf-font-family': "Georgia, 'Times New Roman', serif",
    '--lf-color-brand': '#330072',
    '--lf-color-link': '#330072',
    '--lf-color-focus': '#ffb81c',
    '--lf-radius': '6px',
    '--lf-button-shadow': '#1d0041',
  },
};
