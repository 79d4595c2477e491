import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import {
  isSeed,
  levelsWithinReach,
  percentOf,
  promptHasHint,
  quizMarks,
  QUIZ_MODES,
  safeParseQuestionBank,
  scoreQuiz,
  type Framework,
  type QuizMode,
  type Issue,
  type Question,
  type QuestionBank,
  type QuizAnswers,
  type QuizScore,
  type Responses,
  type ScoreQuizOptions,
} from '@levelfit/engine';
import { credit } from '@levelfit/engine/internal';
import { isStorageKind, openDraftStorage, type DraftStorage, type StorageKind } from '../drafts/storage.js';
import { attemptsKey, decodeAttempts, encodeAttempts } from './attempts.js';
import { DraftStore, type ConflictChoice, type DraftNotice } from '../drafts/draft-store.js';
import { QUIZ_DRAFTS } from '../drafts/quiz-envelope.js';
import { LfQuizChangeEvent, type LfQuizChangeReason, type QuizRestoreState } from '../events/lf-quiz-change.js';
import { LfQuizSubmitEvent } from '../events/lf-quiz-submit.js';
import { BankController, type BankSource } from '../internal/bank-controller.js';
import type { FrameworkSource } from '../internal/framework-controller.js';
import { formStyles } from '../internal/form.styles.js';
import { renderSharedDeviceQuestion } from '../internal/shared-device-question.js';
import { issuesOf, LfElement, type Problem } from '../internal/lf-element.js';
import { ratingLabel } from '../internal/rating-label.js';
import { warnOnce } from '../internal/warn-once.js';
import { currentLocale } from '../localize/localize.js';
import { tokens } from '../tokens.js';
import { QUIZ_FEEDBACK_MODES, QuizController, type QuizFeedbackMode } from './quiz-controller.js';
import { quizStyles } from './quiz.styles.js';

/**
 * A knowledge quiz from a question bank, one question per page (GOV.UK "question pages"): each question is a
 * fieldset whose legend is the question, with native radios (single answer, true or false, scenario) or
 * checkboxes ("Select all that apply"). Continue checks the answer and shows the bank's feedback, announced
 * politely; then "Check your answers", then Submit, which scores the answers with the engine's `scoreQuiz`
 * and shows the score, pass or fail, mastery per framework item and the level fit. Answers are saved as a
 * draft as people go and restored where they left off.
 *
 * @tagname lf-quiz
 * @summary A question-bank quiz with feedback, drafts and a score, following GOV.UK / NHS.UK question pages.
 *
 * @attr bank - A built-in question bank id (`clinical-homecare-core`, `lead-practitioner-ksb`) or the URL of a bank JSON file (fetched only then). The `bank` property also takes a bank object, validated with `safeParseQuestionBank`.
 * @attr framework - The framework the bank evidences, when it is not built in: a built-in id or a framework JSON URL (the property also takes a framework object). Default: the built-in framework the bank names.
 * @attr target - A level id to list gaps against (passed to `scoreQuiz` as `options.target`).
 * @attr feedback - `immediate` (default): Continue first says whether the answer is right, with the bank's feedback; `none`: feedback only in the results.
 * @attr storage - Where drafts are saved: `local` (default), `session` or `none`.
 * @attr assessment-key - Distinguishes drafts of the same bank: `levelfit:draft:quiz:<bank id>:<assessment-key>`.
 * @attr person-key - Whose answers these are (an opaque id from the host's sign-in; not shown): drafts and attempt counts go under `…:person:<person-key>`, so people sharing a device never see each other's answers. Without it a restored draft says it may be someone else's and offers "Not you? Start afresh".
 * @attr shared-device - Boolean. The device is shared (a care-home tablet): with no `person-key`, answers found on the device are not shown until the person answers "Are they yours?" ("Yes, carry on with them" restores them; "No, start afresh" sets them aside, kept, and starts empty).
 * @attr mode - `assessment`: the first checked answer counts (the bank's `delivery.checkedAnswers`: `lock`, the default, stops it changing; `first-try` lets it change for learning); `practice`: the final answers count and the quiz says it does not count. Default: `assessment` when `lms` is set, else `practice`.
 * @attr lms - Set when the result goes to an LMS (`scorm`, `xapi`, `cmi5`): assessment mode by default, drafts stay with the LMS (never in this device's storage; see `restore()` and `lf-quiz-change`), and once submitted the quiz cannot be started again here unless `allow-restart` is set.
 * @attr allow-restart - Lets the learner start again after submitting to an LMS.
 * @attr no-review - Leaves out the review of each question after submitting (for secure tests; a bank can also set `delivery.review: false`).
 * @attr hide-level-fit - Leaves out the level-fit section of the results. It is left out anyway when the bank cannot reach any level on its own and no self-ratings are given.
 * @attr attempts-used - Attempts already used elsewhere (e.g. counted by the LMS), toward the bank's `delivery.attempts` limit. Attempts submitted here are counted on this device (`levelfit:attempts:quiz:<bank id>[:<assessment-key>][:person:<person-key>]`, kept across reloads; in memory with `storage="none"`; not kept with `lms`), and once none are left the quiz says so instead of starting a new one.
 *
 * @event {LfQuizSubmitEvent} lf-quiz-submit - Submitted and scored, exactly once per submission (repeated clicks, Enter or `submit()` while scoring, or after submitting until `reset()`, are ignored). `detail: { answers, score }`; `score` is the engine's `QuizScore`.
 * @event {LfQuizChangeEvent} lf-quiz-change - An option was selected or cleared (`reason: 'select'`), an answer checked (`'check'`) or the person moved to another page (`'move'`). `detail: { reason, questionId, selected, answers, position, seed, tries }`: everything `restore()` takes back.
 * @event {LfErrorEvent} lf-error - The bank, its framework or an option is unusable, or scoring failed. `detail: { issues, source }`; the issues are also shown inline.
 *
 * @slot level-fit - Shown in the results under "Your level fit": put an `<lf-level-fit>` here and give it `detail.score.levelFit`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart bank-title - The bank's title above the quiz.
 * @csspart notices - The polite status region holding draft notices.
 * @csspart notice - One notice (answers restored, set aside, cannot save, changed in another tab).
 * @csspart shared-question - With `shared-device`: "Are they yours?", shown instead of the form while answers found on the device wait for the person's choice; `shared-question-actions` holds its buttons.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart question - The current question's wrapper (also `question-error` when it has an error).
 * @csspart progress - "Question 3 of 12".
 * @csspart heading - The page heading (the question inside its legend, "Check your answers", the result); focused on each page change.
 * @csspart legend - The question's legend.
 * @csspart scenario - The scenario text of a scenario question, shown before the options.
 * @csspart hint - Hint text ("Select all that apply").
 * @csspart error-message - The error message inside a question.
 * @csspart options - The list of options.
 * @csspart option - One option with its label.
 * @csspart radio - A native radio input.
 * @csspart checkbox - A native checkbox input.
 * @csspart option-label - An option's label.
 * @csspart feedback-region - The polite live region that holds the feedback.
 * @csspart feedback - The feedback on an answer (also `feedback-correct`, `feedback-partial` or `feedback-incorrect`).
 * @csspart button - Every button; also `button-continue`, `button-back`, `button-submit`, `button-restart`, `button-dismiss`, `button-use-theirs`, `button-keep-mine`, `button-start-afresh` ("Not you? Start afresh", or "No, start afresh"), `button-claim` ("Yes, carry on with them").
 * @csspart check-answers - The "Check your answers" summary list.
 * @csspart change-link - A "Change" link.
 * @csspart results - The results view.
 * @csspart results-panel - The score panel (also `results-panel-pass` or `results-panel-fail`).
 * @csspart mastery - The mastery table, one row per framework item the bank evidences.
 * @csspart level-fit - The level-fit summary around the `level-fit` slot.
 * @csspart mode-notice - The line that says a practice quiz does not count, or how answers count in an assessment.
 * @csspart review - The review list after submitting: each question right, partly right or wrong, with the correct answer and the feedback.
 * @csspart review-item - One question in the review (also `review-correct`, `review-partial` or `review-incorrect`).
 * @csspart restart-notice - Why the quiz cannot be started again (sent to the LMS, or no attempts left).
 * @csspart draft-status - The polite status line that says "Draft saved".
 * @csspart error - The inline error shown for bad input or a failed score.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Hints and captions.
 * @cssproperty [--lf-color-background=#ffffff] - Field background.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Notices, scenario and secondary buttons.
 * @cssproperty [--lf-color-border=#b1b4b6] - Summary list and table rules.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Radio and checkbox colour.
 * @cssproperty [--lf-color-brand=#1d70b8] - Primary buttons, notice and feedback borders.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on primary buttons.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-color-error=#d4351c] - Error borders and messages, incorrect feedback.
 * @cssproperty [--lf-color-success=#00703c] - Correct feedback and the pass panel.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-radius=0] - Corner radius of buttons and panels.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-form-max-width=48rem] - Widest the quiz grows.
 * @cssproperty [--lf-radio-size=1.75rem] - Radio and checkbox size (never under 24px).
 * @cssproperty [--lf-button-background=var(--lf-color-brand)] - Primary button background.
 * @cssproperty [--lf-button-text=var(--lf-color-brand-text)] - Primary button text.
 * @cssproperty [--lf-button-shadow=#0b0c0c] - Primary button bottom shadow.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Back / restart button background.
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Back / restart button text.
 * @cssproperty [--lf-panel-background=var(--lf-color-success)] - Pass panel background.
 * @cssproperty [--lf-panel-text=#ffffff] - Pass panel text.
 * @cssproperty [--lf-quiz-max-width=var(--lf-form-max-width, 48rem)] - Widest the quiz grows; set it to size the quiz alone.
 */
