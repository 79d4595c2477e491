import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/self-assessment/define.js';
import { createDraft, draftKey, serializeDraft } from '../packages/elements/src/drafts/envelope.js';
import { clinicalHomecare, scenarioRatings } from './support/scenarios.js';
import { trustTheme } from './support/theme.js';

interface Args {
  framework: string;
  target: string;
  rolePicker: boolean;
  storage: 'local' | 'session' | 'none';
  assessmentKey: string;
  stepSize: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Self-assessment',
  component: 'lf-self-assessment',
  tags: ['autodocs'],
  // Stories never share drafts with each other or with a real page.
  args: { framework: 'clinical-homecare', target: '', rolePicker: false, storage: 'none', assessmentKey: '', stepSize: 10 },
  argTypes: {
    framework: { control: 'text', description: 'Built-in framework id or URL' },
    target: { control: 'select', options: ['', 'supportive', 'associate', 'autonomous', 'enhanced', 'advanced'] },
    rolePicker: { control: 'boolean', name: 'role-picker' },
    storage: { control: 'inline-radio', options: ['local', 'session', 'none'] },
    assessmentKey: { control: 'text', name: 'assessment-key' },
    stepSize: { control: { type: 'number', min: 1, max: 50 }, name: 'step-size' },
  },
  render: (args) =>
    html`<lf-self-assessment
      framework=${args.framework || nothing}
      target=${args.target || nothing}
      ?role-picker=${args.rolePicker}
      storage=${args.storage}
      assessment-key=${args.assessmentKey || nothing}
      step-size=${args.stepSize}
    ></lf-self-assessment>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The first step of the clinical homecare self-assessment, with the optional role picker. */
export const Default: Story = { args: { rolePicker: true } };

const PARTLY_KEY = 'storybook-partly-answered';

/**
 * A draft saved part-way through (written to sessionStorage by the loader, the way the element saves it):
 * the element restores it, says so, and opens on the second step.
 */
export const PartlyAnswered: Story = {
  args: { storage: 'session', assessmentKey: PARTLY_KEY },
  loaders: [
    async () => {
      const framework = clinicalHomecare();
      const all = scenarioRatings(framework, { bestFit: 'supportive' });
      const ratings = Object.fromEntries(Object.entries(all).slice(0, 12));
      const draft = createDraft(framework, { ratings, step: 1, role: null }, new Date('2025-03-14T10:30:00Z'));
      sessionStorage.setItem(draftKey(framework.id, PARTLY_KEY), serializeDraft(draft));
      return {};
    },
  ],
};

/** A framework id that is not built in: the inline error and `lf-error`. */
export const FrameworkError: Story = { name: 'Error', args: { framework: 'no-such-framework' } };

/** Themed from the host page. */
export const CustomTheme: Story = {
  render: (args, context) => trustTheme(meta.render!(args, context)),
};
