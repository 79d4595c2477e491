import { PageFlowController, type Phase } from '../internal/page-flow.js';
import {
  arrangeQuiz,
  newSeed,
  QUIZ_LIMITS,
  type CheckedAnswerMode,
  type Question,
  type QuestionBank,
  type QuizAnswers,
  type QuizMode,
} from '@levelfit/engine';
import { credit } from '@levelfit/engine/internal';

/** Validation codes for a quiz question (as data: the view words them). */
export const QUIZ_ERROR_CODES = ['required'] as const;
export type QuizErrorCode = (typeof QUIZ_ERROR_CODES)[number];

export interface QuizError {
  questionId: string;
  code: QuizErrorCode;
}

/**
 * When feedback is given: `immediate` (default) shows whether each answer is right, with the bank's feedback
 * text, before moving on; `none` keeps it for the results.
 */
export const QUIZ_FEEDBACK_MODES = ['immediate', 'none'] as const;
export type QuizFeedbackMode = (typeof QUIZ_FEEDBACK_MODES)[number];

/** What should receive focus after the next render; the view carries it out and clears it. */
export type QuizFocusRequest =
  | { to: 'heading' }
  | { to: 'error-summary' }
  | { to: 'question'; questionId: string }
  | null;

/** The outcome of Continue: moved on, showed feedback first, or found the question unanswered. */
export type QuizNextResult = { ok: true; revealed: boolean } | { ok: false; errors: QuizError[] };

export interface QuizRestoreInput {
  answers: Readonly<Record<string, readonly string[]>>;
  step: number;
  revealed: readonly string[];
  /** Checked selections per question, oldest first. */
  tries?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/**
 * A quiz's state as data: the selected options, which question is showing, which answers have
 * had their feedback shown, validation errors and the phase. It never touches the DOM and never scores: the
 * element calls the engine's `scoreQuiz` on `answers`; whether one answer earns full credit (for the
 * feedback) is the engine's `credit`. Every change requests a host update.
 */
export class QuizController extends PageFlowController<QuizError, QuizFocusRequest, Phase> {
  bank: QuestionBank | null = null;
  feedback: QuizFeedbackMode = 'immediate';
  /** `assessment`: the first checked answer counts (and, with `lock`, cannot change); `practice`: the final one. */
  mode: QuizMode = 'practice';
  checkedAnswers: CheckedAnswerMode = 'lock';
  /** The seed this attempt's questions were drawn and ordered with. */
  seed = 0;

  private selections = new Map<string, string[]>();
  private shown = new Set<string>();
  private checks = new Map<string, string[][]>();
  private byId = new Map<string, Question>();
  private arranged: readonly Question[] = [];

  /** Starts over with a bank: no answers, first question, the questions drawn and ordered by `seed` (a fresh one by default). */
  setBank(bank: QuestionBank, seed: number = newSeed()): void {
    this.bank = bank;
    this.seed = seed;
    this.arranged = arrangeQuiz(bank, seed);
    this.byId = new Map(this.arranged.map((q) => [q.id, q]));
    this.selections.clear();
    this.shown.clear();
    this.checks.clear();
    this.step = 0;
    this.phase = 'answering';
    this.errors = [];
    this.returning = false;
    this.dirty = false;
    this.focus = null;
    this.host.requestUpdate();
  }

  /** This attempt's questions in the order asked, options in the order shown. */
  get questions(): readonly Question[] {
    return this.arranged;
  }

  /** Where the person is: the index of the question showing, or the question count on "Check your answers". */
  get position(): number {
    return this.step;
  }

  /** A copy of the checked selections per question, oldest first (what `scoreQuiz` takes as `tries`). */
  get tries(): Record<string, string[][]> {
    return Object.fromEntries([...this.checks].map(([id, list]) => [id, list.map((s) => [...s])]));
  }

  /** In assessment mode with `lock`, an answer cannot change once checked. */
  isLocked(questionId: string): boolean {
    return this.mode === 'assessment' && this.checkedAnswers === 'lock' && this.checks.has(questionId);
  }

  /** Whether the question has been checked more than once in assessment mode (only the first check counts). */
  hasCountedTry(questionId: string): boolean {
    return this.mode === 'assessment' && this.checks.has(questionId);
  }