@localized()
export class LfQuiz extends LfElement {
  static override styles = [tokens, formStyles, quizStyles];

  /** A built-in question bank id, the URL of a bank JSON file, or (as a property) a question bank object. */
  @property({ attribute: 'bank' })
  bank: BankSource = null;

  /** Optional self-ratings (`{ ratings }`), combined with the quiz evidence for the level fit. */
  @property({ attribute: false })
  responses: Responses | null = null;

  /** A level id to list gaps against. */
  @property({ reflect: true })
  target: string | null = null;

  /** When feedback is given: `immediate` or `none`. */
  @property({ reflect: true })
  feedback: QuizFeedbackMode = 'immediate';

  /** Where drafts are saved: `local`, `session` or `none`. */
  @property({ reflect: true })
  storage: StorageKind = 'local';

  /** Distinguishes drafts of the same bank on one site. */
  @property({ reflect: true, attribute: 'assessment-key' })
  assessmentKey: string | null = null;

  /** Whose answers these are on a shared device; not reflected, so the id does not show in the page's markup. */
  @property({ attribute: 'person-key' })
  personKey: string | null = null;

  /** The device is shared: without a person key, saved answers are not shown until the person says they are theirs. */
  @property({ type: Boolean, reflect: true, attribute: 'shared-device' })
  sharedDevice = false;

  /** `assessment` or `practice`; default `assessment` when `lms` is set, else `practice`. */
  @property({ reflect: true })
  mode: QuizMode | null = null;

  /** The LMS the result goes to (`scorm`, `xapi`, `cmi5`), or null. */
  @property({ reflect: true })
  lms: string | null = null;

  /** Lets the learner start again after submitting to an LMS. */
  @property({ type: Boolean, reflect: true, attribute: 'allow-restart' })
  allowRestart = false;

  /** Leaves out the review after submitting. */
  @property({ type: Boolean, reflect: true, attribute: 'no-review' })
  noReview = false;

