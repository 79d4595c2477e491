import { sharedItemGroups, type Framework, type Item, type Responses } from '@levelfit/engine';
import { PageFlowController, type Phase } from '../internal/page-flow.js';
import { buildSteps, DEFAULT_STEP_SIZE, type Step } from './steps.js';

/** Validation codes (as data: the view turns them into words). */
export const FIELD_ERROR_CODES = ['required'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  itemId: string;
  code: FieldErrorCode;
}

/** What should receive focus after the next render; the view carries it out and clears it. */
export type FocusRequest = { to: 'heading' } | { to: 'error-summary' } | { to: 'item'; itemId: string } | null;

export type NavigationResult = { ok: true } | { ok: false; errors: FieldError[] };

export interface RestoreInput {
  ratings: Readonly<Record<string, number>>;
  step: number;
  role: string | null;
  /** The person's choice about questions that cannot change the result (absent: leave them out). */
  skipping?: boolean;
}

/**
 * The assessment's state as data : answers, touched items, the step, validation errors and
 * the phase. It knows nothing about the DOM; the element renders it and calls its methods. Every change
 * requests a host update.
 */
export class AssessmentController extends PageFlowController<FieldError, FocusRequest, Phase> {
  framework: Framework | null = null;
  steps: Step[] = [];
  role: string | null = null;
  /** Items the person has answered or left (blurred) at least once. */
  readonly touched = new Set<string>();

  private ratingsMap = new Map<string, number>();
  private items = new Map<string, Item>();
  /**
   * A statement the framework lists at several levels is asked once, at its first item: every item of its group
   * maps to the group's ids, and an answer goes to all of them (results keep each level's item).
   */
  private sharedIds = new Map<string, readonly string[]>();
  private stepOfItem = new Map<string, number>();
  private stepSize = DEFAULT_STEP_SIZE;

  /**
   * Leaving out questions that cannot change the result. `skipping` is the person's choice (on unless they
   * chose "Answer them anyway", or the host turned the offer off). A question is left out when the engine last
   * said it cannot change the result (`notDecisive`), it is unanswered, the person has not asked to answer it,
   * it was not already on the page in front of them, and its step has been reached: steps ahead are counted in
   * full, because a question that cannot matter now may matter once earlier questions are answered.
   */
  skipping = true;
  /** The host offers to leave questions out (false with the `ask-all` attribute: every question is asked). */
  offer = true;
  /** Questions (by the id they are asked as) the engine last said cannot change the result. */
  private notDecisive = new Set<string>();
  /** Questions the person chose to answer although they could be left out. */
  private optedIn = new Set<string>();
  /** Questions already shown on a step: never taken off the page in front of the person. */
  private displayed = new Set<string>();
  /** The furthest step reached; questions on later steps are not left out yet. */
  private reached = 0;
  /** Continue went back to an earlier step, whose left-out questions now matter. */
  cameBack = false;
  /** A restored draft's step, applied once the engine has said what can be left out. */
  private pendingStep: number | null = null;

  /** Starts over with a framework: no answers, first step. */
  setFramework(framework: Framework, stepSize: number = this.stepSize): void {
    this.framework = framework;
    this.items = new Map(framework.items.map((i) => [i.id, i]));
    this.sharedIds = new Map(sharedItemGroups(framework).flatMap((g) => g.ids.map((id) => [id, g.ids] as const)));
    this.ratingsMap.clear();
    this.touched.clear();
    this.role = null;
    this.dirty = false;
    this.errors = [];
    this.returning = false;
    this.phase = 'answering';
    this.step = 0;
    this.focus = null;
    this.skipping = true;
    this.notDecisive.clear();
    this.optedIn.clear();
    this.displayed.clear();
    this.reached = 0;
    this.pendingStep = null;
    this.setStepSize(stepSize);
  }

  /** Regroups the questions (keeps the answers); the current step becomes the one holding its first item. */
  setStepSize(stepSize: number): void {
    if (!this.framework) return;
    const first = this.currentStep?.itemIds[0];
    this.stepSize = stepSize;
    this.steps = buildSteps(this.framework.items.filter((i) => this.askedAs(i.id) === i.id), stepSize);
    this.stepOfItem = new Map(this.steps.flatMap((s) => s.itemIds.flatMap((id) => this.idsOf(id).map((each) => [each, s.index] as const))));
    if (first !== undefined) this.step = this.stepOfItem.get(first) ?? 0;
    this.step = Math.min(this.step, this.steps.length);
    this.reached = Math.max(this.step, Math.min(this.reached, this.steps.length));
    this.host.requestUpdate();
  }

