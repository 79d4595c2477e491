/**
 * Authoring warnings about a valid bank: habits that let a learner pass without knowing the answers, and text
 * the quiz would show twice. Warnings, not errors: a bank with them still works.
 */
import type { Issue } from '../errors.js';
import type { QuestionBank } from './schema.js';

/** A warning about a bank, shaped like an issue (`path` into the bank). */
export interface BankWarning {
  code: 'correct_position' | 'correct_longest' | 'repeated_hint';
  path: Issue['path'];
  message: string;
}

/** The share of correct answers one position may hold, and the share of questions whose correct option may be the longest. */
export const LINT_LIMITS = { positionShare: 0.4, longestShare: 0.5, minQuestions: 4 } as const;

/** Words the quiz adds under a `multiple` question itself. */
export const MULTIPLE_HINT = 'Select all that apply.';
const hintPattern = /select all that apply/i;

/** Whether a prompt already says "Select all that apply" (then the quiz does not add it again). */
export function promptHasHint(prompt: string): boolean {
  return hintPattern.test(prompt);
}

const letter = (n: number) => (n < 26 ? String.fromCharCode(97 + n) : String(n + 1));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Warnings for a bank: over the single-answer questions with more than two options (`single`, `scenario`; at
 * least four of them), one position holding more than 40% of the correct answers, or the correct option being
 * the longest in more than half; and every `multiple` question whose prompt repeats the hint the quiz adds.
 */
export function bankWarnings(bank: QuestionBank): BankWarning[] {
  const out: BankWarning[] = [];
  const choice = bank.questions.filter((q) => (q.type === 'single' || q.type === 'scenario') && q.options.length > 2);
  if (choice.length >= LINT_LIMITS.minQuestions) {
    const byPosition = new Map<number, number>();
    let longest = 0;
    for (const q of choice) {
      const at = q.options.findIndex((o) => o.correct);
      byPosition.set(at, (byPosition.get(at) ?? 0) + 1);
      const length = (text: string) => [...text].length;
      const right = length(q.options[at]!.text);
      if (q.options.every((o, k) => k === at || length(o.text) < right)) longest++;
    }
    for (const [at, n] of [...byPosition].sort((a, b) => a[0] - b[0])) {
      if (n / choice.length > LINT_LIMITS.positionShare) {
        out.push({
          code: 'correct_position',
          path: ['questions'],
          message: `the correct option is option ${at + 1} (${letter(at)}) in ${n} of ${choice.length} single-answer questions (${pct(n / choice.length)}; keep each position at most ${pct(LINT_LIMITS.positionShare)})`,
        });
      }
    }
    if (longest / choice.length > LINT_LIMITS.longestShare) {
      out.push({
        code: 'correct_longest',
        path: ['questions'],
        message: `the correct option is the longest in ${longest} of ${choice.length} single-answer questions (${pct(longest / choice.length)}; a guesser who picks the longest would pass)`,
      });
    }
  }
  bank.questions.forEach((q, i) => {
    if (q.type === 'multiple' && promptHasHint(q.prompt)) {
      out.push({ code: 'repeated_hint', path: ['questions', i, 'prompt'], message: `the quiz adds "${MULTIPLE_HINT}" under every multiple question: leave it out of the prompt` });
    }
  });
  return out;
}