  /** Leaves out the level-fit section of the results. */
  @property({ type: Boolean, reflect: true, attribute: 'hide-level-fit' })
  hideLevelFit = false;

  /** Attempts already used elsewhere, toward the bank's `delivery.attempts`. */
  @property({ type: Number, reflect: true, attribute: 'attempts-used' })
  attemptsUsed = 0;

  @state()
  private lastScore: QuizScore | null = null;

  /** Whether the bank alone can reach a level (null until known). */
  @state()
  private reachesLevel: boolean | null = null;

  /** Attempts submitted: on this device (kept across reloads, see `./attempts.ts`), or in this element with an LMS. */
  private submissions = 0;
  /** With `storage="none"`, the attempt count lives here for the element's life. */
  private readonly attemptMemory = new Map<string, string>();
  /** A `restore()` made before the bank was ready, applied when it is. */
  private pendingRestore: QuizRestoreState | null = null;

  private readonly banks = new BankController(this, () => this.bank, () => this.fetchTimeout);
  private readonly quiz = new QuizController(this);
  private readonly drafts = new DraftStore(this, QUIZ_DRAFTS, {
    snapshot: () => {
      const q = this.quiz;
      if (!q.bank || q.phase !== 'answering') return null;
      return { bank: q.bank, answers: q.answers, step: q.step, revealed: q.revealed, seed: q.seed, tries: q.tries };
    },
    apply: (answers) => this.quiz.merge(answers),
  });

  private submitProblem: Problem | null = null;
  private session: QuizSession | null = null;
  private fit: { bank: QuestionBank; framework: Framework; issues: Issue[] } | null = null;

  /** The engine's score of the last submission (the same as `lf-quiz-submit`'s `detail.score`), or null. */
  get score(): QuizScore | null {
    return this.lastScore;
  }

  /** A copy of the answers so far: `{ [questionId]: optionId[] }`. */
  get answers(): QuizAnswers {
    return this.quiz.answers;
  }

  /** Where the person is: the index of the question showing (from 0, in the order asked), or the question count on "Check your answers". */
  get position(): number {
    return this.quiz.position;
  }

  /** The seed this attempt's questions were drawn and ordered with. */
  get seed(): number {
    return this.quiz.seed;
  }

  /** Whether answers count as an assessment (first checked answer) or practice (final answer). */
  get effectiveMode(): QuizMode {
    if (this.mode !== null && (QUIZ_MODES as readonly string[]).includes(this.mode)) return this.mode;
    if (this.mode !== null) warnOnce('lf-quiz-mode', `mode="${String(this.mode)}" is not one of ${QUIZ_MODES.join(', ')}; using the default.`);
    return this.reportsToLms ? 'assessment' : 'practice';
  }

  private get reportsToLms(): boolean {
    return typeof this.lms === 'string' && this.lms.trim() !== '';
  }

  /**
   * Resumes an attempt from what `lf-quiz-change` reported (an LMS's suspend data, say): the answers, the
   * position (a number, or its text as SCORM's `cmi.location` keeps it), the seed (so the same questions come
   * in the same order) and the checked tries. Answers that no longer fit the bank are left out; the position
   * never skips an unanswered question. Called before the bank has loaded, it is applied once it has, in
   * place of any draft on this device.
   */
  restore(state: QuizRestoreState): void {
    const s: QuizRestoreState = { answers: state?.answers ?? {} };
    if (state?.position !== undefined && state.position !== null) s.position = state.position;
    if (isSeed(state?.seed)) s.seed = state.seed;
    if (state?.tries) s.tries = state.tries;
    if (!this.session) {
      this.pendingRestore = s;
      return;
    }
    this.syncStorage(); // `lms` may have been set just now: never save this attempt where it no longer belongs
    this.drafts.clearNotices();
    this.applyRestore(this.session.bank, s);
    this.drafts.schedule();
  }

  private applyRestore(bank: QuestionBank, s: QuizRestoreState): void {
    this.quiz.setBank(bank, s.seed ?? this.quiz.seed);
    const position = Number(s.position ?? 0);
    this.quiz.restore({ answers: s.answers, step: Number.isFinite(position) ? position : 0, revealed: [], tries: s.tries ?? {} });
    this.lastScore = null;
    this.submitProblem = null;
  }

  /** The question bank, once it has loaded and validated against its framework. */
  get resolvedBank(): QuestionBank | null {
    return this.session?.bank ?? null;
  }

  /** The framework the bank evidences, once resolved. */
  override get resolvedFramework(): Framework | null {
    return this.session?.framework ?? null;
  }

  /** Clears every answer and the saved draft, and returns to the first question. */
  reset(): void {
    this.drafts.clear();
    this.quiz.reset();
    this.lastScore = null;
    this.submitProblem = null;
  }

  /**
   * Scores the answers from "Check your answers" (what the Submit button does). Resolves with the score, or
   * null when the quiz is not on that page, a question is unanswered, it is already being scored or has been
   * submitted, or scoring failed (shown inline and as `lf-error`).
   */
  async submit(): Promise<QuizScore | null> {
    const q = this.quiz;
    const session = this.session;
    if (!session || this.outOfAttempts(session.bank) || !q.onCheckPage || !q.checkAll() || !q.beginSubmit()) return null;
    const answers = q.answers;
    const options: ScoreQuizOptions = { framework: session.framework, mode: this.effectiveMode, tries: q.tries, seed: q.seed };
    if (this.responses) options.responses = this.responses;
    const target = this.target?.trim();
    if (target) options.target = target;
    let score: QuizScore;
    try {
      score = await scoreQuiz(session.bank, answers, options);
    } catch (err) {
      this.submitProblem = { issues: issuesOf(err), source: 'assess' };
      q.endSubmit(false);
      return null;
    }
    this.submitProblem = null;
    this.drafts.clear();
    this.submissions++;
    this.keepAttempts(session);
    if (!this.responses && this.reachesLevel === null) {
      try {
        this.reachesLevel = (await levelsWithinReach(session.bank, session.framework)).length > 0;
      } catch {
        this.reachesLevel = true; // show what the engine said rather than hide it
      }
    }
    this.lastScore = score;
    q.endSubmit(true);
    this.emit(new LfQuizSubmitEvent({ answers, score }));
    return score;
  }