  /** One page a question; `questions.length` means "Check your answers". */
  protected get pageCount(): number {
    return this.questions.length;
  }

  get onCheckPage(): boolean {
    return this.phase === 'answering' && this.bank !== null && this.step >= this.questions.length;
  }

  get current(): Question | undefined {
    return this.phase === 'answering' ? this.questions[this.step] : undefined;
  }

  question(id: string): Question | undefined {
    return this.byId.get(id);
  }

  selected(questionId: string): readonly string[] {
    return this.selections.get(questionId) ?? [];
  }

  isAnswered(questionId: string): boolean {
    return (this.selections.get(questionId)?.length ?? 0) > 0;
  }

  /** A copy of the answers in the shape `scoreQuiz` takes (answered questions only). */
  get answers(): QuizAnswers {
    return Object.fromEntries([...this.selections].map(([id, s]) => [id, [...s]]));
  }

  get answeredCount(): number {
    return this.selections.size;
  }

  /** Questions whose feedback is showing for their current answer. */
  get revealed(): string[] {
    return [...this.shown];
  }

  isRevealed(questionId: string): boolean {
    return this.shown.has(questionId);
  }

  /** Whether the current answer earns full credit, by the engine's own rule; undefined when unanswered. */
  isCorrect(questionId: string): boolean | undefined {
    const q = this.byId.get(questionId);
    const s = this.selections.get(questionId);
    return q && s?.length ? credit(q, s) === 1 : undefined;
  }

  errorFor(questionId: string): QuizError | undefined {
    return this.errors.find((e) => e.questionId === questionId);
  }

  /** Unanswered questions, in bank order. */
  missing(): string[] {
    return this.questions.filter((q) => !this.isAnswered(q.id)).map((q) => q.id);
  }

  /**
   * Selects (or, for checkboxes, unselects) an option. A single-answer question keeps one option. Changing
   * an answer hides feedback shown for the old one. Returns false for an unknown question or option.
   */
  select(questionId: string, optionId: string, checked = true): boolean {
    const q = this.byId.get(questionId);
    if (!q || this.phase !== 'answering' || this.isLocked(questionId) || !q.options.some((o) => o.id === optionId)) return false;
    const before = this.selections.get(questionId) ?? [];
    let next: string[];
    if (q.type === 'multiple') {
      const set = new Set(before);
      if (checked) set.add(optionId);
      else set.delete(optionId);
      // Keep the bank's option order, whatever order they were ticked in.
      next = q.options.map((o) => o.id).filter((id) => set.has(id));
    } else {
      next = checked ? [optionId] : before.filter((id) => id !== optionId);
    }
    if (next.length === before.length && next.every((id, i) => id === before[i])) return true;
    if (next.length) this.selections.set(questionId, next);
    else this.selections.delete(questionId);
    this.shown.delete(questionId);
    this.dirty = true;
    if (next.length) this.errors = this.errors.filter((e) => e.questionId !== questionId);
    this.host.requestUpdate();
    return true;
  }

  /**
   * Continue on a question: unanswered → an error and focus on the error summary (GOV.UK validates on
   * continue); answered with feedback not yet shown (feedback `immediate`) → show it and stay; otherwise move
   * to the next question (or back to "Check your answers" after a "Change", once nothing is missing).
   */
  next(): QuizNextResult {
    const q = this.current;
    if (!q) return { ok: true, revealed: false };
    if (!this.isAnswered(q.id)) {
      this.errors = [{ questionId: q.id, code: 'required' }];
      this.focus = { to: 'error-summary' };
      this.host.requestUpdate();
      return { ok: false, errors: this.errors };
    }
    this.errors = [];
    if (this.feedback === 'immediate' && !this.shown.has(q.id)) {
      this.shown.add(q.id);
      // Every check is kept: assessment mode scores the first, and the LMS hears how many there were.
      // Checking the same answer again (after Back, or after resuming) is not another attempt.
      const list = this.checks.get(q.id) ?? [];
      const now = this.selected(q.id);
      const last = list[list.length - 1];
      const same = last !== undefined && last.length === now.length && last.every((o) => now.includes(o));
      if (!same && list.length < QUIZ_LIMITS.tries) this.checks.set(q.id, [...list, [...now]]);
      this.dirty = true;
      this.host.requestUpdate();
      return { ok: true, revealed: true };
    }
    const firstMissing = this.firstUnanswered();
    if (this.returning && firstMissing === undefined) this.step = this.questions.length;
    else this.step = Math.min(this.step + 1, this.questions.length);
    this.returning = this.returning && this.step < this.questions.length;
    this.focus = { to: 'heading' };
    this.host.requestUpdate();
    return { ok: true, revealed: false };
  }