  // ---- leaving out questions that cannot change the result ----

  /**
   * Takes the engine's latest `decisiveItems` (item ids): every other unanswered question can be left out.
   * Questions already on the page stay. A restored draft's step is applied now, once it is known which of the
   * steps before it are complete.
   */
  setDecisive(decisive: readonly string[]): void {
    const matters = new Set(decisive.map((id) => this.askedAs(id)));
    this.notDecisive = new Set(this.questionIds().filter((q) => !matters.has(q) && this.idsOf(q).some((id) => !this.ratingsMap.has(id))));
    if (this.pendingStep !== null) {
      const saved = this.pendingStep;
      this.pendingStep = null;
      this.reached = Math.max(this.reached, Math.min(saved, this.steps.length));
      const firstIncomplete = this.firstIncompleteStep() ?? this.steps.length;
      this.step = this.landingStep(Math.min(saved, firstIncomplete), 1);
    }
    this.markDisplayed();
    this.host.requestUpdate();
  }

  /** "Answer them anyway" (false) or "Skip them" (true). Skipping again takes unanswered left-out questions off the page. */
  setSkipping(on: boolean): void {
    if (on === this.skipping) return;
    this.skipping = on;
    this.dirty = true;
    if (on) {
      this.displayed.clear();
      this.optedIn.clear();
      this.errors = this.errors.filter((e) => !this.isSkipped(e.itemId));
    }
    this.markDisplayed();
    if (this.phase === 'answering' && this.step < this.steps.length && this.shownIds(this.step).length === 0) {
      this.step = this.landingStep(this.step, 1);
    }
    this.host.requestUpdate();
  }

  /** The question is left out: it cannot change the result and the person has not chosen to answer it. */
  isSkipped(id: string): boolean {
    const q = this.askedAs(id);
    return (
      this.offer &&
      this.skipping &&
      this.notDecisive.has(q) &&
      !this.optedIn.has(q) &&
      !this.displayed.has(q) &&
      (this.stepOfItem.get(q) ?? Infinity) <= this.reached &&
      this.idsOf(q).some((each) => !this.ratingsMap.has(each))
    );
  }

  /** Questions that could be left out (reached, unanswered, cannot change the result), whether or not they are. */
  skippable(): string[] {
    if (!this.offer) return [];
    return this.questionIds().filter(
      (q) =>
        this.notDecisive.has(q) &&
        !this.optedIn.has(q) &&
        (this.stepOfItem.get(q) ?? Infinity) <= this.reached &&
        this.idsOf(q).some((each) => !this.ratingsMap.has(each)),
    );
  }

  /** The questions left out, in framework order. */
  skippedIds(): string[] {
    return this.questionIds().filter((q) => this.isSkipped(q));
  }

  /** The questions a step shows: all of them, less the ones left out. */
  shownIds(step: number): readonly string[] {
    const ids = this.steps[step]?.itemIds ?? [];
    return ids.filter((id) => !this.isSkipped(id));
  }

  /** Steps with at least one question to show, in order (the step indicator counts these). */
  visibleSteps(): Step[] {
    return this.steps.filter((s) => this.shownIds(s.index).length > 0);
  }

  /** The person chose to answer a left-out question (from "Check your answers"): show it and go to it. */
  answerSkipped(id: string): void {
    this.optedIn.add(this.askedAs(id));
    this.change(id);
  }

  private questionIds(): string[] {
    return this.steps.flatMap((s) => s.itemIds);
  }

  /** The first step from `from` (moving by `dir`) with a question to show; past the last one is "Check your answers". */
  private landingStep(from: number, dir: 1 | -1): number {
    let s = from;
    while (s >= 0 && s < this.steps.length) {
      if (s > this.reached) this.reached = s;
      if (this.shownIds(s).length > 0) return s;
      s += dir;
    }
    return dir === 1 ? this.steps.length : this.landingStep(0, 1);
  }

  /** The questions on the step in front of the person stay there, whatever the engine says next. */
  private markDisplayed(): void {
    if (this.phase !== 'answering' || this.step >= this.steps.length) return;
    for (const id of this.shownIds(this.step)) this.displayed.add(id);
  }

  get ready(): boolean {
    return this.framework !== null;
  }

  get onCheckPage(): boolean {
    return this.phase !== 'submitted' && this.step >= this.steps.length;
  }