  constructor() {
    super();
    this.watchSource(this.banks);
  }

  /** The `framework` attribute, else the built-in framework the bank names. */
  protected override frameworkSource(): FrameworkSource {
    if (this.framework !== null && this.framework !== undefined && this.framework !== '') return this.framework;
    const b = this.banks.state;
    return b.status === 'ready' ? b.bank.framework : null;
  }

  protected override willUpdate(): void {
    this.banks.sync();
    this.frameworks.sync();
    this.quiz.feedback = this.feedbackMode();
    this.quiz.mode = this.effectiveMode;
    this.problem = this.resolve();
    this.quiz.checkedAnswers = this.session?.bank.delivery?.checkedAnswers ?? 'lock';
  }

  /** Puts the bank and framework together (a new session when either changes) and returns what blocks the quiz. */
  private resolve(): Problem | null {
    const b = this.banks.state;
    if (b.status === 'error') return { issues: b.issues, source: b.source };
    if (b.status !== 'ready') return null;
    const f = this.frameworks.state;
    if (f.status === 'error') return { issues: f.issues, source: f.source };
    if (f.status !== 'ready') return null;
    const bank = b.bank;
    const framework = f.framework;
    if (!this.fit || this.fit.bank !== bank || this.fit.framework !== framework) {
      const checked = safeParseQuestionBank(bank, framework);
      this.fit = { bank, framework, issues: checked.success ? [] : checked.issues };
    }
    if (this.fit.issues.length) return { issues: this.fit.issues, source: 'bank' };
    const storage = this.storageKind();
    const key = this.assessmentKey?.trim() || null;
    const person = this.personKey?.trim() || null;
    const s = this.session;
    if (s && s.bank === bank && s.framework === framework && s.key === key && s.person === person) {
      this.syncStorage();
    } else {
      this.drafts.flush();
      this.session = { bank, framework, storage, key, person };
      this.lastScore = null;
      this.submitProblem = null;
      this.reachesLevel = null;
      const counted = this.reportsToLms ? null : this.attemptStorage(storage).read(attemptsKey(bank.id, key, person));
      this.submissions = counted?.ok ? decodeAttempts(counted.value, bank.id) : 0;
      const pending = this.pendingRestore;
      this.pendingRestore = null;
      // A restore the host asked for (from the LMS) wins over a draft on this device.
      const saved = this.drafts.open(bank, storage, key, person, this.sharedDevice && !pending);
      if (pending) this.drafts.clearNotices();
      const draft = pending ? null : saved;
      this.quiz.setBank(bank, pending?.seed ?? (isSeed(draft?.seed) ? draft.seed : undefined));
      if (pending) this.applyRestore(bank, pending);
      else if (draft) this.quiz.restore(draft);
    }
    return this.levelProblem(framework, 'target', this.target);
  }

  protected override currentProblem(): Problem | null {
    return this.problem ?? this.submitProblem;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.quiz.takeFocusRequest();
    if (!focus) return;
    const root = this.renderRoot as ShadowRoot;
    if (focus.to === 'heading') root.querySelector<HTMLElement>('[data-focus="heading"]')?.focus();
    else if (focus.to === 'error-summary') root.querySelector<HTMLElement>('.error-summary')?.focus();
    else {
      const target =
        root.querySelector<HTMLInputElement>(`input[name="${focus.questionId}"]:checked`) ??
        root.querySelector<HTMLInputElement>(`input[name="${focus.questionId}"]`);
      target?.focus();
    }
  }

  /** Saves drafts where the `storage` and `lms` attributes now say, from now on. */
  private syncStorage(): void {
    const s = this.session;
    const storage = this.storageKind();
    if (!s || s.storage === storage) return;
    this.session = { ...s, storage };
    this.drafts.setStorage(storage);
  }

  /** Where the attempt count is kept: the draft's storage kind (none with an LMS: the LMS counts). */
  private attemptStorage(kind: StorageKind): DraftStorage {
    return openDraftStorage(kind, window, this.attemptMemory);
  }

  private keepAttempts(session: QuizSession): void {
    const kind = this.storageKind();
    // An LMS keeps its own count (given back as attempts-used); nothing about the learner stays on this device.
    if (this.reportsToLms) return;
    this.attemptStorage(kind).write(attemptsKey(session.bank.id, session.key, session.person), encodeAttempts(session.bank.id, this.submissions, new Date()));
  }

  /** Attempts used toward the bank's limit: those the host counted elsewhere plus those made here. */
  private attemptsSpent(): number {
    return (Number.isFinite(this.attemptsUsed) ? Math.max(0, this.attemptsUsed) : 0) + this.submissions;
  }

  /** True when the bank limits attempts and none are left. */
  private outOfAttempts(bank: QuestionBank): boolean {
    const limit = bank.delivery?.attempts;
    return limit !== undefined && this.attemptsSpent() >= limit;
  }

  private storageKind(): StorageKind {
    // With an LMS, the draft lives in the LMS (suspend data through lf-quiz-change), never on a shared device.
    if (this.reportsToLms) return 'none';
    if (isStorageKind(this.storage)) return this.storage;
    warnOnce('lf-storage-kind', `storage="${String(this.storage)}" is not one of local, session, none; using local.`);
    return 'local';
  }

  private feedbackMode(): QuizFeedbackMode {
    if ((QUIZ_FEEDBACK_MODES as readonly string[]).includes(this.feedback)) return this.feedback;
    warnOnce('lf-quiz-feedback', `feedback="${String(this.feedback)}" is not one of ${QUIZ_FEEDBACK_MODES.join(', ')}; using immediate.`);
    return 'immediate';
  }

