import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { assess, decisiveItems, levelName, type AssessOptions, type Framework, type Item, type ItemKind, type LevelFit } from '@levelfit/engine';
import { DraftStore, type ConflictChoice, type DraftNotice } from '../drafts/draft-store.js';
import { SELF_ASSESSMENT_DRAFTS, type DraftEnvelope } from '../drafts/envelope.js';
import { isStorageKind, openDraftStorage, type StorageKind } from '../drafts/storage.js';
import { LfChangeEvent } from '../events/lf-change.js';
import { LfRestoreEvent } from '../events/lf-restore.js';
import { LfSubmitEvent } from '../events/lf-submit.js';
import { formStyles } from '../internal/form.styles.js';
import { renderSharedDeviceQuestion } from '../internal/shared-device-question.js';
import { issuesOf, LfElement, type Problem } from '../internal/lf-element.js';
import { ratingLabel } from '../internal/rating-label.js';
import { warnOnce } from '../internal/warn-once.js';
import { currentLocale } from '../localize/localize.js';
import { tokens } from '../tokens.js';
import { AssessmentController } from './assessment-controller.js';
import { DEFAULT_STEP_SIZE, type Step } from './steps.js';
import { selfAssessmentStyles } from './self-assessment.styles.js';
import { decodeSubmission, encodeSubmission, submissionKey, type Submission } from './submission.js';

/**
 * A self-assessment form for a career and competence framework. Every competence and indicator is a
 * native radio group; questions come in steps with Continue and Back, then "Check your answers", then
 * Submit, which scores the answers with the levelfit engine. Answers are saved as a draft as people go.
 *
 * @tagname lf-self-assessment
 * @summary Self-assessment against a competence framework, following GOV.UK / NHS.UK form patterns.
 *
 * @attr framework - A built-in framework id (default `clinical-homecare`) or the URL of a framework JSON file (fetched only then). The `framework` property also takes a framework object.
 * @attr target - A level id to list gaps against (passed to `assess` as `options.target`).
 * @attr role-picker - Boolean. Shows an optional "Your role" select of the framework's indicative roles (passed as `options.role`).
 * @attr storage - Where drafts are saved: `local` (default), `session` or `none`.
 * @attr assessment-key - Distinguishes drafts of the same framework: `levelfit:draft:<framework id>:<assessment-key>`.
 * @attr person-key - Whose answers these are (an opaque id from the host's sign-in; not shown): drafts and the kept submission go under `…:person:<person-key>`, so people sharing a device never see each other's answers. Without it a restored draft says it may be someone else's and offers "Not you? Start afresh".
 * @attr shared-device - Boolean. The device is shared (a care-home tablet): with no `person-key`, answers or a result found on the device are not shown until the person answers "Are they yours?" ("Yes, carry on with them" restores them; "No, start afresh" sets them aside, kept, and starts empty).
 * @attr step-size - Most questions on one step (default 10); a longer group is split into even parts (23 → 8 + 8 + 7).
 * @attr start-page - Boolean. Shows a start page first (what this is, how many questions and about how long, that answers are saved so the person can stop and come back).
 * @attr ask-all - Boolean. Asks every question. Without it the form leaves out the questions that cannot change the result (the engine's `decisiveItems`, asked again at each step), says how many, and offers "Answer them anyway"; the person's choice is kept in the draft.
 * @attr sent - Boolean. The host has sent the result on (to a manager or an HR system): the confirmation says "Your result has been sent" instead of "Your result is ready".
 *
 * @event {LfChangeEvent} lf-change - An answer changed. `detail: { itemId, rating, responses }`.
 * @event {LfSubmitEvent} lf-submit - Submitted and scored, exactly once per submission: repeated clicks, Enter and `requestSubmit()` while scoring, or after submitting until `reset()`, are ignored. `detail: { responses, result }` (`result` is the engine's `LevelFit`).
 * @event {LfRestoreEvent} lf-restore - The person's last submission was found on this device (after a reload or a later visit) and is shown again. `detail: { submission }` with `responses`, `result`, `submittedAt`, `frameworkId`, `frameworkVersion`, `role`; also the `lastSubmission` property.
 * @event {LfErrorEvent} lf-error - The framework (or an option) is unusable. `detail: { issues, source }`; the issues are also shown inline.
 *
 * @csspart base - The wrapper around everything.
 * @csspart framework-title - The framework's title above the form.
 * @csspart notices - The polite status region holding draft notices.
 * @csspart notice - One notice (draft restored, set aside, cannot save, changed in another tab).
 * @csspart shared-question - With `shared-device`: "Are they yours?", shown instead of the form while answers found on the device wait for the person's choice; `shared-question-actions` holds its buttons.
 * @csspart notice-actions - The buttons of a notice ("Dismiss"; "Use the other tab's answers" / "Keep mine").
 * @csspart error-summary - The "There is a problem" box listing unanswered questions.
 * @csspart step - The current step (its heading and questions).
 * @csspart step-indicator - "Step 2 of 7".
 * @csspart progress - "Questions 13–24 of 67" with its progress bar (`progress-bar`).
 * @csspart scale-help - "What the answers mean": the rating scale explained, on the first step.
 * @csspart start-page - The optional start page.
 * @csspart source-text - "From the framework: …" under a plain-language question.
 * @csspart check-section - One collapsible section of "Check your answers" (one per step).
 * @csspart step-heading - The step's heading (focused on each step change).
 * @csspart skip-offer - "We have left out 19 questions that can't change your result" with "Answer them anyway" (`button-answer-anyway`), or "Skip them" (`button-skip`).
 * @csspart came-back - On a step Continue went back to: its left-out questions now matter.
 * @csspart skipped - "Skipped" in "Check your answers", for a question left out (its link, `answer-link`, asks it).
 * @csspart role-picker - The optional role field.
 * @csspart role-chosen - "You chose: …" under the role select: the whole role name, wrapped, where a narrow select cuts it short.
 * @csspart question - One question's wrapper (also `question-error` when it has an error).
 * @csspart legend - The question's title.
 * @csspart hint - Hint text under a legend.
 * @csspart shared-hint - In the hint of a statement the framework lists at several levels: asked once, counted at each.
 * @csspart error-message - The error message inside a question.
 * @csspart radios - The list of radios of one question.
 * @csspart option - One radio with its label.
 * @csspart radio - A native radio input.
 * @csspart radio-label - A radio's label (the scale label).
 * @csspart button - Every button; also `button-continue`, `button-back`, `button-submit`, `button-restart`, `button-dismiss`, `button-use-theirs`, `button-keep-mine`, `button-start-afresh` ("Not you? Start afresh", or "No, start afresh"), `button-claim` ("Yes, carry on with them").
 * @csspart shared-device - On a kept result with no `person-key`: says it may be someone else's.
 * @csspart check-answers - The "Check your answers" summary.
 * @csspart summary-list - One summary list of answers.
 * @csspart change-link - A "Change" link.
 * @csspart confirmation - The panel shown after submitting (and after a reload, with the date of the kept result).
 * @csspart restart-check - The "Start again?" question asked before the answers are cleared.
 * @csspart draft-status - The polite status line that says "Draft saved at 10:42" (changes at most every 15 seconds).
 * @csspart error - The inline error shown for bad input.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Hints and captions.
 * @cssproperty [--lf-color-background=#ffffff] - Field background.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Notices and secondary buttons.
 * @cssproperty [--lf-color-border=#b1b4b6] - Summary list rules.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Radio and select colour.
 * @cssproperty [--lf-color-brand=#1d70b8] - Primary buttons and notice borders.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on primary buttons.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-color-error=#d4351c] - Error borders and messages.
 * @cssproperty [--lf-color-success=#00703c] - The confirmation panel.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-radius=0] - Corner radius of buttons and fields.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-form-max-width=48rem] - Widest the form grows.
 * @cssproperty [--lf-radio-size=1.75rem] - Radio size (never under 24px).
 * @cssproperty [--lf-button-background=var(--lf-color-brand)] - Primary button background.
 * @cssproperty [--lf-button-text=var(--lf-color-brand-text)] - Primary button text.
 * @cssproperty [--lf-button-shadow=#0b0c0c] - Primary button bottom shadow.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Back / restart button background.
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Back / restart button text.
 * @cssproperty [--lf-panel-background=var(--lf-color-success)] - Confirmation panel background.
 * @cssproperty [--lf-panel-text=#ffffff] - Confirmation panel text.
 * @cssproperty [--lf-self-assessment-max-width=var(--lf-form-max-width, 48rem)] - Widest this form grows; set it to size the self-assessment alone.
 */
