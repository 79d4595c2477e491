import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../packages/elements/src/quiz/quiz.js';
import { createQuizDraft, quizDraftKey, serializeQuizDraft } from '../packages/elements/src/drafts/quiz-envelope.js';
import { clinicalHomecareBank, correctAnswers, longTextBank, wrongAnswers } from './support/quiz-bank.js';
import { trustTheme } from './support/theme.js';

interface Args {
  bank: string;
  feedback: 'immediate' | 'none';
  target: string;
  storage: 'local' | 'session' | 'none';
  assessmentKey: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Quiz',
  component: 'lf-quiz',
  tags: ['autodocs'],
  // Stories never share drafts with each other or with a real page.
  args: { bank: 'clinical-homecare-core', feedback: 'immediate', target: '', storage: 'none', assessmentKey: '' },
  argTypes: {
    bank: { control: 'select', options: ['clinical-homecare-core', 'lead-practitioner-ksb'], description: 'Built-in bank id or URL' },
    feedback: { control: 'inline-radio', options: ['immediate', 'none'] },
    target: { control: 'select', options: ['', 'supportive', 'associate', 'autonomous', 'enhanced', 'advanced'] },
    storage: { control: 'inline-radio', options: ['local', 'session', 'none'] },
    assessmentKey: { control: 'text', name: 'assessment-key' },
  },
  render: (args) =>
    html`<lf-quiz
      bank=${args.bank || nothing}
      feedback=${args.feedback}
      target=${args.target || nothing}
      storage=${args.storage}
      assessment-key=${args.assessmentKey || nothing}
    ></lf-quiz>`,
};
export default meta;

type Story = StoryObj<Args>;

const BANK_ID = 'clinical-homecare-core';

/** Writes a draft to sessionStorage the way the element saves it, for the story's assessment key. */
function draftLoader(key: string, state: (bank: ReturnType<typeof clinicalHomecareBank>) => Parameters<typeof createQuizDraft>[1]) {
  return async () => {
    const bank = clinicalHomecareBank();
    const draft = createQuizDraft(bank, state(bank), new Date('2026-11-20T10:30:00Z'));
    sessionStorage.setItem(quizDraftKey(BANK_ID, key), serializeQuizDraft(draft));
    return {};
  };
}

/** The quiz element in a story's canvas, once it has loaded. */
async function quizIn(canvasElement: HTMLElement): Promise<LfQuiz> {
  const el = canvasElement.querySelector('lf-quiz');
  if (!el) throw new Error('no <lf-quiz> in the story');
  await el.updateComplete;
  return el;
}

/** The first question of the built-in clinical homecare bank. */
export const Empty: Story = {};

/** A draft saved part-way through: the element restores it, says so, and opens on the fourth question. */
export const PartlyAnswered: Story = {
  args: { storage: 'session', assessmentKey: 'storybook-quiz-partly' },
  loaders: [
    draftLoader('storybook-quiz-partly', (bank) => ({
      answers: { ...correctAnswers(bank, 2), ...wrongAnswers({ questions: bank.questions.slice(2, 3) }) },
      step: 3,
      revealed: bank.questions.slice(0, 3).map((q) => q.id),
    })),
  ],
};

/** The feedback on a wrong answer to a multiple-answer question (restored from a draft). */
export const FeedbackShown: Story = {
  args: { storage: 'session', assessmentKey: 'storybook-quiz-feedback' },
  loaders: [
    draftLoader('storybook-quiz-feedback', (bank) => ({
      // One right and one wrong option (not "the first option", which may itself be the wrong one).
      answers: {
        ...correctAnswers(bank, 1),
        [bank.questions[1]!.id]: [bank.questions[1]!.options.find((o) => o.correct)!.id, bank.questions[1]!.options.find((o) => !o.correct)!.id],
      },
      step: 1,
      revealed: [bank.questions[0]!.id, bank.questions[1]!.id],
    })),
  ],
};

/** Continue with no answer: the error summary (focused) and the inline error. */
export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    const el = await quizIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button-continue"]')!.click();
    await el.updateComplete;
  },
};

/** Every question answered: "Check your answers", before Submit (restored from a draft). */
export const CheckAnswers: Story = {
  args: { storage: 'session', assessmentKey: 'storybook-quiz-check' },
  loaders: [
    draftLoader('storybook-quiz-check', (bank) => ({
      answers: { ...correctAnswers(bank), ...wrongAnswers(bank, 3) },
      step: bank.questions.length,
      revealed: bank.questions.map((q) => q.id),
    })),
  ],
};

/** The first question on a 320 px phone (Storybook's "Small mobile" viewport). */
export const Mobile: Story = {
  name: 'Mobile (320 px)',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

/** Every answer right: submitted and scored by the engine. */
export const ResultsPass: Story = {
  args: { storage: 'session', assessmentKey: 'storybook-quiz-pass' },
  loaders: [draftLoader('storybook-quiz-pass', (bank) => ({ answers: correctAnswers(bank), step: bank.questions.length, revealed: [] }))],
  play: async ({ canvasElement }) => {
    const el = await quizIn(canvasElement);
    await el.submit();
    await el.updateComplete;
  },
};

/** Mostly wrong answers: below the pass mark. */
export const ResultsFail: Story = {
  args: { storage: 'session', assessmentKey: 'storybook-quiz-fail' },
  loaders: [
    draftLoader('storybook-quiz-fail', (bank) => ({
      answers: { ...wrongAnswers(bank), ...correctAnswers(bank, 5) },
      step: bank.questions.length,
      revealed: [],
    })),
  ],
  play: ResultsPass.play!,
};

/** An assessment, as when the quiz reports to an LMS: the page says the first checked answer counts and is locked. */
export const Assessment: Story = {
  render: () => html`<lf-quiz storage="none" mode="assessment" bank="clinical-homecare-core"></lf-quiz>`,
};

/** A bank object that is not a question bank: the inline error and `lf-error`. */
export const MalformedBank: Story = {
  render: () => html`<lf-quiz storage="none" .bank=${{ id: 'broken-bank', title: 'Broken', questions: 'not a list' }}></lf-quiz>`,
};

/** Very long prompts, scenarios and options (and text that looks like markup, shown as text). */
export const LongText: Story = {
  render: (args) => html`<lf-quiz storage="none" feedback=${args.feedback} .bank=${longTextBank()}></lf-quiz>`,
};

/** Themed from the host page. */
export const CustomTheme: Story = {
  render: (args, context) => trustTheme(meta.render!(args, context)),
};