  /** One page a step; `steps.length` means "Check your answers". */
  protected get pageCount(): number {
    return this.steps.length;
  }

  get currentStep(): Step | undefined {
    return this.phase === 'answering' ? this.steps[this.step] : undefined;
  }

  item(id: string): Item | undefined {
    return this.items.get(id);
  }

  /** The item whose question answers this one: itself, or the first item of its shared group. */
  askedAs(id: string): string {
    return this.sharedIds.get(id)?.[0] ?? id;
  }

  /** Every item an answer to this question goes to (just the item, unless the framework lists it at several levels). */
  idsOf(id: string): readonly string[] {
    return this.sharedIds.get(id) ?? [id];
  }

  rating(id: string): number | undefined {
    return this.ratingsMap.get(id);
  }

  stepIndexOf(itemId: string): number | undefined {
    return this.stepOfItem.get(itemId);
  }

  /** A copy of the answers in the shape the engine takes. */
  get responses(): Responses {
    return { ratings: Object.fromEntries(this.ratingsMap) };
  }

  get answeredCount(): number {
    return this.ratingsMap.size;
  }

  errorFor(itemId: string): FieldError | undefined {
    return this.errors.find((e) => e.itemId === itemId);
  }

  /** Unanswered questions on a step (all steps when `step` is omitted), in framework order. */
  missing(step?: number): string[] {
    const ids = step === undefined ? this.steps.flatMap((s) => s.itemIds) : (this.steps[step]?.itemIds ?? []);
    return ids.filter((id) => !this.isSkipped(id) && this.idsOf(id).some((each) => !this.ratingsMap.has(each)));
  }

  /** Records an answer. Returns false for an unknown item or a value off the scale (nothing changes). */
  answer(itemId: string, rating: number): boolean {
    if (!this.framework || !this.items.has(itemId)) return false;
    if (!this.framework.scale.values.some((v) => v.value === rating)) return false;
    const question = this.askedAs(itemId);
    for (const id of this.idsOf(itemId)) this.ratingsMap.set(id, rating);
    this.touched.add(question);
    this.dirty = true;
    this.errors = this.errors.filter((e) => e.itemId !== question);
    this.host.requestUpdate();
    return true;
  }

  touch(itemId: string): void {
    if (this.touched.has(itemId)) return;
    this.touched.add(itemId);
    this.host.requestUpdate();
  }

  setRole(role: string | null): void {
    const next = role?.trim() ? role : null;
    if (next === this.role) return;
    this.role = next;
    this.dirty = true;
    this.host.requestUpdate();
  }

  /**
   * Continue: validates the current step (GOV.UK validates on continue). With every question answered it
   * moves on (back to "Check your answers" after a "Change"); otherwise it records the errors and asks for
   * focus on the error summary.
   */
  next(): NavigationResult {
    if (this.phase !== 'answering' || this.step >= this.steps.length) return { ok: true };
    const errors = this.missing(this.step).map((itemId) => ({ itemId, code: 'required' as const }));
    if (errors.length) {
      this.errors = errors;
      this.focus = { to: 'error-summary' };
      this.host.requestUpdate();
      return { ok: false, errors };
    }
    this.errors = [];
    const firstIncomplete = this.firstIncompleteStep();
    // A question on an earlier step that was left out can come to matter once later ones are answered (two
    // statements that only count together, say): go back to it first.
    const back = firstIncomplete !== undefined && firstIncomplete < this.step;
    this.cameBack = back && this.skipping;
    if (back) {
      this.step = firstIncomplete!;
      // then on to the next step still incomplete, or straight back to "Check your answers" or where they were
      this.returning = true;
    } else if (this.returning && firstIncomplete === undefined) this.step = this.steps.length;
    else this.step = this.landingStep(this.step + 1, 1);
    if (this.step >= this.steps.length) this.reached = this.steps.length;
    this.returning = this.returning && this.step < this.steps.length;
    this.markDisplayed();
    this.focus = { to: 'heading' };
    this.host.requestUpdate();
    return { ok: true };
  }

  /** Back: the previous step with a question to show. */
  override back(): void {
    if (this.phase !== 'answering' || this.step === 0) return;
    const to = this.landingStep(Math.min(this.step, this.steps.length) - 1, -1);
    if (to >= this.step) return;
    this.cameBack = false;
    super.back();
    this.step = to;
    this.markDisplayed();
  }