  /** A "Change" link or an error-summary link on the check page: go to the question and focus it. */
  change(questionId: string): void {
    const i = this.questions.findIndex((q) => q.id === questionId);
    if (i < 0 || this.phase !== 'answering') return;
    this.step = i;
    this.returning = true;
    this.errors = this.errors.filter((e) => e.questionId === questionId);
    this.focus = { to: 'question', questionId };
    this.host.requestUpdate();
  }

  /** Focus the question's first option (or its checked one): error summary links on a question page. */
  focusQuestion(questionId: string): void {
    this.focus = { to: 'question', questionId };
    this.host.requestUpdate();
  }

  /** Before submitting: every question must be answered. */
  checkAll(): boolean {
    this.errors = this.missing().map((questionId) => ({ questionId, code: 'required' as const }));
    if (this.errors.length) {
      this.focus = { to: 'error-summary' };
      this.host.requestUpdate();
      return false;
    }
    return true;
  }

  /** Clears every answer and returns to the first question of a new attempt (a new seed). */
  reset(): void {
    if (this.bank) this.setBank(this.bank);
    this.focus = { to: 'heading' };
  }

  /**
   * Restores saved answers (from a draft). Unknown questions and options are ignored; the step is clamped so
   * nobody lands past an unanswered question.
   */
  restore(input: QuizRestoreInput): void {
    if (!this.bank) return;
    for (const [id, selected] of Object.entries(input.answers)) {
      const keep = this.usable(id, selected);
      if (keep) this.selections.set(id, keep);
    }
    for (const id of input.revealed) if (this.selections.has(id)) this.shown.add(id);
    for (const [id, list] of Object.entries(input.tries ?? {})) {
      const q = this.byId.get(id);
      if (!q || !Array.isArray(list)) continue;
      const options = new Set(q.options.map((o) => o.id));
      const kept = list.filter((s) => Array.isArray(s) && s.length > 0 && s.every((o) => options.has(o))).slice(0, QUIZ_LIMITS.tries);
      if (kept.length) this.checks.set(id, kept.map((s) => [...s]));
    }
    const firstMissing = this.firstUnanswered() ?? this.questions.length;
    this.step = Math.max(0, Math.min(Math.floor(input.step) || 0, firstMissing, this.questions.length));
    this.phase = 'answering';
    this.errors = [];
    this.dirty = false;
    this.host.requestUpdate();
  }

  /**
   * Takes in answers merged from another tab or window: the answers and revealed feedback are replaced, the
   * person stays on the same question; answers the bank cannot take are left out.
   */
  merge(input: Pick<QuizRestoreInput, 'answers' | 'revealed'>): void {
    if (!this.bank || this.phase !== 'answering') return;
    this.selections.clear();
    this.shown.clear();
    for (const [id, selected] of Object.entries(input.answers)) {
      const keep = this.usable(id, selected);
      if (keep) this.selections.set(id, keep);
    }
    for (const id of input.revealed) if (this.selections.has(id)) this.shown.add(id);
    this.errors = this.errors.filter((e) => !this.selections.has(e.questionId));
    this.host.requestUpdate();
  }

  /** The options of `selected` the question has, in the bank's order; undefined when none or too many. */
  private usable(id: string, selected: readonly string[]): string[] | undefined {
    const q = this.byId.get(id);
    if (!q) return undefined;
    const keep = q.options.map((o) => o.id).filter((o) => selected.includes(o));
    if (!keep.length || (q.type !== 'multiple' && keep.length > 1)) return undefined;
    return keep;
  }

  private firstUnanswered(): number | undefined {
    const i = this.questions.findIndex((q) => !this.isAnswered(q.id));
    return i < 0 ? undefined : i;
  }
}
