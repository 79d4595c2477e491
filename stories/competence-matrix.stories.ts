import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/competence-matrix/define.js';
import { clinicalHomecare, scenarioRatings } from './support/scenarios.js';

interface Args {
  framework: string;
  caption: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Competence matrix',
  component: 'lf-competence-matrix',
  tags: ['autodocs'],
  args: { framework: 'clinical-homecare', caption: '' },
  argTypes: {
    framework: { control: 'text', description: 'Built-in framework id or URL' },
    caption: { control: 'text' },
  },
  render: (args, { loaded }) =>
    html`<lf-competence-matrix
      framework=${args.framework || nothing}
      caption=${args.caption || nothing}
      .ratings=${(loaded as { ratings?: Record<string, number> }).ratings ?? null}
    ></lf-competence-matrix>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The 23 common and core competences against the five levels. */
export const Plain: Story = {};

/** With a person's ratings (an associate-level person whose practice overlaps into autonomous). */
export const WithRatings: Story = {
  loaders: [async () => ({ ratings: scenarioRatings(clinicalHomecare(), { bestFit: 'associate', overlap: true }) })],
};

/** Another built-in framework: an apprenticeship standard's knowledge, skills and behaviours at one level. */
export const SingleLevelStandard: Story = { args: { framework: 'cypf-practitioner-l4' } };
