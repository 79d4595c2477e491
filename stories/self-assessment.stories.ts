import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/self-assessment/define.js';
import { createDraft, draftKey, serializeDraft } from '../packages/elements/src/drafts/envelope.js';
import { encodeSubmission, submissionKey } from '../packages/elements/src/self-assessment/submission.js';
import { assess } from '@levelfit/engine';
import { clinicalHomecare, scenarioRatings } from './support/scenarios.js';
import { dismissNotices, formIn, goToCheckAnswers, goToStep, otherTabWrites, personaRatings, press, submitAll } from './support/journey.js';
import { trustTheme } from './support/theme.js';

interface Args {
  framework: string;
  target: string;
  rolePicker: boolean;
  storage: 'local' | 'session' | 'none';
  assessmentKey: string;
  stepSize: number;
  startPage: boolean;
  sent: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Self-assessment',
  component: 'lf-self-assessment',
  tags: ['autodocs'],
  // Stories never share drafts with each other or with a real page.
  args: { framework: 'clinical-homecare', target: '', rolePicker: false, storage: 'none', assessmentKey: '', stepSize: 12, startPage: false, sent: false },
  argTypes: {
    framework: { control: 'text', description: 'Built-in framework id or URL' },
    target: { control: 'select', options: ['', 'supportive', 'associate', 'autonomous', 'enhanced', 'advanced'] },
    rolePicker: { control: 'boolean', name: 'role-picker' },
    storage: { control: 'inline-radio', options: ['local', 'session', 'none'] },
    assessmentKey: { control: 'text', name: 'assessment-key' },
    stepSize: { control: { type: 'number', min: 1, max: 50 }, name: 'step-size' },
    startPage: { control: 'boolean', name: 'start-page' },
    sent: { control: 'boolean' },
  },
  render: (args) =>
    html`<lf-self-assessment
      framework=${args.framework || nothing}
      target=${args.target || nothing}
      ?role-picker=${args.rolePicker}
      storage=${args.storage}
      assessment-key=${args.assessmentKey || nothing}
      step-size=${args.stepSize}
      ?start-page=${args.startPage}
      ?sent=${args.sent}
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

// ---- The journey, state by state. Each story reaches its state the way a person does (see support/journey.ts). ----

/** The optional start page: what this is, how many questions and about how long, and that answers are saved. */
export const StartPage: Story = { args: { startPage: true, storage: 'session', assessmentKey: 'storybook-start-page' } };

/** A step of the journey, reached by answering the steps before it as the Level 2 persona. */
const atStep = (n: number): Story => ({
  name: `Step ${n}`,
  play: async ({ canvasElement }) => goToStep(await formIn(canvasElement), n),
});

/** Step 1 of 7 (without the role picker; `Default` shows it with one). */
export const Step1: Story = atStep(1);
export const Step2: Story = atStep(2);
export const Step3: Story = atStep(3);
export const Step4: Story = atStep(4);
export const Step5: Story = atStep(5);
export const Step6: Story = atStep(6);
export const Step7: Story = atStep(7);

/** Continue with nothing answered: the error summary (focused) and an inline error on every question. */
export const ErrorSummary: Story = {
  name: 'Missing answers (error summary)',
  play: async ({ canvasElement }) => press(await formIn(canvasElement), 'button-continue'),
};

/** Every step answered: "Check your answers", one collapsible section per step (the first opened). */
export const CheckAnswers: Story = {
  play: async ({ canvasElement }) => {
    const el = await formIn(canvasElement);
    await goToCheckAnswers(el);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~="check-section"]')!.open = true;
  },
};

/** Submitted and scored by the engine: "Your result is ready" with the best fit. */
export const Submitted: Story = {
  name: 'Submitted (result ready)',
  play: async ({ canvasElement }) => submitAll(await formIn(canvasElement)),
};

/** Submitted on a page whose host has sent the result on (the `sent` attribute). */
export const SubmittedAndSent: Story = {
  name: 'Submitted (result sent)',
  args: { sent: true },
  play: Submitted.play!,
};

/** "Start again" asks first and says what happens to the result shown. */
export const StartAgain: Story = {
  name: 'Start again?',
  play: async ({ canvasElement }) => {
    const el = await formIn(canvasElement);
    await submitAll(el);
    await press(el, 'button-restart');
  },
};

const KEPT_KEY = 'storybook-kept-result';

/**
 * A reload after submitting: the submission kept on this device (written by the loader in the element's
 * format, with a result the engine scored) is shown again as "Your result from 2 December 2026".
 */
export const KeptResult: Story = {
  name: 'Result kept after a reload',
  args: { storage: 'session', assessmentKey: KEPT_KEY },
  loaders: [
    async () => {
      const framework = clinicalHomecare();
      const responses = { ratings: personaRatings() };
      const result = await assess(framework, responses);
      const submission = {
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        submittedAt: '2026-12-02T09:30:00.000Z',
        responses,
        role: null,
        result,
      };
      sessionStorage.setItem(submissionKey(framework.id, KEPT_KEY), encodeSubmission(submission));
      return {};
    },
  ],
};

const CONFLICT_KEY = 'storybook-two-tabs';

/**
 * The same draft open in two tabs: this tab changes the first answer while the other tab saves a different
 * one. The element does not overwrite either; it asks which answers to keep.
 */
export const TwoTabConflict: Story = {
  name: 'Two tabs changed the same answer',
  args: { storage: 'session', assessmentKey: CONFLICT_KEY },
  loaders: [
    async () => {
      const framework = clinicalHomecare();
      const first = framework.items[0]!.id;
      const [low] = framework.scale.values.map((v) => v.value);
      const draft = createDraft(framework, { ratings: { [first]: low! }, step: 0, role: null }, new Date('2026-12-02T09:10:00Z'), {
        revision: 1,
        writer: 'storybook-other-tab',
      });
      sessionStorage.setItem(draftKey(framework.id, CONFLICT_KEY), serializeDraft(draft));
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    const el = await formIn(canvasElement);
    await dismissNotices(el);
    const framework = clinicalHomecare();
    const first = framework.items[0]!.id;
    const values = framework.scale.values.map((v) => v.value);
    // Here: the second value; in the other tab, a minute later: the third.
    el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${first}"][value="${values[1]}"]`)!.click();
    const theirs = createDraft(framework, { ratings: { [first]: values[2]! }, step: 0, role: null }, new Date('2026-12-02T09:11:00Z'), {
      revision: 2,
      writer: 'storybook-other-tab',
    });
    otherTabWrites(sessionStorage, draftKey(framework.id, CONFLICT_KEY), serializeDraft(theirs));
    await el.updateComplete;
  },
};

/** The first step on a 320 px phone (Storybook's "Small mobile" viewport), with the role picker. */
export const Mobile: Story = {
  name: 'Mobile (320 px)',
  args: { rolePicker: true },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

/** "Check your answers" on a 320 px phone. */
export const MobileCheckAnswers: Story = {
  name: 'Mobile: check answers',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: CheckAnswers.play!,
};