@localized()
export class LfSelfAssessment extends LfElement {
  static override styles = [tokens, formStyles, selfAssessmentStyles];

  /** A level id to list gaps against. */
  @property({ reflect: true })
  target: string | null = null;

  /** Shows the optional role picker. */
  @property({ type: Boolean, reflect: true, attribute: 'role-picker' })
  rolePicker = false;

  /** Where drafts are saved: `local`, `session` or `none`. */
  @property({ reflect: true })
  storage: StorageKind = 'local';

  /** Distinguishes drafts of the same framework on one site. */
  @property({ reflect: true, attribute: 'assessment-key' })
  assessmentKey: string | null = null;

  /** Whose answers these are on a shared device; not reflected, so the id does not show in the page's markup. */
  @property({ attribute: 'person-key' })
  personKey: string | null = null;

  /** The device is shared: without a person key, saved answers are not shown until the person says they are theirs. */
  @property({ type: Boolean, reflect: true, attribute: 'shared-device' })
  sharedDevice = false;

  /** Most questions on one step. */
  @property({ type: Number, reflect: true, attribute: 'step-size' })
  stepSize: number = DEFAULT_STEP_SIZE;

  /** Shows a start page before the first question. */
  @property({ type: Boolean, reflect: true, attribute: 'start-page' })
  startPage = false;

  /** Asks every question: no offer to leave out the ones that cannot change the result. */
  @property({ type: Boolean, reflect: true, attribute: 'ask-all' })
  askAll = false;

  /** The person has left the start page (or there was none to show). */
  @state()
  private started = false;

  /** The host has sent the result on: the confirmation says so instead of "Your result is ready". */
  @property({ type: Boolean, reflect: true })
  sent = false;

  @state()
  private lastResult: LevelFit | null = null;

  /** The last submission kept on this device (shown again after a reload). */
  @state()
  private kept: Submission | null = null;

  /** The confirmation shows a submission kept from an earlier visit, not one made since the page loaded. */
  @state()
  private showingKept = false;

  /** "Start again?" is being asked. */
  @state()
  private confirmingRestart = false;

  /** With `shared-device`: a kept result (and no draft) waits for the person to say it is theirs. */
  @state()
  private askingKept = false;

  /** A kept submission found while opening the framework, announced with `lf-restore` after the render. */
  private restoredToAnnounce: Submission | null = null;

  private readonly assessment = new AssessmentController(this);
  private readonly drafts = new DraftStore(this, SELF_ASSESSMENT_DRAFTS, {
    snapshot: () => {
      const c = this.assessment;
      if (!c.framework || c.phase !== 'answering') return null;
      return { framework: c.framework, ratings: c.responses.ratings, step: c.step, role: c.role, skipping: c.skipping };
    },
    apply: (answers) => {
      this.assessment.merge(answers);
      void this.refreshDecisive();
    },
  });

  /** The engine's latest `decisiveItems` run: `updateComplete` waits for it, so a step is never shown half-decided. */
  private readonly decisive: { settled: Promise<void> } = { settled: Promise.resolve() };
  private decisiveRun = 0;
  /** Continue waits for the engine to say what can be left out; a second press meanwhile does nothing. */
  private continuing = false;

  constructor() {
    super();
    this.watchSource(this.decisive);
  }

  private session: { framework: Framework; storage: StorageKind; key: string | null; person: string | null } | null = null;
  private submitProblem: Problem | null = null;

  /** The engine's result of the last submission (the same as `lf-submit`'s `detail.result`), or null. */
  get result(): LevelFit | null {
    return this.lastResult;
  }

  /**
   * The last submission kept on this device for this framework (and assessment key): its answers, result,
   * time and framework version. It survives a reload and "Start again", and is replaced by the next
   * submission; `clearSubmission()` forgets it. Null with `storage="none"` after a reload.
   */
  get lastSubmission(): Submission | null {
    return this.kept;
  }

  /** Forgets the kept submission (on this device too); a shown result stays until the next reset. */
  clearSubmission(): void {
    const s = this.session;
    if (s) openDraftStorage(s.storage).remove(submissionKey(s.framework.id, s.key, s.person));
    this.kept = null;
  }

