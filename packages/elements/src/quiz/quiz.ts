import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import {
  safeParseQuestionBank,
  scoreQuiz,
  type Framework,
  type Issue,
  type Question,
  type QuestionBank,
  type QuizAnswers,
  type QuizScore,
  type Responses,
  type ScoreQuizOptions,
} from '@levelfit/engine';
import { credit } from '@levelfit/engine/internal';
import { isStorageKind, type StorageKind } from '../drafts/storage.js';
import { DraftStore, type ConflictChoice, type DraftNotice } from '../drafts/draft-store.js';
import { QUIZ_DRAFTS } from '../drafts/quiz-envelope.js';
import { LfQuizChangeEvent } from '../events/lf-quiz-change.js';
import { LfQuizSubmitEvent } from '../events/lf-quiz-submit.js';
import { BankController, type BankSource } from '../internal/bank-controller.js';
import type { FrameworkSource } from '../internal/framework-controller.js';
import { formStyles } from '../internal/form.styles.js';
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
 *
 * @event {LfQuizSubmitEvent} lf-quiz-submit - Submitted and scored, exactly once per submission (repeated clicks, Enter or `submit()` while scoring, or after submitting until `reset()`, are ignored). `detail: { answers, score }`; `score` is the engine's `QuizScore`.
 * @event {LfQuizChangeEvent} lf-quiz-change - An option was selected or cleared. `detail: { questionId, selected, answers }`.
 * @event {LfErrorEvent} lf-error - The bank, its framework or an option is unusable, or scoring failed. `detail: { issues, source }`; the issues are also shown inline.
 *
 * @slot level-fit - Shown in the results under "Your level fit": put an `<lf-level-fit>` here and give it `detail.score.levelFit`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart bank-title - The bank's title above the quiz.
 * @csspart notices - The polite status region holding draft notices.
 * @csspart notice - One notice (answers restored, set aside, cannot save, changed in another tab).
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
 * @csspart button - Every button; also `button-continue`, `button-back`, `button-submit`, `button-restart`, `button-dismiss`, `button-use-theirs`, `button-keep-mine`.
 * @csspart check-answers - The "Check your answers" summary list.
 * @csspart change-link - A "Change" link.
 * @csspart results - The results view.
 * @csspart results-panel - The score panel (also `results-panel-pass` or `results-panel-fail`).
 * @csspart mastery - The mastery table, one row per framework item the bank evidences.
 * @csspart level-fit - The level-fit summary around the `level-fit` slot.
 * @csspart draft-status - The polite status line that says "Draft saved".
 * @csspart error - The inline error shown for bad input or a failed score.
 *
 * @cssproperty --lf-font-family - Font family.
 * @cssproperty --lf-font-size - Base font size.
 * @cssproperty --lf-color-text - Text colour.
 * @cssproperty --lf-color-text-secondary - Hints and captions.
 * @cssproperty --lf-color-background - Field background.
 * @cssproperty --lf-color-surface - Notices, scenario and secondary buttons.
 * @cssproperty --lf-color-border - Summary list and table rules.
 * @cssproperty --lf-color-input-border - Radio and checkbox colour.
 * @cssproperty --lf-color-brand - Primary buttons, notice and feedback borders.
 * @cssproperty --lf-color-brand-text - Text on primary buttons.
 * @cssproperty --lf-color-link - Links.
 * @cssproperty --lf-color-error - Error borders and messages, incorrect feedback.
 * @cssproperty --lf-color-success - Correct feedback and the pass panel.
 * @cssproperty --lf-color-focus - Focus highlight.
 * @cssproperty --lf-color-focus-text - Text and ring on the focus highlight.
 * @cssproperty --lf-radius - Corner radius of buttons and panels.
 * @cssproperty --lf-space - Base spacing unit.
 * @cssproperty --lf-form-max-width - Widest the quiz grows (default 48rem).
 * @cssproperty --lf-radio-size - Radio and checkbox size (default 1.75rem; never under 24px).
 * @cssproperty --lf-button-background - Primary button background (default: brand).
 * @cssproperty --lf-button-text - Primary button text.
 * @cssproperty --lf-button-shadow - Primary button bottom shadow.
 * @cssproperty --lf-button-secondary-background - Back / restart button background.
 * @cssproperty --lf-button-secondary-text - Back / restart button text.
 * @cssproperty --lf-panel-background - Pass panel background (default: success).
 * @cssproperty --lf-panel-text - Pass panel text.
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

  @state()
  private lastScore: QuizScore | null = null;

  private readonly banks = new BankController(this, () => this.bank);
  private readonly quiz = new QuizController(this);
  private readonly drafts = new DraftStore(this, QUIZ_DRAFTS, {
    snapshot: () => {
      const q = this.quiz;
      if (!q.bank || q.phase !== 'answering') return null;
      return { bank: q.bank, answers: q.answers, step: q.step, revealed: q.revealed };
    },
    apply: (answers) => this.quiz.merge(answers),
  });

  private submitProblem: Problem | null = null;
  private session: { bank: QuestionBank; framework: Framework; storage: StorageKind; key: string | null } | null = null;
  private fit: { bank: QuestionBank; framework: Framework; issues: Issue[] } | null = null;

  /** The engine's score of the last submission (the same as `lf-quiz-submit`'s `detail.score`), or null. */
  get score(): QuizScore | null {
    return this.lastScore;
  }

  /** A copy of the answers so far: `{ [questionId]: optionId[] }`. */
  get answers(): QuizAnswers {
    return this.quiz.answers;
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
    if (!session || !q.onCheckPage || !q.checkAll() || !q.beginSubmit()) return null;
    const answers = q.answers;
    const options: ScoreQuizOptions = { framework: session.framework };
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
    this.problem = this.resolve();
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
    const s = this.session;
    if (s && s.bank === bank && s.framework === framework && s.key === key) {
      if (s.storage !== storage) {
        this.session = { ...s, storage };
        this.drafts.setStorage(storage);
      }
    } else {
      this.drafts.flush();
      this.session = { bank, framework, storage, key };
      this.quiz.setBank(bank);
      this.lastScore = null;
      this.submitProblem = null;
      const draft = this.drafts.open(bank, storage, key);
      if (draft) this.quiz.restore(draft);
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

  private storageKind(): StorageKind {
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
    if (!this.quiz.select(questionId, input.value, input.checked)) return;
    this.drafts.schedule();
    this.emit(new LfQuizChangeEvent({ questionId, selected: [...this.quiz.selected(questionId)], answers: this.quiz.answers }));
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const q = this.quiz;
    if (q.phase !== 'answering') return;
    if (q.onCheckPage) {
      void this.submit();
      return;
    }
    const result = q.next();
    if (result.ok) {
      if (!result.revealed) this.drafts.clearNotices();
      this.submitProblem = null;
      this.drafts.schedule();
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
    this.reset();
  }

  private onDismiss(notice: DraftNotice): void {
    this.drafts.dismiss(notice);
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
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    if (this.problem) return html`<div class="base" part="base">${this.renderQuizProblem(this.problem)}</div>`;
    const q = this.quiz;
    const session = this.session;
    if (!session || !q.bank) {
      return html`<div class="base" part="base">${this.renderLoading(msg('Loading the questions…'))}</div>`;
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
        body = html`<p>${msg(str`We have restored the answers you saved on ${when}.`)}</p>
          ${n > 0
            ? html`<p>
                ${n === 1
                  ? msg('1 saved answer no longer fits the questions, so it has been left out.')
                  : msg(str`${n} saved answers no longer fit the questions, so they have been left out.`)}
              </p>`
            : nothing}
          ${notice.migrated?.keptKey ? html`<p>${msg('A copy of your earlier answers has been kept on this device.')}</p>` : nothing}`;
        break;
      }
      case 'conflict': {
        const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(notice.savedAt);
        body = html`<p>${msg(str`Your answers were also changed in another tab or window, at ${when}.`)}</p>
          <p>${msg(str`Questions with a different answer there: ${this.numbers(notice.items)}.`)}</p>
          <p>${msg('Your answers here are not saved until you choose which to keep.')}</p>`;
        actions = html`<button type="button" class="secondary" part="button button-use-theirs" @click=${() => this.onResolve('theirs')}>
            ${msg('Use the other tab’s answers')}
          </button>
          <button type="button" class="secondary" part="button button-keep-mine" @click=${() => this.onResolve('mine')}>${msg('Keep mine')}</button>`;
        break;
      }
      case 'merged': {
        const n = notice.items.length;
        body = html`<p>
          ${n === 1
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
    const scenarioId = `q-${question.id}-scenario`;
    const hintId = `q-${question.id}-hint`;
    const errorId = `q-${question.id}-error`;
    const describedBy = [question.scenario !== undefined ? scenarioId : '', multiple ? hintId : '', error ? errorId : '']
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
          ${multiple ? html`<div class="hint" id=${hintId} part="hint">${msg('Select all that apply.')}</div>` : nothing}
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
    </div>`;
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
                <a href="#o-${question.id}-${question.options[0]!.id}" part="change-link" @click=${(e: Event) => this.onChangeLink(e, question.id)}
                  >${msg('Change')}<span class="lf-visually-hidden"> ${msg(str`your answer to question ${n}`)}</span></a
                >
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
    const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const raw = num.format(score.score.raw);
    const max = num.format(score.score.max);
    const scaled = pct.format(Math.floor(score.score.scaled * 100) / 100);
    const passMark = pct.format(score.passMark);
    const best = score.levelFit.bestFit ? framework.levels.find((l) => l.id === score.levelFit.bestFit) : undefined;
    const outcome = score.passed ? 'pass' : 'fail';
    return html`
      <div class="results" part="results">
        <div class="panel panel--${outcome}" part="results-panel results-panel-${outcome}">
          <h2 data-focus="heading" tabindex="-1" part="heading">${score.passed ? msg('You passed') : msg('You did not pass this time')}</h2>
          <p class="score">${msg(str`Your score: ${raw} out of ${max} (${scaled})`)}</p>
          <p>${msg(str`The pass mark is ${passMark}.`)}</p>
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
                      <td class="num">${pct.format(Math.floor(item.mastery * 100) / 100)}</td>
                      <td>${ratingLabel(framework, item.rating)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
          : nothing}
        <div class="level-fit" part="level-fit">
          <h3>${msg('Your level fit')}</h3>
          <p>
            ${best ? msg(str`Your best fit is ${best.title}.`) : msg('Your answers do not yet meet any level in full.')}
            ${this.responses ? msg('This combines your quiz answers with your self-assessment.') : msg('This is from your quiz answers alone.')}
          </p>
          <slot name="level-fit"></slot>
        </div>
        <div class="buttons">
          <button type="button" class="secondary" part="button button-restart" @click=${this.onRestart}>${msg('Start again')}</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-quiz': LfQuiz;
  }
}
