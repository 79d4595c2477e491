/**
 * Question banks and answers for `<lf-quiz>` stories and tests (STYLE #9: factories, not copied fixtures).
 * Every score shown comes from the engine's `scoreQuiz` run on these answers; picking the options a bank
 * marks correct (or not) is only how a story chooses what the person answered.
 */
import { quizzes, type QuestionBank, type QuizAnswers } from '@levelfit/engine';

export interface FactoryQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false' | 'scenario';
  prompt: string;
  scenario?: string;
  options: { id: string; text: string; correct: boolean }[];
  items: string[];
  feedback: { correct: string; incorrect: string };
  weight?: number;
  reference?: string;
}

export interface FactoryBank {
  id: string;
  title: string;
  version: string;
  framework: string;
  passMark: number;
  questions: FactoryQuestion[];
  [key: string]: unknown;
}

/**
 * A four-question bank against the built-in clinical-homecare framework, one question of each type:
 * `hand-wash` (single, `a`), `five-moments` (multiple, `a` + `b`), `alcohol-rub` (true-false, `false`),
 * `needle` (scenario, `a`). Pass mark 0.75. Its options keep the bank's order (`delivery.shuffle.options: false`)
 * so stories and tests can name them by position; the built-in banks shuffle them.
 */
export function makeBank(overrides: Partial<FactoryBank> = {}): FactoryBank {
  return {
    id: 'test-bank',
    title: 'Test bank: hand hygiene and sharps',
    version: '1.0',
    framework: 'clinical-homecare',
    passMark: 0.75,
    delivery: { shuffle: { options: false } },
    questions: [
      {
        id: 'hand-wash',
        type: 'single',
        prompt: 'Your hands are visibly soiled. How should you clean them?',
        options: [
          { id: 'a', text: 'Soap and warm running water', correct: true },
          { id: 'b', text: 'Alcohol hand rub', correct: false },
          { id: 'c', text: 'A new pair of gloves', correct: false },
        ],
        items: ['hand-hygiene'],
        feedback: { correct: 'Right: soap and water remove visible dirt.', incorrect: 'Not quite: visible dirt needs soap and water.' },
        reference: 'NHS England National infection prevention and control manual',
      },
      {
        id: 'five-moments',
        type: 'multiple',
        prompt: 'Which of these are moments for hand hygiene?',
        options: [
          { id: 'a', text: 'Before touching a patient', correct: true },
          { id: 'b', text: 'After touching a patient', correct: true },
          { id: 'c', text: 'Only at the end of the shift', correct: false },
        ],
        items: ['hand-hygiene'],
        feedback: { correct: 'Yes: before and after touching a patient.', incorrect: 'Hand hygiene is before and after touching a patient.' },
      },
      {
        id: 'alcohol-rub',
        type: 'true-false',
        prompt: 'True or false: alcohol rub kills C. difficile spores.',
        options: [
          { id: 'true', text: 'True', correct: false },
          { id: 'false', text: 'False', correct: true },
        ],
        items: ['hand-hygiene', 'reduce-health-safety-risks'],
        feedback: { correct: 'Correct: it does not; use soap and water.', incorrect: 'Alcohol does not kill the spores; use soap and water.' },
      },
      {
        id: 'needle',
        type: 'scenario',
        scenario: 'You prick your finger on a used needle while clearing up after an injection at a patient’s home.',
        prompt: 'What should you do first?',
        options: [
          { id: 'a', text: 'Encourage it to bleed, wash it under running water and report it', correct: true },
          { id: 'b', text: 'Suck the wound and carry on', correct: false },
        ],
        items: ['reduce-health-safety-risks'],
        feedback: { correct: 'Right: bleed, wash, cover, report.', incorrect: 'Encourage bleeding, wash with soap and water, cover, and report it at once.' },
      },
    ],
    ...overrides,
  };
}

/** Bank text that looks like markup: it must show as text. */
export const XSS_TEXT = '<img src=x onerror="window.__lfQuizXss = 1"><b>bold</b>';

/** `makeBank` with markup-looking prompt, scenario, option and feedback text. */
export function xssBank(): FactoryBank {
  const bank = makeBank({ id: 'xss-bank', title: `${XSS_TEXT} bank` });
  const [first, , , scenario] = bank.questions;
  first!.prompt = `${XSS_TEXT} prompt`;
  first!.options[0]!.text = `${XSS_TEXT} option`;
  first!.feedback.correct = `${XSS_TEXT} feedback`;
  scenario!.scenario = `${XSS_TEXT} scenario`;
  return bank;
}

/** The options a bank marks correct, for every question (or the first `count`). */
export function correctAnswers(bank: Pick<QuestionBank, 'questions'>, count = bank.questions.length): QuizAnswers {
  return Object.fromEntries(bank.questions.slice(0, count).map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
}

/** One option the bank marks incorrect, for every question (or the first `count`). */
export function wrongAnswers(bank: Pick<QuestionBank, 'questions'>, count = bank.questions.length): QuizAnswers {
  return Object.fromEntries(bank.questions.slice(0, count).map((q) => [q.id, [q.options.find((o) => !o.correct)!.id]]));
}

/** The built-in clinical homecare bank. */
export const clinicalHomecareBank = (): QuestionBank => quizzes['clinical-homecare-core'];

/** The built-in bank with long prompts, scenarios and options (and markup-looking text), to check wrapping. */
export function longTextBank(): FactoryBank {
  const base = JSON.parse(JSON.stringify(clinicalHomecareBank())) as FactoryBank;
  const long =
    ', with a deliberately long qualifying clause that keeps going to test wrapping, reflow at 320 CSS pixels and printing, and then keeps going a little further';
  base.id = 'long-text-bank';
  base.title = `${base.title}: an extended edition for the whole organisation including partner providers and agency staff`;
  base.questions.forEach((q, i) => {
    q.prompt = `${q.prompt}${long}`;
    if (q.scenario !== undefined) q.scenario = `${q.scenario}${long}${long}`;
    q.options.forEach((o) => (o.text = i % 2 ? `${o.text}${long}` : o.text));
  });
  base.questions[0]!.prompt = `${XSS_TEXT} Supercalifragilisticexpialidocious-Multidisciplinary-Decontamination-Procedure${long}`;
  return base;
}