  /** The framework being assessed, once it has loaded and validated. */
  override get resolvedFramework(): Framework | null {
    return this.assessment.framework;
  }

  /** A copy of the answers so far: `{ ratings: { [itemId]: rating } }`. */
  get responses(): { ratings: Record<string, number> } {
    return this.assessment.responses;
  }

  /** Clears every answer and the saved draft, and returns to the first step. */
  reset(): void {
    this.drafts.clear();
    this.assessment.reset();
    this.lastResult = null;
    this.submitProblem = null;
    this.confirmingRestart = false;
    this.showingKept = false;
    this.started = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.frameworks.sync();
    const fw = this.frameworks.state;
    if (fw.status === 'ready') {
      const storage = this.storageKind();
      const key = this.assessmentKey?.trim() || null;
      const person = this.personKey?.trim() || null;
      const s = this.session;
      if (s && s.framework === fw.framework && s.key === key && s.person === person && s.storage !== storage) {
        this.session = { ...s, storage };
        this.drafts.setStorage(storage);
      }
      if (!s || s.framework !== fw.framework || s.key !== key || s.person !== person) {
        this.drafts.flush();
        this.session = { framework: fw.framework, storage, key, person };
        this.assessment.setFramework(fw.framework, this.stepSize);
        this.lastResult = null;
        this.submitProblem = null;
        this.confirmingRestart = false;
        this.showingKept = false;
        this.assessment.offer = !this.askAll;
        const draft = this.drafts.open(fw.framework, storage, key, person, this.sharedDevice);
        if (draft) this.restoreDraft(draft);
        this.kept = this.readSubmission(fw.framework, storage, key, person);
        // On a shared device a result that may be someone else's waits, like a draft, for "Are they yours?".
        this.askingKept = !!this.kept && !draft && this.sharedDevice && this.anyoneMaySee;
        const asking = this.askingKept || this.drafts.awaitingChoice !== null;
        this.restoredToAnnounce = asking ? null : this.kept;
        // No answers in progress: the person sees the result they submitted last, not an empty form.
        if (this.kept && !draft && !asking) this.showKept(this.kept);
        void this.refreshDecisive();
      } else {
        if (changed.has('stepSize')) this.assessment.setStepSize(this.stepSize);
        if (changed.has('askAll')) this.assessment.offer = !this.askAll;
        if (changed.has('askAll') || changed.has('target')) void this.refreshDecisive();
      }
    }
    this.problem =
      fw.status === 'error' ? { issues: fw.issues, source: fw.source } : fw.status === 'ready' ? this.levelProblem(fw.framework, 'target', this.target) : null;
  }

  protected override currentProblem(): Problem | null {
    return this.problem ?? this.submitProblem;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const restored = this.restoredToAnnounce;
    if (restored) {
      this.restoredToAnnounce = null;
      this.emit(new LfRestoreEvent({ submission: restored }));
    }
    const focus = this.assessment.takeFocusRequest();
    if (!focus) return;
    const root = this.renderRoot as ShadowRoot;
    if (focus.to === 'heading') root.querySelector<HTMLElement>('[data-focus="heading"]')?.focus();
    else if (focus.to === 'error-summary') root.querySelector<HTMLElement>('.error-summary')?.focus();
    else {
      const target =
        root.querySelector<HTMLInputElement>(`input[name="${focus.itemId}"]:checked`) ?? root.getElementById(`q-${focus.itemId}`);
      target?.focus();
    }
  }

  private readSubmission(framework: Framework, storage: StorageKind, key: string | null, person: string | null): Submission | null {
    const raw = openDraftStorage(storage).read(submissionKey(framework.id, key, person));
    return raw.ok ? decodeSubmission(raw.value, framework.id) : null;
  }

  /** Keeps the submission on this device; when storage fails the result is still shown and sent to the host. */
  private keepSubmission(submission: Submission): void {
    const s = this.session;
    this.kept = submission;
    if (s) openDraftStorage(s.storage).write(submissionKey(s.framework.id, s.key, s.person), encodeSubmission(submission));
  }

  private storageKind(): StorageKind {
    if (isStorageKind(this.storage)) return this.storage;
    warnOnce('lf-storage-kind', `storage="${String(this.storage)}" is not one of local, session, none; using local.`);
    return 'local';
  }



  // ---- events from the view ----