  // ---- events from the view ----

  private onOptionChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    const questionId = input.name;
    if (!this.quiz.select(questionId, input.value, input.checked)) {
      // A locked answer: put the input back as the state says.
      this.requestUpdate();
      return;
    }
    this.drafts.schedule();
    this.changed('select', questionId);
  }

  /** Tells the host what changed, with everything `restore()` needs to resume here. */
  private changed(reason: LfQuizChangeReason, questionId: string): void {
    const q = this.quiz;
    this.emit(
      new LfQuizChangeEvent({ reason, questionId, selected: [...q.selected(questionId)], answers: q.answers, position: q.position, seed: q.seed, tries: q.tries }),
    );
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const q = this.quiz;
    if (q.phase !== 'answering') return;
    if (q.onCheckPage) {
      void this.submit();
      return;
    }
    const questionId = q.current?.id ?? '';
    const result = q.next();
    if (result.ok) {
      if (!result.revealed) this.drafts.clearNotices();
      this.submitProblem = null;
      this.drafts.schedule();
      this.changed(result.revealed ? 'check' : 'move', questionId);
    }
  }

  private onBack(): void {
    this.quiz.back();
    this.navigated();
  }

  private onChangeLink(e: Event, questionId: string): void {
    e.preventDefault();
    this.quiz.change(questionId);
    this.navigated();
  }

  private onErrorLink(e: Event, questionId: string): void {
    e.preventDefault();
    if (this.quiz.onCheckPage) {
      this.quiz.change(questionId);
      this.navigated();
    } else {
      this.quiz.focusQuestion(questionId);
    }
  }

  private onRestart(): void {
    if (this.session && !this.canRestart(this.session.bank)) return;
    this.reset();
  }

  private canRestart(bank: QuestionBank): boolean {
    return !(this.reportsToLms && !this.allowRestart) && !this.outOfAttempts(bank);
  }

  private onDismiss(notice: DraftNotice): void {
    this.drafts.dismiss(notice);
    this.quiz.focus = { to: 'heading' };
  }

  /** "Yes, carry on with them": the held draft is the person's; it is restored in its own question order. */
  private onClaim(): void {
    const draft = this.drafts.claim();
    const bank = this.session?.bank;
    if (draft && bank) {
      this.quiz.setBank(bank, isSeed(draft.seed) ? draft.seed : undefined);
      this.quiz.restore(draft);
    }
    this.quiz.focus = { to: 'heading' };
  }

  /** "Not you? Start afresh" on a shared device: the restored draft is set aside (kept, not deleted) and the quiz starts empty. */
  private onStartAfresh(): void {
    this.drafts.startAfresh();
    this.quiz.reset();
    this.lastScore = null;
    this.submitProblem = null;
    this.quiz.focus = { to: 'heading' };
  }

  private onResolve(choice: ConflictChoice): void {
    this.drafts.resolveConflict(choice);
    this.quiz.focus = { to: 'heading' };
    this.requestUpdate();
  }

  private navigated(): void {
    this.drafts.clearNotices();
    this.submitProblem = null;
    this.drafts.schedule();
    this.changed('move', this.quiz.current?.id ?? '');
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    if (this.problem) return html`<div class="base" part="base">${this.renderQuizProblem(this.problem)}</div>`;
    const q = this.quiz;
    const session = this.session;
    if (!session || !q.bank) {
      return html`<div class="base" part="base">${this.renderLoading(msg('Loading the questions…'))}</div>`;
    }
    if (q.phase === 'answering' && this.outOfAttempts(session.bank)) {
      // Every attempt has been used (on this device before a reload, or as the host counted): no new one starts.
      return html`<div class="base" part="base">
        <p class="bank-title" part="bank-title">${q.bank.title}</p>
        <h2 data-focus="heading" tabindex="-1">${msg('No attempts left')}</h2>
        ${this.renderRestart(session.bank)}
      </div>`;
    }
    const asking = this.drafts.awaitingChoice;
    if (asking) {
      return html`<div class="base" part="base">
        <p class="bank-title" part="bank-title">${q.bank.title}</p>
        ${renderSharedDeviceQuestion(
          new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(asking),
          () => this.onClaim(),
          () => this.onStartAfresh(),
        )}
      </div>`;
    }
    const view =
      q.phase === 'submitted' && this.lastScore
        ? this.renderResults(this.lastScore, session.framework)
        : q.onCheckPage || q.phase === 'submitting'
          ? this.renderCheckAnswers()
          : this.renderQuestion(q.current!);
    return html`
      <div class="base" part="base">
        <p class="bank-title" part="bank-title">${q.bank.title}</p>
        ${q.phase === 'answering' ? this.renderModeNotice() : nothing}
        <div class="notices" part="notices" role="status" aria-live="polite">${this.drafts.notices.map((n) => this.renderNotice(n))}</div>
        ${this.submitProblem ? this.renderQuizProblem(this.submitProblem) : nothing} ${this.renderErrorSummary()}
        ${q.phase === 'submitted' ? view : html`<form novalidate @submit=${this.onSubmit}>${view}</form>`}
        <p class="draft-status" part="draft-status" role="status" aria-live="polite">${this.savedStatus()}</p>
      </div>
    `;
  }

  private renderQuizProblem(problem: Problem): TemplateResult {
    const title =
      problem.source === 'assess'
        ? msg('Your answers could not be scored')
        : problem.source === 'fetch'
          ? msg('The questions could not be loaded')
          : msg('This quiz cannot be shown');
    return this.renderProblem(problem, title);
  }

  private savedStatus(): string {
    const at = this.drafts.savedAt;
    if (!this.drafts.saved || !at || this.quiz.phase !== 'answering') return '';
    const time = new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(at);
    return msg(str`Draft saved at ${time}`);
  }

  /** Question numbers ("questions 2 and 5") for question ids. */
  private numbers(ids: readonly string[]): string {
    return ids.map((id) => String(this.questionNumber(id) || id)).join(', ');
  }

  private renderNotice(notice: DraftNotice): TemplateResult {
    let body: TemplateResult;
    let actions: TemplateResult = html`<button type="button" class="secondary" part="button button-dismiss" @click=${() => this.onDismiss(notice)}>
      ${msg('Dismiss')}<span class="lf-visually-hidden"> ${msg('this message')}</span>
    </button>`;
    switch (notice.code) {
      case 'storage-unavailable':
        body = html`<p>
          ${msg('Your answers cannot be saved on this device. They will be kept until you leave this page, and you can still finish the quiz.')}
        </p>`;
        break;
      case 'set-aside':
        body = html`<p>
          ${msg('We could not use the answers saved on this device earlier.')}
          ${notice.moved ? msg('They have been kept. You are starting again.') : msg('They have been left as they were. You are starting again.')}
        </p>`;
        break;
      case 'restored': {
        const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(notice.savedAt);
        const n = notice.dropped.length;
        body = html`<p>
            ${notice.shared
              ? msg(str`We have restored answers saved on this device on ${when}. If they are not yours, start afresh.`)
              : msg(str`We have restored the answers you saved on ${when}.`)}
          </p>
          ${n > 0
            ? html`<p>
                ${n === 1
                  ? msg('1 saved answer no longer fits the questions, so it has been left out.')
                  : msg(str`${n} saved answers no longer fit the questions, so they have been left out.`)}
              </p>`
            : nothing}
          ${notice.migrated?.keptKey ? html`<p>${msg('A copy of your earlier answers has been kept on this device.')}</p>` : nothing}`;
        if (notice.shared) {
          actions = html`<button type="button" class="secondary" part="button button-start-afresh" @click=${this.onStartAfresh}>
              ${msg('Not you? Start afresh')}
            </button>
            ${actions}`;
        }
        break;
      }
      case 'conflict': {
        const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(notice.savedAt);
        body = html`<p>
            ${notice.samePage
              ? msg(str`Your answers were also changed in another form on this page, at ${when}.`)
              : msg(str`Your answers were also changed in another tab or window, at ${when}.`)}
          </p>
          <p>${msg(str`Questions with a different answer there: ${this.numbers(notice.items)}.`)}</p>
          <p>${msg('Your answers here are not saved until you choose which to keep.')}</p>`;
        actions = html`<button type="button" class="secondary" part="button button-use-theirs" @click=${() => this.onResolve('theirs')}>
            ${notice.samePage ? msg('Use the other form’s answers') : msg('Use the other tab’s answers')}
          </button>
          <button type="button" class="secondary" part="button button-keep-mine" @click=${() => this.onResolve('mine')}>${msg('Keep mine')}</button>`;
        break;
      }
      case 'merged': {
        const n = notice.items.length;
        body = html`<p>
          ${notice.samePage
            ? n === 1
              ? msg('1 answer you gave in another form on this page has been added here.')
              : msg(str`${n} answers you gave in another form on this page have been added here.`)
            : n === 1
              ? msg('1 answer you gave in another tab or window has been added here.')
              : msg(str`${n} answers you gave in another tab or window have been added here.`)}
        </p>`;
        break;
      }
    }
    return html`<div class="notice" part="notice" data-notice=${notice.code}>${body} ${actions}</div>`;
  }

  private questionNumber(id: string): number {
    return this.quiz.questions.findIndex((q) => q.id === id) + 1;
  }

  private errorText(question: Question): string {
    switch (question.type) {
      case 'multiple':
        return msg('Select at least one answer');
      case 'true-false':
        return msg('Select true or false');
      default:
        return msg('Select an answer');
    }
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const q = this.quiz;
    if (!q.errors.length || q.phase !== 'answering') return nothing;
    const onCheck = q.onCheckPage;
    return html`
      <div class="error-summary" part="error-summary" tabindex="-1">
        <div role="alert">
          <h2>${msg('There is a problem')}</h2>
          <ul>
            ${q.errors.map((e) => {
              const question = q.question(e.questionId);
              if (!question) return nothing;
              const text = onCheck
                ? msg(str`Answer question ${this.questionNumber(question.id)}: ${question.prompt}`)
                : this.errorText(question);
              return html`<li>
                <a href="#o-${question.id}-${question.options[0]!.id}" @click=${(ev: Event) => this.onErrorLink(ev, question.id)}>${text}</a>
              </li>`;
            })}
          </ul>
        </div>
      </div>
    `;
  }

  private renderQuestion(question: Question): TemplateResult {
    const q = this.quiz;
    const error = q.errorFor(question.id);
    const selected = q.selected(question.id);
    const multiple = question.type === 'multiple';
    // The quiz adds the hint itself; a prompt that already says it does not get it twice.
    const hinted = multiple && !promptHasHint(question.prompt);
    const locked = q.isLocked(question.id);
    const scenarioId = `q-${question.id}-scenario`;
    const hintId = `q-${question.id}-hint`;
    const errorId = `q-${question.id}-error`;
    const describedBy = [question.scenario !== undefined ? scenarioId : '', hinted || locked ? hintId : '', error ? errorId : '']
      .filter(Boolean)
      .join(' ');
    const revealed = q.feedback === 'immediate' && q.isRevealed(question.id);
    return html`
      <div class="question ${error ? 'question--error' : ''}" part=${error ? 'question question-error' : 'question'}>
        <fieldset id="q-${question.id}" aria-describedby=${describedBy || nothing}>
          <legend part="legend">
            <span class="caption" part="progress">${msg(str`Question ${q.step + 1} of ${q.questions.length}`)}</span>
            <h2 class="question-heading" data-focus="heading" tabindex="-1" part="heading">${question.prompt}</h2>
          </legend>
          ${question.scenario !== undefined
            ? html`<div class="scenario" id=${scenarioId} part="scenario">
                <p class="scenario-label">${msg('Scenario')}</p>
                <p>${question.scenario}</p>
              </div>`
            : nothing}
          ${hinted || locked
            ? html`<div class="hint" id=${hintId} part="hint">
                ${hinted ? msg('Select all that apply.') : nothing} ${locked ? msg('Your answer was checked, so it cannot be changed.') : nothing}
              </div>`
            : nothing}
          ${error
            ? html`<p class="error-message" id=${errorId} part="error-message">
                <span class="lf-visually-hidden">${msg('Error:')}</span> ${this.errorText(question)}
              </p>`
            : nothing}
          <div class="options ${multiple ? 'options--checkboxes' : 'options--radios'}" part="options">
            ${question.options.map((o) => {
              const id = `o-${question.id}-${o.id}`;
              return html`
                <div class="option" part="option">
                  <input
                    type=${multiple ? 'checkbox' : 'radio'}
                    part=${multiple ? 'checkbox' : 'radio'}
                    id=${id}
                    name=${question.id}
                    .value=${o.id}
                    .checked=${live(selected.includes(o.id))}
                    ?disabled=${locked}
                    @change=${this.onOptionChange}
                  />
                  <label for=${id} part="option-label">${o.text}</label>
                </div>
              `;
            })}
          </div>
        </fieldset>
      </div>
      <div class="feedback-region" part="feedback-region" role="status" aria-live="polite">
        ${revealed ? this.renderFeedback(question) : nothing}
      </div>
      <div class="buttons">
        <button type="submit" part="button button-continue">${revealed || q.feedback === 'none' ? msg('Continue') : msg('Check answer')}</button>
        ${q.step > 0
          ? html`<button type="button" class="secondary" part="button button-back" @click=${this.onBack}>${msg('Back')}</button>`
          : nothing}
      </div>
    `;
  }

  /** Right, partly right or wrong by the engine's `credit`; the words say which, not only the colour. */
  private renderFeedback(question: Question): TemplateResult {
    const share = credit(question, this.quiz.selected(question.id));
    const kind = share === 1 ? 'correct' : share > 0 ? 'partial' : 'incorrect';
    const title = kind === 'correct' ? msg('Correct') : kind === 'partial' ? msg('Partly correct') : msg('Incorrect');
    return html`<div class="feedback feedback--${kind}" part="feedback feedback-${kind}">
      <p class="feedback-title">${title}</p>
      <p>${kind === 'correct' ? question.feedback.correct : question.feedback.incorrect}</p>
      ${question.reference !== undefined ? html`<p class="reference">${msg(str`Reference: ${question.reference}`)}</p>` : nothing}
      ${this.quiz.hasCountedTry(question.id) && this.quiz.checkedAnswers === 'first-try'
        ? html`<p class="first-try">${msg('Only your first answer counts towards your score.')}</p>`
        : nothing}
    </div>`;
  }

  /** Practice says it does not count; an assessment says how answers count. */
  private renderModeNotice(): TemplateResult {
    const text =
      this.quiz.mode === 'practice'
        ? msg('This is practice. Your score does not count and is not sent anywhere.')
        : this.quiz.feedback === 'none'
          ? msg('This quiz counts. You can change your answers until you submit them.')
          : this.quiz.checkedAnswers === 'lock'
            ? msg('This quiz counts. Once you check an answer, you cannot change it.')
            : msg('This quiz counts. Only the first answer you check for each question counts towards your score.');
    return html`<p class="mode-notice" part="mode-notice" data-mode=${this.quiz.mode}>${text}</p>`;
  }

  private answerText(question: Question): TemplateResult | string {
    const selected = this.quiz.selected(question.id);
    if (!selected.length) return msg('Not answered');
    const texts = question.options.filter((o) => selected.includes(o.id)).map((o) => o.text);
    if (texts.length === 1) return texts[0]!;
    return html`<ul class="answer-list">
      ${texts.map((t) => html`<li>${t}</li>`)}
    </ul>`;
  }

  private renderCheckAnswers(): TemplateResult {
    const q = this.quiz;
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">${msg('Check your answers')}</h2>
      <dl class="summary-list" part="check-answers">
        ${q.questions.map((question, i) => {
          const n = i + 1;
          return html`
            <div class="summary-row" data-question=${question.id}>
              <dt><span class="number">${msg(str`Question ${n}`)}</span> ${question.prompt}</dt>
              <dd>${this.answerText(question)}</dd>
              <dd class="actions">
                ${q.isLocked(question.id)
                  ? msg('Checked')
                  : html`<a
                      href="#o-${question.id}-${question.options[0]!.id}"
                      part="change-link"
                      @click=${(e: Event) => this.onChangeLink(e, question.id)}
                      >${msg('Change')}<span class="lf-visually-hidden"> ${msg(str`your answer to question ${n}`)}</span></a
                    >`}
              </dd>
            </div>
          `;
        })}
      </dl>
      <h3>${msg('Now submit your answers')}</h3>
      <p>${msg('When you submit, your answers are scored and you will see how you did.')}</p>
      <div class="buttons">
        <button type="submit" part="button button-submit" aria-disabled=${q.phase === 'submitting' ? 'true' : nothing}>
          ${msg('Submit answers')}
        </button>
        <button type="button" class="secondary" part="button button-back" @click=${this.onBack}>${msg('Back')}</button>
      </div>
    `;
  }

  private renderResults(score: QuizScore, framework: Framework): TemplateResult {
    const locale = currentLocale();
    const marks = quizMarks(score.score);
    const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const raw = num.format(marks.raw);
    const max = num.format(marks.max);
    const scaled = pct.format(marks.percent / 100);
    const passMark = pct.format(score.passMark);
    const best = score.levelFit.bestFit ? framework.levels.find((l) => l.id === score.levelFit.bestFit) : undefined;
    const outcome = score.passed ? 'pass' : 'fail';
    const bank = this.session!.bank;
    const review = !this.noReview && bank.delivery?.review !== false;
    const showLevelFit = !this.hideLevelFit && (this.responses !== null || this.reachesLevel !== false);
    return html`
      <div class="results" part="results">
        <div class="panel panel--${outcome}" part="results-panel results-panel-${outcome}">
          <h2 data-focus="heading" tabindex="-1" part="heading">${score.passed ? msg('You passed') : msg('You did not pass this time')}</h2>
          <p class="score">${msg(str`Your score: ${raw} out of ${max} (${scaled})`)}</p>
          <p>${msg(str`The pass mark is ${passMark}.`)}</p>
          ${score.mode === 'practice' ? html`<p>${msg('This was practice, so the score does not count.')}</p>` : nothing}
        </div>
        ${score.items.length
          ? html`<h3 id="mastery-heading">${msg('How you did in each area')}</h3>
              <table class="mastery" part="mastery" aria-labelledby="mastery-heading">
                <thead>
                  <tr>
                    <th scope="col">${msg('Area')}</th>
                    <th scope="col" class="num">${msg('Questions')}</th>
                    <th scope="col" class="num">${msg('Score')}</th>
                    <th scope="col">${msg('Rating')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${score.items.map(
                    (item) => html`<tr data-item=${item.id}>
                      <th scope="row">${item.code !== undefined ? html`<span class="code">${item.code}</span> ` : nothing}${item.title}</th>
                      <td class="num">${item.questions}</td>
                      <td class="num">${pct.format(percentOf(item.mastery) / 100)}</td>
                      <td>
                        ${ratingLabel(framework, item.rating)}
                        ${item.capped ? html`<span class="capped">${msg('(more questions are needed to rate higher)')}</span>` : nothing}
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
          : nothing}
        ${review ? this.renderReview(score) : nothing}
        ${showLevelFit
          ? html`<div class="level-fit" part="level-fit">
              <h3>${msg('Your level fit')}</h3>
              <p>
                ${best ? msg(str`Your best fit is ${best.title}.`) : msg('Your answers do not yet meet any level in full.')}
                ${this.responses ? msg('This combines your quiz answers with your self-assessment.') : msg('This is from your quiz answers alone.')}
              </p>
              <slot name="level-fit"></slot>
            </div>`
          : nothing}
        ${this.renderRestart(bank)}
      </div>
    `;
  }

  /** Each question right, partly right or wrong, with the answer that counted, the correct answer and the feedback. */
  private renderReview(score: QuizScore): TemplateResult {
    const byId = new Map(this.quiz.questions.map((q) => [q.id, q]));
    const asked = this.quiz.questions.map((q) => score.questions.find((r) => r.id === q.id)).filter((r) => r !== undefined);
    const texts = (question: Question, ids: readonly string[]) => question.options.filter((o) => ids.includes(o.id)).map((o) => o.text);
    const list = (items: string[]) =>
      items.length === 1
        ? items[0]
        : html`<ul class="answer-list">
            ${items.map((t) => html`<li>${t}</li>`)}
          </ul>`;
    return html`<h3 id="review-heading">${msg('Your answers')}</h3>
      <ol class="review" part="review" aria-labelledby="review-heading">
        ${asked.map((r) => {
          const question = byId.get(r.id)!;
          const share = r.maxPoints > 0 ? r.points / r.maxPoints : 0;
          const kind = r.correct ? 'correct' : share > 0 ? 'partial' : 'incorrect';
          const status = kind === 'correct' ? msg('Right') : kind === 'partial' ? msg('Partly right') : msg('Wrong');
          const correct = question.options.filter((o) => o.correct).map((o) => o.id);
          return html`<li class="review-item review-item--${kind}" part="review-item review-${kind}" data-question=${r.id}>
            <p class="review-prompt">${question.prompt}</p>
            <p class="review-status"><strong>${status}</strong></p>
            <dl>
              <dt>${score.mode === 'assessment' && r.attempts > 1 ? msg('Your first answer (the one that counts)') : msg('Your answer')}</dt>
              <dd>${r.selected.length ? list(texts(question, r.selected)) : msg('Not answered')}</dd>
              ${r.correct
                ? nothing
                : html`<dt>${msg('The correct answer')}</dt>
                    <dd>${list(texts(question, correct))}</dd>`}
            </dl>
            <p class="review-feedback">${r.correct ? question.feedback.correct : question.feedback.incorrect}</p>
            ${question.reference !== undefined ? html`<p class="reference">${msg(str`Reference: ${question.reference}`)}</p>` : nothing}
          </li>`;
        })}
      </ol>`;
  }

  /** "Start again", unless the result went to an LMS (and the host does not allow it) or no attempts are left; then why not. */
  private renderRestart(bank: QuestionBank): TemplateResult {
    const limit = bank.delivery?.attempts;
    const used = this.attemptsSpent();
    let reason: string | null = null;
    if (this.reportsToLms && !this.allowRestart) {
      reason = msg('Your result has been sent to your learning system, so this quiz cannot be started again here.');
    } else if (limit !== undefined && used >= limit) {
      reason = limit === 1 ? msg('This quiz can be taken once, so it cannot be started again.') : msg(str`You have used all ${limit} attempts at this quiz.`);
    }
    if (reason !== null) return html`<p class="restart-notice" part="restart-notice">${reason}</p>`;
    const left = limit === undefined ? null : limit - used;
    return html`<div class="buttons">
      <button type="button" class="secondary" part="button button-restart" @click=${this.onRestart}>${msg('Start again')}</button>
      ${left !== null ? html`<p class="attempts-left">${left === 1 ? msg('You have 1 attempt left.') : msg(str`You have ${left} attempts left.`)}</p>` : nothing}
    </div>`;
  }
}

/** What one bank, framework and draft key make: a new session starts when any of them changes. */
interface QuizSession {
  bank: QuestionBank;
  framework: Framework;
  storage: StorageKind;
  key: string | null;
  person: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-quiz': LfQuiz;
  }
}
