import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/career-levels/define.js';

interface Args {
  framework: string;
  current: string;
  heading: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Career levels',
  component: 'lf-career-levels',
  tags: ['autodocs'],
  args: { framework: 'clinical-homecare', current: '', heading: '' },
  argTypes: {
    framework: { control: 'text', description: 'Built-in framework id or URL' },
    current: {
      control: 'select',
      options: ['', 'supportive', 'associate', 'autonomous', 'enhanced', 'advanced'],
    },
    heading: { control: 'text' },
  },
  render: (args) =>
    html`<lf-career-levels
      framework=${args.framework || nothing}
      current=${args.current || nothing}
      heading=${args.heading || nothing}
    ></lf-career-levels>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Every level of the clinical homecare framework. */
export const AllLevels: Story = {};

/** The person's current level is marked in words, with a border and `aria-current`. */
export const CurrentLevel: Story = { args: { current: 'autonomous' } };

/** `current` names no level: an inline error above the cards, and `lf-error`. */
export const UnknownCurrentLevel: Story = { args: { current: 'expert' } };