  private onRadioChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    const itemId = input.name;
    const rating = Number(input.value);
    if (!this.assessment.answer(itemId, rating)) return;
    this.drafts.schedule();
    this.emit(new LfChangeEvent({ itemId, rating, responses: this.assessment.responses }));
  }

  private onQuestionFocusOut(e: FocusEvent): void {
    const fieldset = e.currentTarget as HTMLElement;
    if (e.relatedTarget instanceof Node && fieldset.contains(e.relatedTarget)) return;
    const id = fieldset.dataset.item;
    if (id) this.assessment.touch(id);
  }

  private onRoleChange(e: Event): void {
    this.assessment.setRole((e.target as HTMLSelectElement).value || null);
    this.drafts.schedule();
    void this.refreshDecisive();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    if (this.assessment.phase !== 'answering') return;
    if (this.assessment.onCheckPage) {
      void this.submit();
      return;
    }
    void this.continueStep();
  }

  private onBack(): void {
    this.assessment.back();
    this.navigated();
  }

  private onChangeLink(e: Event, itemId: string): void {
    e.preventDefault();
    this.assessment.change(itemId);
    this.navigated();
  }

  private onErrorLink(e: Event, itemId: string): void {
    e.preventDefault();
    if (this.assessment.onCheckPage) {
      this.assessment.change(itemId);
      this.navigated();
    } else {
      this.assessment.focusItem(itemId);
    }
  }

  /** "Start again" asks first: the answers go, the kept result stays until the next submission. */
  private onRestart(): void {
    this.confirmingRestart = true;
    this.assessment.focus = { to: 'heading' };
  }

  private onRestartConfirmed(): void {
    this.reset();
  }

  private restoreDraft(draft: DraftEnvelope): void {
    this.assessment.restore({ ratings: draft.responses.ratings, step: draft.step, role: draft.role, skipping: draft.skipping });
  }

  private showKept(kept: Submission): void {
    this.assessment.showSubmitted({ ratings: kept.responses.ratings, role: kept.role });
    this.lastResult = kept.result;
    this.showingKept = true;
  }

  /** "Yes, carry on with them": the held draft (or kept result) is the person's; it is shown as on any restore. */
  private onClaim(): void {
    const draft = this.drafts.claim();
    if (draft) {
      this.restoreDraft(draft);
      void this.refreshDecisive();
    } else if (this.kept) {
      this.showKept(this.kept);
    }
    this.askingKept = false;
    this.restoredToAnnounce = this.kept;
    this.assessment.focus = { to: 'heading' };
  }

  /**
   * "Not you? Start afresh" on a shared device: the restored draft and the kept result may be someone
   * else's. Both are set aside (kept on the device, not deleted) and the form starts empty.
   */
  private onStartAfresh(): void {
    const s = this.session;
    this.drafts.startAfresh();
    if (s && this.kept) {
      this.drafts.setAsideKey(submissionKey(s.framework.id, s.key, s.person));
      this.kept = null;
    }
    this.assessment.reset();
    this.lastResult = null;
    this.submitProblem = null;
    this.confirmingRestart = false;
    this.showingKept = false;
    this.askingKept = false;
    this.started = false;
    this.assessment.focus = { to: 'heading' };
  }

  /** True when nothing says whose answers are on this device (no person key) and they are kept where others can find them. */
  private get anyoneMaySee(): boolean {
    return !this.personKey?.trim() && this.storageKind() !== 'none';
  }

  private onRestartCancelled(): void {
    this.confirmingRestart = false;
    this.assessment.focus = { to: 'heading' };
  }

  private onPrint(): void {
    window.print();
  }

  /** After moving between steps: one-time notices have been seen (an open conflict stays); save where the person is. */
  private navigated(): void {
    this.drafts.clearNotices();
    this.submitProblem = null;
    this.drafts.schedule();
  }

  /** Dismisses a notice; focus goes to the step heading so it is not lost with the button. */
  private onDismiss(notice: DraftNotice): void {
    this.drafts.dismiss(notice);
    this.assessment.focus = { to: 'heading' };
  }

  private onResolve(choice: ConflictChoice): void {
    this.drafts.resolveConflict(choice);
    this.assessment.focus = { to: 'heading' };
    this.requestUpdate();
  }

  /** The engine's options: the target level and, with the role picker, the role. */
  private assessOptions(): AssessOptions {
    const options: AssessOptions = {};
    const target = this.target?.trim();
    if (target) options.target = target;
    if (this.rolePicker && this.assessment.role) options.role = this.assessment.role;
    return options;
  }

  /**
   * Asks the engine which unanswered questions could still change the result; the rest can be left out. The
   * latest call wins. A failure leaves out nothing more (every question is still asked), and the target's own
   * problem is shown by `levelProblem`.
   */
  private refreshDecisive(): Promise<void> {
    const c = this.assessment;
    const framework = c.framework;
    if (!framework || !c.offer || c.phase !== 'answering' || this.problem) return this.decisive.settled;
    const run = ++this.decisiveRun;
    this.decisive.settled = decisiveItems(framework, c.responses.ratings, this.assessOptions()).then(
      (ids) => {
        if (run === this.decisiveRun && c.framework === framework && c.phase === 'answering') c.setDecisive(ids);
      },
      () => undefined,
    );
    return this.decisive.settled;
  }

  /** Continue on a step: once its questions are answered, ask the engine what can be left out, then move on. */
  private async continueStep(): Promise<void> {
    const c = this.assessment;
    if (this.continuing) return;
    if (c.offer && c.missing(c.step).length === 0) {
      this.continuing = true;
      try {
        await this.refreshDecisive();
      } finally {
        this.continuing = false;
      }
      if (c.phase !== 'answering' || c.onCheckPage) return;
    }
    if (c.next().ok) this.navigated();
  }

  /** "Answer them anyway" / "Skip them": focus stays on the offer's button, which now offers the other choice. */
  private onSkipChoice(skip: boolean): void {
    const c = this.assessment;
    c.setSkipping(skip);
    if (!skip && c.onCheckPage) {
      // From "Check your answers": go to the first question that was left out.
      const first = c.missing()[0];
      if (first !== undefined) c.change(first);
    }
    this.navigated();
    if (c.focus !== null) return;
    void this.updateComplete.then(() => {
      const root = this.renderRoot as ShadowRoot;
      const next = root.querySelector<HTMLElement>(`[part~="${skip ? 'button-answer-anyway' : 'button-skip'}"]`);
      (next ?? root.querySelector<HTMLElement>('[data-focus="heading"]'))?.focus();
    });
  }

  private onAnswerSkipped(e: Event, itemId: string): void {
    e.preventDefault();
    this.assessment.answerSkipped(itemId);
    this.navigated();
  }

  /** The engine call, in one place so the submit guard's tests can hold it open while "scoring". */
  private score(framework: Framework, responses: { ratings: Record<string, number> }, options: AssessOptions): Promise<LevelFit> {
    return assess(framework, responses, options);
  }

  /**
   * Scores the answers once. The phase is the guard: the first call moves it to `submitting` synchronously,
   * so a second click, a repeated Enter or a second `requestSubmit()` in the same task or while the engine
   * runs finds it taken; after success it is `submitted` until `reset()`.
   */
  private async submit(): Promise<void> {
    const c = this.assessment;
    if (c.phase !== 'answering' || !c.framework || !c.checkAll().ok) return;
    if (!c.beginSubmit()) return;
    const responses = c.responses;
    const options = this.assessOptions();
    let result: LevelFit;
    try {
      result = await this.score(c.framework, responses, options);
    } catch (err) {
      this.submitProblem = { issues: issuesOf(err), source: 'assess' };
      c.endSubmit(false);
      return;
    }
    this.submitProblem = null;
    this.drafts.clear();
    this.lastResult = result;
    this.showingKept = false;
    this.keepSubmission({
      frameworkId: c.framework.id,
      frameworkVersion: c.framework.version,
      submittedAt: new Date().toISOString(),
      responses,
      role: options.role ?? null,
      result,
    });
    c.endSubmit(true);
    this.emit(new LfSubmitEvent({ responses, result }));
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const fw = this.frameworks.state;
    if (fw.status === 'loading') {
      return html`<div class="base" part="base">${this.renderLoading()}</div>`;
    }
    if (this.problem) return html`<div class="base" part="base">${this.renderFormProblem(this.problem)}</div>`;
    const c = this.assessment;
    if (!c.framework) return html`<div class="base" part="base"></div>`;
    const asking = this.drafts.awaitingChoice ?? (this.askingKept && this.kept ? new Date(this.kept.submittedAt) : null);
    if (asking) {
      return html`<div class="base" part="base">
        <p class="framework-title" part="framework-title">${c.framework.title}</p>
        ${renderSharedDeviceQuestion(this.formatWhen(asking), () => this.onClaim(), () => this.onStartAfresh())}
      </div>`;
    }
    const view =
      c.phase === 'submitted'
        ? this.confirmingRestart
          ? this.renderRestartCheck()
          : this.renderConfirmation()
        : c.onCheckPage
          ? this.renderCheckAnswers()
          : this.showStartPage()
            ? this.renderStartPage()
            : this.renderStep(c.currentStep!);
    return html`
      <div class="base" part="base">
        <p class="framework-title" part="framework-title">${c.framework.title}</p>
        <div class="notices" part="notices" role="status" aria-live="polite">${this.drafts.notices.map((n) => this.renderNotice(n))}</div>
        ${this.submitProblem ? this.renderFormProblem(this.submitProblem) : nothing} ${this.renderErrorSummary()}
        <form novalidate @submit=${this.onSubmit}>${view}</form>
        <p class="draft-status" part="draft-status" role="status" aria-live="polite">${this.savedStatus()}</p>
      </div>
    `;
  }

  private renderFormProblem(problem: Problem): TemplateResult {
    const title =
      problem.source === 'assess'
        ? msg('Your answers could not be scored')
        : problem.source === 'fetch'
          ? msg('The framework could not be loaded')
          : msg('This self-assessment cannot be shown');
    return this.renderProblem(problem, title);
  }

  /** "Draft saved at 10:42": the time is the controller's throttled `statusAt`, so the text (and the announcement) changes rarely. */
  private savedStatus(): string {
    const at = this.drafts.statusAt;
    if (!this.drafts.saved || !at || this.assessment.phase !== 'answering') return '';
    const time = new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(at);
    return msg(str`Draft saved at ${time}`);
  }

  private formatWhen(date: Date): string {
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  /** Question titles for item ids (the id itself for an item the framework no longer has). */
  private titles(ids: readonly string[]): string {
    return ids.map((id) => `“${this.assessment.item(id)?.title ?? id}”`).join(', ');
  }

  private renderNotice(notice: DraftNotice): TemplateResult {
    let body: TemplateResult;
    let actions: TemplateResult = html`<button
      type="button"
      class="secondary"
      part="button button-dismiss"
      @click=${() => this.onDismiss(notice)}
    >
      ${msg('Dismiss')}<span class="lf-visually-hidden"> ${msg('this message')}</span>
    </button>`;
    switch (notice.code) {
      case 'storage-unavailable':
        body = html`<p>
          ${msg('Your answers cannot be saved on this device. They will be kept until you leave this page, and you can still finish and submit the assessment.')}
        </p>`;
        break;
      case 'set-aside': {
        const lead = notice.savedAt
          ? msg(str`We could not use the answers you saved on ${this.formatWhen(notice.savedAt)}.`)
          : msg('We could not use some answers saved on this device.');
        const why =
          notice.reason === 'future-version'
            ? msg('They were saved with a newer version of this form or framework.')
            : notice.reason === 'other-framework'
              ? msg('They are for a different framework.')
              : msg('They could not be read.');
        body = html`<p>${lead} ${why}</p>
          <p>
            ${notice.moved
              ? msg('They have been kept on this device. You are starting a new assessment.')
              : msg('They have been left as they were. You are starting a new assessment.')}
          </p>`;
        break;
      }
      case 'restored': {
        const when = this.formatWhen(notice.savedAt);
        // Items the framework no longer has first, then answers off its scale.
        const dropped = [...notice.dropped.filter((id) => !this.assessment.item(id)), ...notice.dropped.filter((id) => this.assessment.item(id))];
        const m = notice.migrated;
        body = html`${notice.shared
            ? html`<p>${msg(str`We have restored answers saved on this device on ${when}. If they are not yours, start afresh.`)}</p>`
            : nothing}${m?.versionChanged
            ? html`<p>
                ${msg(str`Your saved answers from ${when} were from an older version of the framework (${m.fromVersion}). We have restored the ones that still apply.`)}
              </p>`
            : notice.shared
              ? nothing
              : html`<p>${msg(str`We have restored the answers you saved on ${when}.`)}</p>`}
          ${dropped.length === 1
            ? html`<p>${msg(str`1 answer no longer applies: ${this.titles(dropped)}.`)}</p>`
            : dropped.length > 1
              ? html`<p>${msg(str`${dropped.length} answers no longer apply: ${this.titles(dropped)}.`)}</p>`
              : nothing}
          ${notice.droppedRole !== null
            ? html`<p>${msg(str`The role you chose (${notice.droppedRole}) is no longer listed, so it has been cleared.`)}</p>`
            : nothing}
          ${m?.keptKey ? html`<p>${msg('A copy of your earlier answers has been kept on this device.')}</p>` : nothing}`;
        if (notice.shared) actions = html`${this.renderStartAfresh()}${actions}`;
        break;
      }
      case 'conflict': {
        const n = notice.items.length;
        body = html`<p>
            ${notice.samePage
              ? msg(str`Your answers were also changed in another form on this page, at ${this.formatWhen(notice.savedAt)}.`)
              : msg(str`Your answers were also changed in another tab or window, at ${this.formatWhen(notice.savedAt)}.`)}
          </p>
          ${n === 1 ? html`<p>${msg(str`1 answer is different there: ${this.titles(notice.items)}.`)}</p>` : nothing}
          ${n > 1 ? html`<p>${msg(str`${n} answers are different there: ${this.titles(notice.items)}.`)}</p>` : nothing}
          ${notice.role ? html`<p>${msg('Your role is different there.')}</p>` : nothing}
          <p>${msg('Your answers here are not saved until you choose which to keep.')}</p>`;
        actions = html`<button type="button" class="secondary" part="button button-use-theirs" @click=${() => this.onResolve('theirs')}>
            ${notice.samePage ? msg('Use the other form’s answers') : msg('Use the other tab’s answers')}
          </button>
          <button type="button" class="secondary" part="button button-keep-mine" @click=${() => this.onResolve('mine')}>
            ${msg('Keep mine')}
          </button>`;
        break;
      }
      case 'merged': {
        const n = notice.items.length;
        body = html`<p>
          ${notice.samePage
            ? n === 1
              ? msg('1 answer you gave in another form on this page has been added here.')
              : n > 1
                ? msg(str`${n} answers you gave in another form on this page have been added here.`)
                : msg('Your role was changed in another form on this page, and has been updated here.')
            : n === 1
              ? msg('1 answer you gave in another tab or window has been added here.')
              : n > 1
                ? msg(str`${n} answers you gave in another tab or window have been added here.`)
                : msg('Your role was changed in another tab or window, and has been updated here.')}
        </p>`;
        break;
      }
    }
    return html`<div class="notice" part="notice" data-notice=${notice.code}>
      ${body}
      <div class="buttons" part="notice-actions">${actions}</div>
    </div>`;
  }

  private renderStartAfresh(): TemplateResult {
    return html`<button type="button" class="secondary" part="button button-start-afresh" @click=${this.onStartAfresh}>
      ${msg('Not you? Start afresh')}
    </button>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const c = this.assessment;
    if (!c.errors.length || c.phase !== 'answering') return nothing;
    return html`
      <div class="error-summary" part="error-summary" tabindex="-1">
        <div role="alert">
          <h2>${msg('There is a problem')}</h2>
          <ul>
            ${c.errors.map(
              (e) =>
                html`<li>
                  <a href="#q-${e.itemId}" @click=${(ev: Event) => this.onErrorLink(ev, e.itemId)}>${this.errorText(e.itemId)}</a>
                </li>`,
            )}
          </ul>
        </div>
      </div>
    `;
  }

  private errorText(itemId: string): string {
    const title = this.assessment.item(itemId)?.title ?? itemId;
    return msg(str`Select a rating for “${title}”`);
  }

  /** The step's plain title (the framework's plain wording for the source's heading, when it has one). */
  private stepTitle(step: Step): string {
    const groups = this.assessment.framework?.plain?.groups;
    const base =
      step.heading.type === 'group' ? (groups && Object.hasOwn(groups, step.heading.text) ? groups[step.heading.text]! : step.heading.text) : kindTitle(step.heading.kind);
    return step.parts > 1 ? msg(str`${base}, part ${step.part} of ${step.parts}`) : base;
  }

  /** The start page shows until the person starts, and only before anything is answered. */
  private showStartPage(): boolean {
    const c = this.assessment;
    return this.startPage && !this.started && c.step === 0 && Object.keys(c.responses.ratings).length === 0;
  }

  private onStart(): void {
    this.started = true;
    this.assessment.focus = { to: 'heading' };
  }

  /** Every question the form has (asked once each). */
  private questionCount(): number {
    return this.assessment.steps.reduce((n, s) => n + s.itemIds.length, 0);
  }

  private renderStartPage(): TemplateResult {
    const total = this.questionCount();
    // About 10 seconds a question, rounded up to 5 minutes: honest for people who read every word.
    const minutes = Math.max(5, Math.ceil((total * 10) / 60 / 5) * 5);
    return html`
      <div class="step" part="start-page">
        <h2 data-focus="heading" tabindex="-1" part="step-heading">${msg('Before you start')}</h2>
        <p>${msg('You will rate how well you do each part of your job. Your answers show which level of the framework fits your work best, and what you could work on next.')}</p>
        <p>
          ${this.assessment.offer
            ? msg(str`There are up to ${total} questions. It takes about ${minutes} minutes or less. We leave out the questions that can’t change your result.`)
            : msg(str`There are ${total} questions. It takes about ${minutes} minutes.`)}
        </p>
        ${this.storageKind() === 'none'
          ? nothing
          : html`<p>${msg('Your answers are saved on this device as you go. You can stop and come back later.')}</p>`}
        ${this.renderScaleHelp(true)}
      </div>
      <div class="buttons">
        <button type="button" part="button button-start" @click=${this.onStart}>${msg('Start now')}</button>
      </div>
    `;
  }

  /** The scale explained once: each answer and what it means (from the scale's hints). */
  private renderScaleHelp(open: boolean): TemplateResult | typeof nothing {
    const values = this.assessment.framework!.scale.values;
    if (!values.some((v) => v.hint !== undefined)) return nothing;
    return html`<details class="scale-help" part="scale-help" ?open=${open}>
      <summary>${msg('What the answers mean')}</summary>
      <dl>
        ${values.map((v) => html`<div><dt>${v.label}</dt><dd>${v.hint ?? ''}</dd></div>`)}
      </dl>
    </details>`;
  }

  /**
   * "Questions 13–23 of 40" and a bar: how far through the questions this step is, counting only the questions
   * asked (steps not reached yet count in full, so the total can only go down as questions are left out).
   */
  private renderProgress(step: Step): TemplateResult {
    const c = this.assessment;
    const counts = c.steps.map((s) => c.shownIds(s.index).length);
    const total = counts.reduce((a, b) => a + b, 0);
    const first = counts.slice(0, step.index).reduce((a, b) => a + b, 0) + 1;
    const last = first + counts[step.index]! - 1;
    const text = first === last ? msg(str`Question ${first} of ${total}`) : msg(str`Questions ${first}–${last} of ${total}`);
    return html`<div class="progress" part="progress">
      <p id="lf-progress">${text}</p>
      <progress part="progress-bar" max=${total} .value=${first - 1} aria-labelledby="lf-progress"></progress>
    </div>`;
  }

  /** How many questions are left out, and the choice to answer them anyway (or to leave them out again). */
  private renderSkipOffer(): TemplateResult | typeof nothing {
    const c = this.assessment;
    if (!c.offer) return nothing;
    if (c.skipping) {
      const n = c.skippedIds().length;
      if (n === 0) return nothing;
      return html`<div class="skip-offer" part="skip-offer">
        <p>${n === 1 ? msg('We have left out 1 question that can’t change your result.') : msg(str`We have left out ${n} questions that can’t change your result.`)}</p>
        <button type="button" class="secondary" part="button button-answer-anyway" @click=${() => this.onSkipChoice(false)}>
          ${msg('Answer them anyway')}
        </button>
      </div>`;
    }
    const n = c.skippable().length;
    if (n === 0) return nothing;
    return html`<div class="skip-offer" part="skip-offer">
      <p>${n === 1 ? msg('1 question you have not answered can’t change your result.') : msg(str`${n} questions you have not answered can’t change your result.`)}</p>
      <button type="button" class="secondary" part="button button-skip" @click=${() => this.onSkipChoice(true)}>${msg('Skip them')}</button>
    </div>`;
  }

  private renderStep(step: Step): TemplateResult {
    const c = this.assessment;
    const framework = c.framework!;
    return html`
      <div class="step" part="step">
        <h2 data-focus="heading" tabindex="-1" part="step-heading">
          <span class="caption" part="step-indicator">${this.stepIndicator(step)}</span>
          ${this.stepTitle(step)}
        </h2>
        ${this.renderProgress(step)}
        ${c.cameBack ? html`<p class="came-back" part="came-back">${msg('Your later answers mean these questions can now change your result.')}</p>` : nothing}
        ${this.renderSkipOffer()} ${step.index === 0 ? this.renderScaleHelp(false) : nothing}
        ${this.showRolePicker(framework) && step.index === 0 ? this.renderRolePicker(framework) : nothing}
        ${repeat(c.shownIds(step.index), (id) => id, (id) => this.renderQuestion(c.item(id)!, framework))}
      </div>
      <div class="buttons">
        <button type="submit" part="button button-continue">${msg('Continue')}</button>
        ${step.index > 0
          ? html`<button type="button" class="secondary" part="button button-back" @click=${this.onBack}>${msg('Back')}</button>`
          : nothing}
      </div>
    `;
  }

  /** "Step 2 of 7", counting only the steps with a question to ask. */
  private stepIndicator(step: Step): string {
    const visible = this.assessment.visibleSteps();
    const at = visible.findIndex((s) => s.index === step.index);
    return msg(str`Step ${(at < 0 ? visible.filter((s) => s.index < step.index).length : at) + 1} of ${Math.max(visible.length, 1)}`);
  }

  /** The picker shows only when asked for and the framework lists indicative roles. */
  private showRolePicker(framework: Framework): boolean {
    return this.rolePicker && framework.levels.some((l) => l.roles.length > 0);
  }

  private renderRolePicker(framework: Framework): TemplateResult {
    const role = this.assessment.role ?? '';
    const seen = new Set<string>();
    return html`
      <div class="field" part="role-picker">
        <label class="label" for="role">${msg('Your role (optional)')}</label>
        <div class="hint" id="role-hint" part="hint">
          ${msg('Choose the role closest to yours. Your result will say which level that role usually sits at.')}
        </div>
        <select id="role" aria-describedby="role-hint" @change=${this.onRoleChange}>
          <option value="" ?selected=${role === ''}>${msg('No role selected')}</option>
          ${framework.levels.map(
            (level) => html`
              <optgroup label=${levelName(framework, level)}>
                ${level.roles
                  .filter((r) => {
                    const k = r.trim().toLowerCase();
                    if (seen.has(k)) return false;
                    seen.add(k);
                    return true;
                  })
                  .map((r) => html`<option .value=${r} ?selected=${r === role}>${r}</option>`)}
              </optgroup>
            `,
          )}
        </select>
        ${role
          ? html`<p class="role-chosen" part="role-chosen">${msg('You chose:')} <strong>${role}</strong></p>`
          : nothing}
      </div>
    `;
  }

  private renderQuestion(item: Item, framework: Framework): TemplateResult {
    const c = this.assessment;
    const error = c.errorFor(item.id);
    const rating = c.rating(item.id);
    const hintId = `q-${item.id}-hint`;
    const errorId = `q-${item.id}-error`;
    const shared = c.idsOf(item.id);
    const hasHint = item.description !== undefined || item.code !== undefined || shared.length > 1 || item.question !== undefined;
    const describedBy = [hasHint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
    return html`
      <div class="question ${error ? 'question--error' : ''}" part=${error ? 'question question-error' : 'question'}>
        <fieldset data-item=${item.id} aria-describedby=${describedBy || nothing} @focusout=${this.onQuestionFocusOut}>
          <legend part="legend">${item.question ?? item.title}</legend>
          ${hasHint
            ? html`<div class="hint" id=${hintId} part="hint">
                ${item.question !== undefined
                  ? html`<span class="source-text" part="source-text">${msg('From the framework:')} ${item.title}</span><br />`
                  : nothing}
                ${item.code !== undefined ? html`<span class="code">${msg(str`Reference ${item.code}`)}</span>` : nothing}
                ${item.code !== undefined && item.description !== undefined ? html`<br />` : nothing}
                ${item.description ?? nothing}
                ${shared.length > 1 ? html`<span class="shared" part="shared-hint">${this.sharedHint(shared, framework)}</span>` : nothing}
              </div>`
            : nothing}
          ${error
            ? html`<p class="error-message" id=${errorId} part="error-message">
                <span class="lf-visually-hidden">${msg('Error:')}</span> ${this.errorText(item.id)}
              </p>`
            : nothing}
          <div class="radios" part="radios">
            ${framework.scale.values.map((v, i) => {
              const id = i === 0 ? `q-${item.id}` : `q-${item.id}-${v.value}`;
              const valueHint = v.hint !== undefined ? `${id}-hint` : undefined;
              return html`
                <div class="radio" part="option">
                  <input
                    type="radio"
                    part="radio"
                    id=${id}
                    name=${item.id}
                    .value=${String(v.value)}
                    .checked=${live(rating === v.value)}
                    aria-describedby=${valueHint ?? nothing}
                    @change=${this.onRadioChange}
                  />
                  <label for=${id} part="radio-label">${v.label}</label>
                  ${valueHint ? html`<div class="radio-hint" id=${valueHint}>${v.hint}</div>` : nothing}
                </div>
              `;
            })}
          </div>
        </fieldset>
      </div>
    `;
  }

  /** Under a statement the framework lists at several levels: it is asked once and the answer counts at each. */
  private sharedHint(ids: readonly string[], framework: Framework): string {
    const levels = new Set(ids.flatMap((id) => this.assessment.item(id)?.levels ?? []));
    const titles = framework.levels.filter((l) => levels.has(l.id)).map((l) => levelName(framework, l)).join('; ');
    return msg(str`This is part of ${levels.size} levels (${titles}). You answer it once and your answer counts for each.`);
  }

  private renderCheckAnswers(): TemplateResult {
    const c = this.assessment;
    const framework = c.framework!;
    const label = (rating: number | undefined): string => (rating === undefined ? msg('Not answered') : ratingLabel(framework, rating));
    const roleTitle = c.role;
    const skipped = c.skippedIds();
    return html`
      <h2 data-focus="heading" tabindex="-1" part="step-heading">${msg('Check your answers')}</h2>
      <div class="check-answers" part="check-answers">
        ${this.showRolePicker(framework)
          ? html`<h3>${msg('Your role')}</h3>
              <dl class="summary-list" part="summary-list">
                <div class="summary-row">
                  <dt>${msg('Role')}</dt>
                  <dd>${roleTitle ?? msg('No role selected')}</dd>
                  <dd class="actions">
                    <a href="#role" part="change-link" @click=${(e: Event) => this.onChangeRole(e)}
                      >${msg('Change')}<span class="lf-visually-hidden"> ${msg('your role')}</span></a
                    >
                  </dd>
                </div>
              </dl>`
          : nothing}
        ${skipped.length
          ? html`<div class="skip-offer" part="skip-offer">
              <p>
                ${skipped.length === 1
                  ? msg('You did not need to answer 1 question, because it can’t change your result. It is marked “Skipped” below.')
                  : msg(str`You did not need to answer ${skipped.length} questions, because they can’t change your result. They are marked “Skipped” below.`)}
              </p>
              <button type="button" class="secondary" part="button button-answer-anyway" @click=${() => this.onSkipChoice(false)}>
                ${msg('Answer them anyway')}
              </button>
            </div>`
          : nothing}
        ${c.steps.map((step) => {
          const left = step.itemIds.filter((id) => c.isSkipped(id)).length;
          const answered = step.itemIds.length - left;
          return html`
            <details class="check-section" part="check-section">
            <summary><h3>${this.stepTitle(step)}</h3> <span class="count">${left
              ? msg(str`${answered} answers, ${left} skipped`)
              : msg(str`${answered} answers`)}</span></summary>
            <dl class="summary-list" part="summary-list">
              ${step.itemIds.map((id) => {
                const item = c.item(id)!;
                return c.isSkipped(id)
                  ? html`
                      <div class="summary-row" data-item=${id} data-skipped="">
                        <dt>${item.question ?? item.title}</dt>
                        <dd part="skipped">${msg('Skipped: it can’t change your result')}</dd>
                        <dd class="actions">
                          <a href="#q-${id}" part="answer-link" @click=${(e: Event) => this.onAnswerSkipped(e, id)}
                            >${msg('Answer')}<span class="lf-visually-hidden"> ${msg(str`“${item.title}”`)}</span></a
                          >
                        </dd>
                      </div>
                    `
                  : html`
                      <div class="summary-row" data-item=${id}>
                        <dt>${item.question ?? item.title}</dt>
                        <dd>${label(c.rating(id))}</dd>
                        <dd class="actions">
                          <a href="#q-${id}" part="change-link" @click=${(e: Event) => this.onChangeLink(e, id)}
                            >${msg('Change')}<span class="lf-visually-hidden"> ${msg(str`your rating for “${item.title}”`)}</span></a
                          >
                        </dd>
                      </div>
                    `;
              })}
            </dl>
            </details>
          `;
        })}
      </div>
      <h3>${msg('Now submit your assessment')}</h3>
      <p>${msg('When you submit, your answers are scored against the framework’s levels.')}</p>
      <div class="buttons">
        <button type="submit" part="button button-submit" aria-disabled=${c.phase === 'submitting' ? 'true' : nothing}>
          ${msg('Submit assessment')}
        </button>
        <button type="button" class="secondary" part="button button-back" @click=${this.onBack}>${msg('Back')}</button>
      </div>
    `;
  }

  private onChangeRole(e: Event): void {
    e.preventDefault();
    const first = this.assessment.steps[0]?.itemIds[0];
    if (first === undefined) return;
    this.assessment.change(first);
    this.assessment.focus = null;
    this.navigated();
    void this.updateComplete.then(() => (this.renderRoot as ShadowRoot).getElementById('role')?.focus());
  }

  private renderConfirmation(): TemplateResult {
    const framework = this.assessment.framework!;
    const result = this.lastResult;
    const best = result?.bestFit ? framework.levels.find((l) => l.id === result.bestFit) : undefined;
    const kept = this.kept;
    const heading =
      this.showingKept && kept
      ? msg(str`Your result from ${this.formatDate(new Date(kept.submittedAt))}`)
      : this.sent
        ? msg('Your result has been sent')
        : msg('Your result is ready');
    return html`
      <div class="panel" part="confirmation">
        <h2 data-focus="heading" tabindex="-1">${heading}</h2>
        <p>
          ${best
            ? html`${msg('Your best fit is')}<br /><strong>${levelName(framework, best)}</strong>`
            : msg('Your answers do not yet meet any level in full')}
        </p>
      </div>
      <p>${msg('Your result is kept on this device until you submit new answers. You can print it for your review meeting.')}</p>
      ${this.showingKept && kept && this.anyoneMaySee
        ? html`<p part="shared-device">
            ${msg(str`This result was saved on this device on ${this.formatWhen(new Date(kept.submittedAt))}. If it is not yours, start afresh.`)}
          </p>`
        : nothing}
      <div class="buttons">
        <button type="button" part="button button-print" @click=${this.onPrint}>${msg('Print your result')}</button>
        <button type="button" class="secondary" part="button button-restart" @click=${this.onRestart}>${msg('Start again')}</button>
        ${this.showingKept && kept && this.anyoneMaySee ? this.renderStartAfresh() : nothing}
      </div>
    `;
  }

  private renderRestartCheck(): TemplateResult {
    return html`
      <div part="restart-check">
        <h2 data-focus="heading" tabindex="-1">${msg('Start again?')}</h2>
        <p>${msg('Your answers will be cleared so you can fill in the form again.')}</p>
        <p>${msg('Your last result stays saved on this device until you submit new answers.')}</p>
        <div class="buttons">
          <button type="button" part="button button-restart-confirm" @click=${this.onRestartConfirmed}>${msg('Yes, start again')}</button>
          <button type="button" class="secondary" part="button button-restart-cancel" @click=${this.onRestartCancelled}>
            ${msg('No, go back')}
          </button>
        </div>
      </div>
    `;
  }

  private formatDate(date: Date): string {
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long' }).format(date);
  }
}

function kindTitle(kind: ItemKind): string {
  switch (kind) {
    case 'competence':
      return msg('Competences');
    case 'indicator':
      return msg('Indicators');
    case 'knowledge':
      return msg('Knowledge');
    case 'skill':
      return msg('Skills');
    case 'behaviour':
      return msg('Behaviours');
    case 'performance':
      return msg('Performance criteria');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-self-assessment': LfSelfAssessment;
  }
}