  /** A "Change" link or an error-summary link on the check page: go to the item's step and focus it. */
  change(id: string): void {
    const itemId = this.askedAs(id);
    const step = this.stepOfItem.get(itemId);
    if (step === undefined || this.phase !== 'answering') return;
    this.step = step;
    this.cameBack = false;
    this.returning = true;
    this.errors = this.errors.filter((e) => this.stepOfItem.get(e.itemId) === step);
    this.markDisplayed();
    this.focus = { to: 'item', itemId };
    this.host.requestUpdate();
  }

  /** Focus an item on the current step (error summary links on a step). */
  focusItem(itemId: string): void {
    this.focus = { to: 'item', itemId };
    this.host.requestUpdate();
  }

  /** Before submitting: every question must be answered. Errors cover the whole framework. */
  checkAll(): NavigationResult {
    const errors = this.missing().map((itemId) => ({ itemId, code: 'required' as const }));
    this.errors = errors;
    if (errors.length) {
      this.focus = { to: 'error-summary' };
      this.host.requestUpdate();
      return { ok: false, errors };
    }
    return { ok: true };
  }

  /** Clears every answer and returns to the first step. */
  reset(): void {
    if (this.framework) this.setFramework(this.framework, this.stepSize);
    this.focus = { to: 'heading' };
  }

  /**
   * Restores saved answers (from a draft). Unknown items and off-scale values are ignored; the step is
   * clamped so nobody lands past a step with unanswered questions.
   */
  restore(input: RestoreInput): void {
    if (!this.framework) return;
    for (const [id, rating] of Object.entries(input.ratings)) {
      if (this.items.has(id) && this.framework.scale.values.some((v) => v.value === rating)) this.ratingsMap.set(id, rating);
    }
    this.spreadShared();
    const roles = new Set(this.framework.levels.flatMap((l) => l.roles));
    this.role = input.role !== null && roles.has(input.role) ? input.role : null;
    if (input.skipping !== undefined) this.skipping = input.skipping;
    const saved = Math.max(0, Math.min(Math.floor(input.step) || 0, this.steps.length));
    const firstIncomplete = this.firstIncompleteStep() ?? this.steps.length;
    this.step = Math.min(saved, firstIncomplete);
    // Until the engine says which questions can be left out, every unanswered one looks missing: the saved step
    // is applied again then (`setDecisive`).
    this.pendingStep = saved;
    this.phase = 'answering';
    this.dirty = false;
    this.errors = [];
    this.host.requestUpdate();
  }

  /**
   * Shows a submission kept from an earlier visit: its answers, on the "submitted" phase, as if it had just
   * been submitted. Unknown items and off-scale values are ignored, as in `restore`.
   */
  showSubmitted(input: Omit<RestoreInput, 'step'>): void {
    this.restore({ ...input, step: this.steps.length });
    this.phase = 'submitted';
  }

  /**
   * Replaces the answers with ones merged from another tab (or chosen over this tab's). Unlike `restore`,
   * the person stays where they are: the step, phase and touched items are kept; unknown items and
   * off-scale values are ignored; errors for questions now answered go. Does nothing once submitting.
   */
  merge(answers: { ratings: Readonly<Record<string, number>>; role: string | null }): void {
    if (!this.framework || this.phase !== 'answering') return;
    const scale = new Set(this.framework.scale.values.map((v) => v.value));
    this.ratingsMap.clear();
    for (const [id, rating] of Object.entries(answers.ratings)) {
      if (this.items.has(id) && scale.has(rating)) this.ratingsMap.set(id, rating);
    }
    this.spreadShared();
    const roles = new Set(this.framework.levels.flatMap((l) => l.roles));
    this.role = answers.role !== null && roles.has(answers.role) ? answers.role : null;
    this.errors = this.errors.filter((e) => !this.ratingsMap.has(e.itemId));
    this.host.requestUpdate();
  }

  private firstIncompleteStep(): number | undefined {
    const i = this.steps.findIndex((s) => this.missing(s.index).length > 0);
    return i < 0 ? undefined : i;
  }

  /**
   * Saved answers from before a statement was asked once (or from another tab) may rate its items differently:
   * the question's own item decides, else the first rated item, and every item of the group gets that rating.
   */
  private spreadShared(): void {
    for (const [id, ids] of this.sharedIds) {
      if (ids[0] !== id) continue;
      const rating = ids.map((each) => this.ratingsMap.get(each)).find((r) => r !== undefined);
      if (rating !== undefined) for (const each of ids) this.ratingsMap.set(each, rating);
    }
  }
}
