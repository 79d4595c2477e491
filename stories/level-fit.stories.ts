import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { confirmLevel, type AssessmentRecord, type ConfirmedLevel, type Framework, type LevelFit } from '@levelfit/engine';
import '../packages/elements/src/level-fit/define.js';
import { assessScenario, clinicalHomecare, longTextFramework, type Scenario } from './support/scenarios.js';
import { inReviewRecord, reviewFramework, signedOffRecord } from './support/review-records.js';

interface Args {
  framework: string;
  heading: string;
  noPrintButton: boolean;
}

interface Loaded {
  result?: unknown;
  framework?: Framework;
  record?: AssessmentRecord;
  confirmation?: ConfirmedLevel;
}

/** A loader that runs the real engine on a scenario (results are never written by hand). */
const scenario =
  (s: Scenario, options?: { role?: string }) =>
  async (): Promise<Loaded> => ({ result: await assessScenario(clinicalHomecare(), s, options) });

const meta: Meta<Args> = {
  title: 'Elements/Level fit',
  component: 'lf-level-fit',
  tags: ['autodocs'],
  args: { framework: '', heading: '', noPrintButton: false },
  argTypes: {
    framework: { control: 'text', description: 'Built-in framework id or URL (empty: the result’s own framework)' },
    heading: { control: 'text' },
    noPrintButton: { control: 'boolean', name: 'no-print-button' },
  },
  render: (args, { loaded }) => {
    const { result = null, framework, record = null, confirmation = null } = loaded as Loaded;
    return html`<lf-level-fit
      .framework=${framework ?? (args.framework || null)}
      heading=${args.heading || nothing}
      ?no-print-button=${args.noPrintButton}
      .result=${result as LevelFit | null}
      .record=${record}
      .confirmation=${confirmation}
    ></lf-level-fit>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Before the person has submitted: the empty state. */
export const Empty: Story = {};

export const SupportiveBestFit: Story = { loaders: [scenario({ bestFit: 'supportive' })] };
export const AssociateBestFit: Story = { loaders: [scenario({ bestFit: 'associate' })] };
export const AutonomousBestFit: Story = { loaders: [scenario({ bestFit: 'autonomous' })] };
export const EnhancedBestFit: Story = { loaders: [scenario({ bestFit: 'enhanced' })] };
/** The top level: nothing left to reach. */
export const AdvancedBestFit: Story = { loaders: [scenario({ bestFit: 'advanced' })] };

/** "Supportive Level Practice, with Associate-level practice in: …" */
export const Overlap: Story = { loaders: [scenario({ bestFit: 'supportive', overlap: true })] };

/** Overlap where the level above adds competences as well as indicators. */
export const OverlapWithAddedCompetence: Story = { loaders: [scenario({ bestFit: 'associate', overlap: true })] };

export const NoLevelAttained: Story = { loaders: [scenario({ bestFit: null })] };

/** The person picked an indicative role in the form. */
export const WithRole: Story = { loaders: [scenario({ bestFit: 'supportive' }, { role: 'Health Care Assistant' })] };

/** Very long titles and item text (one of them looks like markup and must show as text). */
export const LongText: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const framework = longTextFramework();
      return { framework, result: await assessScenario(framework, { bestFit: 'associate', overlap: true }) };
    },
  ],
};

/** Themed from the host page with `--lf-*` custom properties and `::part`. */
export const CustomTheme: Story = {
  loaders: [scenario({ bestFit: 'autonomous', overlap: true })],
  render: (args, context) => html`
    <style>
      .nhs-theme lf-level-fit {
        --lf-font-family: Frutiger, Arial, sans-serif;
        --lf-color-brand: #005eb8;
        --lf-color-text: #212b32;
        --lf-color-text-secondary: #4c6272;
        --lf-color-surface: #f0f4f5;
        --lf-bar-color: #007f3b;
        --lf-bar-color-partial: #4c6272;
        --lf-radius: 4px;
      }
      .nhs-theme lf-level-fit::part(heading) {
        color: #005eb8;
      }
      .nhs-theme lf-level-fit::part(summary) {
        border-left-color: #007f3b;
      }
    </style>
    <div class="nhs-theme">${meta.render!(args, context)}</div>
  `,
};

/** A result of the wrong shape (a real result, corrupted): an inline error and `lf-error`, never a blank. */
export const MalformedResult: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const real = await assessScenario(clinicalHomecare(), { bestFit: 'associate' });
      return { result: { ...real, bestFit: 'expert', levels: 'not an array' } };
    },
  ],
};

/** A signed-off review: self-assessed and confirmed levels side by side, differences first, and the record that prints. */
export const SelfAndConfirmed: Story = {
  loaders: [async (): Promise<Loaded> => ({ framework: reviewFramework, record: await signedOffRecord() })],
};

/** A review in progress (`confirmLevel` output): four items not reviewed yet count as not yet met. */
export const ReviewInProgress: Story = {
  loaders: [async (): Promise<Loaded> => ({ framework: reviewFramework, confirmation: await confirmLevel(reviewFramework, inReviewRecord()) })],
};

/** A record that is not one: the inline error. */
export const MalformedRecord: Story = {
  loaders: [async (): Promise<Loaded> => ({ framework: reviewFramework, record: { format: 1, status: 'signed-off' } as unknown as AssessmentRecord })],
};
